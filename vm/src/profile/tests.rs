//! Tests of the instrumentation's shape (its behaviour on the real VM is tested by `mpbuild profile`'s
//! tests in `toolchain/tests/profile.rs`).

use super::*;
use crate::mpy::disasm;

fn disasm_of(source: &str, plan: Option<&ProfilePlan>) -> String {
    let opts = CompileOptions { source_name: "t.py".into(), ..CompileOptions::default() };
    let bytes = match plan {
        Some(p) => {
            let r = compile_profiled(source.as_bytes(), &opts, p);
            assert!(r.compiled.error.is_none(), "{:?}", r.compiled.error);
            crate::mpy::write(r.compiled.module.as_ref().unwrap())
        }
        None => crate::compile_to_mpy(source.as_bytes(), &opts).unwrap(),
    };
    disasm::disassemble(&crate::mpy::read(&bytes).unwrap())
}

const PROGRAM: &str = "\
import time
X = 1
def f(a):
    return a + X
class C:
    def m(self):
        return [i for i in range(3)]
def g():
    yield 1
    yield from (2, 3)
h = lambda y: y * 2
";

#[test]
fn scopes_are_numbered_in_scope_order_from_first_id() {
    let opts = CompileOptions { source_name: "t.py".into(), ..CompileOptions::default() };
    let plan = ProfilePlan { first_id: 7, entry: false };
    let r = compile_profiled(PROGRAM.as_bytes(), &opts, &plan);
    let got: Vec<(u32, ScopeKind, &str, u32)> =
        r.scopes.iter().map(|s| (s.id, s.kind, s.qualified_name.as_str(), s.line)).collect();
    assert_eq!(
        got,
        vec![
            (7, ScopeKind::Module, "<module>", 1),
            (8, ScopeKind::Function, "f", 3),
            (9, ScopeKind::Generator, "g", 8),
            (10, ScopeKind::Lambda, "<lambda>", 11),
            (11, ScopeKind::Function, "C.m", 6),
        ]
    );
    assert_eq!(r.next_id(&plan), 12);
}

#[test]
fn instrumentation_stores_no_name() {
    let plain = disasm_of(PROGRAM, None);
    let prof = disasm_of(PROGRAM, Some(&ProfilePlan::default()));
    let stores = |d: &str| d.lines().filter(|l| l.contains("STORE_NAME") || l.contains("STORE_GLOBAL")).count();
    assert_eq!(stores(&plain), stores(&prof), "instrumented:\n{prof}");
    assert!(prof.contains("IMPORT_NAME '_mpprof'") || prof.contains("IMPORT_NAME _mpprof"), "{prof}");
    // Every instrumented scope enters once at its start, and each of the three suspension points re-enters.
    let enters = prof.matches("LOAD_METHOD enter").count();
    assert_eq!(enters, 5 + 2, "{prof}");
    assert!(!plain.contains("_mpprof"));
}

#[test]
fn the_entry_module_is_named_main() {
    let prof = disasm_of("print(__name__)\n", Some(&ProfilePlan { first_id: 0, entry: true }));
    assert!(prof.contains("'__main__'") || prof.contains("__main__"), "{prof}");
    assert_eq!(prof.matches("STORE_NAME __name__").count(), 1, "{prof}");
}

#[test]
fn compile_errors_are_those_of_a_plain_compilation() {
    let opts = CompileOptions { source_name: "t.py".into(), ..CompileOptions::default() };
    for src in ["def f(:\n", "return 1\n", "def f():\n    nonlocal x\n"] {
        let r = compile_profiled(src.as_bytes(), &opts, &ProfilePlan::default());
        let plain = crate::compile(src.as_bytes(), &opts);
        assert_eq!(r.compiled.error.map(|e| e.render("t.py")), plain.error.map(|e| e.render("t.py")), "{src}");
    }
}
