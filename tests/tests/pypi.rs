//! Real-world code: every `.py` of the pinned MicroPython packages of `tests/pypi-packages.txt`
//! (downloaded and unpacked by `scripts/test` under `.cache/pypi/src/`) compiled by mpyc and mpy-cross:
//! identical bytes, or the identical refusal where mpy-cross refuses.
//!
//! Files are compiled from their package folder with their relative path as the source name, at `-O0`.
//! `setup.py` and `sdist_upip.py` (CPython packaging helpers) are left out.
//! They are named `pypi/<name>-<version>/<path>` in reports and in EXPECTED_FAILURES.

use std::ffi::OsString;
use std::path::PathBuf;

use mpy_tests::compare::{lib_failure, run_mpy_cross};
use mpy_tests::expected::{enforce, Verdict};
use mpy_tests::{files_with_ext, par_map, report, repo_root};

const MIN_PACKAGES: usize = 30;

fn pins() -> Vec<(String, String)> {
    let path = repo_root().join("tests/pypi-packages.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (n, v) = l.split_once("==").unwrap_or_else(|| panic!("tests/pypi-packages.txt: not name==version: {l}"));
            (n.trim().to_string(), v.trim().to_string())
        })
        .collect()
}

fn packages_dir() -> PathBuf {
    std::env::var_os("MPY_PYPI_DIR").map_or_else(|| repo_root().join(".cache/pypi/src"), PathBuf::from)
}

struct File {
    package: String,
    dir: PathBuf,
    rel: String,
}

fn check(f: &File) -> Result<Option<String>, String> {
    let source = std::fs::read(f.dir.join(&f.rel)).map_err(|e| format!("{}: {e}", f.rel))?;
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let out = tmp.path().join("out.mpy");
    let args: Vec<OsString> = vec![f.rel.clone().into(), "-o".into(), out.clone().into_os_string()];
    let reference = run_mpy_cross(&args, &f.dir, &out).map_err(|e| format!("can't run mpy-cross: {e}"))?;
    Ok(lib_failure("mpy_vm -O0", &reference, &source, &f.rel, 0).map(|fl| {
        if std::env::var_os("MPY_VERBOSE").is_some() {
            report::line(&format!("== pypi/{}/{}: {}\n{}", f.package, f.rel, fl.summary, fl.detail));
        }
        fl.summary
    }))
}

#[test]
fn pypi_packages_compile_like_mpy_cross() {
    mpy_tests::oracles::oracles();
    let pins = pins();
    let root = packages_dir();
    let mut files = Vec::new();
    let mut missing = Vec::new();
    for (name, version) in &pins {
        let package = format!("{name}-{version}");
        let dir = root.join(&package);
        if !dir.join(".complete").is_file() {
            missing.push(package);
            continue;
        }
        for p in files_with_ext(&dir, ".py") {
            // setup.py and sdist_upip.py are CPython packaging helpers, not MicroPython code.
            if p.file_name().is_some_and(|n| n == "setup.py" || n == "sdist_upip.py") {
                continue;
            }
            let rel = p.strip_prefix(&dir).unwrap_or(&p).to_string_lossy().replace('\\', "/");
            files.push(File { package: package.clone(), dir: dir.clone(), rel });
        }
    }
    assert!(
        missing.is_empty(),
        "PyPI packages not downloaded under {}: {} (run scripts/test, which fetches them)",
        root.display(),
        missing.join(", ")
    );

    let results = par_map(&files, check);
    let mut errors = Vec::new();
    let mut verdicts = Vec::new();
    let mut per_package: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for (f, r) in files.iter().zip(results) {
        let e = per_package.entry(f.package.as_str()).or_default();
        e.0 += 1;
        match r {
            Err(err) => errors.push(format!("pypi/{}/{}: {err}", f.package, f.rel)),
            Ok(failure) => {
                if failure.is_none() {
                    e.1 += 1;
                }
                verdicts.push(Verdict { path: format!("pypi/{}/{}", f.package, f.rel), failure });
            }
        }
    }
    let outcome = enforce("pypi/", &verdicts);
    let verbose = std::env::var_os("MPY_VERBOSE").is_some();
    for (package, (n, ok)) in &per_package {
        if verbose {
            report::line(&format!("pypi {package}: {n} files, {ok} identical to mpy-cross (bytes or refusal)"));
        }
    }
    report::line(&format!(
        "pypi: {} of {} packages entirely identical to mpy-cross (MPY_VERBOSE=1 lists each package)",
        per_package.values().filter(|(n, ok)| n == ok).count(),
        per_package.len()
    ));
    report::line(&format!(
        "pypi total: {} packages, {} files: {} identical, {} expected failures, {} violations",
        pins.len(),
        files.len(),
        outcome.passed,
        outcome.expected_failures,
        outcome.violations.len()
    ));
    assert!(pins.len() >= MIN_PACKAGES, "tests/pypi-packages.txt pins {} packages; at least {MIN_PACKAGES} are required", pins.len());
    assert!(
        errors.is_empty() && outcome.violations.is_empty(),
        "{}\n{}",
        errors.join("\n"),
        outcome.violations.join("\n")
    );
}

