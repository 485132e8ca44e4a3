//! Expressions by precedence, from `lambda` and conditional expressions down to `await` and trailers,
//! and the comma lists built of them.

use super::{starts_expr, Parser};
use crate::syntax::ast::*;
use crate::syntax::lexer::TokKind;

/// The binary operator at a token and its precedence (`|` lowest, `*` family highest; `**` apart).
fn bin_op(k: &TokKind) -> Option<(BinOp, u8)> {
    let TokKind::Op(o) = k else { return None };
    Some(match *o {
        "|" => (BinOp::BitOr, 1),
        "^" => (BinOp::BitXor, 2),
        "&" => (BinOp::BitAnd, 3),
        "<<" => (BinOp::LShift, 4),
        ">>" => (BinOp::RShift, 4),
        "+" => (BinOp::Add, 5),
        "-" => (BinOp::Sub, 5),
        "*" => (BinOp::Mult, 6),
        "/" => (BinOp::Div, 6),
        "//" => (BinOp::FloorDiv, 6),
        "%" => (BinOp::Mod, 6),
        "@" => (BinOp::MatMult, 6),
        _ => return None,
    })
}

impl Parser<'_> {
    /// `Test<"all">`: a lambda, a conditional expression, or an `or` test.
    pub(super) fn test(&mut self) -> Option<Expr> {
        self.enter()?;
        let r = self.test_inner();
        self.leave();
        r
    }

    fn test_inner(&mut self) -> Option<Expr> {
        let s = self.pos;
        if self.at_kw("lambda") {
            return self.lambda();
        }
        let body = self.or_test()?;
        if !self.eat_kw("if") {
            return Some(body);
        }
        let test = self.or_test()?;
        self.expect_kw("else")?;
        let orelse = self.test()?;
        self.node(s, ExprKind::IfExp { test: Box::new(test), body: Box::new(body), orelse: Box::new(orelse) })
    }

    /// `NamedExpressionTest`: `name := value` or a test.
    pub(super) fn named_test(&mut self) -> Option<Expr> {
        if self.kind() == &TokKind::Name && matches!(self.kind_at(self.pos + 1), TokKind::Op(":=")) {
            let s = self.pos;
            let id = self.name()?;
            let target = self.node(s, ExprKind::Name(id))?;
            self.pos += 1;
            let value = self.test()?;
            // rustpython ends the node where its value ends, before any `)` around the value.
            let range = TextRange::new(target.range.start, value.range.end);
            let line = target.line;
            return Some(Expr { kind: ExprKind::NamedExpr { target: Box::new(target), value: Box::new(value) }, range, line });
        }
        self.test()
    }

    /// A named test or a starred expression (list, set and tuple display items, subscripts).
    pub(super) fn named_or_star(&mut self) -> Option<Expr> {
        if self.at_op("*") {
            self.star_expr()
        } else {
            self.named_test()
        }
    }

    /// `*expr` with `expr` at the bitwise-or level.
    pub(super) fn star_expr(&mut self) -> Option<Expr> {
        let s = self.pos;
        self.expect_op("*")?;
        let value = self.expr()?;
        self.node(s, ExprKind::Starred(Box::new(value)))
    }

    pub(super) fn or_test(&mut self) -> Option<Expr> {
        self.bool_chain("or")
    }

    /// `a or b or c` / `a and b`: one node holding every operand.
    fn bool_chain(&mut self, kw: &str) -> Option<Expr> {
        let s = self.pos;
        let first = if kw == "or" { self.bool_chain("and")? } else { self.not_test()? };
        if !self.at_kw(kw) {
            return Some(first);
        }
        let mut values = vec![first];
        while self.eat_kw(kw) {
            values.push(if kw == "or" { self.bool_chain("and")? } else { self.not_test()? });
        }
        let op = if kw == "or" { BoolOp::Or } else { BoolOp::And };
        self.node(s, ExprKind::BoolOp { op, values })
    }

    fn not_test(&mut self) -> Option<Expr> {
        if !self.at_kw("not") {
            return self.comparison();
        }
        self.enter()?;
        let s = self.pos;
        self.pos += 1;
        let operand = self.not_test();
        self.leave();
        self.node(s, ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(operand?) })
    }

    fn cmp_op(&mut self) -> Option<CmpOp> {
        let op = match self.kind() {
            TokKind::Op("==") => CmpOp::Eq,
            TokKind::Op("!=") => CmpOp::NotEq,
            TokKind::Op("<") => CmpOp::Lt,
            TokKind::Op("<=") => CmpOp::LtE,
            TokKind::Op(">") => CmpOp::Gt,
            TokKind::Op(">=") => CmpOp::GtE,
            TokKind::Keyword("in") => CmpOp::In,
            TokKind::Keyword("not") if matches!(self.kind_at(self.pos + 1), TokKind::Keyword("in")) => {
                self.pos += 2;
                return Some(CmpOp::NotIn);
            }
            TokKind::Keyword("is") => {
                if matches!(self.kind_at(self.pos + 1), TokKind::Keyword("not")) {
                    self.pos += 2;
                    return Some(CmpOp::IsNot);
                }
                CmpOp::Is
            }
            _ => return None,
        };
        self.pos += 1;
        Some(op)
    }

    fn comparison(&mut self) -> Option<Expr> {
        let s = self.pos;
        let left = self.expr()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some(op) = self.cmp_op() {
            ops.push(op);
            comparators.push(self.expr()?);
        }
        if ops.is_empty() {
            return Some(left);
        }
        self.node(s, ExprKind::Compare { left: Box::new(left), ops, comparators })
    }

    /// `Expression<"all">`: the bitwise-or level (comparison operands, `for` targets, `*` operands).
    pub(super) fn expr(&mut self) -> Option<Expr> {
        self.binary(1)
    }

    /// Left-associative binary operators of precedence `min` and above, by precedence climbing.
    fn binary(&mut self, min: u8) -> Option<Expr> {
        let s = self.pos;
        let mut left = self.factor()?;
        while let Some((op, prec)) = bin_op(self.kind()) {
            if prec < min {
                break;
            }
            self.pos += 1;
            let right = self.binary(prec + 1)?;
            left = self.node(s, ExprKind::BinOp { left: Box::new(left), op, right: Box::new(right) })?;
        }
        Some(left)
    }

    /// Unary `+`, `-`, `~` and what they apply to.
    fn factor(&mut self) -> Option<Expr> {
        let op = match self.kind() {
            TokKind::Op("+") => UnaryOp::UAdd,
            TokKind::Op("-") => UnaryOp::USub,
            TokKind::Op("~") => UnaryOp::Invert,
            _ => return self.power(),
        };
        self.enter()?;
        let s = self.pos;
        self.pos += 1;
        let operand = self.factor();
        self.leave();
        self.node(s, ExprKind::UnaryOp { op, operand: Box::new(operand?) })
    }

    fn power(&mut self) -> Option<Expr> {
        let s = self.pos;
        let base = self.atom_expr()?;
        if !self.eat_op("**") {
            return Some(base);
        }
        let exp = self.factor()?;
        self.node(s, ExprKind::BinOp { left: Box::new(base), op: BinOp::Pow, right: Box::new(exp) })
    }

    /// `await` and an atom with its trailers.
    fn atom_expr(&mut self) -> Option<Expr> {
        let s = self.pos;
        if !self.eat_kw("await") {
            return self.trailers();
        }
        let value = self.trailers()?;
        self.node(s, ExprKind::Await(Box::new(value)))
    }

    /// An atom followed by calls, subscripts and attribute accesses.
    fn trailers(&mut self) -> Option<Expr> {
        let s = self.pos;
        let mut e = self.atom()?;
        loop {
            match self.kind() {
                TokKind::Op("(") => {
                    self.pos += 1;
                    let (args, keywords, trailing) = self.call_args(")")?;
                    let one = args.len() + keywords.len() == 1;
                    e = self.node(s, ExprKind::Call { func: Box::new(e), args, keywords })?;
                    if one && trailing {
                        self.side.trailing_comma_calls.insert((e.range.start, e.range.end));
                    }
                }
                TokKind::Op("[") => {
                    self.pos += 1;
                    let slice = self.subscript_list()?;
                    self.expect_op("]")?;
                    e = self.node(s, ExprKind::Subscript { value: Box::new(e), slice: Box::new(slice) })?;
                }
                TokKind::Op(".") => {
                    self.pos += 1;
                    let attr = self.name()?;
                    e = self.node(s, ExprKind::Attribute { value: Box::new(e), attr })?;
                }
                _ => return Some(e),
            }
        }
    }

    /// `lambda params: body`.
    fn lambda(&mut self) -> Option<Expr> {
        let s = self.pos;
        self.expect_kw("lambda")?;
        let args = self.parameters(":", false)?;
        self.expect_op(":")?;
        let body = self.test()?;
        self.node(s, ExprKind::Lambda { args: Box::new(args), body: Box::new(body) })
    }

    /// `yield`, `yield value, …`, `yield from value`.
    pub(super) fn yield_expr(&mut self) -> Option<Expr> {
        let s = self.pos;
        self.expect_kw("yield")?;
        if self.eat_kw("from") {
            let value = self.test()?;
            return self.node(s, ExprKind::YieldFrom(Box::new(value)));
        }
        if !starts_expr(self.kind()) {
            return self.node(s, ExprKind::Yield(None));
        }
        let value = self.test_list()?;
        self.node(s, ExprKind::Yield(Some(Box::new(value))))
    }

    /// A test list or a yield expression (assignment values).
    pub(super) fn test_list_or_yield(&mut self) -> Option<Expr> {
        if self.at_kw("yield") {
            self.yield_expr()
        } else {
            self.test_list()
        }
    }

    /// `TestList`: tests or starred expressions separated by commas; a tuple when there is a comma.
    pub(super) fn test_list(&mut self) -> Option<Expr> {
        self.generic_list(false)
    }

    /// `ExpressionList`: like [`Parser::test_list`] at the bitwise-or level (`for` targets).
    pub(super) fn expr_list(&mut self) -> Option<Expr> {
        self.generic_list(true)
    }

    fn generic_list(&mut self, exprs: bool) -> Option<Expr> {
        let s = self.pos;
        let first = self.list_item(exprs)?;
        if !self.at_op(",") {
            return Some(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if !starts_expr(self.kind()) {
                break;
            }
            elts.push(self.list_item(exprs)?);
        }
        let e = self.node(s, ExprKind::Tuple { elts, parenthesized: false })?;
        self.tuple_line(&e, None, None, false)?;
        Some(e)
    }

    fn list_item(&mut self, exprs: bool) -> Option<Expr> {
        if self.at_op("*") {
            self.star_expr()
        } else if exprs {
            self.expr()
        } else {
            self.test()
        }
    }
}
