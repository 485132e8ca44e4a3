//! i386 immediates and displacements: the same rules as x64 (`SIGNED_FIT8`, `asm_x86_write_r32_disp`),
//! so this re-exports `x64::imms`.

pub use crate::asm::x64::imms::{dot_rel, hex, mem_text, signed_fit8, ArithImm, Disp};
