//! Incremental parsing for the editor: the text is split into top-level statements ("chunks"), each parsed
//! on its own and cached by its text, so an edit re-parses only the statement it touches.
//!
//! A chunk starts at a line that begins in column 0 with code, outside brackets, strings and backslash
//! continuations, unless the line continues a compound statement (`else`, `elif`, `except`, `finally`) or
//! follows a decorator. Each chunk is parsed with recovery and its tree is shifted to file offsets and
//! lines. The first syntax error of the file is the first chunk's error, which is what a whole-file parse
//! reports in all but pathological cases; the exact error still comes from the compiler (the editor runs it
//! after publishing the fast diagnostics).

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use crate::error::CompileError;
use crate::syntax::ast::*;

use super::recover;

/// The bytes [`split`] acts on (comments, line continuations, brackets, quotes, line ends).
const STRUCTURAL: [bool; 256] = {
    let mut t = [false; 256];
    let bytes = b"#\\([{)]}'\"\n\r";
    let mut i = 0;
    while i < bytes.len() {
        t[bytes[i] as usize] = true;
        i += 1;
    }
    t
};

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
        if !STRUCTURAL[usize::from(b[i])] {
            // Bytes that change no state: skip the run of them.
            i += 1;
            while i < b.len() && !STRUCTURAL[usize::from(b[i])] {
                i += 1;
            }
            continue;
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

/// One chunk of the text parsed last: where it was, how many top-level statements of the module it gave,
/// and its syntax error (chunk-relative offsets and lines).
#[derive(Clone, Debug)]
struct ChunkEntry {
    start: u32,
    end: u32,
    line_base: u32,
    stmts: usize,
    error: Option<CompileError>,
}

/// The last parse of one document, kept from one analysis to the next: its text (shared with the caller,
/// not copied), its chunks, and its module in file coordinates. The module is shared with whoever holds the
/// analysis ([`Analysis::module`](super::Analysis)); the next parse takes it back and moves the statements
/// of unchanged chunks into the new module (shifting their offsets and lines in place), so no syntax tree
/// is copied when no one else holds the old one, and a document has one tree in memory.
#[derive(Debug, Default)]
pub struct ChunkCache {
    text: Option<Arc<str>>,
    chunks: Vec<ChunkEntry>,
    module: Option<Arc<Module>>,
    /// How many chunks the last parse took over from the one before (the others were parsed).
    reused: usize,
    /// The rules' diagnostics of the last text, per top-level statement (kept with the parse: both are the
    /// document's state from one edit to the next).
    pub rules: super::rule_cache::RuleCache,
}

impl ChunkCache {
    /// The number of chunks of the text parsed last.
    pub fn len(&self) -> usize {
        self.chunks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chunks.is_empty()
    }

    /// The byte ranges of the chunks of the text parsed last (its [`split`]).
    pub fn ranges(&self) -> Vec<(usize, usize)> {
        self.chunks.iter().map(|c| (c.start as usize, c.end as usize)).collect()
    }

    /// How many chunks the last parse reused (the others were parsed again).
    pub fn reused(&self) -> usize {
        self.reused
    }
}

/// Pairs each new chunk with an old chunk of the same text (or none): the common prefix and suffix of the
/// two lists by position, the middle by text.
fn match_chunks(old_text: &str, old: &[ChunkEntry], new_text: &str, new: &[(usize, usize)]) -> Vec<Option<usize>> {
    let old_s = |i: usize| &old_text[old[i].start as usize..old[i].end as usize];
    let new_s = |i: usize| &new_text[new[i].0..new[i].1];
    let mut out = vec![None; new.len()];
    let mut lo = 0;
    while lo < new.len() && lo < old.len() && old_s(lo) == new_s(lo) {
        out[lo] = Some(lo);
        lo += 1;
    }
    let (mut hi_new, mut hi_old) = (new.len(), old.len());
    while hi_new > lo && hi_old > lo && old_s(hi_old - 1) == new_s(hi_new - 1) {
        hi_new -= 1;
        hi_old -= 1;
        out[hi_new] = Some(hi_old);
    }
    if lo < hi_new && lo < hi_old {
        let mut by_text: HashMap<&str, Vec<usize>> = HashMap::default();
        for i in (lo..hi_old).rev() {
            by_text.entry(old_s(i)).or_default().push(i);
        }
        for (k, slot) in out.iter_mut().enumerate().take(hi_new).skip(lo) {
            *slot = by_text.get_mut(new_s(k)).and_then(Vec::pop);
        }
    }
    out
}

/// Parses `source` chunk by chunk, reusing from `cache` the statements of chunks whose text did not change.
/// Returns the module (also kept in the cache) and the first syntax error.
pub fn parse_cached(source: &Arc<str>, cache: &mut ChunkCache) -> (Arc<Module>, Vec<CompileError>) {
    let chunks = split(source);
    let old_text = cache.text.take();
    let old_entries = std::mem::take(&mut cache.chunks);
    // The old statements, per old chunk (taken back from the shared module, copied only if still shared).
    let mut old_stmts: Vec<Option<Vec<Stmt>>> = Vec::with_capacity(old_entries.len());
    let matched = match (&old_text, cache.module.take()) {
        (Some(t), Some(m)) if m.body.len() == old_entries.iter().map(|e| e.stmts).sum::<usize>() => {
            let body = Arc::try_unwrap(m).map_or_else(|shared| shared.body.clone(), |mut m| std::mem::take(&mut m.body));
            let mut it = body.into_iter();
            for e in &old_entries {
                old_stmts.push(Some(it.by_ref().take(e.stmts).collect()));
            }
            match_chunks(t, &old_entries, source, &chunks)
        }
        _ => vec![None; chunks.len()],
    };
    let mut body = Vec::new();
    let mut entries = Vec::with_capacity(chunks.len());
    let mut first_error = None;
    let mut line_base = 0u32;
    cache.reused = 0;
    for (k, &(s, e)) in chunks.iter().enumerate() {
        let text = &source[s..e];
        let reused = matched[k].and_then(|i| Some((i, old_stmts[i].take()?)));
        let (stmts, error) = match reused {
            Some((i, mut stmts)) => {
                cache.reused += 1;
                let old = &old_entries[i];
                let (by, lines) = ((s as u32).wrapping_sub(old.start), line_base.wrapping_sub(old.line_base));
                if by != 0 || lines != 0 {
                    for st in &mut stmts {
                        shift_stmt(st, by, lines);
                    }
                }
                (stmts, old.error.clone())
            }
            None => {
                let mut p = recover::parse_recovering(text);
                let mut stmts = std::mem::take(&mut p.module.body);
                for st in &mut stmts {
                    shift_stmt(st, s as u32, line_base);
                }
                (stmts, p.errors.into_iter().next())
            }
        };
        if first_error.is_none() {
            if let Some(err) = &error {
                let mut err = err.clone();
                err.line = err.line.map(|l| l + line_base);
                if err.range != TextRange::default() {
                    err.range = TextRange::new(err.range.start + s as u32, err.range.end + s as u32);
                }
                first_error = Some(err);
            }
        }
        entries.push(ChunkEntry { start: s as u32, end: e as u32, line_base, stmts: stmts.len(), error });
        body.extend(stmts);
        line_base += count_lines(text);
    }
    // Statements of chunks that are gone: dropped through a module, whose drop is not recursive.
    drop(Module { body: old_stmts.into_iter().flatten().flatten().collect() });
    let module = Arc::new(Module { body });
    cache.text = Some(source.clone());
    cache.chunks = entries;
    cache.module = Some(module.clone());
    (module, first_error.into_iter().collect())
}

/// Line breaks in `text` (`\n`, `\r\n` and a lone `\r` each count once).
pub(crate) fn count_lines(text: &str) -> u32 {
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

// Shifts are by a two's-complement `u32` (a chunk may move back): the results are file offsets and lines.
fn shift_range(r: &mut TextRange, by: u32) {
    r.start = r.start.wrapping_add(by);
    r.end = r.end.wrapping_add(by);
}

fn shift_line(l: &mut u32, by: u32) {
    if *l > 0 {
        *l = l.wrapping_add(by);
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

    fn whole(src: &str) -> Module {
        let (m, errors) = crate::syntax::parse_source_level(src.as_bytes());
        assert!(errors.is_empty(), "{src}: {errors:?}");
        m
    }

    /// The cached, chunked parse gives the same tree as a whole-file parse, and its first error.
    #[test]
    fn chunked_parse_equals_whole_parse() {
        let src = "import time\n\nX = 1\n\n\ndef f(xs):\n    t = 0\n    for x in xs:\n        t += abs(x)\n    return t\n\n\nclass C:\n    def m(self):\n        return [i for i in range(3)]\n";
        let mut cache = ChunkCache::default();
        let (a, errors) = parse_cached(&Arc::from(src), &mut cache);
        assert!(errors.is_empty());
        assert_eq!(*a, whole(src));
        assert_eq!(cache.len(), 4);
        // An edit in one chunk reuses the others.
        let edited = src.replace("X = 1", "X = = 1");
        let (b, errors) = parse_cached(&Arc::from(edited.as_str()), &mut cache);
        assert_eq!(cache.reused(), 3);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, Some(3));
        assert_eq!(b.body.len(), a.body.len() - 1);
    }

    /// Edits that move, grow, shrink, duplicate, reorder and delete chunks: after each, the module equals a
    /// whole-file parse, and only the chunks whose text changed were parsed again.
    #[test]
    fn reused_chunks_are_shifted_to_their_new_place() {
        let parts = [
            "import time\n",
            "X = 1\n\n",
            "def f(xs):\n    t = 0\n    for x in xs:\n        t += abs(x) * X\n    return t\n\n",
            "class C:\n    def m(self, n):\n        return [i * n for i in range(3)]\n\n",
            "@time.ticks_us\ndef g():\n    pass\n",
            "if X:\n    Y = (1,\n 2)\nelse:\n    Y = 3\n",
        ];
        let mut cache = ChunkCache::default();
        let mut held = Vec::new();
        let variants: Vec<(Vec<&str>, usize)> = vec![
            (parts.to_vec(), 0),
            // A longer first chunk: every other chunk moves down, by bytes and by lines.
            ([&["import time\nimport machine\n\n\n"], &parts[1..]].concat(), 6),
            // Back: every chunk moves up.
            (parts.to_vec(), 6),
            // Reordered and duplicated chunks.
            (vec![parts[0], parts[3], parts[2], parts[1], parts[3], parts[5], parts[4]], 6),
            // Deleted chunks.
            (vec![parts[0], parts[5]], 2),
            (parts.to_vec(), 2),
        ];
        for (k, (v, reused)) in variants.iter().enumerate() {
            let src: String = v.concat();
            let (m, errors) = parse_cached(&Arc::from(src.as_str()), &mut cache);
            assert!(errors.is_empty());
            assert_eq!(*m, whole(&src), "variant {k}");
            assert_eq!(cache.reused(), *reused, "variant {k}");
            // Every other round the analysis is still held elsewhere: the next parse must copy, not take.
            if k % 2 == 1 {
                held.push(m);
            }
        }
    }
}
