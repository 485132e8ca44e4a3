//! Fuzz target: the `manifest.py` reader on arbitrary text, evaluated against a small project on disk (a
//! module, a package, a nested manifest to `include`, a `.mpy` file). Evaluation gives a listing or an
//! error naming the file, never a panic or a hang (the evaluator bounds loops, include depth and walks).
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mpbuild::manifest::{evaluate_str, Vars};

/// The project the manifests read: created once per process at a fixed place (no temp dirs piling up).
fn root() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let r = std::env::temp_dir().join(format!("mpy-fuzz-manifest-{}", std::process::id()));
        let files: &[(&str, &str)] = &[
            ("main.py", "print('main')\n"),
            ("lib/util.py", "X = 1\n"),
            ("pkg/__init__.py", ""),
            ("pkg/a.py", "A = 1\n"),
            ("pkg/sub/b.py", "B = 2\n"),
            ("pkg/data.txt", "text\n"),
            ("frozen/m.mpy", "M\x06\x00\x1f"),
            ("sub/manifest.py", "module('x.py')\npackage('pkg', base_path='..')\n"),
            ("sub/x.py", "x = 0\n"),
            ("loop/manifest.py", "include('manifest.py')\n"),
            ("boards/manifest.py", "include('$(BOARD_DIR)/../sub')\n"),
        ];
        for (rel, text) in files {
            let p = r.join(rel);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("fixture dir");
            std::fs::write(&p, text).expect("fixture file");
        }
        r
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let root = root();
    let vars = Vars { board_dir: Some(root.join("boards")), mpy_lib_dir: Some(root.join("lib")), ..Vars::default() };
    if let Err(e) = evaluate_str(&text, &root.join("manifest.py"), &vars, root) {
        // Errors are values with a message; rendering them must work too.
        let _ = e.to_string();
    }
});
