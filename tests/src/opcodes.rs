//! Opcode coverage: which `py/bc0.h` opcodes the corpus makes mpy-cross emit, decoded with our `.mpy` reader
//! and disassembler.
//!
//! [`EMITTABLE`] is the one list of opcodes the bytecode emitter can produce; the corpus test fails unless
//! mpy-cross's outputs for the corpus contain every one of them. Multi-opcodes whose operand is the opcode
//! itself (small ints, fast locals) count as one family each; unary and binary operators count one by one,
//! because each operator is a separate code path in the compiler.

use std::collections::BTreeMap;

use mpy_vm::mpy::{RawCode, RawCodeKind};

/// `mp_unary_op_t` values that may appear in bytecode (`MP_UNARY_OP_NUM_BYTECODE` = 4), in order.
pub const UNARY_OPS: [&str; 4] = ["POSITIVE", "NEGATIVE", "INVERT", "NOT"];

/// `mp_binary_op_t` values that may appear in bytecode (`MP_BINARY_OP_NUM_BYTECODE` = 35), in order.
pub const BINARY_OPS: [&str; 35] = [
    "LESS", "MORE", "EQUAL", "LESS_EQUAL", "MORE_EQUAL", "NOT_EQUAL", "IN", "IS", "EXCEPTION_MATCH",
    "INPLACE_OR", "INPLACE_XOR", "INPLACE_AND", "INPLACE_LSHIFT", "INPLACE_RSHIFT", "INPLACE_ADD",
    "INPLACE_SUBTRACT", "INPLACE_MULTIPLY", "INPLACE_MAT_MULTIPLY", "INPLACE_FLOOR_DIVIDE",
    "INPLACE_TRUE_DIVIDE", "INPLACE_MODULO", "INPLACE_POWER", "OR", "XOR", "AND", "LSHIFT", "RSHIFT", "ADD",
    "SUBTRACT", "MULTIPLY", "MAT_MULTIPLY", "FLOOR_DIVIDE", "TRUE_DIVIDE", "MODULO", "POWER",
];

/// The single-byte-coded opcodes of `py/bc0.h` with their values.
pub const SINGLE_OPS: [(&str, u8); 67] = [
    ("LOAD_CONST_STRING", 0x10),
    ("LOAD_NAME", 0x11),
    ("LOAD_GLOBAL", 0x12),
    ("LOAD_ATTR", 0x13),
    ("LOAD_METHOD", 0x14),
    ("LOAD_SUPER_METHOD", 0x15),
    ("STORE_NAME", 0x16),
    ("STORE_GLOBAL", 0x17),
    ("STORE_ATTR", 0x18),
    ("DELETE_NAME", 0x19),
    ("DELETE_GLOBAL", 0x1a),
    ("IMPORT_NAME", 0x1b),
    ("IMPORT_FROM", 0x1c),
    ("MAKE_CLOSURE", 0x20),
    ("MAKE_CLOSURE_DEFARGS", 0x21),
    ("LOAD_CONST_SMALL_INT", 0x22),
    ("LOAD_CONST_OBJ", 0x23),
    ("LOAD_FAST_N", 0x24),
    ("LOAD_DEREF", 0x25),
    ("STORE_FAST_N", 0x26),
    ("STORE_DEREF", 0x27),
    ("DELETE_FAST", 0x28),
    ("DELETE_DEREF", 0x29),
    ("BUILD_TUPLE", 0x2a),
    ("BUILD_LIST", 0x2b),
    ("BUILD_MAP", 0x2c),
    ("BUILD_SET", 0x2d),
    ("BUILD_SLICE", 0x2e),
    ("STORE_COMP", 0x2f),
    ("UNPACK_SEQUENCE", 0x30),
    ("UNPACK_EX", 0x31),
    ("MAKE_FUNCTION", 0x32),
    ("MAKE_FUNCTION_DEFARGS", 0x33),
    ("CALL_FUNCTION", 0x34),
    ("CALL_FUNCTION_VAR_KW", 0x35),
    ("CALL_METHOD", 0x36),
    ("CALL_METHOD_VAR_KW", 0x37),
    ("UNWIND_JUMP", 0x40),
    ("JUMP", 0x42),
    ("POP_JUMP_IF_TRUE", 0x43),
    ("POP_JUMP_IF_FALSE", 0x44),
    ("JUMP_IF_TRUE_OR_POP", 0x45),
    ("JUMP_IF_FALSE_OR_POP", 0x46),
    ("SETUP_WITH", 0x47),
    ("SETUP_EXCEPT", 0x48),
    ("SETUP_FINALLY", 0x49),
    ("POP_EXCEPT_JUMP", 0x4a),
    ("FOR_ITER", 0x4b),
    ("LOAD_CONST_FALSE", 0x50),
    ("LOAD_CONST_NONE", 0x51),
    ("LOAD_CONST_TRUE", 0x52),
    ("LOAD_NULL", 0x53),
    ("LOAD_BUILD_CLASS", 0x54),
    ("LOAD_SUBSCR", 0x55),
    ("STORE_SUBSCR", 0x56),
    ("DUP_TOP", 0x57),
    ("DUP_TOP_TWO", 0x58),
    ("POP_TOP", 0x59),
    ("ROT_TWO", 0x5a),
    ("ROT_THREE", 0x5b),
    ("WITH_CLEANUP", 0x5c),
    ("END_FINALLY", 0x5d),
    ("GET_ITER", 0x5e),
    ("GET_ITER_STACK", 0x5f),
    ("STORE_MAP", 0x62),
    ("RETURN_VALUE", 0x63),
    ("RAISE_LAST", 0x64),
];

/// The byte ops 0x65..=0x69, kept apart only to keep the table above readable.
pub const SINGLE_OPS_TAIL: [(&str, u8); 5] =
    [("RAISE_OBJ", 0x65), ("RAISE_FROM", 0x66), ("YIELD_VALUE", 0x67), ("YIELD_FROM", 0x68), ("IMPORT_STAR", 0x69)];

/// Opcodes of `py/bc0.h` that the emitter never produces, each with why. Excluded from [`emittable`].
///
/// Empty today: every opcode of bc0.h v6.3 has a source construct that makes `py/emitbc.c` emit it
/// (e.g. LOAD_NULL for keyword-only defaults without positional ones, UNARY_OP POSITIVE for `+x`,
/// EXCEPTION_MATCH for `except E:`, LOAD_SUPER_METHOD for `super().f()`).
pub const NOT_EMITTABLE: [(&str, &str); 0] = [];

/// The name of the coverage key of `op`: the opcode's own name, a family name for the multi-opcodes,
/// `UNARY_OP <op>` / `BINARY_OP <op>` for operators; `None` for reserved values.
pub fn key_of(op: u8) -> Option<String> {
    match op {
        0x70..=0xaf => Some("LOAD_CONST_SMALL_INT_MULTI".into()),
        0xb0..=0xbf => Some("LOAD_FAST_MULTI".into()),
        0xc0..=0xcf => Some("STORE_FAST_MULTI".into()),
        0xd0..=0xd3 => Some(format!("UNARY_OP {}", UNARY_OPS[usize::from(op - 0xd0)])),
        0xd7..=0xf9 => Some(format!("BINARY_OP {}", BINARY_OPS[usize::from(op - 0xd7)])),
        _ => SINGLE_OPS.iter().chain(SINGLE_OPS_TAIL.iter()).find(|(_, v)| *v == op).map(|(n, _)| (*n).to_string()),
    }
}

/// Every coverage key the emitter can produce, in opcode order (the one list coverage is measured against).
pub fn emittable() -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for op in 0u8..=0xff {
        if let Some(k) = key_of(op) {
            if !keys.contains(&k) && !NOT_EMITTABLE.iter().any(|(n, _)| *n == k) {
                keys.push(k);
            }
        }
    }
    keys
}

/// The opcodes of one bytecode function body (`fun_data` = prelude + code), in order, decoded with our
/// disassembler (`mpy_vm::mpy::disasm::decode_bytecode`).
pub fn opcodes_of_fun_data(fun_data: &[u8]) -> Result<Vec<u8>, String> {
    let f = mpy_vm::mpy::disasm::decode_bytecode(fun_data)
        .map_err(|e| format!("bad prelude at byte {}: {}", e.offset, e.message))?;
    if let Some(e) = f.error {
        return Err(format!("undecodable code at offset {}: {}", e.offset, e.message));
    }
    Ok(f.insns.iter().map(|i| i.opcode).collect())
}

fn walk(rc: &RawCode, counts: &mut BTreeMap<String, usize>) -> Result<(), String> {
    if rc.kind == RawCodeKind::Bytecode {
        for op in opcodes_of_fun_data(&rc.fun_data)? {
            *counts.entry(key_of(op).unwrap_or_default()).or_default() += 1;
        }
    }
    for child in &rc.children {
        walk(child, counts)?;
    }
    Ok(())
}

/// Adds the opcodes of every bytecode function of a `.mpy` file to `counts`, reading it with `mpy_vm`.
pub fn count_mpy(bytes: &[u8], counts: &mut BTreeMap<String, usize>) -> Result<(), String> {
    let module = mpy_vm::mpy::read(bytes).map_err(|e| format!("mpy_vm::mpy::read: {e}"))?;
    walk(&module.root, counts)
}

/// The coverage report: the emittable keys not in `counts`, and a printable summary.
pub fn coverage(counts: &BTreeMap<String, usize>) -> (Vec<String>, String) {
    let all = emittable();
    let missing: Vec<String> = all.iter().filter(|k| !counts.contains_key(*k)).cloned().collect();
    let covered = all.len() - missing.len();
    let mut s = format!(
        "opcode coverage: {covered}/{} emittable bc0.h opcodes seen in mpy-cross's corpus output ({:.1}%)\n",
        all.len(),
        100.0 * covered as f64 / all.len() as f64
    );
    let seen: Vec<String> = all.iter().filter_map(|k| counts.get(k).map(|n| format!("{k}={n}"))).collect();
    for chunk in seen.chunks(6) {
        s.push_str("  seen: ");
        s.push_str(&chunk.join(", "));
        s.push('\n');
    }
    if !missing.is_empty() {
        s.push_str(&format!("  MISSING: {}\n", missing.join(", ")));
    }
    (missing, s)
}
