//! `-march=debug`: the pretend ISA of `py/emitndebug.c`, which prints each generic op instead of encoding
//! it. mpy-cross 1.29 prints this trace on **stdout** during the emit pass (the `.mpy` gets arch 13 and
//! native records holding only data: the prelude-pointer word and the prelude). Reproducing it lets the
//! native emitter's logic be diff-tested against `mpy-cross -march=debug -X emit=native` without any
//! machine code in the way.
//!
//! Format (`asm_debug_printf`): printed only in the emit pass; four spaces of indentation unless the
//! line starts with `E` (`ENTRY`, `EXIT`); `dead_code ` before ops emitted while code is suppressed.
//! Labels print as `label(label_N)` with neither indentation nor prefix. Immediates print as the C `int`
//! they are truncated to: `mov_reg_imm(r_arg1, -1=0xffffffff)`.

use crate::asm::{Asm, CodeBuffer, Comparison, FunKind, Label, Pass};
use std::fmt;

/// The twelve registers of the debug ISA (`ASM_DEBUG_REG_R00..R11`), named as printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum DebugReg {
    Ret = 0,
    Arg1,
    Arg2,
    Arg3,
    Arg4,
    Temp0,
    Temp1,
    Temp2,
    Local1,
    Local2,
    Local3,
    FunTable,
}

impl DebugReg {
    /// `reg_name_table`.
    pub const fn name(self) -> &'static str {
        const NAMES: [&str; 12] = [
            "r_ret",
            "r_arg1",
            "r_arg2",
            "r_arg3",
            "r_arg4",
            "r_temp0",
            "r_temp1",
            "r_temp2",
            "r_local1",
            "r_local2",
            "r_local3",
            "r_fun_table",
        ];
        NAMES[self as usize]
    }
}

impl fmt::Display for DebugReg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// `asm_debug_t`: a code buffer (for labels, dead code and the data the emitter writes) and the trace.
#[derive(Debug)]
pub struct AsmDebug {
    base: CodeBuffer,
    trace: String,
}

impl AsmDebug {
    /// The text printed so far, exactly as mpy-cross writes it to stdout.
    pub fn trace(&self) -> &str {
        &self.trace
    }

    /// Takes the trace, leaving it empty.
    pub fn take_trace(&mut self) -> String {
        std::mem::take(&mut self.trace)
    }

    /// `asm_debug_printf`: one line, in the emit pass only.
    fn line(&mut self, text: fmt::Arguments<'_>) {
        if self.base.pass() != Pass::Emit {
            return;
        }
        let text = text.to_string();
        if !text.starts_with('E') {
            self.trace.push_str("    ");
        }
        if self.base.is_suppressed() {
            self.trace.push_str("dead_code ");
        }
        self.trace.push_str(&text);
        self.trace.push('\n');
    }

    /// `asm_debug_reg`.
    fn reg(&mut self, op: &str, r: DebugReg) {
        self.line(format_args!("{op}({r})"));
    }

    /// `asm_debug_reg_reg`.
    fn reg_reg(&mut self, op: &str, r1: DebugReg, r2: DebugReg) {
        self.line(format_args!("{op}({r1}, {r2})"));
    }

    /// `asm_debug_reg_reg_offset`.
    fn reg_reg_offset(&mut self, op: &str, r1: DebugReg, r2: DebugReg, offset: i32) {
        self.line(format_args!("{op}({r1}, {r2}, {offset})"));
    }

    /// `asm_debug_reg_local`.
    fn reg_local(&mut self, op: &str, r: DebugReg, local: usize) {
        self.line(format_args!("{op}({r}, local_{local})"));
    }

    /// `asm_debug_reg_label_bool`.
    fn reg_label_bool(&mut self, op: &str, r: DebugReg, label: Label, b: bool) {
        self.line(format_args!("{op}({r}, {label}, {b})"));
    }
}

impl Asm for AsmDebug {
    const ARCH: &'static str = "debug";
    const WORD_SIZE: usize = 8;
    type Reg = DebugReg;

    const REG_RET: DebugReg = DebugReg::Ret;
    const REG_ARG_1: DebugReg = DebugReg::Arg1;
    const REG_ARG_2: DebugReg = DebugReg::Arg2;
    const REG_ARG_3: DebugReg = DebugReg::Arg3;
    const REG_ARG_4: DebugReg = DebugReg::Arg4;
    const REG_TEMP0: DebugReg = DebugReg::Temp0;
    const REG_TEMP1: DebugReg = DebugReg::Temp1;
    const REG_TEMP2: DebugReg = DebugReg::Temp2;
    const REG_LOCAL_1: DebugReg = DebugReg::Local1;
    const REG_LOCAL_2: DebugReg = DebugReg::Local2;
    const REG_LOCAL_3: DebugReg = DebugReg::Local3;
    const REG_FUN_TABLE: DebugReg = DebugReg::FunTable;
    const NLR_BUF_IDX_LOCAL_1: usize = 5;

    const HAS_NOT_REG: bool = true;
    const HAS_LOAD16_REG_REG_OFFSET: bool = true;

    fn new(max_num_labels: usize) -> Self {
        AsmDebug {
            base: CodeBuffer::new(max_num_labels),
            trace: String::new(),
        }
    }
    fn base(&self) -> &CodeBuffer {
        &self.base
    }
    fn base_mut(&mut self) -> &mut CodeBuffer {
        &mut self.base
    }

    /// Prints `label(label_N)` (emit pass only) and then assigns it.
    fn label_assign(&mut self, label: Label) {
        if self.base.pass() == Pass::Emit {
            self.trace.push_str(&format!("label({label})\n"));
        }
        self.base.label_assign(label);
    }

    fn entry(&mut self, num_locals: usize, name: &str) {
        self.line(format_args!("ENTRY({name}, num_locals={num_locals})"));
    }
    fn exit(&mut self) {
        self.line(format_args!("EXIT(0)"));
    }

    fn jump(&mut self, label: Label) {
        self.line(format_args!("jump({label})"));
    }
    fn jump_if_reg_zero(&mut self, reg: DebugReg, label: Label, bool_test: bool) {
        self.reg_label_bool("jump_if_reg_zero", reg, label, bool_test);
    }
    fn jump_if_reg_nonzero(&mut self, reg: DebugReg, label: Label, bool_test: bool) {
        self.reg_label_bool("jump_if_reg_nonzero", reg, label, bool_test);
    }
    fn jump_if_reg_eq(&mut self, reg1: DebugReg, reg2: DebugReg, label: Label) {
        self.line(format_args!("jump_if_reg_eq({reg1}, {reg2}, {label})"));
    }
    fn jump_reg(&mut self, reg: DebugReg) {
        self.reg("jump_reg", reg);
    }
    fn call_ind(&mut self, fun: FunKind) {
        self.line(format_args!("call_ind({fun})"));
    }

    fn mov_local_reg(&mut self, local_num: usize, reg_src: DebugReg) {
        self.line(format_args!("mov_local_reg(local_{local_num}, {reg_src})"));
    }
    /// `asm_debug_reg_imm` takes an `int`, so the value prints truncated to 32 bits.
    fn mov_reg_imm(&mut self, reg_dest: DebugReg, imm: i64) {
        let imm = imm as i32;
        self.line(format_args!(
            "mov_reg_imm({reg_dest}, {imm}={:#x})",
            imm as u32
        ));
    }
    fn mov_reg_local(&mut self, reg_dest: DebugReg, local_num: usize) {
        self.reg_local("mov_reg_local", reg_dest, local_num);
    }
    fn mov_reg_reg(&mut self, reg_dest: DebugReg, reg_src: DebugReg) {
        self.reg_reg("mov_reg_reg", reg_dest, reg_src);
    }
    fn mov_reg_local_addr(&mut self, reg_dest: DebugReg, local_num: usize) {
        self.reg_local("mov_reg_local_addr", reg_dest, local_num);
    }
    fn mov_reg_pcrel(&mut self, reg_dest: DebugReg, label: Label) {
        self.line(format_args!("mov_reg_pcrel({reg_dest}, {label})"));
    }

    fn not_reg(&mut self, reg: DebugReg) {
        self.reg("not", reg);
    }
    fn neg_reg(&mut self, reg: DebugReg) {
        self.reg("neg", reg);
    }
    fn clr_reg(&mut self, reg: DebugReg) {
        self.reg("clr", reg);
    }
    fn lsl_reg_reg(&mut self, reg_dest: DebugReg, reg_shift: DebugReg) {
        self.reg_reg("lsl", reg_dest, reg_shift);
    }
    fn lsr_reg_reg(&mut self, reg_dest: DebugReg, reg_shift: DebugReg) {
        self.reg_reg("lsr", reg_dest, reg_shift);
    }
    fn asr_reg_reg(&mut self, reg_dest: DebugReg, reg_shift: DebugReg) {
        self.reg_reg("asr", reg_dest, reg_shift);
    }
    fn or_reg_reg(&mut self, dest: DebugReg, src: DebugReg) {
        self.reg_reg("or", dest, src);
    }
    fn xor_reg_reg(&mut self, dest: DebugReg, src: DebugReg) {
        self.reg_reg("xor", dest, src);
    }
    fn and_reg_reg(&mut self, dest: DebugReg, src: DebugReg) {
        self.reg_reg("and", dest, src);
    }
    fn add_reg_reg(&mut self, dest: DebugReg, src: DebugReg) {
        self.reg_reg("add", dest, src);
    }
    fn sub_reg_reg(&mut self, dest: DebugReg, src: DebugReg) {
        self.reg_reg("sub", dest, src);
    }
    fn mul_reg_reg(&mut self, dest: DebugReg, src: DebugReg) {
        self.reg_reg("mul", dest, src);
    }

    fn load_reg_reg_offset(&mut self, dest: DebugReg, base: DebugReg, word_offset: i32) {
        self.reg_reg_offset("load", dest, base, word_offset);
    }
    fn load8_reg_reg(&mut self, dest: DebugReg, base: DebugReg) {
        self.reg_reg("load8", dest, base);
    }
    fn load16_reg_reg(&mut self, dest: DebugReg, base: DebugReg) {
        self.reg_reg("load16", dest, base);
    }
    fn load16_reg_reg_offset(&mut self, dest: DebugReg, base: DebugReg, uint16_offset: i32) {
        self.reg_reg_offset("load16", dest, base, uint16_offset);
    }
    fn load32_reg_reg(&mut self, dest: DebugReg, base: DebugReg) {
        self.reg_reg("load32", dest, base);
    }
    fn store_reg_reg_offset(&mut self, src: DebugReg, base: DebugReg, word_offset: i32) {
        self.reg_reg_offset("store", src, base, word_offset);
    }
    fn store8_reg_reg(&mut self, src: DebugReg, base: DebugReg) {
        self.reg_reg("store8", src, base);
    }
    fn store16_reg_reg(&mut self, src: DebugReg, base: DebugReg) {
        self.reg_reg("store16", src, base);
    }
    fn store32_reg_reg(&mut self, src: DebugReg, base: DebugReg) {
        self.reg_reg("store32", src, base);
    }

    /// `asm_debug_setcc_reg_reg_reg(as, op_idx, REG_RET, REG_ARG_2, reg_rhs)`.
    fn setcc_reg_reg_reg(&mut self, cmp: Comparison, dest: DebugReg, lhs: DebugReg, rhs: DebugReg) {
        self.line(format_args!("setcc({}, {dest}, {lhs}, {rhs})", cmp.index()));
    }
}

#[cfg(test)]
mod tests {
    use super::{AsmDebug, DebugReg};
    use crate::asm::{Asm, FunKind, Label, Pass};

    #[test]
    fn prints_like_emitndebug() {
        let mut a = AsmDebug::new(1);
        for pass in [Pass::Compute, Pass::Emit] {
            a.start_pass(pass);
            a.entry(7, "h");
            a.mov_reg_imm(DebugReg::Temp0, -1);
            a.mov_reg_imm(DebugReg::Arg3, 0x8_0008);
            a.jump(Label(0));
            a.suppress_code();
            a.call_ind(FunKind::ConvertNativeToObj);
            a.label_assign(Label(0));
            a.exit();
        }
        // Lines as mpy-cross 1.29 prints them (-march=debug, stdout).
        assert_eq!(
            a.trace(),
            "ENTRY(h, num_locals=7)\n    mov_reg_imm(r_temp0, -1=0xffffffff)\n    \
             mov_reg_imm(r_arg3, 524296=0x80008)\n    jump(label_0)\n    dead_code call_ind(convert_native_to_obj)\n\
             label(label_0)\nEXIT(0)\n"
        );
    }
}
