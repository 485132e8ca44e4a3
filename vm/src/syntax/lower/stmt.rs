//! Lowering of statements (and the parameter lists, handlers and aliases they hold).

use rustpython_parser::ast::{self as py, Ranged};

use super::{LowerError, Lowerer};
use crate::syntax::ast::*;

impl Lowerer<'_> {
    pub(super) fn stmts(&mut self, stmts: Vec<py::Stmt>) -> Result<Vec<Stmt>, LowerError> {
        stmts.into_iter().map(|s| self.stmt(s)).collect()
    }

    fn stmt(&mut self, s: py::Stmt) -> Result<Stmt, LowerError> {
        if crate::syntax::stack::exhausted() {
            return Err(self.out_of_stack(s));
        }
        let r = s.range();
        let range = self.range(r);
        let line = self.line(r);
        let mut stmt_line = line;
        let kind = match s {
            py::Stmt::FunctionDef(f) => {
                if !f.type_params.is_empty() {
                    return Err(self.unsupported(f.type_params[0].range(), "type parameters"));
                }
                let (def, first) = self.function(false, f.name, *f.args, f.body, f.decorator_list, f.returns, line)?;
                stmt_line = first;
                StmtKind::FunctionDef(Box::new(def))
            }
            py::Stmt::AsyncFunctionDef(f) => {
                if !f.type_params.is_empty() {
                    return Err(self.unsupported(f.type_params[0].range(), "type parameters"));
                }
                let (def, first) = self.function(true, f.name, *f.args, f.body, f.decorator_list, f.returns, line)?;
                stmt_line = first;
                StmtKind::FunctionDef(Box::new(def))
            }
            py::Stmt::ClassDef(c) => {
                if !c.type_params.is_empty() {
                    return Err(self.unsupported(c.type_params[0].range(), "type parameters"));
                }
                let decorators = self.exprs(c.decorator_list)?;
                if let Some(d) = decorators.first() {
                    stmt_line = d.line;
                }
                let (bases, keywords) = self.call_arguments(c.bases, c.keywords)?;
                let body = self.stmts(c.body)?;
                StmtKind::ClassDef(Box::new(ClassDef {
                    name: self.ident(&c.name),
                    bases,
                    keywords,
                    body,
                    decorators,
                    def_line: line,
                }))
            }
            py::Stmt::Return(x) => StmtKind::Return(self.opt_expr(x.value)?),
            py::Stmt::Delete(x) => StmtKind::Delete(self.exprs(x.targets)?),
            py::Stmt::Assign(x) => StmtKind::Assign { targets: self.exprs(x.targets)?, value: self.expr(*x.value)? },
            py::Stmt::AugAssign(x) => StmtKind::AugAssign {
                target: self.expr(*x.target)?,
                op: bin_op(x.op),
                value: self.expr(*x.value)?,
            },
            py::Stmt::AnnAssign(x) => {
                let target = self.expr(*x.target)?;
                StmtKind::AnnAssign {
                    simple: x.simple,
                    target,
                    annotation: self.expr(*x.annotation)?,
                    value: self.opt_expr(x.value)?,
                }
            }
            py::Stmt::For(x) => StmtKind::For {
                is_async: false,
                target: self.expr(*x.target)?,
                iter: self.expr(*x.iter)?,
                body: self.stmts(x.body)?,
                orelse: self.stmts(x.orelse)?,
            },
            py::Stmt::AsyncFor(x) => StmtKind::For {
                is_async: true,
                target: self.expr(*x.target)?,
                iter: self.expr(*x.iter)?,
                body: self.stmts(x.body)?,
                orelse: self.stmts(x.orelse)?,
            },
            py::Stmt::While(x) => StmtKind::While {
                test: self.expr(*x.test)?,
                body: self.stmts(x.body)?,
                orelse: self.stmts(x.orelse)?,
            },
            py::Stmt::If(x) => {
                let start = r.start().to_u32();
                let is_elif = self.parsed_slice(start, start + 4) == "elif";
                StmtKind::If { test: self.expr(*x.test)?, body: self.stmts(x.body)?, orelse: self.stmts(x.orelse)?, is_elif }
            }
            py::Stmt::With(x) => StmtKind::With { is_async: false, items: self.with_items(x.items)?, body: self.stmts(x.body)? },
            py::Stmt::AsyncWith(x) => StmtKind::With { is_async: true, items: self.with_items(x.items)?, body: self.stmts(x.body)? },
            py::Stmt::Raise(x) => StmtKind::Raise { exc: self.opt_expr(x.exc)?, cause: self.opt_expr(x.cause)? },
            py::Stmt::Try(x) => StmtKind::Try {
                body: self.stmts(x.body)?,
                handlers: self.handlers(x.handlers)?,
                orelse: self.stmts(x.orelse)?,
                finalbody: self.stmts(x.finalbody)?,
            },
            py::Stmt::Assert(x) => StmtKind::Assert { test: self.expr(*x.test)?, msg: self.opt_expr(x.msg)? },
            py::Stmt::Import(x) => StmtKind::Import(self.aliases(x.names)),
            py::Stmt::ImportFrom(x) => {
                let star = x.names.len() == 1 && x.names[0].name.as_str() == "*";
                let names = if star { Vec::new() } else { self.aliases(x.names) };
                StmtKind::ImportFrom {
                    module: x.module.map(|m| self.dotted(m.as_str())),
                    names,
                    level: x.level.map_or(0, |l| l.to_u32()),
                    star,
                }
            }
            py::Stmt::Global(x) => StmtKind::Global(x.names.iter().map(|n| self.ident(n)).collect()),
            py::Stmt::Nonlocal(x) => StmtKind::Nonlocal(x.names.iter().map(|n| self.ident(n)).collect()),
            py::Stmt::Expr(x) => StmtKind::Expr(self.expr(*x.value)?),
            py::Stmt::Pass(_) => StmtKind::Pass,
            py::Stmt::Break(_) => StmtKind::Break,
            py::Stmt::Continue(_) => StmtKind::Continue,
            py::Stmt::Match(_) => return Err(self.unsupported(r, "match statement")),
            py::Stmt::TryStar(_) => return Err(self.unsupported(r, "except*")),
            py::Stmt::TypeAlias(_) => return Err(self.unsupported(r, "type alias")),
        };
        Ok(Stmt { kind, range, line: stmt_line })
    }

    /// A function definition; returns it with the statement's line (the first decorator's, else `def_line`).
    #[allow(clippy::too_many_arguments)]
    fn function(
        &mut self,
        is_async: bool,
        name: py::Identifier,
        args: py::Arguments,
        body: Vec<py::Stmt>,
        decorators: Vec<py::Expr>,
        returns: Option<Box<py::Expr>>,
        def_line: u32,
    ) -> Result<(FunctionDef, u32), LowerError> {
        let decorators = self.exprs(decorators)?;
        let first = decorators.first().map_or(def_line, |d| d.line);
        let def = FunctionDef {
            name: self.ident(&name),
            is_async,
            args: self.arguments(args)?,
            body: self.stmts(body)?,
            decorators,
            returns: self.opt_expr(returns)?,
            def_line,
        };
        Ok((def, first))
    }

    pub(super) fn arguments(&mut self, a: py::Arguments) -> Result<Arguments, LowerError> {
        let bare_star = a.vararg.is_none() && !a.kwonlyargs.is_empty();
        Ok(Arguments {
            posonly: a.posonlyargs.into_iter().map(|x| self.arg_with_default(x)).collect::<Result<_, _>>()?,
            args: a.args.into_iter().map(|x| self.arg_with_default(x)).collect::<Result<_, _>>()?,
            vararg: a.vararg.map(|x| self.arg(*x, None)).transpose()?,
            kwonly: a.kwonlyargs.into_iter().map(|x| self.arg_with_default(x)).collect::<Result<_, _>>()?,
            kwarg: a.kwarg.map(|x| self.arg(*x, None)).transpose()?,
            bare_star,
        })
    }

    fn arg_with_default(&mut self, a: py::ArgWithDefault) -> Result<Arg, LowerError> {
        let default = self.opt_expr(a.default)?;
        self.arg(a.def, default)
    }

    fn arg(&mut self, a: py::Arg, default: Option<Expr>) -> Result<Arg, LowerError> {
        Ok(Arg {
            range: self.range(a.range),
            line: self.line(a.range),
            name: self.ident(&a.arg),
            annotation: self.opt_expr(a.annotation)?,
            default,
        })
    }

    /// A call's (or class's) positional and keyword arguments. A keyword that was a walrus argument (see
    /// `mend`: `f(**a, o := y)`, which rustpython reads as `o = y`) becomes the positional `o := y` again,
    /// in source order among the positional arguments.
    pub(super) fn call_arguments(
        &mut self,
        args: Vec<py::Expr>,
        ks: Vec<py::Keyword>,
    ) -> Result<(Vec<Expr>, Vec<Keyword>), LowerError> {
        let mut args = self.exprs(args)?;
        if self.input.rw.walrus_keywords.is_empty() {
            return Ok((args, self.keywords(ks)?));
        }
        let mut keywords = Vec::with_capacity(ks.len());
        for k in ks {
            let name_at = k.range.start().to_u32();
            let walrus = self.input.rw.walrus_keywords.binary_search(&name_at).is_ok();
            let (Some(arg), true) = (k.arg.clone(), walrus) else {
                keywords.push(self.keyword(k)?);
                continue;
            };
            let name_range = py::text_size::TextRange::at(k.range.start(), py::text_size::TextSize::of(arg.as_str()));
            let name = py::Expr::Name(py::ExprName { range: name_range, id: arg, ctx: py::ExprContext::Store });
            let walrus = Expr {
                range: self.range(k.range),
                line: self.line(k.range),
                kind: ExprKind::NamedExpr { target: self.walrus_target(name)?, value: Box::new(self.expr(k.value)?) },
            };
            let at = args.partition_point(|a| a.range.start < walrus.range.start);
            args.insert(at, walrus);
        }
        Ok((args, keywords))
    }

    fn keyword(&mut self, k: py::Keyword) -> Result<Keyword, LowerError> {
        Ok(Keyword { range: self.range(k.range), arg: k.arg.map(|a| self.ident(&a)), value: self.expr(k.value)? })
    }

    fn keywords(&mut self, ks: Vec<py::Keyword>) -> Result<Vec<Keyword>, LowerError> {
        ks.into_iter().map(|k| self.keyword(k)).collect()
    }

    fn aliases(&mut self, names: Vec<py::Alias>) -> Vec<Alias> {
        names
            .into_iter()
            .map(|a| Alias {
                range: self.range(a.range),
                name: self.dotted(a.name.as_str()),
                asname: a.asname.map(|n| self.ident(&n)),
            })
            .collect()
    }

    fn with_items(&mut self, items: Vec<py::WithItem>) -> Result<Vec<WithItem>, LowerError> {
        items
            .into_iter()
            .map(|w| Ok(WithItem { context: self.expr(w.context_expr)?, vars: self.opt_expr(w.optional_vars)? }))
            .collect()
    }

    fn handlers(&mut self, hs: Vec<py::ExceptHandler>) -> Result<Vec<ExceptHandler>, LowerError> {
        hs.into_iter()
            .map(|h| {
                let py::ExceptHandler::ExceptHandler(h) = h;
                Ok(ExceptHandler {
                    range: self.range(h.range),
                    line: self.line(h.range),
                    typ: self.opt_expr(h.type_)?,
                    name: h.name.map(|n| self.ident(&n)),
                    body: self.stmts(h.body)?,
                })
            })
            .collect()
    }
}

impl Lowerer<'_> {
    /// A dotted module name with each part's original spelling.
    fn dotted(&self, s: &str) -> String {
        s.split('.').map(|p| self.input.rw.name(p)).collect::<Vec<_>>().join(".")
    }
}

pub(super) fn bin_op(op: py::Operator) -> BinOp {
    match op {
        py::Operator::Add => BinOp::Add,
        py::Operator::Sub => BinOp::Sub,
        py::Operator::Mult => BinOp::Mult,
        py::Operator::MatMult => BinOp::MatMult,
        py::Operator::Div => BinOp::Div,
        py::Operator::Mod => BinOp::Mod,
        py::Operator::Pow => BinOp::Pow,
        py::Operator::LShift => BinOp::LShift,
        py::Operator::RShift => BinOp::RShift,
        py::Operator::BitOr => BinOp::BitOr,
        py::Operator::BitXor => BinOp::BitXor,
        py::Operator::BitAnd => BinOp::BitAnd,
        py::Operator::FloorDiv => BinOp::FloorDiv,
    }
}
