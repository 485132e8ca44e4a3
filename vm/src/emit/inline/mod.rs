//! The inline assemblers (`py/emitinlinethumb.c`, `py/emitinlinextensa.c`, `py/emitinlinerv32.c`):
//! the code of `@micropython.asm_thumb`, `@micropython.asm_xtensa` and `@micropython.asm_rv32`
//! functions, one instruction per statement.
//!
//! mpy-cross picks the assembler by `-march`, whatever the decorator says: Thumb for `armv6`
//! (behind an ARM-state prelude), `armv6m` and the ARMv7-M family (Thumb-2 instructions from
//! `armv7m`, VFP from `armv7emsp`), Xtensa for `xtensa` and `xtensawin`, RV32 for `rv32imc` (Zba and
//! Zcmp with `-march-flags`). The compiler walks the function body (`compiler::inline_asm`, the port
//! of `compile_scope_inline_asm`) and hands each instruction here as its name and argument nodes
//! ([`args::Node`]).
//!
//! # Errors
//!
//! Like the C, every assembler writes SyntaxErrors into one slot that a later error of the same
//! instruction overwrites (`*emit->error_slot = exc`), so for `add(r8, r9, r10)` the message is the
//! last argument's. The compiler stops after the instruction that set it. A few errors are raised
//! instead (`mp_raise_*` in `py/asmxtensa.c`): they end the compilation at once and print no
//! traceback ([`Raised`]). Assembler contract breaches that crash mpy-cross (a label that moves
//! between passes) come back as the code buffer's [`AsmError`].

pub mod args;
mod labels;
mod rv32;
mod thumb;
mod xtensa;

use crate::asm::{AsmError, CodeBuffer, Label, Pass};
use crate::error::ErrorKind;
use crate::mpy::Arch;
pub use args::Node;
pub use labels::Labels;

/// An error raised out of the assembler (`mp_raise_msg`): no traceback, compilation ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Raised {
    /// The exception type.
    pub kind: ErrorKind,
    /// Its message.
    pub message: String,
}

/// The largest code mpy-cross 1.29 allocates for one function: its heap holds about 2 MB, and a
/// bigger request fails with "memory allocation failed" (the exact bound depends on what else the
/// heap holds; this is where a lone function fails).
const MAX_CODE_SIZE: usize = 2_078_367;

/// What every assembler shares: the pass, the label names, the error slot.
#[derive(Debug)]
pub struct Shared {
    /// The current pass (compute for `MP_PASS_CODE_SIZE`, emit for `MP_PASS_EMIT`).
    pub pass: Pass,
    /// `label_lookup` and the label offsets of the last compute pass.
    pub labels: Labels,
    /// `*emit->error_slot`: the last SyntaxError message written.
    pub error: Option<String>,
    /// An error raised out of the assembler.
    pub raised: Option<Raised>,
    /// The source text (a few shapes depend on a trailing comma our tree does not keep).
    pub src: Vec<u8>,
}

impl Shared {
    fn new(max_num_labels: usize, src: &[u8]) -> Shared {
        Shared {
            pass: Pass::Compute,
            labels: Labels::new(max_num_labels),
            error: None,
            raised: None,
            src: src.to_vec(),
        }
    }

    /// `emit_inline_*_error_msg` / `_error_exc`: (over)writes the SyntaxError slot.
    pub fn error(&mut self, message: impl Into<String>) {
        self.error = Some(message.into());
    }

    /// `get_arg_label` of the Thumb and Xtensa assemblers: the label an identifier names, 0 (with
    /// "expects a label" or, in the emit pass, "label 'x' not defined") otherwise.
    pub fn arg_label(&mut self, op: &str, n: Node<'_>) -> Label {
        let Some(id) = n.id() else {
            self.error(format!("'{op}' expects a label"));
            return Label(0);
        };
        match self.labels.find(id) {
            Some(l) => Label(l),
            None => {
                if self.pass == Pass::Emit {
                    self.error(format!("label '{id}' not defined"));
                }
                Label(0)
            }
        }
    }

    /// `get_label_dest` minus the current offset: what C computes as `dest - code_offset`, with an
    /// unknown label's `(size_t)-1` read as -1.
    pub fn label_rel(&self, label: Label, here: usize) -> i64 {
        self.labels.offset(label.0) - here as i64
    }
}

/// One instruction set: what differs between `py/emitinline<isa>.c`.
trait Isa {
    /// The assembler's code buffer.
    fn base(&self) -> &CodeBuffer;
    /// The assembler's code buffer, mutably.
    fn base_mut(&mut self) -> &mut CodeBuffer;
    /// `start_pass` after the buffer's own: the prologue.
    fn entry(&mut self);
    /// `end_pass`: the epilogue and `asm_*_end_pass`.
    fn exit(&mut self);
    /// `count_params`.
    fn count_params(&mut self, sh: &mut Shared, params: &[Node<'_>]) -> u32;
    /// `op`: one instruction.
    fn op(&mut self, sh: &mut Shared, op: &str, args: &[Node<'_>]);
    /// How many code-size passes the compiler runs (Xtensa sizes its literal table in a second one).
    fn code_size_passes(&self) -> usize {
        1
    }
}

/// `emit_inline_asm_t` for one architecture, with the C's method table as methods.
pub struct InlineAsm {
    shared: Shared,
    isa: Box<dyn Isa>,
}

impl std::fmt::Debug for InlineAsm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InlineAsm")
            .field("shared", &self.shared)
            .finish_non_exhaustive()
    }
}

impl InlineAsm {
    /// `ASM_EMITTER(new)(max_num_labels)` for `-march=arch` (with `-march-flags` bits), or `None`
    /// when mpy-cross has no inline assembler there (`x86`, `x64`, `rv64imc`, `debug`).
    /// `src` is the module's source text.
    pub fn new(
        arch: Arch,
        arch_flags: u32,
        max_num_labels: usize,
        src: &[u8],
    ) -> Option<InlineAsm> {
        let isa: Box<dyn Isa> =
            match arch {
                Arch::Armv6 => Box::new(thumb::InlineThumb::<crate::asm::thumb::Armv6m>::new(
                    max_num_labels,
                    true,
                )),
                Arch::Armv6m => Box::new(thumb::InlineThumb::<crate::asm::thumb::Armv6m>::new(
                    max_num_labels,
                    false,
                )),
                Arch::Armv7m => Box::new(thumb::InlineThumb::<crate::asm::thumb::Armv7m>::new(
                    max_num_labels,
                    false,
                )),
                Arch::Armv7em => Box::new(thumb::InlineThumb::<crate::asm::thumb::Armv7em>::new(
                    max_num_labels,
                    false,
                )),
                Arch::Armv7emsp => Box::new(
                    thumb::InlineThumb::<crate::asm::thumb::Armv7emsp>::new(max_num_labels, false),
                ),
                Arch::Armv7emdp => Box::new(
                    thumb::InlineThumb::<crate::asm::thumb::Armv7emdp>::new(max_num_labels, false),
                ),
                Arch::Xtensa => Box::new(xtensa::InlineXtensa::<crate::asm::xtensa::Call0>::new(
                    max_num_labels,
                )),
                Arch::Xtensawin => Box::new(
                    xtensa::InlineXtensa::<crate::asm::xtensa::Windowed>::new(max_num_labels),
                ),
                Arch::Rv32imc => Box::new(rv32::InlineRv32::new(max_num_labels, arch_flags)),
                _ => return None,
            };
        Some(InlineAsm {
            shared: Shared::new(max_num_labels, src),
            isa,
        })
    }

    /// Whether mpy-cross has an inline assembler for `arch` (else `@micropython.asm_*` is "invalid arch").
    pub fn supported(arch: Arch) -> bool {
        matches!(
            arch,
            Arch::Armv6
                | Arch::Armv6m
                | Arch::Armv7m
                | Arch::Armv7em
                | Arch::Armv7emsp
                | Arch::Armv7emdp
                | Arch::Xtensa
                | Arch::Xtensawin
                | Arch::Rv32imc
        )
    }

    /// How many code-size passes to run before the emit pass.
    pub fn code_size_passes(&self) -> usize {
        self.isa.code_size_passes()
    }

    /// Asks the emit pass to record a listing.
    pub fn set_listing(&mut self, enabled: bool) {
        self.isa.base_mut().set_listing(enabled);
    }

    /// `start_pass`: the label names are forgotten at the start of a code-size pass, the code
    /// buffer starts its pass, and the prologue is written. The emit pass allocates the code
    /// (`MP_PLAT_ALLOC_EXEC`): past mpy-cross's heap that raises a MemoryError instead.
    pub fn start_pass(&mut self, emit: bool) {
        self.shared.pass = if emit { Pass::Emit } else { Pass::Compute };
        self.shared.error = None;
        if emit {
            let size = self.isa.base().code_pos();
            if size > MAX_CODE_SIZE {
                self.shared.raised = Some(Raised {
                    kind: ErrorKind::MemoryError,
                    message: format!("memory allocation failed, allocating {size} bytes"),
                });
                return;
            }
        } else {
            self.shared.labels.start_compute_pass();
        }
        self.isa.base_mut().start_pass(self.shared.pass);
        self.isa.entry();
    }

    /// `end_pass`: the epilogue.
    pub fn end_pass(&mut self) {
        self.isa.exit();
    }

    /// `count_params`: the number of parameters, or 0 with an error.
    pub fn count_params(&mut self, params: &[Node<'_>]) -> u32 {
        self.isa.count_params(&mut self.shared, params)
    }

    /// `label`: false if the name is already a label of this function (checked in code-size passes).
    pub fn label(&mut self, label_num: usize, id: &str) -> bool {
        let here = self.isa.base().code_pos();
        if !self
            .shared
            .labels
            .define(label_num, id, here, self.shared.pass == Pass::Compute)
        {
            return false;
        }
        self.isa.base_mut().label_assign(Label(label_num));
        true
    }

    /// `op`: one instruction.
    pub fn op(&mut self, op: &str, args: &[Node<'_>]) {
        self.isa.op(&mut self.shared, op, args);
    }

    /// `mp_asm_base_align(as, unsigned int align)`: `offset = (offset + align - 1) & ~(align - 1)`,
    /// where `align - 1` is computed in 32 bits and then widened, so `align(0)` rewinds to the start
    /// and a negative alignment sets bit 32 of the offset (mpy-cross then fails to allocate the
    /// code). Skipped bytes are left as they are.
    pub fn align(&mut self, align: i64) {
        let a = align as u32;
        let off = self.isa.base().code_pos() as u64;
        let new = off.wrapping_add(u64::from(a)).wrapping_sub(1) & !u64::from(a.wrapping_sub(1));
        self.isa.base_mut().set_code_pos(new as usize);
    }

    /// `mp_asm_base_data`: `bytesize` little-endian bytes of `val` (`bytesize` as a C `unsigned
    /// int`). A code-size pass only counts them.
    pub fn data(&mut self, bytesize: u32, val: u64) {
        let base = self.isa.base_mut();
        if self.shared.pass == Pass::Compute {
            let pos = base.code_pos();
            base.set_code_pos(pos.saturating_add(bytesize as usize));
        } else {
            base.data(bytesize as usize, val);
        }
    }

    /// The current code offset.
    pub fn code_pos(&self) -> usize {
        self.isa.base().code_pos()
    }

    /// The SyntaxError the last instruction left, if any.
    pub fn error(&self) -> Option<&str> {
        self.shared.error.as_deref()
    }

    /// The error raised out of the assembler, if any.
    pub fn raised(&self) -> Option<&Raised> {
        self.shared.raised.as_ref()
    }

    /// A contract breach of the code buffer (where mpy-cross fails an assertion).
    pub fn asm_error(&self) -> Option<&AsmError> {
        self.isa.base().error()
    }

    /// The code of the last emit pass.
    pub fn code(&self) -> Vec<u8> {
        self.isa.base().code().to_vec()
    }

    /// The listing of the last emit pass.
    pub fn listing(&self) -> String {
        self.isa.base().render_listing()
    }
}
