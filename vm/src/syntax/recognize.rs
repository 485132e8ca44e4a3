//! MicroPython's parse loop (`mp_parse` in `py/parse.c`) run over our tokens, only to find out whether and
//! where mpy-cross stops with an error. It builds no tree.
//!
//! The loop is the C one: an explicit rule stack, `or`/`and`/list rules, a backtrack flag, and failure on
//! a token once an `and` or list rule has consumed tokens. The error is raised at the current token:
//! `IndentationError` for an unexpected `INDENT` or a dedent mismatch, `malformed f-string`, else
//! `invalid syntax`. Errors that happen *while* parsing come out in the same order as in mpy-cross:
//! * a number literal MicroPython cannot parse fails when the parser consumes it;
//! * `\N{...}` in a string fails when the lexer reads that token, i.e. when the parser moves past the
//!   token before it;
//! * the rule stack outgrowing mpy-cross's heap is a `MemoryError` (deeply nested brackets).
//!
//! On success it reports [`Facts`]: where the program uses forms of MicroPython's looser grammar that
//! rustpython's grammar does not have (walrus and keyword targets that are expressions, annotated tuple
//! targets, mixed dict/set displays, a trailing comma after `from m import a,`), found exactly as the parse
//! loop met them, for [`mend`](super::mend).

use super::grammar::{rule_index, terminal_index, Arg, Kind, GRAMMAR};
use super::lexer::{TokKind, Token};
use super::literal;

/// Why MicroPython's parser stops.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// A syntax error at the current token.
    Syntax,
    /// A number token MicroPython's number parser rejects, when it is consumed.
    Literal(literal::LiteralErrorKind),
    /// `NotImplementedError: unicode name escapes` while lexing the token.
    NameEscape,
    /// The rule stack would need `bytes` bytes, more than mpy-cross's heap gives.
    Memory { bytes: usize },
}

/// The first failure and the index of the token where it happens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stop {
    pub token: usize,
    pub failure: Failure,
}

/// mpy-cross's rule stack starts with room for 64 entries, grows by 16, and a 16-byte entry; the
/// allocation of 129920 entries (2078720 bytes) is the first that its heap refuses.
const RULE_STACK_INIT: usize = 64;
const RULE_STACK_INC: usize = 16;
const RULE_STACK_FAIL: usize = 129_920;
const RULE_ENTRY_BYTES: usize = 16;

/// The terminal id of the end of input.
const END: u8 = terminal_index("END");

/// Forms of MicroPython's grammar that its *compiler* judges, by token index (`start` is a rule's first
/// token, `at` the token that revealed the form).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// `target := value` (in `namedexpr_test` or `argument`): `(start of target, index of ':=')`.
    pub walrus: Vec<(usize, usize)>,
    /// The walruses of `walrus` that are call arguments (`argument` rule): `(start of target, index of ':=')`.
    pub walrus_arguments: Vec<(usize, usize)>,
    /// `target = value` keyword arguments: `(start of target, index of '=')`.
    pub keywords: Vec<(usize, usize)>,
    /// `target: annotation [= value]` statements: `(start of target, index of ':')`.
    pub annotated: Vec<(usize, usize)>,
    /// Items of dict/set displays with more than one item: `(start of the display's first item, start of
    /// the item, index of the item's ':' if it has one)`, in source order.
    pub display_items: Vec<(usize, usize, Option<usize>)>,
    /// A `,` that ends the names of `from m import a, b,`.
    pub trailing_import_commas: Vec<usize>,
}

/// Indices of the rules whose tokens make [`Facts`].
mod watched {
    use super::rule_index;
    pub const NAMEDEXPR_TEST: usize = rule_index("namedexpr_test");
    pub const NAMEDEXPR_TEST_2: usize = rule_index("namedexpr_test_2");
    pub const ARGUMENT: usize = rule_index("argument");
    pub const ARGUMENT_2: usize = rule_index("argument_2");
    pub const ARGUMENT_3: usize = rule_index("argument_3");
    pub const GENERIC_EQUAL_TEST: usize = rule_index("generic_equal_test");
    pub const GENERIC_COLON_TEST: usize = rule_index("generic_colon_test");
    pub const EXPR_STMT: usize = rule_index("expr_stmt");
    pub const EXPR_STMT_2: usize = rule_index("expr_stmt_2");
    pub const ANNASSIGN: usize = rule_index("annassign");
    pub const DICTORSETMAKER: usize = rule_index("dictorsetmaker");
    pub const DICTORSETMAKER_ITEM: usize = rule_index("dictorsetmaker_item");
    pub const IMPORT_AS_NAMES: usize = rule_index("import_as_names");
    /// Whether a token consumed by a rule may make a fact (a quick test in the parse loop).
    pub const CONSUMES_FACTS: [bool; super::super::grammar::RULES.len()] = {
        let mut t = [false; super::super::grammar::RULES.len()];
        let all = [NAMEDEXPR_TEST_2, ARGUMENT_3, GENERIC_EQUAL_TEST, GENERIC_COLON_TEST, ANNASSIGN, IMPORT_AS_NAMES];
        let mut i = 0;
        while i < all.len() {
            t[all[i]] = true;
            i += 1;
        }
        t
    };
}

struct Parser<'a> {
    tokens: &'a [Token],
    /// The terminal id of each token (read at every step: kept apart from the large tokens).
    terms: Vec<u8>,
    pos: usize,
    /// `(rule, next argument, first token)` per pending rule.
    stack: Vec<(u16, u16, u32)>,
    alloc: usize,
    facts: Facts,
    /// Simulating a descent for [`skip`]: stop (with an error) instead of consuming a token or recording
    /// a fact.
    sim: bool,
    /// The most entries the rule stack held at a `room` check, plus one (the peak of a simulated descent).
    peak: usize,
    /// Tests: the stack size where a descent the fast path could skip started, and the most entries any
    /// such descent pushed above it.
    #[cfg(test)]
    descent: (Option<usize>, usize),
}

impl Parser<'_> {
    /// A parser for the fail-cleanly simulation: `term` is the only token, the stack never runs out, and
    /// the loop stops where it would consume or record.
    fn simulator(term: u8) -> Parser<'static> {
        Parser {
            tokens: &[],
            terms: vec![term],
            pos: 0,
            stack: Vec::new(),
            alloc: usize::MAX / 2,
            facts: Facts::default(),
            sim: true,
            peak: 0,
            #[cfg(test)]
            descent: (None, 0),
        }
    }

    fn cur(&self) -> u8 {
        self.terms.get(self.pos).copied().unwrap_or(END)
    }

    /// Consumes the current token (`push_result_token` + `mp_lexer_to_next`) as an argument of `rule`.
    fn consume(&mut self, rule: usize) -> Result<(), Stop> {
        if self.sim {
            return Err(self.syntax_error());
        }
        if watched::CONSUMES_FACTS[rule] {
            self.note(rule);
        }
        let t = &self.tokens[self.pos];
        if matches!(t.kind, TokKind::Integer | TokKind::FloatOrImag) && !plain_decimal(t) {
            let text = String::from_utf8_lossy(&t.text);
            if let Err(e) = literal::decode_number(&text, t.kind == TokKind::FloatOrImag) {
                return Err(Stop { token: self.pos, failure: Failure::Literal(e.kind) });
            }
        }
        self.pos += 1;
        if self.tokens.get(self.pos).is_some_and(|t| t.name_escape) {
            return Err(Stop { token: self.pos, failure: Failure::NameEscape });
        }
        Ok(())
    }

    /// Records a fact when the current token, consumed by `rule`, reveals one.
    fn note(&mut self, rule: usize) {
        use watched as w;
        let at = self.pos;
        // The pending rule `depth` entries down the stack (0 = the parent of `rule`).
        let below = |depth: usize| self.stack.len().checked_sub(depth + 1).map(|k| self.stack[k]);
        let parent_is = |depth: usize, r: usize| below(depth).filter(|e| usize::from(e.0) == r).map(|e| e.2 as usize);
        if rule == w::NAMEDEXPR_TEST_2 {
            if let Some(start) = parent_is(0, w::NAMEDEXPR_TEST) {
                self.facts.walrus.push((start, at));
            }
        } else if rule == w::ARGUMENT_3 {
            if let Some(start) = parent_is(0, w::ARGUMENT) {
                self.facts.walrus.push((start, at));
                self.facts.walrus_arguments.push((start, at));
            }
        } else if rule == w::GENERIC_EQUAL_TEST {
            if parent_is(0, w::ARGUMENT_2).is_some() {
                if let Some(start) = parent_is(1, w::ARGUMENT) {
                    self.facts.keywords.push((start, at));
                }
            }
        } else if rule == w::ANNASSIGN {
            if parent_is(0, w::EXPR_STMT_2).is_some() {
                if let Some(start) = parent_is(1, w::EXPR_STMT) {
                    self.facts.annotated.push((start, at));
                }
            }
        } else if rule == w::GENERIC_COLON_TEST {
            if let Some(start) = parent_is(0, w::DICTORSETMAKER_ITEM) {
                if let Some(item) = self.facts.display_items.iter_mut().rev().find(|d| d.1 == start) {
                    item.2 = Some(at);
                }
            }
        } else if rule == w::IMPORT_AS_NAMES
            && !matches!(self.tokens.get(at + 1).map(|t| &t.kind), Some(TokKind::Name))
        {
            self.facts.trailing_import_commas.push(at);
        }
    }

    /// Makes room for one more entry on the rule stack the way mpy-cross grows its allocation (the
    /// `MemoryError` when its heap would be exhausted).
    fn room(&mut self) -> Result<(), Stop> {
        if self.stack.len() >= self.alloc {
            let grown = self.alloc + RULE_STACK_INC;
            if grown >= RULE_STACK_FAIL {
                return Err(Stop { token: self.pos, failure: Failure::Memory { bytes: grown * RULE_ENTRY_BYTES } });
            }
            self.alloc = grown;
        }
        self.peak = self.peak.max(self.stack.len() + 1);
        #[cfg(test)]
        if let Some(base) = self.descent.0 {
            self.descent.1 = self.descent.1.max(self.stack.len() + 1 - base);
        }
        Ok(())
    }

    /// Pushes `rule` to resume at argument `i` of it; `start` is its first token.
    fn push(&mut self, rule: usize, i: usize, start: usize) -> Result<(), Stop> {
        self.room()?;
        // Rule and argument numbers fit 16 bits (a few hundred rules of a few arguments) and token
        // indices 32 (sources are far below 4 GB).
        self.stack.push((rule as u16, i as u16, start as u32));
        Ok(())
    }

    /// Starts `rule` at the current token: the C loop pushes it and pops it again at once; this returns
    /// the entry it would pop, after the same accounting of the stack's allocation.
    fn enter(&mut self, rule: usize) -> Result<(usize, usize, usize), Stop> {
        self.room()?;
        if rule == watched::DICTORSETMAKER_ITEM {
            if self.sim {
                return Err(self.syntax_error());
            }
            self.note_display_item();
        }
        Ok((rule, 0, self.pos))
    }

    /// A `dictorsetmaker_item` starts at the current token: record it with its display.
    fn note_display_item(&mut self) {
        // The display is the nearest pending `dictorsetmaker` (its first item starts it).
        if let Some(d) = self.stack.iter().rev().find(|e| usize::from(e.0) == watched::DICTORSETMAKER) {
            self.facts.display_items.push((d.2 as usize, self.pos, None));
        }
    }

    fn syntax_error(&self) -> Stop {
        Stop { token: self.pos.min(self.tokens.len().saturating_sub(1)), failure: Failure::Syntax }
    }
}

/// Whether a number token is a decimal integer that certainly parses (`7`, `1000`, `0`): no need to run
/// the number parser on it.
fn plain_decimal(t: &Token) -> bool {
    t.kind == TokKind::Integer
        && !t.text.is_empty()
        && t.text.iter().all(u8::is_ascii_digit)
        && (t.text[0] != b'0' || t.text.iter().all(|&c| c == b'0'))
}

/// The fast path of the parse loop: a `test` that is one plain atom (a name, number, string, `...`,
/// `None`, `True`, `False`) followed by a token that continues none of the rules between `test` and
/// `atom` (not a trailer, operator, comparison, `and`, `or` or `if`). The loop would descend through
/// those rules, consume the atom, and come back up with every optional continuation failing on the next
/// token, without an error and without a fact; the fast path only consumes the atom. It is taken only when
/// the descent would not grow the rule stack's allocation, whose size decides mpy-cross's `MemoryError`.
mod shortcut {
    use super::super::grammar::{rule_index, terminal_index as t, TERMINALS};

    pub const TEST: usize = rule_index("test");
    pub const ATOM: usize = rule_index("atom");
    /// Entries the descent from `test` to a plain atom and its failed continuations pushes at most, above
    /// the stack it starts from (checked by a test against the full loop).
    pub const DESCENT_PEAK: usize = 20;

    const fn table(terms: &[u8]) -> [bool; 256] {
        let mut out = [false; 256];
        let mut i = 0;
        while i < terms.len() {
            out[terms[i] as usize] = true;
            i += 1;
        }
        out
    }

    /// Terminals that are a whole atom.
    pub const PLAIN_ATOM: [bool; 256] = table(&[
        t("NAME"), t("INTEGER"), t("FLOAT_OR_IMAG"), t("STRING"), t("BYTES"), t("..."), t("None"), t("True"),
        t("False"),
    ]);
    /// Terminals that continue some rule between `atom` and `test`.
    pub const CONTINUES: [bool; 256] = table(&[
        t("("), t("["), t("."), t("**"), t("*"), t("@"), t("/"), t("%"), t("//"), t("+"), t("-"), t("<<"),
        t(">>"), t("&"), t("^"), t("|"), t("<"), t(">"), t("=="), t("<="), t(">="), t("!="), t("in"), t("not"),
        t("is"), t("and"), t("or"), t("if"),
    ]);
    const _: () = assert!(TERMINALS.len() < 256);
}

/// The second fast path: entering a sub-rule that certainly fails *cleanly* on the current token is
/// skipped and taken as the backtrack it would end in. Cleanly means that the loop, descending from the
/// sub-rule with that token current, comes back to the rule that entered it with the backtrack flag set,
/// having consumed no token, raised no error (an `and` rule whose first arguments are optional can fail
/// with a syntax error without consuming) and recorded no fact (entering `dictorsetmaker_item` records
/// one). Such a descent depends on the token only, so it is simulated once per `(rule, terminal)` pair, by
/// the parse loop itself in a mode that stops where it would consume or record, the first time the pair
/// is met (a table of all pairs would take a millisecond to fill, most of it for pairs a build never meets). The
/// simulation also gives the most entries the descent pushes, so that a skip is taken only where the
/// descent could not grow the rule stack's allocation.
mod skip {
    use super::super::grammar::{RULES, TERMINALS};
    use super::{parse_loop, Parser};
    use std::sync::atomic::{AtomicU8, Ordering::Relaxed};

    /// Columns of the table: one per terminal, then one for every token no rule names.
    pub const COLS: usize = TERMINALS.len() + 1;
    const _: () = assert!(COLS < 256);

    /// The column of terminal id `term`.
    pub fn col(term: u8) -> u8 {
        term.min(TERMINALS.len() as u8)
    }

    /// Per `rule * COLS + column`: 0 when not simulated yet, 1 when entering the rule on that token does
    /// anything but fail cleanly (or the descent is too deep to note), else one more than the most entries
    /// the descent holds above the stack it starts from, counted like the `room` checks (the entered
    /// rule's own entry is one). Every thread computes the same values, so relaxed accesses suffice.
    static TABLE: [AtomicU8; RULES.len() * COLS] = [const { AtomicU8::new(0) }; RULES.len() * COLS];

    /// The peak of the descent from `rule` when it certainly fails cleanly on a token of column `col`, else 0.
    #[inline]
    pub fn peak(rule: usize, col: u8) -> usize {
        let cell = &TABLE[rule * COLS + usize::from(col)];
        match cell.load(Relaxed) {
            0 => fill(cell, rule, col),
            v => usize::from(v) - 1,
        }
    }

    #[cold]
    #[inline(never)]
    fn fill(cell: &AtomicU8, rule: usize, col: u8) -> usize {
        let v = simulate(rule, col).and_then(|p| u8::try_from(p + 1).ok()).unwrap_or(1);
        cell.store(v, Relaxed);
        usize::from(v) - 1
    }

    /// Runs the loop from `rule` with `term` current: `Some(peak)` when it fails cleanly.
    pub fn simulate(rule: usize, term: u8) -> Option<usize> {
        let mut p = Parser::simulator(term);
        match parse_loop(&mut p, false, rule) {
            Ok(true) => Some(p.peak),
            _ => None,
        }
    }
}

/// Runs MicroPython's parser over `tokens` (which end with `End`) from `file_input`.
pub fn recognize(tokens: &[Token]) -> Result<Facts, Stop> {
    recognize_with(tokens, true).0
}

/// [`recognize`] with or without the fast path for plain atoms (for the test that they agree); also
/// returns the rule stack's final allocation and its peak (in tests: the deepest skippable descent).
fn recognize_with(tokens: &[Token], fast: bool) -> (Result<Facts, Stop>, usize, usize) {
    let mut p = Parser {
        tokens,
        terms: tokens.iter().map(|t| skip::col(t.term)).collect(),
        pos: 0,
        stack: Vec::with_capacity(RULE_STACK_INIT),
        alloc: RULE_STACK_INIT,
        facts: Facts::default(),
        sim: false,
        peak: 0,
        #[cfg(test)]
        descent: (None, 0),
    };
    let result = parse_loop(&mut p, fast, const { rule_index("file_input") }).map(|_| ());
    #[cfg(test)]
    let peak = p.descent.1;
    #[cfg(not(test))]
    let peak = 0;
    (result.map(|()| std::mem::take(&mut p.facts)), p.alloc, peak)
}

/// The parse loop from rule `first`; with `fast`, its two fast paths. Returns the backtrack flag at the
/// end (for a simulated descent, [`skip`]).
fn parse_loop(p: &mut Parser<'_>, fast: bool, first: usize) -> Result<bool, Stop> {
    /// Steps after which a simulated descent is given up (the grammar's descents take a few hundred).
    const SIM_STEPS: usize = 100_000;
    let g = &GRAMMAR;
    let tokens = p.tokens;
    if tokens.first().is_some_and(|t| t.name_escape) {
        return Err(Stop { token: 0, failure: Failure::NameEscape });
    }
    // Whether entering `rule` now may be skipped, with `pushed` entries pushed first (never asked while
    // simulating: `fast` is off then).
    let skippable = |p: &Parser<'_>, rule: u16, pushed: usize| {
        fast && {
            let peak = skip::peak(usize::from(rule), p.cur());
            peak != 0 && p.stack.len() + pushed + peak <= p.alloc
        }
    };
    let mut steps = 0usize;
    // The rule to run next when it was just entered rather than popped from the stack.
    let mut entered = Some(p.enter(first)?);
    let mut backtrack = false;
    'next_rule: loop {
        if p.sim {
            steps += 1;
            if steps > SIM_STEPS {
                return Err(p.syntax_error());
            }
        }
        let (rule, mut i, start) = match entered.take() {
            Some(e) => e,
            None => match p.stack.pop() {
                Some((rule, i, start)) => (usize::from(rule), usize::from(i), start as usize),
                None => break,
            },
        };
        #[cfg(test)]
        {
            if p.descent.0.is_some_and(|base| p.stack.len() < base) {
                p.descent.0 = None;
            }
            if p.descent.0.is_none()
                && rule == shortcut::TEST
                && i == 0
                && !backtrack
                && shortcut::PLAIN_ATOM[usize::from(p.cur())]
                && !shortcut::CONTINUES[usize::from(p.terms.get(p.pos + 1).copied().unwrap_or(END))]
            {
                p.descent.0 = Some(p.stack.len());
            }
        }
        if fast
            && rule == shortcut::TEST
            && i == 0
            && !backtrack
            && shortcut::PLAIN_ATOM[usize::from(p.cur())]
            && !shortcut::CONTINUES[usize::from(p.terms.get(p.pos + 1).copied().unwrap_or(END))]
            && p.stack.len() + shortcut::DESCENT_PEAK <= p.alloc
        {
            p.consume(shortcut::ATOM)?;
            continue 'next_rule;
        }
        let args = g.args(rule);
        let n = args.len();
        match g.kinds[rule] {
            Kind::Or => {
                if i > 0 && !backtrack {
                    continue 'next_rule;
                }
                backtrack = false;
                while i < n {
                    match args[i] {
                        Arg::Tok(t) => {
                            if p.cur() == t {
                                p.consume(rule)?;
                                continue 'next_rule;
                            }
                        }
                        Arg::Rule(r) | Arg::OptRule(r) => {
                            if skippable(p, r, usize::from(i + 1 < n)) {
                                // As if `r` failed and this rule resumed at its next alternative.
                                i += 1;
                                continue;
                            }
                            if i + 1 < n {
                                p.push(rule, i + 1, start)?;
                            }
                            entered = Some(p.enter(r as usize)?);
                            continue 'next_rule;
                        }
                    }
                    i += 1;
                }
                backtrack = true;
            }
            Kind::And => {
                if backtrack {
                    if matches!(args[i - 1], Arg::OptRule(_)) {
                        backtrack = false;
                    } else if i > 1 {
                        return Err(p.syntax_error());
                    } else {
                        continue 'next_rule;
                    }
                }
                while i < n {
                    match args[i] {
                        Arg::Tok(t) => {
                            if p.cur() == t {
                                p.consume(rule)?;
                            } else if i > 0 {
                                return Err(p.syntax_error());
                            } else {
                                backtrack = true;
                                continue 'next_rule;
                            }
                        }
                        Arg::Rule(r) | Arg::OptRule(r) => {
                            if skippable(p, r, 1) {
                                // As if `r` failed and this rule resumed after it with the backtrack flag.
                                if matches!(args[i], Arg::OptRule(_)) {
                                    i += 1;
                                    continue;
                                } else if i > 0 {
                                    return Err(p.syntax_error());
                                }
                                backtrack = true;
                                continue 'next_rule;
                            }
                            p.push(rule, i + 1, start)?;
                            entered = Some(p.enter(r as usize)?);
                            continue 'next_rule;
                        }
                    }
                    i += 1;
                }
            }
            kind => {
                // Lists: n=2 `item+`, n=1 `item (sep item)*`, n=3 `item (sep item)* [sep]`.
                let n_code = match kind {
                    Kind::List => 1,
                    Kind::OneOrMore => 2,
                    _ => 3,
                };
                let mut failed = backtrack;
                loop {
                    if failed {
                        if n_code == 2 {
                            if i == 1 {
                                continue 'next_rule;
                            }
                            backtrack = false;
                        } else if i == 1 {
                            continue 'next_rule;
                        } else if i & 1 == 1 {
                            if n_code == 3 {
                                backtrack = false;
                            } else {
                                return Err(p.syntax_error());
                            }
                        } else {
                            backtrack = false;
                        }
                        continue 'next_rule;
                    }
                    let arg = args[i & 1 & n_code];
                    match arg {
                        Arg::Tok(t) => {
                            i += 1;
                            if p.cur() == t {
                                p.consume(rule)?;
                            } else {
                                backtrack = true;
                                failed = true;
                            }
                        }
                        Arg::Rule(r) | Arg::OptRule(r) => {
                            if skippable(p, r, 1) {
                                // As if `r` failed and this rule resumed after it.
                                i += 1;
                                backtrack = true;
                                failed = true;
                                continue;
                            }
                            p.push(rule, i + 1, start)?;
                            entered = Some(p.enter(r as usize)?);
                            continue 'next_rule;
                        }
                    }
                }
            }
        }
    }
    if !p.sim && p.cur() != END {
        return Err(p.syntax_error());
    }
    Ok(backtrack)
}

#[cfg(test)]
#[path = "recognize_tests.rs"]
mod tests;
