//! The compile step, pluggable: our compiler (`mpy_vm`) by default, or an external `mpy-cross` binary (used
//! by tests as an oracle, and by users as a fallback while a construct is not supported yet).

use std::path::{Path, PathBuf};
use std::process::Command;

use mpy_vm::{CompileOptions, EmitOpt};

use crate::config::emit_name;

/// A compile failure, as the compiler reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileFailure {
    /// Exception type (`SyntaxError`, ...).
    pub kind: String,
    pub message: String,
    pub line: Option<u32>,
    /// The full text mpy-cross prints.
    pub rendered: String,
}

/// Something that turns one source file into `.mpy` bytes.
pub trait Compiler: Sync {
    /// A string that changes whenever the output for the same input could change (goes into cache keys).
    fn identity(&self) -> String;
    /// Compiles one file.
    fn compile(&self, source: &[u8], opts: &CompileOptions) -> Result<Vec<u8>, CompileFailure>;
}

/// Our compiler, `mpy_vm::compile_to_mpy`.
#[derive(Clone, Copy, Debug, Default)]
pub struct BuiltIn;

impl Compiler for BuiltIn {
    fn identity(&self) -> String {
        // The crate version alone does not change while the compiler is developed, so the executable's size
        // and modification time are added: a rebuilt mpbuild never reuses another build's cache entries.
        let exe = std::env::current_exe().ok().and_then(|p| std::fs::metadata(p).ok());
        let stamp = exe.map_or_else(String::new, |m| {
            let t = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
            format!("{}-{}", m.len(), t.map_or(0, |d| d.as_nanos()))
        });
        format!("mpy_vm {} {stamp}", env!("CARGO_PKG_VERSION"))
    }

    fn compile(&self, source: &[u8], opts: &CompileOptions) -> Result<Vec<u8>, CompileFailure> {
        // A compiler bug must not take the whole build down: a panic becomes this file's error.
        let out = std::panic::catch_unwind(|| mpy_vm::compile_to_mpy(source, opts));
        match out {
            Ok(Ok(bytes)) => Ok(bytes),
            Ok(Err(e)) => Err(CompileFailure {
                kind: e.kind.name().to_string(),
                message: e.message.clone(),
                line: e.line,
                rendered: e.render(&opts.source_name),
            }),
            Err(_) => Err(CompileFailure {
                kind: "InternalError".to_string(),
                message: "the compiler panicked on this file (a bug in mpbuild; please report it)".to_string(),
                line: None,
                rendered: String::new(),
            }),
        }
    }
}

/// An external `mpy-cross` executable, run once per file.
#[derive(Clone, Debug)]
pub struct MpyCross {
    pub exe: PathBuf,
}

/// mpy-cross's command-line flags for `opts` (without the input and output paths).
pub fn mpy_cross_args(opts: &CompileOptions) -> Vec<String> {
    let mut a = vec!["-s".to_string(), opts.source_name.clone(), format!("-O{}", opts.opt_level)];
    if opts.emit != EmitOpt::Bytecode {
        a.push("-X".to_string());
        a.push(format!("emit={}", emit_name(opts.emit)));
    }
    if opts.no_source_lines {
        a.push("-X".to_string());
        a.push("no-source-lines".to_string());
    }
    if let Some(arch) = opts.arch {
        a.push(format!("-march={}", arch.name()));
    }
    if opts.arch_flags != 0 {
        let mut f = Vec::new();
        if opts.arch_flags & 1 != 0 {
            f.push("zba");
        }
        if opts.arch_flags & 2 != 0 {
            f.push("zcmp");
        }
        a.push(format!("-march-flags={}", f.join(",")));
    }
    if opts.small_int_bits != 31 {
        a.push(format!("-msmall-int-bits={}", opts.small_int_bits));
    }
    a
}

impl Compiler for MpyCross {
    fn identity(&self) -> String {
        let m = std::fs::metadata(&self.exe).ok();
        format!("mpy-cross {} {}", self.exe.display(), m.map_or(0, |m| m.len()))
    }

    fn compile(&self, source: &[u8], opts: &CompileOptions) -> Result<Vec<u8>, CompileFailure> {
        let fail = |message: String| CompileFailure {
            kind: "io".to_string(),
            message: message.clone(),
            line: None,
            rendered: message,
        };
        let dir = tempfile::tempdir().map_err(|e| fail(format!("temporary directory: {e}")))?;
        let input = dir.path().join("in.py");
        let output = dir.path().join("out.mpy");
        std::fs::write(&input, source).map_err(|e| fail(format!("write {}: {e}", input.display())))?;
        let out = Command::new(&self.exe)
            .args(mpy_cross_args(opts))
            .arg(&input)
            .arg("-o")
            .arg(&output)
            .output()
            .map_err(|e| fail(format!("cannot run {}: {e}", self.exe.display())))?;
        if !out.status.success() {
            // mpy-cross names the file it was given (here a temporary): name the project's file instead.
            let text = String::from_utf8_lossy(&out.stderr).replace(&*input.to_string_lossy(), &opts.source_name);
            return Err(parse_mpy_cross_error(&text));
        }
        std::fs::read(&output).map_err(|e| fail(format!("read {}: {e}", output.display())))
    }
}

/// Splits mpy-cross's stderr (`Traceback ... File "x", line N ... \nKind: message`) into its parts.
pub fn parse_mpy_cross_error(text: &str) -> CompileFailure {
    let last = text.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
    let (kind, message) = last.split_once(": ").unwrap_or(("Error", last));
    let line = text
        .lines()
        .find_map(|l| l.split_once(", line ").map(|(_, r)| r.split(|c: char| !c.is_ascii_digit()).next().unwrap_or("")))
        .and_then(|n| n.parse().ok());
    CompileFailure { kind: kind.to_string(), message: message.to_string(), line, rendered: text.to_string() }
}

/// Finds an `mpy-cross` for [`MpyCross`]: `$MPY_CROSS`, else `mpy-cross` next to the project venv.
pub fn find_mpy_cross(hint: Option<&Path>) -> Option<PathBuf> {
    if let Some(h) = hint {
        return Some(h.to_path_buf());
    }
    std::env::var_os("MPY_CROSS").map(PathBuf::from)
}
