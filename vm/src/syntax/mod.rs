//! The front end: source text to our [`ast`], with MicroPython's parse-time rewrites and its syntax errors.

pub mod ast;

use crate::error::CompileError;

/// Parses source bytes into a module. Never fails: errors come back beside a (possibly partial) tree.
pub fn parse(_source: &[u8]) -> (ast::Module, Vec<CompileError>) {
    (ast::Module::default(), vec![CompileError::internal("front end not implemented")])
}
