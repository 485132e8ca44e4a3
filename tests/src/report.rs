//! Summary lines that show even when libtest captures a passing test's output.
//!
//! libtest captures `print!`/`eprint!` only; writing to the stderr handle directly goes to the terminal, so
//! `cargo test` shows the per-category summaries of the corpus, refusal and PyPI tests on every run.

use std::io::Write;

/// Writes one line to the real stderr.
pub fn line(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{text}");
}

/// Caps a long text at `max_lines` lines, saying how many were left out.
pub fn truncate_lines(text: &str, max_lines: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= max_lines {
        return text.to_string();
    }
    let mut s = lines[..max_lines].join("\n");
    s.push_str(&format!("\n... ({} more lines)", lines.len() - max_lines));
    s
}
