//! The `.mpy` v6.3 format (`py/persistentcode.c`): the in-memory model, and its writer, reader and disassembler.

use num_bigint::BigInt;

pub mod disasm;
pub mod reader;
pub mod text;
pub mod vuint;
pub mod writer;

pub use reader::{read, ReadError};
pub use writer::write;

pub const MPY_VERSION: u8 = 6;
pub const MPY_SUB_VERSION: u8 = 3;

/// Native architectures, numbered as `MP_NATIVE_ARCH_*` in `py/persistentcode.h`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Arch {
    X86 = 1,
    X64 = 2,
    Armv6 = 3,
    Armv6m = 4,
    Armv7m = 5,
    Armv7em = 6,
    Armv7emsp = 7,
    Armv7emdp = 8,
    Xtensa = 9,
    Xtensawin = 10,
    Rv32imc = 11,
    Rv64imc = 12,
    Debug = 13,
}

impl Arch {
    pub const ALL: [Arch; 13] = [
        Arch::X86,
        Arch::X64,
        Arch::Armv6,
        Arch::Armv6m,
        Arch::Armv7m,
        Arch::Armv7em,
        Arch::Armv7emsp,
        Arch::Armv7emdp,
        Arch::Xtensa,
        Arch::Xtensawin,
        Arch::Rv32imc,
        Arch::Rv64imc,
        Arch::Debug,
    ];

    /// The `-march=` spelling.
    pub fn name(self) -> &'static str {
        match self {
            Arch::X86 => "x86",
            Arch::X64 => "x64",
            Arch::Armv6 => "armv6",
            Arch::Armv6m => "armv6m",
            Arch::Armv7m => "armv7m",
            Arch::Armv7em => "armv7em",
            Arch::Armv7emsp => "armv7emsp",
            Arch::Armv7emdp => "armv7emdp",
            Arch::Xtensa => "xtensa",
            Arch::Xtensawin => "xtensawin",
            Arch::Rv32imc => "rv32imc",
            Arch::Rv64imc => "rv64imc",
            Arch::Debug => "debug",
        }
    }

    pub fn from_name(s: &str) -> Option<Arch> {
        Arch::ALL.iter().copied().find(|a| a.name() == s)
    }

    pub fn from_code(code: u8) -> Option<Arch> {
        Arch::ALL.iter().copied().find(|a| *a as u8 == code)
    }
}

/// The header fields after the magic and version bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    /// `Some` only when the file holds native, viper or inline-assembler code (or, as mpy-cross quirkily
    /// does, when arch flags were given).
    pub arch: Option<Arch>,
    /// Written as a vuint after the header when non-zero (feature byte bit 6).
    pub arch_flags: u32,
    pub small_int_bits: u8,
    /// The sub-version bits of the feature byte as read (the writer always writes 3 when an arch is present).
    pub sub_version: u8,
}

/// A whole `.mpy` file in memory.
#[derive(Clone, Debug, PartialEq)]
pub struct MpyModule {
    pub header: Header,
    /// The module's qstr table; entry 0 is the source name. Strings found in the static qstr list are
    /// written in static form by the writer.
    pub qstrs: Vec<String>,
    /// The module's constant-object table.
    pub objs: Vec<ConstObj>,
    /// The module's top-level raw code, with its children.
    pub root: RawCode,
}

/// `MP_CODE_*` kinds as stored in a raw-code record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RawCodeKind {
    Bytecode = 0,
    Native = 1,
    Viper = 2,
    Asm = 3,
}

/// One function's code (`mp_raw_code_t` as saved).
#[derive(Clone, Debug, PartialEq)]
pub struct RawCode {
    pub kind: RawCodeKind,
    /// Bytecode: prelude + opcodes. Native: machine code followed by the prelude. Viper/asm: machine code.
    pub fun_data: Vec<u8>,
    /// Children in the order the parent creates them.
    pub children: Vec<RawCode>,
    /// Native only: offset of the prelude within `fun_data`.
    pub prelude_offset: u32,
    /// Viper and asm only (mpy-cross writes 0 for viper).
    pub scope_flags: u32,
    /// Asm only.
    pub n_pos_args: u32,
    /// Asm only.
    pub type_sig: u32,
}

impl RawCode {
    pub fn bytecode(fun_data: Vec<u8>, children: Vec<RawCode>) -> Self {
        RawCode {
            kind: RawCodeKind::Bytecode,
            fun_data,
            children,
            prelude_offset: 0,
            scope_flags: 0,
            n_pos_args: 0,
            type_sig: 0,
        }
    }
}

/// An entry of the constant-object table.
#[derive(Clone, Debug)]
pub enum ConstObj {
    /// `mp_fun_table` (type 0): present when the file has native code.
    FunTable,
    None,
    False,
    True,
    Ellipsis,
    Str(String),
    Bytes(Vec<u8>),
    Int(BigInt),
    Float(f64),
    Complex { real: f64, imag: f64 },
    Tuple(Vec<ConstObj>),
}

impl PartialEq for ConstObj {
    /// Strict equality as mpy-cross deduplicates: same type, floats compared by bits (0.0 ≠ −0.0),
    /// tuples element-wise.
    fn eq(&self, other: &Self) -> bool {
        use ConstObj::*;
        match (self, other) {
            (FunTable, FunTable) | (None, None) | (False, False) | (True, True) | (Ellipsis, Ellipsis) => true,
            (Str(a), Str(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Complex { real: ar, imag: ai }, Complex { real: br, imag: bi }) => {
                ar.to_bits() == br.to_bits() && ai.to_bits() == bi.to_bits()
            }
            (Tuple(a), Tuple(b)) => a == b,
            _ => false,
        }
    }
}
