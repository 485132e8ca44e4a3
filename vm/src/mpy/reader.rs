//! Parses `.mpy` bytes back into an [`MpyModule`](super::MpyModule), with errors that name the byte offset.

use super::MpyModule;

/// A malformed or unsupported `.mpy` file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message} at byte {offset:#x}")]
pub struct ReadError {
    pub offset: usize,
    pub message: String,
}

/// Not written yet: always fails.
pub fn read(_bytes: &[u8]) -> Result<MpyModule, ReadError> {
    Err(ReadError { offset: 0, message: "mpy reader not implemented".into() })
}
