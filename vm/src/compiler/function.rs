//! Functions and lambdas: `def` (plain, `async`, decorated), `lambda`, parameters and their defaults,
//! `@micropython.*` decorators, and closing over variables (`compile_funcdef`, `compile_decorated`,
//! `compile_funcdef_lambdef`, `close_over_variables_etc`, `compile_scope_func_lambda_param`).

use super::scope::{
    EmitOption, IdKind, ScopeKind, ScopeNode, ID_FLAG_IS_DBL_STAR_PARAM, ID_FLAG_IS_PARAM, ID_FLAG_IS_STAR_PARAM,
    SCOPE_FLAG_DEFKWARGS, SCOPE_FLAG_GENERATOR, SCOPE_FLAG_HASCONSTS, SCOPE_FLAG_REFGLOBALS, SCOPE_FLAG_VARARGS,
    SCOPE_FLAG_VARKEYWORDS, SCOPE_FLAG_VIPERRET_POS, ID_FLAG_VIPER_TYPE_POS,
};
use super::Compiler;
use crate::emit::{AccessKind, BuildKind, ConstTok, LocalKind, Pass, ScopeId};
use crate::mpy::Arch;
use crate::syntax::ast::{Arg, Arguments, ClassDef, Expr, ExprKind, FunctionDef, Keyword, Stmt};

/// A parameter in source order (`typedargslist_item` / `varargslist_item`).
#[derive(Clone, Copy, Debug)]
enum Param<'a> {
    Name(&'a Arg),
    /// `*args`, or a bare `*` (None).
    Star(Option<&'a Arg>),
    DblStar(&'a Arg),
}

fn params_in_order(args: &Arguments) -> Vec<Param<'_>> {
    let mut v: Vec<Param<'_>> = args.posonly.iter().chain(&args.args).map(Param::Name).collect();
    if args.vararg.is_some() || args.bare_star {
        v.push(Param::Star(args.vararg.as_ref()));
    }
    v.extend(args.kwonly.iter().map(Param::Name));
    if let Some(k) = &args.kwarg {
        v.push(Param::DblStar(k));
    }
    v
}

/// A decorator split as MicroPython's grammar has it: `@dotted.name[(args)]`.
struct Decorator<'a> {
    names: Vec<&'a str>,
    call: Option<(&'a [Expr], &'a [Keyword], u32)>,
}

/// Which function- or class-definition a decorated statement holds.
#[derive(Clone, Copy)]
enum Decorated<'a> {
    Function(&'a FunctionDef),
    Class(&'a ClassDef),
}

impl<'a> Compiler<'a> {
    fn dotted_names(e: &'a Expr, out: &mut Vec<&'a str>) -> bool {
        match &e.kind {
            ExprKind::Name(n) => {
                out.push(n);
                true
            }
            ExprKind::Attribute { value, attr } => {
                if !Self::dotted_names(value, out) {
                    return false;
                }
                out.push(attr);
                true
            }
            _ => false,
        }
    }

    fn split_decorator(&self, e: &'a Expr) -> Option<Decorator<'a>> {
        let mut names = Vec::new();
        match &e.kind {
            ExprKind::Call { func, args, keywords } => {
                if !Self::dotted_names(func, &mut names) {
                    return None;
                }
                let line = match self.src.next_significant(func.range.end, e.range.end) {
                    Some((pos, b'(')) => self.src.line_of(pos),
                    _ => e.line,
                };
                Some(Decorator { names, call: Some((args, keywords, line)) })
            }
            _ => Self::dotted_names(e, &mut names).then_some(Decorator { names, call: None }),
        }
    }

    /// A `def` statement, decorated or not, `async` or not.
    pub(super) fn compile_funcdef_stmt(&mut self, s: &'a Stmt, fdef: &'a FunctionDef) {
        if !fdef.decorators.is_empty() {
            self.compile_decorated(s, &fdef.decorators, Decorated::Function(fdef));
            return;
        }
        let emit_options = self.scope().emit_options;
        if let Some(fscope) = self.compile_funcdef_helper(fdef, emit_options) {
            if fdef.is_async {
                self.scopes[fscope].scope_flags |= SCOPE_FLAG_GENERATOR;
            }
        }
        self.compile_store_id(&fdef.name);
    }

    /// A `class` statement, decorated or not.
    pub(super) fn compile_classdef_stmt(&mut self, s: &'a Stmt, cdef: &'a ClassDef) {
        if !cdef.decorators.is_empty() {
            self.compile_decorated(s, &cdef.decorators, Decorated::Class(cdef));
            return;
        }
        let emit_options = self.scope().emit_options;
        self.compile_classdef_helper(cdef, emit_options);
        self.compile_store_id(&cdef.name);
    }

    /// `compile_decorated`.
    fn compile_decorated(&mut self, s: &'a Stmt, decorators: &'a [Expr], body: Decorated<'a>) {
        let mut emit_options = self.scope().emit_options;
        let mut num_built_in = 0;
        for d in decorators {
            let Some(dec) = self.split_decorator(d) else {
                self.syntax_error(s.line, "invalid syntax");
                return;
            };
            if self.compile_built_in_decorator(&dec.names, &mut emit_options) {
                num_built_in += 1;
            } else {
                self.compile_load_id(dec.names[0]);
                for name in &dec.names[1..] {
                    self.emit().attr(name, AccessKind::Load);
                }
                if let Some((args, keywords, line)) = dec.call {
                    self.set_source_line(line);
                    self.compile_trailer_paren_helper(args, keywords, false, 0);
                }
            }
        }

        let name: &'a str = match body {
            Decorated::Function(fdef) => {
                if let Some(fscope) = self.compile_funcdef_helper(fdef, emit_options) {
                    if fdef.is_async {
                        self.scopes[fscope].scope_flags |= SCOPE_FLAG_GENERATOR;
                    }
                }
                &fdef.name
            }
            Decorated::Class(cdef) => {
                self.compile_classdef_helper(cdef, emit_options);
                &cdef.name
            }
        };
        for _ in 0..decorators.len() - num_built_in {
            self.emit().call_function(1, 0, 0);
        }
        self.compile_store_id(name);
    }

    /// `compile_built_in_decorator`: `@micropython.<emitter>`. Returns whether the decorator was one.
    fn compile_built_in_decorator(&mut self, names: &[&str], emit_options: &mut EmitOption) -> bool {
        if names[0] != "micropython" {
            return false;
        }
        if names.len() != 2 {
            self.syntax_error(0, "invalid micropython decorator");
            return true;
        }
        match names[1] {
            "bytecode" => *emit_options = EmitOption::Bytecode,
            "native" => *emit_options = EmitOption::NativePython,
            "viper" => *emit_options = EmitOption::Viper,
            "asm_thumb" | "asm_xtensa" | "asm_rv32" => *emit_options = EmitOption::Asm,
            _ => self.syntax_error(0, "invalid micropython decorator"),
        }
        let arch = self.opts.arch;
        let supported = match *emit_options {
            EmitOption::Bytecode => true,
            EmitOption::NativePython | EmitOption::Viper => {
                matches!(arch, Some(a) if a != Arch::Rv64imc)
            }
            // mpy-cross picks the inline assembler by arch, whatever the decorator says: any asm decorator
            // is accepted where the arch has one (checked: all but x86, x64 and rv64imc; debug crashes).
            EmitOption::Asm => matches!(arch, Some(a) if !matches!(a, Arch::X86 | Arch::X64 | Arch::Rv64imc)),
        };
        if !supported {
            self.syntax_error(0, "invalid arch");
        }
        true
    }

    /// `compile_funcdef_helper`: makes the function object (defaults, closure) on the stack.
    fn compile_funcdef_helper(&mut self, fdef: &'a FunctionDef, emit_options: EmitOption) -> Option<ScopeId> {
        // An emitter forced on this function by the caller (emitter checks for editors).
        let emit_options = match self.force_emit {
            Some((node, opt)) if node == Self::node_key(fdef) => match opt {
                crate::options::EmitOpt::Bytecode => EmitOption::Bytecode,
                crate::options::EmitOpt::Native => EmitOption::NativePython,
                crate::options::EmitOpt::Viper => EmitOption::Viper,
            },
            _ => emit_options,
        };
        let fscope = self.scope_for_node(
            fdef,
            ScopeKind::Function,
            ScopeNode::Function(fdef),
            fdef.def_line,
            fdef.name.clone(),
            emit_options,
        )?;
        self.compile_funcdef_lambdef(fscope, &fdef.args);
        Some(fscope)
    }

    /// `compile_lambdef`.
    pub(super) fn compile_lambdef(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) {
        let emit_options = self.scope().emit_options;
        let Some(scope) = self.scope_for_node(
            e,
            ScopeKind::Lambda,
            ScopeNode::Lambda { expr: e, args, body },
            e.line,
            "<lambda>".to_string(),
            emit_options,
        ) else {
            return;
        };
        self.compile_funcdef_lambdef(scope, args);
    }

    /// `compile_funcdef_lambdef`: pushes the defaults, then makes the function.
    fn compile_funcdef_lambdef(&mut self, scope: ScopeId, args: &'a Arguments) {
        let saved = (self.have_star, self.num_dict_params, self.num_default_params);
        self.have_star = false;
        self.num_dict_params = 0;
        self.num_default_params = 0;
        for p in params_in_order(args) {
            self.compile_funcdef_lambdef_param(p);
            if self.has_error() {
                break;
            }
        }
        if !self.has_error() {
            if self.num_default_params > 0 && self.num_dict_params == 0 {
                let n = self.num_default_params;
                self.emit().build(n, BuildKind::Tuple);
                self.emit().load_null();
            }
            let (n_pos, n_kw) = (self.num_default_params, self.num_dict_params);
            self.close_over_variables_etc(scope, n_pos, n_kw);
        }
        (self.have_star, self.num_dict_params, self.num_default_params) = saved;
    }

    /// `compile_funcdef_lambdef_param`.
    fn compile_funcdef_lambdef_param(&mut self, p: Param<'a>) {
        let arg = match p {
            Param::Star(_) => {
                self.have_star = true;
                return;
            }
            Param::DblStar(_) => return,
            Param::Name(a) => a,
        };
        match &arg.default {
            None => {
                if !self.have_star && self.num_default_params != 0 {
                    let line = if arg.annotation.is_some() { arg.line } else { 0 };
                    self.syntax_error(line, "non-default argument follows default argument");
                }
            }
            Some(default) => {
                if self.have_star {
                    self.num_dict_params += 1;
                    if self.num_dict_params == 1 {
                        // The positional defaults (or NULL) go first, then the keyword defaults map.
                        if self.num_default_params > 0 {
                            let n = self.num_default_params;
                            self.emit().build(n, BuildKind::Tuple);
                        } else {
                            self.emit().load_null();
                        }
                        self.emit().build(0, BuildKind::Map);
                    }
                    self.compile_node(default);
                    self.emit().load_const_str(&arg.name);
                    self.emit().store_map();
                } else {
                    self.num_default_params += 1;
                    self.compile_node(default);
                }
            }
        }
    }

    /// `close_over_variables_etc`: loads the cells the new function closes over and makes it.
    pub(super) fn close_over_variables_etc(&mut self, this_scope: ScopeId, n_pos_defaults: u32, n_kw_defaults: u32) {
        if n_kw_defaults > 0 {
            self.scopes[this_scope].scope_flags |= SCOPE_FLAG_DEFKWARGS;
        }
        self.scopes[this_scope].num_def_pos_args = n_pos_defaults;
        // Making a function needs the globals and the constant table (native code).
        self.scope_mut().scope_flags |= SCOPE_FLAG_REFGLOBALS | SCOPE_FLAG_HASCONSTS;

        let mut nfree = 0u32;
        if self.scope().kind != ScopeKind::Module {
            let mut loads: Vec<(String, u32)> = Vec::new();
            let child = &self.scopes[this_scope];
            if child.id_info.iter().any(|id| id.kind == IdKind::Free) {
                // In the order the current scope holds them.
                for id in &self.scopes[self.cur].id_info {
                    if (id.kind == IdKind::Cell || id.kind == IdKind::Free)
                        && child.find(&id.qst).is_some_and(|i| child.id_info[i].kind == IdKind::Free)
                    {
                        loads.push((id.qst.clone(), id.local_num));
                    }
                }
            }
            for (qst, local_num) in loads {
                self.emit().load_local(&qst, local_num, LocalKind::Fast);
                nfree += 1;
            }
        }
        if nfree == 0 {
            self.emit().make_function(this_scope, n_pos_defaults, n_kw_defaults);
        } else {
            self.emit().make_closure(this_scope, nfree, n_pos_defaults, n_kw_defaults);
        }
    }

    /// The body of a function scope (`compile_scope` for `SCOPE_FUNCTION`).
    pub(super) fn compile_scope_function(&mut self, fdef: &'a FunctionDef) {
        if self.pass == Pass::Scope {
            self.have_star = false;
            // Every parameter is visited even after an error (`apply_to_single_or_list`): syntax errors
            // keep the first, but each unknown viper type replaces the previous one.
            for p in params_in_order(&fdef.args) {
                self.compile_scope_func_lambda_param(p, true);
            }
            if self.scope().emit_options == EmitOption::Viper {
                // The return annotation is the viper return type.
                let ret_type = self.compile_viper_type_annotation(fdef.returns.as_ref());
                self.scope_mut().scope_flags |= ret_type << SCOPE_FLAG_VIPERRET_POS;
            }
        }
        let prof = self.profile_begin();
        self.compile_suite(&fdef.body);
        self.profile_end(prof);
        self.emit().load_const_tok(ConstTok::None);
        self.emit().return_value();
    }

    /// The body of a lambda scope.
    pub(super) fn compile_scope_lambda(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) {
        self.set_source_line(e.line);
        if self.pass == Pass::Scope {
            self.have_star = false;
            for p in params_in_order(args) {
                self.compile_scope_func_lambda_param(p, false);
            }
        }
        let prof = self.profile_begin();
        self.compile_node(body);
        if self.scope().scope_flags & SCOPE_FLAG_GENERATOR != 0 {
            self.emit().pop_top();
            self.emit().load_const_tok(ConstTok::None);
        }
        self.emit().return_value();
        if prof.is_some() {
            // The return above runs the `finally:`; this end is never reached.
            self.profile_end(prof);
            self.emit().load_const_tok(ConstTok::None);
            self.emit().return_value();
        }
    }

    /// `compile_scope_func_lambda_param`: declares one parameter in the scope pass.
    fn compile_scope_func_lambda_param(&mut self, p: Param<'a>, is_def: bool) {
        // The line of the parameter's node: plain names are leaves.
        let node_line = |a: &Arg, starred: bool| {
            if starred || a.default.is_some() || (is_def && a.annotation.is_some()) {
                a.line
            } else {
                0
            }
        };
        if self.scope().scope_flags & SCOPE_FLAG_VARKEYWORDS != 0 {
            let line = match p {
                Param::Name(a) => node_line(a, false),
                Param::Star(Some(a)) | Param::DblStar(a) => a.line,
                Param::Star(None) => 0,
            };
            self.syntax_error(line, "invalid syntax");
            return;
        }
        let (name, flag, line): (Option<&'a str>, u8, u32) = match p {
            Param::Name(a) => {
                if self.have_star {
                    self.scope_mut().num_kwonly_args += 1;
                } else {
                    self.scope_mut().num_pos_args += 1;
                }
                (Some(&a.name), ID_FLAG_IS_PARAM, node_line(a, false))
            }
            Param::Star(a) => {
                if self.have_star {
                    self.syntax_error(a.map_or(0, |a| a.line), "invalid syntax");
                    return;
                }
                self.have_star = true;
                match a {
                    None => (None, ID_FLAG_IS_PARAM | ID_FLAG_IS_STAR_PARAM, 0),
                    Some(a) => {
                        self.scope_mut().scope_flags |= SCOPE_FLAG_VARARGS;
                        (Some(&a.name), ID_FLAG_IS_PARAM | ID_FLAG_IS_STAR_PARAM, a.line)
                    }
                }
            }
            Param::DblStar(a) => {
                self.scope_mut().scope_flags |= SCOPE_FLAG_VARKEYWORDS;
                (Some(&a.name), ID_FLAG_IS_PARAM | ID_FLAG_IS_DBL_STAR_PARAM, a.line)
            }
        };
        if let Some(name) = name {
            let i = self.scope_mut().find_or_add(name, IdKind::Undecided);
            if self.scope().id_info[i].kind != IdKind::Undecided {
                self.syntax_error(line, "argument name reused");
                return;
            }
            let id = &mut self.scope_mut().id_info[i];
            id.kind = IdKind::Local;
            id.flags = flag;
            // A viper parameter's annotation is its type (only named `def` parameters that have an
            // annotation or a default: MicroPython's `typedargslist_name` node).
            if let Param::Name(a) = p {
                let has_node = a.annotation.is_some() || a.default.is_some();
                if is_def && has_node && self.scope().emit_options == EmitOption::Viper {
                    let t = self.compile_viper_type_annotation(a.annotation.as_ref());
                    self.scope_mut().id_info[i].flags |= (t as u8) << ID_FLAG_VIPER_TYPE_POS;
                }
            }
        }
    }

    /// `compile_viper_type_annotation`: the `MP_NATIVE_TYPE_*` an annotation names (object if none).
    fn compile_viper_type_annotation(&mut self, annotation: Option<&'a Expr>) -> u32 {
        let Some(ann) = annotation else {
            return crate::emit::native::vtype::NATIVE_TYPE_OBJ;
        };
        match &ann.kind {
            ExprKind::Name(type_name) => match crate::emit::native::vtype::native_type_from_qstr(type_name) {
                Some(t) => t,
                None => {
                    // Written straight into compile_error: replaces any error so far.
                    self.replace_error(crate::ErrorKind::ViperTypeError, format!("unknown type '{type_name}'"));
                    0
                }
            },
            _ => {
                let line = self.node_line(ann);
                self.syntax_error(line, "annotation must be an identifier");
                0
            }
        }
    }
}
