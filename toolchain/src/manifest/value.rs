//! Values of the manifest evaluator: the few Python objects a manifest can build.

use std::collections::BTreeMap;

/// A value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    Str(String),
    /// Lists and tuples (both only iterated).
    Seq(Vec<Value>),
    /// The `options` object of the manifest being evaluated.
    Options,
    /// `options.defaults`.
    OptionsDefaults,
    /// One of the API functions (`include`, `package`, ...).
    Api(&'static str),
}

impl Value {
    /// Python truthiness.
    pub fn truthy(&self) -> bool {
        match self {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Str(s) => !s.is_empty(),
            Value::Seq(v) => !v.is_empty(),
            Value::Options | Value::OptionsDefaults | Value::Api(_) => true,
        }
    }

    /// The Python type name, for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::None => "NoneType",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Str(_) => "str",
            Value::Seq(_) => "list",
            Value::Options => "IncludeOptions",
            Value::OptionsDefaults | Value::Api(_) => "function",
        }
    }
}

/// `IncludeOptions`: keyword arguments of the `include()`/`require()` that loaded this manifest, plus the
/// fallbacks from `options.defaults(...)` (a later call replaces the earlier defaults, as in MicroPython).
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub kwargs: BTreeMap<String, Value>,
    pub defaults: BTreeMap<String, Value>,
}

impl Options {
    pub fn get(&self, name: &str) -> Value {
        self.kwargs.get(name).or_else(|| self.defaults.get(name)).cloned().unwrap_or(Value::None)
    }
}
