//! Classes (`compile_classdef_helper`, and `compile_scope` for `SCOPE_CLASS`).
//!
//! `class C(B): body` compiles to `LOAD_BUILD_CLASS; MAKE_FUNCTION <body>; LOAD_CONST_STRING 'C'; <bases>;
//! CALL_FUNCTION 2+n`. The body stores `__module__` and `__qualname__` first and returns the `__class__`
//! cell when a method uses `super()` (or names `__class__`), otherwise None.

use super::scope::{EmitOption, IdKind, ScopeKind, ScopeNode};
use super::Compiler;
use crate::emit::{ConstTok, LocalKind, Pass};
use crate::syntax::ast::ClassDef;

impl<'a> Compiler<'a> {
    /// `compile_classdef_helper`: leaves the new class on the stack.
    pub(super) fn compile_classdef_helper(&mut self, cdef: &'a ClassDef, emit_options: EmitOption) {
        let Some(cscope) = self.scope_for_node(
            cdef,
            ScopeKind::Class,
            ScopeNode::Class(cdef),
            cdef.def_line,
            cdef.name.clone(),
            emit_options,
        ) else {
            return;
        };
        self.emit().load_build_class();
        self.close_over_variables_etc(cscope, 0, 0);
        self.emit().load_const_str(&cdef.name);
        self.compile_trailer_paren_helper(&cdef.bases, &cdef.keywords, false, 2);
    }

    /// The body of a class scope.
    pub(super) fn compile_scope_class(&mut self, cdef: &'a ClassDef) {
        if self.pass == Pass::Scope {
            self.scope_mut().find_or_add("__class__", IdKind::Local);
        }
        self.compile_load_id("__name__");
        self.compile_store_id("__module__");
        self.emit().load_const_str(&cdef.name);
        self.compile_store_id("__qualname__");

        self.compile_suite(&cdef.body);

        match self.scope().find("__class__") {
            Some(i) if self.scope().id_info[i].kind != IdKind::Local => {
                let local_num = self.scope().id_info[i].local_num;
                self.emit().load_local("__class__", local_num, LocalKind::Fast);
            }
            _ => self.emit().load_const_tok(ConstTok::None),
        }
        self.emit().return_value();
    }
}
