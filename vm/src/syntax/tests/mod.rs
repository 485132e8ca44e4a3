//! Tests of the front end: lowering snapshots, lines, and comparisons against mpy-cross.

mod error_oracle;
mod float_oracle;
mod fold_oracle;
mod fstring_oracle;
mod intern_oracle;
mod lowering;
mod oracle;
mod robustness;
mod tstring_oracle;
