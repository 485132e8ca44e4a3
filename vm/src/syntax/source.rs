//! Source positions: byte offsets to 1-based line numbers, counting lines as MicroPython's lexer does.
//!
//! MicroPython's lexer turns `\r\n` and a lone `\r` into one newline each (`next_char` in `py/lexer.c`),
//! so a line starts after every `\n`, after every `\r` not followed by `\n`.

/// Maps byte offsets of one text to line numbers.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset where each line starts; `line_starts[0] == 0`.
    line_starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(text: &[u8]) -> Self {
        let mut line_starts = vec![0u32];
        let mut i = 0;
        while i < text.len() {
            match text[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' => {
                    if text.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { line_starts }
    }

    /// The 1-based line holding byte `offset` (offsets past the end belong to the last line).
    pub fn line_of(&self, offset: u32) -> u32 {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// Byte offset where 1-based `line` starts, if the text has that line.
    pub fn line_start(&self, line: u32) -> Option<u32> {
        self.line_starts.get(line.checked_sub(1)? as usize).copied()
    }

    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[test]
    fn counts_lf_crlf_and_cr() {
        let idx = LineIndex::new(b"a\nb\r\nc\rd");
        let lines: Vec<u32> = (0..8).map(|o| idx.line_of(o)).collect();
        assert_eq!(lines, [1, 1, 2, 2, 2, 3, 3, 4]);
        assert_eq!(idx.line_start(4), Some(7));
        assert_eq!(idx.line_count(), 4);
    }
}

/// Maps offsets in a rewritten text (f-strings turned into `str.format` calls) back to the original text.
///
/// The rewritten text is a sequence of pieces, each either copied from the original or inserted. An offset
/// inside a copied piece maps to the same byte of the original; an offset inside an inserted piece maps to
/// the original offset where the insertion happened.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    /// `(rewritten_start, original_start, copied_len)` per piece, sorted by `rewritten_start`.
    pieces: Vec<(u32, u32, u32)>,
    identity: bool,
    /// The piece of the last lookup: lookups mostly move forward a little (lowering walks the tree in
    /// source order), so the next one usually hits it or its neighbour.
    hint: std::cell::Cell<usize>,
}

impl OffsetMap {
    pub fn identity() -> Self {
        OffsetMap { pieces: Vec::new(), identity: true, hint: Default::default() }
    }

    pub fn new() -> Self {
        OffsetMap { pieces: Vec::new(), identity: false, hint: Default::default() }
    }

    /// The last piece starting at or before `offset` (`None` before the first piece).
    fn piece_at(&self, offset: u32) -> Option<usize> {
        let p = &self.pieces;
        let holds = |i: usize| p[i].0 <= offset && p.get(i + 1).is_none_or(|n| n.0 > offset);
        let h = self.hint.get();
        let i = if h < p.len() && holds(h) {
            h
        } else if h + 1 < p.len() && holds(h + 1) {
            h + 1
        } else {
            p.partition_point(|x| x.0 <= offset).checked_sub(1)?
        };
        self.hint.set(i);
        Some(i)
    }

    /// Records that rewritten bytes `[new_start, new_start+len)` are a copy of original bytes from `orig_start`.
    pub fn copied(&mut self, new_start: u32, orig_start: u32, len: u32) {
        self.pieces.push((new_start, orig_start, len));
    }

    /// Records that rewritten bytes from `new_start` were inserted at original offset `orig_at`.
    pub fn inserted(&mut self, new_start: u32, orig_at: u32) {
        self.pieces.push((new_start, orig_at, 0));
    }

    pub fn to_original(&self, offset: u32) -> u32 {
        if self.identity || self.pieces.is_empty() {
            return offset;
        }
        let Some(i) = self.piece_at(offset) else { return offset };
        let (new_start, orig_start, len) = self.pieces[i];
        let delta = offset - new_start;
        if delta < len || len == 0 && delta == 0 {
            orig_start + delta
        } else if len == 0 {
            orig_start
        } else {
            orig_start + len
        }
    }
}

#[cfg(test)]
mod offset_map_tests {
    use super::OffsetMap;

    /// The lookup with its hint gives what a plain search gives, in any order of queries.
    #[test]
    fn hinted_lookup_matches_a_plain_search() {
        let mut m = OffsetMap::new();
        // Copied pieces, an insertion, two pieces sharing a start, a gap.
        m.copied(0, 0, 5);
        m.inserted(5, 9);
        m.inserted(5, 11);
        m.copied(7, 12, 3);
        m.inserted(10, 20);
        m.copied(12, 30, 4);
        let plain = |o: u32| -> u32 {
            let i = match m.pieces.iter().rposition(|p| p.0 <= o) {
                Some(i) => i,
                None => return o,
            };
            let (n, s, l) = m.pieces[i];
            let d = o - n;
            if d < l || (l == 0 && d == 0) {
                s + d
            } else if l == 0 {
                s
            } else {
                s + l
            }
        };
        let order: Vec<u32> = (0..20).chain((0..20).rev()).chain([3, 15, 5, 0, 11, 7, 19]).collect();
        for o in order {
            assert_eq!(m.to_original(o), plain(o), "offset {o}");
        }
        assert_eq!(m.to_original(5), 11);
    }
}
