//! Source-text helpers for building edits: lines, indentation, and where to insert an import.

use crate::syntax::ast::*;

use super::diagnostic::Edit;

/// Byte offset of the start of the line holding `offset`.
pub fn line_start(src: &str, offset: u32) -> u32 {
    let o = (offset as usize).min(src.len());
    src.as_bytes()[..o].iter().rposition(|&b| b == b'\n' || b == b'\r').map_or(0, |i| i as u32 + 1)
}

/// Byte offset of the end of the line holding `offset` (before its line break).
pub fn line_end(src: &str, offset: u32) -> u32 {
    let o = (offset as usize).min(src.len());
    src.as_bytes()[o..].iter().position(|&b| b == b'\n' || b == b'\r').map_or(src.len() as u32, |i| (o + i) as u32)
}

/// Byte offset of the start of the line after the one holding `offset` (the end of text if none).
pub fn next_line_start(src: &str, offset: u32) -> u32 {
    let end = line_end(src, offset) as usize;
    let b = src.as_bytes();
    match b.get(end) {
        Some(b'\r') if b.get(end + 1) == Some(&b'\n') => end as u32 + 2,
        Some(_) => end as u32 + 1,
        None => end as u32,
    }
}

/// The leading whitespace of the line holding `offset`.
pub fn indentation_at(src: &str, offset: u32) -> &str {
    let s = line_start(src, offset) as usize;
    let rest = &src[s..];
    let n = rest.bytes().take_while(|b| *b == b' ' || *b == b'\t').count();
    &rest[..n]
}

/// The text of a range (empty when out of bounds).
pub fn slice(src: &str, r: TextRange) -> &str {
    src.get(r.start as usize..r.end as usize).unwrap_or("")
}

/// The line break the file uses (`\r\n` when its first line ends so, else `\n`).
pub fn newline(src: &str) -> &'static str {
    match src.find('\n') {
        Some(i) if i > 0 && src.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// Inserts `text` (one or more whole lines, each ending in a newline) on its own line before statement `s`,
/// indented as `s` is.
pub fn insert_before_stmt(src: &str, s: &Stmt, lines: &[String]) -> Edit {
    let at = line_start(src, s.range.start);
    let indent = indentation_at(src, s.range.start);
    let nl = newline(src);
    let mut text = String::new();
    for l in lines {
        text.push_str(indent);
        text.push_str(l);
        text.push_str(nl);
    }
    Edit::insert(at, text)
}

/// True when the module has `from <module> import <name>` (unaliased) at top level.
pub fn has_from_import(module: &Module, from: &str, name: &str) -> bool {
    module.body.iter().any(|s| match &s.kind {
        StmtKind::ImportFrom { module: Some(m), names, level: 0, .. } => {
            m == from && names.iter().any(|a| a.name == name && a.asname.is_none())
        }
        _ => false,
    })
}

/// A module's unaliased top-level imports: `import m` and `from m import n` (level 0).
#[derive(Debug, Default)]
pub struct Imports<'a> {
    modules: rustc_hash::FxHashSet<&'a str>,
    from: rustc_hash::FxHashSet<(&'a str, &'a str)>,
}

impl<'a> Imports<'a> {
    pub fn of(module: &'a Module) -> Self {
        let mut out = Imports::default();
        for s in &module.body {
            match &s.kind {
                StmtKind::Import(al) => out.modules.extend(al.iter().filter(|a| a.asname.is_none()).map(|a| a.name.as_str())),
                StmtKind::ImportFrom { module: Some(m), names, level: 0, .. } => {
                    out.from.extend(names.iter().filter(|a| a.asname.is_none()).map(|a| (m.as_str(), a.name.as_str())));
                }
                _ => {}
            }
        }
        out
    }

    /// [`has_import`].
    pub fn has_import(&self, name: &str) -> bool {
        self.modules.contains(name)
    }

    /// [`has_from_import`].
    pub fn has_from_import(&self, from: &str, name: &str) -> bool {
        self.from.contains(&(from, name))
    }
}

/// True when the module has `import <module>` (unaliased) at top level.
pub fn has_import(module: &Module, name: &str) -> bool {
    module.body.iter().any(|s| match &s.kind {
        StmtKind::Import(al) => al.iter().any(|a| a.name == name && a.asname.is_none()),
        _ => false,
    })
}

/// Where a new top-level import goes: after the module docstring and the leading imports, at a line start.
pub fn import_insertion_point(src: &str, module: &Module) -> u32 {
    let mut at = 0;
    for (i, s) in module.body.iter().enumerate() {
        let is_doc = i == 0
            && matches!(&s.kind, StmtKind::Expr(Expr { kind: ExprKind::Const(Constant::Str { .. }), .. }));
        let is_import = matches!(s.kind, StmtKind::Import(_) | StmtKind::ImportFrom { .. });
        if is_doc || is_import {
            at = next_line_start(src, s.range.end);
        } else {
            break;
        }
    }
    at
}

/// An edit adding `line` (an import statement without newline) at the import insertion point.
pub fn add_import(src: &str, module: &Module, line: &str) -> Edit {
    let at = import_insertion_point(src, module);
    let nl = newline(src);
    // At the end of a file without a final newline, start a new line first.
    if at as usize == src.len() && !src.is_empty() && !src.ends_with('\n') && !src.ends_with('\r') {
        return Edit::insert(at, format!("{nl}{line}{nl}"));
    }
    Edit::insert(at, format!("{line}{nl}"))
}
