//! A compact text form of our AST, for tests and debugging.
//!
//! One statement per line as `<line>: <Kind> …`, bodies indented by two spaces; expressions as
//! s-expressions. An expression whose line differs from its parent's gets an `@line` suffix, so line
//! bookkeeping is visible in snapshots without drowning them.

use std::fmt::Write;

use super::ast::*;

/// Renders a module.
pub fn dump_module(m: &Module) -> String {
    let mut out = String::new();
    for s in &m.body {
        stmt(&mut out, s, 0);
    }
    out
}

/// Renders one expression (its own line is not shown).
pub fn dump_expr(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, e.line);
    out
}

fn body(out: &mut String, label: &str, stmts: &[Stmt], depth: usize) {
    if stmts.is_empty() {
        return;
    }
    let _ = writeln!(out, "{:w$}{label}:", "", w = depth * 2 + 2);
    for s in stmts {
        stmt(out, s, depth + 2);
    }
}

fn stmt(out: &mut String, s: &Stmt, depth: usize) {
    let l = s.line;
    let _ = write!(out, "{:w$}{l}: ", "", w = depth * 2);
    match &s.kind {
        StmtKind::FunctionDef(f) => {
            let _ = write!(out, "{}Def {} (def_line {})", if f.is_async { "Async" } else { "" }, f.name, f.def_line);
            for d in &f.decorators {
                out.push_str(" @");
                expr(out, d, l);
            }
            out.push_str(" args=");
            arguments(out, &f.args, l);
            if let Some(r) = &f.returns {
                out.push_str(" -> ");
                expr(out, r, l);
            }
            out.push('\n');
            body(out, "body", &f.body, depth);
        }
        StmtKind::ClassDef(c) => {
            let _ = write!(out, "Class {} (def_line {})", c.name, c.def_line);
            for d in &c.decorators {
                out.push_str(" @");
                expr(out, d, l);
            }
            list(out, " bases", &c.bases, l);
            for k in &c.keywords {
                keyword(out, k, l);
            }
            out.push('\n');
            body(out, "body", &c.body, depth);
        }
        StmtKind::Return(v) => {
            out.push_str("Return");
            opt(out, v.as_ref(), l);
            out.push('\n');
        }
        StmtKind::Delete(ts) => {
            list(out, "Delete", ts, l);
            out.push('\n');
        }
        StmtKind::Assign { targets, value } => {
            list(out, "Assign", targets, l);
            out.push_str(" = ");
            expr(out, value, l);
            out.push('\n');
        }
        StmtKind::AugAssign { target, op, value } => {
            out.push_str("AugAssign ");
            expr(out, target, l);
            let _ = write!(out, " {op:?}= ");
            expr(out, value, l);
            out.push('\n');
        }
        StmtKind::AnnAssign { target, annotation, value, simple } => {
            out.push_str(if *simple { "AnnAssign " } else { "AnnAssign(complex) " });
            expr(out, target, l);
            out.push_str(" : ");
            expr(out, annotation, l);
            if let Some(v) = value {
                out.push_str(" = ");
                expr(out, v, l);
            }
            out.push('\n');
        }
        StmtKind::For { is_async, target, iter, body: b, orelse } => {
            out.push_str(if *is_async { "AsyncFor " } else { "For " });
            expr(out, target, l);
            out.push_str(" in ");
            expr(out, iter, l);
            out.push('\n');
            body(out, "body", b, depth);
            body(out, "else", orelse, depth);
        }
        StmtKind::While { test, body: b, orelse } => {
            out.push_str("While ");
            expr(out, test, l);
            out.push('\n');
            body(out, "body", b, depth);
            body(out, "else", orelse, depth);
        }
        StmtKind::If { test, body: b, orelse, is_elif } => {
            out.push_str(if *is_elif { "Elif " } else { "If " });
            expr(out, test, l);
            out.push('\n');
            body(out, "body", b, depth);
            body(out, "else", orelse, depth);
        }
        StmtKind::With { is_async, items, body: b } => {
            out.push_str(if *is_async { "AsyncWith" } else { "With" });
            for it in items {
                out.push(' ');
                expr(out, &it.context, l);
                if let Some(v) = &it.vars {
                    out.push_str(" as ");
                    expr(out, v, l);
                }
            }
            out.push('\n');
            body(out, "body", b, depth);
        }
        StmtKind::Raise { exc, cause } => {
            out.push_str("Raise");
            opt(out, exc.as_ref(), l);
            if let Some(c) = cause {
                out.push_str(" from ");
                expr(out, c, l);
            }
            out.push('\n');
        }
        StmtKind::Try { body: b, handlers, orelse, finalbody } => {
            out.push_str("Try\n");
            body(out, "body", b, depth);
            for h in handlers {
                let _ = write!(out, "{:w$}{}: except", "", h.line, w = depth * 2 + 2);
                opt(out, h.typ.as_ref(), h.line);
                if let Some(n) = &h.name {
                    let _ = write!(out, " as {n}");
                }
                out.push('\n');
                for s in &h.body {
                    stmt(out, s, depth + 2);
                }
            }
            body(out, "else", orelse, depth);
            body(out, "finally", finalbody, depth);
        }
        StmtKind::Assert { test, msg } => {
            out.push_str("Assert ");
            expr(out, test, l);
            if let Some(m) = msg {
                out.push_str(", ");
                expr(out, m, l);
            }
            out.push('\n');
        }
        StmtKind::Import(names) => {
            out.push_str("Import");
            aliases(out, names);
            out.push('\n');
        }
        StmtKind::ImportFrom { module, names, level, star } => {
            let _ = write!(out, "ImportFrom {}{}", ".".repeat(*level as usize), module.as_deref().unwrap_or(""));
            if *star {
                out.push_str(" *");
            }
            aliases(out, names);
            out.push('\n');
        }
        StmtKind::Global(ns) => {
            let _ = writeln!(out, "Global {}", ns.join(", "));
        }
        StmtKind::Nonlocal(ns) => {
            let _ = writeln!(out, "Nonlocal {}", ns.join(", "));
        }
        StmtKind::Expr(e) => {
            out.push_str("Expr ");
            expr(out, e, l);
            out.push('\n');
        }
        StmtKind::Pass => out.push_str("Pass\n"),
        StmtKind::Break => out.push_str("Break\n"),
        StmtKind::Continue => out.push_str("Continue\n"),
    }
}

fn aliases(out: &mut String, names: &[Alias]) {
    for a in names {
        let _ = write!(out, " {}", a.name);
        if let Some(n) = &a.asname {
            let _ = write!(out, " as {n}");
        }
    }
}

fn list(out: &mut String, head: &str, es: &[Expr], parent: u32) {
    out.push_str(head);
    for e in es {
        out.push(' ');
        expr(out, e, parent);
    }
}

fn opt(out: &mut String, e: Option<&Expr>, parent: u32) {
    if let Some(e) = e {
        out.push(' ');
        expr(out, e, parent);
    }
}

fn keyword(out: &mut String, k: &Keyword, parent: u32) {
    match &k.arg {
        Some(a) => {
            let _ = write!(out, " {a}=");
        }
        None => out.push_str(" **"),
    }
    expr(out, &k.value, parent);
}

fn arguments(out: &mut String, a: &Arguments, parent: u32) {
    out.push('(');
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    let one = |out: &mut String, prefix: &str, a: &Arg| {
        let _ = write!(out, "{prefix}{}", a.name);
        if let Some(t) = &a.annotation {
            out.push(':');
            expr(out, t, parent);
        }
        if let Some(d) = &a.default {
            out.push('=');
            expr(out, d, parent);
        }
    };
    for p in &a.posonly {
        sep(out);
        one(out, "", p);
    }
    if !a.posonly.is_empty() {
        sep(out);
        out.push('/');
    }
    for p in &a.args {
        sep(out);
        one(out, "", p);
    }
    if let Some(v) = &a.vararg {
        sep(out);
        one(out, "*", v);
    } else if a.bare_star {
        sep(out);
        out.push('*');
    }
    for p in &a.kwonly {
        sep(out);
        one(out, "", p);
    }
    if let Some(k) = &a.kwarg {
        sep(out);
        one(out, "**", k);
    }
    out.push(')');
}

fn constant(out: &mut String, c: &Constant) {
    match c {
        Constant::None => out.push_str("None"),
        Constant::True => out.push_str("True"),
        Constant::False => out.push_str("False"),
        Constant::Ellipsis => out.push_str("..."),
        Constant::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Constant::Float(f) => {
            let _ = write!(out, "{f:?}");
        }
        Constant::Complex { real, imag } => {
            let _ = write!(out, "complex({real:?}, {imag:?})");
        }
        Constant::Str { value, kind } => {
            let _ = write!(out, "{}{value:?}", if *kind == StrKind::Qstr { "q" } else { "s" });
        }
        Constant::Bytes(b) => {
            let _ = write!(out, "b{:?}", String::from_utf8_lossy(b));
        }
        Constant::Tuple(items) => {
            out.push_str("const(");
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                constant(out, it);
            }
            out.push(')');
        }
    }
}

fn comps(out: &mut String, gens: &[Comprehension], parent: u32) {
    for g in gens {
        out.push_str(if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, parent);
        out.push_str(" in ");
        expr(out, &g.iter, parent);
        for i in &g.ifs {
            out.push_str(" if ");
            expr(out, i, parent);
        }
    }
}

fn expr(out: &mut String, e: &Expr, parent: u32) {
    let l = e.line;
    match &e.kind {
        ExprKind::Name(n) => out.push_str(n),
        ExprKind::Const(c) => constant(out, c),
        ExprKind::ConstObj(c) => {
            out.push_str("obj:");
            constant(out, c);
        }
        ExprKind::BoolOp { op, values } => list(out, &format!("({op:?}"), values, l),
        ExprKind::NamedExpr { target, value } => {
            out.push_str("(:= ");
            expr(out, target, l);
            out.push(' ');
            expr(out, value, l);
        }
        ExprKind::BinOp { left, op, right } => {
            let _ = write!(out, "({op:?} ");
            expr(out, left, l);
            out.push(' ');
            expr(out, right, l);
        }
        ExprKind::UnaryOp { op, operand } => {
            let _ = write!(out, "({op:?} ");
            expr(out, operand, l);
        }
        ExprKind::Lambda { args, body } => {
            out.push_str("(lambda ");
            arguments(out, args, l);
            out.push(' ');
            expr(out, body, l);
        }
        ExprKind::IfExp { test, body, orelse } => {
            out.push_str("(if ");
            expr(out, test, l);
            out.push(' ');
            expr(out, body, l);
            out.push(' ');
            expr(out, orelse, l);
        }
        ExprKind::Dict { keys, values } => {
            out.push_str("(dict");
            for (k, v) in keys.iter().zip(values) {
                out.push(' ');
                match k {
                    Some(k) => expr(out, k, l),
                    None => out.push_str("**"),
                }
                out.push(':');
                expr(out, v, l);
            }
        }
        ExprKind::Set(es) => list(out, "(set", es, l),
        ExprKind::List(es) => list(out, "(list", es, l),
        ExprKind::Tuple { elts, parenthesized } => list(out, if *parenthesized { "(tuple" } else { "(bare-tuple" }, elts, l),
        ExprKind::ListComp { elt, generators } => {
            out.push_str("(listcomp ");
            expr(out, elt, l);
            comps(out, generators, l);
        }
        ExprKind::SetComp { elt, generators } => {
            out.push_str("(setcomp ");
            expr(out, elt, l);
            comps(out, generators, l);
        }
        ExprKind::DictComp { key, value, generators } => {
            out.push_str("(dictcomp ");
            expr(out, key, l);
            out.push(':');
            expr(out, value, l);
            comps(out, generators, l);
        }
        ExprKind::GeneratorExp { elt, generators } => {
            out.push_str("(genexp ");
            expr(out, elt, l);
            comps(out, generators, l);
        }
        ExprKind::Await(v) => {
            out.push_str("(await ");
            expr(out, v, l);
        }
        ExprKind::Yield(v) => {
            out.push_str("(yield");
            opt(out, v.as_deref(), l);
        }
        ExprKind::YieldFrom(v) => {
            out.push_str("(yield-from ");
            expr(out, v, l);
        }
        ExprKind::Compare { left, ops, comparators } => {
            out.push_str("(cmp ");
            expr(out, left, l);
            for (op, c) in ops.iter().zip(comparators) {
                let _ = write!(out, " {op:?} ");
                expr(out, c, l);
            }
        }
        ExprKind::Call { func, args, keywords } => {
            out.push_str("(call ");
            expr(out, func, l);
            for a in args {
                out.push(' ');
                expr(out, a, l);
            }
            for k in keywords {
                keyword(out, k, l);
            }
        }
        ExprKind::Attribute { value, attr } => {
            out.push_str("(. ");
            expr(out, value, l);
            let _ = write!(out, " {attr}");
        }
        ExprKind::Subscript { value, slice } => {
            out.push_str("([] ");
            expr(out, value, l);
            out.push(' ');
            expr(out, slice, l);
        }
        ExprKind::Starred(v) => {
            out.push_str("(* ");
            expr(out, v, l);
        }
        ExprKind::Slice { lower, upper, step } => {
            out.push_str("(slice");
            for part in [lower, upper, step] {
                out.push(' ');
                match part {
                    Some(p) => expr(out, p, l),
                    None => out.push('_'),
                }
            }
        }
    }
    if matches!(e.kind, ExprKind::Name(_) | ExprKind::Const(_) | ExprKind::ConstObj(_)) {
        // Leaves have no closing parenthesis.
    } else {
        out.push(')');
    }
    if l != parent {
        let _ = write!(out, "@{l}");
    }
}
