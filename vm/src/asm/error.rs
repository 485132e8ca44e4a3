//! Errors an assembler records instead of asserting, as `py/asmbase.c` and `py/asmx64.c` would.
//!
//! MicroPython's assemblers `assert` on impossible requests (a label assigned twice, a byte register that
//! needs a REX prefix, ...). The native emitter never makes such requests, so these errors mean a bug in
//! our emitter. They are recorded in the code buffer (the first one wins, like `compile_syntax_error`),
//! the offending instruction is dropped, and the caller reads the error when the pass ends.

/// Something the assembler was asked to do that has no encoding, or that breaks the two-pass contract.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AsmError {
    /// A label number at or past `max_num_labels`.
    #[error("label {label} is out of range (the emitter reserved {max} labels)")]
    LabelOutOfRange {
        /// The label used.
        label: usize,
        /// `max_num_labels` given when the assembler was made.
        max: usize,
    },
    /// `mp_asm_base_label_assign` twice for one label in a compute pass.
    #[error("label {label} assigned twice in one pass")]
    LabelReassigned {
        /// The label assigned twice.
        label: usize,
    },
    /// A label sits at a different offset in the emit pass than in the compute pass.
    #[error(
        "label {label} moved from {compute:?} to {emit:#x} between the compute and emit passes"
    )]
    LabelMoved {
        /// The label.
        label: usize,
        /// Its offset in the compute pass (`None` if it was never assigned there).
        compute: Option<usize>,
        /// Its offset in the emit pass.
        emit: usize,
    },
    /// A jump in the emit pass to a label that no pass assigned.
    #[error("label {label} is jumped to but never assigned")]
    LabelUnassigned {
        /// The label.
        label: usize,
    },
    /// A register the chosen encoding cannot name (MicroPython asserts `reg < 8` there).
    #[error(
        "{op}: register {reg} cannot be encoded here (only the first 8 registers, without REX)"
    )]
    RegisterNotEncodable {
        /// The MicroPython function that asserts.
        op: &'static str,
        /// The register's name.
        reg: &'static str,
    },
    /// A displacement or immediate that overflows the C `int` MicroPython computes it in.
    #[error("{op}: value {value} does not fit the encoding")]
    ValueOutOfRange {
        /// The operation.
        op: &'static str,
        /// The value that does not fit.
        value: i64,
    },
    /// A generic operation this architecture's `GENERIC_ASM_API` does not define.
    #[error("{op} is not defined for {arch}")]
    Unsupported {
        /// The `ASM_*` macro name.
        op: &'static str,
        /// The architecture.
        arch: &'static str,
    },
    /// The emit pass wrote more bytes than the compute pass sized the code buffer for.
    #[error("the emit pass wrote past the {size} bytes sized by the compute pass")]
    CodeOverflow {
        /// The size fixed by the compute pass.
        size: usize,
    },
    /// `mp_raise_NotImplementedError` inside an assembler (e.g. asmthumb's "too many locals for
    /// native method" in the emit pass): a user-facing `NotImplementedError`, not an internal error.
    #[error("{message}")]
    NotImplemented {
        /// mpy-cross's exact message.
        message: &'static str,
    },
}
