//! Mends: MicroPython's grammar is looser than rustpython's, and leaves some judgements to its compiler.
//! From the [`Facts`] the parse loop found, this decides how the text for rustpython is adjusted so that it
//! parses into the tree MicroPython compiles, and which compile-stage errors rustpython cannot reach.
//!
//! * `from m import a, b,`: the trailing comma is blanked (compiled exactly like `from m import a, b`).
//! * `a, b: int = 1, 2` (an annotated tuple target): the target is put in parentheses, which rustpython
//!   takes as one annotated target; the compiler treats both alike (an annotated assignment to a tuple).
//! * `target := value` with a target that is not a name: the target becomes a fresh name of the same
//!   length (so every offset stays valid), and lowering parses the original target text on its own; the
//!   compiler then reports `can't assign to expression` (or accepts `(a) := 1`) in its own order.
//! * `f(**a, o := y)`, `f(k=1, o := y)`: a walrus argument after `**` or a keyword argument, which
//!   MicroPython compiles (an `argument` node skips its compiler's order checks) and rustpython's grammar
//!   refuses: `:=` becomes `= ` (a keyword argument for rustpython), and lowering turns that keyword back
//!   into the positional walrus it was.
//! * `f((a)=1)`: the parentheses around the keyword name are blanked (MicroPython drops them).
//! * `f(1=2)`, `f(a.b=1)`: `LHS of keyword arg must be an id`, and displays mixing set and dict items:
//!   `expecting just a value for set` / `expecting key:value for dict`. These become [`GapError`]s,
//!   reported where rustpython stops (see `syntax::gaps`), at the line of MicroPython's parse node.

use super::lexer::{TokKind, Token};
use super::recognize::Facts;

/// A change to the text of one token for rustpython.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Edit {
    /// `(` before the token.
    OpenBefore,
    /// `)` before the token.
    CloseBefore,
    /// Tokens from this one up to (not including) token `end` become one fresh name of the same length.
    NameUntil(usize),
    /// The token becomes blanks.
    Blank,
    /// The `:=` token becomes `= `: a walrus argument rustpython would refuse, read as a keyword argument.
    Assign,
}

/// A compile-stage error rustpython cannot reach: `message` at the line of token `line_token`, in the scope
/// around token `anchor` (which is also where rustpython stops at the latest).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GapError {
    pub anchor: usize,
    pub line_token: usize,
    pub message: &'static str,
}

/// What [`plan`] decided.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mends {
    /// `(token index, edit)`, sorted.
    pub edits: Vec<(usize, Edit)>,
    /// Sorted by anchor.
    pub errors: Vec<GapError>,
}

impl Mends {
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty() && self.errors.is_empty()
    }
}

/// Works out the mends for a program the parse loop accepted with `facts`.
pub fn plan(tokens: &[Token], facts: &Facts) -> Mends {
    let mut m = Mends::default();
    for &comma in &facts.trailing_import_commas {
        m.edits.push((comma, Edit::Blank));
    }
    for &(start, colon) in &facts.annotated {
        if has_top_level_comma(&tokens[start..colon]) {
            m.edits.push((start, Edit::OpenBefore));
            m.edits.push((colon, Edit::CloseBefore));
        }
    }
    for &(start, walrus) in &facts.walrus {
        if !is_name(tokens, start, walrus) {
            m.edits.push((start, Edit::NameUntil(walrus)));
        }
    }
    for &(start, walrus) in &facts.walrus_arguments {
        if after_keyword_or_mapping(tokens, facts, start) {
            m.edits.push((walrus, Edit::Assign));
        }
    }
    for &(start, eq) in &facts.keywords {
        if is_name(tokens, start, eq) {
            continue;
        }
        match parenthesised_name(tokens, start, eq) {
            Some(parens) => m.edits.extend(parens.into_iter().map(|i| (i, Edit::Blank))),
            None => m.errors.push(GapError { anchor: start, line_token: start, message: "LHS of keyword arg must be an id" }),
        }
    }
    mixed_displays(tokens, facts, &mut m.errors);
    m.edits.sort();
    m.errors.sort_by_key(|e| e.anchor);
    m
}

/// Whether tokens `[start, end)` are one identifier.
fn is_name(tokens: &[Token], start: usize, end: usize) -> bool {
    end == start + 1 && tokens[start].kind == TokKind::Name
}

/// The indices of the parentheses when tokens `[start, end)` are a name in one or more pairs of them.
fn parenthesised_name(tokens: &[Token], start: usize, end: usize) -> Option<Vec<usize>> {
    let span = &tokens[start..end];
    let opens = span.iter().take_while(|t| t.kind == TokKind::Op("(")).count();
    let closes = span.iter().rev().take_while(|t| t.kind == TokKind::Op(")")).count();
    (opens > 0 && opens == closes && span.len() == 2 * opens + 1 && span[opens].kind == TokKind::Name)
        .then(|| (start..start + opens).chain(end - closes..end).collect())
}

/// Whether the argument starting at token `start` follows a `**mapping` or a keyword argument of the same
/// call: rustpython's grammar then refuses a positional argument, and only a keyword may follow.
fn after_keyword_or_mapping(tokens: &[Token], facts: &Facts, start: usize) -> bool {
    let mut depth = 0i32;
    for i in (0..start).rev() {
        match tokens[i].kind {
            TokKind::Op(")" | "]" | "}") => depth += 1,
            TokKind::Op("(" | "[" | "{") if depth == 0 => return false,
            TokKind::Op("(" | "[" | "{") => depth -= 1,
            TokKind::Op("**") if depth == 0 && i > 0 && matches!(tokens[i - 1].kind, TokKind::Op("(" | ",")) => {
                return true
            }
            TokKind::Op("=") if depth == 0 && facts.keywords.iter().any(|k| k.1 == i) => return true,
            _ => {}
        }
    }
    false
}

/// Whether a `,` occurs outside brackets among `tokens`.
fn has_top_level_comma(tokens: &[Token]) -> bool {
    let mut depth = 0i32;
    for t in tokens {
        match t.kind {
            TokKind::Op("(" | "[" | "{") => depth += 1,
            TokKind::Op(")" | "]" | "}") => depth -= 1,
            TokKind::Op(",") if depth == 0 => return true,
            _ => {}
        }
    }
    false
}

/// Displays whose items are not all `key: value` or all plain values: `compile_atom_brace_helper` stops at
/// the first item unlike the first one, with the line of the display's first item.
fn mixed_displays(tokens: &[Token], facts: &Facts, errors: &mut Vec<GapError>) {
    // Items of one display are recorded in source order, but nested displays interleave with them.
    let mut displays: Vec<(usize, bool, bool)> = Vec::new(); // (first item, is dict, error found)
    for &(display, item, colon) in &facts.display_items {
        if tokens.get(item).is_some_and(|t| t.kind == TokKind::Op("}")) {
            continue; // the parse loop tried an item after a trailing comma and backtracked
        }
        match displays.iter_mut().find(|d| d.0 == display) {
            None => displays.push((display, colon.is_some(), false)),
            Some(d) if !d.2 && d.1 != colon.is_some() => {
                d.2 = true;
                let message = if d.1 { "expecting key:value for dict" } else { "expecting just a value for set" };
                errors.push(GapError { anchor: item, line_token: display, message });
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::lexer::Lexer;
    use crate::syntax::recognize::recognize;

    fn plan_of(src: &str) -> (Vec<Token>, Mends) {
        let toks = Lexer::tokenize(src.as_bytes(), 0);
        let facts = recognize(&toks).expect("MicroPython's parser accepts it");
        let m = plan(&toks, &facts);
        (toks, m)
    }

    #[test]
    fn plans_edits_for_looser_grammar() {
        let (_, m) = plan_of("from m import a, b,\n");
        assert_eq!(m.edits, vec![(6, Edit::Blank)]);
        let (_, m) = plan_of("a, b: int = 1, 2\nc: int = 3\n");
        assert_eq!(m.edits, vec![(0, Edit::OpenBefore), (3, Edit::CloseBefore)]);
        let (_, m) = plan_of("(a.b := 1)\nf(x := 2)\n");
        assert_eq!(m.edits, vec![(1, Edit::NameUntil(4))]);
        let (_, m) = plan_of("f(**a, o := y)\nf(x, o := y)\nf(k=1, (o := y), p := z)\n");
        assert_eq!(m.edits, vec![(6, Edit::Assign), (32, Edit::Assign)]);
        let (_, m) = plan_of("f(((a))=1, b=2)\n");
        assert_eq!(m.edits.iter().filter(|e| e.1 == Edit::Blank).count(), 4);
        assert!(m.errors.is_empty());
    }

    #[test]
    fn finds_compile_stage_errors() {
        let (_, m) = plan_of("f(1=2)\n");
        assert_eq!(m.errors, vec![GapError { anchor: 2, line_token: 2, message: "LHS of keyword arg must be an id" }]);
        let (_, m) = plan_of("d = {3,\n 1: 2, {4: 5}}\n");
        assert_eq!(m.errors.len(), 1);
        assert_eq!((m.errors[0].line_token, m.errors[0].message), (3, "expecting just a value for set"));
        let (_, m) = plan_of("d = {1: 2, {3, 4}: 5, 6,}\n");
        assert_eq!(m.errors.iter().map(|e| e.message).collect::<Vec<_>>(), ["expecting key:value for dict"]);
        let (_, m) = plan_of("d = {1, 2,}\ne = {}\n");
        assert!(m.is_empty());
    }
}
