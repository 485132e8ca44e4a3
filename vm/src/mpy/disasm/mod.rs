//! Human-readable dump of an `.mpy` module: header, qstr and object tables, and for each raw code its prelude
//! (signature, names, line table, cells) and one line per opcode. Native, viper and inline-assembler code is
//! shown as a hexdump (plus the prelude of `@native` functions).
//!
//! Also the building blocks other tools use: [`decode_bytecode`] (prelude + instruction list of one function,
//! used by the LSP hover) and [`opcodes_used`] (for the test suite's opcode-coverage report).
//! Nothing here panics on malformed code: a bad byte is reported and ends the listing of that function.

pub mod opcode;
pub mod prelude;
pub mod repr;

use std::collections::BTreeSet;

pub use opcode::{Arg, BadByte, Insn, ALL_OPCODES};
pub use prelude::Prelude;

use super::{MpyModule, RawCode, RawCodeKind};
use crate::qstr;

/// A decoded bytecode function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Function {
    pub prelude: Prelude,
    /// The instructions, offsets counted from the first opcode.
    pub insns: Vec<Insn>,
    /// The first undecodable byte (offset from the first opcode), which ended the listing.
    pub error: Option<BadByte>,
}

/// Decodes a bytecode function's `fun_data`. Fails only when the prelude itself is malformed (the error
/// offset is then within `fun_data`).
pub fn decode_bytecode(fun_data: &[u8]) -> Result<Function, BadByte> {
    let prelude = prelude::decode(fun_data, 0, true)?;
    let code = &fun_data[prelude.end..];
    let mut insns = Vec::new();
    let mut pos = 0;
    let mut error = None;
    while pos < code.len() {
        match opcode::decode(code, pos) {
            Ok(insn) => {
                pos += insn.len;
                insns.push(insn);
            }
            Err(e) => {
                error = Some(e);
                break;
            }
        }
    }
    Ok(Function { prelude, insns, error })
}

/// The distinct opcodes (base opcode, mnemonic) used by the bytecode functions of `m`, in opcode order.
/// Multi-opcode ranges are reported by their base (e.g. `0xd7 BINARY_OP_MULTI`).
pub fn opcodes_used(m: &MpyModule) -> Vec<(u8, &'static str)> {
    fn walk(rc: &RawCode, set: &mut BTreeSet<(u8, &'static str)>) {
        if rc.kind == RawCodeKind::Bytecode {
            if let Ok(f) = decode_bytecode(&rc.fun_data) {
                set.extend(f.insns.iter().map(|i| (i.base, i.mnemonic)));
            }
        }
        for c in &rc.children {
            walk(c, set);
        }
    }
    let mut set = BTreeSet::new();
    walk(&m.root, &mut set);
    set.into_iter().collect()
}

/// The whole dump.
pub fn disassemble(m: &MpyModule) -> String {
    let mut d = Dumper { m, out: String::new() };
    d.header();
    d.tables();
    d.raw_code(&m.root, "0");
    d.out
}

struct Dumper<'a> {
    m: &'a MpyModule,
    out: String,
}

fn kind_name(k: RawCodeKind) -> &'static str {
    match k {
        RawCodeKind::Bytecode => "bytecode",
        RawCodeKind::Native => "native",
        RawCodeKind::Viper => "viper",
        RawCodeKind::Asm => "inline asm",
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(" ")
}

impl Dumper<'_> {
    fn line(&mut self, s: impl AsRef<str>) {
        self.out.push_str(s.as_ref());
        self.out.push('\n');
    }

    fn header(&mut self) {
        let h = &self.m.header;
        let feature = super::writer::feature_byte(h);
        let arch = match h.arch {
            Some(a) => format!("arch {} ({}), sub-version {}", a.name(), a as u8, h.sub_version),
            None => "bytecode only".to_string(),
        };
        self.line(format!(".mpy v{} feature byte {feature:#04x}: {arch}", super::MPY_VERSION));
        if h.arch_flags != 0 {
            self.line(format!("arch flags: {:#x}", h.arch_flags));
        }
        self.line(format!("small int bits: {}", h.small_int_bits));
    }

    fn qstr_text(&self, i: u64) -> Option<&str> {
        usize::try_from(i).ok().and_then(|i| self.m.qstrs.get(i)).map(String::as_str)
    }

    /// A qstr argument: the name, or a marker for an index outside the table.
    fn qstr_arg(&self, i: u64) -> String {
        match self.qstr_text(i) {
            // Names print bare; the empty qstr (relative imports, comprehension arguments) or anything that
            // isn't a plain name prints quoted.
            Some(s) if !s.is_empty() && !s.contains(|c: char| c.is_whitespace() || c == '\'' || c == '"') => {
                s.to_string()
            }
            Some(s) => repr::str_repr(s),
            None => format!("<bad qstr index {i}>"),
        }
    }

    fn tables(&mut self) {
        self.line(format!("qstrs ({}):", self.m.qstrs.len()));
        for (i, q) in self.m.qstrs.iter().enumerate() {
            let stat = match qstr::static_index(q) {
                Some(n) => format!("  [static {n}]"),
                None => String::new(),
            };
            let s = format!("  {i:4}  {}{stat}", repr::str_repr(q));
            self.line(s);
        }
        self.line(format!("objects ({}):", self.m.objs.len()));
        for (i, o) in self.m.objs.iter().enumerate() {
            let s = format!("  {i:4}  {} {}", repr::obj_kind(o), repr::obj_repr(o));
            self.line(s);
        }
    }

    /// Simple name of a raw code, from its prelude when it has one.
    fn rc_name(&self, rc: &RawCode) -> String {
        let p = match rc.kind {
            RawCodeKind::Bytecode => prelude::decode(&rc.fun_data, 0, true).ok(),
            RawCodeKind::Native => prelude::decode(&rc.fun_data, rc.prelude_offset as usize, false).ok(),
            RawCodeKind::Viper | RawCodeKind::Asm => None,
        };
        match p {
            Some(p) => self.qstr_arg(p.simple_name),
            None => format!("<{}>", kind_name(rc.kind)),
        }
    }

    fn raw_code(&mut self, rc: &RawCode, path: &str) {
        let name = self.rc_name(rc);
        self.line(format!(
            "raw code {path} {name}: {}, {} bytes, {} children",
            kind_name(rc.kind),
            rc.fun_data.len(),
            rc.children.len()
        ));
        match rc.kind {
            RawCodeKind::Bytecode => self.bytecode(rc),
            RawCodeKind::Native => self.native(rc),
            RawCodeKind::Viper => {
                self.line(format!("  scope flags: {:#x}", rc.scope_flags));
                self.hexdump(&rc.fun_data, 0);
            }
            RawCodeKind::Asm => {
                self.line(format!(
                    "  scope flags: {:#x}, n_pos_args: {}, type sig: {:#x}",
                    rc.scope_flags, rc.n_pos_args, rc.type_sig
                ));
                self.hexdump(&rc.fun_data, 0);
            }
        }
        for (i, c) in rc.children.iter().enumerate() {
            self.raw_code(c, &format!("{path}.{i}"));
        }
    }

    fn prelude_lines(&mut self, p: &Prelude) {
        self.line(format!(
            "  signature: n_state={} n_exc_stack={} scope_flags={:#04x}{} n_pos_args={} n_kwonly_args={} n_def_pos_args={}",
            p.n_state,
            p.n_exc_stack,
            p.scope_flags,
            if p.scope_flags != 0 { format!(" ({})", prelude::scope_flag_names(p.scope_flags)) } else { String::new() },
            p.n_pos_args,
            p.n_kwonly_args,
            p.n_def_pos_args
        ));
        self.line(format!("  n_info={} n_cell={} simple name: {}", p.n_info, p.n_cell, self.qstr_arg(p.simple_name)));
        let args: Vec<String> = p.arg_names.iter().map(|&q| self.qstr_arg(q)).collect();
        self.line(format!("  args: [{}]", args.join(", ")));
        if !p.line_table.is_empty() {
            let pairs: Vec<String> = p.lines.iter().map(|(o, l)| format!("({o}, {l})")).collect();
            self.line(format!("  line table: {} -> {}", hex(&p.line_table), pairs.join(" ")));
        }
        if !p.cells.is_empty() {
            let cells: Vec<String> = p.cells.iter().map(u8::to_string).collect();
            self.line(format!("  cells: {}", cells.join(" ")));
        }
    }

    fn bytecode(&mut self, rc: &RawCode) {
        let f = match decode_bytecode(&rc.fun_data) {
            Ok(f) => f,
            Err(e) => {
                self.line(format!("  <bad prelude byte at +{:#x}: {}>", e.offset, e.message));
                self.hexdump(&rc.fun_data, 0);
                return;
            }
        };
        self.prelude_lines(&f.prelude);
        let code = &rc.fun_data[f.prelude.end..];
        self.line(format!("  code (offsets from the first opcode, at +{:#x}):", f.prelude.end));
        let mut last_line = 0;
        for insn in &f.insns {
            let line = prelude::line_of(&f.prelude.lines, insn.offset as u64);
            let line_col = if line != last_line { format!("{line:5}") } else { " ".repeat(5) };
            last_line = line;
            let bytes = hex(&code[insn.offset..insn.offset + insn.len]);
            let text = self.insn_text(insn, rc, &f.prelude);
            self.line(format!("  {line_col}  {:04x}  {bytes:<15} {text}", insn.offset));
        }
        if let Some(e) = &f.error {
            let b = code.get(e.offset).map_or(String::from("--"), |b| format!("{b:02x}"));
            self.line(format!("         {:04x}  {b:<15} <bad byte: {}>", e.offset, e.message));
        }
    }

    fn insn_text(&self, insn: &Insn, rc: &RawCode, p: &Prelude) -> String {
        use opcode::{BINARY_OP_MULTI, LOAD_CONST_SMALL_INT_MULTI, LOAD_FAST_MULTI, STORE_FAST_MULTI, UNARY_OP_MULTI};
        let name = match insn.base {
            LOAD_CONST_SMALL_INT_MULTI => "LOAD_CONST_SMALL_INT",
            LOAD_FAST_MULTI => "LOAD_FAST",
            STORE_FAST_MULTI => "STORE_FAST",
            UNARY_OP_MULTI => "UNARY_OP",
            BINARY_OP_MULTI => "BINARY_OP",
            _ => insn.mnemonic,
        };
        let child = |i: u64| match usize::try_from(i).ok().and_then(|i| rc.children.get(i)) {
            Some(c) => format!("[{i}] {}", self.rc_name(c)),
            None => format!("<bad child index {i}>"),
        };
        let local = |n: u64| match usize::try_from(n).ok().and_then(|i| p.arg_names.get(i)) {
            Some(&q) => format!("{n} ({})", self.qstr_arg(q)),
            None => n.to_string(),
        };
        let arg = match &insn.arg {
            Arg::None => String::new(),
            Arg::Qstr(q) if insn.opcode == 0x10 => match self.qstr_text(*q) {
                Some(s) => repr::str_repr(s),
                None => format!("<bad qstr index {q}>"),
            },
            Arg::Qstr(q) => self.qstr_arg(*q),
            Arg::Uint(v) if matches!(insn.opcode, 0x24..=0x29) => local(*v),
            Arg::Uint(v) => v.to_string(),
            Arg::SmallInt(v) => v.to_string(),
            Arg::Obj(i) => match usize::try_from(*i).ok().and_then(|j| self.m.objs.get(j)) {
                Some(o) => format!("[{i}] {}", repr::obj_repr(o)),
                None => format!("<bad object index {i}>"),
            },
            Arg::Child(i) => child(*i),
            Arg::Closure { child: i, n_closed } => format!("{} closed={n_closed}", child(*i)),
            Arg::Jump { target } => format!("-> {target:04x}"),
            Arg::UnwindJump { target, depth, from_for } => {
                format!("-> {target:04x} depth={depth}{}", if *from_for { " (from for)" } else { "" })
            }
            Arg::Call { n_pos, n_kw } => format!("n_pos={n_pos} n_kw={n_kw}"),
            Arg::UnpackEx { n_left, n_right } => format!("left={n_left} right={n_right}"),
            Arg::StoreComp { stack_idx, kind } => {
                let k = ["list", "dict", "set"].get(*kind as usize).copied().unwrap_or("?");
                format!("{k} stack={stack_idx}")
            }
            Arg::Local(n) => local(u64::from(*n)),
            Arg::Op(sym) => format!("{} ({sym})", insn.opcode - insn.base),
        };
        if arg.is_empty() {
            name.to_string()
        } else {
            format!("{name} {arg}")
        }
    }

    fn native(&mut self, rc: &RawCode) {
        let off = rc.prelude_offset as usize;
        let code_len = off.min(rc.fun_data.len());
        self.line(format!("  machine code ({code_len} bytes), prelude at +{off:#x}:"));
        self.hexdump(&rc.fun_data[..code_len], 0);
        match prelude::decode(&rc.fun_data, off, false) {
            Ok(p) => {
                self.prelude_lines(&p);
                if p.end < rc.fun_data.len() {
                    self.line(format!("  after the prelude ({} bytes):", rc.fun_data.len() - p.end));
                    self.hexdump(&rc.fun_data[p.end..], p.end);
                }
            }
            Err(e) => {
                self.line(format!("  <bad prelude byte at +{:#x}: {}>", e.offset, e.message));
                self.hexdump(&rc.fun_data[code_len..], code_len);
            }
        }
    }

    fn hexdump(&mut self, bytes: &[u8], base: usize) {
        for (i, chunk) in bytes.chunks(16).enumerate() {
            let s = format!("    {:04x}  {}", base + i * 16, hex(chunk));
            self.line(s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mpy::Header;

    fn module(fun: Vec<u8>) -> MpyModule {
        MpyModule {
            header: Header { arch: None, arch_flags: 0, small_int_bits: 31, sub_version: 0 },
            qstrs: ["t1.py", "<module>", "hi", "x", "print"].iter().map(|s| s.to_string()).collect(),
            objs: vec![],
            root: RawCode::bytecode(fun, vec![]),
        }
    }

    #[test]
    fn t1_listing() {
        let fun = vec![
            0x10, 0x04, 0x01, 0x23, 0x83, 0x16, 0x03, 0x11, 0x04, 0x10, 0x02, 0x11, 0x03, 0x34, 0x02, 0x59, 0x51,
            0x63,
        ];
        let m = module(fun);
        let text = disassemble(&m);
        let want = "\
.mpy v6 feature byte 0x00: bytecode only
small int bits: 31
qstrs (5):
     0  't1.py'
     1  '<module>'  [static 7]
     2  'hi'
     3  'x'
     4  'print'  [static 123]
objects (0):
raw code 0 <module>: bytecode, 18 bytes, 0 children
  signature: n_state=3 n_exc_stack=0 scope_flags=0x00 n_pos_args=0 n_kwonly_args=0 n_def_pos_args=0
  n_info=2 n_cell=0 simple name: <module>
  args: []
  line table: 23 -> (3, 2)
  code (offsets from the first opcode, at +0x4):
      1  0000  83              LOAD_CONST_SMALL_INT 3
         0001  16 03           STORE_NAME x
      2  0003  11 04           LOAD_NAME print
         0005  10 02           LOAD_CONST_STRING 'hi'
         0007  11 03           LOAD_NAME x
         0009  34 02           CALL_FUNCTION n_pos=2 n_kw=0
         000b  59              POP_TOP
         000c  51              LOAD_CONST_NONE
         000d  63              RETURN_VALUE
";
        assert_eq!(text, want);
        assert_eq!(
            opcodes_used(&m),
            [
                (0x10, "LOAD_CONST_STRING"),
                (0x11, "LOAD_NAME"),
                (0x16, "STORE_NAME"),
                (0x34, "CALL_FUNCTION"),
                (0x51, "LOAD_CONST_NONE"),
                (0x59, "POP_TOP"),
                (0x63, "RETURN_VALUE"),
                (0x70, "LOAD_CONST_SMALL_INT_MULTI"),
            ]
        );
    }

    #[test]
    fn bad_bytes_are_marked() {
        let m = module(vec![0x10, 0x04, 0x01, 0x23, 0x83, 0xfe, 0x63]);
        let text = disassemble(&m);
        assert!(text.contains("0001  fe              <bad byte: unknown opcode 0xfe>"), "{text}");
        assert!(!text.contains("RETURN_VALUE"));
        let m = module(vec![0x10, 0x04, 0x01, 0x23, 0x11]);
        assert!(disassemble(&m).contains("<bad byte: instruction runs past the end of the code>"));
        let m = module(vec![0x10, 0x7e]);
        assert!(disassemble(&m).contains("<bad prelude byte at +0x2"));
        let m = module(vec![0x10, 0x04, 0x01, 0x23, 0x11, 0x63, 0x32, 0x05]);
        let text = disassemble(&m);
        assert!(text.contains("<bad qstr index 99>") || text.contains("<bad child index 5>"), "{text}");
    }
}
