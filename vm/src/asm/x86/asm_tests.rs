//! x86 assembler tests above the encoder: frame, stack arguments, stack-passed runtime calls, the
//! `call/pop/add` PC-relative sequence and jump sizes. Expected bytes are from mpy-cross 1.29 x86 output.

use super::regs::R32;
use super::AsmX86;
use crate::asm::{Asm, CmpOp, Comparison, FunKind, Label, Pass};

fn two_passes(labels: usize, program: impl Fn(&mut AsmX86)) -> AsmX86 {
    let mut a = AsmX86::new(labels);
    a.base_mut().set_listing(true);
    a.start_pass(Pass::Compute);
    program(&mut a);
    let size = a.code_pos();
    a.start_pass(Pass::Emit);
    program(&mut a);
    assert_eq!(a.code_pos(), size);
    assert_eq!(a.base().error(), None);
    a
}

#[test]
fn frame_and_arguments() {
    // A native function of testdata/native.py: 17 locals become 19 (3 mod 4), argument 0 sits above
    // 19 locals, 4 saved registers and the return address: 0x60(%esp).
    let a = two_passes(0, |a| {
        a.entry(17, "f");
        a.mov_arg_to_reg(0, R32::Eax);
        a.mov_arg_to_reg(3, R32::Ebx);
        a.exit();
    });
    assert_eq!(
        a.base().render_listing(),
        "0000  55                              push %ebp\n\
         0001  53                              push %ebx\n\
         0002  56                              push %esi\n\
         0003  57                              push %edi\n\
         0004  83 ec 4c                        sub $0x4c,%esp\n\
         0007  8b 44 24 60                     mov 0x60(%esp),%eax\n\
         000b  8b 5c 24 6c                     mov 0x6c(%esp),%ebx\n\
         000f  83 ec b4                        sub $-0x4c,%esp\n\
         0012  5f                              pop %edi\n\
         0013  5e                              pop %esi\n\
         0014  5b                              pop %ebx\n\
         0015  5d                              pop %ebp\n\
         0016  c3                              ret\n"
    );
}

#[test]
fn runtime_calls_push_their_arguments_16_byte_aligned() {
    let a = two_passes(0, |a| {
        a.call_ind(FunKind::NlrPop); // 0 args
        a.call_ind(FunKind::NativeRaise); // 1
        a.call_ind(FunKind::ConvertObjToNative); // 2
        a.call_ind(FunKind::BinaryOp); // 3
        a.call_ind(FunKind::SetupCodeState); // 4
    });
    assert_eq!(
        a.base().code(),
        [
            0x8b, 0x85, 0x84, 0x00, 0x00, 0x00, 0xff, 0xd0, // nlr_pop: no pushes, no cleanup
            0x83, 0xec, 0x0c, 0x50, 0x8b, 0x85, 0x88, 0x00, 0x00, 0x00, 0xff, 0xd0, 0x83, 0xc4,
            0x10, 0x83, 0xec, 0x08, 0x51, 0x50, 0x8b, 0x45, 0x0c, 0xff, 0xd0, 0x83, 0xc4, 0x10,
            0x83, 0xec, 0x04, 0x52, 0x51, 0x50, 0x8b, 0x45, 0x48, 0xff, 0xd0, 0x83, 0xc4, 0x10,
            0x53, 0x52, 0x51, 0x50, 0x8b, 0x85, 0xb4, 0x00, 0x00, 0x00, 0xff, 0xd0, 0x83, 0xc4,
            0x10,
        ]
    );
}

#[test]
fn pcrel_is_call_pop_add() {
    // mpy-cross: `e8 00 00 00 00  5b  81 c3 53 00 00 00` for a label 0x53 past the pop.
    let a = two_passes(1, |a| {
        a.mov_reg_pcrel(R32::Ebx, Label(0));
        for _ in 0..0x53 - 7 {
            a.emit(super::inst::Inst::PushR32(R32::Eax));
        }
        a.label_assign(Label(0));
    });
    assert_eq!(
        &a.base().code()[..12],
        [0xe8, 0, 0, 0, 0, 0x5b, 0x81, 0xc3, 0x53, 0, 0, 0]
    );
}

#[test]
fn backward_jumps_are_short_while_they_fit() {
    let a = two_passes(1, |a| {
        a.label_assign(Label(0));
        a.jump_if_reg_nonzero(R32::Eax, Label(0), false);
        a.jump(Label(0));
    });
    // test %eax,%eax; jne .-2 ; jmp .-6
    assert_eq!(a.base().code(), [0x85, 0xc0, 0x75, 0xfc, 0xeb, 0xfa]);
}

#[test]
fn viper_memory_shift_and_comparison_ops() {
    // From mpy-cross -march=x86: `p[4] = x` (ptr8), `q[3] = x` (ptr16), `r[6] = x` (ptr32), `p[3]`,
    // shifts by %cl, and `int(a < b)`.
    let a = two_passes(0, |a| {
        a.store8_reg_reg_offset(R32::Edx, R32::Ebx, 4);
        a.store16_reg_reg_offset(R32::Edx, R32::Esi, 3);
        a.store32_reg_reg_offset(R32::Edx, R32::Eax, 6);
        a.load8_reg_reg_offset(R32::Eax, R32::Ebx, 3);
        a.lsl_reg(R32::Eax);
        a.asr_reg(R32::Eax);
        a.lsr_reg(R32::Eax);
        a.setcc_reg_reg_reg(
            Comparison {
                op: CmpOp::Less,
                signed: true,
            },
            R32::Eax,
            R32::Ecx,
            R32::Esi,
        );
    });
    assert_eq!(
        a.base().code(),
        [
            0x88, 0x53, 0x04, 0x66, 0x89, 0x56, 0x06, 0x89, 0x50, 0x18, 0x0f, 0xb6, 0x43, 0x03,
            0xd3, 0xe0, 0xd3, 0xf8, 0xd3, 0xe8, 0x31, 0xc0, 0x39, 0xf1, 0x0f, 0x9c, 0xc0,
        ]
    );
}
