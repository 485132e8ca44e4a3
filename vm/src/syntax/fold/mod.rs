//! The rewrites `py/parse.c` makes while it builds the tree, replayed on ours in source order:
//! * `NAME = const(value)` / `NAME: T = const(value)` definitions and the replacement of later uses
//!   (`fold_constants`, `RULE_expr_stmt`; uses looked up in `push_result_token` for `RULE_atom` names);
//! * numeric folding of whole operator chains (`fold_constants`) with MicroPython's number semantics
//!   ([`arith`]);
//! * logical folding of `or`/`and`/`not` (`fold_logical_constants`);
//! * `math.<name>` constants (`MICROPY_COMP_MODULE_CONST`);
//! * all-constant tuple displays to tuple constants (`build_tuple`, `MICROPY_COMP_CONST_TUPLE`).
//!
//! String interning was decided earlier, in token order ([`intern`](super::intern)).

pub mod arith;

use crate::hash::{FxHashMap as HashMap, FxHashSet};

use arith::Num;

use super::ast::*;
use crate::error::{CompileError, ErrorKind};

/// Facts about the source the tree does not hold, keyed by a node's original range.
#[derive(Debug, Default, PartialEq)]
pub struct SideTables {
    /// Per tuple display, the line MicroPython gives the constant tuple it may become: the line of the
    /// rule that builds it (see `lower`).
    pub tuple_lines: HashMap<(u32, u32), u32>,
    /// Calls with one argument and a trailing comma (`const(1,)` is "not a constant").
    pub trailing_comma_calls: FxHashSet<(u32, u32)>,
}

/// Runs all parse-time rewrites over `module`; returns the first error MicroPython would raise.
pub fn fold_module(module: &mut Module, side: &SideTables) -> Option<CompileError> {
    let mut f = Folder { consts: HashMap::default(), side, error: None, scopes: vec!["<module>".into()] };
    f.stmts(&mut module.body);
    f.error
}

struct Folder<'a> {
    /// Constants defined so far with `const()`, by name.
    consts: HashMap<String, Constant>,
    side: &'a SideTables,
    error: Option<CompileError>,
    /// Names of the enclosing scopes, for compile-stage errors raised here.
    scopes: Vec<String>,
}

/// Where an expression sits, for the rules that depend on it.
#[derive(Clone, Copy, Default)]
struct Ctx {
    /// An `exprlist` target (`for` / comprehension / `del`): tuples there are not built into constants.
    exprlist_target: bool,
    /// The base of a trailer (`x` in `x.a`, `x(...)`, `x[...]`): `math.pi.real` must not fold `math.pi`.
    trailer_base: bool,
    /// The leftmost operand of an unparenthesised operator chain: folded with the whole chain only.
    in_chain: bool,
}

const MATH_CONSTANTS: &[(&str, f64)] = &[
    ("e", std::f64::consts::E),
    ("pi", std::f64::consts::PI),
    ("inf", f64::INFINITY),
    ("nan", f64::NAN),
    ("tau", std::f64::consts::TAU),
];

impl Folder<'_> {
    fn fail(&mut self, e: CompileError) {
        if self.error.is_none() {
            self.error = Some(e);
        }
    }

    fn stmts(&mut self, body: &mut [Stmt]) {
        for s in body.iter_mut() {
            if self.error.is_some() {
                return;
            }
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &mut Stmt) {
        if crate::syntax::stack::exhausted() {
            self.fail(crate::syntax::stack::error());
            return;
        }
        let plain = Ctx::default();
        match &mut s.kind {
            StmtKind::FunctionDef(f) => {
                self.decorators(&mut f.decorators);
                self.arguments(&mut f.args);
                if let Some(r) = &mut f.returns {
                    self.expr(r, plain);
                }
                self.scopes.push(f.name.clone());
                self.stmts(&mut f.body);
                self.scopes.pop();
            }
            StmtKind::ClassDef(c) => {
                self.decorators(&mut c.decorators);
                for b in &mut c.bases {
                    self.expr(b, plain);
                }
                self.keywords(&mut c.keywords);
                self.scopes.push(c.name.clone());
                self.stmts(&mut c.body);
                self.scopes.pop();
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v, plain);
                }
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.expr(t, Ctx { exprlist_target: true, ..plain });
                }
            }
            StmtKind::Assign { targets, value } => {
                for t in targets.iter_mut() {
                    self.expr(t, plain);
                }
                self.expr(value, plain);
                if targets.len() == 1 {
                    if let Some(replacement) = self.const_definition(&targets[0], value) {
                        *s = replacement;
                    }
                }
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                self.expr(target, plain);
                self.expr(annotation, plain);
                if let Some(v) = value {
                    self.expr(v, plain);
                    if let Some(replacement) = self.const_definition(target, v) {
                        *s = replacement;
                    }
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target, plain);
                self.expr(value, plain);
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                self.expr(target, Ctx { exprlist_target: true, ..plain });
                self.expr(iter, plain);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test, plain);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::If { test, body, orelse, .. } => {
                self.expr(test, plain);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::With { items, body, .. } => {
                for it in items {
                    self.expr(&mut it.context, plain);
                    if let Some(v) = &mut it.vars {
                        self.expr(v, plain);
                    }
                }
                self.stmts(body);
            }
            StmtKind::Raise { exc, cause } => {
                for e in [exc, cause].into_iter().flatten() {
                    self.expr(e, plain);
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.stmts(body);
                for h in handlers {
                    if let Some(t) = &mut h.typ {
                        self.expr(t, plain);
                    }
                    self.stmts(&mut h.body);
                }
                self.stmts(orelse);
                self.stmts(finalbody);
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test, plain);
                if let Some(m) = msg {
                    self.expr(m, plain);
                }
            }
            StmtKind::Expr(e) => self.expr(e, plain),
            StmtKind::Import(_)
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global(_)
            | StmtKind::Nonlocal(_)
            | StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue => {}
        }
    }

    /// `NAME = const(value)`: records the constant and returns the statement that replaces the definition
    /// (`pass` with no line for `_private` names, else the assignment of the bare value).
    fn const_definition(&mut self, target: &Expr, value: &mut Expr) -> Option<Stmt> {
        let ExprKind::Name(name) = &target.kind else { return None };
        let ExprKind::Call { func, args, keywords } = &mut value.kind else { return None };
        if !matches!(&func.kind, ExprKind::Name(n) if n == "const") {
            return None;
        }
        let call_line = value.line;
        let trailing_comma = self.side.trailing_comma_calls.contains(&(value.range.start, value.range.end));
        let arg = match (args.len(), keywords.is_empty()) {
            (1, true) if !matches!(args[0].kind, ExprKind::Starred(_)) && !trailing_comma => Some(&args[0]),
            _ => None,
        };
        let Some(c) = arg.and_then(const_value) else {
            self.fail(CompileError::new(ErrorKind::SyntaxError, "not a constant").at_line(call_line).with_range(value.range));
            return None;
        };
        self.consts.insert(name.clone(), c);
        if name.starts_with('_') {
            return Some(Stmt { kind: StmtKind::Pass, range: target.range, line: 0 });
        }
        let arg = args.remove(0);
        *value = arg;
        None
    }

    fn decorators(&mut self, decorators: &mut [Expr]) {
        // A decorator is `@dotted.name[(args)]`: the dotted name is not an atom, only the arguments are.
        for d in decorators {
            if let ExprKind::Call { args, keywords, .. } = &mut d.kind {
                for a in args {
                    self.expr(a, Ctx::default());
                }
                self.keywords(keywords);
            }
        }
    }

    fn arguments(&mut self, a: &mut Arguments) {
        let all = a.posonly.iter_mut().chain(a.args.iter_mut()).chain(a.vararg.iter_mut()).chain(a.kwonly.iter_mut());
        let params: Vec<&mut Arg> = all.chain(a.kwarg.iter_mut()).collect();
        for p in params {
            if let Some(t) = &mut p.annotation {
                self.expr(t, Ctx::default());
            }
            if let Some(d) = &mut p.default {
                self.expr(d, Ctx::default());
            }
        }
    }

    fn keywords(&mut self, ks: &mut [Keyword]) {
        for k in ks {
            if let Some(name) = &k.arg {
                if self.consts.contains_key(name) {
                    // MicroPython replaced the keyword's name by the constant, and the compiler rejects it.
                    let scope = self.scopes.last().cloned().unwrap_or_default();
                    let line = k.value.line;
                    self.fail(
                        CompileError::new(ErrorKind::SyntaxError, "LHS of keyword arg must be an id")
                            .at_line(line)
                            .in_scope(scope)
                            .with_range(k.range),
                    );
                }
            }
            self.expr(&mut k.value, Ctx::default());
        }
    }

    fn comprehensions(&mut self, gens: &mut [Comprehension]) {
        for g in gens {
            self.expr(&mut g.target, Ctx { exprlist_target: true, ..Ctx::default() });
            self.expr(&mut g.iter, Ctx::default());
            for i in &mut g.ifs {
                self.expr(i, Ctx::default());
            }
        }
    }

    fn expr(&mut self, e: &mut Expr, ctx: Ctx) {
        if crate::syntax::stack::exhausted() {
            self.fail(crate::syntax::stack::error());
            return;
        }
        let plain = Ctx::default();
        match &mut e.kind {
            ExprKind::Name(n) => {
                if let Some(c) = self.consts.get(n) {
                    e.kind = const_use(c.clone());
                }
            }
            ExprKind::Const(_) | ExprKind::ConstObj(_) => {}
            ExprKind::BinOp { .. } => self.binop_chain(e, ctx),
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand, plain);
                if *op == UnaryOp::Not {
                    if let Some(t) = truthiness(operand) {
                        e.kind = ExprKind::Const(if t { Constant::False } else { Constant::True });
                    }
                } else if let Some(n) = as_number(operand).and_then(|n| arith::unary(*op, &n)) {
                    *e = number_expr(n, e.range);
                }
            }
            ExprKind::BoolOp { op, values } => {
                for v in values.iter_mut() {
                    self.expr(v, plain);
                }
                let op = *op;
                let mut kept: Vec<Expr> = Vec::new();
                let n = values.len();
                for (i, v) in std::mem::take(values).into_iter().enumerate() {
                    let t = truthiness(&v);
                    let last = i + 1 == n;
                    let short_circuits = t == Some(op == BoolOp::Or);
                    let skipped = t == Some(op == BoolOp::And);
                    if last || short_circuits {
                        kept.push(v);
                        break;
                    }
                    if !skipped {
                        kept.push(v);
                    }
                }
                if kept.len() == 1 {
                    if let Some(only) = kept.pop() {
                        *e = only;
                    }
                } else {
                    *values = kept;
                }
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(target, plain);
                self.expr(value, plain);
            }
            ExprKind::Lambda { args, body } => {
                self.arguments(args);
                self.scopes.push("<lambda>".into());
                self.expr(body, plain);
                self.scopes.pop();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(body, plain);
                self.expr(test, plain);
                self.expr(orelse, plain);
            }
            ExprKind::Dict { keys, values } => {
                for (k, v) in keys.iter_mut().zip(values.iter_mut()) {
                    if let Some(k) = k {
                        // The dict item's line is its first token's, even when folding keeps only a later
                        // operand (`'''a\nb''' and (5)`: difffuzz seed 64852), so the key keeps its start.
                        let start = k.range.start;
                        self.expr(k, plain);
                        k.range.start = start;
                    }
                    self.expr(v, plain);
                }
            }
            ExprKind::Set(es) | ExprKind::List(es) => {
                for x in es {
                    self.expr(x, plain);
                }
            }
            ExprKind::Tuple { elts, .. } => {
                for x in elts.iter_mut() {
                    self.expr(x, Ctx { exprlist_target: ctx.exprlist_target, ..plain });
                }
                if !ctx.exprlist_target && !elts.is_empty() {
                    let items: Option<Vec<Constant>> = elts.iter().map(const_value).collect();
                    if let Some(items) = items {
                        let line = self.side.tuple_lines.get(&(e.range.start, e.range.end)).copied().unwrap_or(e.line);
                        e.kind = ExprKind::Const(Constant::Tuple(items));
                        e.line = line;
                    }
                }
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.expr(elt, plain);
                self.comprehensions(generators);
            }
            ExprKind::DictComp { key, value, generators } => {
                // As for a display's key (above): the item's line is its first token's (difffuzz seed 92750).
                let start = key.range.start;
                self.expr(key, plain);
                key.range.start = start;
                self.expr(value, plain);
                self.comprehensions(generators);
            }
            ExprKind::Await(v) | ExprKind::YieldFrom(v) | ExprKind::Starred(v) => self.expr(v, plain),
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.expr(v, plain);
                }
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left, plain);
                for c in comparators {
                    self.expr(c, plain);
                }
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func, Ctx { trailer_base: true, ..plain });
                for a in args {
                    self.expr(a, plain);
                }
                self.keywords(keywords);
            }
            ExprKind::Attribute { value, attr } => {
                self.expr(value, Ctx { trailer_base: true, ..plain });
                if !ctx.trailer_base && matches!(&value.kind, ExprKind::Name(n) if n == "math") {
                    if let Some(&(_, v)) = MATH_CONSTANTS.iter().find(|(n, _)| n == attr) {
                        *e = Expr { kind: ExprKind::Const(Constant::Float(v)), range: e.range, line: 0 };
                    }
                }
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value, Ctx { trailer_base: true, ..plain });
                self.expr(slice, plain);
            }
            ExprKind::Slice { lower, upper, step } => {
                for p in [lower, upper, step].into_iter().flatten() {
                    self.expr(p, plain);
                }
            }
        }
    }
}

impl Folder<'_> {
    /// An operator chain (`a + b - c`: left-nested nodes of one rule, unparenthesised), as `fold_constants`
    /// sees MicroPython's flat list node: operands folded in source order, then the whole chain folded when
    /// every operand is a number. Done in a loop, so a 100,000-term chain costs no stack.
    fn binop_chain(&mut self, e: &mut Expr, ctx: Ctx) {
        // Take the chain apart: `spine` holds each node's operator, right operand, range and line, top first.
        let mut spine = Vec::new();
        let mut cur = std::mem::replace(e, Expr { kind: ExprKind::Const(Constant::None), range: e.range, line: 0 });
        let leftmost = loop {
            let Expr { kind, range, line } = cur;
            match kind {
                ExprKind::BinOp { left, op, right } => {
                    let chained = chained_left(&left, op, range);
                    spine.push((op, *right, range, line));
                    if !chained {
                        break *left;
                    }
                    cur = *left;
                }
                kind => break Expr { kind, range, line },
            }
        };
        let mut acc = leftmost;
        self.expr(&mut acc, Ctx::default());
        let mut value = as_number(&acc);
        let mut rights = Vec::with_capacity(spine.len());
        for (op, mut right, range, line) in spine.into_iter().rev() {
            self.expr(&mut right, Ctx::default());
            value = match (value, as_number(&right)) {
                (Some(l), Some(r)) => arith::binary(op, &l, &r),
                _ => None,
            };
            rights.push((op, right, range, line));
        }
        if !ctx.in_chain {
            if let Some(n) = value {
                let top = rights.last().map_or(acc.range, |r| r.2);
                *e = number_expr(n, top);
                return;
            }
        }
        for (op, right, range, line) in rights {
            acc = Expr { kind: ExprKind::BinOp { left: Box::new(acc), op, right: Box::new(right) }, range, line };
        }
        *e = acc;
    }
}

/// Whether `left` continues the chain of a node with operator `op` and range `range` (same rule, not `**`,
/// not parenthesised: it starts where the node starts).
fn chained_left(left: &Expr, op: BinOp, range: TextRange) -> bool {
    matches!(&left.kind, ExprKind::BinOp { op: lop, .. } if group(*lop) == group(op) && group(op) != Group::Power)
        && left.range.start == range.start
}

/// The grammar rule an operator belongs to: a chain of one rule is folded as a whole or not at all.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    Or,
    Xor,
    And,
    Shift,
    Arith,
    Term,
    Power,
}

fn group(op: BinOp) -> Group {
    match op {
        BinOp::BitOr => Group::Or,
        BinOp::BitXor => Group::Xor,
        BinOp::BitAnd => Group::And,
        BinOp::LShift | BinOp::RShift => Group::Shift,
        BinOp::Add | BinOp::Sub => Group::Arith,
        BinOp::Mult | BinOp::MatMult | BinOp::Div | BinOp::Mod | BinOp::FloorDiv => Group::Term,
        BinOp::Pow => Group::Power,
    }
}

fn as_number(e: &Expr) -> Option<Num> {
    match &e.kind {
        ExprKind::Const(Constant::Int(i)) => Some(Num::Int(i.clone())),
        ExprKind::Const(Constant::Float(f)) => Some(Num::Float(*f)),
        _ => None,
    }
}

/// A folded number: a constant with no source line, as MicroPython records folded nodes.
fn number_expr(n: Num, range: TextRange) -> Expr {
    let c = match n {
        Num::Int(i) => Constant::Int(i),
        Num::Float(f) => Constant::Float(f),
    };
    Expr { kind: ExprKind::Const(c), range, line: 0 }
}

/// The value of an expression MicroPython's parser treats as constant (`mp_parse_node_is_const`).
fn const_value(e: &Expr) -> Option<Constant> {
    match &e.kind {
        ExprKind::Const(c) | ExprKind::ConstObj(c) => Some(c.clone()),
        ExprKind::Tuple { elts, parenthesized: true } if elts.is_empty() => Some(Constant::Tuple(Vec::new())),
        _ => None,
    }
}

/// `mp_obj_is_true` of a constant expression, `None` when it is not constant.
fn truthiness(e: &Expr) -> Option<bool> {
    const_value(e).map(|c| constant_is_true(&c))
}

fn constant_is_true(c: &Constant) -> bool {
    match c {
        Constant::None | Constant::False => false,
        Constant::True | Constant::Ellipsis => true,
        Constant::Int(i) => !num_traits::Zero::is_zero(i),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str { value, .. } => !value.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(items) => !items.is_empty(),
    }
}

/// How a use of a `const()` name appears: MicroPython makes a generic object node of the value
/// (`make_node_const_object_optimised`), so strings are objects and `True`/`None`/… are loaded as objects.
fn const_use(c: Constant) -> ExprKind {
    match c {
        Constant::None | Constant::True | Constant::False | Constant::Ellipsis => ExprKind::ConstObj(c),
        Constant::Str { value, .. } => ExprKind::Const(Constant::Str { value, kind: StrKind::Object }),
        other => ExprKind::Const(other),
    }
}
