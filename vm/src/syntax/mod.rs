//! The front end: source text to our [`ast`], with MicroPython's parse-time rewrites and its syntax errors.
//!
//! Pipeline (each step a plain function over plain data):
//! 1. [`lexer`]: MicroPython's tokenizer, for token lines, literal values, f-string injection and
//!    lexer-level errors; [`tstring`] expands template strings into `__template__(...)` tokens.
//! 2. [`recognize`]: MicroPython's parse loop over its [`grammar`], without building a tree: it decides
//!    whether mpy-cross's parser fails, where, and with which error (syntax, indentation, number literal,
//!    `\N` escape, memory), and reports where the program uses forms of MicroPython's looser grammar;
//!    [`mend`] turns those into token edits for rustpython and into the compile-stage errors rustpython
//!    cannot reach (`LHS of keyword arg must be an id`, mixed set/dict displays).
//! 3. [`intern`]: the qstr-or-object decision for every string literal, in token order.
//! 4. [`rewrite`]: the text rustpython will parse, rebuilt from the tokens (placeholders for literals and
//!    odd identifiers, f-strings turned into `.format(...)` calls, blanks only where tokens would run
//!    together, one space per indentation level MicroPython counted).
//! 5. `lower`: rustpython parses the rebuilt text and the tree is converted to ours, with MicroPython's
//!    lines and original byte ranges. Programs MicroPython's parser takes but rustpython refuses get the
//!    compile-stage error mpy-cross would report (`gaps`).
//!
//!    Before 4 and 5, `direct` tries to build the tree straight from the tokens (programs without mends);
//!    when it answers, its tree is exactly what 4 and 5 would give, and they are skipped.
//! 6. [`fold`]: `py/parse.c`'s rewrites (constant folding, `const()`, constant tuples, `math.*`).
//!
//! Deeply nested input is parsed (and compiled, through [`with_parsed`]) on a thread whose stack fits the
//! nesting, with a guard that turns running out of it into mpy-cross's own error (see [`stack`]).

pub mod ast;
mod direct;
mod dismantle;
pub mod dump;
pub mod fold;
mod gaps;
pub mod grammar;
pub mod intern;
pub mod lexer;
pub mod literal;
mod lower;
pub mod mend;
pub mod recognize;
pub mod rewrite;
pub mod source;
pub mod stack;
pub mod tstring;
#[cfg(test)]
mod tests;

use crate::error::{CompileError, ErrorKind};
use lexer::{Lexer, TokKind, Token};
use lower::{LowerError, LowerErrorKind};

/// Parse-time settings that change the tree.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParseOptions {
    /// `-O` level: the lexer turns `__debug__` into `True` at 0 and `False` above, before any folding.
    pub opt_level: u8,
    /// qstrs that exist before parsing besides the built-in pool: the source path as given to mpy-cross and
    /// the `-s` name. A long string literal equal to one of them is interned.
    pub known_qstrs: Vec<String>,
}

/// Parses source bytes into a module with default options (`-O0`).
pub fn parse(source: &[u8]) -> (ast::Module, Vec<CompileError>) {
    parse_with(source, &ParseOptions::default())
}

/// Parses source bytes into a module. Never fails: errors come back beside a (possibly partial) tree.
pub fn parse_with(source: &[u8], opts: &ParseOptions) -> (ast::Module, Vec<CompileError>) {
    with_parsed(source, opts, |m, e| (m, e)).unwrap_or_else(|e| (ast::Module::default(), vec![e]))
}

/// Parses source bytes into the tree *as written*: without MicroPython's parse-time folding (`const()`
/// names stay names, `1 << 4` stays an operation). For analyses that reason about the source and edit it
/// (`analysis`), not for compiling. Errors are the parser's; folding errors are left to the compiler.
pub fn parse_source_level(source: &[u8]) -> (ast::Module, Vec<CompileError>) {
    parse_impl(source, &ParseOptions::default(), false, |m, e| (m, e)).unwrap_or_else(|e| (ast::Module::default(), vec![e]))
}

/// Parses source bytes and hands the tree and its errors to `f`, on a thread whose stack fits the input's
/// nesting when it is deep (see [`stack`]); the tree is dropped there too unless `f` returns it. `Err` when
/// no such thread can be started.
pub fn with_parsed<R: Send>(
    source: &[u8],
    opts: &ParseOptions,
    f: impl FnOnce(ast::Module, Vec<CompileError>) -> R + Send,
) -> Result<R, CompileError> {
    parse_impl(source, opts, true, f)
}

fn parse_impl<R: Send>(
    source: &[u8],
    opts: &ParseOptions,
    fold: bool,
    f: impl FnOnce(ast::Module, Vec<CompileError>) -> R + Send,
) -> Result<R, CompileError> {
    let tokens = tstring::expand(Lexer::tokenize(source, opts.opt_level), opts.opt_level);
    let mends = match recognize::recognize(&tokens) {
        Ok(facts) => mend::plan(&tokens, &facts),
        Err(stop) => return Ok(f(ast::Module::default(), vec![parser_error(&stop, &tokens)])),
    };
    let depth = nesting_estimate(&tokens);
    if depth <= INLINE_DEPTH {
        if mends.is_empty() {
            let str_kinds = intern::decide(&tokens, &opts.known_qstrs);
            if let Some((mut module, side)) = direct::build(&tokens, &str_kinds) {
                let err = if fold { fold::fold_module(&mut module, &side) } else { None };
                return Ok(f(module, err.into_iter().collect()));
            }
        }
        let (m, e) = build_tree(source, &tokens, &mends, opts, fold);
        return Ok(f(m, e));
    }
    // Deeply nested input: the passes (lowering, folding, compiling) recurse per level, so they run on a
    // thread whose stack fits the estimate (only the pages actually used cost memory), with the stack guard
    // armed in case it does not. mpy-cross itself accepts a few thousand levels.
    let per_level: usize = if cfg!(debug_assertions) { 64 << 10 } else { 16 << 10 };
    let size = (4usize << 20).saturating_add(depth.saturating_mul(per_level)).min(MAX_STACK);
    stack::run_on_thread(size, || {
        let (m, e) = build_tree(source, &tokens, &mends, opts, fold);
        f(m, e)
    })
    .ok_or_else(|| CompileError::new(ErrorKind::MemoryError, "memory allocation failed"))
}

/// For the test that the direct tree builder agrees with rustpython's path: for a program the recognizer
/// accepts without mends, the direct builder's answer and what `lower` makes of rustpython's first parse
/// (both before folding; `Err` with rustpython's complaint when it refuses). `None` for other programs.
#[doc(hidden)]
#[allow(clippy::type_complexity)]
pub fn direct_and_lowered(
    source: &[u8],
    opts: &ParseOptions,
) -> Option<(Option<(ast::Module, fold::SideTables)>, Result<(ast::Module, fold::SideTables), String>)> {
    let tokens = tstring::expand(Lexer::tokenize(source, opts.opt_level), opts.opt_level);
    let mends = recognize::recognize(&tokens).ok().map(|facts| mend::plan(&tokens, &facts))?;
    if !mends.is_empty() || nesting_estimate(&tokens) > INLINE_DEPTH {
        return None;
    }
    let str_kinds = intern::decide(&tokens, &opts.known_qstrs);
    let direct = direct::build(&tokens, &str_kinds);
    let rw = rewrite::rewrite(source, &tokens, &mends.edits);
    let lowered = lower::lower_module(&lower::Input { rw: &rw, tokens: &tokens, str_kinds: &str_kinds }, true)
        .map(|l| (l.module, l.side))
        .map_err(|e| format!("{e:?}"));
    Some((direct, lowered))
}

/// Nesting up to this estimate is parsed on the caller's stack.
const INLINE_DEPTH: usize = 48;
/// The largest stack we ask for when parsing deeply nested input.
const MAX_STACK: usize = 1 << 30;

/// An upper bound on how deeply our trees can nest for these tokens: blocks, brackets, operators (each may
/// add a level, e.g. a long `a + b + c` chain nests left) and `elif` branches (each nests in the one before).
fn nesting_estimate(tokens: &[Token]) -> usize {
    let (mut indent, mut max, mut sum) = (0usize, 0usize, 0usize);
    let mut levels: Vec<usize> = vec![0];
    // Per indentation level, the `elif` branches of the if statement there so far.
    let mut elifs: Vec<usize> = vec![0];
    let mut elif_sum = 0usize;
    let mut line_start = true;
    for t in tokens {
        if line_start && levels.len() == 1 && !matches!(t.kind, TokKind::Newline | TokKind::Indent | TokKind::Dedent) {
            while elifs.len() > indent + 1 {
                elif_sum -= elifs.pop().unwrap_or(0);
            }
            elifs.resize(indent + 1, 0);
            match t.kind {
                TokKind::Keyword("elif") => {
                    elifs[indent] += 1;
                    elif_sum += 1;
                }
                TokKind::Keyword("else") => {}
                _ => {
                    elif_sum -= elifs[indent];
                    elifs[indent] = 0;
                }
            }
        }
        line_start = false;
        match &t.kind {
            TokKind::Indent => {
                indent += 1;
                line_start = true;
            }
            TokKind::Dedent => {
                indent = indent.saturating_sub(1);
                line_start = true;
            }
            TokKind::Op("(" | "[" | "{") => {
                // A bracket may also be a trailer (`a[0][0]`, `f()()`) nesting its left side one level
                // deeper, like an operator.
                if let Some(top) = levels.last_mut() {
                    *top += 1;
                    sum += 1;
                }
                levels.push(0);
            }
            TokKind::Op(")" | "]" | "}") if levels.len() > 1 => {
                sum -= levels.pop().unwrap_or(0);
            }
            TokKind::Newline if levels.len() == 1 => {
                sum -= levels[0];
                levels[0] = 0;
                line_start = true;
            }
            TokKind::Op("," | ";" | ":" | "=") => {}
            TokKind::Op(_) | TokKind::Keyword("not" | "and" | "or" | "if" | "else" | "lambda" | "await" | "in" | "is" | "yield" | "for") => {
                if let Some(top) = levels.last_mut() {
                    *top += 1;
                    sum += 1;
                }
            }
            _ => {}
        }
        max = max.max(indent + levels.len() + sum + elif_sum);
    }
    max
}

/// Rebuilds the text for rustpython, parses and lowers it, and applies MicroPython's parse-time rewrites.
fn build_tree(
    source: &[u8],
    tokens: &[Token],
    mends: &mend::Mends,
    opts: &ParseOptions,
    fold: bool,
) -> (ast::Module, Vec<CompileError>) {
    let str_kinds = intern::decide(tokens, &opts.known_qstrs);
    let mut rw = rewrite::rewrite(source, tokens, &mends.edits);
    for attempt in 0..64 {
        // The first attempt hands rustpython the tokens; a refused program is parsed from the text.
        let result = lower::lower_module(&lower::Input { rw: &rw, tokens, str_kinds: &str_kinds }, attempt == 0);
        if attempt == 0 && result.is_err() {
            continue;
        }
        match result {
            Ok(_) if !mends.errors.is_empty() => {
                // rustpython parsed what it should not have (defensive: it refuses all of these forms).
                return (ast::Module::default(), vec![gaps::mend_error(&mends.errors[0], tokens)]);
            }
            Ok(lowered) if !fold => return (lowered.module, Vec::new()),
            Ok(mut lowered) => {
                let err = fold::fold_module(&mut lowered.module, &lowered.side);
                return (lowered.module, err.into_iter().collect());
            }
            Err(e) => {
                // Constructs MicroPython accepts and rustpython refuses: repair the text and try again.
                if let LowerErrorKind::Parse { semantic: Some(sem), text_offset, .. } = &e.kind {
                    let bare_star = *sem == lower::Semantic::BareStar;
                    if (bare_star || *sem == lower::Semantic::DuplicateKeywordArgument) && rw.repair(*text_offset, bare_star) {
                        continue;
                    }
                }
                return (ast::Module::default(), vec![lower_error(&e, tokens, &mends.errors)]);
            }
        }
    }
    let err = CompileError::internal("too many repairs of rustpython's input");
    (ast::Module::default(), vec![err])
}

/// The error mpy-cross's parser raises where [`recognize`] stopped.
fn parser_error(stop: &recognize::Stop, tokens: &[Token]) -> CompileError {
    let t = &tokens[stop.token.min(tokens.len() - 1)];
    let range = ast::TextRange::new(t.start, t.end);
    let (kind, msg) = match &stop.failure {
        recognize::Failure::Syntax => match t.kind {
            TokKind::Indent => (ErrorKind::IndentationError, "unexpected indent".to_string()),
            TokKind::DedentMismatch => (ErrorKind::IndentationError, "unindent doesn't match any outer indent level".to_string()),
            TokKind::MalformedFString => (ErrorKind::SyntaxError, "malformed f-string".to_string()),
            _ => (ErrorKind::SyntaxError, "invalid syntax".to_string()),
        },
        recognize::Failure::Literal(literal::LiteralErrorKind::BadInteger { base, text }) => {
            (ErrorKind::SyntaxError, literal::bad_integer_message(*base, text))
        }
        recognize::Failure::Literal(_) => (ErrorKind::SyntaxError, "invalid syntax for number".to_string()),
        recognize::Failure::NameEscape => {
            return CompileError::new(ErrorKind::NotImplementedError, "unicode name escapes").with_range(range);
        }
        recognize::Failure::Memory { bytes } => {
            let msg = format!("memory allocation failed, allocating {bytes} bytes");
            return CompileError::new(ErrorKind::MemoryError, msg).with_range(range);
        }
    };
    CompileError::new(kind, msg).at_line(t.line).with_range(range)
}

/// Converts a lowering failure into the error mpy-cross prints. `gap_errors` are the compile-stage errors
/// of constructs rustpython cannot parse (see [`mend`]): the first one wins when rustpython stopped at or
/// after it.
fn lower_error(e: &LowerError, tokens: &[Token], gap_errors: &[mend::GapError]) -> CompileError {
    // The line MicroPython gives the token at the failing offset.
    let line = tokens.iter().rev().find(|t| !t.injected && t.start <= e.offset).map_or(1, |t| t.line);
    let range = ast::TextRange::new(e.offset, e.offset);
    let parse_failed = matches!(e.kind, LowerErrorKind::Parse { .. });
    if let Some(g) = gap_errors.first().filter(|g| parse_failed && tokens[g.anchor].start <= e.offset) {
        return gaps::mend_error(g, tokens);
    }
    if let LowerErrorKind::Parse { semantic: Some(sem), .. } = &e.kind {
        if let Some(err) = gaps::compile_stage_error(sem, e.offset, tokens) {
            return err.with_range(range);
        }
    }
    if let LowerErrorKind::Parse { detail, .. } = &e.kind {
        // MicroPython's parser accepted this program: a construct rustpython does not take.
        let msg = format!("rustpython-parser rejects a program MicroPython accepts: {detail}");
        return CompileError::new(ErrorKind::Internal, msg).at_line(line).with_range(range);
    }
    let (kind, message) = match &e.kind {
        LowerErrorKind::Parse { indentation: true, .. } => (ErrorKind::IndentationError, "unexpected indent"),
        LowerErrorKind::Parse { .. } | LowerErrorKind::Unsupported(_) => (ErrorKind::SyntaxError, "invalid syntax"),
        LowerErrorKind::OutOfStack => return stack::error(),
        LowerErrorKind::Literal(l) => match l.kind {
            literal::LiteralErrorKind::BadNumber => (ErrorKind::SyntaxError, "invalid syntax for number"),
            literal::LiteralErrorKind::BadInteger { base, ref text } => {
                let msg = literal::bad_integer_message(base, text);
                return CompileError::new(ErrorKind::SyntaxError, msg).at_line(line).with_range(range);
            }
        },
    };
    CompileError::new(kind, message).at_line(line).with_range(range)
}
