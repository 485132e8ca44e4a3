//! Scopes and identifiers (`py/scope.c`, `scope_compute_things` in `py/compile.c`).
//!
//! Every module, class, function, lambda and comprehension is a scope. Scopes live in one list in the
//! order they are discovered (the module first), which is also the order they are compiled in. During the
//! scope pass each scope records the identifiers it uses in first-seen order; the kind of each identifier
//! (local, cell, free, global) is settled once all scopes have been seen, and then locals are numbered.

use crate::hash::FxHashMap as HashMap;

use crate::emit::ScopeId;
use crate::syntax::ast;

/// `scope_kind_t`; the order matters (`SCOPE_IS_FUNC_LIKE`, `SCOPE_IS_COMP_LIKE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ScopeKind {
    Module,
    Class,
    Lambda,
    ListComp,
    DictComp,
    SetComp,
    GenExpr,
    Function,
}

impl ScopeKind {
    pub fn is_func_like(self) -> bool {
        self >= ScopeKind::Lambda
    }

    pub fn is_comp_like(self) -> bool {
        (ScopeKind::ListComp..=ScopeKind::GenExpr).contains(&self)
    }
}

/// `id_info_kind_t`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    Undecided,
    GlobalImplicit,
    /// A module- or class-level name that is assigned, so it is never closed over.
    GlobalImplicitAssigned,
    GlobalExplicit,
    Local,
    /// A local that an inner scope closes over.
    Cell,
    /// A variable of an outer scope that this scope uses.
    Free,
}

pub const ID_FLAG_IS_PARAM: u8 = 0x01;
pub const ID_FLAG_IS_STAR_PARAM: u8 = 0x02;
pub const ID_FLAG_IS_DBL_STAR_PARAM: u8 = 0x04;
/// `ID_FLAG_VIPER_TYPE_POS`: a viper parameter's `MP_NATIVE_TYPE_*` is kept in the flags from this bit.
pub const ID_FLAG_VIPER_TYPE_POS: u8 = 4;

/// `MP_SCOPE_FLAG_*` (`py/runtime0.h`).
pub const SCOPE_FLAG_GENERATOR: u32 = 0x01;
pub const SCOPE_FLAG_VARKEYWORDS: u32 = 0x02;
pub const SCOPE_FLAG_VARARGS: u32 = 0x04;
pub const SCOPE_FLAG_DEFKWARGS: u32 = 0x08;
/// The scope references globals (native code then swaps in the module's globals).
pub const SCOPE_FLAG_REFGLOBALS: u32 = 0x10;
/// The scope loads from the constant table (native code then needs the function object).
pub const SCOPE_FLAG_HASCONSTS: u32 = 0x20;
/// `MP_SCOPE_FLAG_VIPERRET_POS`: three bits of viper return type.
pub const SCOPE_FLAG_VIPERRET_POS: u32 = 6;

/// `id_info_t`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdInfo {
    pub kind: IdKind,
    pub flags: u8,
    pub local_num: u32,
    pub qst: String,
}

/// The code emitter a scope uses (`MP_EMIT_OPT_*`), chosen by decorators or `-X emit=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmitOption {
    Bytecode,
    NativePython,
    Viper,
    Asm,
}

/// The part of the tree a scope compiles (`scope->pn`).
#[derive(Clone, Copy, Debug)]
pub enum ScopeNode<'a> {
    Module(&'a [ast::Stmt]),
    Function(&'a ast::FunctionDef),
    Class(&'a ast::ClassDef),
    /// The lambda expression itself (for its line) with its parameters and body.
    Lambda { expr: &'a ast::Expr, args: &'a ast::Arguments, body: &'a ast::Expr },
    /// A comprehension: the element expression(s) and the `for`/`if` clauses.
    Comprehension { elt: &'a ast::Expr, value: Option<&'a ast::Expr>, generators: &'a [ast::Comprehension] },
}

/// `scope_t`.
#[derive(Clone, Debug)]
pub struct Scope<'a> {
    pub kind: ScopeKind,
    pub parent: Option<ScopeId>,
    pub node: ScopeNode<'a>,
    /// The line MicroPython's parse node for this scope carries (used when an error has no better line).
    pub line: u32,
    pub simple_name: String,
    pub scope_flags: u32,
    pub emit_options: EmitOption,
    pub num_pos_args: u32,
    pub num_kwonly_args: u32,
    pub num_def_pos_args: u32,
    pub num_locals: u32,
    pub stack_size: u32,
    pub exc_stack_size: u32,
    /// Identifiers in first-seen order. Only [`Scope::find_or_add`] and [`compute_things`] change its
    /// shape, keeping `id_index` in step.
    pub id_info: Vec<IdInfo>,
    /// Position of each identifier in `id_info` (scopes can hold tens of thousands of names).
    id_index: HashMap<String, usize>,
}

impl<'a> Scope<'a> {
    pub fn new(
        kind: ScopeKind,
        parent: Option<ScopeId>,
        node: ScopeNode<'a>,
        line: u32,
        simple_name: String,
        emit_options: EmitOption,
    ) -> Self {
        Scope {
            kind,
            parent,
            node,
            line,
            simple_name,
            scope_flags: 0,
            emit_options,
            num_pos_args: 0,
            num_kwonly_args: 0,
            num_def_pos_args: 0,
            num_locals: 0,
            stack_size: 0,
            exc_stack_size: 0,
            id_info: Vec::new(),
            id_index: HashMap::default(),
        }
    }

    /// `scope_find`.
    pub fn find(&self, qst: &str) -> Option<usize> {
        self.id_index.get(qst).copied()
    }

    /// `scope_find_or_add_id`: new identifiers go at the end (parameters are added first by the compiler).
    pub fn find_or_add(&mut self, qst: &str, kind: IdKind) -> usize {
        if let Some(i) = self.find(qst) {
            return i;
        }
        self.id_info.push(IdInfo { kind, flags: 0, local_num: 0, qst: qst.to_string() });
        let i = self.id_info.len() - 1;
        self.id_index.insert(qst.to_string(), i);
        i
    }

    /// Simple names of the non-function scopes (`scope_simple_name_table`).
    pub fn simple_name_for(kind: ScopeKind) -> &'static str {
        match kind {
            ScopeKind::Module => "<module>",
            ScopeKind::Lambda => "<lambda>",
            ScopeKind::ListComp => "<listcomp>",
            ScopeKind::DictComp => "<dictcomp>",
            ScopeKind::SetComp => "<setcomp>",
            ScopeKind::GenExpr => "<genexpr>",
            ScopeKind::Class | ScopeKind::Function => "",
        }
    }
}

/// `scope_find_global`: the identifier in the outermost scope.
pub fn find_global(scopes: &[Scope<'_>], mut sid: ScopeId, qst: &str) -> Option<(ScopeId, usize)> {
    while let Some(p) = scopes[sid].parent {
        sid = p;
    }
    scopes[sid].find(qst).map(|i| (sid, i))
}

/// `scope_close_over_in_parents`: marks `qst` free in every scope between `sid` and the one defining it,
/// and turns the definition into a cell.
fn close_over_in_parents(scopes: &mut [Scope<'_>], sid: ScopeId, qst: &str) {
    let mut cur = scopes[sid].parent;
    while let Some(s) = cur {
        if scopes[s].parent.is_none() {
            // Never reached for valid input: the module scope is not searched.
            return;
        }
        let i = scopes[s].find_or_add(qst, IdKind::Undecided);
        let id = &mut scopes[s].id_info[i];
        match id.kind {
            IdKind::Undecided => {
                id.kind = IdKind::Free;
                cur = scopes[s].parent;
            }
            IdKind::Local => {
                id.kind = IdKind::Cell;
                return;
            }
            _ => return,
        }
    }
}

/// `scope_check_to_close_over`: an implicit global that an enclosing function defines becomes free.
pub fn check_to_close_over(scopes: &mut [Scope<'_>], sid: ScopeId, idx: usize) {
    let qst = scopes[sid].id_info[idx].qst.clone();
    let mut cur = scopes[sid].parent;
    while let Some(s) = cur {
        if scopes[s].parent.is_none() {
            break;
        }
        if let Some(i2) = scopes[s].find(&qst) {
            let k = scopes[s].id_info[i2].kind;
            if matches!(k, IdKind::Local | IdKind::Cell | IdKind::Free) {
                scopes[sid].id_info[idx].kind = IdKind::Free;
                close_over_in_parents(scopes, sid, &qst);
            }
            break;
        }
        cur = scopes[s].parent;
    }
}

/// `scope_compute_things`: numbers the locals of one scope.
///
/// Parameters come first (with the `*args` slot moved after the keyword-only parameters), then other
/// locals in first-seen order, then cells that are not parameters. Free variables are numbered before
/// everything, in the parent's order, and are passed as extra leading positional arguments.
pub fn compute_things(scopes: &mut [Scope<'_>], sid: ScopeId) {
    {
        let scope = &mut scopes[sid];
        if scope.scope_flags & SCOPE_FLAG_VARARGS != 0 {
            let mut id_param: Option<usize> = None;
            for i in (0..scope.id_info.len()).rev() {
                let flags = scope.id_info[i].flags;
                if flags & ID_FLAG_IS_STAR_PARAM != 0 {
                    if let Some(p) = id_param {
                        scope.id_info.swap(p, i);
                        scope.id_index.insert(scope.id_info[p].qst.clone(), p);
                        scope.id_index.insert(scope.id_info[i].qst.clone(), i);
                    }
                    break;
                } else if id_param.is_none() && flags == ID_FLAG_IS_PARAM {
                    id_param = Some(i);
                }
            }
        }

        scope.num_locals = 0;
        let kind = scope.kind;
        for id in scope.id_info.iter_mut() {
            if kind == ScopeKind::Class && id.qst == "__class__" {
                // __class__ is not a real local of a class.
                continue;
            }
            if kind.is_func_like() && id.kind == IdKind::GlobalImplicit {
                id.kind = IdKind::GlobalExplicit;
            }
            // Native code that reads globals must swap in the module's; viper casts are not globals.
            if id.kind == IdKind::GlobalExplicit {
                let is_cast = scope.emit_options == EmitOption::Viper
                    && crate::emit::native::vtype::native_type_from_qstr(&id.qst)
                        .is_some_and(|t| t >= crate::emit::native::vtype::NATIVE_TYPE_INT);
                if !is_cast {
                    scope.scope_flags |= SCOPE_FLAG_REFGLOBALS;
                }
            }
            if id.kind == IdKind::Local || (id.flags & ID_FLAG_IS_PARAM) != 0 {
                id.local_num = scope.num_locals;
                scope.num_locals += 1;
            }
        }
        for id in scope.id_info.iter_mut() {
            if id.kind == IdKind::Cell && (id.flags & ID_FLAG_IS_PARAM) == 0 {
                id.local_num = scope.num_locals;
                scope.num_locals += 1;
            }
        }
    }

    if let Some(parent) = scopes[sid].parent {
        if !scopes[sid].id_info.iter().any(|id| id.kind == IdKind::Free) {
            return;
        }
        // Free variables are numbered in the order the parent holds them.
        let mut num_free = 0u32;
        let order: Vec<usize> = scopes[parent]
            .id_info
            .iter()
            .filter(|id| matches!(id.kind, IdKind::Cell | IdKind::Free))
            .filter_map(|id| scopes[sid].find(&id.qst))
            .collect();
        let scope = &mut scopes[sid];
        for i in order {
            let id2 = &mut scope.id_info[i];
            if id2.kind == IdKind::Free {
                id2.local_num = num_free;
                num_free += 1;
            }
        }
        if num_free > 0 {
            for id in scope.id_info.iter_mut() {
                if id.kind != IdKind::Free || (id.flags & ID_FLAG_IS_PARAM) != 0 {
                    id.local_num += num_free;
                }
            }
            scope.num_pos_args += num_free;
            scope.num_locals += num_free;
        }
    }
}
