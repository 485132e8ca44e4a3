//! `mpbuild`: builds MicroPython projects — `.mpy` trees, ROMFS images and frozen-module C — with our own
//! compiler (`mpy_vm`), byte-identical to mpy-cross 1.29.
//!
//! This is the library; the `mpbuild` command (feature `cli`, on by default) is a thin layer over it. Library
//! users should disable default features. The library never prints: long operations report
//! [`progress::ProgressEvent`]s, and failures are [`error::Error`] values with a stable code and a help line.
//!
//! Data flow: [`project::Project`] (config + target + units) → [`build`] (parallel compile with a
//! content-hash cache) → the output tree, [`image::romfs`] or [`image::frozen`].

pub mod boards;
pub mod build;
pub mod cache;
pub mod compiler;
pub mod config;
pub mod deploy;
pub mod device;
pub mod error;
pub mod firmware;
pub mod fsutil;
pub mod image;
pub mod manifest;
pub mod profile;
pub mod progress;
pub mod project;
pub mod target;

#[cfg(feature = "cli")]
pub mod cli;

pub use error::{Error, Result};
pub use project::Project;
