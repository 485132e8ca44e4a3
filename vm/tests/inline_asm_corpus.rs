//! The inline assemblers (`@micropython.asm_thumb`, `asm_xtensa`, `asm_rv32`) against mpy-cross 1.29.
//!
//! Every program under `tests/corpus/inline_asm/<isa>/` is compiled by mpy-cross and by
//! `mpy_vm::compile` for each architecture of its instruction set, and must give the same `.mpy`
//! bytes, or the same error text (traceback and message, exactly as mpy-cross prints it). Where
//! mpy-cross aborts on an internal assertion (a branch whose size changes between passes, `movw pc`),
//! mpyc must refuse the program with a clean error. The `mpyc` binary is run on every program once
//! too, for its command line (`-march-flags`) and its stderr.
//!
//! - `thumb`: `armv6` (behind an ARM prelude), `armv6m`, `armv7m`, `armv7em`, `armv7emsp`,
//!   `armv7emdp` (Thumb-2 instructions from `armv7m`, VFP from `armv7emsp`);
//! - `xtensa`: `xtensa` and `xtensawin`;
//! - `rv32`: `rv32imc` without extensions, with `zba`, and with `zba,zcmp`.
//!
//! Each directory must hold at least 60 programs. `MPY_INLINE_FILTER=<substring>` restricts the run.
//! Also checked here: `@micropython.asm_*` on an architecture without an inline assembler, and the
//! machine-code listing of an inline-assembler function.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use mpy_vm::{Arch, CompileOptions};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn filter() -> Option<String> {
    std::env::var("MPY_INLINE_FILTER")
        .ok()
        .filter(|f| !f.is_empty())
}

/// The settings each instruction set is compiled with (`-march` and any `-march-flags`).
fn settings(isa: &str) -> Vec<(&'static str, Option<&'static str>)> {
    match isa {
        "thumb" => [
            "armv6",
            "armv6m",
            "armv7m",
            "armv7em",
            "armv7emsp",
            "armv7emdp",
        ]
        .into_iter()
        .map(|a| (a, None))
        .collect(),
        "xtensa" => vec![("xtensa", None), ("xtensawin", None)],
        _ => vec![
            ("rv32imc", None),
            ("rv32imc", Some("zba")),
            ("rv32imc", Some("zba,zcmp")),
        ],
    }
}

fn py_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "py"))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// `-march-flags` as the header bits (RISC-V: bit 0 zba, bit 1 zcmp).
fn flag_bits(flags: Option<&str>) -> u32 {
    flags.map_or(0, |f| {
        f.split(',').fold(0, |acc, x| match x {
            "zba" => acc | 1,
            "zcmp" => acc | 2,
            _ => acc,
        })
    })
}

/// The mpy-cross command-line arguments of a setting.
fn args(arch: &str, flags: Option<&str>) -> Vec<String> {
    let mut a = vec![format!("-march={arch}")];
    if let Some(f) = flags {
        a.push(format!("-march-flags={f}"));
    }
    a
}

/// Compiles `file` (in `dir`) with both compilers; `Err` describes a mismatch.
fn compare(
    dir: &Path,
    file: &str,
    arch: &str,
    flags: Option<&str>,
) -> Result<&'static str, String> {
    let scratch = common::Scratch::new("inline");
    let out_path = scratch.path("out.mpy");
    let mut cmd_args = args(arch, flags);
    cmd_args.extend([
        file.to_string(),
        "-o".into(),
        out_path.to_string_lossy().into(),
    ]);
    let oracle = Command::new(common::mpy_cross())
        .current_dir(dir)
        .args(&cmd_args)
        .output()
        .map_err(|e| format!("cannot run mpy-cross: {e}"))?;
    let source = std::fs::read(dir.join(file)).map_err(|e| e.to_string())?;
    let opts = CompileOptions {
        source_name: file.to_string(),
        arch: Arch::from_name(arch),
        arch_flags: flag_bits(flags),
        ..CompileOptions::default()
    };
    let ours = std::panic::catch_unwind(|| mpy_vm::compile(&source, &opts))
        .map_err(|_| "mpyc panicked".to_string())?;
    let ours = match (ours.module, ours.error) {
        (_, Some(e)) => Err(e),
        (Some(m), None) => Ok(mpy_vm::mpy::write(&m)),
        (None, None) => return Err("mpyc gave no module and no error".into()),
    };
    match (oracle.status.code(), ours) {
        (Some(0), Ok(bytes)) => {
            let expected = std::fs::read(&out_path).unwrap_or_default();
            if expected == bytes {
                Ok("identical")
            } else {
                Err(format!(
                    "bytes differ:\n  mpy-cross {}\n  mpyc      {}",
                    hex(&expected),
                    hex(&bytes)
                ))
            }
        }
        (Some(0), Err(e)) => Err(format!(
            "mpyc refuses what mpy-cross compiles: {}",
            e.render(file).trim()
        )),
        (Some(1), Ok(_)) => Err(format!(
            "mpyc compiles what mpy-cross refuses: {}",
            String::from_utf8_lossy(&oracle.stderr).trim()
        )),
        (Some(1), Err(e)) => {
            let expected = String::from_utf8_lossy(&oracle.stderr);
            let got = e.render(file);
            if expected == got {
                Ok("same error")
            } else {
                Err(format!(
                    "error differs:\n  mpy-cross {:?}\n  mpyc      {:?}",
                    expected.trim(),
                    got.trim()
                ))
            }
        }
        (_, Err(_)) => Ok("mpy-cross aborts, mpyc refuses cleanly"),
        (_, Ok(_)) => Err("mpy-cross aborts but mpyc compiles it".into()),
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// One compilation of one program.
struct Case {
    dir: PathBuf,
    file: String,
    arch: &'static str,
    flags: Option<&'static str>,
}

fn run_cases(cases: &[Case]) -> Vec<(String, Result<&'static str, String>)> {
    let n_threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(4);
    let chunks: Vec<Vec<&Case>> = (0..n_threads)
        .map(|t| cases.iter().skip(t).step_by(n_threads).collect())
        .collect();
    std::thread::scope(|sc| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                sc.spawn(move || {
                    chunk
                        .into_iter()
                        .map(|c| {
                            let key = format!(
                                "{}/{} -march={}{}",
                                c.dir
                                    .file_name()
                                    .map_or(String::new(), |d| d.to_string_lossy().to_string()),
                                c.file,
                                c.arch,
                                c.flags
                                    .map_or(String::new(), |f| format!(" -march-flags={f}"))
                            );
                            (key, compare(&c.dir, &c.file, c.arch, c.flags))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// Runs one instruction set's corpus.
fn check_isa(isa: &str) {
    let dir = repo_root().join("tests/corpus/inline_asm").join(isa);
    let files = py_files(&dir);
    assert!(
        filter().is_some() || files.len() >= 60,
        "tests/corpus/inline_asm/{isa} must hold at least 60 programs, it has {}",
        files.len()
    );
    let mut cases = Vec::new();
    for path in &files {
        let file = path
            .file_name()
            .map(|f| f.to_string_lossy().to_string())
            .unwrap_or_default();
        if filter().is_some_and(|f| !format!("{isa}/{file}").contains(&f)) {
            continue;
        }
        for (arch, flags) in settings(isa) {
            cases.push(Case {
                dir: dir.clone(),
                file: file.clone(),
                arch,
                flags,
            });
        }
    }
    let results = run_cases(&cases);
    let mut kinds: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    let mut problems = Vec::new();
    for (key, r) in &results {
        match r {
            Ok(k) => *kinds.entry(k).or_default() += 1,
            Err(e) => problems.push(format!("{key}: {e}")),
        }
    }
    eprintln!(
        "inline_asm/{isa}: {} programs, {} of {} compilations match mpy-cross {kinds:?}",
        files.len(),
        results.len() - problems.len(),
        results.len()
    );
    assert!(
        problems.is_empty(),
        "inline_asm/{isa}: {} mismatch(es):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn thumb_corpus_matches_mpy_cross() {
    check_isa("thumb");
}

#[test]
fn xtensa_corpus_matches_mpy_cross() {
    check_isa("xtensa");
}

#[test]
fn rv32_corpus_matches_mpy_cross() {
    check_isa("rv32");
}

/// `@micropython.asm_*` where mpy-cross has no inline assembler: "invalid arch" (any decorator).
#[test]
fn no_inline_assembler_is_invalid_arch() {
    let scratch = common::Scratch::new("inline-arch");
    let srcs = [
        "@micropython.asm_thumb\ndef f(r0):\n    nop()\n",
        "@micropython.asm_xtensa\ndef f(a2):\n    nop()\n",
        "@micropython.asm_rv32\ndef f(a0):\n    c_nop()\n",
    ];
    for (i, src) in srcs.iter().enumerate() {
        let name = format!("arch{i}.py");
        scratch.write(&name, src);
        for arch in ["x64", "x86", "rv64imc"] {
            let out = Command::new(common::mpy_cross())
                .current_dir(&scratch.dir)
                .args([
                    format!("-march={arch}"),
                    name.clone(),
                    "-o".into(),
                    "o.mpy".into(),
                ])
                .output()
                .expect("run mpy-cross");
            let opts = CompileOptions {
                source_name: name.clone(),
                arch: Arch::from_name(arch),
                ..CompileOptions::default()
            };
            let ours = mpy_vm::compile(src.as_bytes(), &opts);
            let err = ours
                .error
                .unwrap_or_else(|| panic!("mpyc compiled {name} for {arch}"));
            assert_eq!(
                out.status.code(),
                Some(1),
                "mpy-cross on {name} -march={arch}"
            );
            assert_eq!(
                String::from_utf8_lossy(&out.stderr),
                err.render(&name),
                "{name} -march={arch}"
            );
        }
    }
}

/// The `mpyc` binary gives mpy-cross's stdout, stderr and exit code (its `-march-flags` included).
#[test]
fn mpyc_binary_matches_on_samples() {
    let mpyc = PathBuf::from(env!("CARGO_BIN_EXE_mpyc"));
    let samples = [
        ("thumb", "vfp_arith.py", "armv7emsp", None),
        ("thumb", "err_branch_not_in_range.py", "armv6m", None),
        ("xtensa", "movi_literals.py", "xtensawin", None),
        ("rv32", "zba_zcmp.py", "rv32imc", Some("zba,zcmp")),
        ("rv32", "err_undefined_label.py", "rv32imc", None),
    ];
    for (isa, file, arch, flags) in samples {
        let dir = repo_root().join("tests/corpus/inline_asm").join(isa);
        assert!(dir.join(file).is_file(), "{isa}/{file} is missing");
        let scratch = common::Scratch::new("inline-bin");
        let run = |exe: &Path, out: &str| {
            let mut a = args(arch, flags);
            a.extend([
                file.to_string(),
                "-o".into(),
                scratch.path(out).to_string_lossy().into(),
            ]);
            Command::new(exe)
                .current_dir(&dir)
                .args(&a)
                .output()
                .expect("run compiler")
        };
        let theirs = run(&common::mpy_cross(), "theirs.mpy");
        let ours = run(&mpyc, "ours.mpy");
        assert_eq!(
            ours.status.code(),
            theirs.status.code(),
            "{isa}/{file}: exit code"
        );
        assert_eq!(
            String::from_utf8_lossy(&ours.stderr),
            String::from_utf8_lossy(&theirs.stderr),
            "{isa}/{file}: stderr"
        );
        assert_eq!(
            std::fs::read(scratch.path("ours.mpy")).ok(),
            std::fs::read(scratch.path("theirs.mpy")).ok(),
            "{isa}/{file}: output"
        );
    }
}

/// The listing of an inline-assembler function: one line per instruction, with mpy-cross's bytes.
#[test]
fn listing_shows_every_instruction_with_mpy_cross_bytes() {
    let src = "@micropython.asm_thumb\ndef f(r0, r1):\n    label(top)\n    add(r0, r0, r1)\n    sub(r1, 1)\n    bne(top)\n    movw(r2, 0x1234)\n";
    let opts = CompileOptions {
        source_name: "l.py".into(),
        arch: Some(Arch::Armv7m),
        ..CompileOptions::default()
    };
    let listings = mpy_vm::native_listings(src.as_bytes(), &opts).expect("compiles");
    let (name, text) = listings
        .iter()
        .find(|(n, _)| n == "f")
        .expect("a listing for f");
    assert_eq!(name, "f");
    for want in [
        "push {r1, r4, r5, r6, r7, lr}",
        "label_0:",
        "adds r0, r0, r1",
        "subs r1, #1",
        "bne.n",
        "movw r2, #4660",
        "pop {r1, r4, r5, r6, r7, pc}",
    ] {
        assert!(text.contains(want), "listing lacks {want:?}:\n{text}");
    }
    // The listed bytes, in order, are exactly the function's code as mpy-cross writes it.
    let listed: Vec<u8> = text
        .lines()
        .filter(|l| !l.trim_end().ends_with(':'))
        .flat_map(|l| {
            l.split("  ")
                .nth(1)
                .unwrap_or("")
                .split_whitespace()
                .filter_map(|b| u8::from_str_radix(b, 16).ok())
                .collect::<Vec<_>>()
        })
        .collect();
    let mpy = common::compile_with_mpy_cross(src, "l.py", &["-march=armv7m"]);
    let module = mpy_vm::mpy::read(&mpy).expect("mpy-cross output reads back");
    assert_eq!(listed, module.root.children[0].fun_data, "listing:\n{text}");
}
