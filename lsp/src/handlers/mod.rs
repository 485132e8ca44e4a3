//! One handler per request or notification. Handlers convert with [`crate::convert`] and call
//! `mpy_vm::analysis`; they hold the session lock only to read a snapshot or write a result.

pub mod code_action;
pub mod code_lens;
pub mod diagnostics;
pub mod did_change;
pub mod did_change_configuration;
pub mod did_close;
pub mod did_open;
pub mod hover;
pub mod initialize;
