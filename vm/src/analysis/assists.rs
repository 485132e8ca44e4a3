//! Assists: code actions offered on a function whatever its diagnostics are.
//!
//! - `timed-function`: wrap the function with a timing decorator (`time.ticks_us`), adding the decorator's
//!   definition to the module when it has none.
//! - `native` / `viper`: add `@micropython.native`, or `@micropython.viper` with inferred type hints. Offered
//!   only when our compiler accepts the rewritten module under that emitter ([`emitters::check_function`]
//!   answers `Accepted`), for the configured architecture (x64 when none is configured). The native
//!   rewrite is safe; the viper one is unsafe (viper integers are machine words that wrap on overflow).

use crate::options::EmitOpt;
use crate::syntax::ast::*;

use super::diagnostic::{apply_fixes, Edit, Fix};
use super::emitters::{self, Verdict};
use super::semantic::{FunctionRef, ModuleFacts, ScopeFacts};
use super::{text, visit, Assist, Settings};

/// The name of the timing decorator the assist inserts.
pub const TIMED_FUNCTION: &str = "timed_function";

/// The assists available at byte `offset`.
pub fn at(source: &str, module: &Module, offset: u32, settings: &Settings) -> Vec<Assist> {
    let facts = ModuleFacts::new(module);
    let Some(f) = function_at(&facts, offset) else { return Vec::new() };
    let mut out = Vec::new();
    if let Some(fix) = timed_function(source, module, &f) {
        out.push(Assist { id: "timed-function", fix });
    }
    for (id, emit) in [("native", EmitOpt::Native), ("viper", EmitOpt::Viper)] {
        if let Some(fix) = emitter_decorator(source, module, &f, emit, settings) {
            out.push(Assist { id, fix });
        }
    }
    out
}

/// The innermost function whose header (decorators, `def` line) or body holds `offset`.
fn function_at<'a>(facts: &ModuleFacts<'a>, offset: u32) -> Option<FunctionRef<'a>> {
    facts
        .functions
        .iter()
        .rfind(|f| {
            let start = f.def.decorators.first().map_or(f.stmt.range.start, |d| d.range.start.min(f.stmt.range.start));
            start <= offset && offset <= f.stmt.range.end
        })
        .copied()
}

/// Where a new first decorator line goes: the start of the line of the first decorator, or of `def`.
fn decorator_insertion(source: &str, f: &FunctionRef) -> u32 {
    let start = f.def.decorators.first().map_or(f.stmt.range.start, |d| d.range.start.min(f.stmt.range.start));
    text::line_start(source, start)
}

fn has_decorator(f: &FunctionRef, dotted: &str) -> bool {
    f.def.decorators.iter().any(|d| super::rules::loops::dotted(d).as_deref() == Some(dotted))
}

/// The timing decorator's definition (MicroPython's speed guide profiles with `time.ticks_us`).
fn timed_function_source(nl: &str) -> String {
    let lines = [
        "def timed_function(f, *args, **kwargs):",
        "    name = str(f).split(' ')[1]",
        "",
        "    def timed(*args, **kwargs):",
        "        start = time.ticks_us()",
        "        result = f(*args, **kwargs)",
        "        elapsed = time.ticks_diff(time.ticks_us(), start)",
        "        print('Function {} Time = {:6.3f}ms'.format(name, elapsed / 1000))",
        "        return result",
        "",
        "    return timed",
    ];
    let mut s = String::new();
    for l in lines {
        s.push_str(l);
        s.push_str(nl);
    }
    s
}

fn timed_function(source: &str, module: &Module, f: &FunctionRef) -> Option<Fix> {
    if has_decorator(f, TIMED_FUNCTION) {
        return None;
    }
    let nl = text::newline(source);
    let indent = text::indentation_at(source, f.stmt.range.start);
    let mut edits = vec![Edit::insert(decorator_insertion(source, f), format!("{indent}@{TIMED_FUNCTION}{nl}"))];
    let defined = module.body.iter().any(|s| matches!(&s.kind, StmtKind::FunctionDef(d) if d.name == TIMED_FUNCTION));
    if !defined {
        let at = text::import_insertion_point(source, module);
        let mut block = String::new();
        if at as usize == source.len() && !source.is_empty() && !source.ends_with('\n') && !source.ends_with('\r') {
            block.push_str(nl);
        }
        if !text::has_import(module, "time") {
            block.push_str("import time");
            block.push_str(nl);
        }
        block.push_str(nl);
        block.push_str(nl);
        block.push_str(&timed_function_source(nl));
        // Keep two blank lines before whatever follows.
        let rest = &source[at as usize..];
        let blank_after = rest.lines().take_while(|l| l.trim().is_empty()).count().min(2);
        for _ in blank_after..2 {
            block.push_str(nl);
        }
        if at == 0 || rest.is_empty() {
            // Nothing before: the block starts the file; nothing after: no trailing blank lines needed.
            block = block.trim_start_matches(['\r', '\n']).to_string();
            if rest.is_empty() {
                block = block.trim_end_matches(['\r', '\n']).to_string() + nl;
            }
        }
        edits.push(Edit::insert(at, block));
    }
    Some(Fix::safe_edits(format!("Time `{}` with @{TIMED_FUNCTION}", f.def.name), edits))
}

/// Adds `@micropython.native` or `@micropython.viper` (with inferred hints), if the compiler accepts it.
fn emitter_decorator(source: &str, module: &Module, f: &FunctionRef, emit: EmitOpt, settings: &Settings) -> Option<Fix> {
    if has_decorator(f, "micropython.native") || has_decorator(f, "micropython.viper") || f.def.is_async {
        return None;
    }
    let (name, hints) = match emit {
        EmitOpt::Native => ("native", None),
        EmitOpt::Viper => ("viper", Some(viper_signature(source, module, f)?)),
        EmitOpt::Bytecode => return None,
    };
    let nl = text::newline(source);
    let indent = text::indentation_at(source, f.stmt.range.start);
    let at = decorator_insertion(source, f);
    let mut decorator = format!("{indent}@micropython.{name}{nl}");
    let mut edits = Vec::new();
    if !text::has_import(module, "micropython") {
        let import = text::add_import(source, module, "import micropython");
        // Two insertions at one offset would be ambiguous: when the import goes right before the function
        // (a file that starts with it), it becomes part of the decorator's insertion.
        if import.range.start == at && import.range.end == at {
            decorator.insert_str(0, &import.content);
        } else {
            edits.push(import);
        }
    }
    edits.push(Edit::insert(at, decorator));
    edits.extend(hints.unwrap_or_default());
    let title = format!("Compile `{}` with @micropython.{name}", f.def.name);
    // Native code runs the same program faster. Viper also changes what integers are: machine words that
    // wrap on overflow instead of arbitrary precision, so the rewrite is offered as unsafe.
    let fix = if emit == EmitOpt::Viper { Fix::unsafe_edits(title, edits) } else { Fix::safe_edits(title, edits) };
    // Only offer what the compiler accepts: compile the rewritten module and ask about this function (the
    // rewrite adds and removes no function, so it keeps its place in the list of functions).
    let (fixed, _) = apply_fixes(source, [&fix]);
    let (fixed_module, errors) = crate::syntax::parse_source_level(fixed.as_bytes());
    if !errors.is_empty() {
        return None;
    }
    let index = ModuleFacts::new(module).functions.iter().position(|g| g.stmt.range == f.stmt.range)?;
    let fixed_facts = ModuleFacts::new(&fixed_module);
    let target = fixed_facts.functions.get(index).filter(|g| g.def.name == f.def.name)?;
    match emitters::check_function(&fixed, target.stmt.range, emit, &settings.compile) {
        Verdict::Accepted { .. } => Some(fix),
        Verdict::Rejected(_) | Verdict::Unknown(_) => None,
    }
}

/// Viper type hints for a function's parameters and return value, as edits: `int` for parameters used in
/// integer arithmetic, `ptr8`/`ptr16`/`ptr32` for parameters that callers in this module pass a
/// `bytearray`/`array` and that the function indexes. `None` when a parameter's type cannot be inferred.
pub fn viper_signature(source: &str, module: &Module, f: &FunctionRef) -> Option<Vec<Edit>> {
    let a = &f.def.args;
    if a.vararg.is_some() || a.kwarg.is_some() || !a.kwonly.is_empty() || a.args.len() + a.posonly.len() > 4 {
        return None;
    }
    let scope = ScopeFacts::of_function(f.def);
    let mut edits = Vec::new();
    for (i, p) in a.posonly.iter().chain(&a.args).enumerate() {
        if p.annotation.is_some() {
            continue;
        }
        if i == 0 && f.class.is_some() {
            continue;
        }
        let ty = param_type(module, f.def, &p.name, i)?;
        let end = p.range.start + p.name.len() as u32;
        edits.push(Edit::insert(end, format!(": {ty}")));
    }
    let _ = scope;
    if f.def.returns.is_none() {
        if let Some(ret) = return_type(f.def) {
            // Insert ` -> int` before the colon ending the `def` header.
            let header_end = f.def.body.first().map(|s| s.range.start)?;
            let header = text::slice(source, TextRange::new(f.stmt.range.start, header_end));
            let colon = header.rfind(':')? as u32 + f.stmt.range.start;
            edits.push(Edit::insert(colon, format!(" -> {ret}")));
        }
    }
    Some(edits)
}

/// The viper type of parameter `name` (position `pos`): a pointer type when the function subscripts it and
/// every call in the module passes a `bytearray` or `array`, else `int` when it is only used as a number.
fn param_type(module: &Module, def: &FunctionDef, name: &str, pos: usize) -> Option<&'static str> {
    let mut subscripted = false;
    let mut other = false;
    visit::for_each_expr(&def.body, |e| match &e.kind {
        ExprKind::Subscript { value, .. } if matches!(&value.kind, ExprKind::Name(n) if n == name) => subscripted = true,
        // Passed to a call, the parameter may need to be an object; `range(n)` takes an int (and viper
        // compiles `for i in range(n)` to a machine loop).
        ExprKind::Call { func, args, .. }
            if args.iter().any(|a| matches!(&a.kind, ExprKind::Name(n) if n == name))
                && !matches!(&func.kind, ExprKind::Name(f) if f == "range") =>
        {
            other = true;
        }
        ExprKind::Attribute { value, .. } if matches!(&value.kind, ExprKind::Name(n) if n == name) => other = true,
        _ => {}
    });
    if other {
        return None;
    }
    if !subscripted {
        return Some("int");
    }
    // Find what callers pass at this position.
    let mut kinds = Vec::new();
    let buffers = buffer_bindings(module);
    visit::for_each_expr(&module.body, |e| {
        if let ExprKind::Call { func, args, .. } = &e.kind {
            if matches!(&func.kind, ExprKind::Name(n) if *n == def.name) {
                if let Some(ExprKind::Name(a)) = args.get(pos).map(|a| &a.kind) {
                    kinds.push(buffers.iter().find(|(n, _)| n == a).map(|(_, k)| *k));
                }
            }
        }
    });
    let first = *kinds.first()?;
    if kinds.iter().all(|k| *k == first) {
        first
    } else {
        None
    }
}

/// Module-level names bound to `bytearray(...)` (ptr8) or `array('B'|'b'|'H'|'h'|'i'|'I'|'l'|'L', ...)`.
fn buffer_bindings(module: &Module) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    visit::for_each_stmt(&module.body, |s| {
        let StmtKind::Assign { targets, value } = &s.kind else { return };
        let [Expr { kind: ExprKind::Name(n), .. }] = targets.as_slice() else { return };
        let ExprKind::Call { func, args, .. } = &value.kind else { return };
        let callee = super::rules::loops::dotted(func);
        let ty = match callee.as_deref() {
            Some("bytearray") => Some("ptr8"),
            Some("array" | "array.array") => match args.first().map(|a| &a.kind) {
                Some(ExprKind::Const(Constant::Str { value, .. })) => match value.as_str() {
                    "b" | "B" => Some("ptr8"),
                    "h" | "H" => Some("ptr16"),
                    "i" | "I" | "l" | "L" => Some("ptr32"),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        };
        if let Some(t) = ty {
            out.push((n.clone(), t));
        }
    });
    out
}

/// `int` when every `return` returns an integer-looking expression (and there is at least one).
fn return_type(def: &FunctionDef) -> Option<&'static str> {
    let mut returns = Vec::new();
    visit::for_each_stmt(&def.body, |s| {
        if let StmtKind::Return(v) = &s.kind {
            returns.push(v.clone());
        }
    });
    if returns.is_empty() {
        return None;
    }
    let all_int = returns.iter().all(|r| {
        matches!(r.as_ref().map(|e| &e.kind), Some(ExprKind::Const(Constant::Int(_)) | ExprKind::BinOp { .. } | ExprKind::Name(_)))
    });
    all_int.then_some("int")
}
