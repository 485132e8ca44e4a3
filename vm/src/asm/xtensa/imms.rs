//! Range-checked Xtensa immediates and branch offsets: each newtype accepts exactly what its
//! instruction field holds (`SIGNED_FIT8`, `SIGNED_FIT12`, `SIGNED_FIT18` of `py/asmxtensa.c`).

/// A signed immediate of `BITS` bits.
macro_rules! signed_imm {
    ($(#[$doc:meta])* $name:ident, $bits:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct $name(i32);

        impl $name {
            /// `Some` if `v` fits.
            pub const fn new(v: i64) -> Option<$name> {
                let lim = 1i64 << ($bits - 1);
                if v >= -lim && v < lim {
                    Some($name(v as i32))
                } else {
                    None
                }
            }

            /// `v` forced into range: for constants known to fit.
            pub const fn clamped(v: i64) -> $name {
                let lim = 1i64 << ($bits - 1);
                $name(if v < -lim { -lim } else if v >= lim { lim - 1 } else { v } as i32)
            }

            /// The low `BITS` bits of `v`, sign-extended: what the C encoders store when they mask a
            /// value that does not fit without checking it.
            pub const fn wrapped(v: i64) -> $name {
                let shift = 64 - $bits;
                $name(((v << shift) >> shift) as i32)
            }

            /// The value.
            pub const fn get(self) -> i32 {
                self.0
            }
        }
    };
}

/// An unsigned immediate of `BITS` bits.
macro_rules! unsigned_imm {
    ($(#[$doc:meta])* $name:ident, $bits:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct $name(u32);

        impl $name {
            /// The largest value.
            pub const MAX: u32 = (1 << $bits) - 1;

            /// `Some` if `v` fits.
            pub const fn new(v: i64) -> Option<$name> {
                if v >= 0 && v <= Self::MAX as i64 {
                    Some($name(v as u32))
                } else {
                    None
                }
            }

            /// `v` forced into range: for constants known to fit.
            pub const fn clamped(v: i64) -> $name {
                $name(if v < 0 { 0 } else if v > Self::MAX as i64 { Self::MAX } else { v as u32 })
            }

            /// The low `BITS` bits of `v`: what the C encoders store when they shift a value that does
            /// not fit into its field without checking it.
            pub const fn wrapped(v: i64) -> $name {
                $name((v as u32) & Self::MAX)
            }

            /// The value.
            pub const fn get(self) -> u32 {
                self.0
            }
        }
    };
}

signed_imm!(
    /// `addi`'s immediate and `b<cc>`'s offset.
    I8,
    8
);
signed_imm!(
    /// `movi`'s immediate and `b<cc>z`'s offset.
    I12,
    12
);
signed_imm!(
    /// `j`'s offset and `call0`'s word offset.
    I18,
    18
);
signed_imm!(
    /// `l32r`'s word offset (always negative in practice: literals precede the code).
    I16,
    16
);
unsigned_imm!(
    /// The scaled offset of `l32i.n` / `s32i.n`.
    U4,
    4
);
unsigned_imm!(
    /// The scaled offset of `l8ui l16ui l32i s8i s16i s32i`.
    U8,
    8
);
unsigned_imm!(
    /// `entry`'s frame size in units of 8 bytes.
    U12,
    12
);

/// The immediate of `movi.n`: -32..=95.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MoviN(i32);

impl MoviN {
    /// `Some` if `v` is in -32..=95.
    pub const fn new(v: i64) -> Option<MoviN> {
        if v >= -32 && v <= 95 {
            Some(MoviN(v as i32))
        } else {
            None
        }
    }

    /// `v` forced into range: for constants known to fit.
    pub const fn clamped(v: i64) -> MoviN {
        MoviN(if v < -32 {
            -32
        } else if v > 95 {
            95
        } else {
            v as i32
        })
    }

    /// The value.
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
