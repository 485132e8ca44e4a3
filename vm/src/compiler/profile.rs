//! Profiling instrumentation emitted around scope bodies and yields (see [`crate::profile`]): calls into
//! the `_mpprof` module reached with `IMPORT_NAME`, results popped, nothing stored in any namespace.

use super::scope::{ScopeKind, ScopeNode, SCOPE_FLAG_GENERATOR};
use super::Compiler;
use crate::emit::{BlockKind, ConstTok, GlobalKind, ImportKind, Label, Pass};
use crate::profile::{ProfiledScope, ScopeKind as ProfKind, PROFILER_MODULE};

/// What [`Compiler::profile_begin`] opened, for [`Compiler::profile_end`].
#[derive(Clone, Copy, Debug)]
pub(super) struct ProfileBlock {
    finally_label: Label,
    id: u32,
}

impl<'a> Compiler<'a> {
    /// The profile id of the current scope, when it is instrumented (given out in the scope pass, in scope
    /// order).
    fn profile_id(&mut self) -> Option<u32> {
        let plan = self.profile.as_ref()?;
        let kind = self.scope().kind;
        if !matches!(kind, ScopeKind::Module | ScopeKind::Function | ScopeKind::Lambda) {
            return None;
        }
        if let Some(&id) = self.profile_ids.get(&self.cur) {
            return Some(id);
        }
        if self.pass != Pass::Scope {
            return None;
        }
        let id = plan.first_id + self.profile_ids.len() as u32;
        self.profile_ids.insert(self.cur, id);
        Some(id)
    }

    /// `_mpprof.<method>(args...)` with the result discarded; the stack is left as it was.
    fn profile_call(&mut self, method: &str, id: Option<u32>) {
        let e = self.emit();
        e.load_const_small_int(0);
        e.load_const_tok(ConstTok::None);
        e.import(PROFILER_MODULE, ImportKind::Name);
        e.load_method(method, false);
        match id {
            Some(id) => {
                e.load_const_small_int(i64::from(id));
                e.call_method(1, 0, 0);
            }
            None => e.call_method(0, 0, 0),
        }
        e.pop_top();
    }

    /// Starts an instrumented body: the entry module's `__name__`, `enter(id)` and the `try:` of the
    /// `try/finally` that calls `exit()`. `None` when the scope is not instrumented.
    pub(super) fn profile_begin(&mut self) -> Option<ProfileBlock> {
        let id = self.profile_id()?;
        if self.scope().kind == ScopeKind::Module && self.profile.as_ref().is_some_and(|p| p.entry) {
            self.emit().load_const_str("__main__");
            self.emit().store_global("__name__", GlobalKind::Name);
        }
        self.profile_call("enter", Some(id));
        let finally_label = self.next_label();
        self.compile_increase_except_level(finally_label, BlockKind::Finally);
        self.emit().adjust_stack_size(3);
        Some(ProfileBlock { finally_label, id })
    }

    /// Ends what [`Compiler::profile_begin`] started: the `finally:` calling `exit()` (as
    /// `compile_try_finally` compiles it).
    pub(super) fn profile_end(&mut self, block: Option<ProfileBlock>) {
        let Some(b) = block else { return };
        self.emit().adjust_stack_size(-3);
        self.emit().load_const_tok(ConstTok::None);
        self.emit().label_assign(b.finally_label);
        self.emit().adjust_stack_size(1);
        self.profile_call("exit", None);
        self.emit().adjust_stack_size(-1);
        self.compile_decrease_except_level();
    }

    /// Before a suspension point (`yield`, `yield from`, `await`) of an instrumented scope: `exit()` and a
    /// `try:` whose `finally:` calls `enter(id)` again on resume, whether the generator is resumed with a
    /// value or an exception is thrown into it.
    pub(super) fn profile_suspend(&mut self) -> Option<ProfileBlock> {
        let id = *self.profile_ids.get(&self.cur)?;
        self.profile.as_ref()?;
        self.profile_call("exit", None);
        let finally_label = self.next_label();
        self.compile_increase_except_level(finally_label, BlockKind::Finally);
        Some(ProfileBlock { finally_label, id })
    }

    /// After the suspension point: the `finally:` that calls `enter(id)`.
    pub(super) fn profile_resume(&mut self, block: Option<ProfileBlock>) {
        let Some(b) = block else { return };
        self.emit().load_const_tok(ConstTok::None);
        self.emit().label_assign(b.finally_label);
        self.emit().adjust_stack_size(1);
        self.profile_call("enter", Some(b.id));
        self.emit().adjust_stack_size(-1);
        self.compile_decrease_except_level();
    }

    /// The instrumented scopes, in id order.
    pub(super) fn profiled_scopes(&self) -> Vec<ProfiledScope> {
        let mut out: Vec<ProfiledScope> = self
            .profile_ids
            .iter()
            .map(|(&sid, &id)| {
                let s = &self.scopes[sid];
                let (kind, line) = match s.node {
                    ScopeNode::Module(_) => (ProfKind::Module, 1),
                    ScopeNode::Function(f) => {
                        let k = if s.scope_flags & SCOPE_FLAG_GENERATOR != 0 { ProfKind::Generator } else { ProfKind::Function };
                        (k, f.def_line)
                    }
                    _ => {
                        let k = if s.scope_flags & SCOPE_FLAG_GENERATOR != 0 { ProfKind::Generator } else { ProfKind::Lambda };
                        (k, s.line)
                    }
                };
                ProfiledScope { id, kind, qualified_name: self.qualified_name(sid), line }
            })
            .collect();
        out.sort_by_key(|s| s.id);
        out
    }
}
