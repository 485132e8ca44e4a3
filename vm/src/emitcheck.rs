//! Per-function emitter checks for editors: would this `def` compile under `@micropython.native` or
//! `@micropython.viper`, and if not, which error and where — without writing a file.
//!
//! The source is parsed once; then the module is compiled once as written and, for every `def`, once
//! with that function forced to native and once forced to viper (nested scopes inherit the emitter, as
//! with the decorators). Errors are exactly what mpy-cross would print, plus a byte range in the source
//! for editors (the line the error names, or the `def` when the error has no line). Where mpy-cross
//! itself would abort on an assertion, the error says so (`ErrorKind::Internal`).

use crate::compiler::{compile_module_with, CompileExtras};
use crate::syntax::ast::{self, Stmt, StmtKind, TextRange};
use crate::{Arch, CompileError, CompileOptions, EmitOpt};

/// What each emitter makes of one `def`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunctionEmitReport {
    /// Dotted path of names from the module (`Class.method`, `outer.inner`).
    pub name: String,
    /// The `def` statement (decorators included).
    pub range: TextRange,
    /// Line of the `def` keyword.
    pub line: u32,
    /// Size of the function's bytecode (`fun_data`) as the module is written, if it compiles.
    pub bytecode_size: Option<usize>,
    /// `@micropython.native`: size of the machine code (with its prelude), or the error.
    pub native: Result<usize, CompileError>,
    /// `@micropython.viper`: size of the machine code, or the error.
    pub viper: Result<usize, CompileError>,
}

/// A `def` found in the tree.
struct FoundDef<'a> {
    stmt: &'a Stmt,
    fdef: &'a ast::FunctionDef,
}

fn collect_defs<'a>(body: &'a [Stmt], out: &mut Vec<FoundDef<'a>>) {
    for s in body {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                out.push(FoundDef { stmt: s, fdef: f });
                collect_defs(&f.body, out);
            }
            StmtKind::ClassDef(c) => collect_defs(&c.body, out),
            StmtKind::For { body, orelse, .. } | StmtKind::While { body, orelse, .. } => {
                collect_defs(body, out);
                collect_defs(orelse, out);
            }
            StmtKind::If { body, orelse, .. } => {
                collect_defs(body, out);
                collect_defs(orelse, out);
            }
            StmtKind::With { body, .. } => collect_defs(body, out),
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                collect_defs(body, out);
                for h in handlers {
                    collect_defs(&h.body, out);
                }
                collect_defs(orelse, out);
                collect_defs(finalbody, out);
            }
            _ => {}
        }
    }
}

fn node_key(f: &ast::FunctionDef) -> usize {
    f as *const ast::FunctionDef as usize
}

/// The byte range of line `line` (1-based) without its indentation and line ending.
fn line_range(source: &[u8], line: u32) -> Option<TextRange> {
    let mut start = 0usize;
    for _ in 1..line {
        let nl = source[start..].iter().position(|&b| b == b'\n')?;
        start += nl + 1;
    }
    let end = source[start..].iter().position(|&b| b == b'\n').map_or(source.len(), |n| start + n);
    let mut s = start;
    while s < end && (source[s] == b' ' || source[s] == b'\t') {
        s += 1;
    }
    let mut e = end;
    while e > s && (source[e - 1] == b'\r' || source[e - 1] == b' ') {
        e -= 1;
    }
    Some(TextRange { start: s as u32, end: e as u32 })
}

/// Gives an error a source range: its own if it has one, else its line, else the `def`.
fn locate(mut e: CompileError, source: &[u8], def_range: TextRange) -> CompileError {
    if e.range.start == e.range.end {
        e.range = e.line.and_then(|l| line_range(source, l)).unwrap_or(def_range);
    }
    e
}

/// Checks every `def` of `source` under the native and viper emitters. `opts.arch` picks the target
/// (x64 when none is given: the errors do not depend on it); `opts.emit` is ignored for the functions
/// checked. A source that does not parse gives no reports.
pub fn check_emitters(source: &[u8], opts: &CompileOptions) -> Vec<FunctionEmitReport> {
    let parse_opts = crate::syntax::ParseOptions {
        opt_level: opts.opt_level,
        known_qstrs: vec![opts.source_name.clone()],
    };
    let (module, errors) = crate::syntax::parse_with(source, &parse_opts);
    if !errors.is_empty() {
        return Vec::new();
    }
    let mut opts = opts.clone();
    if opts.arch.is_none() {
        opts.arch = Some(Arch::X64);
    }

    let mut defs = Vec::new();
    collect_defs(&module.body, &mut defs);

    let mut plain = CompileExtras::default();
    let plain_ok = compile_module_with(&module, source, &opts, &mut plain).is_ok();

    let size_of = |extras: &CompileExtras, node: usize| {
        extras.functions.iter().find(|f| f.node == node).map(|f| f.size)
    };

    defs.iter()
        .map(|d| {
            let node = node_key(d.fdef);
            let name = plain
                .functions
                .iter()
                .find(|f| f.node == node)
                .map_or_else(|| d.fdef.name.to_string(), |f| f.qualified_name.clone());
            let forced = |emit: EmitOpt| -> Result<usize, CompileError> {
                let mut extras = CompileExtras { force_emit: Some((node, emit)), ..CompileExtras::default() };
                match compile_module_with(&module, source, &opts, &mut extras) {
                    Ok(_) => size_of(&extras, node)
                        .ok_or_else(|| CompileError::internal("function was not compiled")),
                    Err(e) => Err(locate(e, source, d.stmt.range)),
                }
            };
            let native = forced(EmitOpt::Native);
            let viper = forced(EmitOpt::Viper);
            FunctionEmitReport {
                name,
                range: d.stmt.range,
                line: d.fdef.def_line,
                bytecode_size: if plain_ok { size_of(&plain, node) } else { None },
                native,
                viper,
            }
        })
        .collect()
}

/// The generated code of every native or viper function of `source` as text: for `-march=debug` the
/// pseudo-assembly mpy-cross prints, for x64/x86 an objdump-style listing (offset, bytes, instruction).
/// `(qualified name, text)` in compilation order, or the compile error.
pub fn native_listings(source: &[u8], opts: &CompileOptions) -> Result<Vec<(String, String)>, CompileError> {
    let parse_opts = crate::syntax::ParseOptions {
        opt_level: opts.opt_level,
        known_qstrs: vec![opts.source_name.clone()],
    };
    let (module, errors) = crate::syntax::parse_with(source, &parse_opts);
    if let Some(e) = errors.into_iter().next() {
        return Err(e);
    }
    let mut extras = CompileExtras { want_native_listing: true, ..CompileExtras::default() };
    compile_module_with(&module, source, opts, &mut extras)?;
    Ok(extras.native_listings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> CompileOptions {
        CompileOptions { source_name: "t.py".into(), ..CompileOptions::default() }
    }

    #[test]
    fn reports_native_and_viper_per_function() {
        let src = b"\
def ok(a, b):
    return a + b

def typed(a):
    x = 1
    x = a
    return x

class C:
    def gen(self):
        yield 1
";
        let reports = check_emitters(src, &opts());
        let names: Vec<&str> = reports.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["ok", "typed", "C.gen"]);

        let ok = &reports[0];
        assert!(ok.bytecode_size.is_some());
        assert!(ok.native.is_ok());
        // Unannotated: a, b are objects, so viper compiles too.
        assert!(ok.viper.is_ok());

        let typed = &reports[1];
        assert!(typed.native.is_ok());
        let e = typed.viper.as_ref().unwrap_err();
        assert_eq!(e.message, "local 'x' has type 'int' but source is 'object'");
        assert_eq!(e.line, Some(6));
        let text = String::from_utf8_lossy(&src[e.range.start as usize..e.range.end as usize]).to_string();
        assert_eq!(text.trim(), "x = a");

        let gen = &reports[2];
        assert!(gen.native.is_ok());
        let e = gen.viper.as_ref().unwrap_err();
        assert_eq!(e.render("t.py"), "NotImplementedError: native yield\n");
        assert_eq!(&src[e.range.start as usize..e.range.end as usize], &src[gen.range.start as usize..gen.range.end as usize]);
    }

    #[test]
    fn listings_for_debug_and_x64() {
        let src = b"@micropython.viper\ndef f(a: int) -> int:\n    return a + 1\n";
        let mut o = opts();
        o.arch = Some(Arch::Debug);
        let l = native_listings(src, &o).unwrap();
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].0, "f");
        assert!(l[0].1.starts_with("ENTRY(f, num_locals="), "{}", l[0].1);
        o.arch = Some(Arch::X64);
        let l = native_listings(src, &o).unwrap();
        assert!(l[0].1.contains("push"), "{}", l[0].1);
    }
}
