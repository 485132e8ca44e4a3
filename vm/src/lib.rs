//! `mpy_vm`: the MicroPython compiler core. Source text in, `.mpy` v6.3 bytes out, byte-identical to mpy-cross 1.29.
//!
//! This crate is pure: it does no I/O, has no async, knows no LSP types and never prints. Broken input is
//! data: parsing returns the tree together with its errors, and compiling returns the first error as
//! mpy-cross would report it. The `mpyc` binary (`src/bin/mpyc.rs`) is the only place that touches files.

pub mod analysis;
pub mod asm;
pub mod compiler;
pub mod emit;
pub mod emitcheck;
pub mod error;
pub mod float;
pub mod hash;
pub mod mpy;
pub mod options;
pub mod profile;
pub mod qstr;
pub mod syntax;

pub use emitcheck::{check_emitters, native_listings, FunctionEmitReport};
pub use error::{CompileError, ErrorKind};
pub use mpy::{Arch, ConstObj, MpyModule, RawCode, RawCodeKind};
pub use options::{CompileOptions, EmitOpt};

/// The result of compiling one source file: the module when compilation succeeded, otherwise the error
/// mpy-cross would have reported.
#[derive(Debug)]
pub struct Compiled {
    pub module: Option<MpyModule>,
    pub error: Option<CompileError>,
    /// What `mpy-cross -march=debug` prints on stdout for this file (empty for other architectures).
    pub native_trace: String,
}

/// Compiles MicroPython source (raw bytes, as mpy-cross reads them) to an in-memory `.mpy` module.
pub fn compile(source: &[u8], opts: &CompileOptions) -> Compiled {
    compiler::compile_source(source, opts)
}

/// Compiles and serialises in one step: `Ok(bytes)` as mpy-cross would write them, or the error.
pub fn compile_to_mpy(source: &[u8], opts: &CompileOptions) -> Result<Vec<u8>, CompileError> {
    let out = compile(source, opts);
    match (out.module, out.error) {
        (_, Some(e)) => Err(e),
        (Some(m), None) => Ok(mpy::write(&m)),
        (None, None) => Err(CompileError::internal("compiler produced neither a module nor an error")),
    }
}
