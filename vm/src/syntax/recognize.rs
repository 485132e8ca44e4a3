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

struct Parser<'a> {
    tokens: &'a [Token],
    pos: usize,
    stack: Vec<(usize, usize)>,
    alloc: usize,
}

impl Parser<'_> {
    fn cur(&self) -> &'static str {
        self.tokens.get(self.pos).map_or("END", |t| tok_name(&t.kind))
    }

    /// Consumes the current token (`push_result_token` + `mp_lexer_to_next`).
    fn consume(&mut self) -> Result<(), Stop> {
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

    fn push(&mut self, rule: usize, i: usize) -> Result<(), Stop> {
        if self.stack.len() >= self.alloc {
            let grown = self.alloc + RULE_STACK_INC;
            if grown >= RULE_STACK_FAIL {
                return Err(Stop { token: self.pos, failure: Failure::Memory { bytes: grown * RULE_ENTRY_BYTES } });
            }
            self.alloc = grown;
        }
        self.stack.push((rule, i));
        Ok(())
    }

    fn syntax_error(&self) -> Stop {
        Stop { token: self.pos.min(self.tokens.len().saturating_sub(1)), failure: Failure::Syntax }
    }
}

/// Runs MicroPython's parser over `tokens` (which end with `End`) from `file_input`.
pub fn recognize(tokens: &[Token]) -> Result<(), Stop> {
    recognize_measured(tokens).map(|_| ())
}

/// [`recognize`], returning the deepest rule stack used.
pub fn recognize_measured(tokens: &[Token]) -> Result<usize, Stop> {
    let g = grammar();
    let mut deepest = 0;
    let mut p = Parser { tokens, pos: 0, stack: Vec::new(), alloc: RULE_STACK_INIT };
    if tokens.first().is_some_and(|t| t.name_escape) {
        return Err(Stop { token: 0, failure: Failure::NameEscape });
    }
    p.push(g.index["file_input"], 0)?;
    let mut backtrack = false;
    'next_rule: while let Some((rule, mut i)) = p.stack.pop() {
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
                                p.consume()?;
                                continue 'next_rule;
                            }
                        }
                        Arg::Rule(r) | Arg::OptRule(r) => {
                            if i + 1 < n {
                                p.push(rule, i + 1)?;
                            }
                            p.push(r, 0)?;
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
                                p.consume()?;
                            } else if i > 0 {
                                return Err(p.syntax_error());
                            } else {
                                backtrack = true;
                                continue 'next_rule;
                            }
                        }
                        Arg::Rule(r) | Arg::OptRule(r) => {
                            p.push(rule, i + 1)?;
                            p.push(r, 0)?;
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
                                p.consume()?;
                            } else {
                                backtrack = true;
                                failed = true;
                            }
                        }
                        Arg::Rule(r) | Arg::OptRule(r) => {
                            p.push(rule, i + 1)?;
                            p.push(r, 0)?;
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
    Ok(deepest)
}
