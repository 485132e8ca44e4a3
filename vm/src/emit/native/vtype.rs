//! Viper types (`vtype_kind_t` in `py/emitnative.c`, `MP_NATIVE_TYPE_*` in `py/runtime0.h`).
//!
//! Every value on the emitter's compile-time stack and every local carries one of these. Plain `@native`
//! code only ever sees [`VType::PyObj`] (plus the immediates below until they are materialised); viper code
//! tracks machine types. The low four bits of each code are the `MP_NATIVE_TYPE_*` number that
//! `mp_convert_obj_to_native` / `mp_convert_native_to_obj` take, and the emitter passes the *whole* code
//! to those helpers (so `None` goes over as `0x54`).

/// `vtype_kind_t`, with the C values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VType {
    /// A Python object (`MP_NATIVE_TYPE_OBJ`).
    PyObj = 0x00,
    /// A C `bool` held in a machine word.
    Bool = 0x01,
    /// A signed machine word.
    Int = 0x02,
    /// An unsigned machine word.
    Uint = 0x03,
    /// An untyped pointer (cannot be indexed).
    Ptr = 0x04,
    /// A pointer to bytes.
    Ptr8 = 0x05,
    /// A pointer to 16-bit words.
    Ptr16 = 0x06,
    /// A pointer to 32-bit words.
    Ptr32 = 0x07,
    /// The constant `None` before it is turned into an object.
    PtrNone = 0x54,
    /// A viper local before its first assignment, or a stack slot never written.
    Unbound = 0x60,
    /// A viper cast builtin (`int`, `ptr8`, ...) loaded as a function: its immediate is the target type.
    BuiltinCast = 0x70,
}

impl VType {
    /// The C enum value (what `mp_convert_native_to_obj` receives).
    pub const fn code(self) -> i64 {
        self as i64
    }

    /// The type of a parameter or return annotation, from its `MP_NATIVE_TYPE_*` number.
    pub const fn from_native_type(t: u32) -> VType {
        match t {
            1 => VType::Bool,
            2 => VType::Int,
            3 => VType::Uint,
            4 => VType::Ptr,
            5 => VType::Ptr8,
            6 => VType::Ptr16,
            7 => VType::Ptr32,
            _ => VType::PyObj,
        }
    }

    /// `vtype_to_qstr`: the name used in error messages.
    pub const fn name(self) -> &'static str {
        match self {
            VType::PyObj => "object",
            VType::Bool => "bool",
            VType::Int => "int",
            VType::Uint => "uint",
            VType::Ptr => "ptr",
            VType::Ptr8 => "ptr8",
            VType::Ptr16 => "ptr16",
            VType::Ptr32 => "ptr32",
            VType::PtrNone | VType::Unbound | VType::BuiltinCast => "None",
        }
    }

    /// `int` or `uint`.
    pub const fn is_int(self) -> bool {
        matches!(self, VType::Int | VType::Uint)
    }
}

/// `MP_NATIVE_TYPE_*` numbers.
pub const NATIVE_TYPE_OBJ: u32 = 0;
pub const NATIVE_TYPE_BOOL: u32 = 1;
pub const NATIVE_TYPE_INT: u32 = 2;

/// `mp_native_type_from_qstr`: the viper type an identifier names, if any.
pub fn native_type_from_qstr(name: &str) -> Option<u32> {
    Some(match name {
        "object" => 0,
        "bool" => 1,
        "int" => 2,
        "uint" => 3,
        "ptr" => 4,
        "ptr8" => 5,
        "ptr16" => 6,
        "ptr32" => 7,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_native_types() {
        for name in ["object", "bool", "int", "uint", "ptr", "ptr8", "ptr16", "ptr32"] {
            let t = native_type_from_qstr(name).unwrap();
            assert_eq!(VType::from_native_type(t).name(), name);
            assert_eq!(VType::from_native_type(t).code() as u32, t);
        }
        assert_eq!(native_type_from_qstr("float"), None);
        assert_eq!(VType::PtrNone.code() & 0xf, 4);
    }
}
