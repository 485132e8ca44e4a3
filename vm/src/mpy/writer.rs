//! Serialises an [`MpyModule`](super::MpyModule) to `.mpy` bytes exactly as mpy-cross writes them.

use super::MpyModule;

/// Writes the whole file.
pub fn write(_m: &MpyModule) -> Vec<u8> {
    unimplemented!("mpy writer")
}
