//! Error recovery for analysis: a syntax error in one statement must not hide the rest of the file.
//!
//! The front end returns an empty module when the text does not parse (mpy-cross stops at the first error
//! too). For analysis we want the other statements, so the line holding the error is blanked (or, when it
//! opens an indented block, turned into `if 1:`) with byte offsets preserved, and the text is parsed again,
//! a bounded number of times. Only the first error is reported: it is the one mpy-cross reports.

use crate::error::CompileError;
use crate::syntax::{self, ast::Module, source::LineIndex};

/// How many re-parses recovery may spend before giving up on the rest of the file.
const MAX_ATTEMPTS: usize = 12;

/// A module parsed with recovery.
#[derive(Debug)]
pub struct Parsed {
    /// The statements that parse (all of them when there is no error).
    pub module: Module,
    /// The first error, exactly as the front end (and mpy-cross) reports it; empty when the text parses.
    pub errors: Vec<CompileError>,
}

pub fn parse_recovering(source: &str) -> Parsed {
    let (module, errors) = syntax::parse_source_level(source.as_bytes());
    let Some(first) = errors.into_iter().next() else {
        return Parsed { module, errors: Vec::new() };
    };
    let mut text = source.as_bytes().to_vec();
    let mut err = first.clone();
    for _ in 0..MAX_ATTEMPTS {
        let line = error_line(&text, &err);
        blank_line(&mut text, line);
        let (m, errs) = syntax::parse_source_level(&text);
        match errs.into_iter().next() {
            None => return Parsed { module: m, errors: vec![first] },
            Some(e) => err = e,
        }
    }
    // Give up on everything from the first error on, and keep what comes before it.
    let mut text = source.as_bytes().to_vec();
    let idx = LineIndex::new(&text);
    let from = idx.line_start(error_line(&text, &first)).unwrap_or(0) as usize;
    for b in &mut text[from..] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
    let (m, errs) = syntax::parse_source_level(&text);
    let module = if errs.is_empty() { m } else { Module::default() };
    Parsed { module, errors: vec![first] }
}

/// The 1-based line an error points at.
fn error_line(text: &[u8], e: &CompileError) -> u32 {
    if e.range.start > 0 || e.range.end > 0 {
        return LineIndex::new(text).line_of(e.range.start);
    }
    e.line.unwrap_or(1).max(1)
}

/// Byte bounds `[start, end)` of each line (without its line break).
fn line_bounds(text: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'\n' => {
                out.push((start, i));
                start = i + 1;
            }
            b'\r' => {
                out.push((start, i));
                if text.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push((start, text.len()));
    out
}

fn indent_of(text: &[u8], (s, e): (usize, usize)) -> Option<usize> {
    let n = text[s..e].iter().take_while(|b| **b == b' ' || **b == b'\t').count();
    let rest = &text[s + n..e];
    if rest.is_empty() || rest[0] == b'#' {
        None
    } else {
        Some(n)
    }
}

/// Blanks 1-based `line` (or the nearest non-blank line before it when it is blank already).
fn blank_line(text: &mut [u8], line: u32) {
    let lines = line_bounds(text);
    if lines.is_empty() {
        return;
    }
    let mut li = (line.max(1) as usize - 1).min(lines.len() - 1);
    while indent_of(text, lines[li]).is_none() && li > 0 {
        li -= 1;
    }
    let Some(indent) = indent_of(text, lines[li]) else {
        return;
    };
    let (s, e) = lines[li];
    let opens_block = lines[li + 1..].iter().find_map(|&l| indent_of(text, l)).is_some_and(|next| next > indent);
    let content = s + indent..e;
    for b in &mut text[content.clone()] {
        *b = b' ';
    }
    if opens_block {
        if content.len() >= 5 {
            text[content.start..content.start + 5].copy_from_slice(b"if 1:");
        } else {
            for &(bs, be) in lines[li + 1..].iter() {
                match indent_of(text, (bs, be)) {
                    Some(i) if i <= indent => break,
                    _ => text[bs..be].iter_mut().for_each(|b| *b = b' '),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::StmtKind;

    fn count(src: &str) -> (usize, usize) {
        let p = parse_recovering(src);
        (p.module.body.len(), p.errors.len())
    }

    #[test]
    fn keeps_statements_around_an_error() {
        assert_eq!(count("a = 1\nb = = 2\nc = 3\n"), (2, 1));
        assert_eq!(count("a = 1\n"), (1, 0));
    }

    #[test]
    fn keeps_a_block_whose_header_is_broken() {
        let p = parse_recovering("def f(:\n    x = 1\n    return x\ny = 2\n");
        assert_eq!(p.errors.len(), 1);
        assert!(p.module.body.iter().any(|s| matches!(s.kind, StmtKind::Assign { .. })));
    }

    #[test]
    fn survives_unclosed_brackets_and_bad_utf8_like_text() {
        let p = parse_recovering("x = (1,\ny = 2\nz = 3\n");
        assert_eq!(p.errors.len(), 1);
        let p = parse_recovering("\u{ff}\u{fe}(((\n\t  \n)))]]]\n");
        assert_eq!(p.errors.len(), 1);
    }
}
