//! RV32 instructions only the inline assembler writes (being written).
