//! Unary and binary operators (`emit_native_unary_op`, `emit_native_binary_op`).
//!
//! Objects go through `mp_unary_op` / `mp_binary_op`. Viper `int`/`uint` operands become machine
//! instructions: `+ - * & | ^` and shifts wrap in the machine word, `//` and `%` call small-int helpers
//! (signed only), comparisons produce a `bool` (signed or unsigned compare, both sides the same type).
//! Anything else is a `ViperTypeError`; note that the operator name in `binary op %q not implemented` is
//! empty for `/ ** @ in` because mpy-cross's qstr pool lacks those method names.

use super::{NativeArch, NativeEmitter, VType};
use crate::asm::{CmpOp, Comparison, FunKind};
use crate::emit::{BinaryOp, UnaryOp};

/// `mp_binary_op_method_name[op]` as mpy-cross 1.29 has it: the names it has qstrs for, else empty.
fn binary_op_method_name(op: BinaryOp) -> &'static str {
    use BinaryOp::*;
    match op {
        Less => "__lt__",
        More => "__gt__",
        Equal => "__eq__",
        LessEqual => "__le__",
        MoreEqual => "__ge__",
        NotEqual => "__ne__",
        // MP_BINARY_OP_NOT_IN lies past the end of the table (it is never a runtime operator), so C
        // reads the neighbouring table: mpy-cross 1.29 prints this name.
        NotIn => "__complex__",
        // `/ ** @ in is` and `is not`: mpy-cross has no method-name qstr for them (empty name).
        _ => "",
    }
}

impl<A: NativeArch> NativeEmitter<A> {
    /// `emit_native_unary_op`.
    pub(super) fn emit_native_unary_op(&mut self, op: UnaryOp) {
        let vtype = self.peek_vtype(0);
        if vtype.is_int() {
            match op {
                UnaryOp::Positive => {}
                UnaryOp::Negative => {
                    let vtype = self.emit_pre_pop_reg(A::REG_RET);
                    self.as_.neg_reg(A::REG_RET);
                    self.emit_post_push_reg(vtype, A::REG_RET);
                }
                UnaryOp::Invert => {
                    let vtype = self.emit_pre_pop_reg(A::REG_RET);
                    if A::HAS_NOT_REG {
                        self.as_.not_reg(A::REG_RET);
                    } else {
                        // mpy-cross 1.29 (xtensa, whose REG_ARG_1 is REG_RET) puts the -1 in the
                        // second argument register.
                        self.as_.mov_reg_imm(A::REG_ARG_2, -1);
                        self.as_.xor_reg_reg(A::REG_RET, A::REG_ARG_2);
                    }
                    self.emit_post_push_reg(vtype, A::REG_RET);
                }
                UnaryOp::Not => self.viper_type_error("'not' not implemented".to_string()),
            }
        } else if vtype == VType::PyObj {
            self.emit_pre_pop_reg(A::REG_ARG_2);
            self.emit_call_with_imm_arg(FunKind::UnaryOp, op as i64, A::REG_ARG_1);
            self.emit_post_push_reg(VType::PyObj, A::REG_RET);
        } else {
            self.viper_type_error(format!("can't do unary op of '{}'", vtype.name()));
        }
    }

    /// `emit_native_binary_op`.
    pub(super) fn emit_native_binary_op(&mut self, op: BinaryOp) {
        let vtype_lhs = self.peek_vtype(1);
        let vtype_rhs = self.peek_vtype(0);
        if vtype_lhs.is_int() && vtype_rhs.is_int() {
            self.binary_op_int(op);
        } else if vtype_lhs == VType::PyObj && vtype_rhs == VType::PyObj {
            self.emit_pre_pop_reg_reg(A::REG_ARG_3, A::REG_ARG_2);
            let (op, invert) = match op {
                BinaryOp::NotIn => (BinaryOp::In, true),
                BinaryOp::IsNot => (BinaryOp::Is, true),
                op => (op, false),
            };
            self.emit_call_with_imm_arg(FunKind::BinaryOp, op as i64, A::REG_ARG_1);
            if invert {
                self.as_.mov_reg_reg(A::REG_ARG_2, A::REG_RET);
                self.emit_call_with_imm_arg(FunKind::UnaryOp, UnaryOp::Not as i64, A::REG_ARG_1);
            }
            self.emit_post_push_reg(VType::PyObj, A::REG_RET);
        } else {
            self.adjust_stack(-1);
            self.viper_type_error(format!(
                "can't do binary op between '{}' and '{}'",
                vtype_lhs.name(),
                vtype_rhs.name()
            ));
        }
    }

    /// Both operands `int`/`uint`.
    fn binary_op_int(&mut self, op: BinaryOp) {
        let op = op.non_inplace();

        if let Some(reg_count) = A::REG_SHIFT_COUNT {
            if op == BinaryOp::Lshift || op == BinaryOp::Rshift {
                let (_, vtype_lhs) = self.emit_pre_pop_reg_reg(reg_count, A::REG_RET);
                if op == BinaryOp::Lshift {
                    self.as_.lsl_reg(A::REG_RET);
                } else if vtype_lhs == VType::Uint {
                    self.as_.lsr_reg(A::REG_RET);
                } else {
                    self.as_.asr_reg(A::REG_RET);
                }
                self.emit_post_push_reg(vtype_lhs, A::REG_RET);
                return;
            }
        }

        if op == BinaryOp::FloorDivide || op == BinaryOp::Modulo {
            let (_, vtype_lhs) = self.emit_pre_pop_reg_reg(A::REG_ARG_2, A::REG_ARG_1);
            if vtype_lhs != VType::Int {
                self.viper_type_error("div/mod not implemented for uint".to_string());
            }
            if op == BinaryOp::FloorDivide {
                self.emit_call(FunKind::SmallIntFloorDivide);
            } else {
                self.emit_call(FunKind::SmallIntModulo);
            }
            self.emit_post_push_reg(VType::Int, A::REG_RET);
            return;
        }

        let (vtype_rhs, reg_rhs) = self.emit_pre_pop_reg_flexible(A::REG_ARG_3, Some(A::REG_RET), Some(A::REG_ARG_2));
        let vtype_lhs = self.emit_pre_pop_reg(A::REG_ARG_2);

        if A::REG_SHIFT_COUNT.is_none() && (op == BinaryOp::Lshift || op == BinaryOp::Rshift) {
            if op == BinaryOp::Lshift {
                self.as_.lsl_reg_reg(A::REG_ARG_2, reg_rhs);
            } else if vtype_lhs == VType::Uint {
                self.as_.lsr_reg_reg(A::REG_ARG_2, reg_rhs);
            } else {
                self.as_.asr_reg_reg(A::REG_ARG_2, reg_rhs);
            }
            self.emit_post_push_reg(vtype_lhs, A::REG_ARG_2);
            return;
        }

        let cmp = match op {
            BinaryOp::Or => {
                self.as_.or_reg_reg(A::REG_ARG_2, reg_rhs);
                None
            }
            BinaryOp::Xor => {
                self.as_.xor_reg_reg(A::REG_ARG_2, reg_rhs);
                None
            }
            BinaryOp::And => {
                self.as_.and_reg_reg(A::REG_ARG_2, reg_rhs);
                None
            }
            BinaryOp::Add => {
                self.as_.add_reg_reg(A::REG_ARG_2, reg_rhs);
                None
            }
            BinaryOp::Subtract => {
                self.as_.sub_reg_reg(A::REG_ARG_2, reg_rhs);
                None
            }
            BinaryOp::Multiply => {
                self.as_.mul_reg_reg(A::REG_ARG_2, reg_rhs);
                None
            }
            BinaryOp::Less => Some(CmpOp::Less),
            BinaryOp::More => Some(CmpOp::More),
            BinaryOp::Equal => Some(CmpOp::Equal),
            BinaryOp::LessEqual => Some(CmpOp::LessEqual),
            BinaryOp::MoreEqual => Some(CmpOp::MoreEqual),
            BinaryOp::NotEqual => Some(CmpOp::NotEqual),
            _ => {
                // Put the operand back so the stack stays balanced.
                self.adjust_stack(1);
                self.viper_type_error(format!("binary op {} not implemented", binary_op_method_name(op)));
                return;
            }
        };
        match cmp {
            None => self.emit_post_push_reg(vtype_lhs, A::REG_ARG_2),
            Some(cmp_op) => {
                if vtype_lhs != vtype_rhs {
                    self.viper_type_error("comparison of int and uint".to_string());
                }
                self.need_reg_single(A::REG_RET, 0);
                let cmp = Comparison { op: cmp_op, signed: vtype_lhs != VType::Uint };
                self.as_.setcc_reg_reg_reg(cmp, A::REG_RET, A::REG_ARG_2, reg_rhs);
                self.emit_post_push_reg(VType::Bool, A::REG_RET);
            }
        }
    }
}

impl BinaryOp {
    /// `op += MP_BINARY_OP_OR - MP_BINARY_OP_INPLACE_OR` for the in-place operators.
    fn non_inplace(self) -> BinaryOp {
        use BinaryOp::*;
        match self {
            InplaceOr => Or,
            InplaceXor => Xor,
            InplaceAnd => And,
            InplaceLshift => Lshift,
            InplaceRshift => Rshift,
            InplaceAdd => Add,
            InplaceSubtract => Subtract,
            InplaceMultiply => Multiply,
            InplaceMatMultiply => MatMultiply,
            InplaceFloorDivide => FloorDivide,
            InplaceTrueDivide => TrueDivide,
            InplaceModulo => Modulo,
            InplacePower => Power,
            other => other,
        }
    }
}
