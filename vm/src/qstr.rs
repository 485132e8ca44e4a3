//! qstrs: MicroPython's static qstr list, which `.mpy` files write in static form.
//!
//! (mpy-cross's full built-in pool, which decides whether a long string literal is interned, lives with the
//! parser in `syntax::intern`.) The static list is `static_qstr_list` from `py/makeqstrdata.py`, whose order is
//! part of the `.mpy` format: qstr number `i` (1-based; 0 is the NULL qstr) is `STATIC_QSTRS[i - 1]`, and every
//! qstr up to `MP_QSTR_zip` (`QSTR_LAST_STATIC`, number 165) is saved as the vuint `i << 1 | 1`.
//! `tests/static_qstrs.rs` checks the list against mpy-cross output.

use std::collections::HashMap;
use std::sync::OnceLock;

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

fn index_map() -> &'static HashMap<&'static str, u16> {
    static MAP: OnceLock<HashMap<&'static str, u16>> = OnceLock::new();
    MAP.get_or_init(|| {
        STATIC_QSTRS.iter().enumerate().map(|(i, s)| (*s, u16::try_from(i + 1).unwrap_or(u16::MAX))).collect()
    })
}

/// The static qstr number (1..=165) of `s`, if `s` is in the static list.
pub fn static_index(s: &str) -> Option<u16> {
    index_map().get(s).copied()
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
        assert_eq!(static_str(0), None);
        assert_eq!(static_str(166), None);
        assert_eq!(static_str(123), Some("print"));
    }

    #[test]
    fn no_duplicates() {
        let map = index_map();
        assert_eq!(map.len(), N_STATIC);
    }
}
