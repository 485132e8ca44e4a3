//! Line lookups in the original source text.
//!
//! MicroPython records, for each parse node, the line of the first token of its rule. Our tree keeps the
//! line of each node's first token, but a few parse nodes have no node of their own in our tree: the
//! trailers of `a.b(c)[d]` (the `.`, `(` and `[` tokens start them). Their lines are found here by looking
//! at the text right after the preceding expression.

/// Byte offsets of line starts, for turning offsets into 1-based line numbers.
#[derive(Clone, Debug)]
pub struct SourceMap<'a> {
    text: &'a [u8],
    line_starts: Vec<u32>,
}

impl<'a> SourceMap<'a> {
    pub fn new(text: &'a [u8]) -> Self {
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < text.len() {
            match text[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' => {
                    // "\r\n" and a lone "\r" both end a line, as in MicroPython's lexer.
                    if text.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        SourceMap { text, line_starts }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line_of(&self, offset: u32) -> u32 {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// The byte range of a 1-based line, without its line ending (empty when out of range).
    pub fn line_range(&self, line: u32) -> (u32, u32) {
        let Some(&start) = line.checked_sub(1).and_then(|i| self.line_starts.get(i as usize)) else {
            return (0, 0);
        };
        let mut end = self.line_starts.get(line as usize).copied().unwrap_or(self.text.len() as u32);
        while end > start && matches!(self.text.get(end as usize - 1), Some(b'\n' | b'\r')) {
            end -= 1;
        }
        (start, end)
    }

    /// The start of the run of opening parentheses (and whitespace) right before `pos`: where a
    /// parenthesised expression starting at `pos` really starts.
    pub fn paren_run_start(&self, pos: u32) -> u32 {
        let mut i = pos as usize;
        let mut first = pos;
        while i > 0 {
            match self.text[i - 1] {
                b'(' => first = (i - 1) as u32,
                b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' => {}
                _ => break,
            }
            i -= 1;
        }
        first
    }

    /// The position of the bracket closing the one at `open`, skipping strings and comments.
    pub fn matching_close(&self, open: u32) -> Option<u32> {
        let t = self.text;
        let mut depth = 0u32;
        let mut i = open as usize;
        while i < t.len() {
            match t[i] {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(i as u32);
                    }
                }
                b'#' => {
                    while i < t.len() && t[i] != b'\n' {
                        i += 1;
                    }
                }
                q @ (b'\'' | b'"') => {
                    let triple = t.get(i + 1) == Some(&q) && t.get(i + 2) == Some(&q);
                    i += if triple { 3 } else { 1 };
                    while i < t.len() {
                        if t[i] == b'\\' {
                            i += 2;
                            continue;
                        }
                        if t[i] == q && (!triple || (t.get(i + 1) == Some(&q) && t.get(i + 2) == Some(&q))) {
                            i += if triple { 2 } else { 0 };
                            break;
                        }
                        i += 1;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        None
    }

    /// The whole source text.
    pub fn text(&self) -> &'a [u8] {
        self.text
    }

    /// The byte at `offset`, if inside the text.
    pub fn byte(&self, offset: usize) -> Option<u8> {
        self.text.get(offset).copied()
    }

    /// The first significant byte at or after `offset` and before `limit`, skipping whitespace, line
    /// continuations and comments: `(position, byte)`.
    pub fn next_significant(&self, offset: u32, limit: u32) -> Option<(u32, u8)> {
        let limit = (limit as usize).min(self.text.len());
        let mut i = offset as usize;
        while i < limit {
            match self.text[i] {
                b' ' | b'\t' | b'\x0c' | b'\r' | b'\n' | b'\\' => i += 1,
                b'#' => {
                    while i < limit && self.text[i] != b'\n' && self.text[i] != b'\r' {
                        i += 1;
                    }
                }
                c => return Some((i as u32, c)),
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_trivia() {
        let src = b"a = (b  # c\n  .d)\r\ne\n";
        let m = SourceMap::new(src);
        assert_eq!(m.line_of(0), 1);
        assert_eq!(m.line_of(12), 2);
        assert_eq!(m.line_of(19), 3);
        let (pos, c) = m.next_significant(6, src.len() as u32).unwrap();
        assert_eq!((c, m.line_of(pos)), (b'.', 2));
        let m = SourceMap::new(b"f((a, ')') for x in y)");
        assert_eq!(m.matching_close(2), Some(9));
        assert_eq!(m.matching_close(1), Some(21));
    }
}
