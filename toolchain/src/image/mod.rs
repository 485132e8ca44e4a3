//! Images built from compiled artifacts: ROMFS filesystem images and frozen-module C source.

pub mod frozen;
pub mod romfs;
