//! The module-wide tables every emitter writes into (`mp_emit_common_t`, `py/emitcommon.c`).
//!
//! qstr arguments in bytecode are indices into the module's qstr table, and constant objects are indices
//! into its object table. Both tables grow on first use, in the order the passes run, so their order is
//! part of the output (see the module doc of [`crate::emit`]).

use crate::hash::FxHashMap as HashMap;

use num_bigint::BigInt;

use crate::mpy::ConstObj;

/// A hashable image of a constant under strict equality (floats by bit pattern).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ObjKey {
    FunTable,
    None,
    False,
    True,
    Ellipsis,
    Str(String),
    Bytes(Vec<u8>),
    Int(BigInt),
    Float(u64),
    Complex(u64, u64),
    Tuple(Vec<ObjKey>),
}

impl ObjKey {
    fn of(o: &ConstObj) -> ObjKey {
        match o {
            ConstObj::FunTable => ObjKey::FunTable,
            ConstObj::None => ObjKey::None,
            ConstObj::False => ObjKey::False,
            ConstObj::True => ObjKey::True,
            ConstObj::Ellipsis => ObjKey::Ellipsis,
            ConstObj::Str(s) => ObjKey::Str(s.clone()),
            ConstObj::Bytes(b) => ObjKey::Bytes(b.clone()),
            ConstObj::Int(i) => ObjKey::Int(i.clone()),
            ConstObj::Float(f) => ObjKey::Float(f.to_bits()),
            ConstObj::Complex { real, imag } => ObjKey::Complex(real.to_bits(), imag.to_bits()),
            ConstObj::Tuple(t) => ObjKey::Tuple(t.iter().map(ObjKey::of).collect()),
        }
    }
}

/// The qstr and constant-object tables of one module.
#[derive(Clone, Debug, Default)]
pub struct EmitCommon {
    qstrs: Vec<String>,
    qstr_index: HashMap<String, u32>,
    objs: Vec<ConstObj>,
    obj_index: HashMap<ObjKey, u32>,
}

impl EmitCommon {
    /// Starts the tables; qstr 0 is always the source file name.
    pub fn new(source_name: &str) -> Self {
        let mut common = EmitCommon::default();
        common.use_qstr(source_name);
        common
    }

    /// `mp_emit_common_use_qstr`: the index of `qst`, adding it at the end when new.
    pub fn use_qstr(&mut self, qst: &str) -> u32 {
        if let Some(&idx) = self.qstr_index.get(qst) {
            return idx;
        }
        let idx = self.qstrs.len() as u32;
        self.qstrs.push(qst.to_string());
        self.qstr_index.insert(qst.to_string(), idx);
        idx
    }

    /// `mp_emit_common_use_const_obj`: the index of `obj`, deduplicated by strict equality (same type,
    /// floats by bit pattern so `0.0` and `-0.0` differ, tuples element-wise).
    pub fn use_const_obj(&mut self, obj: ConstObj) -> u32 {
        let key = ObjKey::of(&obj);
        if let Some(&i) = self.obj_index.get(&key) {
            return i;
        }
        let i = self.objs.len() as u32;
        self.objs.push(obj);
        self.obj_index.insert(key, i);
        i
    }

    pub fn qstrs(&self) -> &[String] {
        &self.qstrs
    }

    pub fn objs(&self) -> &[ConstObj] {
        &self.objs
    }

    /// Consumes the tables: `(qstrs, objs)`.
    pub fn into_tables(self) -> (Vec<String>, Vec<ConstObj>) {
        (self.qstrs, self.objs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qstr_zero_is_the_source_name_and_order_is_first_use() {
        let mut c = EmitCommon::new("t.py");
        assert_eq!(c.use_qstr("x"), 1);
        assert_eq!(c.use_qstr("t.py"), 0);
        assert_eq!(c.use_qstr("y"), 2);
        assert_eq!(c.use_qstr("x"), 1);
        assert_eq!(c.qstrs(), ["t.py", "x", "y"]);
    }

    #[test]
    fn objects_dedup_strictly() {
        let mut c = EmitCommon::new("t.py");
        assert_eq!(c.use_const_obj(ConstObj::Float(0.0)), 0);
        assert_eq!(c.use_const_obj(ConstObj::Float(-0.0)), 1);
        assert_eq!(c.use_const_obj(ConstObj::Float(0.0)), 0);
        assert_eq!(c.use_const_obj(ConstObj::True), 2);
        assert_eq!(c.use_const_obj(ConstObj::Int(1.into())), 3);
        assert_eq!(c.use_const_obj(ConstObj::Tuple(vec![ConstObj::Int(1.into())])), 4);
        assert_eq!(c.use_const_obj(ConstObj::Tuple(vec![ConstObj::True])), 5);
        assert_eq!(c.use_const_obj(ConstObj::Tuple(vec![ConstObj::Int(1.into())])), 4);
    }
}
