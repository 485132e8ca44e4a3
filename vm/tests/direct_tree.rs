//! The direct tree builder (`syntax::direct`) against the rustpython path: on every `.py` file of the
//! repository's corpora and on benchmark-style generated modules, whenever the direct builder answers its
//! tree and side tables must equal what `lower` makes of rustpython's parse; and it must answer often.

mod common;
#[path = "../../toolchain/tests/common/bench_module.rs"]
mod bench_module;
use bench_module::bench_module;

use std::path::{Path, PathBuf};

use mpy_vm::syntax::{direct_and_lowered, ParseOptions};

/// Per corpus: files, files the direct builder may take (recognized, no mends), files it took.
#[derive(Default, Debug)]
struct Coverage {
    files: usize,
    eligible: usize,
    direct: usize,
}

/// Compares both paths on one source; returns whether the direct builder answered, or the disagreement.
fn check(source: &[u8], what: &str, cov: &mut Coverage, failures: &mut Vec<String>) {
    cov.files += 1;
    let Some((direct, lowered)) = direct_and_lowered(source, &ParseOptions::default()) else { return };
    cov.eligible += 1;
    let Some((module, side)) = direct else { return };
    cov.direct += 1;
    match lowered {
        Err(e) => failures.push(format!("{what}: direct answered, the reference parser refused: {e}")),
        Ok((lm, ls)) => {
            if lm != module {
                let n = lm.body.len().max(module.body.len());
                let i = (0..n).find(|&i| lm.body.get(i) != module.body.get(i)).unwrap_or(0);
                let cut = |s: String| s.chars().take(3000).collect::<String>();
                failures.push(format!(
                    "{what}: trees differ at top-level statement {i}\n  lowered: {}\n  direct:  {}",
                    cut(format!("{:?}", lm.body.get(i))),
                    cut(format!("{:?}", module.body.get(i)))
                ));
            } else if ls != side {
                failures.push(format!("{what}: side tables differ\n  lowered: {ls:?}\n  direct:  {side:?}"));
            }
        }
    }
}

fn corpus(dirs: &[&str]) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for d in dirs {
        common::py_files(&root.join(d), &mut files);
    }
    files
}


/// Corners of ranges, lines and side tables, one program each.
const SNIPPETS: &[&str] = &[
    "(a) + b\n(a)(b), c\n((a), b)\n(a), b\nx = (1,\n 2,\n 3)\ny = (1,\n 2,)\nz = (\n1, 2)\n",
    "f(a,)\nf((a),)\nf(x for x in y)\nf((x for x in y))\nf(*a, **k)\nf(a, *b, c=1, **d)\nf(k=1,)\nf(**k,)\n",
    "x[1:2, ::3]\nx[a,]\nx[(a),]\nx[:]\nx[1:]\nx[::]\nx[a:b:c]\n",
    "x[*a]\n",
    "x[a:=1]\n",
    "if a:\n    pass\nelif b:\n    x = 1\nelif c: y = 2\nelse:\n    if d: pass\n",
    "@d1\n@d2.e(1)\ndef f(a, b=1, *c, d, e=2, **g) -> int:\n    return a, b\n@d\nclass C(B, metaclass=M):\n    x: int = 1\n    (y): int\n    z.w: str\n",
    "def p(a, /, b):\n    pass\n",
    "async def f(a, b, *, c):\n    async for x in y:\n        await z\n    async with a as b, c:\n        pass\n    return x\n",
    "async def f():\n    return [i async for i in x]\n",
    "def g():\n    x = yield\n    y = yield 1, 2\n    yield from z\n    z = (yield)\n    await q ** 2\n",
    "a = b = c, d = 1, 2,\n*a, b = c\nx += 1; y -= 2;\ndel a, (b, c), d[0],\nglobal g, h\nassert x, 'm'\nraise E from F\nraise\n",
    "import a.b.c as d, e\nfrom . import x\nfrom m import *\nfrom .. import y\n",
    "from ...p.q import (r as s, t,)\n",
    "from .p import (r as s, t)\n",
    "try:\n    a\nexcept E as e:\n    b\nexcept (F, G):\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f\ntry:\n    a\nfinally:\n    b\n",
    "while x:\n    break\nelse:\n    continue\nfor a, (b, c) in d:\n    pass\nelse:\n    pass\nfor x, in y: pass\n",
    "l = lambda: 0\nm = lambda a, b=1, *c, d, **e: a if b else c\nn = lambda *, k: k\n",
    "x = not a in b and c is not d or e not in f < g <= h\ny = -a ** -b * ~c // d % e @ f - g << h >> i & j ^ k | l\n",
    "x = (1, 2)[0]\ny = ((1, 2), (3,\n 4), 5)\nfor (a, b) in c: pass\nwith a as (b, c), d as e.f: pass\nf(a, b,)\nf(\n  a,\n)\n",
    "d = {a: b, **c, 'k': (1, 2)}\n",
    "s = {a, *b}\n",
    "c = {k: v for k, v in x if k if v}\nt = {x for x in y}\nv = [x for x in y for z in w]\n",
    "u = [*a, *b]\n",
    "s = 'a' 'b'\nt = b'x' b'y'\nu = 'a long string here' \\\n  'and more'\nv = 1_000 + 0x1F + 0o7 + 0b1 + 1.5e3 + 2j + ...\nw = (((1)))\nz = ()\n",
    "x = ((s := (lambda: 1)), (y := k))\ny = ((s := 1), 2)\nz = (s := (1)), 2\n",
    "x[(a := 1):(b := 2)]\nd = {(a := 1): 2}\n",
    "x = (k := (lambda: i))\nif (a := (b)):\n    pass\nf((c := (d, e)))\n",
    "x = (a := 1)\nif (n := len(a)) > 10: pass\nprint((yield))\nf(a)(b)[c].d\n[(a, b) for a, b in c]\n",
    "x = 1 if a else 2 if b else 3\nclass C():\n    pass\nclass D:\n    '''doc'''\n",
    "def f(\n    a,\n    b=(1,\n       2),\n):\n    return (\n        a,\n    )\n",
    "x = (  # comment\n    1,\n    2,  # c\n)\ny = [\n    1,\n]\n",
    "\u{e9} = 1\nprint(\u{e9}, __debug__)\nx = a.\u{e9}\n",
    "if x:\n\tif y:\n\t\tz\n\tw\n",
    "x = 1\r\ny = (2,\r\n3)\r\n",
    "x = f'a{b}c{d!r:>{w}}' 'e'\ny = f'{a, b}' f'{(c)}'\nz = f'''{\na}'''\nw = 1\n",
    "with (a, b):\n    pass\n",
    "with (a):\n    pass\nwith (a) as b, (c):\n    pass\nwith (a).b, c:\n    pass\nwith (a, b) as c:\n    pass\n",
    "with (a as b, c,):\n    pass\n",
    "with ():\n    pass\n",
    "t = t'a{b}c'\nu = t'{x!r:>4}' + f'{y=}'\nv = f'{x:{y}.{z}}' f'{[a for a in b]}'\n",
];

#[test]
fn direct_tree_equals_lowered_tree() {
    let corpora: &[(&str, &[&str])] = &[
        ("vm/tests", &["vm/tests"]),
        ("vm/src", &["vm/src"]),
        ("tests/corpus", &["tests/corpus"]),
        ("tests/refusals", &["tests/refusals"]),
        ("tests/fuzz-findings", &["tests/fuzz-findings"]),
        ("other", &["tests/harness-selftest", "examples", "scripts", "toolchain/src"]),
    ];
    let mut failures = Vec::new();
    let mut report = Vec::new();
    let mut all = Coverage::default();
    for (name, dirs) in corpora {
        let mut cov = Coverage::default();
        for f in corpus(dirs) {
            let src = std::fs::read(&f).expect("read corpus file");
            check(&src, &f.display().to_string(), &mut cov, &mut failures);
        }
        report.push(format!("{name}: {} files, {} eligible, {} direct", cov.files, cov.eligible, cov.direct));
        all.files += cov.files;
        all.eligible += cov.eligible;
        all.direct += cov.direct;
    }
    // The PyPI packages `scripts/test` downloads, when they are there.
    let pypi = std::env::var_os("MPY_PYPI_DIR")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.cache/pypi/src"), PathBuf::from);
    let mut files = Vec::new();
    common::py_files(&pypi, &mut files);
    if !files.is_empty() {
        let mut cov = Coverage::default();
        for f in files {
            // A package may hold dangling links: those are not programs.
            let Ok(src) = std::fs::read(&f) else { continue };
            check(&src, &f.display().to_string(), &mut cov, &mut failures);
        }
        report.push(format!("pypi: {} files, {} eligible, {} direct", cov.files, cov.eligible, cov.direct));
        all.files += cov.files;
        all.eligible += cov.eligible;
        all.direct += cov.direct;
    }
    let mut snippets = Coverage::default();
    for (i, src) in SNIPPETS.iter().enumerate() {
        check(src.as_bytes(), &format!("snippet {i}: {src:?}"), &mut snippets, &mut failures);
    }
    report.push(format!("snippets: {} files, {} eligible, {} direct", snippets.files, snippets.eligible, snippets.direct));
    let mut bench = Coverage::default();
    for i in 0..200 {
        check(bench_module(i).as_bytes(), &format!("bench module {i}"), &mut bench, &mut failures);
    }
    report.push(format!("bench modules: {} files, {} eligible, {} direct", bench.files, bench.eligible, bench.direct));
    eprintln!("direct tree coverage:\n  {}", report.join("\n  "));
    assert!(failures.is_empty(), "{} disagreements:\n{}", failures.len(), failures.join("\n"));
    assert_eq!(bench.direct, 200, "every benchmark module takes the direct path");
    // The corpora are mostly the constructs real code uses: most eligible files take the direct path.
    assert!(all.direct * 10 >= all.eligible * 8, "direct path coverage too low: {all:?}");
}
