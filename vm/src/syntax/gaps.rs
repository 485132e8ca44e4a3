//! Programs MicroPython's parser accepts but rustpython rejects: rustpython checks some argument and
//! display rules while parsing, where MicroPython's *compiler* reports them (with `, in <scope>`) or
//! accepts them. Without a tree the compiler never sees these programs, so their errors are produced here,
//! with the message and scope mpy-cross's compiler uses.

use super::lexer::{TokKind, Token};
use super::lower::Semantic;
use crate::error::{CompileError, ErrorKind};

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
            if double_star_before(tokens, at) {
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
