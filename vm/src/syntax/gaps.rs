//! Programs MicroPython's parser accepts but rustpython rejects: rustpython checks some argument and
//! display rules while parsing, where MicroPython's *compiler* reports them (with `, in <scope>`) or
//! accepts them. Without a tree the compiler never sees these programs, so their errors are produced here,
//! with the message and scope mpy-cross's compiler uses.

use super::lexer::{TokKind, Token};
use super::lower::Semantic;
use super::mend::GapError;
use crate::error::{CompileError, ErrorKind};

/// The error mpy-cross's compiler raises for a construct [`mend`](super::mend) found.
pub fn mend_error(g: &GapError, tokens: &[Token]) -> CompileError {
    let line = tokens.get(g.line_token).map_or(1, |t| t.line);
    let t = &tokens[g.anchor.min(tokens.len() - 1)];
    CompileError::new(ErrorKind::SyntaxError, g.message)
        .at_line(line)
        .in_scope(scope_name_at(tokens, g.anchor))
        .with_range(super::ast::TextRange::new(t.start, t.end))
}

/// The name of the scope whose code holds token `at`: the innermost function, lambda body, comprehension
/// (all but its first iterable) or class body around it, else `<module>`.
pub fn scope_name_at(tokens: &[Token], at: usize) -> String {
    let block = scopes_at(tokens, at).enclosing;
    // Expression scopes live within one logical line, which no NEWLINE/INDENT/DEDENT token interrupts.
    let line_start = tokens[..at]
        .iter()
        .rposition(|t| matches!(t.kind, TokKind::Newline | TokKind::Indent | TokKind::Dedent))
        .map_or(0, |i| i + 1);
    expression_scope(tokens, line_start, at).unwrap_or(block)
}

/// One open construct of an expression while scanning towards the token of interest.
enum Frame {
    /// A bracket; for a comprehension, its kind and how far the scan is in it: 0 in the element, 1 in the
    /// first target, 2 in the first iterable (compiled in the enclosing scope), 3 after it.
    Bracket { comp: Option<&'static str>, stage: u8 },
    /// A lambda (in its parameters until its `:`), inside `depth` open brackets.
    Lambda { depth: usize, in_body: bool },
}

/// The innermost lambda or comprehension scope holding token `at`, scanning from `from`.
fn expression_scope(tokens: &[Token], from: usize, at: usize) -> Option<String> {
    let mut frames: Vec<Frame> = Vec::new();
    let mut depth = 0usize;
    for i in from..at {
        let t = &tokens[i];
        // A lambda body ends at a token that closes or separates at its own bracket depth.
        let ends_body = matches!(t.kind, TokKind::Op("," | ")" | "]" | "}" | ":" | "=" | ":=" | ";") | TokKind::Keyword("for" | "async"));
        while let Some(Frame::Lambda { depth: d, in_body: true }) = frames.last() {
            let closes = matches!(t.kind, TokKind::Op(")" | "]" | "}")) && depth <= *d;
            if (ends_body && depth == *d) || closes {
                frames.pop();
            } else {
                break;
            }
        }
        match &t.kind {
            TokKind::Op("(" | "[" | "{") => {
                let comp = comprehension_kind(tokens, i);
                frames.push(Frame::Bracket { comp, stage: 0 });
                depth += 1;
            }
            TokKind::Op(")" | "]" | "}") => {
                while let Some(f) = frames.pop() {
                    if matches!(f, Frame::Bracket { .. }) {
                        break;
                    }
                }
                depth = depth.saturating_sub(1);
            }
            TokKind::Keyword("lambda") => frames.push(Frame::Lambda { depth, in_body: false }),
            TokKind::Op(":") => {
                if let Some(Frame::Lambda { depth: d, in_body }) = frames.last_mut() {
                    if *d == depth && !*in_body {
                        *in_body = true;
                    }
                }
            }
            TokKind::Keyword(k @ ("for" | "in" | "if")) => {
                // Only at the comprehension's own level (not inside a nested bracket or lambda).
                if let Some(Frame::Bracket { comp: Some(_), stage }) = frames.last_mut() {
                    *stage = match (*stage, *k) {
                        (0, "for") => 1,
                        (1, "in") => 2,
                        (2, "for" | "if") => 3,
                        (s, _) => s,
                    };
                }
            }
            _ => {}
        }
    }
    frames.iter().rev().find_map(|f| match f {
        Frame::Lambda { in_body: true, .. } => Some("<lambda>".to_string()),
        Frame::Bracket { comp: Some(kind), stage } if *stage != 2 => Some(kind.to_string()),
        _ => None,
    })
}

/// For an opening bracket at `open`, the scope name of the comprehension it holds, if any: a `for` at its
/// own level (`[x for ...]`, `{k: v for ...}`, `(x for ...)`, `f(x for ...)`).
fn comprehension_kind(tokens: &[Token], open: usize) -> Option<&'static str> {
    let (mut depth, mut lambdas) = (0i32, 0usize);
    let mut colon = false;
    for t in &tokens[open + 1..] {
        match t.kind {
            TokKind::Op("(" | "[" | "{") => depth += 1,
            TokKind::Op(")" | "]" | "}") if depth == 0 => return None,
            TokKind::Op(")" | "]" | "}") => depth -= 1,
            TokKind::Op(":") if depth == 0 && lambdas > 0 => lambdas -= 1,
            TokKind::Op(":") if depth == 0 => colon = true,
            TokKind::Keyword("lambda") if depth == 0 => lambdas += 1,
            TokKind::Keyword("for") if depth == 0 => {
                return Some(match tokens[open].kind {
                    TokKind::Op("[") => "<listcomp>",
                    TokKind::Op("{") if colon => "<dictcomp>",
                    TokKind::Op("{") => "<setcomp>",
                    _ => "<genexpr>",
                });
            }
            TokKind::Newline | TokKind::End => return None,
            _ => {}
        }
    }
    None
}

/// The compile-stage error mpy-cross reports for a program rustpython rejected with `semantic` at
/// original offset `offset`, or `None` when we cannot tell.
pub fn compile_stage_error(semantic: &Semantic, offset: u32, tokens: &[Token]) -> Option<CompileError> {
    let at = token_at(tokens, offset);
    let line = tokens.get(at).map_or(1, |t| t.line);
    let scopes = scopes_at(tokens, at);
    let (msg, scope) = match semantic {
        Semantic::DefaultArgument => ("non-default argument follows default argument", scopes.enclosing),
        Semantic::DuplicateArgument => ("argument name reused", scopes.owner),
        Semantic::PositionalArgument => {
            // rustpython points inside a parenthesised argument (`f(**a, (x := 1))`): start at its `(`.
            let mut arg = at;
            while arg > 0 && matches!(tokens[arg - 1].kind, TokKind::Op("(")) && !starts_call(tokens, arg - 1) {
                arg -= 1;
            }
            if double_star_before(tokens, arg) {
                ("positional arg after **", scopes.enclosing)
            } else {
                ("positional arg after keyword arg", scopes.enclosing)
            }
        }
        Semantic::UnpackedArgument => ("* arg after **", scopes.enclosing),
        Semantic::ExpectedColon => ("expecting key:value for dict", scopes.enclosing),
        Semantic::UnexpectedToken if scopes.in_header => ("invalid syntax", scopes.owner),
        _ => return None,
    };
    Some(CompileError::new(ErrorKind::SyntaxError, msg).at_line(line).in_scope(scope))
}

/// Index of the token covering or following `offset`.
fn token_at(tokens: &[Token], offset: u32) -> usize {
    tokens.iter().position(|t| !t.injected && t.end > offset).unwrap_or(tokens.len().saturating_sub(1))
}

/// Whether the `(` at `open` opens a call's argument list (it follows a name, a closing bracket or a string).
fn starts_call(tokens: &[Token], open: usize) -> bool {
    open > 0
        && matches!(
            tokens[open - 1].kind,
            TokKind::Name | TokKind::Op(")" | "]" | "}") | TokKind::String | TokKind::Bytes
        )
}

/// Whether a `**` argument precedes token `at` in the same call.
fn double_star_before(tokens: &[Token], at: usize) -> bool {
    let mut depth = 0i32;
    for t in tokens[..at].iter().rev() {
        match t.kind {
            TokKind::Op(")" | "]" | "}") => depth += 1,
            TokKind::Op("(" | "[" | "{") => {
                if depth == 0 {
                    return false;
                }
                depth -= 1;
            }
            TokKind::Op("**") if depth == 0 => return true,
            _ => {}
        }
    }
    false
}

struct Scopes {
    /// The scope whose code contains the token (`<module>` at top level).
    enclosing: String,
    /// The function or lambda whose parameter list contains the token, else the enclosing scope.
    owner: String,
    in_header: bool,
}

/// Works out the def/class/lambda scopes around token `at` from the token stream.
fn scopes_at(tokens: &[Token], at: usize) -> Scopes {
    // (name, indent depth of the def, header still open, body is a block)
    let mut stack: Vec<(String, i32, bool, bool)> = Vec::new();
    let mut depth = 0i32;
    let mut brackets = 0i32;
    let mut i = 0;
    while i < at && i < tokens.len() {
        let t = &tokens[i];
        match &t.kind {
            TokKind::Indent => depth += 1,
            TokKind::Dedent => {
                depth -= 1;
                while stack.last().is_some_and(|s| !s.2 && s.3 && s.1 >= depth) {
                    stack.pop();
                }
            }
            TokKind::Newline if brackets == 0 => {
                // A one-line body ends with its line; a header followed by a newline opens a block.
                while stack.last().is_some_and(|s| !s.2 && !s.3) {
                    stack.pop();
                }
            }
            TokKind::Keyword(k @ ("def" | "class")) => {
                let name = tokens.get(i + 1).map_or(String::new(), |n| String::from_utf8_lossy(&n.text).into_owned());
                let _ = k;
                stack.push((name, depth, true, false));
            }
            TokKind::Op("(" | "[" | "{") => brackets += 1,
            TokKind::Op(")" | "]" | "}") => brackets -= 1,
            TokKind::Op(":") if brackets == 0 => {
                if let Some(top) = stack.last_mut() {
                    if top.2 {
                        top.2 = false;
                        top.3 = tokens.get(i + 1).is_some_and(|n| n.kind == TokKind::Newline);
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    let module = "<module>".to_string();
    let enclosing = stack.iter().rev().find(|s| !s.2).map_or(module.clone(), |s| s.0.clone());
    let header = stack.last().filter(|s| s.2);
    Scopes {
        owner: header.map_or(enclosing.clone(), |s| s.0.clone()),
        in_header: header.is_some(),
        enclosing: if header.is_some() {
            stack.iter().rev().skip(1).find(|s| !s.2).map_or(module, |s| s.0.clone())
        } else {
            enclosing
        },
    }
}
