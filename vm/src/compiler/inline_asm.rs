//! `@micropython.asm_*` functions: `compile_scope_inline_asm` of `py/compile.c` and the passes
//! `mp_compile_to_raw_code` runs for them, driving [`crate::emit::inline::InlineAsm`].
//!
//! The body must be one call per statement (`op(arg, ...)`), `pass`, or a lone constant (a docstring,
//! which the parser already turned into `pass`). `label(x)`, `align(n)` and `data(size, v, ...)` are
//! handled here; every other name goes to the architecture's assembler. Statements joined with `;`
//! (even `nop();` alone) are one `simple_stmt` node in MicroPython, so not an instruction.
//!
//! Lines of errors follow the C: errors of the statement checks point at the statement; an error the
//! assembler reports points at the instruction's `(`, and so does any earlier error still pending when
//! an instruction completes (a bad return annotation is reported at the first instruction); parameter
//! errors point at the `def`.

use super::scope::{ScopeKind, ScopeNode};
use super::{Compiler, PendingError, ScopeOutput};
use crate::emit::inline::{InlineAsm, Node};
use crate::emit::{Pass, ScopeId};
use crate::error::ErrorKind;
use crate::syntax::ast::{Arguments, Constant, Expr, ExprKind, FunctionDef, Stmt, StmtKind};

/// `MP_NATIVE_TYPE_INT`: the return type when there is no annotation.
const NATIVE_TYPE_INT: u32 = 2;

/// The parameters of `def` as `typedargslist` nodes: plain names are identifiers, anything else
/// (annotations, defaults, `*`, `**`) is some other node.
fn param_nodes(args: &Arguments) -> Vec<Node<'_>> {
    let name = |a: &'_ crate::syntax::ast::Arg| -> bool { a.annotation.is_none() && a.default.is_none() };
    let mut v: Vec<Node<'_>> = Vec::new();
    for a in args.posonly.iter().chain(&args.args) {
        v.push(if name(a) { Node::Name(&a.name) } else { Node::Other });
    }
    if args.vararg.is_some() || args.bare_star {
        v.push(Node::Other);
    }
    for a in &args.kwonly {
        v.push(if name(a) { Node::Name(&a.name) } else { Node::Other });
    }
    if args.kwarg.is_some() {
        v.push(Node::Other);
    }
    v
}

/// `MP_NATIVE_TYPE_*` of a return annotation naming a type.
fn native_type(name: &str) -> Option<u32> {
    match name {
        "object" => Some(0),
        "bool" => Some(1),
        "int" => Some(2),
        "uint" => Some(3),
        _ => None,
    }
}

/// What one statement of the body is.
enum Statement<'a> {
    /// `pass` or a lone constant: nothing, and no error check afterwards.
    Nothing,
    /// `name(args)`.
    Instruction { op: &'a str, call: &'a Expr, args: Vec<Node<'a>> },
    /// Anything else.
    NotAnInstruction,
}

fn classify(s: &Stmt) -> Statement<'_> {
    match &s.kind {
        StmtKind::Pass => Statement::Nothing,
        StmtKind::Expr(e) => match &e.kind {
            ExprKind::Const(_) | ExprKind::ConstObj(_) => Statement::Nothing,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => match &func.kind {
                ExprKind::Name(op) => Statement::Instruction {
                    op,
                    call: e,
                    args: Node::call_args(args, keywords),
                },
                _ => Statement::NotAnInstruction,
            },
            _ => Statement::NotAnInstruction,
        },
        _ => Statement::NotAnInstruction,
    }
}

impl<'a> Compiler<'a> {
    /// Whether a `;` follows the statement on its logical line (it is part of a `simple_stmt` list).
    fn followed_by_semicolon(&self, s: &Stmt) -> bool {
        let mut i = s.range.end as usize;
        loop {
            match self.src.byte(i) {
                Some(b' ' | b'\t' | b'\x0c') => i += 1,
                Some(b'\\') => match (self.src.byte(i + 1), self.src.byte(i + 2)) {
                    (Some(b'\r'), Some(b'\n')) => i += 3,
                    (Some(b'\n' | b'\r'), _) => i += 2,
                    _ => return false,
                },
                Some(b';') => return true,
                _ => return false,
            }
        }
    }

    /// The line of a call's `(` (MicroPython's `trailer_paren` node).
    fn paren_line(&self, call: &Expr) -> u32 {
        match &call.kind {
            ExprKind::Call { func, .. } => match self.src.next_significant(func.range.end, call.range.end) {
                Some((pos, b'(')) => self.src.line_of(pos),
                _ => call.line,
            },
            _ => call.line,
        }
    }

    /// `MP_PARSE_NODE_IS_SMALL_INT`.
    fn node_small_int(&self, n: Node<'_>) -> Option<i64> {
        match n.expr().map(|e| &e.kind) {
            Some(ExprKind::Const(Constant::Int(i))) => self.small_int(i),
            _ => None,
        }
    }

    /// `goto inline_asm_error`: the pending error (if any) now points at `line`.
    fn inline_error_at(&mut self, line: u32) {
        if let Some(e) = &mut self.error {
            if e.with_traceback {
                e.line = line;
            }
        }
    }

    /// Takes over what the assembler reported for the last instruction; true if compilation stops.
    fn take_inline_error(&mut self, line: u32) -> bool {
        let Some(asm) = self.inline_asm.as_ref().filter(|_| self.pass > Pass::Scope) else {
            if self.error.is_some() {
                self.inline_error_at(line);
                return true;
            }
            return false;
        };
        if let Some(r) = asm.raised() {
            let (kind, message) = (r.kind, r.message.clone());
            self.error = Some(PendingError { kind, message, line: 0, scope: self.cur, with_traceback: false });
            return true;
        }
        if let Some(m) = asm.error() {
            let message = m.to_string();
            self.error = Some(PendingError {
                kind: ErrorKind::SyntaxError,
                message,
                line,
                scope: self.cur,
                with_traceback: true,
            });
            return true;
        }
        if self.error.is_some() {
            self.inline_error_at(line);
            return true;
        }
        if let Some(e) = asm.asm_error() {
            let message = format!("inline assembler: {e} (mpy-cross fails an assertion here)");
            self.internal_error(&message);
            return true;
        }
        false
    }

    /// `compile_scope_inline_asm` for one pass. `Pass::CodeSize` and `Pass::Emit` drive the
    /// assembler, which must exist.
    pub(super) fn compile_scope_inline_asm(&mut self, sid: ScopeId, pass: Pass) {
        self.pass = pass;
        self.cur = sid;
        self.label_slot.set(0);

        let fdef: &'a FunctionDef = match (self.scopes[sid].kind, self.scopes[sid].node) {
            (ScopeKind::Function, ScopeNode::Function(f)) => f,
            _ => {
                self.syntax_error(0, "inline assembler must be a function");
                return;
            }
        };

        if pass > Pass::Scope {
            let Some(asm) = self.inline_asm.as_mut() else {
                self.internal_error("inline assembler missing");
                return;
            };
            asm.start_pass(pass == Pass::Emit);
            if self.take_inline_error(fdef.def_line) {
                return;
            }
        }

        if pass == Pass::CodeSize {
            let params = param_nodes(&fdef.args);
            let n = self.inline_asm.as_mut().map_or(0, |a| a.count_params(&params));
            self.scopes[sid].num_pos_args = n;
            if self.take_inline_error(fdef.def_line) {
                return;
            }
        }

        let mut type_sig = NATIVE_TYPE_INT;
        if let Some(ann) = &fdef.returns {
            match &ann.kind {
                ExprKind::Name(t) => match native_type(t) {
                    Some(t) => type_sig = t,
                    None => {
                        self.syntax_error(0, "unknown type");
                        return;
                    }
                },
                _ => {
                    let line = self.node_line(ann);
                    self.syntax_error(line, "return annotation must be an identifier");
                }
            }
        }

        for s in &fdef.body {
            if self.followed_by_semicolon(s) {
                self.syntax_error(s.line, "expecting an assembler instruction");
                return;
            }
            let (op, call, args) = match classify(s) {
                Statement::Nothing => continue,
                Statement::NotAnInstruction => {
                    self.syntax_error(s.line, "expecting an assembler instruction");
                    return;
                }
                Statement::Instruction { op, call, args } => (op, call, args),
            };
            match op {
                "label" => {
                    let Some(id) = (args.len() == 1).then(|| args[0].id()).flatten() else {
                        self.syntax_error(s.line, "'label' requires 1 argument");
                        return;
                    };
                    let lab = self.next_label() as usize;
                    if pass > Pass::Scope {
                        let ok = self.inline_asm.as_mut().is_some_and(|a| a.label(lab, id));
                        if !ok {
                            self.syntax_error(s.line, "label redefined");
                            return;
                        }
                    }
                }
                "align" => {
                    let Some(n) = (args.len() == 1).then(|| self.node_small_int(args[0])).flatten() else {
                        self.syntax_error(s.line, "'align' requires 1 argument");
                        return;
                    };
                    if pass > Pass::Scope {
                        if let Some(a) = self.inline_asm.as_mut() {
                            a.align(n);
                        }
                    }
                }
                "data" => {
                    let Some(size) = (args.len() >= 2).then(|| self.node_small_int(args[0])).flatten() else {
                        self.syntax_error(s.line, "'data' requires at least 2 arguments");
                        return;
                    };
                    if pass > Pass::Scope {
                        for arg in &args[1..] {
                            let Some(v) = arg.int() else {
                                self.syntax_error(s.line, "'data' requires integer arguments");
                                return;
                            };
                            if let Some(a) = self.inline_asm.as_mut() {
                                a.data(size as u32, v as u64);
                            }
                        }
                    }
                }
                _ => {
                    if pass > Pass::Scope {
                        if let Some(a) = self.inline_asm.as_mut() {
                            a.op(op, &args);
                        }
                    }
                }
            }
            let line = self.paren_line(call);
            if self.take_inline_error(line) {
                return;
            }
        }

        if pass > Pass::Scope {
            if let Some(a) = self.inline_asm.as_mut() {
                a.end_pass();
            }
            if self.take_inline_error(fdef.def_line) {
                return;
            }
            if pass == Pass::Emit {
                if let Some(a) = self.inline_asm.as_ref() {
                    if self.want_native_listing {
                        self.native_listings.push((self.qualified_name(sid), a.listing()));
                    }
                    let out = ScopeOutput {
                        kind: crate::mpy::RawCodeKind::Asm,
                        fun_data: a.code(),
                        children: Vec::new(),
                        prelude_offset: 0,
                        asm_sig: Some((self.scopes[sid].num_pos_args, type_sig)),
                    };
                    self.outputs.insert(sid, out);
                }
            }
        }
    }

    /// Passes 2 and 3 of an inline-assembler scope (`mp_compile_to_raw_code`): the assembler is made
    /// on first use, then one code-size pass (two for Xtensa, which sizes its literal table in the
    /// first) and, without error, the emit pass.
    pub(super) fn inline_asm_passes(&mut self, sid: ScopeId) {
        self.cur = sid;
        if self.inline_asm.is_none() {
            let Some(arch) = self.opts.arch else {
                self.internal_error("inline assembler needs an architecture (-march)");
                return;
            };
            match InlineAsm::new(arch, self.opts.arch_flags, self.max_num_labels, self.src.text()) {
                Some(mut a) => {
                    a.set_listing(self.want_native_listing);
                    self.inline_asm = Some(a);
                }
                None => {
                    // mpy-cross crashes here (`-march=debug` has no inline assembler table entry).
                    self.internal_error(&format!("no inline assembler for -march={}", arch.name()));
                    return;
                }
            }
        }
        let code_size_passes = self.inline_asm.as_ref().map_or(1, InlineAsm::code_size_passes);
        for _ in 0..code_size_passes {
            self.compile_scope_inline_asm(sid, Pass::CodeSize);
        }
        if self.error.is_none() {
            self.compile_scope_inline_asm(sid, Pass::Emit);
        }
    }
}
