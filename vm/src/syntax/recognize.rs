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

use super::grammar::{grammar, Arg, Kind};
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

/// The grammar's name for a token.
fn tok_name(k: &TokKind) -> &'static str {
    match k {
        TokKind::Name => "NAME",
        TokKind::Integer => "INTEGER",
        TokKind::FloatOrImag => "FLOAT_OR_IMAG",
        TokKind::String => "STRING",
        TokKind::Bytes => "BYTES",
        TokKind::Newline => "NEWLINE",
        TokKind::Indent => "INDENT",
        TokKind::Dedent => "DEDENT",
        TokKind::Keyword(k) => k,
        TokKind::Op(o) => o,
        TokKind::End => "END",
        _ => "<error>",
    }
}

/// Forms of MicroPython's grammar that its *compiler* judges, by token index (`start` is a rule's first
/// token, `at` the token that revealed the form).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// `target := value` (in `namedexpr_test` or `argument`): `(start of target, index of ':=')`.
    pub walrus: Vec<(usize, usize)>,
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
struct Watched {
    namedexpr_test: usize,
    namedexpr_test_2: usize,
    argument: usize,
    argument_2: usize,
    argument_3: usize,
    generic_equal_test: usize,
    generic_colon_test: usize,
    expr_stmt: usize,
    expr_stmt_2: usize,
    annassign: usize,
    dictorsetmaker: usize,
    dictorsetmaker_item: usize,
    import_as_names: usize,
}

impl Watched {
    fn new(g: &super::grammar::Grammar) -> Self {
        let r = |n: &str| g.index[n];
        Watched {
            namedexpr_test: r("namedexpr_test"),
            namedexpr_test_2: r("namedexpr_test_2"),
            argument: r("argument"),
            argument_2: r("argument_2"),
            argument_3: r("argument_3"),
            generic_equal_test: r("generic_equal_test"),
            generic_colon_test: r("generic_colon_test"),
            expr_stmt: r("expr_stmt"),
            expr_stmt_2: r("expr_stmt_2"),
            annassign: r("annassign"),
            dictorsetmaker: r("dictorsetmaker"),
            dictorsetmaker_item: r("dictorsetmaker_item"),
            import_as_names: r("import_as_names"),
        }
    }
}

struct Parser<'a> {
    tokens: &'a [Token],
    pos: usize,
    /// `(rule, next argument, first token)` per pending rule.
    stack: Vec<(usize, usize, usize)>,
    alloc: usize,
    facts: Facts,
    watched: &'a Watched,
}

impl Parser<'_> {
    fn cur(&self) -> &'static str {
        self.tokens.get(self.pos).map_or("END", |t| tok_name(&t.kind))
    }

    /// Consumes the current token (`push_result_token` + `mp_lexer_to_next`) as an argument of `rule`.
    fn consume(&mut self, rule: usize) -> Result<(), Stop> {
        self.note(rule);
        let t = &self.tokens[self.pos];
        if matches!(t.kind, TokKind::Integer | TokKind::FloatOrImag) {
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
        let w = self.watched;
        let at = self.pos;
        // The pending rule `depth` entries down the stack (0 = the parent of `rule`).
        let below = |depth: usize| self.stack.len().checked_sub(depth + 1).map(|k| self.stack[k]);
        let parent_is = |depth: usize, r: usize| below(depth).filter(|e| e.0 == r).map(|e| e.2);
        if rule == w.namedexpr_test_2 {
            if let Some(start) = parent_is(0, w.namedexpr_test) {
                self.facts.walrus.push((start, at));
            }
        } else if rule == w.argument_3 {
            if let Some(start) = parent_is(0, w.argument) {
                self.facts.walrus.push((start, at));
            }
        } else if rule == w.generic_equal_test {
            if parent_is(0, w.argument_2).is_some() {
                if let Some(start) = parent_is(1, w.argument) {
                    self.facts.keywords.push((start, at));
                }
            }
        } else if rule == w.annassign {
            if parent_is(0, w.expr_stmt_2).is_some() {
                if let Some(start) = parent_is(1, w.expr_stmt) {
                    self.facts.annotated.push((start, at));
                }
            }
        } else if rule == w.generic_colon_test {
            if let Some(start) = parent_is(0, w.dictorsetmaker_item) {
                if let Some(item) = self.facts.display_items.iter_mut().rev().find(|d| d.1 == start) {
                    item.2 = Some(at);
                }
            }
        } else if rule == w.import_as_names
            && !matches!(self.tokens.get(at + 1).map(|t| &t.kind), Some(TokKind::Name))
        {
            self.facts.trailing_import_commas.push(at);
        }
    }

    /// Pushes `rule` to resume at argument `i`; `start` is its first token (`None` for a rule starting
    /// at the current token).
    fn push(&mut self, rule: usize, i: usize, start: Option<usize>) -> Result<(), Stop> {
        if self.stack.len() >= self.alloc {
            let grown = self.alloc + RULE_STACK_INC;
            if grown >= RULE_STACK_FAIL {
                return Err(Stop { token: self.pos, failure: Failure::Memory { bytes: grown * RULE_ENTRY_BYTES } });
            }
            self.alloc = grown;
        }
        let start = start.unwrap_or_else(|| {
            if rule == self.watched.dictorsetmaker_item {
                self.note_display_item();
            }
            self.pos
        });
        self.stack.push((rule, i, start));
        Ok(())
    }

    /// A `dictorsetmaker_item` starts at the current token: record it with its display.
    fn note_display_item(&mut self) {
        let w = self.watched;
        // The display is the nearest pending `dictorsetmaker` (its first item starts it).
        if let Some(d) = self.stack.iter().rev().find(|e| e.0 == w.dictorsetmaker) {
            self.facts.display_items.push((d.2, self.pos, None));
        }
    }

    fn syntax_error(&self) -> Stop {
        Stop { token: self.pos.min(self.tokens.len().saturating_sub(1)), failure: Failure::Syntax }
    }
}

/// Runs MicroPython's parser over `tokens` (which end with `End`) from `file_input`.
pub fn recognize(tokens: &[Token]) -> Result<Facts, Stop> {
    recognize_measured(tokens).map(|(facts, _)| facts)
}

/// [`recognize`], also returning the deepest rule stack used.
pub fn recognize_measured(tokens: &[Token]) -> Result<(Facts, usize), Stop> {
    static WATCHED: std::sync::OnceLock<Watched> = std::sync::OnceLock::new();
    let g = grammar();
    let watched = WATCHED.get_or_init(|| Watched::new(g));
    let mut deepest = 0;
    let mut p = Parser { tokens, pos: 0, stack: Vec::new(), alloc: RULE_STACK_INIT, facts: Facts::default(), watched };
    if tokens.first().is_some_and(|t| t.name_escape) {
        return Err(Stop { token: 0, failure: Failure::NameEscape });
    }
    p.push(g.index["file_input"], 0, None)?;
    let mut backtrack = false;
    'next_rule: while let Some((rule, mut i, start)) = p.stack.pop() {
        deepest = deepest.max(p.stack.len() + 1);
        let args = &g.args[rule];
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
                            if i + 1 < n {
                                p.push(rule, i + 1, Some(start))?;
                            }
                            p.push(r, 0, None)?;
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
                            p.push(rule, i + 1, Some(start))?;
                            p.push(r, 0, None)?;
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
                            p.push(rule, i + 1, Some(start))?;
                            p.push(r, 0, None)?;
                            continue 'next_rule;
                        }
                    }
                }
            }
        }
    }
    if p.cur() != "END" {
        return Err(p.syntax_error());
    }
    Ok((p.facts, deepest))
}
