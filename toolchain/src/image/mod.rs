//! Images: ROMFS and frozen C.
