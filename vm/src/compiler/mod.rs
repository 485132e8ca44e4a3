//! The compiler (`py/compile.c`, `py/scope.c`): scopes and passes over the tree, driving an emitter per scope.

use crate::{CompileOptions, Compiled};

pub fn compile_source(source: &[u8], _opts: &CompileOptions) -> Compiled {
    let (_module, errors) = crate::syntax::parse(source);
    Compiled { module: None, error: errors.into_iter().next() }
}
