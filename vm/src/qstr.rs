//! qstrs: MicroPython's static qstr list, which `.mpy` files write in static form.
//!
//! (mpy-cross's full built-in pool, which decides whether a long string literal is interned, lives with the
//! parser in `syntax::intern`.) The static list is `static_qstr_list` from `py/makeqstrdata.py`, whose order is
//! part of the `.mpy` format: qstr number `i` (1-based; 0 is the NULL qstr) is `STATIC_QSTRS[i - 1]`, and every
//! qstr up to `MP_QSTR_zip` (`QSTR_LAST_STATIC`, number 165) is saved as the vuint `i << 1 | 1`.
//! `tests/static_qstrs.rs` checks the list against mpy-cross output.

/// Number of static qstrs (`QSTR_LAST_STATIC`, i.e. `MP_QSTR_zip`).
pub const N_STATIC: usize = 165;

/// The static qstrs in order; qstr number `i` is `STATIC_QSTRS[i - 1]`.
pub const STATIC_QSTRS: [&str; N_STATIC] = [
    "", "__dir__", "\n", " ", "*", "/", "<module>", "_", "__call__", "__class__", "__delitem__", "__enter__",
    "__exit__", "__getattr__", "__getitem__", "__hash__", "__init__", "__int__", "__iter__", "__len__", "__main__",
    "__module__", "__name__", "__new__", "__next__", "__qualname__", "__repr__", "__setitem__", "__str__",
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "EOFError", "Ellipsis", "Exception",
    "GeneratorExit", "ImportError", "IndentationError", "IndexError", "KeyError", "KeyboardInterrupt", "LookupError",
    "MemoryError", "NameError", "NoneType", "NotImplementedError", "OSError", "OverflowError", "RuntimeError",
    "StopIteration", "SyntaxError", "SystemExit", "TypeError", "ValueError", "ZeroDivisionError", "abs", "all",
    "any", "append", "args", "bool", "builtins", "bytearray", "bytecode", "bytes", "callable", "chr", "classmethod",
    "clear", "close", "const", "copy", "count", "dict", "dir", "divmod", "end", "endswith", "eval", "exec", "extend",
    "find", "format", "from_bytes", "get", "getattr", "globals", "hasattr", "hash", "id", "index", "insert", "int",
    "isalpha", "isdigit", "isinstance", "islower", "isspace", "issubclass", "isupper", "items", "iter", "join",
    "key", "keys", "len", "list", "little", "locals", "lower", "lstrip", "main", "map", "micropython", "next",
    "object", "open", "ord", "pop", "popitem", "pow", "print", "range", "read", "readinto", "readline", "remove",
    "replace", "repr", "reverse", "rfind", "rindex", "round", "rsplit", "rstrip", "self", "send", "sep", "set",
    "setattr", "setdefault", "sort", "sorted", "split", "start", "startswith", "staticmethod", "step", "stop", "str",
    "strip", "sum", "super", "throw", "to_bytes", "tuple", "type", "update", "upper", "utf-8", "value", "values",
    "write", "zip",
];

/// The static qstrs sorted by their bytes, with their numbers (for [`static_index`]; checked against
/// [`STATIC_QSTRS`] by a test).
const BY_TEXT: [(&str, u16); N_STATIC] = [
    ("", 1), ("\n", 3), (" ", 4), ("*", 5), ("/", 6), ("<module>", 7), ("ArithmeticError", 30),
    ("AssertionError", 31), ("AttributeError", 32), ("BaseException", 33), ("EOFError", 34), ("Ellipsis", 35),
    ("Exception", 36), ("GeneratorExit", 37), ("ImportError", 38), ("IndentationError", 39), ("IndexError", 40),
    ("KeyError", 41), ("KeyboardInterrupt", 42), ("LookupError", 43), ("MemoryError", 44), ("NameError", 45),
    ("NoneType", 46), ("NotImplementedError", 47), ("OSError", 48), ("OverflowError", 49), ("RuntimeError", 50),
    ("StopIteration", 51), ("SyntaxError", 52), ("SystemExit", 53), ("TypeError", 54), ("ValueError", 55),
    ("ZeroDivisionError", 56), ("_", 8), ("__call__", 9), ("__class__", 10), ("__delitem__", 11), ("__dir__", 2),
    ("__enter__", 12), ("__exit__", 13), ("__getattr__", 14), ("__getitem__", 15), ("__hash__", 16),
    ("__init__", 17), ("__int__", 18), ("__iter__", 19), ("__len__", 20), ("__main__", 21), ("__module__", 22),
    ("__name__", 23), ("__new__", 24), ("__next__", 25), ("__qualname__", 26), ("__repr__", 27),
    ("__setitem__", 28), ("__str__", 29), ("abs", 57), ("all", 58), ("any", 59), ("append", 60), ("args", 61),
    ("bool", 62), ("builtins", 63), ("bytearray", 64), ("bytecode", 65), ("bytes", 66), ("callable", 67),
    ("chr", 68), ("classmethod", 69), ("clear", 70), ("close", 71), ("const", 72), ("copy", 73), ("count", 74),
    ("dict", 75), ("dir", 76), ("divmod", 77), ("end", 78), ("endswith", 79), ("eval", 80), ("exec", 81),
    ("extend", 82), ("find", 83), ("format", 84), ("from_bytes", 85), ("get", 86), ("getattr", 87),
    ("globals", 88), ("hasattr", 89), ("hash", 90), ("id", 91), ("index", 92), ("insert", 93), ("int", 94),
    ("isalpha", 95), ("isdigit", 96), ("isinstance", 97), ("islower", 98), ("isspace", 99), ("issubclass", 100),
    ("isupper", 101), ("items", 102), ("iter", 103), ("join", 104), ("key", 105), ("keys", 106), ("len", 107),
    ("list", 108), ("little", 109), ("locals", 110), ("lower", 111), ("lstrip", 112), ("main", 113), ("map", 114),
    ("micropython", 115), ("next", 116), ("object", 117), ("open", 118), ("ord", 119), ("pop", 120),
    ("popitem", 121), ("pow", 122), ("print", 123), ("range", 124), ("read", 125), ("readinto", 126),
    ("readline", 127), ("remove", 128), ("replace", 129), ("repr", 130), ("reverse", 131), ("rfind", 132),
    ("rindex", 133), ("round", 134), ("rsplit", 135), ("rstrip", 136), ("self", 137), ("send", 138), ("sep", 139),
    ("set", 140), ("setattr", 141), ("setdefault", 142), ("sort", 143), ("sorted", 144), ("split", 145),
    ("start", 146), ("startswith", 147), ("staticmethod", 148), ("step", 149), ("stop", 150), ("str", 151),
    ("strip", 152), ("sum", 153), ("super", 154), ("throw", 155), ("to_bytes", 156), ("tuple", 157), ("type", 158),
    ("update", 159), ("upper", 160), ("utf-8", 161), ("value", 162), ("values", 163), ("write", 164), ("zip", 165),
];

/// The static qstr number (1..=165) of `s`, if `s` is in the static list.
pub fn static_index(s: &str) -> Option<u16> {
    BY_TEXT.binary_search_by(|(t, _)| t.as_bytes().cmp(s.as_bytes())).ok().map(|i| BY_TEXT[i].1)
}

/// The text of static qstr number `n` (1..=165).
pub fn static_str(n: u64) -> Option<&'static str> {
    let i = usize::try_from(n).ok()?.checked_sub(1)?;
    STATIC_QSTRS.get(i).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_numbers() {
        // Numbers quoted in the fact sheet, checked against mpy-cross output.
        assert_eq!(static_index(""), Some(1));
        assert_eq!(static_index("*"), Some(5));
        assert_eq!(static_index("<module>"), Some(7));
        assert_eq!(static_index("micropython"), Some(115));
        assert_eq!(static_index("print"), Some(123));
        assert_eq!(static_index("zip"), Some(165));
        assert_eq!(static_index("<lambda>"), None);
        for (i, s) in STATIC_QSTRS.iter().enumerate() {
            assert_eq!(static_index(s), Some(i as u16 + 1), "{s:?}");
        }
        assert_eq!(static_str(0), None);
        assert_eq!(static_str(166), None);
        assert_eq!(static_str(123), Some("print"));
    }

    #[test]
    fn no_duplicates() {
        assert!(BY_TEXT.windows(2).all(|w| w[0].0.as_bytes() < w[1].0.as_bytes()));
    }
}
