//! Frozen-module C source: the file `mpy-tool.py -f` writes for a port build (`frozen_content.c`), from
//! compiled modules. Layout (MicroPython `tools/mpy-tool.py`, `freeze_mpy`):
//!
//! 1. includes and the `#error` guards for the long-int implementation and `MPZ_DIG_SIZE`;
//! 2. the qstr pool `mp_qstr_frozen_const_pool`: every qstr the modules use that is not already a static
//!    qstr, sorted, with an `enum { MP_QSTR_x = MP_QSTRnumber_of, ... }`, hashes and lengths;
//! 3. per module: `fun_data_*` (the `.mpy` code verbatim, since it indexes the module's own qstr table),
//!    `children_*`, `proto_fun_*` records, `const_qstr_table_data_*`, constant objects,
//!    `const_obj_table_data_*` and `frozen_module_*`;
//! 4. `mp_frozen_names` and `mp_frozen_mpy_content`.
//!
//! Scope: the firmware's own qstrs are known only as MicroPython's static qstr list (mpy-tool also reads the
//! port's `qstrdefs.preprocessed.h`), so port-specific qstrs are added to the pool again (harmless: lookups
//! find the first). Integers beyond the small-int range are refused, as are viper/asm functions with
//! relocations (mpy-cross never writes those).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use mpy_vm::mpy::{self, text, MpyModule};
use mpy_vm::{Arch, ConstObj, RawCode, RawCodeKind};
use serde::Serialize;

use crate::build::{compile_units, CompileSettings};
use crate::cache::Cache;
use crate::compiler::Compiler;
use crate::error::{Error, Result};
use crate::fsutil;
use crate::progress::{Operation, Progress, ProgressEvent};
use crate::project::Project;

/// The result of `freeze`.
#[derive(Clone, Debug, Serialize)]
pub struct FreezeReport {
    /// Frozen file names (`pkg/mod.py`), in output order.
    pub modules: Vec<String>,
    /// Qstrs added to the frozen pool.
    pub qstrs: usize,
    /// Bytes of C written.
    pub size: u64,
}

/// `qstr_escape` of `py/makeqstrdata.py`: every character outside `[A-Za-z0-9_]` becomes `_<name>_`.
pub fn qstr_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
            continue;
        }
        let name = match c {
            '-' => "hyphen".to_string(),
            ' ' => "space".to_string(),
            '\'' => "squot".to_string(),
            ',' => "comma".to_string(),
            '.' => "dot".to_string(),
            ':' => "colon".to_string(),
            ';' => "semicolon".to_string(),
            '/' => "slash".to_string(),
            '%' => "percent".to_string(),
            '#' => "hash".to_string(),
            '(' => "paren_open".to_string(),
            ')' => "paren_close".to_string(),
            '[' => "bracket_open".to_string(),
            ']' => "bracket_close".to_string(),
            '{' => "brace_open".to_string(),
            '}' => "brace_close".to_string(),
            '*' => "star".to_string(),
            '!' => "bang".to_string(),
            '\\' => "backslash".to_string(),
            '+' => "plus".to_string(),
            '$' => "dollar".to_string(),
            '=' => "equals".to_string(),
            '?' => "question".to_string(),
            '@' => "at_sign".to_string(),
            '^' => "caret".to_string(),
            '|' => "pipe".to_string(),
            '~' => "tilde".to_string(),
            '<' => "lt".to_string(),
            '>' => "gt".to_string(),
            '&' => "amp".to_string(),
            '"' => "quot".to_string(),
            c => format!("0x{:02x}", c as u32),
        };
        out.push('_');
        out.push_str(&name);
        out.push('_');
    }
    out
}

/// The qstr hash (`compute_hash`): djb2 with xor, masked to `bytes` bytes, never 0.
pub fn qstr_hash(s: &[u8], bytes: u32) -> u32 {
    let mut h: u32 = 5381;
    for &b in s {
        h = h.wrapping_mul(33) ^ u32::from(b);
    }
    let h = h & ((1u32 << (8 * bytes)) - 1);
    if h == 0 {
        1
    } else {
        h
    }
}

fn c_string(bytes: &[u8]) -> String {
    let mut s = String::from("\"");
    for &b in bytes {
        match b {
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            0x20..=0x7e => s.push(b as char),
            _ => {
                let _ = write!(s, "\\{b:03o}");
            }
        }
    }
    s.push('"');
    s
}

fn byte_array(out: &mut String, bytes: &[u8]) {
    for chunk in bytes.chunks(16) {
        out.push_str("   ");
        for b in chunk {
            let _ = write!(out, " 0x{b:02x},");
        }
        out.push('\n');
    }
}

/// Skips a vuint-like run (bytes with the high bit set, then one without).
fn skip_run(b: &[u8], mut i: usize) -> Option<usize> {
    while *b.get(i)? & 0x80 != 0 {
        i += 1;
    }
    Some(i + 1)
}

/// The function's name from its prelude (signature, size, then `simple_name` as a qstr index).
fn simple_name<'a>(m: &'a MpyModule, rc: &RawCode) -> Option<&'a str> {
    let start = match rc.kind {
        RawCodeKind::Bytecode => 0,
        RawCodeKind::Native => rc.prelude_offset as usize,
        _ => return None,
    };
    let b = &rc.fun_data;
    let i = skip_run(b, start)?;
    let mut i = skip_run(b, i)?;
    let mut v: usize = 0;
    loop {
        let x = *b.get(i)?;
        v = (v << 7) | usize::from(x & 0x7f);
        i += 1;
        if x & 0x80 == 0 {
            break;
        }
    }
    m.qstrs.get(v).map(String::as_str)
}

/// `MP_SCOPE_FLAG_GENERATOR` from the prelude signature: flag bit 0 is bit 6 of the signature's second
/// byte (`xSSSSEAA` then `xFSSKAED`, `py/bc.h`).
fn is_generator(rc: &RawCode) -> bool {
    let start = match rc.kind {
        RawCodeKind::Bytecode => 0,
        RawCodeKind::Native => rc.prelude_offset as usize,
        _ => return false,
    };
    match rc.fun_data.get(start..start + 2) {
        Some([a, b]) => a & 0x80 != 0 && b & 0x40 != 0,
        _ => false,
    }
}

struct Freezer {
    out: String,
    pool: Vec<String>,
    native_arch: Option<Arch>,
}

/// Generates the C source for `modules`: (frozen file name such as `pkg/mod.py`, module).
pub fn freeze(modules: &[(String, MpyModule)]) -> Result<String> {
    let mut qstrs = BTreeSet::new();
    for (_, m) in modules {
        for q in &m.qstrs {
            if mpy_vm::qstr::static_index(q).is_none() {
                qstrs.insert(q.clone());
            }
        }
    }
    let mut f = Freezer { out: String::new(), pool: qstrs.into_iter().collect(), native_arch: None };
    f.header();
    f.qstr_pool();
    let mut names = Vec::new();
    for (name, m) in modules {
        let ident = qstr_escape(name.strip_suffix(".py").unwrap_or(name));
        f.module(name, &ident, m)?;
        names.push((name.clone(), ident));
    }
    f.footer(&names);
    Ok(f.out)
}

impl Freezer {
    fn qstr_ref(&self, s: &str) -> String {
        if let Some(i) = mpy_vm::qstr::static_index(s) {
            if i == 0 {
                return "MP_QSTR_".to_string();
            }
        }
        format!("MP_QSTR_{}", qstr_escape(s))
    }

    fn header(&mut self) {
        let o = &mut self.out;
        o.push_str("// Frozen modules generated by mpbuild (layout of MicroPython's mpy-tool.py -f).\n\n");
        for h in ["py/mpconfig.h", "py/objint.h", "py/objstr.h", "py/emitglue.h", "py/nativeglue.h"] {
            let _ = writeln!(o, "#include \"{h}\"");
        }
        o.push_str(
            "\n#if MICROPY_LONGINT_IMPL != MICROPY_LONGINT_IMPL_MPZ\n#error \"incompatible MICROPY_LONGINT_IMPL\"\n#endif\n\n\
             #if MICROPY_LONGINT_IMPL == MICROPY_LONGINT_IMPL_MPZ\n#if MPZ_DIG_SIZE != 16\n#error \"incompatible MPZ_DIG_SIZE\"\n#endif\n#endif\n\n\
             #if MICROPY_PY_BUILTINS_FLOAT\ntypedef struct _mp_obj_float_t {\n    mp_obj_base_t base;\n    mp_float_t value;\n} mp_obj_float_t;\n#endif\n\n\
             #if MICROPY_PY_BUILTINS_COMPLEX\ntypedef struct _mp_obj_complex_t {\n    mp_obj_base_t base;\n    mp_float_t real;\n    mp_float_t imag;\n} mp_obj_complex_t;\n#endif\n\n",
        );
    }

    fn qstr_pool(&mut self) {
        let o = &mut self.out;
        o.push_str("enum {\n");
        for (i, q) in self.pool.iter().enumerate() {
            if i == 0 {
                let _ = writeln!(o, "    MP_QSTR_{} = MP_QSTRnumber_of,", qstr_escape(q));
            } else {
                let _ = writeln!(o, "    MP_QSTR_{},", qstr_escape(q));
            }
        }
        o.push_str("};\n\n// Hashes of the frozen qstrs.\n#if QSTR_BYTES_IN_HASH\nconst qstr_hash_t mp_qstr_frozen_const_hashes[] = {\n");
        for q in &self.pool {
            let _ = writeln!(
                o,
                "    #if QSTR_BYTES_IN_HASH == 1\n    {},\n    #else\n    {},\n    #endif",
                qstr_hash(&text::to_bytes(q), 1),
                qstr_hash(&text::to_bytes(q), 2)
            );
        }
        o.push_str("};\n#endif\n\n// Lengths of the frozen qstrs.\nconst qstr_len_t mp_qstr_frozen_const_lengths[] = {\n");
        for q in &self.pool {
            let _ = writeln!(o, "    {},", text::to_bytes(q).len());
        }
        let n = self.pool.len();
        let _ = write!(
            o,
            "}};\n\nextern const qstr_pool_t mp_qstr_const_pool;\n\nconst qstr_pool_t mp_qstr_frozen_const_pool = {{\n    &mp_qstr_const_pool, // previous pool\n    MP_QSTRnumber_of, // previous pool size\n    true, // is_sorted\n    {}, // allocated entries\n    {n}, // used entries\n    #if QSTR_BYTES_IN_HASH\n    (qstr_hash_t *)mp_qstr_frozen_const_hashes,\n    #endif\n    (qstr_len_t *)mp_qstr_frozen_const_lengths,\n    {{\n",
            n.min(10)
        );
        for q in &self.pool {
            let _ = writeln!(o, "        {},", c_string(&text::to_bytes(q)));
        }
        o.push_str("    },\n};\n\n");
    }

    fn module(&mut self, name: &str, ident: &str, m: &MpyModule) -> Result<()> {
        if let Some(a) = m.header.arch {
            match self.native_arch {
                Some(prev) if prev != a => {
                    return Err(Error::Freeze {
                        message: format!("{name} is compiled for {} but earlier modules for {}", a.name(), prev.name()),
                        help: "all frozen native code must share one arch: build every module for the port's arch".to_string(),
                    })
                }
                _ => self.native_arch = Some(a),
            }
        }
        let _ = writeln!(self.out, "////////////////////////////////////////////////////////////////////////////////\n// frozen module {ident}\n// - frozen file name: {name}\n// - .mpy header: {:?}\n", m.header);
        let mut used = BTreeSet::new();
        self.raw_code(m, &m.root, ident, "_lt_module_gt_", &mut used)?;
        // The module's qstr table, as pool ids.
        let _ = writeln!(self.out, "static const qstr_short_t const_qstr_table_data_{ident}[{}] = {{", m.qstrs.len());
        for q in &m.qstrs {
            let r = self.qstr_ref(q);
            let _ = writeln!(self.out, "    {r},");
        }
        self.out.push_str("};\n\n");
        // Constant objects.
        let mut table = Vec::new();
        for (i, obj) in m.objs.iter().enumerate() {
            table.push(self.obj(&format!("const_obj_{ident}_{i}"), obj)?);
        }
        let _ = writeln!(self.out, "static const mp_rom_obj_t const_obj_table_data_{ident}[{}] = {{", m.objs.len());
        for t in &table {
            let _ = writeln!(self.out, "    {t},");
        }
        let _ = writeln!(
            self.out,
            "}};\n\nstatic const mp_frozen_module_t frozen_module_{ident} = {{\n    .constants = {{\n        .qstr_table = (qstr_short_t *)&const_qstr_table_data_{ident},\n        .obj_table = (mp_obj_t *)&const_obj_table_data_{ident},\n    }},\n    .proto_fun = &proto_fun_{ident}__lt_module_gt_,\n}};\n"
        );
        Ok(())
    }

    /// Emits one raw code after its children (C needs them declared first). Returns its identifier.
    fn raw_code(&mut self, m: &MpyModule, rc: &RawCode, prefix: &str, own: &str, used: &mut BTreeSet<String>) -> Result<String> {
        let mut id = format!("{prefix}_{own}");
        let mut k = 1;
        while !used.insert(id.clone()) {
            k += 1;
            id = format!("{prefix}_{own}_{k}");
        }
        let mut children = Vec::new();
        for (i, c) in rc.children.iter().enumerate() {
            let cname = simple_name(m, c).map_or_else(|| format!("fun{i}"), qstr_escape);
            children.push(self.raw_code(m, c, &id, &cname, used)?);
        }
        let kind = match rc.kind {
            RawCodeKind::Bytecode => "MP_CODE_BYTECODE",
            RawCodeKind::Native => "MP_CODE_NATIVE_PY",
            RawCodeKind::Viper => "MP_CODE_NATIVE_VIPER",
            RawCodeKind::Asm => "MP_CODE_NATIVE_ASM",
        };
        let n = rc.fun_data.len();
        if rc.kind == RawCodeKind::Bytecode {
            let _ = writeln!(self.out, "// frozen bytecode for {id}\nstatic const byte fun_data_{id}[{n}] = {{");
        } else {
            let align = match self.native_arch {
                Some(Arch::Armv6 | Arch::Xtensa | Arch::Xtensawin) | None => 4,
                Some(_) => 2,
            };
            let _ = writeln!(
                self.out,
                "// frozen native code for {id}\nstatic const byte fun_data_{id}[{n}] __attribute__((section(\".text,\\\"ax\\\",%progbits @ \"), aligned({align}))) = {{"
            );
        }
        byte_array(&mut self.out, &rc.fun_data);
        self.out.push_str("};\n");
        let native_prelude = rc.kind == RawCodeKind::Native;
        if !children.is_empty() || native_prelude {
            let _ = writeln!(self.out, "static const mp_raw_code_t *const children_{id}[] = {{");
            for c in &children {
                let _ = writeln!(self.out, "    (const mp_raw_code_t *)&proto_fun_{c},");
            }
            if native_prelude {
                let _ = writeln!(self.out, "    (const mp_raw_code_t *)(void *)&fun_data_{id}[{}],", rc.prelude_offset);
            }
            self.out.push_str("};\n");
        }
        let is_gen = is_generator(rc);
        let children_ref = if children.is_empty() && !native_prelude { "NULL".to_string() } else { format!("(void *)&children_{id}") };
        let _ = writeln!(
            self.out,
            "static const mp_raw_code_truncated_t proto_fun_{id} = {{\n    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,\n    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,\n    .kind = {kind},\n    .is_generator = {},\n    .fun_data = fun_data_{id},\n    #if MICROPY_PERSISTENT_CODE_SAVE || MICROPY_DEBUG_PRINTERS\n    .fun_data_len = {n},\n    #endif\n    .children = {children_ref},\n    #if MICROPY_PERSISTENT_CODE_SAVE\n    .n_children = {},\n    #endif\n}};\n",
            u8::from(is_gen),
            children.len()
        );
        Ok(id)
    }

    /// Emits a constant object's definition if it needs one; returns its `mp_rom_obj_t` expression.
    fn obj(&mut self, id: &str, obj: &ConstObj) -> Result<String> {
        Ok(match obj {
            ConstObj::FunTable => "MP_ROM_PTR(&mp_fun_table)".to_string(),
            ConstObj::None => "MP_ROM_NONE".to_string(),
            ConstObj::False => "MP_ROM_FALSE".to_string(),
            ConstObj::True => "MP_ROM_TRUE".to_string(),
            ConstObj::Ellipsis => "MP_ROM_PTR(&mp_const_ellipsis_obj)".to_string(),
            ConstObj::Str(s) => {
                let _ = writeln!(
                    self.out,
                    "static const mp_obj_str_t {id} = {{{{&mp_type_str}}, {}, {}, (const byte *){}}};",
                    qstr_hash(&text::to_bytes(s), 2),
                    text::to_bytes(s).len(),
                    c_string(&text::to_bytes(s))
                );
                format!("MP_ROM_PTR(&{id})")
            }
            ConstObj::Bytes(b) => {
                let _ = writeln!(
                    self.out,
                    "static const mp_obj_str_t {id} = {{{{&mp_type_bytes}}, {}, {}, (const byte *){}}};",
                    qstr_hash(b, 2),
                    b.len(),
                    c_string(b)
                );
                format!("MP_ROM_PTR(&{id})")
            }
            ConstObj::Int(i) => {
                let v: i64 = num_traits::ToPrimitive::to_i64(i).filter(|v| (-(1i64 << 30)..(1i64 << 30)).contains(v)).ok_or_else(|| Error::Freeze {
                    message: format!("integer constant {i} does not fit a small int"),
                    help: "mpbuild cannot freeze big-integer constants yet; keep them in a .py left unfrozen".to_string(),
                })?;
                format!("MP_ROM_INT({v})")
            }
            ConstObj::Float(x) => {
                let repr_c = ((*x as f32).to_bits() & !3 | 2).wrapping_add(0x8080_0000);
                let repr_d = x.to_bits().wrapping_add(0x8004_0000_0000_0000);
                let _ = writeln!(
                    self.out,
                    "#if MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_A || MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_B\nstatic const mp_obj_float_t {id} = {{{{&mp_type_float}}, (mp_float_t){x:e}}};\n#define {id}_macro MP_ROM_PTR(&{id})\n#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_C\n#define {id}_macro ((mp_rom_obj_t)(0x{repr_c:08x}))\n#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_D\n#define {id}_macro ((mp_rom_obj_t)(0x{repr_d:016x}))\n#endif"
                );
                format!("{id}_macro")
            }
            ConstObj::Complex { real, imag } => {
                let _ = writeln!(self.out, "static const mp_obj_complex_t {id} = {{{{&mp_type_complex}}, (mp_float_t){real:e}, (mp_float_t){imag:e}}};");
                format!("MP_ROM_PTR(&{id})")
            }
            ConstObj::Tuple(items) => {
                let mut parts = Vec::new();
                for (i, it) in items.iter().enumerate() {
                    parts.push(self.obj(&format!("{id}_{i}"), it)?);
                }
                let _ = writeln!(
                    self.out,
                    "static const mp_rom_obj_tuple_t {id} = {{{{&mp_type_tuple}}, {}, {{\n    {},\n}}}};",
                    items.len(),
                    parts.join(",\n    ")
                );
                format!("MP_ROM_PTR(&{id})")
            }
        })
    }

    fn footer(&mut self, names: &[(String, String)]) {
        let o = &mut self.out;
        o.push_str("////////////////////////////////////////////////////////////////////////////////\n// collection of all frozen modules\n\nconst char mp_frozen_names[] = {\n    #ifdef MP_FROZEN_STR_NAMES\n    MP_FROZEN_STR_NAMES\n    #endif\n");
        for (n, _) in names {
            let _ = writeln!(o, "    {}", c_string(format!("{n}\0").as_bytes()).replace("\\000", "\\0"));
        }
        o.push_str("    \"\\0\"\n};\n\nconst mp_frozen_module_t *const mp_frozen_mpy_content[] = {\n");
        for (_, id) in names {
            let _ = writeln!(o, "    &frozen_module_{id},");
        }
        o.push_str("};\n\n#ifdef MICROPY_FROZEN_LIST_ITEM\n");
        for (n, _) in names {
            let _ = writeln!(o, "MICROPY_FROZEN_LIST_ITEM({}, {})", c_string(n.strip_suffix(".py").unwrap_or(n).as_bytes()), c_string(n.as_bytes()));
        }
        o.push_str("#endif\n");
    }
}

/// Compiles the project and writes its frozen C atomically to `output`.
pub fn build_to(project: &Project, compiler: &dyn Compiler, cache: &Cache, output: &Path, progress: &dyn Progress) -> Result<FreezeReport> {
    let units = project.units()?;
    let artifacts = compile_units(project, &units, compiler, cache, &CompileSettings::default(), progress)?;
    progress.event(ProgressEvent::Started { op: Operation::Freeze, total: artifacts.len() as u64 });
    let mut modules = Vec::new();
    for a in &artifacts {
        if !a.unit.out.ends_with(".mpy") {
            continue; // frozen-as-str sources and data files are not frozen as .mpy
        }
        let m = mpy::read(&a.bytes).map_err(|e| Error::BadMpy { path: a.unit.abs.clone(), message: e.to_string() })?;
        let name = format!("{}.py", a.unit.out.strip_suffix(".mpy").unwrap_or(&a.unit.out));
        modules.push((name, m));
    }
    let c = freeze(&modules)?;
    progress.event(ProgressEvent::Finished { op: Operation::Freeze });
    fsutil::write_atomic(output, c.as_bytes())?;
    let qstrs = c.lines().filter(|l| l.starts_with("    MP_QSTR_")).count();
    Ok(FreezeReport { modules: modules.into_iter().map(|(n, _)| n).collect(), qstrs, size: c.len() as u64 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_like_makeqstrdata() {
        assert_eq!(qstr_escape("<module>"), "_lt_module_gt_");
        assert_eq!(qstr_escape("pkg/mod.py"), "pkg_slash_mod_dot_py");
        assert_eq!(qstr_escape("a b"), "a_space_b");
    }

    #[test]
    fn hash_never_zero() {
        assert_eq!(qstr_hash(b"", 2), 5381 & 0xffff);
        for s in ["a", "__init__", "print"] {
            assert_ne!(qstr_hash(s.as_bytes(), 1), 0);
        }
    }
}
