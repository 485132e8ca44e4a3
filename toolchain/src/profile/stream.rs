//! Separating the program's output from the profiler's block as bytes arrive: everything before the
//! block's start marker is the program's and passes through unchanged (a tail that could be the start of
//! the marker is held back until the next bytes decide), the block is collected, and whatever follows
//! its end marker is the program's again.

/// The start marker of the profiler's block (followed by the run's nonce and a line end).
pub fn start_marker(nonce: &str) -> Vec<u8> {
    format!("\x02MPPROF:{nonce}").into_bytes()
}

/// The end marker of the block.
pub fn end_marker(nonce: &str) -> Vec<u8> {
    format!("\x03MPPROF:{nonce}").into_bytes()
}

/// The splitter's state.
#[derive(Debug)]
pub struct Splitter {
    start: Vec<u8>,
    end: Vec<u8>,
    /// Bytes not yet decided (a possible marker prefix, or the block so far).
    pending: Vec<u8>,
    in_block: bool,
    block: Vec<u8>,
    /// The block was complete.
    pub done: bool,
    /// What came after the block (the program had ended: only what the driver printed, a traceback).
    pub after: Vec<u8>,
    /// Line-end bytes after the end marker still to drop (they belong to the block).
    eol: u8,
}

/// Length of the longest suffix of `buf` that is a proper prefix of `marker`.
fn partial_suffix(buf: &[u8], marker: &[u8]) -> usize {
    let max = marker.len().saturating_sub(1).min(buf.len());
    (1..=max).rev().find(|&n| buf[buf.len() - n..] == marker[..n]).unwrap_or(0)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

impl Splitter {
    pub fn new(nonce: &str) -> Splitter {
        Splitter { start: start_marker(nonce), end: end_marker(nonce), pending: Vec::new(), in_block: false, block: Vec::new(), done: false, after: Vec::new(), eol: 0 }
    }

    /// Feeds bytes; returns the program output they complete.
    pub fn feed(&mut self, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        self.pending.extend_from_slice(data);
        loop {
            if self.in_block {
                match find(&self.pending, &self.end) {
                    Some(i) => {
                        self.block.extend_from_slice(&self.pending[..i]);
                        let rest = self.pending.split_off(i + self.end.len());
                        self.pending = rest;
                        self.eol = 2;
                        self.in_block = false;
                        self.done = true;
                    }
                    None => {
                        let keep = partial_suffix(&self.pending, &self.end);
                        let take = self.pending.len() - keep;
                        self.block.extend(self.pending.drain(..take));
                        return out;
                    }
                }
            } else if self.done {
                // The line end after the end marker (`\n` or `\r\n`, perhaps split over chunks).
                while self.eol > 0 && !self.pending.is_empty() {
                    match self.pending[0] {
                        b'\r' if self.eol == 2 => {
                            self.pending.remove(0);
                            self.eol = 1;
                        }
                        b'\n' => {
                            self.pending.remove(0);
                            self.eol = 0;
                        }
                        _ => self.eol = 0,
                    }
                }
                self.after.append(&mut self.pending);
                return out;
            } else {
                match find(&self.pending, &self.start) {
                    Some(i) => {
                        out.extend_from_slice(&self.pending[..i]);
                        self.pending.drain(..i + self.start.len());
                        self.in_block = true;
                    }
                    None => {
                        let keep = partial_suffix(&self.pending, &self.start);
                        let take = self.pending.len() - keep;
                        out.extend(self.pending.drain(..take));
                        return out;
                    }
                }
            }
        }
    }

    /// Ends the stream: returns the rest of the program output (a held-back partial marker was output).
    pub fn finish(&mut self) -> Vec<u8> {
        if self.in_block {
            // The block never ended (the link dropped or the board crashed): keep what arrived.
            self.block.append(&mut self.pending);
            return Vec::new();
        }
        if self.done {
            self.after.append(&mut self.pending);
            return Vec::new();
        }
        std::mem::take(&mut self.pending)
    }

    /// The block's text (line ends normalised).
    pub fn block(&self) -> String {
        String::from_utf8_lossy(&self.block).replace("\r\n", "\n")
    }

    /// Whether the start marker was seen.
    pub fn started(&self) -> bool {
        self.in_block || self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(chunks: &[&[u8]]) -> (Vec<u8>, String, bool) {
        let mut s = Splitter::new("n1");
        let mut out = Vec::new();
        for c in chunks {
            out.extend(s.feed(c));
        }
        out.extend(s.finish());
        out.extend_from_slice(&s.after);
        (out, s.block(), s.done)
    }

    #[test]
    fn output_passes_unchanged_around_the_block_at_any_split() {
        let whole = b"hello\x02MPPx\n\x02no\x02MPPROF:n1\nv 1\np 1 0 2 3 4\n\x03MPPROF:n1\ntail";
        for cut in 0..whole.len() {
            for cut2 in cut..whole.len() {
                let (out, block, done) = run(&[&whole[..cut], &whole[cut..cut2], &whole[cut2..]]);
                assert_eq!(out, b"hello\x02MPPx\n\x02notail", "cut at {cut},{cut2}");
                assert_eq!(block, "\nv 1\np 1 0 2 3 4\n");
                assert!(done);
            }
        }
    }

    #[test]
    fn a_marker_with_another_nonce_is_program_output() {
        let (out, _, done) = run(&[b"a\x02MPPROF:zz\nb"]);
        assert_eq!(out, b"a\x02MPPROF:zz\nb");
        assert!(!done);
    }

    #[test]
    fn a_held_back_prefix_is_output_at_the_end() {
        let (out, _, done) = run(&[b"abc\x02MPP"]);
        assert_eq!(out, b"abc\x02MPP");
        assert!(!done);
    }
}
