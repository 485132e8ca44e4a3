//! Range-checked ARM immediates: each newtype accepts exactly what its field holds (MicroPython only
//! ever uses unrotated 8-bit data-processing immediates).

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
                if v < 0 {
                    $name(0)
                } else if v > Self::MAX as i64 {
                    $name(Self::MAX)
                } else {
                    $name(v as u32)
                }
            }

            /// The value.
            pub const fn get(self) -> u32 {
                self.0
            }
        }
    };
}

unsigned_imm!(
    /// Data-processing immediate with rotation 0 (`#imm8`).
    U8,
    8
);
unsigned_imm!(
    /// Shift amount of an immediate shift.
    U5,
    5
);
unsigned_imm!(
    /// Byte offset of `ldr/str/ldrb/strb rt, [rn, #imm12]`.
    U12,
    12
);

/// A branch offset in words, relative to the branch's address plus 8 (`b<cc> label`): 24 signed bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rel24(i32);

impl Rel24 {
    /// `Some` if `words` fits 24 signed bits (`MP_FIT_SIGNED(24, rel)`).
    pub const fn new(words: i64) -> Option<Rel24> {
        if words >= -(1 << 23) && words < (1 << 23) {
            Some(Rel24(words as i32))
        } else {
            None
        }
    }

    /// `words` forced into range: for constants known to fit.
    pub const fn clamped(words: i64) -> Rel24 {
        let lim = 1i64 << 23;
        Rel24(if words < -lim {
            -lim
        } else if words >= lim {
            lim - 1
        } else {
            words
        } as i32)
    }

    /// The offset in words.
    pub const fn get(self) -> i32 {
        self.0
    }
}

/// `.+8` / `.-4` text for a branch target relative to the instruction.
pub fn dot_rel(v: i64) -> String {
    if v < 0 {
        format!(".-{}", v.unsigned_abs())
    } else {
        format!(".+{v}")
    }
}
