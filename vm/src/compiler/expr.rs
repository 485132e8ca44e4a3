//! Expressions: `compile_node` on an expression, constants, operators, comparisons, `and`/`or`, the
//! conditional expression, `:=`, displays (tuple, list, dict, set), slices and `c_if_cond`.

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

use super::scope::{IdKind, ScopeKind};
use super::Compiler;
use crate::emit::{BinaryOp, BuildKind, ConstTok, Pass, UnaryOp};
use crate::mpy::ConstObj;
use crate::syntax::ast::{self, Constant, Expr, ExprKind, StrKind};

/// The runtime operator of a binary AST operator.
pub(super) fn binary_op_of(op: ast::BinOp) -> BinaryOp {
    use ast::BinOp::*;
    match op {
        Add => BinaryOp::Add,
        Sub => BinaryOp::Subtract,
        Mult => BinaryOp::Multiply,
        MatMult => BinaryOp::MatMultiply,
        Div => BinaryOp::TrueDivide,
        Mod => BinaryOp::Modulo,
        Pow => BinaryOp::Power,
        LShift => BinaryOp::Lshift,
        RShift => BinaryOp::Rshift,
        BitOr => BinaryOp::Or,
        BitXor => BinaryOp::Xor,
        BitAnd => BinaryOp::And,
        FloorDiv => BinaryOp::FloorDivide,
    }
}

fn compare_op_of(op: ast::CmpOp) -> BinaryOp {
    use ast::CmpOp::*;
    match op {
        Eq => BinaryOp::Equal,
        NotEq => BinaryOp::NotEqual,
        Lt => BinaryOp::Less,
        LtE => BinaryOp::LessEqual,
        Gt => BinaryOp::More,
        GtE => BinaryOp::MoreEqual,
        Is => BinaryOp::Is,
        IsNot => BinaryOp::IsNot,
        In => BinaryOp::In,
        NotIn => BinaryOp::NotIn,
    }
}

/// Converts a constant to the object the `.mpy` object table stores.
pub(super) fn const_obj_of(c: &Constant) -> ConstObj {
    match c {
        Constant::None => ConstObj::None,
        Constant::True => ConstObj::True,
        Constant::False => ConstObj::False,
        Constant::Ellipsis => ConstObj::Ellipsis,
        Constant::Int(i) => ConstObj::Int(i.clone()),
        Constant::Float(f) => ConstObj::Float(*f),
        Constant::Complex { real, imag } => ConstObj::Complex { real: *real, imag: *imag },
        Constant::Str { value, .. } => ConstObj::Str(value.clone()),
        Constant::Bytes(b) => ConstObj::Bytes(b.clone()),
        Constant::Tuple(items) => ConstObj::Tuple(items.iter().map(const_obj_of).collect()),
    }
}

/// Python truthiness of a constant (`mp_obj_is_true`).
fn const_is_true(c: &Constant) -> bool {
    match c {
        Constant::None | Constant::False => false,
        Constant::True | Constant::Ellipsis => true,
        Constant::Int(i) => !i.is_zero(),
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str { value, .. } => !value.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) => !t.is_empty(),
    }
}

impl<'a> Compiler<'a> {
    /// The value of an integer if it fits the target's small ints (`MP_PARSE_NODE_IS_SMALL_INT`).
    pub(super) fn small_int(&self, i: &BigInt) -> Option<i64> {
        let bits = u32::from(self.opts.small_int_bits.clamp(2, 64));
        let v = i.to_i64()?;
        let half = 1i128 << (bits - 1);
        let v128 = i128::from(v);
        (-half <= v128 && v128 < half).then_some(v)
    }

    /// Whether MicroPython's parse tree holds `e` as a leaf (a name, small int, interned string or
    /// keyword constant), which `compile_node` compiles without setting a line.
    pub(super) fn is_leaf(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Name(_) => true,
            ExprKind::Const(c) => match c {
                Constant::None | Constant::True | Constant::False | Constant::Ellipsis => true,
                Constant::Int(i) => self.small_int(i).is_some(),
                Constant::Str { kind: StrKind::Qstr, .. } => true,
                _ => false,
            },
            _ => false,
        }
    }

    /// The line an error raised on `e` reports: 0 (unknown) for leaves.
    pub(super) fn node_line(&self, e: &Expr) -> u32 {
        if self.is_leaf(e) {
            0
        } else {
            e.line
        }
    }

    /// `mp_parse_node_is_const_false`/`_true`: constants, and the empty tuple `()`.
    fn const_truth(&self, e: &Expr) -> Option<bool> {
        match &e.kind {
            ExprKind::Const(c) | ExprKind::ConstObj(c) => Some(const_is_true(c)),
            ExprKind::Tuple { elts, parenthesized: true } if elts.is_empty() => Some(false),
            _ => None,
        }
    }

    pub(super) fn is_const_false(&self, e: &Expr) -> bool {
        self.const_truth(e) == Some(false)
    }

    pub(super) fn is_const_true(&self, e: &Expr) -> bool {
        self.const_truth(e) == Some(true)
    }

    /// `compile_node` on an expression.
    pub(super) fn compile_node(&mut self, e: &'a Expr) {
        if !self.enter() {
            return;
        }
        if !self.is_leaf(e) {
            self.set_source_line(e.line);
        }
        self.compile_expr_kind(e);
        self.leave();
    }

    fn compile_expr_kind(&mut self, e: &'a Expr) {
        match &e.kind {
            ExprKind::Name(name) => self.compile_load_id(name),
            ExprKind::Const(c) => self.compile_const(c),
            ExprKind::ConstObj(c) => self.emit().load_const_obj(const_obj_of(c)),
            ExprKind::BoolOp { op, values } => self.compile_or_and_test(*op == ast::BoolOp::Or, values),
            ExprKind::NamedExpr { target, value } => self.compile_namedexpr_helper(target, value),
            ExprKind::BinOp { op, .. } if *op != ast::BinOp::Pow => self.compile_binop_chain(e),
            ExprKind::BinOp { left, op, right } => {
                self.compile_node(left);
                if *op == ast::BinOp::Pow {
                    // `compile_power` goes through `compile_generic_all_nodes`.
                    if self.has_error() {
                        self.error_set_line(self.node_line(left));
                        return;
                    }
                    self.compile_node(right);
                    if self.has_error() {
                        self.error_set_line(self.node_line(right));
                        return;
                    }
                } else {
                    self.compile_node(right);
                }
                self.emit().binary_op(binary_op_of(*op));
            }
            ExprKind::UnaryOp { .. } => self.compile_unary_chain(e),
            ExprKind::Lambda { args, body } => self.compile_lambdef(e, args, body),
            ExprKind::IfExp { test, body, orelse } => self.compile_test_if_expr(test, body, orelse),
            ExprKind::Dict { keys, values } => self.compile_atom_brace_dict(e, keys, values),
            ExprKind::Set(elts) => self.compile_atom_brace_set(e, elts),
            ExprKind::List(elts) => self.compile_atom_bracket(elts),
            ExprKind::Tuple { elts, .. } => self.compile_tuple(elts),
            ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::GeneratorExp { .. } => self.compile_comprehension(e),
            ExprKind::Await(value) => self.compile_atom_expr_await(e, value),
            ExprKind::Yield(value) => self.compile_yield_expr(e, value.as_deref(), false),
            ExprKind::YieldFrom(value) => self.compile_yield_expr(e, Some(value), true),
            ExprKind::Compare { left, ops, comparators } => self.compile_comparison(left, ops, comparators),
            ExprKind::Call { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                self.compile_atom_expr_normal(e)
            }
            ExprKind::Starred(_) => self.syntax_error(e.line, "*x must be assignment target"),
            ExprKind::Slice { lower, upper, step } => {
                self.compile_subscript(lower.as_deref(), upper.as_deref(), step.as_deref())
            }
        }
    }

    /// A left-nested chain of binary operators (`a + b - c * d`), compiled without recursing down the
    /// left spine. MicroPython holds `a + b - c` as one list node; each spine node here starts at the same
    /// token, so the lines set are the same, in the same order.
    fn compile_binop_chain(&mut self, e: &'a Expr) {
        let mut spine: Vec<(ast::BinOp, &'a Expr)> = Vec::new();
        let mut cur = e;
        while let ExprKind::BinOp { left, op, right } = &cur.kind {
            if *op == ast::BinOp::Pow {
                break;
            }
            if !std::ptr::eq(cur, e) {
                // `compile_node` on the inner spine node.
                self.set_source_line(cur.line);
            }
            spine.push((*op, right));
            cur = left;
        }
        self.compile_node(cur);
        for (op, right) in spine.into_iter().rev() {
            self.compile_node(right);
            self.emit().binary_op(binary_op_of(op));
        }
    }

    /// Nested unary operators (`not not x`, `-~x`), compiled without recursing: each operator is a node
    /// of its own (`factor_2`, `not_test_2`), so each sets its line before the operand is compiled.
    fn compile_unary_chain(&mut self, e: &'a Expr) {
        let mut ops: Vec<UnaryOp> = Vec::new();
        let mut cur = e;
        while let ExprKind::UnaryOp { op, operand } = &cur.kind {
            if !std::ptr::eq(cur, e) {
                self.set_source_line(cur.line);
            }
            ops.push(match op {
                ast::UnaryOp::UAdd => UnaryOp::Positive,
                ast::UnaryOp::USub => UnaryOp::Negative,
                ast::UnaryOp::Invert => UnaryOp::Invert,
                ast::UnaryOp::Not => UnaryOp::Not,
            });
            cur = operand;
        }
        self.compile_node(cur);
        for op in ops.into_iter().rev() {
            self.emit().unary_op(op);
        }
    }

    fn compile_const(&mut self, c: &Constant) {
        match c {
            Constant::None => self.emit().load_const_tok(ConstTok::None),
            Constant::True => self.emit().load_const_tok(ConstTok::True),
            Constant::False => self.emit().load_const_tok(ConstTok::False),
            Constant::Ellipsis => self.emit().load_const_tok(ConstTok::Ellipsis),
            Constant::Int(i) => match self.small_int(i) {
                Some(v) => self.emit().load_const_small_int(v),
                None => self.emit().load_const_obj(ConstObj::Int(i.clone())),
            },
            Constant::Str { value, kind: StrKind::Qstr } => self.emit().load_const_str(value),
            other => self.emit().load_const_obj(const_obj_of(other)),
        }
    }

    /// `compile_or_and_test`.
    fn compile_or_and_test(&mut self, cond: bool, values: &'a [Expr]) {
        let l_end = self.next_label();
        for (i, v) in values.iter().enumerate() {
            self.compile_node(v);
            if i + 1 < values.len() {
                self.emit().jump_if_or_pop(cond, l_end);
            }
        }
        self.emit().label_assign(l_end);
    }

    /// `compile_test_if_expr`.
    /// A chain `a if x else b if y else c` is walked down its `else` branches rather than recursed into.
    fn compile_test_if_expr(&mut self, test: &'a Expr, body: &'a Expr, orelse: &'a Expr) {
        let (mut test, mut body, mut orelse) = (test, body, orelse);
        let mut ends = Vec::new();
        loop {
            let l_fail = self.next_label();
            let l_end = self.next_label();
            ends.push(l_end);
            self.c_if_cond(test, false, l_fail);
            self.compile_node(body);
            self.emit().jump(l_end);
            self.emit().label_assign(l_fail);
            self.emit().adjust_stack_size(-1);
            match &orelse.kind {
                ExprKind::IfExp { test: t, body: b, orelse: o } => {
                    // `compile_node` on the nested conditional expression.
                    self.set_source_line(orelse.line);
                    (test, body, orelse) = (t, b, o);
                }
                _ => {
                    self.compile_node(orelse);
                    break;
                }
            }
        }
        for l_end in ends.into_iter().rev() {
            self.emit().label_assign(l_end);
        }
    }

    /// `compile_namedexpr_helper`: `target := value`.
    pub(super) fn compile_namedexpr_helper(&mut self, target: &'a Expr, value: &'a Expr) {
        let ExprKind::Name(name) = &target.kind else {
            self.syntax_error(self.node_line(target), "can't assign to expression");
            return;
        };
        self.compile_node(value);
        self.emit().dup_top();

        // A walrus in a comprehension binds in the enclosing scope.
        if self.pass == Pass::Scope && self.scope().kind.is_comp_like() {
            if let Some(parent) = self.scope().parent {
                let pi = self.get_id_for_modification(parent, name);
                if self.scopes[parent].id_info[pi].kind == IdKind::GlobalExplicit {
                    self.scope_mut().find_or_add(name, IdKind::GlobalExplicit);
                } else {
                    let i = self.scope_mut().find_or_add(name, IdKind::Undecided);
                    let is_global = self.scopes[parent].parent.is_none();
                    if !is_global && self.scope().id_info[i].kind == IdKind::GlobalImplicit {
                        self.scope_mut().id_info[i].kind = IdKind::Undecided;
                    }
                    self.compile_declare_global_or_nonlocal(self.node_line(target), i, is_global);
                }
            }
        }
        self.compile_store_id(name);
    }

    /// `compile_comparison`, including chained comparisons.
    fn compile_comparison(&mut self, left: &'a Expr, ops: &'a [ast::CmpOp], comparators: &'a [Expr]) {
        self.compile_node(left);
        let multi = ops.len() > 1;
        let l_fail = if multi { self.next_label() } else { 0 };
        for (i, (op, right)) in ops.iter().zip(comparators).enumerate() {
            self.compile_node(right);
            let last = i + 1 == ops.len();
            if !last {
                self.emit().dup_top();
                self.emit().rot_three();
            }
            self.emit().binary_op(compare_op_of(*op));
            if !last {
                self.emit().jump_if_or_pop(false, l_fail);
            }
        }
        if multi {
            let l_end = self.next_label();
            self.emit().jump(l_end);
            self.emit().label_assign(l_fail);
            self.emit().adjust_stack_size(1);
            self.emit().rot_two();
            self.emit().pop_top();
            self.emit().label_assign(l_end);
        }
    }

    /// A non-constant tuple display (`compile_generic_tuple`, `compile_atom_paren`).
    fn compile_tuple(&mut self, elts: &'a [Expr]) {
        for e in elts {
            self.compile_node(e);
        }
        self.emit().build(elts.len() as u32, BuildKind::Tuple);
    }

    /// `compile_atom_bracket`: a list display.
    fn compile_atom_bracket(&mut self, elts: &'a [Expr]) {
        if elts.len() >= 2 {
            // `compile_generic_all_nodes` over the items.
            for e in elts {
                self.compile_node(e);
                if self.has_error() {
                    self.error_set_line(self.node_line(e));
                    return;
                }
            }
        } else {
            for e in elts {
                self.compile_node(e);
            }
        }
        self.emit().build(elts.len() as u32, BuildKind::List);
    }

    /// `compile_atom_brace_helper` for a dict display. Each `key: value` item is a struct node of its
    /// own, so it sets the key's line; the value is compiled before the key.
    pub(super) fn compile_atom_brace_dict(&mut self, e: &'a Expr, keys: &'a [Option<Expr>], values: &'a [Expr]) {
        if keys.iter().any(Option::is_none) {
            // `{**a}` is not MicroPython syntax.
            self.syntax_error(e.line, "invalid syntax");
            return;
        }
        self.emit().build(keys.len() as u32, BuildKind::Map);
        for (k, v) in keys.iter().zip(values) {
            let Some(k) = k else { continue };
            self.compile_dict_item(k, v);
            self.emit().store_map();
        }
    }

    /// `compile_dictorsetmaker_item`: value first, then key.
    pub(super) fn compile_dict_item(&mut self, key: &'a Expr, value: &'a Expr) {
        let line = self.dict_item_line(key);
        self.set_source_line(line);
        self.compile_node(value);
        self.compile_node(key);
    }

    /// The line of a `key: value` item's node (in a display or a dict comprehension), which starts at the
    /// key's first token, parentheses included.
    pub(super) fn dict_item_line(&self, key: &Expr) -> u32 {
        let start = self.src.paren_run_start(key.range.start);
        // A key folded into a constant tuple carries its tuple rule's line, not its first token's (found by the
        // differential fuzzer: `{("a",\n 1, 2): 0}`, and `{0: """a\nb""", 10 * 10: 1}`).
        // A key folded from an expression (`100000 * 100000`) has no line of its own (0).
        // A key that folding reduced to a later operand (`'''a\nb''' and (5)`) keeps its original start (the
        // folder restores it) but carries the operand's line: the item's line is its first token's.
        let folded_tuple = matches!(key.kind, ExprKind::Const(Constant::Tuple(_)));
        let first_line = self.src.line_of(start);
        if start == key.range.start && !folded_tuple && key.line != 0 && key.line <= first_line {
            key.line
        } else {
            first_line
        }
    }

    /// `compile_atom_brace_helper` for a set display.
    fn compile_atom_brace_set(&mut self, _e: &'a Expr, elts: &'a [Expr]) {
        for x in elts {
            self.compile_node(x);
        }
        self.emit().build(elts.len() as u32, BuildKind::Set);
    }

    /// `compile_subscript`: a slice `lower:upper:step`.
    fn compile_subscript(&mut self, lower: Option<&'a Expr>, upper: Option<&'a Expr>, step: Option<&'a Expr>) {
        match lower {
            Some(l) => self.compile_node(l),
            None => self.emit().load_const_tok(ConstTok::None),
        }
        match (upper, step) {
            (None, None) => {
                self.emit().load_const_tok(ConstTok::None);
                self.emit().build(2, BuildKind::Slice);
            }
            (None, Some(s)) => {
                self.emit().load_const_tok(ConstTok::None);
                self.compile_node(s);
                self.emit().build(3, BuildKind::Slice);
            }
            (Some(u), None) => {
                self.compile_node(u);
                self.emit().build(2, BuildKind::Slice);
            }
            (Some(u), Some(s)) => {
                self.compile_node(u);
                self.compile_node(s);
                self.emit().build(3, BuildKind::Slice);
            }
        }
    }

    /// `c_if_cond`: jumps to `label` when `e` is `jump_if`, short-circuiting `and`/`or`/`not` without
    /// materialising their values. Those nodes are not compiled through `compile_node`, so they set no line.
    pub(super) fn c_if_cond(&mut self, mut e: &'a Expr, mut jump_if: bool, label: u32) {
        if !self.enter() {
            return;
        }
        // `not x` flips the jump; a long chain of them is walked here rather than recursed into.
        while let ExprKind::UnaryOp { op: ast::UnaryOp::Not, operand } = &e.kind {
            if self.const_truth(e).is_some() {
                break;
            }
            e = operand;
            jump_if = !jump_if;
        }
        if self.is_const_false(e) {
            if !jump_if {
                self.emit().jump(label);
            }
        } else if self.is_const_true(e) {
            if jump_if {
                self.emit().jump(label);
            }
        } else {
            match &e.kind {
                ExprKind::BoolOp { op, values } if !values.is_empty() => {
                    let is_or = *op == ast::BoolOp::Or;
                    // `or` jumping on false and `and` jumping on true need a label past the test.
                    if is_or != jump_if {
                        let label2 = self.next_label();
                        let n = values.len();
                        for v in &values[..n - 1] {
                            self.c_if_cond(v, !jump_if, label2);
                        }
                        self.c_if_cond(&values[n - 1], jump_if, label);
                        self.emit().label_assign(label2);
                    } else {
                        for v in values {
                            self.c_if_cond(v, jump_if, label);
                        }
                    }
                }
                _ => {
                    self.compile_node(e);
                    self.emit().pop_jump_if(jump_if, label);
                }
            }
        }
        self.leave();
    }

    /// `compile_yield_expr`.
    fn compile_yield_expr(&mut self, e: &'a Expr, value: Option<&'a Expr>, from: bool) {
        let kind = self.scope().kind;
        if kind != ScopeKind::Function && kind != ScopeKind::Lambda {
            self.syntax_error(e.line, "'yield' outside function");
            return;
        }
        match value {
            None => {
                self.emit().load_const_tok(ConstTok::None);
                self.emit_yield(crate::emit::YieldKind::Value);
            }
            Some(v) if from => {
                self.compile_node(v);
                self.compile_yield_from();
            }
            Some(v) => {
                self.compile_node(v);
                self.emit_yield(crate::emit::YieldKind::Value);
            }
        }
    }

    /// `compile_yield_from`.
    pub(super) fn compile_yield_from(&mut self) {
        let prof = self.profile_suspend();
        self.emit().get_iter(false);
        self.emit().load_const_tok(ConstTok::None);
        self.emit_yield(crate::emit::YieldKind::From);
        self.profile_resume(prof);
    }

    /// Emits a yield and marks the scope as a generator (which `emitbc.c` does in `mp_emit_bc_yield`).
    pub(super) fn emit_yield(&mut self, kind: crate::emit::YieldKind) {
        // `yield from` is wrapped by `compile_yield_from` (around its `GET_ITER` too, so both ways into
        // the `finally:` leave the stack equally deep).
        let prof = if kind == crate::emit::YieldKind::Value { self.profile_suspend() } else { None };
        self.emit().yield_(kind);
        self.scope_mut().scope_flags |= super::scope::SCOPE_FLAG_GENERATOR;
        // The native emitter uses labels past the compiler's for the resume point (and the yield-from loop).
        self.reserve_labels_for_native(if kind == crate::emit::YieldKind::From { 3 } else { 1 });
        self.profile_resume(prof);
    }
}
