//! The manifest.py suite. Each expected module set and target path below was worked out by hand from
//! MicroPython's `tools/manifestfile.py` (freeze mode): `_search` targets are paths relative to `base_path`
//! (with `package_path` prefixed), `module()` targets are the given path, `freeze(path, script)` follows
//! `_freeze_internal`, includes run once, `require()` searches `<lib>/**/<name>/manifest.py`, and
//! `metadata(version=)` belongs to the package frame the file was added in. (manifestfile.py is not on PyPI,
//! so it cannot be run here.) MicroPython's walks follow `os.walk` order; ours are sorted.

mod common;

use std::path::Path;

use mpbuild::manifest::{evaluate, FileKind, Listing, Vars};

fn files(l: &Listing) -> Vec<(String, FileKind, Option<u8>)> {
    l.files.iter().map(|f| (f.target.clone(), f.kind, f.opt)).collect()
}

fn targets(l: &Listing) -> Vec<&str> {
    l.files.iter().map(|f| f.target.as_str()).collect()
}

fn eval_in(root: &Path, vars: &Vars) -> Result<Listing, mpbuild::Error> {
    evaluate(&root.join("manifest.py"), vars, root)
}

#[track_caller]
fn refused(root: &Path, text: &str, line: u32, needle: &str) {
    std::fs::write(root.join("manifest.py"), text).unwrap();
    let e = eval_in(root, &Vars::default()).unwrap_err();
    assert_eq!(e.code_str(), "mpbuild::manifest::error", "{e}");
    let msg = e.to_string();
    assert!(msg.contains(&format!("manifest.py:{line}: ")), "wrong line in: {msg}");
    assert!(msg.contains(needle), "`{needle}` not in: {msg}");
}

#[test]
fn nested_includes_options_and_visit_once() {
    let t = tempfile::tempdir().unwrap();
    common::write_tree(
        t.path(),
        &[
            ("manifest.py", "include(\"sub\", extra=True)\ninclude(\"sub/manifest.py\")\ninclude([\"other.py\"])\nmodule(\"top.py\")\n"),
            (
                "sub/manifest.py",
                "options.defaults(extra=False, base=True)\nif options.base:\n    module(\"b.py\")\nif options.extra and not options.missing:\n    module(\"e.py\", opt=2)\nelse:\n    module(\"never.py\")\n",
            ),
            ("other.py", "module(\"o.py\")\n"),
            ("sub/b.py", ""),
            ("sub/e.py", ""),
            ("o.py", ""),
            ("top.py", ""),
        ],
    );
    let l = eval_in(t.path(), &Vars::default()).unwrap();
    assert_eq!(
        files(&l),
        [
            ("b.py".into(), FileKind::FreezeAsMpy, None),
            ("e.py".into(), FileKind::FreezeAsMpy, Some(2)),
            ("o.py".into(), FileKind::FreezeAsMpy, None),
            ("top.py".into(), FileKind::FreezeAsMpy, None),
        ]
    );
    // Paths resolve against the including manifest's directory.
    assert!(l.files[0].path.ends_with("sub/b.py"));
    assert_eq!(l.manifests.len(), 3, "sub/manifest.py is read once");
}

#[test]
fn packages_with_base_path_and_files() {
    let t = tempfile::tempdir().unwrap();
    common::write_tree(
        t.path(),
        &[
            (
                "manifest.py",
                "package(\"pkg\", base_path=\"src\")\npackage(\"two\", files=[\"a.py\", \"deep/b.py\"], base_path=\"src\", opt=3)\npackage(\"three\")\n",
            ),
            ("src/pkg/__init__.py", ""),
            ("src/pkg/a.py", ""),
            ("src/pkg/sub/b.py", ""),
            ("src/pkg/data.json", "{}"),
            ("src/pkg/C.PY", ""),
            ("src/two/a.py", ""),
            ("src/two/deep/b.py", ""),
            ("src/two/ignored.py", ""),
            ("three/x.py", ""),
        ],
    );
    let l = eval_in(t.path(), &Vars::default()).unwrap();
    assert_eq!(
        targets(&l),
        ["pkg/C.PY", "pkg/__init__.py", "pkg/a.py", "pkg/sub/b.py", "two/a.py", "two/deep/b.py", "three/x.py"]
    );
    assert_eq!(l.files[4].opt, Some(3));
}

#[test]
fn variables_and_freeze_forms() {
    let t = tempfile::tempdir().unwrap();
    let mpy = t.path().join("micropython");
    let proj = t.path().join("proj");
    common::write_tree(
        &mpy,
        &[
            ("extmod/asyncio/manifest.py", "package(\"asyncio\", base_path=\"..\", opt=3)\n"),
            ("extmod/asyncio/__init__.py", ""),
            ("extmod/asyncio/core.py", ""),
            ("ports/rp2/modules/_boot.py", ""),
            ("ports/rp2/modules/rp2.py", ""),
            ("ports/rp2/modules/pre.mpy", "M"),
            ("ports/rp2/boards/PICO/board_mod.py", ""),
        ],
    );
    common::write_tree(
        &proj,
        &[
            (
                "manifest.py",
                "freeze(\"$(PORT_DIR)/modules\")\ninclude(\"$(MPY_DIR)/extmod/asyncio\")\nfreeze(\"$(BOARD_DIR)\", \"board_mod.py\")\n\
                 freeze(\"app\", \"drivers\")\nfreeze(\"app\", [\"main.py\"], opt=1)\nfreeze_as_str(\"strs\")\nfreeze_mpy(\"$(PORT_DIR)/modules\")\n",
            ),
            ("app/main.py", ""),
            ("app/drivers/a.py", ""),
            ("app/drivers/b.mpy", "M"),
            ("strs/s.py", ""),
        ],
    );
    let vars = Vars {
        mpy_dir: Some(mpy.clone()),
        port_dir: Some(mpy.join("ports/rp2")),
        board_dir: Some(mpy.join("ports/rp2/boards/PICO")),
        mpy_lib_dir: None,
    };
    let l = eval_in(&proj, &vars).unwrap();
    assert_eq!(
        files(&l),
        [
            ("_boot.py".into(), FileKind::FreezeAsMpy, None),
            ("pre.mpy".into(), FileKind::FreezeMpy, None),
            ("rp2.py".into(), FileKind::FreezeAsMpy, None),
            ("asyncio/__init__.py".into(), FileKind::FreezeAsMpy, Some(3)),
            ("asyncio/core.py".into(), FileKind::FreezeAsMpy, Some(3)),
            // package() without files= takes every .py under the package, its manifest.py included (which is
            // why MicroPython's own asyncio manifest lists its files).
            ("asyncio/manifest.py".into(), FileKind::FreezeAsMpy, Some(3)),
            ("board_mod.py".into(), FileKind::FreezeAsMpy, None),
            ("drivers/a.py".into(), FileKind::FreezeAsMpy, None),
            ("drivers/b.mpy".into(), FileKind::FreezeMpy, None),
            ("main.py".into(), FileKind::FreezeAsMpy, Some(1)),
            ("s.py".into(), FileKind::FreezeAsStr, None),
            ("pre.mpy".into(), FileKind::FreezeMpy, None),
        ]
    );
    // An unset variable is an error naming the config key to set.
    std::fs::write(proj.join("manifest.py"), "require(\"x\")\ninclude(\"$(MPY_LIB_DIR)/x\")\n").unwrap();
    let e = eval_in(&proj, &vars).unwrap_err();
    assert!(e.to_string().contains("manifest.py:1: Package 'x' not found in any known library."), "{e}");
    std::fs::write(proj.join("manifest.py"), "include(\"$(MPY_LIB_DIR)/x\")\n").unwrap();
    let e = eval_in(&proj, &vars).unwrap_err();
    assert!(e.to_string().contains("`$(MPY_LIB_DIR)` is used but not set"), "{e}");
    assert!(e.help_str().unwrap().contains("mpy-lib-dir"));
}

#[test]
fn require_metadata_and_libraries() {
    let t = tempfile::tempdir().unwrap();
    let lib = t.path().join("micropython-lib");
    let proj = t.path().join("proj");
    common::write_tree(
        &lib,
        &[
            ("python-stdlib/base64/manifest.py", "metadata(version=\"3.3.6\")\nrequire(\"binascii\")\nmodule(\"base64.py\")\n"),
            ("python-stdlib/base64/base64.py", ""),
            ("python-stdlib/binascii/manifest.py", "module(\"binascii.py\")\nmetadata(version=\"2.4.1\", description=\"late\")\n"),
            ("python-stdlib/binascii/binascii.py", ""),
            ("micropython/net/aioble/manifest.py", "metadata(version=\"0.5\")\noptions.defaults(central=False)\npackage(\"aioble\", files=[\"core.py\"] + ([\"central.py\"] if options.central else []))\n"),
            ("micropython/net/aioble/aioble/core.py", ""),
            ("micropython/net/aioble/aioble/central.py", ""),
        ],
    );
    common::write_tree(
        &proj,
        &[
            ("manifest.py", "metadata(description=\"app\", version=\"1.0\")\nrequire(\"base64\")\nrequire(\"aioble\", central=True)\nmodule(\"app.py\")\nadd_library(\"mine\", \"vendor\")\nrequire(\"thing\", library=\"mine\")\n"),
            ("app.py", ""),
            ("vendor/sub/thing/manifest.py", "module(\"thing.py\")\n"),
            ("vendor/sub/thing/thing.py", ""),
        ],
    );
    let vars = Vars { mpy_lib_dir: Some(lib.clone()), ..Vars::default() };
    let l = eval_in(&proj, &vars).unwrap();
    let got: Vec<(&str, Option<&str>)> = l.files.iter().map(|f| (f.target.as_str(), f.version.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("binascii.py", Some("2.4.1")),
            ("base64.py", Some("3.3.6")),
            ("aioble/core.py", Some("0.5")),
            ("aioble/central.py", Some("0.5")),
            ("app.py", Some("1.0")),
            ("thing.py", None),
        ]
    );
    assert_eq!(l.metadata.description.as_deref(), Some("app"));

    std::fs::write(proj.join("manifest.py"), "metadata(version=\"1\")\nmetadata(version=\"2\")\n").unwrap();
    let e = eval_in(&proj, &vars).unwrap_err();
    assert!(e.to_string().ends_with("manifest.py:2: Duplicate call to metadata()."), "{e}");
    std::fs::write(proj.join("manifest.py"), "require(\"x\", library=\"nope\")\n").unwrap();
    let e = eval_in(&proj, &vars).unwrap_err();
    assert!(e.to_string().contains("Unknown library 'nope' for require('x')."), "{e}");
}

#[test]
fn api_misuse_is_reported_with_file_and_line() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("m.txt"), "").unwrap();
    refused(t.path(), "\n\nmodule(\"m.txt\")\n", 3, "module must be .py file");
    refused(t.path(), "module(\"gone.py\")\n", 1, "Cannot stat");
    refused(t.path(), "package(\"nopkg\")\n", 1, "package directory");
    refused(t.path(), "module(\"m.py\", bogus=1)\n", 1, "module() got an unexpected keyword argument 'bogus'");
    refused(t.path(), "module()\n", 1, "module() missing required argument 'module_path'");
    refused(t.path(), "package(\"p\", opt=9)\n", 1, "opt must be an int from 0 to 3");
    refused(t.path(), "x = = 1\n", 1, "SyntaxError");
    refused(t.path(), "c_module(\".\")\n", 1, "must contain micropython.mk or micropython.cmake");
    // The error names the included file, not the includer.
    common::write_tree(t.path(), &[("inc/manifest.py", "\nmodule(\"nope.py\")\n")]);
    std::fs::write(t.path().join("manifest.py"), "include(\"inc\")\n").unwrap();
    let e = eval_in(t.path(), &Vars::default()).unwrap_err();
    assert!(e.to_string().contains("inc/manifest.py:2: Cannot stat"), "{e}");
}

#[test]
fn malicious_manifests_are_refused_not_run() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    let pwned = d.join("pwned");
    let cmd = format!("__import__('os').system('touch {}')\n", pwned.display());
    refused(d, &cmd, 1, "name '__import__' isn't defined");
    refused(d, "import os\nos.system('true')\n", 1, "`import` statements are not allowed");
    refused(d, "from os import system\n", 1, "`import` statements are not allowed");
    refused(d, "open('/etc/passwd').read()\n", 1, "name 'open' isn't defined");
    refused(d, "exec('print(1)')\n", 1, "name 'exec' isn't defined");
    refused(d, "options.__class__.__init__.__globals__\n", 1, "attribute access on NoneType");
    refused(d, "module.__globals__\n", 1, "attribute access on function");
    refused(d, "x = [c for c in 'ab']\n", 1, "expression is not allowed");
    refused(d, "(lambda: 0)()\n", 1, "expression is not allowed");
    refused(d, "def f():\n    pass\n", 1, "`def` statements are not allowed");
    refused(d, "while True:\n    pass\n", 1, "`while` statements are not allowed");
    refused(d, "'{}'.format(1)\n", 1, "attribute access on str");
    refused(d, "include(\"/etc\")\n", 1, "outside the project root");
    refused(d, "module(\"passwd\", base_path=\"/etc\")\n", 1, "outside the project root");
    refused(d, "package(\"..\", base_path=\"..\")\n", 1, "outside the project root");
    // A symlink inside the project that leads outside it is followed and refused.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("evil.py"), "").unwrap();
    std::os::unix::fs::symlink(outside.path().join("evil.py"), d.join("evil.py")).unwrap();
    refused(d, "module(\"evil.py\")\n", 1, "outside the project root");
    assert!(!pwned.exists(), "nothing was executed");
}

#[test]
fn subset_control_flow_works() {
    let t = tempfile::tempdir().unwrap();
    common::write_tree(
        t.path(),
        &[
            (
                "manifest.py",
                "\"\"\"Doc.\"\"\"\nMODS = (\"a\", \"b\")\nfor m in MODS + (\"c\",):\n    module(m + \".py\")\nif \"b\" in MODS and 1 == 1:\n    pass\nelif options.x:\n    module(\"no.py\")\n",
            ),
            ("a.py", ""),
            ("b.py", ""),
            ("c.py", ""),
        ],
    );
    let l = eval_in(t.path(), &Vars::default()).unwrap();
    assert_eq!(targets(&l), ["a.py", "b.py", "c.py"]);
}
