//! Snapshot tests for every rule: its fixture's diagnostics (annotated under the code), and the fixture
//! after applying the first fix of every diagnostic. Bless with `INSTA_UPDATE=always` or `cargo insta review`.

use super::*;

/// The rules that have a fixture `fixtures/<CODE>.py`.
pub const FIXTURES: &[(Rule, &str)] = &[
    (Rule::ModuleConstantWithoutConst, include_str!("fixtures/MP101.py")),
    (Rule::ListAsNumericBuffer, include_str!("fixtures/MP102.py")),
    (Rule::GlobalLookupInLoop, include_str!("fixtures/MP103.py")),
    (Rule::AttributeLookupInLoop, include_str!("fixtures/MP104.py")),
    (Rule::AllocationInIrqHandler, include_str!("fixtures/MP105.py")),
    (Rule::BytesSliceInLoop, include_str!("fixtures/MP106.py")),
    (Rule::FloatArithmeticOnIntData, include_str!("fixtures/MP107.py")),
    (Rule::AllocationInLoop, include_str!("fixtures/MP108.py")),
    (Rule::UnsupportedEmitterConstruct, include_str!("fixtures/MP109.py")),
];

fn only(rule: Rule) -> Settings {
    Settings { select: Some(vec![rule]), compile_diagnostics: false, ..Settings::default() }
}

fn check_rule(rule: Rule, source: &str) {
    let a = analyze(source, &only(rule));
    assert!(a.diagnostics.iter().all(|d| d.rule() == Some(rule)));
    assert!(!a.diagnostics.is_empty(), "{} fixture has no diagnostics", rule.code());
    let code = rule.code();
    insta::assert_snapshot!(format!("{code}_diagnostics"), render::annotate_inline(source, &a.diagnostics));
    let fixes: Vec<&Fix> = a
        .diagnostics
        .iter()
        .filter_map(|d| d.fixes.first())
        .filter(|f| f.applicability() != Applicability::DisplayOnly)
        .collect();
    if !fixes.is_empty() {
        let (fixed, _) = apply_fixes(source, fixes);
        let (_, errors) = crate::syntax::parse(fixed.as_bytes());
        assert!(errors.is_empty(), "{code}: the fixed file does not parse: {errors:?}\n{fixed}");
        insta::assert_snapshot!(format!("{code}_fixed"), fixed);
    }
}

#[test]
fn every_rule_has_a_fixture() {
    for r in Rule::ALL {
        assert!(FIXTURES.iter().any(|(f, _)| f == r), "{} has no fixture", r.code());
    }
}

#[test]
fn fixtures_parse() {
    for (rule, src) in FIXTURES {
        let (_, errors) = crate::syntax::parse(src.as_bytes());
        assert!(errors.is_empty(), "{}: {errors:?}", rule.code());
    }
}

#[test]
fn mp101_module_constant_without_const() {
    check_rule(Rule::ModuleConstantWithoutConst, FIXTURES[0].1);
}

#[test]
fn mp102_list_as_numeric_buffer() {
    check_rule(Rule::ListAsNumericBuffer, FIXTURES[1].1);
}

#[test]
fn mp103_global_lookup_in_loop() {
    check_rule(Rule::GlobalLookupInLoop, FIXTURES[2].1);
}

#[test]
fn mp104_attribute_lookup_in_loop() {
    check_rule(Rule::AttributeLookupInLoop, FIXTURES[3].1);
}

#[test]
fn mp105_allocation_in_irq_handler() {
    check_rule(Rule::AllocationInIrqHandler, FIXTURES[4].1);
}

#[test]
fn mp106_bytes_slice_in_loop() {
    check_rule(Rule::BytesSliceInLoop, FIXTURES[5].1);
}

#[test]
fn mp107_float_arithmetic_on_int_data() {
    check_rule(Rule::FloatArithmeticOnIntData, FIXTURES[6].1);
}

#[test]
fn mp108_allocation_in_loop() {
    check_rule(Rule::AllocationInLoop, FIXTURES[7].1);
}

#[test]
fn mp109_unsupported_emitter_construct() {
    check_rule(Rule::UnsupportedEmitterConstruct, FIXTURES[8].1);
}

#[test]
fn docs_have_the_fixed_headings() {
    for r in Rule::ALL {
        let doc = r.doc();
        for h in ["## What it does", "## Why is this bad?", "## Example"] {
            assert!(doc.contains(h), "{} lacks {h}", r.code());
        }
        assert!(!r.summary().is_empty());
        assert_eq!(Rule::from_code(r.code()), Some(*r));
        assert_eq!(Rule::from_code(&r.name()), Some(*r));
    }
}

#[test]
fn syntax_error_does_not_hide_the_rest() {
    let src = "def f(xs):\n    for x in xs:\n        print(abs(x))\n\nx = = 1\n";
    let a = analyze(src, &Settings::default());
    assert_eq!(a.diagnostics[0].message, "SyntaxError: invalid syntax");
    assert_eq!(render::line_col(src, &crate::syntax::source::LineIndex::new(src.as_bytes()), a.diagnostics[0].range.start).0, 5);
    assert!(a.diagnostics.iter().any(|d| d.rule() == Some(Rule::GlobalLookupInLoop)));
}

#[test]
fn noqa_all_and_codes() {
    let src = "def f(xs):\n    for x in xs:\n        print(abs(x))  # noqa\n        y = abs(x)  # noqa: MP101\n";
    let a = analyze(src, &only(Rule::GlobalLookupInLoop));
    assert_eq!(a.diagnostics.len(), 0, "{:?}", a.diagnostics);
    let src = "def f(xs):\n    for x in xs:\n        y = abs(x)  # noqa: MP101\n";
    assert_eq!(analyze(src, &only(Rule::GlobalLookupInLoop)).diagnostics.len(), 1);
}

#[test]
fn timed_function_assist() {
    let src = "import time\n\n\ndef work(n):\n    return n * 2\n\n\nprint(work(3))\n";
    let a = analyze(src, &Settings::default());
    let assists = super::assists(src, &a.module, 20, &Settings::default());
    assert_eq!(assists.iter().map(|a| a.id).collect::<Vec<_>>(), ["timed-function", "native", "viper"]);
    let (fixed, _) = apply_fixes(src, [&assists[0].fix]);
    insta::assert_snapshot!("assist_timed_function", fixed);
}

/// The native and viper assists are offered when our compiler accepts the rewritten function, with the
/// inferred viper signature; the viper one is unsafe (machine-word integers).
#[test]
fn viper_and_native_assists_follow_the_compiler() {
    let src = "def add(a, b):\n    return a + b\n\n\ndef count(n):\n    for i in range(n):\n        yield i\n";
    let a = analyze(src, &Settings::default());
    let at = |needle: &str| src.find(needle).unwrap() as u32 + 4;
    let found = super::assists(src, &a.module, at("def add"), &Settings::default());
    let ids: Vec<&str> = found.iter().map(|a| a.id).collect();
    assert_eq!(ids, ["timed-function", "native", "viper"]);
    let viper = &found[2].fix;
    assert_eq!(viper.applicability(), Applicability::Unsafe);
    assert_eq!(found[1].fix.applicability(), Applicability::Safe);
    let (fixed, _) = apply_fixes(src, [viper]);
    assert!(fixed.starts_with("import micropython\n"), "{fixed}");
    assert!(fixed.contains("@micropython.viper\ndef add(a: int, b: int) -> int:\n"), "{fixed}");
    // A generator compiles natively but not under viper (`NotImplementedError: native yield`).
    let ids: Vec<&str> = super::assists(src, &a.module, at("def count"), &Settings::default()).iter().map(|a| a.id).collect();
    assert_eq!(ids, ["timed-function", "native"]);
}
