//! Readable differences: unified diffs of texts, and of two `.mpy` files as disassembly or hex dump.

use similar::TextDiff;

/// A unified diff of two texts (`expected` is `-`, `actual` is `+`), at most `max_lines` lines.
pub fn text_diff(expected: &str, actual: &str, expected_name: &str, actual_name: &str, max_lines: usize) -> String {
    let diff = TextDiff::from_lines(expected, actual);
    let text = diff.unified_diff().context_radius(3).header(expected_name, actual_name).to_string();
    crate::report::truncate_lines(&text, max_lines)
}

/// A hex dump, 16 bytes a line, prefixed by the offset (so that a diff shows where bytes differ).
pub fn hex_dump(bytes: &[u8]) -> String {
    let mut s = String::new();
    for (i, chunk) in bytes.chunks(16).enumerate() {
        s.push_str(&format!("{:06x}:", i * 16));
        for b in chunk {
            s.push_str(&format!(" {b:02x}"));
        }
        s.push('\n');
    }
    s
}

/// The text form of a module read back from `.mpy` bytes.
pub fn disassemble_module(module: &mpy_vm::MpyModule) -> String {
    mpy_vm::mpy::disasm::disassemble(module)
}

/// Our disassembly of a `.mpy` file, or `None` when our reader can't read it.
pub fn disassemble(bytes: &[u8]) -> Option<String> {
    let module = mpy_vm::mpy::read(bytes).ok()?;
    crate::catch_panic(|| disassemble_module(&module)).ok()
}

/// Explains how `actual` differs from `expected` (both `.mpy` bytes): sizes, the first differing byte, and a
/// unified diff of the disassemblies (or of hex dumps when either file can't be disassembled).
pub fn mpy_diff(expected: &[u8], actual: &[u8], max_lines: usize) -> String {
    let first = expected.iter().zip(actual).position(|(a, b)| a != b).unwrap_or(expected.len().min(actual.len()));
    let mut s = format!(
        "mpy-cross wrote {} bytes, mpyc {} bytes; first difference at byte {first:#x}\n",
        expected.len(),
        actual.len()
    );
    let (e, a, what) = match (disassemble(expected), disassemble(actual)) {
        (Some(e), Some(a)) if e != a => (e, a, "disassembly"),
        _ => (hex_dump(expected), hex_dump(actual), "hex dump"),
    };
    s.push_str(&text_diff(&e, &a, &format!("mpy-cross ({what})"), &format!("mpyc ({what})"), max_lines));
    s
}
