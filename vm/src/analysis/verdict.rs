//! A provisional compiler verdict for the editor, from the file's top-level statements compiled one by one
//! and cached by their text, so that an edit recompiles only the statement it touches.
//!
//! The exact verdict is the whole-file compile (`compile_error`), which the editor still runs after this one
//! and which wins whenever the two differ. This one is only *offered* when it is very likely the same:
//! every chunk (see [`chunks::split`](super::chunks::split)) has a cached verdict, and at most one of them
//! is an error. Each chunk is compiled after a prelude of the `NAME = const(...)` statements before it that
//! it mentions (MicroPython folds those names at parse time, which can decide a viper function's types), and
//! its error is moved back to the chunk's place in the file. What a chunk cannot see (the order mpy-cross reports
//! errors of *several* scopes in, a module compiled with `emit=native` as one scope) only matters when two
//! chunks have errors, and then no provisional verdict is given.

use rustc_hash::FxHashMap as HashMap;

use super::chunks::{self, count_lines};
use crate::error::CompileError;
use crate::options::CompileOptions;
use crate::syntax::ast::TextRange;

/// A chunk's verdict relative to the chunk: line 1 is its first line, offset 0 its first byte.
type Relative = Option<CompileError>;

/// The cached verdicts of one document's chunks, for one set of compile options.
#[derive(Debug, Default)]
pub struct VerdictCache {
    /// The options the entries are for; other options empty the cache.
    options: Option<CompileOptions>,
    /// `(hash of the prelude, hash of the chunk text)` → the chunk's text and verdict.
    entries: HashMap<(u64, u64), (Box<str>, Relative)>,
}

/// One chunk of a source: its byte range, the lines before it, how many const definitions precede it, and
/// its cache key (the hash of those definitions and of its text).
struct Chunk {
    start: usize,
    end: usize,
    line_base: u32,
    consts_before: usize,
    key: (u64, u64),
}

/// The chunks of `source` (its [`chunks::split`]), and its const definitions `(name, text)` in source order.
fn layout<'s>(source: &'s str, ranges: &[(usize, usize)]) -> (Vec<Chunk>, Vec<(&'s str, &'s str)>) {
    let mut out = Vec::new();
    let mut consts: Vec<(&str, &str)> = Vec::new();
    let mut consts_hash = 0u64;
    let mut line_base = 0u32;
    for &(start, end) in ranges {
        let text = &source[start..end];
        out.push(Chunk { start, end, line_base, consts_before: consts.len(), key: (consts_hash, hash(text)) });
        if let Some(name) = defines_const(text) {
            consts.push((name, text));
            consts_hash = hash((consts_hash, text));
        }
        line_base += count_lines(text);
    }
    (out, consts)
}

/// The const definitions among `consts` that `text` needs, directly or through another definition.
fn prelude_for(text: &str, consts: &[(&str, &str)]) -> String {
    if consts.is_empty() {
        return String::new();
    }
    let mut needed: rustc_hash::FxHashSet<&str> = words(text).collect();
    let mut picked = vec![false; consts.len()];
    for (i, (name, def)) in consts.iter().enumerate().rev() {
        if needed.contains(name) {
            picked[i] = true;
            needed.extend(words(def));
        }
    }
    let mut prelude = String::new();
    for (i, (_, def)) in consts.iter().enumerate() {
        if picked[i] {
            prelude.push_str(def);
            if !def.ends_with('\n') {
                prelude.push('\n');
            }
        }
    }
    prelude
}

/// The identifier-like words of a text.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty())
}

/// The name when a chunk is one `NAME = const(...)` statement (a name MicroPython folds in the code after
/// it).
fn defines_const(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let name_len = t.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(t.len());
    if name_len == 0 || t.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let rest = t[name_len..].trim_start().strip_prefix('=')?;
    (!rest.starts_with('=') && rest.trim_start().starts_with("const(")).then(|| &t[..name_len])
}

fn hash(v: impl std::hash::Hash) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(v)
}

/// Compiles one chunk after its prelude; the error (if any) relative to the chunk, or `Err(())` when the
/// error lies in the prelude (the chunk's verdict is then unknown).
fn compile_chunk(prelude: &str, chunk: &str, opts: &CompileOptions) -> Result<Relative, ()> {
    let text = format!("{prelude}{chunk}");
    let Some(mut e) = super::compile_error(&text, opts) else { return Ok(None) };
    let lines = count_lines(prelude);
    let bytes = prelude.len() as u32;
    if let Some(l) = e.line {
        if l <= lines {
            return Err(());
        }
        e.line = Some(l - lines);
    }
    if e.range != TextRange::default() {
        if e.range.start < bytes {
            return Err(());
        }
        e.range = TextRange::new(e.range.start - bytes, e.range.end - bytes);
    }
    Ok(Some(e))
}

impl VerdictCache {
    fn reset_for(&mut self, opts: &CompileOptions) {
        if self.options.as_ref() != Some(opts) {
            self.entries.clear();
            self.options = Some(opts.clone());
        }
    }

    /// Number of cached chunk verdicts.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The provisional verdict for `source`, whose chunks are `ranges` (its [`chunks::split`]): `Some(None)`
    /// (compiles), `Some(Some(error))` in file coordinates, or `None` (not known: more than `budget` bytes
    /// of chunks to compile, an error in a prelude, or two chunks with errors). Compiles the chunks that are
    /// not cached yet when they fit the budget, and forgets the verdicts of chunks the source no longer has.
    pub fn provisional(
        &mut self,
        source: &str,
        ranges: &[(usize, usize)],
        opts: &CompileOptions,
        budget: usize,
    ) -> Option<Option<CompileError>> {
        self.reset_for(opts);
        let (chunks, consts) = layout(source, ranges);
        let text = |c: &Chunk| &source[c.start..c.end];
        let is_cached = |c: &Chunk| self.entries.get(&c.key).is_some_and(|(t, _)| **t == *text(c));
        let missing: usize = chunks.iter().filter(|c| !is_cached(c)).map(|c| c.end - c.start).sum();
        if missing > budget {
            return None;
        }
        // Every chunk's verdict (cached or compiled now); the cache keeps exactly the chunks of this source,
        // moved over from the old one.
        let mut old = std::mem::take(&mut self.entries);
        let mut verdicts: Vec<Option<Relative>> = Vec::with_capacity(chunks.len());
        for c in &chunks {
            let known = match self.entries.get(&c.key) {
                Some((t, v)) if **t == *text(c) => Some(v.clone()),
                _ => old.remove(&c.key).filter(|(t, _)| **t == *text(c)).map(|(t, v)| {
                    self.entries.insert(c.key, (t, v.clone()));
                    v
                }),
            };
            let verdict = known.or_else(|| {
                let v = compile_chunk(&prelude_for(text(c), &consts[..c.consts_before]), text(c), opts).ok()?;
                self.entries.insert(c.key, (text(c).into(), v.clone()));
                Some(v)
            });
            verdicts.push(verdict);
        }
        let mut found: Option<CompileError> = None;
        for (c, verdict) in chunks.iter().zip(verdicts) {
            let Some(mut e) = verdict? else { continue };
            if found.is_some() {
                return None;
            }
            e.line = e.line.map(|x| x + c.line_base);
            if e.range != TextRange::default() {
                e.range = TextRange::new(e.range.start + c.start as u32, e.range.end + c.start as u32);
            }
            found = Some(e);
        }
        Some(found)
    }

    /// Compiles and caches every chunk of `source` that is not cached yet (for the next edit's
    /// [`VerdictCache::provisional`]); run where a whole-file compile is affordable.
    pub fn fill(&mut self, source: &str, opts: &CompileOptions) {
        let jobs = self.to_fill(source, opts);
        self.add(compile_all(jobs));
    }

    /// The chunks of `source` that [`VerdictCache::fill`] would compile, for [`compile_all`] to compile
    /// without holding the cache (an editor's fast analysis may want it meanwhile).
    pub fn to_fill(&mut self, source: &str, opts: &CompileOptions) -> Vec<FillJob> {
        self.reset_for(opts);
        let (chunks, consts) = layout(source, &chunks::split(source));
        chunks
            .into_iter()
            .filter(|c| self.entries.get(&c.key).is_none_or(|(t, _)| **t != source[c.start..c.end]))
            .map(|c| FillJob {
                key: c.key,
                text: source[c.start..c.end].into(),
                prelude: prelude_for(&source[c.start..c.end], &consts[..c.consts_before]),
                options: opts.clone(),
            })
            .collect()
    }

    /// Adds what [`compile_all`] found (for the options the cache is still for).
    pub fn add(&mut self, done: Vec<(FillJob, Relative)>) {
        for (job, verdict) in done {
            if self.options.as_ref() == Some(&job.options) {
                self.entries.insert(job.key, (job.text, verdict));
            }
        }
    }
}

/// A chunk to compile for the cache.
#[derive(Debug)]
pub struct FillJob {
    key: (u64, u64),
    prelude: String,
    text: Box<str>,
    options: CompileOptions,
}

/// Compiles the chunks of [`VerdictCache::to_fill`]; those whose verdict cannot be told (an error in the
/// prelude) are left out.
pub fn compile_all(jobs: Vec<FillJob>) -> Vec<(FillJob, Relative)> {
    jobs.into_iter()
        .filter_map(|j| {
            let v = compile_chunk(&j.prelude, &j.text, &j.options).ok()?;
            Some((j, v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_const_definitions() {
        assert_eq!(defines_const("_N = const(4)\n"), Some("_N"));
        assert_eq!(defines_const("LIMIT=const(1 << 3)\n"), Some("LIMIT"));
        assert_eq!(defines_const("x == const(4)\n"), None);
        assert_eq!(defines_const("def f(): pass\n"), None);
        assert_eq!(defines_const("x = constant(1)\n"), None);
        let consts = [("A", "A = const(1)\n"), ("B", "B = const(A * 2)\n"), ("C", "C = const(3)\n")];
        assert_eq!(prelude_for("def f():\n    return B\n", &consts), "A = const(1)\nB = const(A * 2)\n");
        assert_eq!(prelude_for("x = 1\n", &consts), "");
    }

    #[test]
    fn one_error_is_found_and_placed_in_the_file() {
        let mut c = VerdictCache::default();
        let opts = CompileOptions::default();
        let src = "import micropython\n_N = const(4)\n\ndef f(x):\n    return x\n\nreturn 1\n";
        let e = c.provisional(src, &chunks::split(src), &opts, usize::MAX).expect("known").expect("an error");
        let full = super::super::compile_error(src, &opts).unwrap();
        assert_eq!((e.message.as_str(), e.line, e.range), (full.message.as_str(), full.line, full.range));
        // An edit elsewhere compiles only the new chunk.
        let src2 = src.replace("return x", "return x + 1");
        assert!(c.provisional(&src2, &chunks::split(&src2), &opts, 64).expect("within budget").is_some());
        // Two chunks with errors: no provisional verdict.
        let src3 = format!("{src2}break\n");
        assert!(c.provisional(&src3, &chunks::split(&src3), &opts, usize::MAX).is_none());
    }

    #[test]
    fn the_const_prelude_decides_viper_types() {
        let mut c = VerdictCache::default();
        let opts = CompileOptions { arch: Some(crate::mpy::Arch::X64), ..CompileOptions::default() };
        // Without the prelude, `_N` would be a global (an object) and the assignment a viper type error.
        let alone = super::super::compile_error("@micropython.viper\ndef f() -> int:\n    x = 1\n    x = _N\n    return x\n", &opts);
        assert!(alone.is_some_and(|e| e.message.contains("has type 'int' but source is 'object'")));
        let src = "_N = const(4)\n\n@micropython.viper\ndef f() -> int:\n    x = 1\n    x = _N\n    return x\n";
        assert_eq!(super::super::compile_error(src, &opts).map(|e| e.message), None);
        assert!(c.provisional(src, &chunks::split(src), &opts, usize::MAX).expect("known").is_none());
    }
}
