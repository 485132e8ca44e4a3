//! The rules, one per file. Each file holds the rule's documentation (its struct's doc comment), the
//! struct itself (declared with `declare_rule!`) and a `check` function tagged with the rule's code.

pub mod allocation_in_irq_handler;
pub mod allocation_in_loop;
pub mod attribute_lookup_in_loop;
pub mod bytes_slice_in_loop;
pub mod float_arithmetic_on_int_data;
pub mod global_lookup_in_loop;
pub mod list_as_numeric_buffer;
pub mod module_constant_without_const;
pub mod unsupported_emitter_construct;

pub(crate) mod loops;
