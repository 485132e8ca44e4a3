//! Statements: the module, blocks, simple statements, compound statements (with their ranges ending
//! where their last statement ends), parameters and imports.

use super::{starts_expr, Parser};
use crate::syntax::ast::*;
use crate::syntax::lexer::TokKind;

fn aug_op(k: &TokKind) -> Option<BinOp> {
    let TokKind::Op(o) = k else { return None };
    Some(match *o {
        "+=" => BinOp::Add,
        "-=" => BinOp::Sub,
        "*=" => BinOp::Mult,
        "@=" => BinOp::MatMult,
        "/=" => BinOp::Div,
        "%=" => BinOp::Mod,
        "&=" => BinOp::BitAnd,
        "|=" => BinOp::BitOr,
        "^=" => BinOp::BitXor,
        "<<=" => BinOp::LShift,
        ">>=" => BinOp::RShift,
        "**=" => BinOp::Pow,
        "//=" => BinOp::FloorDiv,
        _ => return None,
    })
}

/// The end of a compound statement: where its last statement ends.
fn end_of(body: &[Stmt]) -> Option<u32> {
    Some(body.last()?.range.end)
}

impl Parser<'_> {
    pub(super) fn module(&mut self) -> Option<Vec<Stmt>> {
        let mut body = Vec::new();
        loop {
            match self.kind() {
                TokKind::End => return Some(body),
                TokKind::Newline => self.pos += 1,
                _ => self.statement(&mut body)?,
            }
        }
    }

    /// One statement line (simple statements separated by `;`) or one compound statement.
    fn statement(&mut self, out: &mut Vec<Stmt>) -> Option<()> {
        let s = self.pos;
        let st = match self.kind() {
            TokKind::Keyword("if") => self.if_stmt()?,
            TokKind::Keyword("while") => self.while_stmt()?,
            TokKind::Keyword("for") => self.for_stmt(s, false)?,
            TokKind::Keyword("try") => self.try_stmt()?,
            TokKind::Keyword("with") => self.with_stmt(s, false)?,
            TokKind::Keyword("def") | TokKind::Keyword("class") | TokKind::Op("@") => self.definition()?,
            TokKind::Keyword("async") => {
                self.pos += 1;
                match self.kind() {
                    TokKind::Keyword("for") => self.for_stmt(s, true)?,
                    TokKind::Keyword("with") => self.with_stmt(s, true)?,
                    TokKind::Keyword("def") => {
                        self.pos = s;
                        self.definition()?
                    }
                    _ => return None,
                }
            }
            _ => return self.simple_line(out),
        };
        out.push(st);
        Some(())
    }

    /// `: NEWLINE INDENT statements DEDENT` or `: simple; statements NEWLINE`.
    fn suite(&mut self) -> Option<Vec<Stmt>> {
        self.expect_op(":")?;
        self.enter()?;
        let r = self.suite_inner();
        self.leave();
        r
    }

    fn suite_inner(&mut self) -> Option<Vec<Stmt>> {
        let mut body = Vec::new();
        if self.kind() != &TokKind::Newline {
            self.simple_line(&mut body)?;
            return Some(body);
        }
        self.pos += 1;
        self.expect(&TokKind::Indent)?;
        loop {
            match self.kind() {
                TokKind::Dedent => {
                    self.pos += 1;
                    break;
                }
                TokKind::Newline | TokKind::End | TokKind::Indent => return None,
                _ => self.statement(&mut body)?,
            }
        }
        (!body.is_empty()).then_some(body)
    }

    fn simple_line(&mut self, out: &mut Vec<Stmt>) -> Option<()> {
        loop {
            let st = self.small_stmt()?;
            out.push(st);
            if !self.eat_op(";") || self.kind() == &TokKind::Newline {
                break;
            }
        }
        self.expect(&TokKind::Newline)
    }

    fn small_stmt(&mut self) -> Option<Stmt> {
        let s = self.pos;
        let kind = match self.kind() {
            TokKind::Keyword("pass") => {
                self.pos += 1;
                StmtKind::Pass
            }
            TokKind::Keyword("break") => {
                self.pos += 1;
                StmtKind::Break
            }
            TokKind::Keyword("continue") => {
                self.pos += 1;
                StmtKind::Continue
            }
            TokKind::Keyword("return") => {
                self.pos += 1;
                StmtKind::Return(if starts_expr(self.kind()) { Some(self.test_list()?) } else { None })
            }
            TokKind::Keyword("raise") => {
                self.pos += 1;
                let exc = if starts_expr(self.kind()) { Some(self.test()?) } else { None };
                let cause = if exc.is_some() && self.eat_kw("from") { Some(self.test()?) } else { None };
                StmtKind::Raise { exc, cause }
            }
            TokKind::Keyword("global") => {
                self.pos += 1;
                StmtKind::Global(self.names()?)
            }
            TokKind::Keyword("nonlocal") => {
                self.pos += 1;
                StmtKind::Nonlocal(self.names()?)
            }
            TokKind::Keyword("del") => {
                self.pos += 1;
                let mut targets = Vec::new();
                loop {
                    targets.push(if self.at_op("*") { self.star_expr()? } else { self.expr()? });
                    if !self.eat_op(",") || !starts_expr(self.kind()) {
                        break;
                    }
                }
                StmtKind::Delete(targets)
            }
            TokKind::Keyword("assert") => {
                self.pos += 1;
                let test = self.test()?;
                let msg = if self.eat_op(",") { Some(self.test()?) } else { None };
                StmtKind::Assert { test, msg }
            }
            TokKind::Keyword("import") => {
                self.pos += 1;
                StmtKind::Import(self.aliases(true)?)
            }
            TokKind::Keyword("from") => self.import_from()?,
            TokKind::Keyword("yield") => StmtKind::Expr(self.yield_expr()?),
            _ => self.expr_stmt()?,
        };
        Some(Stmt { kind, range: self.range_from(s)?, line: self.line_of(s)? })
    }

    /// Expression statement, assignment (chained, tuple targets), augmented or annotated assignment.
    fn expr_stmt(&mut self) -> Option<StmtKind> {
        let first = self.test_list()?;
        if self.at_op("=") {
            let mut targets = vec![first];
            let mut value = None;
            while self.eat_op("=") {
                let e = self.test_list_or_yield()?;
                if let Some(v) = value.replace(e) {
                    targets.push(v);
                }
            }
            return Some(StmtKind::Assign { targets, value: value? });
        }
        if let Some(op) = aug_op(self.kind()) {
            self.pos += 1;
            let value = self.test_list_or_yield()?;
            return Some(StmtKind::AugAssign { target: first, op, value });
        }
        if self.eat_op(":") {
            if matches!(first.kind, ExprKind::Starred(_) | ExprKind::Tuple { parenthesized: false, .. }) {
                return None;
            }
            let annotation = self.test()?;
            let value = if self.eat_op("=") { Some(self.test_list_or_yield()?) } else { None };
            let simple = matches!(first.kind, ExprKind::Name(_));
            return Some(StmtKind::AnnAssign { target: first, annotation, value, simple });
        }
        Some(StmtKind::Expr(first))
    }

    fn names(&mut self) -> Option<Vec<Ident>> {
        let mut out = vec![self.name()?];
        while self.eat_op(",") {
            out.push(self.name()?);
        }
        Some(out)
    }

    fn dotted(&mut self) -> Option<String> {
        let mut n = self.name()?;
        while self.at_op(".") && self.kind_at(self.pos + 1) == &TokKind::Name {
            self.pos += 1;
            n.push('.');
            n.push_str(&self.name()?);
        }
        Some(n)
    }

    /// `name [as name], …` (dotted names for `import`).
    fn aliases(&mut self, dotted: bool) -> Option<Vec<Alias>> {
        let mut out = Vec::new();
        loop {
            let s = self.pos;
            let name = if dotted { self.dotted()? } else { self.name()? };
            let asname = if self.eat_kw("as") { Some(self.name()?) } else { None };
            out.push(Alias { name, asname, range: self.range_from(s)? });
            if !self.eat_op(",") {
                return Some(out);
            }
        }
    }

    fn import_from(&mut self) -> Option<StmtKind> {
        self.expect_kw("from")?;
        let mut level = 0;
        loop {
            if self.eat_op(".") {
                level += 1;
            } else if self.eat_op("...") {
                level += 3;
            } else {
                break;
            }
        }
        let module = if self.kind() == &TokKind::Name { Some(self.dotted()?) } else { None };
        if level == 0 && module.is_none() {
            return None;
        }
        self.expect_kw("import")?;
        if self.eat_op("*") {
            return Some(StmtKind::ImportFrom { module, names: Vec::new(), level, star: true });
        }
        let names = if self.eat_op("(") {
            let mut names = Vec::new();
            while !self.at_op(")") {
                let s = self.pos;
                let name = self.name()?;
                let asname = if self.eat_kw("as") { Some(self.name()?) } else { None };
                names.push(Alias { name, asname, range: self.range_from(s)? });
                if !self.eat_op(",") {
                    break;
                }
            }
            self.expect_op(")")?;
            if names.is_empty() {
                return None;
            }
            names
        } else {
            self.aliases(false)?
        };
        Some(StmtKind::ImportFrom { module, names, level, star: false })
    }

    fn compound(&self, s: usize, kind: StmtKind, end: u32) -> Option<Stmt> {
        let first = self.tok(s)?;
        Some(Stmt { kind, range: TextRange::new(first.start, end), line: first.line })
    }

    fn if_stmt(&mut self) -> Option<Stmt> {
        let s = self.pos;
        self.expect_kw("if")?;
        let test = self.named_test()?;
        let body = self.suite()?;
        let mut elifs = Vec::new();
        while self.at_kw("elif") {
            let es = self.pos;
            self.pos += 1;
            let t = self.named_test()?;
            let b = self.suite()?;
            elifs.push((es, t, b));
        }
        let mut orelse = if self.eat_kw("else") { self.suite()? } else { Vec::new() };
        let end = match (end_of(&orelse), elifs.last()) {
            (Some(e), _) => e,
            (None, Some(last)) => end_of(&last.2)?,
            (None, None) => end_of(&body)?,
        };
        while let Some((es, t, b)) = elifs.pop() {
            let kind = StmtKind::If { test: t, body: b, orelse, is_elif: true };
            orelse = vec![self.compound(es, kind, end)?];
        }
        self.compound(s, StmtKind::If { test, body, orelse, is_elif: false }, end)
    }

    fn while_stmt(&mut self) -> Option<Stmt> {
        let s = self.pos;
        self.expect_kw("while")?;
        let test = self.named_test()?;
        let body = self.suite()?;
        let orelse = if self.eat_kw("else") { self.suite()? } else { Vec::new() };
        let end = end_of(&orelse).or_else(|| end_of(&body))?;
        self.compound(s, StmtKind::While { test, body, orelse }, end)
    }

    fn for_stmt(&mut self, s: usize, is_async: bool) -> Option<Stmt> {
        self.expect_kw("for")?;
        let target = self.expr_list()?;
        self.expect_kw("in")?;
        let iter = self.test_list()?;
        let body = self.suite()?;
        let orelse = if self.eat_kw("else") { self.suite()? } else { Vec::new() };
        let end = end_of(&orelse).or_else(|| end_of(&body))?;
        self.compound(s, StmtKind::For { is_async, target, iter, body, orelse }, end)
    }

    fn try_stmt(&mut self) -> Option<Stmt> {
        let s = self.pos;
        self.expect_kw("try")?;
        let body = self.suite()?;
        let mut handlers = Vec::new();
        while self.at_kw("except") {
            let hs = self.pos;
            self.pos += 1;
            let typ = if self.at_op(":") { None } else { Some(self.test()?) };
            let name = if typ.is_some() && self.eat_kw("as") { Some(self.name()?) } else { None };
            let hbody = self.suite()?;
            let first = self.tok(hs)?;
            let range = TextRange::new(first.start, end_of(&hbody)?);
            handlers.push(ExceptHandler { typ, name, body: hbody, range, line: first.line });
        }
        let orelse = if self.eat_kw("else") { self.suite()? } else { Vec::new() };
        let finalbody = if self.eat_kw("finally") { self.suite()? } else { Vec::new() };
        if handlers.is_empty() && (finalbody.is_empty() || !orelse.is_empty()) {
            return None;
        }
        let end = end_of(&finalbody).or_else(|| end_of(&orelse)).or_else(|| handlers.last().map(|h| h.range.end))?;
        self.compound(s, StmtKind::Try { body, handlers, orelse, finalbody }, end)
    }

    fn with_stmt(&mut self, s: usize, is_async: bool) -> Option<Stmt> {
        self.expect_kw("with")?;
        let mut items = Vec::new();
        if self.at_op("(") && self.kind_at(self.matching_close(self.pos)? + 1) == &TokKind::Op(":") {
            // rustpython's grammar reads `with (a, b as c):` as the items inside the parentheses. Only plain
            // items are taken here (no walrus, star, yield or generator: those are other productions).
            self.pos += 1;
            while !self.at_op(")") {
                items.push(self.with_item()?);
                if !self.eat_op(",") {
                    break;
                }
            }
            self.expect_op(")")?;
            if items.is_empty() {
                return None;
            }
        } else {
            items.push(self.with_item()?);
            while self.eat_op(",") {
                items.push(self.with_item()?);
            }
        }
        let body = self.suite()?;
        let end = end_of(&body)?;
        self.compound(s, StmtKind::With { is_async, items, body }, end)
    }

    fn with_item(&mut self) -> Option<WithItem> {
        let context = self.test()?;
        let vars = if self.eat_kw("as") { Some(self.expr()?) } else { None };
        Some(WithItem { context, vars })
    }

    /// The index of the bracket closing the one at token `open`.
    fn matching_close(&self, open: usize) -> Option<usize> {
        let mut depth = 0usize;
        for (i, t) in self.toks.iter().enumerate().skip(open) {
            match t.kind {
                TokKind::Op("(" | "[" | "{") => depth += 1,
                TokKind::Op(")" | "]" | "}") => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                TokKind::End => return None,
                _ => {}
            }
        }
        None
    }

    /// A function or class definition with its decorators.
    fn definition(&mut self) -> Option<Stmt> {
        let mut decorators = Vec::new();
        while self.eat_op("@") {
            decorators.push(self.named_test()?);
            self.expect(&TokKind::Newline)?;
        }
        let s = self.pos;
        let def_line = self.line_of(s)?;
        let is_async = self.eat_kw("async");
        let kind = if !is_async && self.eat_kw("class") {
            let name = self.name()?;
            let (bases, keywords) = if self.eat_op("(") {
                let (a, k, _) = self.call_args(")")?;
                (a, k)
            } else {
                (Vec::new(), Vec::new())
            };
            let body = self.suite()?;
            StmtKind::ClassDef(Box::new(ClassDef { name, bases, keywords, body, decorators, def_line }))
        } else {
            self.expect_kw("def")?;
            let name = self.name()?;
            self.expect_op("(")?;
            let args = self.parameters(")", true)?;
            self.expect_op(")")?;
            let returns = if self.eat_op("->") { Some(self.test()?) } else { None };
            let body = self.suite()?;
            StmtKind::FunctionDef(Box::new(FunctionDef { name, is_async, args, body, decorators, returns, def_line }))
        };
        let (body, decorators) = match &kind {
            StmtKind::ClassDef(c) => (&c.body, &c.decorators),
            StmtKind::FunctionDef(f) => (&f.body, &f.decorators),
            _ => return None,
        };
        let line = decorators.first().map_or(def_line, |d| d.line);
        let range = TextRange::new(self.tok(s)?.start, end_of(body)?);
        Some(Stmt { kind, range, line })
    }

    /// A parameter list up to (not including) `close`: `def` parameters (`typed`: annotations allowed) or
    /// a lambda's. `None` where rustpython refuses it (a parameter without default after one with, a
    /// repeated name, a bare `*` with nothing after it).
    pub(super) fn parameters(&mut self, close: &str, typed: bool) -> Option<Arguments> {
        let mut a = Arguments::default();
        let (mut seen_star, mut seen_default, mut slash) = (false, false, false);
        while !self.at_op(close) {
            if self.eat_op("*") {
                if seen_star {
                    return None;
                }
                seen_star = true;
                if self.kind() == &TokKind::Name {
                    a.vararg = Some(self.param(typed)?);
                }
            } else if self.eat_op("**") {
                a.kwarg = Some(self.param(typed)?);
                self.eat_op(",");
                if !self.at_op(close) {
                    return None;
                }
                break;
            } else if self.eat_op("/") {
                if slash || seen_star || a.args.is_empty() {
                    return None;
                }
                slash = true;
                a.posonly = std::mem::take(&mut a.args);
            } else {
                let mut arg = self.param(typed)?;
                if self.eat_op("=") {
                    arg.default = Some(self.test()?);
                }
                if seen_star {
                    a.kwonly.push(arg);
                } else {
                    if arg.default.is_some() {
                        seen_default = true;
                    } else if seen_default {
                        return None;
                    }
                    a.args.push(arg);
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        if seen_star && a.vararg.is_none() && a.kwonly.is_empty() && a.kwarg.is_none() {
            return None;
        }
        a.bare_star = a.vararg.is_none() && !a.kwonly.is_empty();
        let all: Vec<&str> = a.posonly.iter().chain(&a.args).chain(&a.kwonly).chain(&a.vararg).chain(&a.kwarg).map(|x| x.name.as_str()).collect();
        for (i, n) in all.iter().enumerate() {
            if all[..i].contains(n) {
                return None;
            }
        }
        Some(a)
    }

    fn param(&mut self, typed: bool) -> Option<Arg> {
        let s = self.pos;
        let name = self.name()?;
        let annotation = if typed && self.eat_op(":") { Some(self.test()?) } else { None };
        Some(Arg { name, annotation, default: None, range: self.range_from(s)?, line: self.line_of(s)? })
    }
}
