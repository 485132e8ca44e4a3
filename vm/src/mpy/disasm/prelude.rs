//! Decoding of a function prelude (`py/bc.h`): the bit-interleaved signature, the size header, the source
//! info (simple name, argument names, line table) and the cell list.

use super::opcode::BadByte;

/// A decoded prelude.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Prelude {
    pub n_state: u64,
    pub n_exc_stack: u64,
    pub scope_flags: u64,
    pub n_pos_args: u64,
    pub n_kwonly_args: u64,
    pub n_def_pos_args: u64,
    pub n_info: u64,
    pub n_cell: u64,
    /// qstr-table index of the function's simple name.
    pub simple_name: u64,
    /// qstr-table indices of the positional then keyword-only argument names.
    pub arg_names: Vec<u64>,
    /// The line table as cumulative `(bytecode offset, line)` pairs, one per entry, starting from (0, 1).
    pub lines: Vec<(u64, u64)>,
    /// The raw line-table bytes.
    pub line_table: Vec<u8>,
    /// Local numbers that become cells.
    pub cells: Vec<u8>,
    /// Offset of the prelude's first byte within `fun_data`.
    pub start: usize,
    /// Offset just past the prelude (the first opcode, for bytecode) within `fun_data`.
    pub end: usize,
}

/// Scope flag names (`MP_SCOPE_FLAG_*` as stored in the signature).
pub fn scope_flag_names(flags: u64) -> String {
    let names = [(1, "GENERATOR"), (2, "VARKEYWORDS"), (4, "VARARGS"), (8, "DEFKWARGS")];
    let mut v: Vec<&str> = names.iter().filter(|(b, _)| flags & b != 0).map(|(_, n)| *n).collect();
    if flags & !0xf != 0 {
        v.push("?");
    }
    v.join("|")
}

struct Cursor<'a> {
    b: &'a [u8],
    pos: usize,
    limit: usize,
}

impl Cursor<'_> {
    fn byte(&mut self, what: &str) -> Result<u8, BadByte> {
        if self.pos >= self.limit {
            return Err(BadByte { offset: self.pos, message: format!("prelude ends inside the {what}") });
        }
        let v = self.b[self.pos];
        self.pos += 1;
        Ok(v)
    }

    fn uint(&mut self, what: &str) -> Result<u64, BadByte> {
        let start = self.pos;
        let mut v: u64 = 0;
        loop {
            let b = self.byte(what)?;
            if v >> 57 != 0 {
                return Err(BadByte { offset: start, message: format!("{what} too large") });
            }
            v = (v << 7) | u64::from(b & 0x7f);
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
    }
}

/// Decodes the prelude at `fun_data[start..]`. `with_line_table` is false for native code, whose prelude has no
/// line table (the source info then holds only the names).
pub fn decode(fun_data: &[u8], start: usize, with_line_table: bool) -> Result<Prelude, BadByte> {
    let mut c = Cursor { b: fun_data, pos: start, limit: fun_data.len() };
    let mut p = Prelude { start, ..Prelude::default() };

    // Signature: xSSSSEAA then xFSSKAED bytes.
    let mut z = c.byte("signature")?;
    let mut s = u64::from((z >> 3) & 0xf);
    let mut e = u64::from((z >> 2) & 1);
    let mut f = 0u64;
    let mut a = u64::from(z & 3);
    let mut k = 0u64;
    let mut d = 0u64;
    let mut n = 0u32;
    while z & 0x80 != 0 {
        if n >= 16 {
            return Err(BadByte { offset: c.pos, message: "signature too long".into() });
        }
        z = c.byte("signature")?;
        let z = u64::from(z);
        s |= (z & 0x30) << (2 * n);
        e |= (z & 0x02) << n;
        f |= ((z & 0x40) >> 6) << n;
        a |= (z & 0x04) << n;
        k |= ((z & 0x08) >> 3) << n;
        d |= (z & 0x01) << n;
        n += 1;
    }
    p.n_state = s + 1;
    p.n_exc_stack = e;
    p.scope_flags = f;
    p.n_pos_args = a;
    p.n_kwonly_args = k;
    p.n_def_pos_args = d;

    // Size: xIIIIIIC bytes.
    let mut n = 0u32;
    loop {
        if n >= 10 {
            return Err(BadByte { offset: c.pos, message: "size header too long".into() });
        }
        let z = c.byte("size header")?;
        p.n_cell |= u64::from(z & 1) << n;
        p.n_info |= u64::from((z & 0x7e) >> 1) << (6 * n);
        n += 1;
        if z & 0x80 == 0 {
            break;
        }
    }

    let info_start = c.pos;
    let info_end = usize::try_from(p.n_info)
        .ok()
        .and_then(|n| info_start.checked_add(n))
        .filter(|end| *end <= fun_data.len())
        .ok_or(BadByte { offset: info_start, message: format!("source info of {} bytes runs past the end", p.n_info) })?;
    c.limit = info_end;
    p.simple_name = c.uint("simple name")?;
    let n_args = p.n_pos_args + p.n_kwonly_args;
    for _ in 0..n_args {
        let q = c.uint("argument names")?;
        p.arg_names.push(q);
    }
    if with_line_table {
        p.line_table = fun_data[c.pos..info_end].to_vec();
        let (mut off, mut line) = (0u64, 1u64);
        while c.pos < info_end {
            let b = c.byte("line table")?;
            let (db, dl) = if b & 0x80 == 0 {
                (u64::from(b & 0x1f), u64::from(b >> 5))
            } else {
                let b2 = c.byte("line table")?;
                (u64::from(b & 0xf), (u64::from(b) << 4 & 0x700) | u64::from(b2))
            };
            off += db;
            line += dl;
            p.lines.push((off, line));
        }
    }

    let cells_end = usize::try_from(p.n_cell)
        .ok()
        .and_then(|n| info_end.checked_add(n))
        .filter(|end| *end <= fun_data.len())
        .ok_or(BadByte { offset: info_end, message: format!("{} cells run past the end", p.n_cell) })?;
    p.cells = fun_data[info_end..cells_end].to_vec();
    p.end = cells_end;
    Ok(p)
}

/// The source line of the instruction at bytecode offset `offset` (`mp_bytecode_get_source_line`).
pub fn line_of(lines: &[(u64, u64)], offset: u64) -> u64 {
    lines.iter().take_while(|(o, _)| *o <= offset).last().map_or(1, |(_, l)| *l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fact_sheet_signature() {
        // def f(a, b=2, *c, d, **e): n_state 15, flags 6 -> f2 89 c0 40 (then a size byte and names).
        let mut data = vec![0xf2, 0x89, 0xc0, 0x40, 0x0c, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06];
        data.push(0x63);
        let p = decode(&data, 0, true).unwrap();
        assert_eq!((p.n_state, p.scope_flags, p.n_pos_args, p.n_kwonly_args, p.n_def_pos_args), (15, 6, 2, 1, 1));
        assert_eq!(p.arg_names, [2, 3, 4]);
        assert_eq!(p.lines, [(5, 1), (11, 1)]);
    }

    #[test]
    fn t1_module_prelude() {
        let data = [0x10, 0x04, 0x01, 0x23, 0x83];
        let p = decode(&data, 0, true).unwrap();
        assert_eq!((p.n_state, p.n_info, p.n_cell, p.simple_name), (3, 2, 0, 1));
        assert_eq!(p.lines, [(3, 2)]);
        assert_eq!(p.end, 4);
        assert_eq!(line_of(&p.lines, 0), 1);
        assert_eq!(line_of(&p.lines, 3), 2);
    }

    #[test]
    fn two_byte_line_entries() {
        // A 10-line gap after 2 bytes -> 82 0a.
        let data = [0x00, 0x06, 0x01, 0x82, 0x0a];
        let p = decode(&data, 0, true).unwrap();
        assert_eq!(p.lines, [(2, 11)]);
    }

    #[test]
    fn malformed() {
        assert!(decode(&[], 0, true).is_err());
        assert!(decode(&[0x80], 0, true).is_err());
        assert!(decode(&[0x00, 0x7e], 0, true).is_err()); // n_info 63 past the end
        assert!(decode(&[0x00, 0x03, 0x01], 0, true).is_err()); // a cell past the end
        assert!(decode(&[0x00, 0x02, 0x81], 0, true).is_err()); // name vuint cut by n_info
        assert!(decode(&[0xff; 40], 0, true).is_err());
    }
}
