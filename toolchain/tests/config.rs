//! `mpbuild.toml` parsing: defaults, unknown keys named by their full path, bad values, and the same table
//! read from `[package.metadata.mpbuild]` / `[workspace.metadata.mpbuild]` through cargo metadata.

use std::path::Path;

use mpbuild::config::{self, Config, ConfigSource};

fn parse(text: &str) -> Result<Config, mpbuild::Error> {
    Config::parse(text, Path::new("mpbuild.toml"))
}

#[track_caller]
fn check_err(text: &str, code: &str, message: &str) {
    let e = parse(text).unwrap_err();
    assert_eq!(e.code_str(), code, "{e}");
    assert_eq!(e.to_string(), message);
}

#[test]
fn full_schema_parses() {
    let c = parse(
        r#"
name = "demo"
sources = ["src/**/*.py"]
exclude = ["src/tests/**"]
entries = ["boot.py", "main.py"]

[target]
board = "ESP32_GENERIC_S3"
small-int-bits = 31

[compile]
emit = "bytecode"
opt = 1
no-source-lines = false

[compile.overrides]
"lib/dsp/*.py" = "viper"
"lib/fast/*.py" = { emit = "native", opt = 3 }

[output]
dir = "out"
romfs = "out/app.img"
frozen = "out/frozen.c"
cache = ".cache/mpbuild"

[romfs]
partition-size = 131072
source-prefix = ""

[manifest-vars]
mpy-dir = "../micropython"
mpy-lib-dir = "../micropython-lib"
"#,
    )
    .unwrap();
    let o = c.overrides();
    assert_eq!(o.len(), 2);
    assert_eq!(o[0].glob, "lib/dsp/*.py");
    assert_eq!(o[1].opt, Some(3));
    assert_eq!(c.romfs.partition_size, Some(131_072));
}

#[test]
fn unknown_keys_name_their_path() {
    check_err("nmae = \"x\"\n", "mpbuild::config::unknown_key", "mpbuild.toml: unknown key `nmae`");
    check_err("[target]\nbord = \"RPI_PICO\"\n", "mpbuild::config::unknown_key", "mpbuild.toml: unknown key `target.bord`");
    check_err("[romfs]\npartition_size = 1\n", "mpbuild::config::unknown_key", "mpbuild.toml: unknown key `romfs.partition_size`");
    check_err(
        "[compile.overrides]\n\"a/*.py\" = { emit = \"viper\", level = 2 }\n",
        "mpbuild::config::unknown_key",
        "mpbuild.toml: unknown key `compile.overrides.\"a/*.py\".level`",
    );
    let e = parse("[target]\nbord = 1\n").unwrap_err();
    assert!(e.help_str().unwrap().contains("board"), "{:?}", e.help_str());
}

#[test]
fn bad_values_name_their_path() {
    check_err("[compile]\nopt = 7\n", "mpbuild::config::invalid_value", "mpbuild.toml: invalid value for `compile.opt`: 7 is not in 0..=3");
    check_err(
        "[compile]\nemit = \"turbo\"\n",
        "mpbuild::config::invalid_value",
        "mpbuild.toml: invalid value for `compile.emit`: `turbo` is not one of bytecode, native, viper",
    );
    check_err(
        "[compile.overrides]\n\"x.py\" = \"fast\"\n",
        "mpbuild::config::invalid_value",
        "mpbuild.toml: invalid value for `compile.overrides.\"x.py\"`: `fast` is not one of bytecode, native, viper",
    );
    let e = parse("sources = \"*.py\"\n").unwrap_err();
    assert_eq!(e.code_str(), "mpbuild::config::invalid_value");
    assert!(e.to_string().contains("`sources`"), "{e}");
    let e = parse("[target\n").unwrap_err();
    assert_eq!(e.code_str(), "mpbuild::config::syntax");
}

#[test]
fn unknown_board_and_conflicting_versions() {
    let c = parse("[target]\nboard = \"RPI_PICOO\"\n").unwrap();
    let e = mpbuild::Project::from_config(Path::new("."), c, ConfigSource::Defaults).unwrap_err();
    assert_eq!(e.code_str(), "mpbuild::target::unknown_board");
    assert!(e.help_str().unwrap().contains("RPI_PICO"));
    check_err(
        "[target]\nmicropython = \"1.29\"\nmpy = \"6.3\"\n",
        "mpbuild::config::invalid_value",
        "mpbuild.toml: invalid value for `target.mpy`: give either `micropython` or `mpy`, not both",
    );
}

#[test]
fn cargo_package_metadata_table() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::create_dir_all(d.join("src")).unwrap();
    std::fs::write(d.join("src/lib.rs"), "").unwrap();
    std::fs::write(
        d.join("Cargo.toml"),
        "[package]\nname = \"fw\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n\n\
         [package.metadata.mpbuild]\nname = \"from-cargo\"\n[package.metadata.mpbuild.target]\nboard = \"RPI_PICO_W\"\n",
    )
    .unwrap();
    let (root, cfg, src) = config::load(d).unwrap();
    assert_eq!(root, d);
    assert_eq!(cfg.name.as_deref(), Some("from-cargo"));
    assert_eq!(cfg.target.board.as_deref(), Some("RPI_PICO_W"));
    assert!(matches!(src, ConfigSource::Cargo { ref table, .. } if table == "package.metadata.mpbuild"));

    // Unknown keys there are named with the Cargo table path.
    std::fs::write(
        d.join("Cargo.toml"),
        "[package]\nname = \"fw\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n\n\
         [package.metadata.mpbuild.target]\nbored = 1\n",
    )
    .unwrap();
    let e = config::load(d).unwrap_err();
    assert!(e.to_string().ends_with("unknown key `package.metadata.mpbuild.target.bored`"), "{e}");
}

#[test]
fn cargo_workspace_metadata_table() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::create_dir_all(d.join("member/src")).unwrap();
    std::fs::write(d.join("member/src/lib.rs"), "").unwrap();
    std::fs::write(d.join("member/Cargo.toml"), "[package]\nname = \"m\"\nversion = \"0.1.0\"\nedition = \"2021\"\n").unwrap();
    std::fs::write(
        d.join("Cargo.toml"),
        "[workspace]\nmembers = [\"member\"]\n\n[workspace.metadata.mpbuild]\nname = \"ws\"\n",
    )
    .unwrap();
    let (_, cfg, src) = config::load(d).unwrap();
    assert_eq!(cfg.name.as_deref(), Some("ws"));
    assert!(matches!(src, ConfigSource::Cargo { ref table, .. } if table == "workspace.metadata.mpbuild"));
}

#[test]
fn a_plain_directory_uses_defaults_and_discovery_walks_up() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, cfg, src) = config::load(tmp.path()).unwrap();
    assert_eq!(cfg, Config::default());
    assert_eq!(src, ConfigSource::Defaults);
    std::fs::write(tmp.path().join("mpbuild.toml"), "name = \"up\"\n").unwrap();
    std::fs::create_dir_all(tmp.path().join("a/b")).unwrap();
    let (root, cfg, _) = config::discover(&tmp.path().join("a/b")).unwrap();
    assert_eq!(root, tmp.path());
    assert_eq!(cfg.name.as_deref(), Some("up"));
}

/// `[lint]` is part of the schema (shared with mpls through `mpconfig`): its keys are strict and its
/// rule codes and severities are checked.
#[test]
fn lint_table() {
    let c = parse("[lint]\nselect = [\"ALL\"]\nignore = [\"MP104\", \"global-lookup-in-loop\"]\ncompile = false\n[lint.severity]\nMP105 = \"warning\"\n").unwrap();
    assert_eq!(c.lint.ignore.len(), 2);
    assert_eq!(c.lint.compile, Some(false));
    check_err("[lint]\nselekt = []\n", "mpbuild::config::unknown_key", "mpbuild.toml: unknown key `lint.selekt`");
    check_err(
        "[lint]\nignore = [\"MP104\", \"MP1\"]\n",
        "mpbuild::config::invalid_value",
        "mpbuild.toml: invalid value for `lint.ignore[1]`: `MP1` is not a rule code (MP101 ... MP109)",
    );
    check_err(
        "[lint.severity]\nMP103 = \"loud\"\n",
        "mpbuild::config::invalid_value",
        "mpbuild.toml: invalid value for `lint.severity.MP103`: `loud` is not one of error, warning, info, hint",
    );
    // The emitter lives in [compile], not [target] (where mpls once looked for it).
    check_err("[target]\nemit = \"viper\"\n", "mpbuild::config::unknown_key", "mpbuild.toml: unknown key `target.emit`");
}

/// mpls reads a board's architecture with `mpconfig` (without the toolchain); it must be the one mpbuild
/// builds for, for every board and variant of the table.
#[test]
fn mpconfig_board_architectures_agree_with_the_board_table() {
    let all = mpconfig::boards::all();
    assert!(all.len() >= mpbuild::boards::all().unwrap().len());
    for (id, variant) in all {
        let ours = mpconfig::boards::arch_of(id, variant);
        let theirs = mpbuild::boards::find(id, variant).unwrap().arch;
        assert_eq!(ours, Some(theirs.as_str()), "{id} {variant:?}");
    }
}
