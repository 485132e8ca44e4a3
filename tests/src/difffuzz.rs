//! The differential fuzzer: generated programs ([`crate::gen`]) compiled in-process by `mpy_vm` and by the
//! real mpy-cross binary; any difference (bytes, error text, one side refusing, a panic) is a finding,
//! minimised by delta debugging over lines and written as a regression program.
//!
//! A finding file starts with `# mpy-cross-args: ...` (the options it needs) and is checked by
//! `tests/tests/fuzz_findings.rs` like any other: same bytes or same error text as mpy-cross.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use mpy_vm::{Arch, CompileOptions};

use crate::gen::{self, Rng};
use crate::oracles::oracles;
use crate::process::run;

/// The file name the programs are compiled as (by both compilers, from the program's own directory).
pub const SOURCE_NAME: &str = "prog.py";

/// One generated program and the options it is compiled with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    pub seed: u64,
    pub source: String,
    pub opt: u8,
    pub arch: Option<Arch>,
}

impl Case {
    /// The program for `seed`: options first (the generator adds native functions for x64/x86).
    pub fn generate(seed: u64) -> Case {
        let mut rng = Rng::new(seed);
        let opt = (rng.next_u64() % 4) as u8;
        let arch = match rng.next_u64() % 8 {
            0 | 1 => Some(Arch::X64),
            2 => Some(Arch::X86),
            3 => Some(Arch::Armv7m),
            _ => None,
        };
        let cfg = gen::Config { native: matches!(arch, Some(Arch::X64 | Arch::X86)), ..gen::Config::default() };
        let source = gen::program(&mut rng, cfg);
        Case { seed, source, opt, arch }
    }

    /// mpy-cross's arguments besides input and output.
    pub fn args(&self) -> Vec<String> {
        let mut a = vec![format!("-O{}", self.opt)];
        if let Some(arch) = self.arch {
            a.push(format!("-march={}", arch.name()));
        }
        a
    }

    pub fn options(&self) -> CompileOptions {
        CompileOptions {
            source_name: SOURCE_NAME.to_string(),
            input_name: Some(SOURCE_NAME.to_string()),
            opt_level: self.opt,
            arch: self.arch,
            ..CompileOptions::default()
        }
    }

    /// The finding file's text: the arguments line, then the program.
    pub fn finding_text(&self, what: &str) -> String {
        format!("# mpy-cross-args: {}\n# difffuzz seed {}: {what}\n{}", self.args().join(" "), self.seed, self.source)
    }
}

/// How the two compilers disagreed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    BytesDiffer,
    ErrorDiffers,
    /// mpy-cross compiles, we refuse.
    WeRefuse,
    /// mpy-cross refuses, we compile.
    WeAccept,
    Panic,
}

/// The result of one comparison.
#[derive(Clone, Debug)]
pub enum Verdict {
    /// Same bytes (`true`) or same error text (`false`).
    Same { compiled: bool },
    Differs { kind: Kind, summary: String },
}

/// Compiles `source` with `opts` in-process: bytes or mpy-cross's stderr text; `Err` for a panic.
pub fn ours(source: &[u8], opts: &CompileOptions) -> Result<Result<Vec<u8>, String>, String> {
    crate::catch_panic(|| mpy_vm::compile_to_mpy(source, opts).map_err(|e| e.render(&opts.source_name)))
}

/// Runs mpy-cross on `source` in `dir`: bytes or stderr.
pub fn theirs(source: &[u8], args: &[String], dir: &Path) -> std::io::Result<Result<Vec<u8>, String>> {
    let src = dir.join(SOURCE_NAME);
    let out = dir.join("prog.mpy");
    std::fs::write(&src, source)?;
    let _ = std::fs::remove_file(&out);
    // A run that did not exit (killed, timed out on a loaded machine) is retried: only an exit status is an
    // answer to compare with.
    let mut last = String::new();
    for _ in 0..3 {
        let mut cmd = std::process::Command::new(&oracles().mpy_cross);
        cmd.args(args).arg("-o").arg("prog.mpy").arg(SOURCE_NAME).current_dir(dir);
        let o = run(cmd, crate::corpus::COMPILE_TIMEOUT)?;
        match o.code {
            Some(0) => return Ok(Ok(std::fs::read(&out)?)),
            Some(_) => return Ok(Err(o.stderr_str())),
            None => last = o.status_text(),
        }
    }
    Err(std::io::Error::other(format!("mpy-cross did not finish three times ({last})")))
}

/// Compares both compilers on `source`.
pub fn compare(source: &str, args: &[String], opts: &CompileOptions, dir: &Path) -> std::io::Result<Verdict> {
    let reference = theirs(source.as_bytes(), args, dir)?;
    let actual = ours(source.as_bytes(), opts);
    let first = |s: &str| s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").trim().to_string();
    Ok(match (reference, actual) {
        (_, Err(panic)) => Verdict::Differs { kind: Kind::Panic, summary: format!("mpy_vm panicked: {}", first(&panic)) },
        (Ok(r), Ok(Ok(a))) if r == a => Verdict::Same { compiled: true },
        (Ok(r), Ok(Ok(a))) => Verdict::Differs { kind: Kind::BytesDiffer, summary: format!("bytes differ: {}", first_difference(&r, &a)) },
        (Ok(_), Ok(Err(e))) => Verdict::Differs { kind: Kind::WeRefuse, summary: format!("mpyc refuses: {}", first(&e)) },
        (Err(r), Ok(Ok(_))) => Verdict::Differs { kind: Kind::WeAccept, summary: format!("mpyc compiles what mpy-cross refuses: {}", first(&r)) },
        (Err(r), Ok(Err(e))) if r == e => Verdict::Same { compiled: false },
        (Err(r), Ok(Err(e))) => {
            Verdict::Differs { kind: Kind::ErrorDiffers, summary: format!("mpy-cross: {} / mpyc: {}", first(&r), first(&e)) }
        }
    })
}

/// The first line where the two files' disassemblies differ, with numbers and hex words replaced by `#`
/// (so that findings of one cause share a summary and are deduplicated).
fn first_difference(reference: &[u8], actual: &[u8]) -> String {
    let dis = |b: &[u8]| mpy_vm::mpy::read(b).map(|m| mpy_vm::mpy::disasm::disassemble(&m)).unwrap_or_else(|e| format!("unreadable: {e}"));
    let (r, a) = (dis(reference), dis(actual));
    let line = r.lines().zip(a.lines()).find(|(x, y)| x != y).map_or("(length)", |(x, _)| x);
    line.split_whitespace()
        .map(|w| if w.chars().all(|c| c.is_ascii_hexdigit() || c == '-' || c == '.') { "#" } else { w })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Delta debugging over lines (ddmin), then, until nothing more goes: removing single lines, removing a
/// line with its indented block, and unwrapping a block (its header removed, its body dedented). The result
/// is the smallest program that still shows a difference of the same kind.
pub fn minimise(source: &str, kind: Kind, args: &[String], opts: &CompileOptions, dir: &Path) -> String {
    let still = |lines: &[String]| -> bool {
        let mut s = lines.join("\n");
        s.push('\n');
        matches!(compare(&s, args, opts, dir), Ok(Verdict::Differs { kind: k, .. }) if k == kind)
    };
    let mut lines: Vec<String> = source.lines().map(str::to_string).collect();
    let mut n = 2usize;
    while lines.len() >= 2 {
        let chunk = lines.len().div_ceil(n);
        let mut reduced = false;
        let mut start = 0;
        while start < lines.len() {
            let end = (start + chunk).min(lines.len());
            let mut candidate = lines[..start].to_vec();
            candidate.extend_from_slice(&lines[end..]);
            if !candidate.is_empty() && still(&candidate) {
                lines = candidate;
                n = (n - 1).max(2);
                reduced = true;
                break;
            }
            start = end;
        }
        if !reduced {
            if n >= lines.len() {
                break;
            }
            n = (n * 2).min(lines.len());
        }
    }
    let indent = |l: &str| l.len() - l.trim_start().len();
    loop {
        let mut changed = false;
        let mut i = 0;
        while i < lines.len() {
            // The block of line i: the following lines indented deeper.
            let block_end = (i + 1..lines.len()).find(|&j| indent(&lines[j]) <= indent(&lines[i])).unwrap_or(lines.len());
            let mut candidates = Vec::new();
            if block_end > i + 1 {
                let mut c = lines.clone();
                c.drain(i..block_end);
                candidates.push(c);
                let (base, body) = (indent(&lines[i]), indent(&lines[i + 1]));
                let mut c = lines[..i].to_vec();
                for l in &lines[i + 1..block_end] {
                    c.push(format!("{}{}", " ".repeat(base + indent(l).saturating_sub(body)), l.trim_start()));
                }
                c.extend_from_slice(&lines[block_end..]);
                candidates.push(c);
            }
            let mut c = lines.clone();
            c.remove(i);
            candidates.push(c);
            match candidates.into_iter().find(|c| !c.is_empty() && still(c)) {
                Some(c) => {
                    lines = c;
                    changed = true;
                }
                None => i += 1,
            }
        }
        if !changed {
            break;
        }
    }
    let mut s = lines.join("\n");
    s.push('\n');
    s
}

/// One difference found, minimised.
#[derive(Clone, Debug)]
pub struct Finding {
    pub case: Case,
    pub kind: Kind,
    pub summary: String,
    /// The minimised program.
    pub minimal: String,
}

/// What a run did.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub programs: u64,
    /// Programs both compilers compiled to the same bytes.
    pub same_bytes: u64,
    /// Programs both refused with the same error text.
    pub same_error: u64,
    pub findings: Vec<Finding>,
    /// Differences not minimised or saved because one of the same kind and summary was found already.
    pub duplicates: u64,
    /// Every program that differed: seed, kind, summary (duplicates included).
    pub differing: Vec<(u64, Kind, String)>,
    /// Programs mpy-cross gave no answer for (killed or timed out three times): seed, why.
    pub unavailable: Vec<(u64, String)>,
}

/// Settings of a run.
#[derive(Clone, Debug)]
pub struct RunOptions {
    pub first_seed: u64,
    pub count: u64,
    pub threads: usize,
    /// Minimise findings (slow for many of them).
    pub minimise: bool,
    /// Where to write each finding (`<dir>/<kind>_<seed>.py`), if anywhere.
    pub save_to: Option<PathBuf>,
    /// Called every this many programs with the report so far.
    pub progress_every: u64,
}

/// A finding's key for deduplication: the same kind and the same first words of the summary (digits stripped).
fn dedup_key(kind: Kind, summary: &str) -> String {
    // The first words only: `bytes differ: line table: # # ...` and `bytes differ: # float #` name the cause.
    let words: Vec<String> = summary
        .split_whitespace()
        .map(|w| w.chars().filter(|c| !c.is_ascii_digit()).collect::<String>())
        .filter(|w| !w.is_empty() && w != "#" && w != "-")
        .take(4)
        .collect();
    format!("{kind:?}:{}", words.join(" "))
}

/// Runs `count` programs from `first_seed` on `threads` threads.
pub fn run_many(o: &RunOptions, progress: &(dyn Fn(&Report) + Sync)) -> std::io::Result<Report> {
    let report = Mutex::new(Report::default());
    let seen = Mutex::new(std::collections::HashSet::new());
    let next = AtomicU64::new(0);
    let error: Mutex<Option<std::io::Error>> = Mutex::new(None);
    std::thread::scope(|s| {
        for _ in 0..o.threads.max(1) {
            s.spawn(|| {
                let dir = match tempfile::tempdir() {
                    Ok(d) => d,
                    Err(e) => {
                        *error.lock().unwrap() = Some(e);
                        return;
                    }
                };
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= o.count || error.lock().unwrap().is_some() {
                        return;
                    }
                    let case = Case::generate(o.first_seed.wrapping_add(i));
                    let verdict = match compare(&case.source, &case.args(), &case.options(), dir.path()) {
                        Ok(v) => v,
                        Err(e) => {
                            // mpy-cross gave no answer: nothing to compare (counted, not a finding).
                            let mut r = report.lock().unwrap();
                            r.unavailable.push((case.seed, e.to_string()));
                            r.programs += 1;
                            continue;
                        }
                    };
                    let finding = match verdict {
                        Verdict::Same { compiled } => {
                            let mut r = report.lock().unwrap();
                            if compiled {
                                r.same_bytes += 1;
                            } else {
                                r.same_error += 1;
                            }
                            None
                        }
                        Verdict::Differs { kind, summary } => {
                            report.lock().unwrap().differing.push((case.seed, kind, summary.clone()));
                            if seen.lock().unwrap().insert(dedup_key(kind, &summary)) {
                                let minimal = if o.minimise {
                                    minimise(&case.source, kind, &case.args(), &case.options(), dir.path())
                                } else {
                                    case.source.clone()
                                };
                                Some(Finding { case: case.clone(), kind, summary, minimal })
                            } else {
                                report.lock().unwrap().duplicates += 1;
                                None
                            }
                        }
                    };
                    if let Some(f) = finding {
                        if let Some(dir) = &o.save_to {
                            let min_case = Case { source: f.minimal.clone(), ..f.case.clone() };
                            let name = format!("{:?}_{}.py", f.kind, f.case.seed).to_lowercase();
                            if let Err(e) = std::fs::create_dir_all(dir).and_then(|_| std::fs::write(dir.join(name), min_case.finding_text(&f.summary))) {
                                *error.lock().unwrap() = Some(e);
                            }
                        }
                        report.lock().unwrap().findings.push(f);
                    }
                    let mut r = report.lock().unwrap();
                    r.programs += 1;
                    if o.progress_every > 0 && r.programs % o.progress_every == 0 {
                        progress(&r);
                    }
                }
            });
        }
    });
    if let Some(e) = error.into_inner().unwrap() {
        return Err(e);
    }
    let mut r = report.into_inner().unwrap();
    r.findings.sort_by_key(|f| f.case.seed);
    r.differing.sort_by_key(|d| d.0);
    Ok(r)
}

/// Reads a finding file: its `# mpy-cross-args:` line as a [`Case`] (seed 0).
pub fn parse_finding(text: &str) -> Case {
    let args = text.lines().next().and_then(|l| l.strip_prefix("# mpy-cross-args:")).unwrap_or("");
    let mut case = Case { seed: 0, source: text.to_string(), opt: 0, arch: None };
    for a in args.split_whitespace() {
        if let Some(o) = a.strip_prefix("-O") {
            case.opt = o.parse().unwrap_or(0);
        } else if let Some(m) = a.strip_prefix("-march=") {
            case.arch = Arch::from_name(m);
        }
    }
    case
}
