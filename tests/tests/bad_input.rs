//! Bad input never crashes: pathological sources given to `mpyc`, and truncated, corrupted or hostile
//! `.mpy` files given to our reader, end in a clear error — never a panic (exit 101), a signal (stack
//! overflow aborts), a hang or unbounded memory. Where mpy-cross compiles a source, mpyc must give its bytes.
//!
//! Each input runs in a subprocess under a timeout and an address-space limit, with its peak RSS
//! measured by `/usr/bin/time`. The inputs are generated here, at test time. Sources are named
//! `bad-input/<case>` in `tests/corpus/EXPECTED_FAILURES` (the ratchet); the reader cases must all pass.

use std::ffi::OsStr;
use std::path::Path;
use std::time::Duration;

use mpy_tests::compare::run_mpy_cross;
use mpy_tests::expected::{enforce, Verdict};
use mpy_tests::process::{crash_problems, run_measured};
use mpy_tests::{par_map, report};

const MPYC: &str = env!("CARGO_BIN_EXE_mpyc-under-test");
const MPY_DIS: &str = env!("CARGO_BIN_EXE_mpy-dis");

/// Limits for one `mpyc` run: a 5 MB source must compile well within these.
const MPYC_TIMEOUT: Duration = Duration::from_secs(60);
const MPYC_AS_LIMIT_MIB: u64 = 4096;
const MPYC_RSS_LIMIT_MIB: u64 = 1024;
/// Limits for one reader run.
const READER_TIMEOUT: Duration = Duration::from_secs(20);
const READER_AS_LIMIT_MIB: u64 = 2048;
const READER_RSS_LIMIT_MIB: u64 = 256;

fn repeat(s: &str, n: usize) -> String {
    s.repeat(n)
}

/// The pathological sources: (name, bytes).
fn sources() -> Vec<(&'static str, Vec<u8>)> {
    let mut v: Vec<(&'static str, Vec<u8>)> = vec![
        ("nested-parens-10000", format!("x = {}1{}\n", repeat("(", 10_000), repeat(")", 10_000)).into_bytes()),
        ("nested-lists-10000", format!("x = {}{}\n", repeat("[", 10_000), repeat("]", 10_000)).into_bytes()),
        ("nested-dicts-10000", format!("x = {}{}\n", repeat("{1: ", 10_000), repeat("}", 10_000)).into_bytes()),
        ("nested-calls-10000", format!("x = {}{}\n", repeat("f(", 10_000), repeat(")", 10_000)).into_bytes()),
        ("nested-unary-minus-10000", format!("x = {}1\n", repeat("-", 10_000)).into_bytes()),
        ("nested-unary-invert-10000", format!("x = {}y\n", repeat("~", 10_000)).into_bytes()),
        ("nested-not-10000", format!("x = {}y\n", repeat("not ", 10_000)).into_bytes()),
        ("nested-lambdas-10000", format!("f = {}1\n", repeat("lambda: ", 10_000)).into_bytes()),
        ("nested-ternaries-10000", format!("x = {}0\n", repeat("1 if y else ", 10_000)).into_bytes()),
        ("nested-subscripts-10000", format!("x = a{}\n", repeat("[0]", 10_000)).into_bytes()),
        ("nested-attributes-10000", format!("x = a{}\n", repeat(".b", 10_000)).into_bytes()),
        ("long-sum-100000", format!("x = y{}\n", repeat(" + y", 100_000)).into_bytes()),
        ("long-constant-sum-100000", format!("x = 1{}\n", repeat(" + 1", 100_000)).into_bytes()),
        ("long-and-chain-10000", format!("x = y{}\n", repeat(" and y", 10_000)).into_bytes()),
        ("long-comparison-chain-10000", format!("x = y{}\n", repeat(" < y", 10_000)).into_bytes()),
        ("huge-int-literal", format!("x = {}\n", repeat("9", 100_000)).into_bytes()),
        ("huge-float-literal", format!("x = 1{}.5\n", repeat("0", 5_000)).into_bytes()),
        ("many-arguments-10000", format!("f({})\n", (0..10_000).map(|i| format!("a{i}")).collect::<Vec<_>>().join(", ")).into_bytes()),
        ("many-parameters-1000", format!("def f({}):\n    pass\n", (0..1000).map(|i| format!("a{i}")).collect::<Vec<_>>().join(", ")).into_bytes()),
        ("invalid-utf8-in-string", b"x = \"\xff\xfe\"\nprint(x)\n".to_vec()),
        ("invalid-utf8-in-identifier", b"\xff\xfe = 1\n".to_vec()),
        ("invalid-utf8-in-comment", b"# \xc3\x28\nx = 1\n".to_vec()),
        (
            "invalid-utf8-everywhere",
            b"def f\xc3\xa9\xff(a\xfe=1):\n    return a\xfe, '\xf4\x8f\xbc\x80\xe2\x82', '\xff' * 20\nclass \xfe:\n    x\xff = b'\xff'\n".to_vec(),
        ),
        ("truncated-utf8-at-end", b"x = \"\xe2\x82".to_vec()),
        ("utf8-bom", b"\xef\xbb\xbfx = 1\n".to_vec()),
        ("nul-byte-in-code", b"x = 1\x00\ny = 2\n".to_vec()),
        ("nul-byte-in-string", b"x = \"a\x00b\"\n".to_vec()),
        ("only-nul-bytes", vec![0u8; 1000]),
        ("empty", Vec::new()),
        ("unterminated-triple-quote", b"x = \"\"\"abc\n".to_vec()),
        ("lone-backslash-at-end", b"x = 1 \\".to_vec()),
        ("mixed-tabs-and-spaces", b"if x:\n\ty = 1\n        z = 2\n".to_vec()),
    ];
    // More kinds of 10,000-deep nesting: displays, comprehensions, operators, trailers, targets.
    let n = 10_000;
    v.push(("nested-sets-10000", format!("x = {}1{}\n", repeat("{", n), repeat("}", n)).into_bytes()));
    v.push(("nested-const-tuples-10000", format!("x = {}1{}\n", repeat("(", n), repeat(",)", n)).into_bytes()));
    v.push(("nested-list-comprehensions-10000", format!("x = {}b{}\n", repeat("[a for a in ", n), repeat("]", n)).into_bytes()));
    v.push(("nested-generators-10000", format!("x = {}b{}\n", repeat("(a for a in ", n), repeat(")", n)).into_bytes()));
    v.push(("nested-paren-ternaries-10000", format!("x = {}y{}\n", repeat("(1 if ", n), repeat(" else 0)", n)).into_bytes()));
    v.push(("nested-keyword-calls-10000", format!("x = {}1{}\n", repeat("f(a=", n), repeat(")", n)).into_bytes()));
    v.push(("nested-slices-10000", format!("x = {}2{}\n", repeat("a[1:", n), repeat("]", n)).into_bytes()));
    v.push(("nested-walrus-10000", format!("x = {}1{}\n", repeat("(a := ", n), repeat(")", n)).into_bytes()));
    v.push(("nested-yields-10000", format!("def f():\n x = {}y{}\n", repeat("(yield ", n), repeat(")", n)).into_bytes()));
    v.push(("nested-call-chain-10000", format!("x = a{}\n", repeat("()", n)).into_bytes()));
    v.push(("power-tower-10000", format!("x = y{}\n", repeat(" ** y", n)).into_bytes()));
    v.push(("mixed-unary-10000", format!("x = {}y\n", repeat("-+~", n / 3)).into_bytes()));
    // 2,000 branches: mpy-cross compiles them (it overflows its bytecode at 10,000), so the bytes are compared.
    v.push(("elif-chain-2000", format!("if x:\n pass\n{}", (0..2000).map(|i| format!("elif x{i}:\n pass\n")).collect::<String>()).into_bytes()));
    v.push(("decorators-10000", format!("{}def f(): pass\n", repeat("@d\n", n)).into_bytes()));
    v.push(("assignment-chain-10000", format!("x{} = 1\n", repeat(" = x", n)).into_bytes()));
    v.push(("nested-targets-10000", format!("{}a{} = b\n", repeat("(", n), repeat(",)", n)).into_bytes()));
    v.push(("adjacent-strings-10000", format!("x = {}\n", repeat("'a' ", n)).into_bytes()));
    // Deeply indented blocks of every kind (1,000 levels: a million bytes of indentation).
    let block = |name: &'static str, head: &dyn Fn(usize) -> String, tail: &dyn Fn(usize) -> String| {
        let mut src = String::new();
        for d in 0..1000 {
            src.push_str(&format!("{}{}\n", repeat(" ", d), head(d)));
        }
        src.push_str(&format!("{}pass\n", repeat(" ", 1000)));
        for d in (0..1000).rev() {
            src.push_str(&tail(d));
        }
        (name, src.into_bytes())
    };
    v.push(block("nested-if-blocks-1000", &|d| format!("if x{d}:"), &|_| String::new()));
    v.push(block("nested-while-blocks-1000", &|d| format!("while x{d}:"), &|_| String::new()));
    v.push(block("nested-for-blocks-1000", &|d| format!("for x{d} in y:"), &|_| String::new()));
    v.push(block("nested-with-blocks-1000", &|d| format!("with x{d} as y{d}:"), &|_| String::new()));
    v.push(block("nested-defs-1000", &|d| format!("def f{d}(a=1):"), &|_| String::new()));
    v.push(block("nested-classes-1000", &|d| format!("class C{d}:"), &|_| String::new()));
    v.push(block("nested-try-blocks-1000", &|_| "try:".into(), &|d| format!("{}except:\n{} pass\n", repeat(" ", d), repeat(" ", d))));
    let mut tabs = String::new();
    for d in 0..1000 {
        tabs.push_str(&format!("{}if x{d}:\n", repeat("\t", d)));
    }
    tabs.push_str(&format!("{}pass\n", repeat("\t", 1000)));
    v.push(("nested-tab-blocks-1000", tabs.into_bytes()));
    // Deeply indented blocks.
    let mut nested_ifs = String::new();
    for depth in 0..200 {
        nested_ifs.push_str(&format!("{}if x{depth}:\n", repeat(" ", depth)));
    }
    nested_ifs.push_str(&format!("{}pass\n", repeat(" ", 200)));
    v.push(("nested-if-blocks-200", nested_ifs.into_bytes()));
    let mut nested_defs = String::new();
    for depth in 0..200 {
        nested_defs.push_str(&format!("{}def f{depth}():\n", repeat(" ", depth)));
    }
    nested_defs.push_str(&format!("{}return 1\n", repeat(" ", 200)));
    v.push(("nested-defs-200", nested_defs.into_bytes()));
    // 5 MB of ordinary statements, and one 5 MB string.
    let mut big = String::new();
    let mut i = 0;
    while big.len() < 5_000_000 {
        big.push_str(&format!("v{i} = {i} * 2 + w[{i}] - f(v{i}, 'item {i}')\n"));
        i += 1;
    }
    v.push(("source-5mb-statements", big.into_bytes()));
    v.push(("source-5mb-string", format!("x = '{}'\n", repeat("abcdefgh", 625_000)).into_bytes()));
    // Random bytes.
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    v.push(("random-bytes-64k", (0..65536).map(|_| rng.byte()).collect()));
    v
}

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn byte(&mut self) -> u8 {
        self.next().to_le_bytes()[0]
    }
}

#[test]
fn mpyc_refuses_bad_sources_cleanly_within_bounds() {
    mpy_tests::oracles::oracles();
    let tmp = tempfile::tempdir().unwrap();
    let cases = sources();
    let results = par_map(&cases, |(name, source)| {
        let dir = tmp.path().join(name);
        std::fs::create_dir_all(&dir).unwrap();
        let file = format!("{name}.py");
        std::fs::write(dir.join(&file), source).unwrap();
        let reference = run_mpy_cross(
            &[file.clone().into(), "-o".into(), "ref.mpy".into()],
            &dir,
            &dir.join("ref.mpy"),
        )
        .expect("run mpy-cross");
        let args: Vec<&OsStr> = vec![OsStr::new(&file), OsStr::new("-o"), OsStr::new("out.mpy")];
        let o = run_measured(Path::new(MPYC), &args, &dir, MPYC_TIMEOUT, MPYC_AS_LIMIT_MIB).expect("run mpyc");
        let mut problems = crash_problems(&o, MPYC_RSS_LIMIT_MIB);
        // Where mpy-cross compiles the source, the contract is its bytes; where it refuses (often only
        // because its 2 MB heap runs out), any clean error or a successful compile is accepted.
        if let Some(expected) = &reference.bytes {
            if o.code == Some(0) && std::fs::read(dir.join("out.mpy")).ok().as_ref() != Some(expected) {
                problems.push("mpyc compiled it but its bytes differ from mpy-cross's".into());
            } else if o.code == Some(1) {
                problems.push(format!(
                    "mpyc refuses what mpy-cross compiles: {}",
                    mpy_tests::corpus::error_line(&o.stderr_str())
                ));
            }
        }
        let verdict = if o.code == Some(0) { "compiled".to_string() } else { mpy_tests::corpus::error_line(&o.stderr_str()) };
        let mpy_cross = if reference.refused() { mpy_tests::corpus::error_line(&reference.stderr) } else { "compiled".into() };
        (o.peak_rss_kib.unwrap_or(0), o.elapsed, verdict, mpy_cross, problems)
    });
    let mut verdicts = Vec::new();
    let mut details = Vec::new();
    for ((name, source), (rss, elapsed, verdict, mpy_cross, problems)) in cases.iter().zip(&results) {
        report::line(&format!(
            "bad input {name} ({} bytes): mpyc {:.2}s, {} MiB peak: {verdict} | mpy-cross: {mpy_cross}",
            source.len(),
            elapsed.as_secs_f64(),
            rss / 1024
        ));
        let path = format!("bad-input/{name}");
        if !problems.is_empty() {
            details.push(format!("== {path}:\n{}", problems.join("\n")));
        }
        verdicts.push(Verdict { path, failure: problems.first().cloned() });
    }
    let outcome = enforce("bad-input/", &verdicts);
    report::line(&format!(
        "bad input: {} sources: {} handled cleanly, {} expected failures, {} violations",
        cases.len(),
        outcome.passed,
        outcome.expected_failures,
        outcome.violations.len()
    ));
    assert!(outcome.violations.is_empty(), "{}\n{}", outcome.violations.join("\n"), details.join("\n"));
}

/// Hostile `.mpy` files: (name, bytes).
fn mpy_files(valid: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut v = Vec::new();
    for len in 0..valid.len() {
        v.push((format!("truncated-to-{len}"), valid[..len].to_vec()));
    }
    let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
    for i in 0..300 {
        let mut b = valid.to_vec();
        let n = usize::try_from(rng.next() % 3).unwrap_or(0) + 1;
        for _ in 0..n {
            let pos = usize::try_from(rng.next() % valid.len() as u64).unwrap_or(0);
            b[pos] ^= rng.byte() | 1;
        }
        v.push((format!("corrupted-{i}"), b));
    }
    for i in 0..50 {
        let len = usize::try_from(rng.next() % 4096).unwrap_or(0);
        let mut b = b"M\x06\x00\x1f".to_vec();
        b.extend((0..len).map(|_| rng.byte()));
        v.push((format!("garbage-after-header-{i}"), b));
    }
    v.push(("trailing-garbage".into(), [valid, b"\x00\x01\x02"].concat()));
    v.push(("empty".into(), Vec::new()));
    v.push(("huge-qstr-count".into(), b"M\x06\x00\x1f\xff\xff\xff\xff\xff\xff\xff\xff\x7f\x00".to_vec()));
    v.push(("huge-obj-count".into(), b"M\x06\x00\x1f\x01\xff\xff\xff\xff\xff\xff\xff\xff\x7f\x02a\x00".to_vec()));
    v.push(("huge-qstr-length".into(), b"M\x06\x00\x1f\x01\x00\xff\xff\xff\xff\xff\xff\xff\xff\x7e".to_vec()));
    v.push(("overlong-vuint".into(), [b"M\x06\x00\x1f".as_slice(), &[0x80; 10_000], b"\x01"].concat()));
    // Raw codes nested 100,000 deep: each a 2-byte body with one child.
    let mut deep = b"M\x06\x00\x1f\x01\x00\x02a\x00".to_vec();
    for _ in 0..100_000 {
        deep.extend([0x14, 0x00, 0x00, 0x01]);
    }
    deep.extend([0x10, 0x00, 0x00]);
    v.push(("children-nested-100000".into(), deep));
    // A tuple constant nested 100,000 deep.
    let mut tuples = b"M\x06\x00\x1f\x01\x01\x02a\x00".to_vec();
    for _ in 0..100_000 {
        tuples.extend([0x0a, 0x01]);
    }
    tuples.extend([0x01, 0x10, 0x00, 0x00]);
    v.push(("tuple-nested-100000".into(), tuples));
    v
}

#[test]
fn the_reader_rejects_bad_mpy_files_cleanly_within_bounds() {
    mpy_tests::oracles::oracles();
    let tmp = tempfile::tempdir().unwrap();
    let src = mpy_tests::repo_root().join("tests/harness-selftest/hello.py");
    let out = tmp.path().join("hello.mpy");
    let r = run_mpy_cross(&[src.into_os_string(), "-o".into(), out.clone().into_os_string()], tmp.path(), &out).unwrap();
    let valid = r.bytes.expect("mpy-cross compiles hello.py");
    let files = mpy_files(&valid);
    let results = par_map(&files, |(name, bytes)| {
        let path = tmp.path().join(format!("{name}.mpy"));
        std::fs::write(&path, bytes).unwrap();
        let o = run_measured(Path::new(MPY_DIS), &[path.as_os_str()], tmp.path(), READER_TIMEOUT, READER_AS_LIMIT_MIB)
            .expect("run mpy-dis");
        (o.code, o.peak_rss_kib.unwrap_or(0), crash_problems(&o, READER_RSS_LIMIT_MIB))
    });
    let mut failures = Vec::new();
    let mut rejected = 0;
    let mut max_rss = 0;
    for ((name, _), (code, rss, problems)) in files.iter().zip(&results) {
        max_rss = max_rss.max(*rss);
        if *code == Some(1) {
            rejected += 1;
        }
        if !problems.is_empty() {
            failures.push(format!("== {name}:\n{}", problems.join("\n")));
        }
    }
    report::line(&format!(
        "bad .mpy: {} files given to the reader: {rejected} rejected with an error, {} read, {} crashed; max peak RSS {} MiB",
        files.len(),
        files.len() - rejected - failures.len(),
        failures.len(),
        max_rss / 1024
    ));
    assert!(failures.is_empty(), "{}", mpy_tests::report::truncate_lines(&failures.join("\n"), 200));
}
