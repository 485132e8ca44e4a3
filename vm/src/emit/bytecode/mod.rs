//! The bytecode emitter (`py/emitbc.c`): implements [`Emit`] by writing MicroPython bytecode.
//!
//! The same code runs in every pass. Before [`Pass::Emit`] the bytes are only counted; dead code after an
//! unconditional jump, `return` or `raise` is suppressed (not written) until the next label, but its qstrs
//! and constants are still registered and its stack effect still counts, exactly as `emitbc.c` does.
//!
//! Jumps are the subtle part. Before [`Pass::CodeSize`] every jump counts as 3 bytes. From then on a jump
//! takes 2 bytes when its offset fits in one byte, where the offset of a forward jump is computed from the
//! label offsets of the *previous* pass (backward labels are already known in the current pass). Code only
//! ever shrinks, so the emit pass is repeated until its size equals the previous pass's size.

pub mod opcode;
pub mod prelude;

use std::cell::RefCell;
use std::rc::Rc;

use self::opcode as op;
use self::prelude::{encode_bytes_lines, encode_int, encode_signature, encode_size, encode_uint, Signature};
use super::{
    AccessKind, BinaryOp, BlockKind, BuildKind, CompKind, ConstTok, Emit, EmitCommon, GlobalKind, ImportKind,
    Label, LocalKind, Pass, PassEnd, ScopeId, ScopeInfo, UnaryOp, YieldKind,
};
use crate::error::{CompileError, ErrorKind};
use crate::mpy::ConstObj;

/// The finished code of one scope: `fun_data` (prelude + opcodes) and the scopes of its children, in the
/// order its `MAKE_FUNCTION`/`MAKE_CLOSURE` opcodes allocate them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BytecodeOutput {
    pub fun_data: Vec<u8>,
    pub children: Vec<ScopeId>,
}

/// The bytecode emitter. One instance serves all bytecode scopes of a module, one pass at a time.
#[derive(Debug)]
pub struct BytecodeEmitter {
    common: Rc<RefCell<EmitCommon>>,
    /// False with `-O3` or `-X no-source-lines`: no line-number table is written.
    source_lines: bool,

    pass: Pass,
    scope: ScopeInfo,
    /// Set after an unconditional control transfer; cleared by the next label.
    suppress: bool,
    stack_size: i32,
    max_stack_size: u32,

    last_source_line_offset: u32,
    last_source_line: u32,
    line_info: Vec<u8>,

    /// Label offsets; they persist from one pass to the next, which is what the jump encoding relies on.
    label_offsets: Vec<u32>,
    bytecode: Vec<u8>,
    /// Size of the bytecode in the previous code-size or emit pass.
    prev_bytecode_size: Option<usize>,
    overflow: bool,
    children: Vec<ScopeId>,

    output: Option<BytecodeOutput>,
    error: Option<CompileError>,
}

impl BytecodeEmitter {
    pub fn new(common: Rc<RefCell<EmitCommon>>, source_lines: bool) -> Self {
        BytecodeEmitter {
            common,
            source_lines,
            pass: Pass::Scope,
            scope: ScopeInfo::default(),
            suppress: false,
            stack_size: 0,
            max_stack_size: 0,
            last_source_line_offset: 0,
            last_source_line: 1,
            line_info: Vec::new(),
            label_offsets: Vec::new(),
            bytecode: Vec::new(),
            prev_bytecode_size: None,
            overflow: false,
            children: Vec::new(),
            output: None,
            error: None,
        }
    }

    /// The code of the scope whose emit pass just completed.
    pub fn take_output(&mut self) -> Option<BytecodeOutput> {
        self.output.take()
    }

    fn use_qstr(&mut self, qst: &str) -> u32 {
        self.common.borrow_mut().use_qstr(qst)
    }

    fn offset(&self) -> u32 {
        self.bytecode.len() as u32
    }

    // ---- low-level writers (`emit_write_bytecode_*`) ----

    fn write_raw_byte(&mut self, b: u8) {
        if !self.suppress {
            self.bytecode.push(b);
        }
    }

    fn write_byte(&mut self, stack_adj: i32, b: u8) {
        self.adjust_stack_size(stack_adj);
        self.write_raw_byte(b);
    }

    fn write_byte_uint(&mut self, stack_adj: i32, b: u8, val: u64) {
        self.write_byte(stack_adj, b);
        if !self.suppress {
            encode_uint(&mut self.bytecode, val);
        }
    }

    fn write_byte_qstr(&mut self, stack_adj: i32, b: u8, qst: &str) {
        // The qstr is registered even when the code is suppressed.
        let idx = self.use_qstr(qst);
        self.write_byte_uint(stack_adj, b, u64::from(idx));
    }

    fn write_byte_obj(&mut self, stack_adj: i32, b: u8, obj: ConstObj) {
        let idx = self.common.borrow_mut().use_const_obj(obj);
        self.write_byte_uint(stack_adj, b, u64::from(idx));
    }

    fn write_byte_child(&mut self, stack_adj: i32, b: u8, child: ScopeId) {
        // Children are allocated in every pass, also in dead code.
        let idx = self.children.len() as u64;
        self.children.push(child);
        self.write_byte_uint(stack_adj, b, idx);
    }

    /// `emit_write_bytecode_byte_label`: a jump whose offset is relative to the end of the instruction.
    fn write_byte_label(&mut self, stack_adj: i32, b: u8, label: Label) {
        self.adjust_stack_size(stack_adj);
        if self.suppress {
            return;
        }
        let is_signed = b <= op::POP_JUMP_IF_FALSE;
        // Two offset bytes until the code size is known.
        let mut long_form = true;
        let mut offset: i64 = 0;
        if self.pass >= Pass::CodeSize {
            let target = self.label_offsets.get(label as usize).copied().unwrap_or(0);
            offset = i64::from(target) - i64::from(self.offset()) - 2;
            if (is_signed && (-64..=63).contains(&offset)) || (!is_signed && (0..=127).contains(&offset)) {
                long_form = false;
            }
            if long_form {
                offset -= 1;
            }
        }
        self.bytecode.push(b);
        if !long_form {
            if is_signed {
                offset += 0x40;
            }
            self.bytecode.push((offset & 0x7f) as u8);
        } else {
            if is_signed {
                offset += 0x4000;
            }
            if self.pass == Pass::Emit && !(0..=0x7fff).contains(&offset) {
                self.overflow = true;
            }
            self.bytecode.push(0x80 | (offset & 0x7f) as u8);
            self.bytecode.push(((offset >> 7) & 0xff) as u8);
        }
    }

    /// Builds `fun_data` from this pass: prelude (signature, size, names, line table, cells) + bytecode.
    fn assemble(&mut self) -> Vec<u8> {
        let scope = &self.scope;
        let mut n_state = scope.num_locals + self.max_stack_size;
        if n_state == 0 {
            n_state = 1;
        }
        let mut info = Vec::new();
        let name_idx = self.common.borrow_mut().use_qstr(&scope.simple_name);
        encode_uint(&mut info, u64::from(name_idx));
        for name in &scope.arg_names {
            let idx = self.common.borrow_mut().use_qstr(name);
            encode_uint(&mut info, u64::from(idx));
        }
        info.extend_from_slice(&self.line_info);

        let mut out = Vec::with_capacity(info.len() + self.bytecode.len() + 8);
        encode_signature(
            &mut out,
            Signature {
                n_state,
                n_exc_stack: scope.exc_stack_size,
                scope_flags: scope.scope_flags,
                n_pos_args: scope.num_pos_args,
                n_kwonly_args: scope.num_kwonly_args,
                n_def_pos_args: scope.num_def_pos_args,
            },
        );
        encode_size(&mut out, info.len() as u32, scope.cells.len() as u32);
        out.extend_from_slice(&info);
        for &cell in &scope.cells {
            out.push(cell as u8);
        }
        out.extend_from_slice(&self.bytecode);
        out
    }
}

impl Emit for BytecodeEmitter {
    fn start_pass(&mut self, pass: Pass, scope: &ScopeInfo) {
        if pass == Pass::Scope || pass == Pass::StackSize {
            self.prev_bytecode_size = None;
        }
        self.pass = pass;
        self.scope = scope.clone();
        self.suppress = false;
        self.stack_size = 0;
        self.max_stack_size = scope.stack_size;
        self.last_source_line_offset = 0;
        self.last_source_line = 1;
        self.line_info.clear();
        self.bytecode.clear();
        self.overflow = false;
        self.children.clear();
        self.output = None;
        // The prelude names its function and arguments first thing in every pass.
        let names: Vec<String> =
            std::iter::once(scope.simple_name.clone()).chain(scope.arg_names.iter().cloned()).collect();
        for name in &names {
            self.use_qstr(name);
        }
    }

    fn end_pass(&mut self) -> PassEnd {
        let stack_size = self.max_stack_size;
        match self.pass {
            Pass::Scope | Pass::StackSize => PassEnd { complete: true, stack_size },
            Pass::CodeSize => {
                self.prev_bytecode_size = Some(self.bytecode.len());
                PassEnd { complete: true, stack_size }
            }
            Pass::Emit => {
                if self.prev_bytecode_size != Some(self.bytecode.len()) {
                    self.prev_bytecode_size = Some(self.bytecode.len());
                    return PassEnd { complete: false, stack_size };
                }
                if self.overflow {
                    self.error =
                        Some(CompileError::new(ErrorKind::RuntimeError, "bytecode overflow"));
                }
                let fun_data = self.assemble();
                self.output = Some(BytecodeOutput { fun_data, children: std::mem::take(&mut self.children) });
                PassEnd { complete: true, stack_size }
            }
        }
    }

    fn adjust_stack_size(&mut self, delta: i32) {
        if self.pass == Pass::Scope {
            return;
        }
        self.stack_size += delta;
        if self.stack_size > 0 && self.stack_size as u32 > self.max_stack_size {
            self.max_stack_size = self.stack_size as u32;
        }
    }

    fn set_source_line(&mut self, line: u32) {
        if !self.source_lines {
            return;
        }
        if line > self.last_source_line {
            let bytes_to_skip = self.offset() - self.last_source_line_offset;
            let lines_to_skip = line - self.last_source_line;
            encode_bytes_lines(&mut self.line_info, bytes_to_skip, lines_to_skip);
            self.last_source_line_offset = self.offset();
            self.last_source_line = line;
        }
    }

    fn load_local(&mut self, _qst: &str, local_num: u32, kind: LocalKind) {
        if kind == LocalKind::Fast && local_num <= 15 {
            self.write_byte(1, op::LOAD_FAST_MULTI + local_num as u8);
        } else {
            self.write_byte_uint(1, op::LOAD_FAST_N + kind as u8, u64::from(local_num));
        }
    }

    fn load_global(&mut self, qst: &str, kind: GlobalKind) {
        self.write_byte_qstr(1, op::LOAD_NAME + kind as u8, qst);
    }

    fn store_local(&mut self, _qst: &str, local_num: u32, kind: LocalKind) {
        if kind == LocalKind::Fast && local_num <= 15 {
            self.write_byte(-1, op::STORE_FAST_MULTI + local_num as u8);
        } else {
            self.write_byte_uint(-1, op::STORE_FAST_N + kind as u8, u64::from(local_num));
        }
    }

    fn store_global(&mut self, qst: &str, kind: GlobalKind) {
        self.write_byte_qstr(-1, op::STORE_NAME + kind as u8, qst);
    }

    fn delete_local(&mut self, _qst: &str, local_num: u32, kind: LocalKind) {
        self.write_byte_uint(0, op::DELETE_FAST + kind as u8, u64::from(local_num));
    }

    fn delete_global(&mut self, qst: &str, kind: GlobalKind) {
        self.write_byte_qstr(0, op::DELETE_NAME + kind as u8, qst);
    }

    fn label_assign(&mut self, label: Label) {
        // A label ends any dead-code region.
        self.suppress = false;
        if self.pass == Pass::Scope {
            return;
        }
        let l = label as usize;
        if self.label_offsets.len() <= l {
            self.label_offsets.resize(l + 1, 0);
        }
        self.label_offsets[l] = self.offset();
    }

    fn import(&mut self, qst: &str, kind: ImportKind) {
        let stack_adj = if kind == ImportKind::From { 1 } else { -1 };
        match kind {
            ImportKind::Star => self.write_byte(stack_adj, op::IMPORT_STAR),
            ImportKind::Name => self.write_byte_qstr(stack_adj, op::IMPORT_NAME, qst),
            ImportKind::From => self.write_byte_qstr(stack_adj, op::IMPORT_FROM, qst),
        }
    }

    fn load_const_tok(&mut self, tok: ConstTok) {
        match tok {
            ConstTok::Ellipsis => self.write_byte_obj(1, op::LOAD_CONST_OBJ, ConstObj::Ellipsis),
            ConstTok::False => self.write_byte(1, op::LOAD_CONST_FALSE),
            ConstTok::None => self.write_byte(1, op::LOAD_CONST_NONE),
            ConstTok::True => self.write_byte(1, op::LOAD_CONST_TRUE),
        }
    }

    fn load_const_small_int(&mut self, value: i64) {
        let excess = op::LOAD_CONST_SMALL_INT_MULTI_EXCESS;
        if -excess <= value && value < op::LOAD_CONST_SMALL_INT_MULTI_NUM - excess {
            self.write_byte(1, (i64::from(op::LOAD_CONST_SMALL_INT_MULTI) + excess + value) as u8);
        } else {
            self.write_byte(1, op::LOAD_CONST_SMALL_INT);
            if !self.suppress {
                encode_int(&mut self.bytecode, value);
            }
        }
    }

    fn load_const_str(&mut self, qst: &str) {
        self.write_byte_qstr(1, op::LOAD_CONST_STRING, qst);
    }

    fn load_const_obj(&mut self, obj: ConstObj) {
        self.write_byte_obj(1, op::LOAD_CONST_OBJ, obj);
    }

    fn load_null(&mut self) {
        self.write_byte(1, op::LOAD_NULL);
    }

    fn load_method(&mut self, qst: &str, is_super: bool) {
        let stack_adj = 1 - 2 * i32::from(is_super);
        let b = if is_super { op::LOAD_SUPER_METHOD } else { op::LOAD_METHOD };
        self.write_byte_qstr(stack_adj, b, qst);
    }

    fn load_build_class(&mut self) {
        self.write_byte(1, op::LOAD_BUILD_CLASS);
    }

    fn subscr(&mut self, kind: AccessKind) {
        if kind == AccessKind::Load {
            self.write_byte(-1, op::LOAD_SUBSCR);
        } else {
            if kind == AccessKind::Delete {
                self.load_null();
                self.rot_three();
            }
            self.write_byte(-3, op::STORE_SUBSCR);
        }
    }

    fn attr(&mut self, qst: &str, kind: AccessKind) {
        if kind == AccessKind::Load {
            self.write_byte_qstr(0, op::LOAD_ATTR, qst);
        } else {
            if kind == AccessKind::Delete {
                self.load_null();
                self.rot_two();
            }
            self.write_byte_qstr(-2, op::STORE_ATTR, qst);
        }
    }

    fn dup_top(&mut self) {
        self.write_byte(1, op::DUP_TOP);
    }

    fn dup_top_two(&mut self) {
        self.write_byte(2, op::DUP_TOP_TWO);
    }

    fn pop_top(&mut self) {
        self.write_byte(-1, op::POP_TOP);
    }

    fn rot_two(&mut self) {
        self.write_byte(0, op::ROT_TWO);
    }

    fn rot_three(&mut self) {
        self.write_byte(0, op::ROT_THREE);
    }

    fn jump(&mut self, label: Label) {
        self.write_byte_label(0, op::JUMP, label);
        self.suppress = true;
    }

    fn pop_jump_if(&mut self, cond: bool, label: Label) {
        let b = if cond { op::POP_JUMP_IF_TRUE } else { op::POP_JUMP_IF_FALSE };
        self.write_byte_label(-1, b, label);
    }

    fn jump_if_or_pop(&mut self, cond: bool, label: Label) {
        let b = if cond { op::JUMP_IF_TRUE_OR_POP } else { op::JUMP_IF_FALSE_OR_POP };
        self.write_byte_label(-1, b, label);
    }

    fn unwind_jump(&mut self, label: Label, except_depth: u32, from_for: bool) {
        if except_depth == 0 {
            if from_for {
                // Pop the iterator and the rest of its iter_buf.
                for _ in 0..op::ITER_BUF_NSLOTS {
                    self.write_raw_byte(op::POP_TOP);
                }
            }
            self.write_byte_label(0, op::JUMP, label);
        } else {
            self.write_byte_label(0, op::UNWIND_JUMP, label);
            self.write_raw_byte((if from_for { 0x80 } else { 0 }) | (except_depth as u8));
        }
        self.suppress = true;
    }

    fn setup_block(&mut self, label: Label, kind: BlockKind) {
        // SETUP_WITH pops the context manager and pushes __exit__, the manager and the as-value.
        let stack_adj = if kind == BlockKind::With { 2 } else { 0 };
        self.write_byte_label(stack_adj, op::SETUP_WITH + kind as u8, label);
    }

    fn with_cleanup(&mut self, label: Label) {
        self.load_const_tok(ConstTok::None);
        self.label_assign(label);
        // +2 to have room to call __exit__, then cancel it and SETUP_WITH's +2.
        self.write_byte(2, op::WITH_CLEANUP);
        self.adjust_stack_size(-4);
    }

    fn end_finally(&mut self) {
        self.write_byte(-1, op::END_FINALLY);
    }

    fn get_iter(&mut self, use_stack: bool) {
        let stack_adj = if use_stack { op::ITER_BUF_NSLOTS - 1 } else { 0 };
        self.write_byte(stack_adj, if use_stack { op::GET_ITER_STACK } else { op::GET_ITER });
    }

    fn for_iter(&mut self, label: Label) {
        self.write_byte_label(1, op::FOR_ITER, label);
    }

    fn for_iter_end(&mut self) {
        self.adjust_stack_size(-op::ITER_BUF_NSLOTS);
    }

    fn pop_except_jump(&mut self, label: Label, _within_exc_handler: bool) {
        self.write_byte_label(0, op::POP_EXCEPT_JUMP, label);
        self.suppress = true;
    }

    fn unary_op(&mut self, op_: UnaryOp) {
        self.write_byte(0, op::UNARY_OP_MULTI + op_ as u8);
    }

    fn binary_op(&mut self, op_: BinaryOp) {
        let (op_, invert) = match op_ {
            BinaryOp::NotIn => (BinaryOp::In, true),
            BinaryOp::IsNot => (BinaryOp::Is, true),
            other => (other, false),
        };
        self.write_byte(-1, op::BINARY_OP_MULTI + op_ as u8);
        if invert {
            self.write_byte(0, op::UNARY_OP_MULTI + UnaryOp::Not as u8);
        }
    }

    fn build(&mut self, n_args: u32, kind: BuildKind) {
        let stack_adj = if kind == BuildKind::Map { 1 } else { 1 - n_args as i32 };
        self.write_byte_uint(stack_adj, op::BUILD_TUPLE + kind as u8, u64::from(n_args));
    }

    fn store_map(&mut self) {
        self.write_byte(-2, op::STORE_MAP);
    }

    fn store_comp(&mut self, kind: CompKind, collection_stack_index: u32) {
        let (n, t) = match kind {
            CompKind::List => (0, 0),
            CompKind::Dict => (1, 1),
            CompKind::Set => (0, 2),
        };
        self.write_byte_uint(-1 - n as i32, op::STORE_COMP, u64::from(((collection_stack_index + n) << 2) | t));
    }

    fn unpack_sequence(&mut self, n_args: u32) {
        self.write_byte_uint(-1 + n_args as i32, op::UNPACK_SEQUENCE, u64::from(n_args));
    }

    fn unpack_ex(&mut self, n_left: u32, n_right: u32) {
        self.write_byte_uint(
            -1 + n_left as i32 + n_right as i32 + 1,
            op::UNPACK_EX,
            u64::from(n_left | (n_right << 8)),
        );
    }

    fn make_function(&mut self, child: ScopeId, n_pos_defaults: u32, n_kw_defaults: u32) {
        if n_pos_defaults == 0 && n_kw_defaults == 0 {
            self.write_byte_child(1, op::MAKE_FUNCTION, child);
        } else {
            self.write_byte_child(-1, op::MAKE_FUNCTION_DEFARGS, child);
        }
    }

    fn make_closure(&mut self, child: ScopeId, n_closed_over: u32, n_pos_defaults: u32, n_kw_defaults: u32) {
        if n_pos_defaults == 0 && n_kw_defaults == 0 {
            self.write_byte_child(1 - n_closed_over as i32, op::MAKE_CLOSURE, child);
        } else {
            self.write_byte_child(-2 - n_closed_over as i32 + 1, op::MAKE_CLOSURE_DEFARGS, child);
        }
        self.write_raw_byte(n_closed_over as u8);
    }

    fn call_function(&mut self, n_positional: u32, n_keyword: u32, star_flags: u32) {
        call_helper(self, 0, op::CALL_FUNCTION, n_positional, n_keyword, star_flags);
    }

    fn call_method(&mut self, n_positional: u32, n_keyword: u32, star_flags: u32) {
        call_helper(self, -1, op::CALL_METHOD, n_positional, n_keyword, star_flags);
    }

    fn return_value(&mut self) {
        self.write_byte(-1, op::RETURN_VALUE);
        self.suppress = true;
    }

    fn raise_varargs(&mut self, n_args: u32) {
        self.write_byte(-(n_args as i32), op::RAISE_LAST + n_args as u8);
        self.suppress = true;
    }

    fn yield_(&mut self, kind: YieldKind) {
        self.write_byte(-(kind as i32), op::YIELD_VALUE + kind as u8);
    }

    fn start_except_handler(&mut self) {
        // The exception instance, plus 3 for a possible UNWIND_JUMP state.
        self.adjust_stack_size(4);
    }

    fn end_except_handler(&mut self) {
        self.adjust_stack_size(-3);
    }

    fn take_error(&mut self) -> Option<CompileError> {
        self.error.take()
    }
}

/// `emit_bc_call_function_method_helper`.
fn call_helper(
    e: &mut BytecodeEmitter,
    mut stack_adj: i32,
    base: u8,
    n_positional: u32,
    n_keyword: u32,
    star_flags: u32,
) {
    let arg = u64::from((n_keyword << 8) | n_positional);
    if star_flags != 0 {
        // Each positional arg is one object, each keyword arg two, plus the star-args bitmap.
        stack_adj -= n_positional as i32 + 2 * n_keyword as i32 + 1;
        e.write_byte_uint(stack_adj, base + 1, arg);
    } else {
        stack_adj -= n_positional as i32 + 2 * n_keyword as i32;
        e.write_byte_uint(stack_adj, base, arg);
    }
}
