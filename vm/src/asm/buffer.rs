//! The code buffer shared by every assembler: `mp_asm_base_t` and its functions (`py/asmbase.c`).
//!
//! # Passes
//!
//! The native emitter runs each scope several times. Every pass before the last is a *compute* pass
//! (`MP_ASM_PASS_COMPUTE`): instructions are "written" through the same code as in the final pass, but
//! nothing is stored, only `code_offset` advances, and label offsets are recorded. The last pass is the
//! *emit* pass (`MP_ASM_PASS_EMIT`): the buffer is allocated with exactly the size the previous pass
//! reached, and the bytes are written.
//!
//! Labels are reset to "unknown" at the start of every compute pass but **not** at the start of the emit
//! pass. So in a compute pass a label is known only once it is behind us (a backward jump), while in the
//! emit pass every label is known. The assemblers pick short encodings only for backward jumps (known in
//! both kinds of pass), which keeps the sizes of both passes identical; the emit pass checks that every
//! label lands where the compute pass put it.
//!
//! # Dead code
//!
//! After an unconditional jump or a raise the emitter calls [`CodeBuffer::suppress_code`]: everything up to
//! the next label is dropped (no bytes, no offset advance). `mp_asm_base_label_assign` ends the suppression.
//!
//! # Listing
//!
//! When asked ([`CodeBuffer::set_listing`]), the emit pass also records one [`ListingLine`] per instruction,
//! data item and label: the text form of what was emitted (style principle P7).

use super::error::AsmError;
use std::fmt;

/// Which kind of pass the assembler is in (`MP_ASM_PASS_COMPUTE` / `MP_ASM_PASS_EMIT`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Pass {
    /// Count bytes and place labels; write nothing.
    Compute = 1,
    /// Write the bytes into a buffer sized by the previous pass.
    Emit = 2,
}

/// A jump target, numbered by the emitter (`mp_uint_t label` in C).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub usize);

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "label_{}", self.0)
    }
}

/// One line of a listing: where, which bytes, and what they mean.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListingLine {
    /// Offset of the first byte within the code.
    pub offset: usize,
    /// The bytes written (empty for a label).
    pub bytes: Vec<u8>,
    /// Assembly text, `.byte`-style data, or `label_N:`.
    pub text: String,
}

/// `mp_asm_base_t`: the code under construction, its labels and pass state.
#[derive(Debug)]
pub struct CodeBuffer {
    pass: Pass,
    suppress: bool,
    code_offset: usize,
    code: Vec<u8>,
    label_offsets: Vec<Option<usize>>,
    listing_enabled: bool,
    listing: Vec<ListingLine>,
    error: Option<AsmError>,
}

impl CodeBuffer {
    /// `mp_asm_base_init`: a buffer with room for `max_num_labels` labels, before any pass.
    pub fn new(max_num_labels: usize) -> CodeBuffer {
        CodeBuffer {
            pass: Pass::Compute,
            suppress: false,
            code_offset: 0,
            code: Vec::new(),
            label_offsets: vec![None; max_num_labels],
            listing_enabled: false,
            listing: Vec::new(),
            error: None,
        }
    }

    /// Asks the emit pass to record a listing (kept until the next emit pass starts).
    pub fn set_listing(&mut self, enabled: bool) {
        self.listing_enabled = enabled;
    }

    /// `mp_asm_base_start_pass`. A compute pass forgets all labels; the emit pass allocates exactly as
    /// many bytes as the previous pass counted. Both clear dead-code suppression and restart at offset 0.
    pub fn start_pass(&mut self, pass: Pass) {
        match pass {
            Pass::Compute => self.label_offsets.iter_mut().for_each(|l| *l = None),
            Pass::Emit => {
                self.code = vec![0; self.code_offset];
                self.listing.clear();
            }
        }
        self.pass = pass;
        self.suppress = false;
        self.code_offset = 0;
    }

    /// The current pass.
    pub fn pass(&self) -> Pass {
        self.pass
    }

    /// Whether code is being dropped as dead (`as->suppress`).
    pub fn is_suppressed(&self) -> bool {
        self.suppress
    }

    /// `mp_asm_base_suppress_code`: drop everything until the next label.
    pub fn suppress_code(&mut self) {
        self.suppress = true;
    }

    /// `mp_asm_base_get_code_pos`: the offset the next byte would go to.
    pub fn code_pos(&self) -> usize {
        self.code_offset
    }

    /// `mp_asm_base_get_code_size`: the size fixed at the start of the emit pass.
    pub fn code_size(&self) -> usize {
        self.code.len()
    }

    /// The code written by the emit pass (`mp_asm_base_get_code`).
    pub fn code(&self) -> &[u8] {
        &self.code
    }

    /// The listing recorded by the last emit pass.
    pub fn listing(&self) -> &[ListingLine] {
        &self.listing
    }

    /// The listing as text, one line per item: offset, bytes, text (labels flush left, like `objdump`).
    pub fn render_listing(&self) -> String {
        let mut out = String::new();
        for l in &self.listing {
            if l.bytes.is_empty() {
                out.push_str(&format!("{:04x}  {}\n", l.offset, l.text));
            } else {
                let bytes: Vec<String> = l.bytes.iter().map(|b| format!("{b:02x}")).collect();
                out.push_str(&format!(
                    "{:04x}  {:<30}  {}\n",
                    l.offset,
                    bytes.join(" "),
                    l.text
                ));
            }
        }
        out
    }

    /// The first error recorded, if any.
    pub fn error(&self) -> Option<&AsmError> {
        self.error.as_ref()
    }

    /// Records an error; only the first one is kept.
    pub fn fail(&mut self, error: AsmError) {
        if self.error.is_none() {
            self.error = Some(error);
        }
    }

    /// The finished code, or the first error recorded.
    pub fn finish(self) -> Result<Vec<u8>, AsmError> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.code),
        }
    }

    /// Writes one instruction (or any run of bytes that belongs together): the single path every byte
    /// takes, like `mp_asm_base_get_cur_to_write_bytes`. Dead code is dropped without advancing; a compute
    /// pass only advances; the emit pass stores the bytes and, if asked, a listing line whose text is
    /// built only then.
    pub fn emit(&mut self, bytes: &[u8], text: impl FnOnce() -> String) {
        if self.suppress {
            return;
        }
        let start = self.code_offset;
        if self.pass == Pass::Emit {
            match self.code.get_mut(start..start + bytes.len()) {
                Some(dest) => dest.copy_from_slice(bytes),
                None => {
                    let size = self.code.len();
                    self.fail(AsmError::CodeOverflow { size });
                    return;
                }
            }
            if self.listing_enabled {
                self.listing.push(ListingLine {
                    offset: start,
                    bytes: bytes.to_vec(),
                    text: text(),
                });
            }
        }
        self.code_offset += bytes.len();
    }

    /// Writes raw bytes with no text of their own (e.g. the vuints of a native prelude).
    pub fn write_bytes(&mut self, bytes: &[u8]) {
        self.emit(bytes, || data_text(bytes));
    }

    /// `mp_asm_base_data`: `bytesize` bytes of `val`, little endian.
    pub fn data(&mut self, bytesize: usize, val: u64) {
        let bytes: Vec<u8> = (0..bytesize)
            .map(|i| if i < 8 { (val >> (8 * i)) as u8 } else { 0 })
            .collect();
        let text = || match bytesize {
            1 => format!(".byte {val:#x}"),
            2 => format!(".short {val:#x}"),
            4 => format!(".long {val:#x}"),
            8 => format!(".quad {val:#x}"),
            _ => data_text(&bytes),
        };
        self.emit(&bytes, text);
    }

    /// `mp_asm_base_align`: rounds the offset up to a multiple of `align` (a power of two). The skipped
    /// bytes are left as they are (zero here); no code for x86/x64 uses this.
    pub fn align(&mut self, align: usize) {
        if align.is_power_of_two() {
            self.code_offset = (self.code_offset + align - 1) & !(align - 1);
        } else {
            self.fail(AsmError::ValueOutOfRange {
                op: "mp_asm_base_align",
                value: align as i64,
            });
        }
    }

    /// `mp_asm_base_label_assign`: places `label` at the current offset and ends dead-code suppression.
    /// A compute pass records the offset; the emit pass checks it has not moved.
    pub fn label_assign(&mut self, label: Label) {
        let Some(slot) = self.label_offsets.get(label.0).copied() else {
            let max = self.label_offsets.len();
            self.fail(AsmError::LabelOutOfRange {
                label: label.0,
                max,
            });
            return;
        };
        self.suppress = false;
        let here = self.code_offset;
        match self.pass {
            Pass::Compute => match slot {
                None => self.label_offsets[label.0] = Some(here),
                Some(_) => self.fail(AsmError::LabelReassigned { label: label.0 }),
            },
            Pass::Emit => {
                if slot != Some(here) {
                    self.fail(AsmError::LabelMoved {
                        label: label.0,
                        compute: slot,
                        emit: here,
                    });
                }
                if self.listing_enabled {
                    self.listing.push(ListingLine {
                        offset: here,
                        bytes: Vec::new(),
                        text: format!("{label}:"),
                    });
                }
            }
        }
    }

    /// `get_label_dest`: the offset of `label` if known in this pass (`(size_t)-1` in C when not).
    /// An out-of-range label is recorded as an error and reads as unknown; so does a label still unknown
    /// in the emit pass, where every label must be known.
    pub fn label_offset(&mut self, label: Label) -> Option<usize> {
        match self.label_offsets.get(label.0).copied() {
            None => {
                let max = self.label_offsets.len();
                self.fail(AsmError::LabelOutOfRange {
                    label: label.0,
                    max,
                });
                None
            }
            Some(None) => {
                if self.pass == Pass::Emit && !self.suppress {
                    self.fail(AsmError::LabelUnassigned { label: label.0 });
                }
                None
            }
            Some(known) => known,
        }
    }
}

impl CodeBuffer {
    /// Moves the write position as `mp_asm_base_align` does (`as->code_offset = ...`): forward
    /// leaves the skipped bytes as they are (zero in the emit pass), backward makes later code
    /// overwrite earlier code. Used by the inline assemblers' `align()`.
    pub fn set_code_pos(&mut self, pos: usize) {
        self.code_offset = pos;
    }
}

/// `.byte 0x1, 0x2` text for bytes that have no better description.
fn data_text(bytes: &[u8]) -> String {
    let items: Vec<String> = bytes.iter().map(|b| format!("{b:#x}")).collect();
    format!(".byte {}", items.join(", "))
}

#[cfg(test)]
mod tests {
    use super::{CodeBuffer, Label, Pass};
    use crate::asm::AsmError;

    /// Runs the same little program through a compute pass then an emit pass.
    fn two_passes(program: impl Fn(&mut CodeBuffer)) -> CodeBuffer {
        let mut b = CodeBuffer::new(4);
        b.set_listing(true);
        b.start_pass(Pass::Compute);
        program(&mut b);
        b.start_pass(Pass::Emit);
        program(&mut b);
        b
    }

    #[test]
    fn compute_pass_sizes_emit_pass_writes() {
        let b = two_passes(|b| {
            b.emit(&[0x90], || "nop".into());
            b.label_assign(Label(1));
            b.data(4, 0x1234_5678);
            b.data(1, 0xff);
        });
        assert_eq!(b.code(), &[0x90, 0x78, 0x56, 0x34, 0x12, 0xff]);
        assert_eq!(b.error(), None);
        let texts: Vec<&str> = b.listing().iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["nop", "label_1:", ".long 0x12345678", ".byte 0xff"]);
    }

    #[test]
    fn suppressed_code_takes_no_space_until_a_label() {
        let b = two_passes(|b| {
            b.emit(&[1], String::new);
            b.suppress_code();
            b.emit(&[2, 2], String::new);
            b.data(8, 0);
            b.label_assign(Label(0));
            b.emit(&[3], String::new);
        });
        assert_eq!(b.code(), &[1, 3]);
        assert_eq!(b.error(), None);
    }

    #[test]
    fn labels_are_forgotten_by_compute_passes_only() {
        let mut b = CodeBuffer::new(2);
        b.start_pass(Pass::Compute);
        assert_eq!(b.label_offset(Label(1)), None);
        b.emit(&[0; 3], String::new);
        b.label_assign(Label(1));
        assert_eq!(b.label_offset(Label(1)), Some(3));
        b.start_pass(Pass::Compute);
        assert_eq!(b.label_offset(Label(1)), None);
        b.emit(&[0; 3], String::new);
        b.label_assign(Label(1));
        b.start_pass(Pass::Emit);
        // The emit pass knows forward labels from the previous pass.
        assert_eq!(b.label_offset(Label(1)), Some(3));
        assert_eq!(b.error(), None);
    }

    #[test]
    fn contract_breaches_are_recorded_not_panics() {
        let mut b = CodeBuffer::new(1);
        b.start_pass(Pass::Compute);
        b.label_assign(Label(0));
        b.label_assign(Label(0));
        assert_eq!(b.error(), Some(&AsmError::LabelReassigned { label: 0 }));

        let mut b = CodeBuffer::new(1);
        b.label_assign(Label(3));
        assert_eq!(
            b.error(),
            Some(&AsmError::LabelOutOfRange { label: 3, max: 1 })
        );

        let mut b = CodeBuffer::new(1);
        b.start_pass(Pass::Compute);
        b.label_assign(Label(0));
        b.start_pass(Pass::Emit);
        b.emit(&[], String::new);
        assert_eq!(b.error(), None);
        let mut b2 = CodeBuffer::new(1);
        b2.start_pass(Pass::Compute);
        b2.label_assign(Label(0));
        b2.start_pass(Pass::Emit);
        b2.emit(&[0x90], String::new);
        // Wrote past the zero bytes the compute pass counted.
        assert_eq!(b2.error(), Some(&AsmError::CodeOverflow { size: 0 }));
        assert!(b2.finish().is_err());
    }

    #[test]
    fn moved_label_is_detected() {
        let mut b = CodeBuffer::new(1);
        b.start_pass(Pass::Compute);
        b.emit(&[0; 2], String::new);
        b.label_assign(Label(0));
        b.start_pass(Pass::Emit);
        b.emit(&[0; 1], String::new);
        b.label_assign(Label(0));
        assert_eq!(
            b.error(),
            Some(&AsmError::LabelMoved {
                label: 0,
                compute: Some(2),
                emit: 1
            })
        );
    }
}
