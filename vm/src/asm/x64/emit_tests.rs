//! x64 encoder table test: every row of `encode_table.rs` (bytes from GNU `as --64`) must encode to the
//! same bytes and print as the same text.

use super::encode_table::ROWS;

#[test]
fn encoder_matches_gnu_as() {
    let mut bad = Vec::new();
    for (inst, text, bytes) in ROWS {
        let got = inst.bytes();
        let got_text = inst.to_string();
        if got.as_slice() != *bytes || got_text != *text {
            bad.push(format!(
                "{inst:?}\n  as:  {text:<40} {bytes:02x?}\n  us:  {got_text:<40} {:02x?}",
                got.as_slice()
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} rows differ:\n{}",
        bad.len(),
        ROWS.len(),
        bad.join("\n")
    );
}

#[test]
fn table_is_current() {
    crate::asm::testutil::check_table_current("x64");
}
