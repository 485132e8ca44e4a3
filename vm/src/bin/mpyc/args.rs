//! mpy-cross 1.29's command-line grammar, reproduced quirk for quirk (established by running mpy-cross, see
//! `vm/tests/mpyc_cli.rs`).
//!
//! Two passes, as mpy-cross does: a first pass over *all* arguments handles `-X <implopt>` (even after `--`,
//! even where another option expects a value), then options are read in order. Every malformed option prints
//! the usage text (exit 1); a few conditions print a one-line message instead (exit 1).

use mpy_vm::{Arch, EmitOpt};

/// Where the source comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Stdin,
    /// The path as given, with `\` turned into `/` (this is also what gets opened).
    Path(String),
}

/// A successfully parsed command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Args {
    pub input: Input,
    /// `-o`: `Some("-")` means stdout.
    pub output: Option<String>,
    /// `-s`, with `\` turned into `/`.
    pub source: Option<String>,
    pub opt_level: u8,
    pub small_int_bits: u8,
    pub arch: Option<Arch>,
    /// Parsed `-march-flags=` (only when an arch is given; ignored otherwise, as mpy-cross does).
    pub arch_flags: u32,
    pub emit: EmitOpt,
    pub no_source_lines: bool,
    pub verbose: u32,
    /// `-X heapsize=`: parsed like mpy-cross (strtol, `w`, `K`/`M` suffixes) and otherwise unused.
    pub heap_size: i64,
}

/// What to do after parsing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Parsed {
    Run(Args),
    /// `--version` (met before any error): print the version, exit 0.
    Version,
    /// Print the usage text on stdout, exit 1.
    Usage,
    /// Print this line on stderr, exit 1.
    Fail(&'static str),
}

/// Unsupported `-march=host` (not an x86/x64/ARM host).
pub const HOST_ARCH_UNKNOWN: &str = "unable to determine host architecture for -march=host";

/// `strtol(s, &end, 0)`: the value (saturated to the i64 range) and the number of bytes consumed (0 when no
/// digits were found, like C's `end == s`).
pub fn strtol(s: &str) -> (i64, usize) {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r') {
        i += 1;
    }
    let mut neg = false;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        neg = b[i] == b'-';
        i += 1;
    }
    let mut base = 10;
    if i < b.len() && b[i] == b'0' {
        if b.get(i + 1).is_some_and(|c| c | 0x20 == b'x') && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit) {
            base = 16;
            i += 2;
        } else {
            base = 8;
        }
    }
    let start = i;
    let mut v: i128 = 0;
    while i < b.len() {
        let d = match b[i] {
            c @ b'0'..=b'9' => i128::from(c - b'0'),
            c @ (b'a'..=b'z' | b'A'..=b'Z') => i128::from((c | 0x20) - b'a' + 10),
            _ => break,
        };
        if d >= base {
            break;
        }
        v = (v * base + d).min(i128::from(i64::MAX) + 1);
        i += 1;
    }
    if i == start {
        // No digits at all: nothing is consumed (a lone "0" is an octal digit, so "0x" parses as "0").
        return (0, 0);
    }
    let v = if neg { (-v).max(i128::from(i64::MIN)) } else { v.min(i128::from(i64::MAX)) };
    (v as i64, i)
}

/// `-march-flags=` for rv32imc: a number (`3`, `0x3`, `0o3`, `0b11`, leading whitespace allowed) or a
/// comma-separated list of `zba`, `zcmp` (a trailing comma is allowed). Only bits 0 (zba) and 1 (zcmp) exist.
pub fn parse_rv32_flags(s: &str) -> Option<u32> {
    const MASK: u64 = 0b11;
    let t = s.trim_start_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r']);
    let number = |digits: &str, radix: u32| -> Option<u64> {
        if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
            return None;
        }
        Some(u64::from_str_radix(digits, radix).unwrap_or(u64::MAX))
    };
    let lower = t.get(..2).map(str::to_ascii_lowercase);
    let value = match lower.as_deref() {
        Some("0x") => number(&t[2..], 16),
        Some("0o") => number(&t[2..], 8),
        Some("0b") => number(&t[2..], 2),
        _ if t == "0" => Some(0),
        _ if t.starts_with(|c: char| ('1'..='9').contains(&c)) => number(t, 10),
        _ => None,
    };
    if let Some(v) = value {
        return (v & !MASK == 0).then_some(v as u32);
    }
    let mut flags = 0;
    let mut rest = s;
    loop {
        let (tok, tail) = match rest.find(',') {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
            None => (rest, None),
        };
        flags |= match tok {
            "zba" => 1,
            "zcmp" => 2,
            _ => return None,
        };
        match tail {
            Some("") | None => return Some(flags),
            Some(t) => rest = t,
        }
    }
}

/// `-march=` names; `host` resolves to the machine mpyc runs on.
fn arch_from_name(name: &str) -> Option<Result<Arch, &'static str>> {
    if name == "host" {
        return Some(if cfg!(target_arch = "x86_64") {
            Ok(Arch::X64)
        } else if cfg!(target_arch = "x86") {
            Ok(Arch::X86)
        } else if cfg!(target_arch = "arm") {
            Ok(Arch::Armv6)
        } else {
            Err(HOST_ARCH_UNKNOWN)
        });
    }
    Arch::from_name(name).map(Ok)
}

/// `\` -> `/`, as mpy-cross does for the input path and `-s`.
pub fn backslash_to_slash(s: &str) -> String {
    s.replace('\\', "/")
}

/// `-X heapsize=` value as mpy-cross computes it (64-bit host: a `w` suffix doubles it).
fn heap_size(v: &str) -> i64 {
    let (mut n, used) = strtol(v);
    let mut rest = v.as_bytes()[used..].iter().copied();
    let mut c = rest.next();
    let word = c.is_some_and(|c| c | 0x20 == b'w');
    if word {
        c = rest.next();
    }
    match c.map(|c| c | 0x20) {
        Some(b'k') => n = n.saturating_mul(1024),
        Some(b'm') => n = n.saturating_mul(1024 * 1024),
        _ => {}
    }
    if word {
        n = n.saturating_mul(8) / 4;
    }
    n
}

/// Parses `argv` (including `argv[0]`).
pub fn parse(argv: &[String]) -> Parsed {
    let mut emit = EmitOpt::Bytecode;
    let mut heap = 2 * 1024 * 1024;
    let mut no_source_lines = false;
    // Pass 1: every "-X", wherever it is.
    let mut a = 1;
    while a < argv.len() {
        if argv[a] == "-X" {
            let Some(v) = argv.get(a + 1) else { return Parsed::Usage };
            match v.as_str() {
                "emit=bytecode" => emit = EmitOpt::Bytecode,
                "emit=native" => emit = EmitOpt::Native,
                "emit=viper" => emit = EmitOpt::Viper,
                "source-lines" => no_source_lines = false,
                "no-source-lines" => no_source_lines = true,
                v if v.starts_with("heapsize=") => heap = heap_size(&v["heapsize=".len()..]),
                _ => return Parsed::Usage,
            }
            a += 1;
        }
        a += 1;
    }

    // Pass 2: the options in order.
    let mut args = Args {
        input: Input::Stdin,
        output: None,
        source: None,
        opt_level: 0,
        small_int_bits: 31,
        arch: None,
        arch_flags: 0,
        emit,
        no_source_lines,
        verbose: 0,
        heap_size: heap,
    };
    let mut input: Option<Input> = None;
    let mut arch_flags: Option<&str> = None;
    let mut options = true;
    let mut a = 1;
    while a < argv.len() {
        let arg = argv[a].as_str();
        if options && arg.starts_with('-') && arg != "-" {
            if arg == "-X" {
                a += 1;
            } else if arg == "--version" {
                return Parsed::Version;
            } else if arg == "-v" {
                args.verbose += 1;
            } else if let Some(rest) = arg.strip_prefix("-O") {
                args.opt_level = match rest.bytes().next() {
                    Some(d) if d.is_ascii_digit() => d & 0xf,
                    _ => {
                        let n = arg[1..].bytes().take_while(|&c| c == b'O').count();
                        u8::try_from(n).unwrap_or(u8::MAX)
                    }
                };
            } else if arg == "-o" || arg == "-s" {
                let Some(v) = argv.get(a + 1) else { return Parsed::Usage };
                a += 1;
                if arg == "-o" {
                    args.output = Some(v.clone());
                } else {
                    args.source = Some(backslash_to_slash(v));
                }
            } else if let Some(v) = arg.strip_prefix("-msmall-int-bits=") {
                let (n, used) = strtol(v);
                if used != v.len() {
                    return Parsed::Usage;
                }
                // Stored in a byte, as mpy-cross does.
                args.small_int_bits = n as u8;
            } else if let Some(name) = arg.strip_prefix("-march=") {
                match arch_from_name(name) {
                    Some(Ok(arch)) => args.arch = Some(arch),
                    Some(Err(msg)) => return Parsed::Fail(msg),
                    None => return Parsed::Usage,
                }
            } else if let Some(f) = arg.strip_prefix("-march-flags=") {
                arch_flags = Some(f);
            } else if arg == "--" {
                options = false;
            } else {
                return Parsed::Usage;
            }
        } else {
            if input.is_some() {
                return Parsed::Fail("multiple input files");
            }
            input = Some(if arg == "-" { Input::Stdin } else { Input::Path(backslash_to_slash(arg)) });
        }
        a += 1;
    }

    if args.emit != EmitOpt::Bytecode && args.arch.is_none() {
        return Parsed::Fail("arch not specified");
    }
    if let (Some(flags), Some(arch)) = (arch_flags, args.arch) {
        let parsed = if arch == Arch::Rv32imc { parse_rv32_flags(flags) } else { None };
        match parsed {
            Some(v) => args.arch_flags = v,
            None => return Parsed::Fail("unrecognised arch flags"),
        }
    }
    match input {
        Some(i) => args.input = i,
        None => return Parsed::Fail("no input file"),
    }
    Parsed::Run(args)
}

/// Output path when `-o` is not given: the input path minus its last two bytes, plus `mpy`
/// (`foo.py` -> `foo.mpy`, `noext` -> `noempy`, `a.txt` -> `a.tmpy`), exactly as mpy-cross computes it.
pub fn default_output(input: &str) -> String {
    let b = input.as_bytes();
    let mut out = b[..b.len().saturating_sub(2)].to_vec();
    out.extend_from_slice(b"mpy");
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Parsed {
        let v: Vec<String> = std::iter::once("mpyc").chain(args.iter().copied()).map(String::from).collect();
        parse(&v)
    }

    fn run(args: &[&str]) -> Args {
        match p(args) {
            Parsed::Run(a) => a,
            other => panic!("{args:?}: {other:?}"),
        }
    }

    #[test]
    fn strtol_like_c() {
        assert_eq!(strtol(""), (0, 0));
        assert_eq!(strtol("0x10"), (16, 4));
        assert_eq!(strtol("010"), (8, 3));
        assert_eq!(strtol(" 12"), (12, 3));
        assert_eq!(strtol("12 "), (12, 2));
        assert_eq!(strtol("-1"), (-1, 2));
        assert_eq!(strtol("0x"), (0, 1));
        assert_eq!(strtol("08"), (0, 1));
        assert_eq!(strtol("+"), (0, 0));
        assert_eq!(strtol("99999999999999999999"), (i64::MAX, 20));
        assert_eq!(strtol("abc"), (0, 0));
    }

    #[test]
    fn small_int_bits_truncate_to_a_byte() {
        // Values observed in mpy-cross 1.29's header byte.
        for (arg, byte) in [("", 0u8), ("0", 0), ("0x10", 16), ("010", 8), ("100", 100), ("-1", 255), ("256", 0), (" 12", 12), ("99999999999999999999", 255)] {
            let a = run(&[&format!("-msmall-int-bits={arg}"), "t.py"]);
            assert_eq!(a.small_int_bits, byte, "{arg:?}");
        }
        assert_eq!(p(&["-msmall-int-bits=12 ", "t.py"]), Parsed::Usage);
        assert_eq!(p(&["-msmall-int-bits=abc", "t.py"]), Parsed::Usage);
        assert_eq!(p(&["-msmall-int-bits", "t.py"]), Parsed::Usage);
    }

    #[test]
    fn opt_levels() {
        for (arg, level) in [("-O", 1), ("-OO", 2), ("-OOO", 3), ("-O9", 9), ("-O10", 1), ("-Ox", 1), ("-OOx", 2), ("-O0O", 0), ("-O3x", 3)] {
            assert_eq!(run(&[arg, "t.py"]).opt_level, level, "{arg}");
        }
    }

    #[test]
    fn rv32_flags() {
        // Accepted / rejected as observed with mpy-cross 1.29.
        for (s, v) in [("zba", 1), ("zcmp,zba", 3), ("3", 3), ("0x2", 2), ("0b1", 1), ("0B1", 1), ("zba,", 1), ("0", 0), ("0o1", 1), ("0b11", 3), ("zba,zba", 1), ("0x0", 0), (" 1", 1), ("\t1", 1), ("0o03", 3), ("0x03", 3)] {
            assert_eq!(parse_rv32_flags(s), Some(v), "{s:?}");
        }
        for s in ["4", "foo", "", "ZBA", "1,zba", ",zba", "zba,,zcmp", "zba zcmp", "+1", "-1", "0x3 ", "03", "00", "01", "08", "3abc", " zba", "zba ", "z", "zbaa", "0b100", "0x", "0b", "0b2", "1 ", "0 ", "1_0", "1.", "99", "010"] {
            assert_eq!(parse_rv32_flags(s), None, "{s:?}");
        }
    }

    #[test]
    fn arch_flags_rules() {
        assert_eq!(run(&["-march-flags=foo", "t.py"]).arch_flags, 0);
        assert_eq!(p(&["-march=x64", "-march-flags=zba", "t.py"]), Parsed::Fail("unrecognised arch flags"));
        assert_eq!(p(&["-march=x64", "-march-flags=0", "t.py"]), Parsed::Fail("unrecognised arch flags"));
        assert_eq!(p(&["-march=rv64imc", "-march-flags=zba", "t.py"]), Parsed::Fail("unrecognised arch flags"));
        assert_eq!(run(&["-march-flags=zba", "-march=rv32imc", "t.py"]).arch_flags, 1);
        assert_eq!(run(&["-march=rv32imc", "-march-flags=zba", "-march-flags=zcmp", "t.py"]).arch_flags, 2);
        // Checked before "no input file", after the options.
        assert_eq!(p(&["-march=rv32imc", "-march-flags=foo"]), Parsed::Fail("unrecognised arch flags"));
        assert_eq!(p(&["-march=rv32imc", "-march-flags=foo", "-z"]), Parsed::Usage);
    }

    #[test]
    fn usage_and_failures() {
        assert_eq!(p(&[]), Parsed::Fail("no input file"));
        assert_eq!(p(&["t.py", "t.py"]), Parsed::Fail("multiple input files"));
        assert_eq!(p(&["-", "-"]), Parsed::Fail("multiple input files"));
        for bad in [&["-h"][..], &["--help"], &["-z", "t.py"], &["-o"], &["-s"], &["-X"], &["-X", "foo", "t.py"], &["-Xemit=native", "t.py"], &["-march=foo", "t.py"], &["-march=", "t.py"], &["-march", "t.py"], &["-vv", "t.py"], &["-ofoo.mpy", "t.py"], &["-sname", "t.py"], &["---", "t.py"], &["-X", "emit=Native", "t.py"], &["-Xheapsize=1M", "t.py"], &["--", "-X"], &["-X", "--", "t.py"], &["-o", "-X", "t.py"], &["-X", "emit=native", "-z"], &["--version", "-X", "foo"]] {
            assert_eq!(p(bad), Parsed::Usage, "{bad:?}");
        }
        assert_eq!(p(&["--version", "-z"]), Parsed::Version);
        assert_eq!(p(&["-z", "--version"]), Parsed::Usage);
        assert_eq!(p(&["-X", "emit=native", "-march=x64", "--version"]), Parsed::Version);
        assert_eq!(p(&["-X", "emit=native"]), Parsed::Fail("arch not specified"));
        assert_eq!(p(&["-X", "emit=viper", "missing.py"]), Parsed::Fail("arch not specified"));
        assert_eq!(p(&["-X", "emit=native", "-march=x64"]), Parsed::Fail("no input file"));
        assert_eq!(p(&["-X", "emit=native", "t.py", "t.py"]), Parsed::Fail("multiple input files"));
        assert_eq!(p(&["--", "-X", "emit=native"]), Parsed::Fail("multiple input files"));
    }

    #[test]
    fn inputs_outputs_names() {
        let a = run(&["-", "-s", "foo\\\\bar.py"]);
        assert_eq!(a.input, Input::Stdin);
        assert_eq!(a.source.as_deref(), Some("foo//bar.py"));
        assert_eq!(run(&["sub\\m.py"]).input, Input::Path("sub/m.py".into()));
        assert_eq!(run(&["--", "-t.py"]).input, Input::Path("-t.py".into()));
        assert_eq!(run(&["-o", "x.mpy", "--", "-"]).input, Input::Stdin);
        assert_eq!(run(&["t.py", "--"]).input, Input::Path("t.py".into()));
        let a = run(&["-o", "--", "t.py"]);
        assert_eq!((a.output.as_deref(), a.input), (Some("--"), Input::Path("t.py".into())));
        assert_eq!(run(&["-s", "--", "t.py"]).source.as_deref(), Some("--"));
        assert_eq!(run(&["t.py", "-o", "a.mpy", "-o", "b.mpy"]).output.as_deref(), Some("b.mpy"));
        assert_eq!(run(&["-s", "a", "-s", "b", "t.py"]).source.as_deref(), Some("b"));
        assert_eq!(run(&["-march=x64", "-march=debug", "t.py"]).arch, Some(Arch::Debug));
        assert_eq!(default_output("t.py"), "t.mpy");
        assert_eq!(default_output("noext"), "noempy");
        assert_eq!(default_output("a.txt"), "a.tmpy");
        assert_eq!(default_output("x"), "mpy");
        assert_eq!(default_output("sub/m.py"), "sub/m.mpy");
    }

    #[test]
    fn x_options() {
        let a = run(&["-X", "emit=native", "-X", "emit=bytecode", "t.py"]);
        assert_eq!(a.emit, EmitOpt::Bytecode);
        assert!(run(&["-X", "no-source-lines", "t.py"]).no_source_lines);
        assert!(!run(&["-X", "no-source-lines", "-X", "source-lines", "t.py"]).no_source_lines);
        assert_eq!(run(&["-X", "heapsize=1M", "t.py"]).heap_size, 1 << 20);
        assert_eq!(run(&["-X", "heapsize=4k", "t.py"]).heap_size, 4096);
        assert_eq!(run(&["-X", "heapsize=1wK", "t.py"]).heap_size, 2048);
        assert_eq!(run(&["-X", "heapsize=abc", "t.py"]).heap_size, 0);
        assert_eq!(run(&["-march=x64", "-X", "emit=viper", "t.py"]).emit, EmitOpt::Viper);
    }
}
