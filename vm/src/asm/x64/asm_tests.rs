//! x64 assembler tests above the encoder: frames, immediates, labels and jump sizes across the two
//! passes, dead code, and errors instead of C asserts. Expected bytes are from mpy-cross 1.29 output
//! (quoted where used) or follow from rows of the GNU `as` table.

use super::regs::R64;
use super::AsmX64;
use crate::asm::{Asm, AsmError, CmpOp, Comparison, FunKind, Label, Pass};

/// Runs `program` through a compute pass and an emit pass and returns the assembler.
fn two_passes(labels: usize, program: impl Fn(&mut AsmX64)) -> AsmX64 {
    let mut a = AsmX64::new(labels);
    a.base_mut().set_listing(true);
    a.start_pass(Pass::Compute);
    program(&mut a);
    let size = a.code_pos();
    a.start_pass(Pass::Emit);
    program(&mut a);
    assert_eq!(
        a.code_pos(),
        size,
        "emit pass wrote a different size than the compute pass"
    );
    a
}

fn code(a: &AsmX64) -> &[u8] {
    assert_eq!(a.base().error(), None);
    a.base().code()
}

#[test]
fn prologue_and_epilogue_match_mpy_cross() {
    // facts §1.6: `@native def f(a): return a` starts `55 53 41 54 41 55 48 83 ec 38`.
    let a = two_passes(0, |a| {
        a.entry(7, "f");
        a.exit();
    });
    assert_eq!(
        code(&a),
        [
            0x55, 0x53, 0x41, 0x54, 0x41, 0x55, 0x48, 0x83, 0xec, 0x38, 0x48, 0x83, 0xec, 0xc8,
            0x41, 0x5d, 0x41, 0x5c, 0x5b, 0x5d, 0xc3
        ]
    );
    // An even count is made odd; a large frame needs imm32 (module in testdata: `48 81 ec a8 00 00 00`).
    let a = two_passes(0, |a| a.entry(20, "<module>"));
    assert_eq!(&code(&a)[6..], [0x48, 0x81, 0xec, 0xa8, 0x00, 0x00, 0x00]);
}

#[test]
fn immediates_use_the_shortest_zero_extending_form() {
    let a = two_passes(0, |a| {
        a.mov_reg_imm(R64::Rdx, 0x80008);
        a.mov_reg_imm(R64::R12, 0xffff_ffff);
        a.mov_reg_imm(R64::Rax, -1);
        a.mov_reg_imm(R64::Rax, 0x1_0000_0000);
    });
    let listing = a.base().render_listing();
    assert_eq!(
        listing,
        "0000  ba 08 00 08 00                  mov $0x80008,%edx\n\
         0005  41 bc ff ff ff ff               mov $0xffffffff,%r12d\n\
         000b  48 b8 ff ff ff ff ff ff ff ff   movabs $0xffffffffffffffff,%rax\n\
         0015  48 b8 00 00 00 00 01 00 00 00   movabs $0x100000000,%rax\n"
    );
}

#[test]
fn call_ind_goes_through_the_fun_table() {
    // `mov 0x168(%rbp),%rax; call *%rax` is slot 45, setup_code_state (facts §1.5).
    let a = two_passes(0, |a| a.call_ind(FunKind::SetupCodeState));
    assert_eq!(
        code(&a),
        [0x48, 0x8b, 0x85, 0x68, 0x01, 0x00, 0x00, 0xff, 0xd0]
    );
}

/// `n` one-byte instructions (`nop`).
fn nops(a: &mut AsmX64, n: usize) {
    for _ in 0..n {
        a.emit(super::inst::Inst::Nop);
    }
}

#[test]
fn backward_jumps_are_short_while_they_fit() {
    // 126 bytes back plus the 2-byte jump itself is -128: the last short one.
    let a = two_passes(1, |a| {
        a.label_assign(Label(0));
        nops(a, 126);
        a.jump(Label(0));
    });
    assert_eq!(&code(&a)[126..], [0xeb, 0x80]);
    let a = two_passes(1, |a| {
        a.label_assign(Label(0));
        nops(a, 127);
        a.jump(Label(0));
    });
    // -127 - 5 = -132.
    assert_eq!(&code(&a)[127..], [0xe9, 0x7c, 0xff, 0xff, 0xff]);
    let a = two_passes(1, |a| {
        a.label_assign(Label(0));
        nops(a, 127);
        a.jump_if_reg_zero(R64::Rax, Label(0), false);
    });
    // test %rax,%rax (3 bytes) then je: -130 - 6 = -136.
    assert_eq!(
        &code(&a)[127..],
        [0x48, 0x85, 0xc0, 0x0f, 0x84, 0x78, 0xff, 0xff, 0xff]
    );
}

#[test]
fn forward_jumps_are_always_near() {
    // The compute pass cannot know a forward distance, so even a jump over nothing takes rel32.
    let a = two_passes(1, |a| {
        a.jump(Label(0));
        a.label_assign(Label(0));
        a.jump_if_reg_nonzero(R64::Rax, Label(0), true);
    });
    assert_eq!(
        code(&a),
        [0xe9, 0x00, 0x00, 0x00, 0x00, 0x84, 0xc0, 0x75, 0xfc]
    );
}

#[test]
fn pcrel_points_at_the_label_from_the_end_of_the_lea() {
    let a = two_passes(2, |a| {
        a.label_assign(Label(0));
        a.mov_reg_pcrel(R64::Rbx, Label(0));
        a.mov_reg_pcrel(R64::Rax, Label(1));
        nops(a, 3);
        a.label_assign(Label(1));
    });
    assert_eq!(
        code(&a),
        [
            0x48, 0x8d, 0x1d, 0xf9, 0xff, 0xff, 0xff, 0x48, 0x8d, 0x05, 0x03, 0x00, 0x00, 0x00,
            0x90, 0x90, 0x90
        ]
    );
}

#[test]
fn dead_code_takes_no_bytes() {
    let a = two_passes(1, |a| {
        a.jump(Label(0));
        a.suppress_code();
        a.mov_reg_imm(R64::Rax, 1);
        a.call_ind(FunKind::NativeRaise);
        a.label_assign(Label(0));
        a.clr_reg(R64::Rax);
    });
    assert_eq!(code(&a), [0xe9, 0x00, 0x00, 0x00, 0x00, 0x48, 0x31, 0xc0]);
}

#[test]
fn viper_comparison_and_memory_ops() {
    // From mpy-cross -march=x64 (`int(a < b)`, `p[3]`, `q[3] = x` on ptr16, `r[6] = x` on ptr32,
    // `a << b`, `a >> b`, `c >> d` with c: uint).
    let a = two_passes(0, |a| {
        a.setcc_reg_reg_reg(
            Comparison {
                op: CmpOp::Less,
                signed: true,
            },
            R64::Rax,
            R64::Rsi,
            R64::R12,
        );
        a.load8_reg_reg_offset(R64::Rax, R64::Rbx, 3);
        a.store16_reg_reg_offset(R64::Rdx, R64::R12, 3);
        a.store32_reg_reg_offset(R64::Rdx, R64::Rax, 6);
        a.lsl_reg(R64::Rax);
        a.asr_reg(R64::Rax);
        a.lsr_reg(R64::Rax);
    });
    assert_eq!(
        code(&a),
        [
            0x48, 0x31, 0xc0, 0x4c, 0x39, 0xe6, 0x0f, 0x9c,
            0xc0, // xor; cmp %r12,%rsi; setl %al
            0x0f, 0xb6, 0x43, 0x03, // movzbl 0x3(%rbx),%eax
            0x66, 0x41, 0x89, 0x54, 0x24, 0x06, // mov %dx,0x6(%r12)
            0x89, 0x50, 0x18, // mov %edx,0x18(%rax)
            0x48, 0xd3, 0xe0, 0x48, 0xd3, 0xf8, 0x48, 0xd3, 0xe8, // shl, sar, shr %cl,%rax
        ]
    );
}

#[test]
fn impossible_requests_are_errors_not_panics() {
    let mut a = AsmX64::new(1);
    a.start_pass(Pass::Emit);
    a.jump_if_reg_zero(R64::R12, Label(0), true);
    assert_eq!(
        a.base().error(),
        Some(&AsmError::RegisterNotEncodable {
            op: "asm_x64_test_r8_with_r8",
            reg: "r12"
        })
    );
    let mut a = AsmX64::new(1);
    a.jump_reg(R64::R13);
    a.lsl_reg_reg(R64::Rax, R64::Rcx);
    assert_eq!(
        a.base().error(),
        Some(&AsmError::RegisterNotEncodable {
            op: "asm_x64_jmp_reg",
            reg: "r13"
        })
    );
    let mut a = AsmX64::new(1);
    a.lsl_reg_reg(R64::Rax, R64::Rcx);
    assert_eq!(
        a.base().error(),
        Some(&AsmError::Unsupported {
            op: "ASM_LSL_REG_REG",
            arch: "x64"
        })
    );
    let mut a = AsmX64::new(1);
    a.load_reg_reg_offset(R64::Rax, R64::Rax, i32::MAX);
    assert!(matches!(
        a.base().error(),
        Some(AsmError::ValueOutOfRange { .. })
    ));
    let mut a = AsmX64::new(1);
    a.jump(Label(5));
    assert_eq!(
        a.base().error(),
        Some(&AsmError::LabelOutOfRange { label: 5, max: 1 })
    );
}

/// Viper pointer offsets are scaled in the C `int`: they wrap at 32 bits (mpy-cross 1.29 output for
/// corpus program `mcu_ptr_03.py`: `w[0x3fffffff] = x` is `mov %edx,-0x4(%rax)`, `w[-0x40000000] = x`
/// is `mov %edx,(%rax)`, `h[-0x40000000]` is `movzwl -0x80000000(%rax),%eax`).
#[test]
fn pointer_offsets_wrap_like_mpy_cross() {
    let a = two_passes(0, |a| {
        a.store32_reg_reg_offset(R64::Rdx, R64::Rax, 0x3fff_ffff)
    });
    assert_eq!(code(&a), [0x89, 0x50, 0xfc]);
    let a = two_passes(0, |a| {
        a.store32_reg_reg_offset(R64::Rdx, R64::Rax, -0x4000_0000)
    });
    assert_eq!(code(&a), [0x89, 0x10]);
    let a = two_passes(0, |a| {
        a.load16_reg_reg_offset(R64::Rax, R64::Rax, -0x4000_0000)
    });
    assert_eq!(code(&a), [0x0f, 0xb7, 0x80, 0x00, 0x00, 0x00, 0x80]);
}
