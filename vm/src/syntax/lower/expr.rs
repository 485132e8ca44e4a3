//! Lowering of expressions, with literal values decoded again from the source text.

use rustpython_parser::ast::{self as py, Ranged};

use super::stmt::bin_op;
use super::{LowerError, LowerErrorKind, Lowerer};
use crate::syntax::ast::*;
use crate::syntax::lexer::TokKind;
use crate::syntax::literal;

impl Lowerer<'_> {
    pub(super) fn exprs(&mut self, es: Vec<py::Expr>) -> Result<Vec<Expr>, LowerError> {
        es.into_iter().map(|e| self.expr(e)).collect()
    }

    pub(super) fn opt_expr(&mut self, e: Option<Box<py::Expr>>) -> Result<Option<Expr>, LowerError> {
        e.map(|e| self.expr(*e)).transpose()
    }

    /// A walrus target: the expression a fresh name stands for (see `mend`), else the name itself.
    pub(super) fn walrus_target(&mut self, target: py::Expr) -> Result<Box<Expr>, LowerError> {
        match self.spanned_expr(&target)? {
            Some(t) => Ok(Box::new(t)),
            None => self.boxed(target),
        }
    }

    fn boxed(&mut self, e: py::Expr) -> Result<Box<Expr>, LowerError> {
        Ok(Box::new(self.expr(e)?))
    }

    pub(super) fn expr(&mut self, e: py::Expr) -> Result<Expr, LowerError> {
        if crate::syntax::stack::exhausted() {
            return Err(self.out_of_stack(e));
        }
        let r = e.range();
        let range = self.range(r);
        let line = self.line(r);
        let kind = match e {
            py::Expr::BoolOp(x) => ExprKind::BoolOp {
                op: match x.op {
                    py::BoolOp::And => BoolOp::And,
                    py::BoolOp::Or => BoolOp::Or,
                },
                values: self.exprs(x.values)?,
            },
            py::Expr::NamedExpr(x) => ExprKind::NamedExpr { target: self.walrus_target(*x.target)?, value: self.boxed(*x.value)? },
            py::Expr::BinOp(x) => return self.binop_chain(x),
            py::Expr::UnaryOp(x) => ExprKind::UnaryOp {
                op: match x.op {
                    py::UnaryOp::Invert => UnaryOp::Invert,
                    py::UnaryOp::Not => UnaryOp::Not,
                    py::UnaryOp::UAdd => UnaryOp::UAdd,
                    py::UnaryOp::USub => UnaryOp::USub,
                },
                operand: self.boxed(*x.operand)?,
            },
            py::Expr::Lambda(x) => ExprKind::Lambda { args: Box::new(self.arguments(*x.args)?), body: self.boxed(*x.body)? },
            py::Expr::IfExp(x) => ExprKind::IfExp {
                test: self.boxed(*x.test)?,
                body: self.boxed(*x.body)?,
                orelse: self.boxed(*x.orelse)?,
            },
            py::Expr::Dict(x) => ExprKind::Dict {
                keys: x.keys.into_iter().map(|k| k.map(|k| self.expr(k)).transpose()).collect::<Result<_, _>>()?,
                values: self.exprs(x.values)?,
            },
            py::Expr::Set(x) => ExprKind::Set(self.exprs(x.elts)?),
            py::Expr::ListComp(x) => {
                ExprKind::ListComp { elt: self.boxed(*x.elt)?, generators: self.comprehensions(x.generators)? }
            }
            py::Expr::SetComp(x) => ExprKind::SetComp { elt: self.boxed(*x.elt)?, generators: self.comprehensions(x.generators)? },
            py::Expr::DictComp(x) => ExprKind::DictComp {
                key: self.boxed(*x.key)?,
                value: self.boxed(*x.value)?,
                generators: self.comprehensions(x.generators)?,
            },
            py::Expr::GeneratorExp(x) => {
                ExprKind::GeneratorExp { elt: self.boxed(*x.elt)?, generators: self.comprehensions(x.generators)? }
            }
            py::Expr::Await(x) => ExprKind::Await(self.boxed(*x.value)?),
            py::Expr::Yield(x) => ExprKind::Yield(x.value.map(|v| self.boxed(*v)).transpose()?),
            py::Expr::YieldFrom(x) => ExprKind::YieldFrom(self.boxed(*x.value)?),
            py::Expr::Compare(x) => ExprKind::Compare {
                left: self.boxed(*x.left)?,
                ops: x.ops.into_iter().map(cmp_op).collect(),
                comparators: self.exprs(x.comparators)?,
            },
            py::Expr::Call(x) => {
                if x.args.len() + x.keywords.len() == 1 {
                    let last = x.args.first().map(|a| a.range()).or(x.keywords.first().map(|k| k.range));
                    if let Some(last) = last {
                        let text = &self.input.rw.text;
                        let at = find_comma(text, last.end().to_u32());
                        if at < r.end().to_u32() && text.as_bytes().get(at as usize) == Some(&b',') {
                            self.side.trailing_comma_calls.insert((range.start, range.end));
                        }
                    }
                }
                let func = self.boxed(*x.func)?;
                let (args, keywords) = self.call_arguments(x.args, x.keywords)?;
                ExprKind::Call { func, args, keywords }
            }
            py::Expr::FormattedValue(_) | py::Expr::JoinedStr(_) => {
                return Err(self.unsupported(r, "f-string left in the parsed text"));
            }
            py::Expr::Constant(x) => ExprKind::Const(self.constant(x)?),
            py::Expr::Attribute(x) => ExprKind::Attribute { value: self.boxed(*x.value)?, attr: self.ident_owned(x.attr) },
            py::Expr::Subscript(x) => ExprKind::Subscript { value: self.boxed(*x.value)?, slice: self.boxed(*x.slice)? },
            py::Expr::Starred(x) => ExprKind::Starred(self.boxed(*x.value)?),
            py::Expr::Name(x) => ExprKind::Name(self.ident_owned(x.id)),
            py::Expr::List(x) => ExprKind::List(self.exprs(x.elts)?),
            py::Expr::Tuple(x) => {
                let first = x.elts.first().map(|e| e.range());
                let parenthesized = self.tuple_is_parenthesized(r, first);
                if let Some(first) = first {
                    let rule_line = if parenthesized { self.paren_tuple_rule_line(r, first, &x.elts) } else { line };
                    self.side.tuple_lines.insert((range.start, range.end), rule_line);
                }
                ExprKind::Tuple { elts: self.exprs(x.elts)?, parenthesized }
            }
            py::Expr::Slice(x) => ExprKind::Slice {
                lower: x.lower.map(|v| self.boxed(*v)).transpose()?,
                upper: x.upper.map(|v| self.boxed(*v)).transpose()?,
                step: x.step.map(|v| self.boxed(*v)).transpose()?,
            },
        };
        Ok(Expr { kind, range, line })
    }

    /// A binary operation and the operations down its left side (`a + b - c * d`), taken apart in a loop so
    /// that a 100,000-term chain costs no stack; nodes keep their own range and line.
    fn binop_chain(&mut self, top: py::ExprBinOp) -> Result<Expr, LowerError> {
        let mut spine = Vec::new();
        let mut cur = top;
        let leftmost = loop {
            let py::ExprBinOp { left, op, right, range } = cur;
            spine.push((bin_op(op), *right, self.range(range), self.line(range)));
            match *left {
                py::Expr::BinOp(l) => cur = l,
                other => break other,
            }
        };
        let mut acc = self.expr(leftmost)?;
        while let Some((op, right, range, line)) = spine.pop() {
            let right = self.expr(right)?;
            acc = Expr { kind: ExprKind::BinOp { left: Box::new(acc), op, right: Box::new(right) }, range, line };
        }
        Ok(acc)
    }

    fn comprehensions(&mut self, gens: Vec<py::Comprehension>) -> Result<Vec<Comprehension>, LowerError> {
        gens.into_iter()
            .map(|g| {
                Ok(Comprehension {
                    target: self.expr(g.target)?,
                    iter: self.expr(g.iter)?,
                    ifs: self.exprs(g.ifs)?,
                    is_async: g.is_async,
                })
            })
            .collect()
    }

    /// A literal: keywords come from rustpython, numbers and strings from MicroPython's token.
    fn constant(&mut self, x: py::ExprConstant) -> Result<Constant, LowerError> {
        match x.value {
            py::Constant::None => return Ok(Constant::None),
            py::Constant::Bool(true) => return Ok(Constant::True),
            py::Constant::Bool(false) => return Ok(Constant::False),
            py::Constant::Ellipsis => return Ok(Constant::Ellipsis),
            _ => {}
        }
        let start = x.range.start().to_u32();
        let Some((index, tok)) = self.literal_token(start) else {
            return Err(self.unsupported(x.range, "literal without a token"));
        };
        let err = |kind| LowerError { offset: tok.start, kind: LowerErrorKind::Literal(literal::LiteralError { offset: 0, kind }) };
        match tok.kind {
            TokKind::Integer | TokKind::FloatOrImag => {
                let text = String::from_utf8_lossy(&tok.text);
                literal::decode_number(&text, tok.kind == TokKind::FloatOrImag).map_err(|e| err(e.kind))
            }
            TokKind::Bytes => Ok(Constant::Bytes(tok.text.clone())),
            TokKind::String => {
                // Bytes that are not UTF-8 are kept losslessly (see `mpy::text`), as mpy-cross keeps them.
                let value = crate::mpy::text::from_bytes(&tok.text).into_owned();
                let kind = self.input.str_kinds.get(index).copied().unwrap_or(StrKind::Object);
                Ok(Constant::Str { value, kind })
            }
            _ => Err(self.unsupported(x.range, "literal token of another kind")),
        }
    }

    /// Whether a tuple node was written inside its own parentheses (`(a, b)`), as opposed to a bare tuple
    /// whose first element happens to be parenthesised (`(a), b`).
    ///
    /// rustpython starts a bare tuple's range at its first element including that element's parentheses,
    /// so count the `(` before the first element and the `)` after it up to the next comma.
    fn tuple_is_parenthesized(&self, r: py::text_size::TextRange, first: Option<py::text_size::TextRange>) -> bool {
        let Some(first) = first else {
            return true; // `()`
        };
        let text = &self.input.rw.text;
        let opens = count_between(text, r.start().to_u32(), first.start().to_u32(), b'(');
        let after = first.end().to_u32();
        let comma = find_comma(text, after);
        let closes = count_between(text, after, comma, b')');
        opens > closes
    }
}

impl Lowerer<'_> {
    /// The line of the parse rule that builds a parenthesised tuple (`testlist_comp`, or
    /// `testlist_comp_3c` from the second element on when there are 3+ elements or 2 and a trailing comma).
    fn paren_tuple_rule_line(&self, r: py::text_size::TextRange, first: py::text_size::TextRange, elts: &[py::Expr]) -> u32 {
        let text = &self.input.rw.text;
        // A comma past the tuple's own `)` belongs to the enclosing display, not to this tuple (found by the
        // differential fuzzer: `(("a",\n 1), j)`).
        let trailing = elts.last().is_some_and(|last| {
            let at = find_comma(text, last.range().end().to_u32());
            at < r.end().to_u32() && text.as_bytes().get(at as usize) == Some(&b',')
        });
        let from = if elts.len() >= 3 || (elts.len() == 2 && trailing) {
            find_comma(text, first.end().to_u32()) + 1
        } else {
            r.start().to_u32() + 1
        };
        self.input.rw.line_at(next_token(text, from))
    }
}

/// Offset of the first token at or after `start` (skipping blanks, comments and line continuations).
fn next_token(text: &str, start: u32) -> u32 {
    let b = text.as_bytes();
    let mut i = start as usize;
    while i < b.len() {
        match b[i] {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b' ' | b'\t' | b'\n' | b'\r' | b'\\' | b'\x0c' | b'\x0b' => i += 1,
            _ => break,
        }
    }
    i as u32
}

/// Counts `what` between two offsets, skipping comments (only brackets, blanks and comments lie there).
fn count_between(text: &str, start: u32, end: u32, what: u8) -> usize {
    let b = text.as_bytes();
    let mut i = start as usize;
    let mut n = 0;
    while i < (end as usize).min(b.len()) {
        if b[i] == b'#' {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if b[i] == what {
            n += 1;
        }
        i += 1;
    }
    n
}

/// Offset of the first `,` at or after `start`, skipping comments; the text length if none.
fn find_comma(text: &str, start: u32) -> u32 {
    let b = text.as_bytes();
    let mut i = start as usize;
    while i < b.len() {
        match b[i] {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b',' => return i as u32,
            b')' | b' ' | b'\t' | b'\n' | b'\r' | b'\\' | b'\x0c' => {}
            _ => return i as u32,
        }
        i += 1;
    }
    b.len() as u32
}

fn cmp_op(op: py::CmpOp) -> CmpOp {
    match op {
        py::CmpOp::Eq => CmpOp::Eq,
        py::CmpOp::NotEq => CmpOp::NotEq,
        py::CmpOp::Lt => CmpOp::Lt,
        py::CmpOp::LtE => CmpOp::LtE,
        py::CmpOp::Gt => CmpOp::Gt,
        py::CmpOp::GtE => CmpOp::GtE,
        py::CmpOp::Is => CmpOp::Is,
        py::CmpOp::IsNot => CmpOp::IsNot,
        py::CmpOp::In => CmpOp::In,
        py::CmpOp::NotIn => CmpOp::NotIn,
    }
}
