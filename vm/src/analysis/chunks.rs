//! Incremental parsing for the editor: the text is split into top-level statements ("chunks"), each parsed
//! on its own and cached by its text, so an edit re-parses only the statement it touches.
//!
//! A chunk starts at a line that begins in column 0 with code, outside brackets, strings and backslash
//! continuations, unless the line continues a compound statement (`else`, `elif`, `except`, `finally`) or
//! follows a decorator. Each chunk is parsed with recovery and its tree is shifted to file offsets and
//! lines. The first syntax error of the file is the first chunk's error, which is what a whole-file parse
//! reports in all but pathological cases; the exact error still comes from the compiler (the editor runs it
//! after publishing the fast diagnostics).

use std::collections::HashMap;
use std::sync::Arc;

use crate::error::CompileError;
use crate::syntax::ast::*;

use super::recover;

/// Byte ranges `[start, end)` of the chunks of `source`; together they cover the whole text.
pub fn split(source: &str) -> Vec<(usize, usize)> {
    let b = source.as_bytes();
    let mut starts = vec![0usize];
    let mut depth: i32 = 0;
    let mut i = 0;
    let mut at_line_start = true;
    let mut continued = false; // the previous line ended with a backslash
    let mut last_code_line_decorator = false;
    let mut first_code_line = true;
    while i < b.len() {
        if at_line_start {
            at_line_start = false;
            let c = b[i];
            let code_at_col0 = !matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'#' | b'\x0c');
            if code_at_col0 && depth == 0 && !continued {
                let rest = &source[i..];
                let continues = ["else", "elif", "except", "finally"].iter().any(|k| {
                    rest.starts_with(k) && !rest[k.len()..].starts_with(|ch: char| ch.is_alphanumeric() || ch == '_')
                });
                if !continues && !last_code_line_decorator && !first_code_line && i > 0 {
                    starts.push(i);
                }
                last_code_line_decorator = c == b'@';
                first_code_line = false;
            } else if code_at_col0 {
                first_code_line = false;
            }
            continued = false;
        }
        match b[i] {
            b'#' => {
                while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
                continue;
            }
            b'\\' => {
                if matches!(b.get(i + 1), Some(b'\n') | Some(b'\r')) {
                    continued = true;
                }
                i += 1;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = (depth - 1).max(0),
            q @ (b'\'' | b'"') => {
                let triple = b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q);
                i += if triple { 3 } else { 1 };
                while i < b.len() {
                    if b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if b[i] == q && (!triple || (b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q))) {
                        i += if triple { 3 } else { 1 };
                        break;
                    }
                    if !triple && (b[i] == b'\n' || b[i] == b'\r') {
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            b'\n' => at_line_start = true,
            b'\r' => {
                if b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                at_line_start = true;
            }
            _ => {}
        }
        i += 1;
    }
    let mut out = Vec::with_capacity(starts.len());
    for (k, s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(b.len());
        out.push((*s, e.min(b.len())));
    }
    out
}

/// One chunk parsed on its own (offsets relative to the chunk, lines counted from 1 in the chunk).
#[derive(Debug)]
struct ChunkParse {
    body: Vec<Stmt>,
    error: Option<CompileError>,
}

/// Parsed chunks by text, kept from one analysis of a document to the next.
#[derive(Debug, Default)]
pub struct ChunkCache {
    entries: HashMap<String, Arc<ChunkParse>>,
}

impl ChunkCache {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Parses `source` chunk by chunk, reusing `cache` for chunks whose text did not change. Entries for chunks
/// that no longer exist are dropped, so the cache holds one document's chunks at most.
pub fn parse_cached(source: &str, cache: &mut ChunkCache) -> recover::Parsed {
    let chunks = split(source);
    let mut fresh: HashMap<String, Arc<ChunkParse>> = HashMap::with_capacity(chunks.len());
    let mut body = Vec::new();
    let mut first_error = None;
    let mut line_base = 0u32;
    for (s, e) in chunks {
        let text = &source[s..e];
        let parsed = match fresh.get(text).or_else(|| cache.entries.get(text)) {
            Some(p) => p.clone(),
            None => {
                let mut p = recover::parse_recovering(text);
                Arc::new(ChunkParse { body: std::mem::take(&mut p.module.body), error: p.errors.into_iter().next() })
            }
        };
        for st in &parsed.body {
            let mut st = st.clone();
            shift_stmt(&mut st, s as u32, line_base);
            body.push(st);
        }
        if first_error.is_none() {
            if let Some(err) = &parsed.error {
                let mut err = err.clone();
                err.line = err.line.map(|l| l + line_base);
                if err.range != TextRange::default() {
                    err.range = TextRange::new(err.range.start + s as u32, err.range.end + s as u32);
                }
                first_error = Some(err);
            }
        }
        line_base += count_lines(text);
        fresh.insert(text.to_string(), parsed);
    }
    cache.entries = fresh;
    recover::Parsed { module: Module { body }, errors: first_error.into_iter().collect() }
}

/// Line breaks in `text` (`\n`, `\r\n` and a lone `\r` each count once).
fn count_lines(text: &str) -> u32 {
    let b = text.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => n += 1,
            b'\r' => {
                n += 1;
                if b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    n
}

fn shift_range(r: &mut TextRange, by: u32) {
    r.start += by;
    r.end += by;
}

fn shift_line(l: &mut u32, by: u32) {
    if *l > 0 {
        *l += by;
    }
}

fn shift_args(a: &mut Arguments, by: u32, lines: u32) {
    let all = a.posonly.iter_mut().chain(a.args.iter_mut()).chain(a.vararg.iter_mut()).chain(a.kwonly.iter_mut()).chain(a.kwarg.iter_mut());
    for arg in all {
        shift_range(&mut arg.range, by);
        shift_line(&mut arg.line, lines);
        if let Some(x) = &mut arg.annotation {
            shift_expr(x, by, lines);
        }
        if let Some(x) = &mut arg.default {
            shift_expr(x, by, lines);
        }
    }
}

fn shift_body(body: &mut [Stmt], by: u32, lines: u32) {
    for s in body {
        shift_stmt(s, by, lines);
    }
}

/// Moves a statement parsed at the start of a chunk to its place in the file.
fn shift_stmt(s: &mut Stmt, by: u32, lines: u32) {
    shift_range(&mut s.range, by);
    shift_line(&mut s.line, lines);
    let e = |x: &mut Expr| shift_expr(x, by, lines);
    match &mut s.kind {
        StmtKind::FunctionDef(f) => {
            shift_line(&mut f.def_line, lines);
            f.decorators.iter_mut().for_each(e);
            shift_args(&mut f.args, by, lines);
            if let Some(r) = &mut f.returns {
                shift_expr(r, by, lines);
            }
            shift_body(&mut f.body, by, lines);
        }
        StmtKind::ClassDef(c) => {
            shift_line(&mut c.def_line, lines);
            c.decorators.iter_mut().for_each(e);
            c.bases.iter_mut().for_each(|x| shift_expr(x, by, lines));
            for k in &mut c.keywords {
                shift_range(&mut k.range, by);
                shift_expr(&mut k.value, by, lines);
            }
            shift_body(&mut c.body, by, lines);
        }
        StmtKind::Return(x) => x.iter_mut().for_each(e),
        StmtKind::Delete(xs) => xs.iter_mut().for_each(e),
        StmtKind::Assign { targets, value } => {
            targets.iter_mut().for_each(|x| shift_expr(x, by, lines));
            shift_expr(value, by, lines);
        }
        StmtKind::AugAssign { target, value, .. } => {
            shift_expr(target, by, lines);
            shift_expr(value, by, lines);
        }
        StmtKind::AnnAssign { target, annotation, value, .. } => {
            shift_expr(target, by, lines);
            shift_expr(annotation, by, lines);
            value.iter_mut().for_each(e);
        }
        StmtKind::For { target, iter, body, orelse, .. } => {
            shift_expr(target, by, lines);
            shift_expr(iter, by, lines);
            shift_body(body, by, lines);
            shift_body(orelse, by, lines);
        }
        StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse, .. } => {
            shift_expr(test, by, lines);
            shift_body(body, by, lines);
            shift_body(orelse, by, lines);
        }
        StmtKind::With { items, body, .. } => {
            for it in items.iter_mut() {
                shift_expr(&mut it.context, by, lines);
                if let Some(v) = &mut it.vars {
                    shift_expr(v, by, lines);
                }
            }
            shift_body(body, by, lines);
        }
        StmtKind::Raise { exc, cause } => {
            exc.iter_mut().for_each(|x| shift_expr(x, by, lines));
            cause.iter_mut().for_each(|x| shift_expr(x, by, lines));
        }
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            shift_body(body, by, lines);
            for h in handlers.iter_mut() {
                shift_range(&mut h.range, by);
                shift_line(&mut h.line, lines);
                if let Some(t) = &mut h.typ {
                    shift_expr(t, by, lines);
                }
                shift_body(&mut h.body, by, lines);
            }
            shift_body(orelse, by, lines);
            shift_body(finalbody, by, lines);
        }
        StmtKind::Assert { test, msg } => {
            shift_expr(test, by, lines);
            msg.iter_mut().for_each(|x| shift_expr(x, by, lines));
        }
        StmtKind::Import(al) | StmtKind::ImportFrom { names: al, .. } => {
            al.iter_mut().for_each(|a| shift_range(&mut a.range, by));
        }
        StmtKind::Expr(x) => shift_expr(x, by, lines),
        StmtKind::Global(_) | StmtKind::Nonlocal(_) | StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
    }
}

fn shift_comprehensions(gens: &mut [Comprehension], by: u32, lines: u32) {
    for g in gens {
        shift_expr(&mut g.target, by, lines);
        shift_expr(&mut g.iter, by, lines);
        g.ifs.iter_mut().for_each(|x| shift_expr(x, by, lines));
    }
}

fn shift_expr(x: &mut Expr, by: u32, lines: u32) {
    shift_range(&mut x.range, by);
    shift_line(&mut x.line, lines);
    let s = |e: &mut Expr| shift_expr(e, by, lines);
    match &mut x.kind {
        ExprKind::Name(_) | ExprKind::Const(_) | ExprKind::ConstObj(_) => {}
        ExprKind::BoolOp { values, .. } => values.iter_mut().for_each(s),
        ExprKind::NamedExpr { target, value } => {
            shift_expr(target, by, lines);
            shift_expr(value, by, lines);
        }
        ExprKind::BinOp { left, right, .. } => {
            shift_expr(left, by, lines);
            shift_expr(right, by, lines);
        }
        ExprKind::UnaryOp { operand, .. } => shift_expr(operand, by, lines),
        ExprKind::Lambda { args, body } => {
            shift_args(args, by, lines);
            shift_expr(body, by, lines);
        }
        ExprKind::IfExp { test, body, orelse } => {
            shift_expr(test, by, lines);
            shift_expr(body, by, lines);
            shift_expr(orelse, by, lines);
        }
        ExprKind::Dict { keys, values } => {
            keys.iter_mut().flatten().for_each(|k| shift_expr(k, by, lines));
            values.iter_mut().for_each(s);
        }
        ExprKind::Set(xs) | ExprKind::List(xs) | ExprKind::Tuple { elts: xs, .. } => xs.iter_mut().for_each(s),
        ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } | ExprKind::GeneratorExp { elt, generators } => {
            shift_expr(elt, by, lines);
            shift_comprehensions(generators, by, lines);
        }
        ExprKind::DictComp { key, value, generators } => {
            shift_expr(key, by, lines);
            shift_expr(value, by, lines);
            shift_comprehensions(generators, by, lines);
        }
        ExprKind::Await(e) | ExprKind::YieldFrom(e) | ExprKind::Starred(e) => shift_expr(e, by, lines),
        ExprKind::Yield(e) => e.iter_mut().for_each(|e| shift_expr(e, by, lines)),
        ExprKind::Compare { left, comparators, .. } => {
            shift_expr(left, by, lines);
            comparators.iter_mut().for_each(s);
        }
        ExprKind::Call { func, args, keywords } => {
            shift_expr(func, by, lines);
            args.iter_mut().for_each(|a| shift_expr(a, by, lines));
            for k in keywords.iter_mut() {
                shift_range(&mut k.range, by);
                shift_expr(&mut k.value, by, lines);
            }
        }
        ExprKind::Attribute { value, .. } => shift_expr(value, by, lines),
        ExprKind::Subscript { value, slice } => {
            shift_expr(value, by, lines);
            shift_expr(slice, by, lines);
        }
        ExprKind::Slice { lower, upper, step } => {
            for p in [lower, upper, step].into_iter().flatten() {
                shift_expr(p, by, lines);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_top_level_statements_only() {
        let src = "import a\n\n@d\ndef f(x):\n    return (1,\n2)\nif x:\n    pass\nelse:\n    pass\ns = '''\nq = 1\n'''\nt = \\\n  2\n# c\nu = 3";
        let starts: Vec<&str> = split(src).iter().map(|(s, e)| src[*s..*e].lines().next().unwrap_or("")).collect();
        assert_eq!(starts, ["import a", "@d", "if x:", "s = '''", "t = \\", "u = 3"]);
    }

    /// The cached, chunked parse gives the same tree as a whole-file parse, and its first error.
    #[test]
    fn chunked_parse_equals_whole_parse() {
        let src = "import time\n\nX = 1\n\n\ndef f(xs):\n    t = 0\n    for x in xs:\n        t += abs(x)\n    return t\n\n\nclass C:\n    def m(self):\n        return [i for i in range(3)]\n";
        let mut cache = ChunkCache::default();
        let a = parse_cached(src, &mut cache);
        let (whole, errors) = crate::syntax::parse_source_level(src.as_bytes());
        assert!(errors.is_empty() && a.errors.is_empty());
        assert_eq!(a.module, whole);
        assert_eq!(cache.len(), 4);
        // An edit in one chunk reuses the others.
        let edited = src.replace("X = 1", "X = = 1");
        let b = parse_cached(&edited, &mut cache);
        assert_eq!(b.errors.len(), 1);
        assert_eq!(b.errors[0].line, Some(3));
        assert_eq!(b.module.body.len(), whole.body.len() - 1);
    }
}
