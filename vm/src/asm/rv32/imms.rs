//! Range-checked RV32 immediates and offsets (`FIT_SIGNED` / `FIT_UNSIGNED` of `py/asmrv32.c`): each
//! newtype accepts exactly what its instruction field holds.

/// A signed immediate of `BITS` bits, a multiple of `STEP`.
macro_rules! signed_imm {
    ($(#[$doc:meta])* $name:ident, $bits:expr, $step:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct $name(i32);

        impl $name {
            /// `Some` if `v` fits (and is a multiple of the step).
            #[allow(clippy::modulo_one)]
            pub const fn new(v: i64) -> Option<$name> {
                let lim = 1i64 << ($bits - 1);
                if v >= -lim && v < lim && v % $step == 0 {
                    Some($name(v as i32))
                } else {
                    None
                }
            }

            /// `v` forced into range: for constants known to fit.
            #[allow(clippy::modulo_one)]
            pub const fn clamped(v: i64) -> $name {
                let lim = 1i64 << ($bits - 1);
                let v = if v < -lim { -lim } else if v >= lim { lim - $step } else { v };
                $name((v - v % $step) as i32)
            }

            /// The value.
            pub const fn get(self) -> i32 {
                self.0
            }
        }
    };
}

/// An unsigned immediate below `LIMIT`, a multiple of `STEP`.
macro_rules! unsigned_imm {
    ($(#[$doc:meta])* $name:ident, $limit:expr, $step:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct $name(u32);

        impl $name {
            /// `Some` if `v` fits (and is a multiple of the step).
            #[allow(clippy::modulo_one)]
            pub const fn new(v: i64) -> Option<$name> {
                if v >= 0 && v < $limit && v % $step == 0 {
                    Some($name(v as u32))
                } else {
                    None
                }
            }

            /// `v` forced into range: for constants known to fit.
            #[allow(clippy::modulo_one)]
            pub const fn clamped(v: i64) -> $name {
                let v = if v < 0 { 0 } else if v >= $limit { $limit - $step } else { v };
                $name((v - v % $step) as u32)
            }

            /// The value.
            pub const fn get(self) -> u32 {
                self.0
            }
        }
    };
}

signed_imm!(
    /// I- and S-type immediates (`addi`, loads, stores, `jalr`).
    I12,
    12,
    1
);
signed_imm!(
    /// `c.addi` / `c.li` immediates.
    I6,
    6,
    1
);
signed_imm!(
    /// B-type branch offsets (`beq`, `bne`), even.
    Rel13,
    13,
    2
);
signed_imm!(
    /// `c.beqz` / `c.bnez` offsets, even.
    Rel9,
    9,
    2
);
signed_imm!(
    /// `c.j` offsets, even.
    Rel12,
    12,
    2
);
unsigned_imm!(
    /// `slli` shift amounts.
    Shamt,
    32,
    1
);
unsigned_imm!(
    /// `c.lwsp` / `c.swsp` byte offsets: 0..=252, multiples of 4.
    SpOff,
    256,
    4
);
unsigned_imm!(
    /// `c.lw` / `c.sw` byte offsets: 0..=124, multiples of 4.
    COff,
    128,
    4
);
unsigned_imm!(
    /// `c.addi4spn` offsets: 4..=1020 (0 is reserved), multiples of 4.
    Addi4spn,
    1024,
    4
);

/// The upper 20 bits of `lui`/`auipc`, as the value they put in the register (low 12 bits zero).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Upper(u32);

impl Upper {
    /// Zero.
    pub const ZERO: Upper = Upper(0);

    /// `Some` if the low 12 bits of `v` are zero.
    pub const fn new(v: u32) -> Option<Upper> {
        if v & 0xfff == 0 {
            Some(Upper(v))
        } else {
            None
        }
    }

    /// The register value.
    pub const fn get(self) -> u32 {
        self.0
    }
}

/// The 6-bit nonzero immediate of `c.lui`: values whose bits 12..=16 sign-extend (`FIT_SIGNED(17)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CUpper(i32);

impl CUpper {
    /// `Some` for a nonzero multiple of 4096 in -131072..=126976.
    pub const fn new(v: i64) -> Option<CUpper> {
        if v != 0 && v % 4096 == 0 && v >= -(1 << 17) && v < (1 << 17) {
            Some(CUpper(v as i32))
        } else {
            None
        }
    }

    /// The register value.
    pub const fn get(self) -> i32 {
        self.0
    }
}

/// `.+8` / `.-4` text for a target relative to the instruction.
pub fn dot_rel(v: i64) -> String {
    if v < 0 {
        format!(".-{}", v.unsigned_abs())
    } else {
        format!(".+{v}")
    }
}
