//! Compiler options: everything on mpy-cross's command line that changes the output bytes.

use crate::mpy::Arch;

/// The default emitter for the whole module (`-X emit=`); decorators override it per function.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EmitOpt {
    #[default]
    Bytecode,
    Native,
    Viper,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileOptions {
    /// The name recorded as qstr 0 (mpy-cross: `-s NAME`, else the path as given, `\` turned into `/`).
    pub source_name: String,
    /// `-O<n>`: 0..=3. 1 and up drop `assert` and make `__debug__` false; 3 drops line numbers.
    pub opt_level: u8,
    /// `-X no-source-lines`.
    pub no_source_lines: bool,
    /// `-msmall-int-bits=N` (mpy-cross default 31).
    pub small_int_bits: u8,
    /// `-march=`; `None` when not given.
    pub arch: Option<Arch>,
    /// `-march-flags=` as the bit set written to the header (RISC-V: bit0 zba, bit1 zcmp).
    pub arch_flags: u32,
    /// `-X emit=`.
    pub emit: EmitOpt,
    /// The input path as given to mpy-cross (its lexer's source name), when it differs from `source_name`:
    /// mpy-cross makes it a qstr before parsing, so a long string literal equal to it is interned.
    pub input_name: Option<String>,
}

impl Default for CompileOptions {
    fn default() -> Self {
        CompileOptions {
            source_name: "<stdin>".to_string(),
            opt_level: 0,
            no_source_lines: false,
            small_int_bits: 31,
            arch: None,
            arch_flags: 0,
            emit: EmitOpt::Bytecode,
            input_name: None,
        }
    }
}
