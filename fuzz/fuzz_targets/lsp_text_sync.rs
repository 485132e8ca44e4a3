//! Fuzz target: the language server's text sync and position handling. A document gets a sequence of
//! incremental changes with arbitrary ranges (lines and UTF-16 characters past the end, inside surrogate
//! pairs, reversed) and texts (CRLF, lone CR, astral characters, NUL). After each change:
//! - the text equals what an independent, naive implementation of the LSP rules gives;
//! - every position converts to a character boundary, and back to the same offset;
//! - the incremental analysis (the chunk cache mpls keeps across edits) gives the same diagnostics as a
//!   fresh one, and its diagnostic ranges convert to LSP ranges and back.
#![no_main]

use std::sync::Arc;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use mpls::convert::LineIndex;
use mpls::session::{compute_fast, Document, Snapshot};
use mpy_vm::analysis::chunks::ChunkCache;
use tower_lsp::lsp_types::{Position, Range, TextDocumentContentChangeEvent, Url};

#[derive(Arbitrary, Debug)]
struct Change {
    /// `None`: replace the whole text.
    range: Option<(u16, u16, u16, u16)>,
    /// Pieces of the inserted text.
    text: Vec<Piece>,
}

#[derive(Arbitrary, Debug)]
enum Piece {
    Raw(String),
    Known(u8),
}

const KNOWN: &[&str] = &[
    "\n", "\r\n", "\r", "    ", "def f(x):\n", "    return x\n", "for i in range(10):\n", "é", "😀", "\u{0}", "(", ")",
    "'''", "\"", "@micropython.viper\n", "import time\n", "time.sleep(1)\n", "\t", "\u{feff}", "x = const(1)\n",
];

#[derive(Arbitrary, Debug)]
struct Input {
    initial: Vec<Piece>,
    changes: Vec<Change>,
    probes: Vec<(u16, u16)>,
    analyse: bool,
}

fn text_of(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Raw(s) => s.as_str(),
            Piece::Known(i) => KNOWN[usize::from(*i) % KNOWN.len()],
        })
        .collect()
}

/// The byte offset of an LSP position, written independently of `LineIndex`: lines end at `\n`, `\r\n`
/// or a lone `\r`; a line past the end is the end of the text; a character past the end of its line is the
/// line's end; a character inside a surrogate pair is the start of that character.
fn naive_offset(text: &str, line: u32, character: u32) -> usize {
    let mut starts = vec![0usize];
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            starts.push(i + 1);
        }
        i += 1;
    }
    let Some(&start) = starts.get(line as usize) else { return text.len() };
    let rest = &text[start..];
    let end = start + rest.find(['\r', '\n']).unwrap_or(rest.len());
    let mut units = 0u32;
    for (i, c) in text[start..end].char_indices() {
        units += c.len_utf16() as u32;
        if units > character {
            return start + i;
        }
    }
    end
}

fn check_positions(text: &str, index: &LineIndex, probes: &[(u16, u16)]) {
    for &(l, c) in probes {
        let pos = Position { line: u32::from(l % 64), character: u32::from(c % 200) };
        let off = index.offset(text, pos);
        assert!(text.is_char_boundary(off as usize), "offset {off} of {pos:?} is not a character boundary");
        assert_eq!(off as usize, naive_offset(text, pos.line, pos.character), "offset of {pos:?} in {text:?}");
        let back = index.position(text, off);
        assert_eq!(index.offset(text, back), off, "position {back:?} of offset {off} does not convert back");
    }
}

fuzz_target!(|input: Input| {
    let initial = text_of(&input.initial);
    let mut doc = Document::new(initial.clone(), 1);
    let mut model = initial;
    let uri: Url = "file:///fuzz.py".parse().expect("uri");
    let config = Arc::new(mpls::config::Config::default());
    let mut cache = ChunkCache::default();
    for (n, ch) in input.changes.iter().take(24).enumerate() {
        let text = text_of(&ch.text);
        let range = ch.range.map(|(a, b, c, d)| Range {
            start: Position { line: u32::from(a % 64), character: u32::from(b % 200) },
            end: Position { line: if d == u16::MAX { u32::MAX } else { u32::from(c % 64) }, character: u32::from(d % 200) },
        });
        doc.apply(&TextDocumentContentChangeEvent { range, range_length: None, text: text.clone() });
        model = match range {
            None => text,
            Some(r) => {
                let a = naive_offset(&model, r.start.line, r.start.character);
                let b = naive_offset(&model, r.end.line, r.end.character);
                let (a, b) = (a.min(b), a.max(b));
                format!("{}{}{}", &model[..a], text, &model[b..])
            }
        };
        assert_eq!(&*doc.text, model.as_str(), "text after change {n}");
        check_positions(&doc.text, &doc.index, &input.probes);
        if input.analyse && doc.text.len() < 4096 {
            let snap = Snapshot { uri: uri.clone(), text: doc.text.clone(), version: n as i32 + 2, index: doc.index.clone(), config: config.clone(), keep_tree: true };
            let incremental = compute_fast(&snap, &mut cache, None, None);
            let fresh = compute_fast(&snap, &mut ChunkCache::default(), None, None);
            assert_eq!(format!("{:?}", incremental.diagnostics), format!("{:?}", fresh.diagnostics), "the chunk cache changed the diagnostics");
            for d in incremental.lsp_diagnostics() {
                let r = doc.index.text_range(&doc.text, d.range);
                assert!(r.end as usize <= doc.text.len());
            }
        }
    }
});
