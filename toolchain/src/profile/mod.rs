//! `mpbuild profile`: find the slowest code of a program by running it instrumented, on a board or on the
//! local MicroPython VM.
//!
//! [`instrument`] compiles every module with timing calls inserted by our compiler
//! (`mpy_vm::profile`) and adds the runtime [`instrument::RUNTIME_SOURCE`]; [`run`] runs it and separates
//! the program's output from the profiler's block ([`stream`], [`data`]); [`report`] turns call paths into
//! per-function self and total times with the instrumentation's cost removed; [`flame`] draws the flame
//! graph, [`hints`] adds suggestions from the editor's rules, and [`store`] writes the profile the editor
//! shows as code lenses.

// The deploy layer's errors are large (they carry tracebacks), as everywhere in mpbuild.
#![allow(clippy::result_large_err)]

pub mod data;
pub mod flame;
pub mod hints;
pub mod instrument;
pub mod report;
pub mod run;
pub mod store;
pub mod stream;
