//! `import` and `from … import` (`compile_import_name`, `compile_import_from`, `do_import_name`).

use super::scope::ScopeKind;
use super::Compiler;
use crate::emit::{AccessKind, BuildKind, ConstTok, ImportKind};
use crate::syntax::ast::{Alias, Stmt};

impl<'a> Compiler<'a> {
    /// `do_import_name`: `IMPORT_NAME` of the full dotted name; returns the name to bind. With `as`, the
    /// submodule is reached through attribute loads.
    fn do_import_name(&mut self, name: &'a str, asname: Option<&'a str>) -> &'a str {
        if name.is_empty() {
            // `from . import x`
            self.emit().import("", ImportKind::Name);
            return asname.unwrap_or("");
        }
        self.emit().import(name, ImportKind::Name);
        let mut parts = name.split('.');
        let first = parts.next().unwrap_or(name);
        match asname {
            Some(a) => {
                for p in parts {
                    self.emit().attr(p, AccessKind::Load);
                }
                a
            }
            None => first,
        }
    }

    /// `compile_import_name`: `import a.b as c, d`.
    pub(super) fn compile_import_name(&mut self, names: &'a [Alias]) {
        for alias in names {
            self.emit().load_const_small_int(0);
            self.emit().load_const_tok(ConstTok::None);
            let base = self.do_import_name(&alias.name, alias.asname.as_deref());
            self.compile_store_id(base);
        }
    }

    /// `compile_import_from`: `from ..a.b import c as d, e` and `from a import *`.
    pub(super) fn compile_import_from(
        &mut self,
        s: &'a Stmt,
        module: Option<&'a str>,
        names: &'a [Alias],
        level: u32,
        star: bool,
    ) {
        let module = module.unwrap_or("");
        if star {
            if self.scope().kind != ScopeKind::Module {
                self.syntax_error(s.line, "import * not at module level");
                return;
            }
            self.emit().load_const_small_int(i64::from(level));
            self.emit().load_const_str("*");
            self.emit().build(1, BuildKind::Tuple);
            self.do_import_name(module, None);
            self.emit().import("", ImportKind::Star);
        } else {
            self.emit().load_const_small_int(i64::from(level));
            for alias in names {
                self.emit().load_const_str(&alias.name);
            }
            self.emit().build(names.len() as u32, BuildKind::Tuple);
            self.do_import_name(module, None);
            for alias in names {
                self.emit().import(&alias.name, ImportKind::From);
                self.compile_store_id(alias.asname.as_deref().unwrap_or(&alias.name));
            }
            self.emit().pop_top();
        }
    }
}
