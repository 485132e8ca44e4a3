//! Xtensa instructions only the inline assembler writes (being written).
