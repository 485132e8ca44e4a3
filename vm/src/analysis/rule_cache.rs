//! The rules' diagnostics of one document kept from one edit to the next, per top-level statement: an edit
//! runs the rules only over the statements it can have changed the diagnostics of.
//!
//! A rule looks beyond the statement it reports in only through names: the module's facts about a name
//! (its bindings, `global` declarations, whether it is an integer constant, a module, a list used as a
//! buffer, a `bytes` value, an interrupt handler). So a statement whose text is unchanged keeps its
//! diagnostics unless it mentions a name through which a statement that changed (was added, removed or
//! edited) can affect it: a name the changed statement binds at module level or declares `global` (or, in
//! a module that registers interrupt handlers, defines as a function); a module-level name bound by assignment that it mentions (uses of such a name
//! decide MP101's renaming and MP102's buffers); or, if it mentions `irq`, a function it mentions (an
//! interrupt handler). Mentions are words of the text (strings and comments included), compared without
//! leading underscores (MP101 suggests `_NAME` only when that name is free). A few words affect every
//! statement (`const`: MP101 stays silent when `const` is bound to something else). Diagnostics whose
//! message depends on another statement's position (MP105 names the line of the `.irq()` call) are never
//! kept, and neither is anything when statements were reordered (MP101 reads constants in order).
//!
//! Only diagnostics without fixes are cached (`Fixes::Skip`): fixes depend on more (every name of the
//! module, where an import goes). `vm/tests/rule_cache.rs` checks the result against a full run.

use std::sync::Arc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{Checker, Diagnostic, Rule, Settings};
use crate::syntax::ast::{Module, TextRange};

/// Words whose change in any statement affects the diagnostics of every statement.
const GLOBAL_WORDS: &[&str] = &["const"];

/// When more statements than this fraction changed, the rules run over the whole module (the cache would
/// only add work).
const MAX_CHANGED_PERCENT: usize = 50;

/// One top-level statement of the last text.
#[derive(Debug, Default)]
struct Entry {
    /// Its span: from the end of the previous statement to its own end (leading comments and decorators
    /// included).
    span: (u32, u32),
    /// Its words, without leading underscores (hashed: a collision only makes the cache keep less).
    words: HashSet<u64>,
    /// The names it binds at module level, declares `global` or defines as functions (hashed likewise).
    bound: HashSet<u64>,
    /// Its diagnostics, with offsets counted back from the span's end.
    diagnostics: Vec<Diagnostic>,
    /// A diagnostic's message depends on another statement's position: never kept.
    positional: bool,
}

/// The rules' diagnostics of the last text, per top-level statement.
#[derive(Debug, Default)]
pub struct RuleCache {
    text: Option<Arc<str>>,
    entries: Vec<Entry>,
    /// The rules that ran (another selection empties the cache).
    rules: Vec<Rule>,
    /// Statements whose diagnostics the last call kept (the others were computed).
    kept: usize,
    /// The last module's names bound by an assignment at module level, and its functions' names (see
    /// [`Names`]).
    names: Names,
}

/// What makes a name changed statement's mention of a name matter to other statements.
#[derive(Debug, Default)]
struct Names {
    /// Module-level names bound by anything but an import, `def` or `class` (their uses decide MP101's
    /// renaming and MP102's buffers).
    assigned: HashSet<u64>,
    /// Every function's and method's name (an interrupt handler is found by name).
    functions: HashSet<u64>,
}

impl Names {
    fn of(facts: &super::ModuleFacts) -> Names {
        use super::semantic::BindingKind;
        let assigned = facts
            .scope
            .bindings
            .iter()
            .filter(|(_, bs)| {
                bs.iter().any(|b| {
                    !matches!(b.kind, BindingKind::Import { .. } | BindingKind::FromImport { .. } | BindingKind::FunctionDef | BindingKind::ClassDef)
                })
            })
            .map(|(n, _)| word_hash(n))
            .collect();
        Names { assigned, functions: facts.functions.iter().map(|f| word_hash(&f.def.name)).collect() }
    }
}

impl RuleCache {
    /// How many statements kept their diagnostics at the last call.
    pub fn kept(&self) -> usize {
        self.kept
    }
}

/// The words of a piece of source: runs of identifier characters that start with a letter, an underscore
/// or a non-ASCII byte, without their leading underscores (a superset of the names it mentions: words in
/// strings and comments count too).
fn words(text: &str) -> HashSet<u64> {
    let b = text.as_bytes();
    let mut out = HashSet::default();
    let is_word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
    let mut i = 0;
    while i < b.len() {
        if is_word(b[i]) && !b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && is_word(b[i]) {
                i += 1;
            }
            out.insert(word_hash(&text[start..i]));
        } else if b[i].is_ascii_digit() {
            // A number (with its suffixes and exponent letters) is not a word.
            while i < b.len() && is_word(b[i]) {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    out
}

/// A word's hash, without its leading underscores.
fn word_hash(w: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    w.trim_start_matches('_').hash(&mut h);
    h.finish()
}

/// Per top-level statement (by `spans`), the names it binds at module level, declares `global` in a
/// function, or (`with_functions`: when the module registers interrupt handlers, which are found by name)
/// defines as a function or method.
fn bound_names(facts: &super::ModuleFacts, spans: &[(u32, u32)], with_functions: bool) -> Vec<HashSet<u64>> {
    let mut out: Vec<HashSet<u64>> = (0..spans.len()).map(|_| HashSet::default()).collect();
    let at = |r: TextRange| spans.partition_point(|s| s.1 <= r.start).min(spans.len().saturating_sub(1));
    for (name, bs) in &facts.scope.bindings {
        for b in bs {
            if let Some(set) = out.get_mut(at(b.stmt_range)) {
                set.insert(word_hash(name));
            }
        }
    }
    for (f, scope) in facts.functions.iter().zip(&facts.function_scopes) {
        if let Some(set) = out.get_mut(at(f.stmt.range)) {
            if with_functions {
                set.insert(word_hash(&f.def.name));
            }
            set.extend(scope.declared_global.iter().map(|n| word_hash(n)));
        }
    }
    out
}

/// The spans of the module's top-level statements (see [`Entry::span`]).
fn spans(module: &Module) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(module.body.len());
    let mut prev = 0u32;
    for s in &module.body {
        let end = s.range.end.max(prev);
        out.push((prev, end));
        prev = end;
    }
    out
}

/// The enabled rules' diagnostics without fixes and before `# noqa` and severities (what
/// [`Checker::run`] returns with `Fixes::Skip`), computed only for the statements an edit can have
/// changed; the others are taken from `cache`, which is updated for the next call.
pub(crate) fn diagnostics(source: &Arc<str>, module: &Module, settings: &Settings, cache: &mut RuleCache) -> Vec<Diagnostic> {
    let rules: Vec<Rule> = Rule::ALL.iter().copied().filter(|r| settings.is_enabled(*r)).collect();
    let spans = spans(module);
    let old_text = cache.text.take();
    let mut old = std::mem::take(&mut cache.entries);
    if cache.rules != rules {
        old.clear();
        cache.rules = rules;
    }
    // Pair new statements with old ones of the same text, in order.
    let mut matched: Vec<Option<usize>> = vec![None; spans.len()];
    if let Some(old_text) = old_text.as_deref() {
        let mut by_text: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, e) in old.iter().enumerate().rev() {
            by_text.entry(statement_text(old_text, e.span)).or_default().push(i);
        }
        for (k, &(s, e)) in spans.iter().enumerate() {
            if let Some(list) = by_text.get_mut(statement_text(source, (s, e))) {
                matched[k] = list.pop();
            }
        }
    }
    // Reordered statements: nothing is kept.
    let in_order = matched.iter().flatten().try_fold(None::<usize>, |prev, &i| (prev.is_none_or(|p| p < i)).then_some(Some(i))).is_some();
    let unmatched_new: Vec<usize> = (0..spans.len()).filter(|&k| matched[k].is_none()).collect();
    let mut used_old = vec![false; old.len()];
    for i in matched.iter().flatten() {
        used_old[*i] = true;
    }
    // The names through which the statements that changed (new ones not matched, old ones gone) can
    // change what the rules find in others: the names they bind, declare `global` or define; the
    // module-level names bound by assignment that they mention (uses decide MP101's renaming and MP102's
    // buffers); and, when they mention `irq`, the functions they mention (interrupt handlers).
    let checker = Checker::new(source, module, settings).with_fixes(super::Fixes::Skip);
    let names = Names::of(&checker.facts);
    let irq = word_hash("irq");
    let new_texts: Vec<HashSet<u64>> = unmatched_new.iter().map(|&k| words(&source[spans[k].0 as usize..spans[k].1 as usize])).collect();
    let handlers = old.iter().any(|e| e.words.contains(&irq)) || new_texts.iter().any(|w| w.contains(&irq));
    let mut bound = bound_names(&checker.facts, &spans, handlers);
    let mut changed: HashSet<u64> = HashSet::default();
    let mut global = false;
    let mut new_words: Vec<Option<HashSet<u64>>> = (0..spans.len()).map(|_| None).collect();
    let mut add_changed = |words: &HashSet<u64>, bound: &HashSet<u64>, changed: &mut HashSet<u64>| {
        changed.extend(bound.iter().copied());
        let handlers = words.contains(&irq);
        for w in words {
            let assigned = names.assigned.contains(w) || cache.names.assigned.contains(w);
            let function = handlers && (names.functions.contains(w) || cache.names.functions.contains(w));
            if assigned || function {
                changed.insert(*w);
            }
        }
        global |= GLOBAL_WORDS.iter().any(|g| words.contains(&word_hash(g)));
    };
    for (&k, w) in unmatched_new.iter().zip(new_texts) {
        add_changed(&w, &bound[k], &mut changed);
        new_words[k] = Some(w);
    }
    for (i, e) in old.iter().enumerate() {
        if !used_old[i] {
            add_changed(&e.words, &e.bound, &mut changed);
        }
    }
    cache.names = names;
    let too_many = unmatched_new.len() * 100 > spans.len() * MAX_CHANGED_PERCENT;
    let keep_any = in_order && !too_many && !global && !old.is_empty();
    // Which statements keep their diagnostics.
    let keep: Vec<bool> = (0..spans.len())
        .map(|k| {
            keep_any
                && matched[k].is_some_and(|i| {
                    let e = &old[i];
                    !e.positional && !changed.iter().any(|w| e.words.contains(w))
                })
        })
        .collect();
    cache.kept = keep.iter().filter(|k| **k).count();
    // Run the rules over the other statements.
    let only: Vec<TextRange> = (0..spans.len()).filter(|&k| !keep[k]).map(|k| TextRange::new(spans[k].0, spans[k].1)).collect();
    let fresh = if only.is_empty() {
        Vec::new()
    } else if cache.kept == 0 {
        checker.run()
    } else {
        checker.only(only).run()
    };
    // Each fresh diagnostic goes to the statement its start lies in.
    let mut per: Vec<Vec<Diagnostic>> = (0..spans.len()).map(|_| Vec::new()).collect();
    for d in fresh {
        let k = spans.partition_point(|s| s.1 <= d.range.start).min(spans.len().saturating_sub(1));
        if let Some(list) = per.get_mut(k) {
            list.push(d);
        }
    }
    let mut out = Vec::new();
    let mut entries = Vec::with_capacity(spans.len());
    for (k, &span) in spans.iter().enumerate() {
        let (words, mut diagnostics) = match matched[k] {
            Some(i) if keep[k] => {
                let e = std::mem::take(&mut old[i]);
                let mut diagnostics = e.diagnostics;
                for d in &mut diagnostics {
                    shift(d, span.1);
                }
                (e.words, diagnostics)
            }
            Some(i) => (std::mem::take(&mut old[i].words), std::mem::take(&mut per[k])),
            None => (new_words[k].take().unwrap_or_default(), std::mem::take(&mut per[k])),
        };
        let bound = std::mem::take(&mut bound[k]);
        out.extend(diagnostics.iter().cloned());
        for d in &mut diagnostics {
            shift(d, span.1);
        }
        let positional = diagnostics.iter().any(|d| d.rule() == Some(Rule::AllocationInIrqHandler));
        entries.push(Entry { span, words, bound, diagnostics, positional });
    }
    cache.entries = entries;
    cache.text = Some(source.clone());
    out
}

/// A statement's text, as compared from one edit to the next: its span without the blank lines and
/// indentation before it (moving a statement down a line does not change it).
fn statement_text(text: &str, (s, e): (u32, u32)) -> &str {
    text.get(s as usize..e as usize).unwrap_or("").trim_start_matches([' ', '\t', '\n', '\r', '\x0c'])
}

/// A diagnostic moved between absolute offsets and offsets counted back from the end of its statement's
/// span (`end`; the end, because the compared text ends there: see [`statement_text`]), either way.
fn shift(d: &mut Diagnostic, end: u32) {
    // The same map both ways (v -> end - v), with start and end swapped to keep start <= end.
    d.range = TextRange::new(end.saturating_sub(d.range.end), end.saturating_sub(d.range.start));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::recover;

    /// `n` driver classes, each with a constant, a loop over a buffer and a global read in a loop.
    fn program(n: usize) -> String {
        let mut s = String::from("import time\n");
        for i in 0..n {
            s += &format!(
                "LIMIT_{i} = {i}\n\nclass Sensor{i}:\n    def read(self, n):\n        t = 0\n        for k in range(n):\n            t += self.buf[k] * abs(k - LIMIT_{i})\n            time.sleep_us(1)\n        return t\n\n"
            );
        }
        s
    }

    /// The cached diagnostics of `text` after `cache` saw the previous text, checked against a full run;
    /// returns how many statements kept theirs.
    fn step(text: &str, cache: &mut RuleCache) -> usize {
        let text: Arc<str> = Arc::from(text);
        let module = recover::parse_recovering(&text).module;
        let settings = Settings::default();
        let cached = super::super::rule_diagnostics_cached(&text, &module, &settings, cache);
        let full = super::super::rule_diagnostics_with(&text, &module, &settings, super::super::Fixes::Skip);
        assert_eq!(cached, full);
        cache.kept()
    }

    #[test]
    fn an_edit_checks_only_the_statements_that_share_a_module_name_with_it() {
        let base = program(20);
        let mut cache = RuleCache::default();
        assert_eq!(step(&base, &mut cache), 0);
        // 41 statements: the import, and a constant and a class per driver. A new value of LIMIT_7 is
        // checked with the class that reads it.
        assert_eq!(step(&base.replace("LIMIT_7 = 7", "LIMIT_7 = 8"), &mut cache), 39);
        // Back to LIMIT_7 = 7 (checked with Sensor7), and a new attribute in Sensor3: a new local name or
        // attribute is no module name, but Sensor3 mentions LIMIT_3, whose uses MP101 reads.
        assert_eq!(step(&base.replace("self.buf[k] * abs(k - LIMIT_3)", "self.buf2[k] * abs(k - LIMIT_3)"), &mut cache), 37);
        // An edit that shifts every statement keeps them all but the new one.
        let shifted = format!("\n\n{base}");
        assert_eq!(step(&shifted, &mut cache), 39);
        // Rebinding `abs` at module level changes what every loop that reads it is told.
        assert_eq!(step(&format!("{shifted}abs = len\n"), &mut cache), 21);
        // `const` bound to something else silences MP101 everywhere: nothing is kept.
        assert_eq!(step(&format!("{shifted}const = 3\n"), &mut cache), 0);
        // Swapped statements: nothing is kept (MP101 reads constants in order).
        let swapped = base.replacen("import time\n", "", 1) + "import time\n";
        step(&base, &mut cache);
        assert_eq!(step(&swapped, &mut cache), 0);
    }

    #[test]
    fn words_drop_leading_underscores_and_numbers() {
        let w = words("_LIMIT_3 = 0x1F + __x + 3e5 + café  # note");
        let expected: HashSet<u64> = ["LIMIT_3", "café", "note", "x"].iter().map(|w| word_hash(w)).collect();
        assert_eq!(w, expected);
        assert_eq!(word_hash("__x"), word_hash("x"));
    }
}
