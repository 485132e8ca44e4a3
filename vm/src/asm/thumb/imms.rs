//! Range-checked Thumb immediates and branch offsets: each newtype's constructor accepts exactly the
//! values its instruction field can hold, so an out-of-range value cannot reach an encoder.

/// An unsigned immediate of `BITS` bits (`UNSIGNED_FIT5`, `UNSIGNED_FIT8`, ... of `py/asmthumb.c`).
macro_rules! unsigned_imm {
    ($(#[$doc:meta])* $name:ident, $bits:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct $name(u16);

        impl $name {
            /// The largest value.
            pub const MAX: u16 = (1 << $bits) - 1;

            /// `Some` if `v` fits.
            pub const fn new(v: i64) -> Option<$name> {
                if v >= 0 && v <= Self::MAX as i64 {
                    Some($name(v as u16))
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
                    $name(v as u16)
                }
            }

            /// The value.
            pub const fn get(self) -> u16 {
                self.0
            }
        }
    };
}

unsigned_imm!(
    /// 5-bit field: shift amounts and the scaled offsets of `ldr/str rlo, [rlo, #i5]`.
    U5,
    5
);
unsigned_imm!(
    /// 7-bit field: `add/sub sp, #4*i7` counts words.
    U7,
    7
);
unsigned_imm!(
    /// 8-bit field: `movs/cmp/adds rlo, #i8` and the word offsets of sp- and pc-relative forms.
    U8,
    8
);
unsigned_imm!(
    /// 11-bit field as `OP_ADD_W_RRI_LO` packs it (`addw/subw`: bits 0..7 and 8..10; the `i` bit is
    /// never set).
    U11,
    11
);
unsigned_imm!(
    /// 12-bit byte offset of the wide loads and stores (`ldr.w rt, [rn, #i12]`).
    U12,
    12
);

/// A signed, even branch offset of `BITS` bits (counting the implied zero bit), relative to the
/// instruction's address plus 4.
macro_rules! rel_imm {
    ($(#[$doc:meta])* $name:ident, $bits:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct $name(i32);

        impl $name {
            /// `Some` if `v` is even and in range.
            pub const fn new(v: i64) -> Option<$name> {
                let lim = 1i64 << ($bits - 1);
                if v >= -lim && v < lim && v % 2 == 0 {
                    Some($name(v as i32))
                } else {
                    None
                }
            }

            /// `v` forced into range and made even: for constants known to fit.
            pub const fn clamped(v: i64) -> $name {
                let lim = 1i64 << ($bits - 1);
                let v = if v < -lim { -lim } else if v >= lim { lim - 2 } else { v };
                $name((v & !1) as i32)
            }

            /// The offset in bytes.
            pub const fn get(self) -> i32 {
                self.0
            }
        }
    };
}

rel_imm!(
    /// `b<cc>.n`: 9 bits (`SIGNED_FIT9`), -256..=254.
    Rel9,
    9
);
rel_imm!(
    /// `b.n`: 12 bits (`SIGNED_FIT12`), -2048..=2046.
    Rel12,
    12
);
rel_imm!(
    /// `b<cc>.w`: 21 bits, about ±1 MiB.
    Rel21,
    21
);
rel_imm!(
    /// `b.w` as `OP_BW_HI/LO` write it: 23 bits (±4 MiB), because `J1` and `J2` are always 1.
    Rel23,
    23
);

/// `SIGNED_FIT9` etc.: whether `v` is representable in `bits` signed bits.
pub const fn signed_fit(v: i64, bits: u32) -> bool {
    let lim = 1i64 << (bits - 1);
    v >= -lim && v < lim
}

/// `#-0x10`-style immediate text as `objdump` prints small values (decimal).
pub fn dot_rel(v: i64) -> String {
    if v < 0 {
        format!(".-{}", v.unsigned_abs())
    } else {
        format!(".+{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::{Rel12, Rel23, Rel9, U5, U8};

    #[test]
    fn ranges() {
        assert!(U5::new(31).is_some() && U5::new(32).is_none() && U5::new(-1).is_none());
        assert!(U8::new(255).is_some() && U8::new(256).is_none());
        assert!(Rel9::new(-256).is_some() && Rel9::new(254).is_some());
        assert!(Rel9::new(256).is_none() && Rel9::new(3).is_none());
        assert!(Rel12::new(-2048).is_some() && Rel12::new(2048).is_none());
        assert!(Rel23::new(-(1 << 22)).is_some() && Rel23::new(1 << 22).is_none());
    }
}
