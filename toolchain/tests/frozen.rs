//! Frozen C: the structure `mpy-tool.py -f` gives (qstr pool, module names, raw-code records for bytecode
//! and native code), from modules compiled by our compiler (the product path).

mod common;

use mpbuild::cache::Cache;
use mpbuild::config::{Config, ConfigSource};
use mpbuild::image::frozen;
use mpbuild::progress::NoProgress;
use mpbuild::Project;

#[test]
fn example_freezes_with_pool_names_and_records() {
    let tmp = tempfile::tempdir().unwrap();
    let app = common::copy_example(tmp.path());
    let mut p = Project::load(Some(&app)).unwrap();
    common::for_the_vm(&mut p);
    let out = tmp.path().join("frozen_content.c");
    let r = frozen::build_to(&p, &common::compiler(), &Cache::disabled(), &out, &NoProgress).unwrap();
    let c = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        r.modules,
        ["app.py", "drivers/__init__.py", "drivers/display.py", "drivers/sensor.py", "lib/dsp/__init__.py", "lib/dsp/filter.py"]
    );
    // The pool: sorted, without static qstrs, first entry anchored at MP_QSTRnumber_of.
    let pool: Vec<&str> = c
        .lines()
        .skip_while(|l| !l.starts_with("enum {"))
        .skip(1)
        .take_while(|l| !l.starts_with("};"))
        .map(|l| l.trim().trim_end_matches(',').trim_end_matches(" = MP_QSTRnumber_of"))
        .collect();
    assert!(pool.first().unwrap().starts_with("MP_QSTR_"));
    assert!(c.contains(" = MP_QSTRnumber_of,"));
    assert!(pool.contains(&"MP_QSTR_format_temp") && pool.contains(&"MP_QSTR_CharDisplay"), "{pool:?}");
    assert!(!pool.contains(&"MP_QSTR_print") && !pool.contains(&"MP_QSTR___init__"), "static qstrs are not re-added");
    let strings: Vec<&str> = c.lines().skip_while(|l| !l.contains("mp_qstr_frozen_const_pool = {")).filter(|l| l.starts_with("        \"")).collect();
    let mut sorted = strings.clone();
    sorted.sort();
    assert_eq!(strings, sorted, "the pool is sorted");
    assert!(c.contains(&format!("    {}, // used entries", strings.len())));
    // Module names and records.
    for n in &r.modules {
        assert!(c.contains(&format!("    \"{n}\\0\"")), "{n} in mp_frozen_names");
    }
    assert!(c.contains("static const mp_frozen_module_t frozen_module_drivers_slash_sensor = {"));
    assert!(c.contains("static const byte fun_data_app__lt_module_gt_["));
    assert!(c.contains("proto_fun_app__lt_module_gt__App___init__ = {"), "methods are named after their prelude");
    assert!(c.contains(".kind = MP_CODE_BYTECODE"));
    assert!(c.contains(".kind = MP_CODE_NATIVE_VIPER"), "the viper module is frozen as native code");
    assert!(c.contains("MP_ROM_PTR(&mp_fun_table)"));
    assert_eq!(c.matches("    &frozen_module_").count(), 6);
    assert!(c.contains("MICROPY_FROZEN_LIST_ITEM(\"drivers/sensor\", \"drivers/sensor.py\")"));
}

#[test]
fn records_match_the_mpy_facts() {
    let tmp = tempfile::tempdir().unwrap();
    common::write_tree(
        tmp.path(),
        &[("m.py", "def gen():\n    yield 1\n\ndef plain():\n    return (1, 'two', b'3', 4.5, None)\n\nBIG = 1 << 20\n")],
    );
    let cfg = Config::parse("", &tmp.path().join("mpbuild.toml")).unwrap();
    let p = Project::from_config(tmp.path(), cfg, ConfigSource::Defaults).unwrap();
    let out = tmp.path().join("f.c");
    frozen::build_to(&p, &common::compiler(), &Cache::disabled(), &out, &NoProgress).unwrap();
    let c = std::fs::read_to_string(out).unwrap();
    let rec = |name: &str| -> String {
        let start = c.find(&format!("proto_fun_m__lt_module_gt__{name} = {{")).unwrap();
        c[start..start + 400].to_string()
    };
    assert!(rec("gen").contains(".is_generator = 1"), "generator flag decoded from the prelude");
    assert!(rec("plain").contains(".is_generator = 0"));
    assert!(c.contains("static const mp_rom_obj_tuple_t"));
    assert!(c.contains("{&mp_type_bytes}"));
    assert!(c.contains("MICROPY_OBJ_REPR_C"));
    assert!(c.contains(".n_children = 2"));
}

#[test]
fn mixed_native_arches_are_refused() {
    let a = mpy_vm::mpy::read(&std::fs::read(common::repo_root().join("toolchain/tests/data/native_x64.mpy")).unwrap()).unwrap();
    let mut b = a.clone();
    b.header.arch = Some(mpy_vm::Arch::Armv6m);
    let e = frozen::freeze(&[("a.py".into(), a), ("b.py".into(), b)]).unwrap_err();
    assert_eq!(e.code_str(), "mpbuild::freeze::error");
}
