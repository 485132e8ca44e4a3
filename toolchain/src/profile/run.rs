//! Running the instrumented program: on the local MicroPython VM (a subprocess) or on a board (files
//! uploaded over the raw REPL, then one exec), with the program's output passed on unchanged as it
//! arrives and the profiler's block split off.
//!
//! The program is started by one expression statement that binds no name (`__import__(...)` calls only):
//! the profiler imports the entry module, which the instrumentation renamed `__main__`. On a board, the
//! REPL's globals are snapshotted before the upload helpers are defined and restored afterwards, so the
//! board's global namespace is as it was.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use super::data::{self, RawProfile};
use super::instrument::Instrumented;
use super::stream::Splitter;
use crate::deploy::codec::str_literal;
use crate::deploy::fs::{Board, Upload};
use crate::deploy::progress::DeployProgress;
use crate::deploy::{DeployError, Transport};

/// The local run's driver script (its frame is dropped from tracebacks).
pub const DRIVER_FILE: &str = "_mpprof_run.py";

/// Where the instrumented files go on a board (relative to its working directory).
pub const BOARD_DIR: &str = ".mpprof";

/// What a run gave.
#[derive(Clone, Debug, Default)]
pub struct RunOutcome {
    /// `None` when the profiler printed no complete block (the board crashed or was cut off).
    pub raw: Option<RawProfile>,
    /// The program's traceback, without the profiler's frames (empty when it ended normally).
    pub traceback: String,
    /// The exception line (`ValueError: boom`), when it raised.
    pub exception: Option<String>,
    /// The VM printed the traceback on stdout (as the pybind-wrapped unix port does), so it is shown there.
    pub traceback_on_stdout: bool,
    /// Why the block could not be read, if it was malformed.
    pub block_error: Option<String>,
}

/// Errors of a run.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("cannot start the MicroPython VM {exe}: {source}")]
    Spawn { exe: String, source: std::io::Error },
    #[error("cannot prepare the profile directory {dir}: {source}")]
    Io { dir: String, source: std::io::Error },
    #[error(transparent)]
    Board(#[from] DeployError),
}

/// A random-enough nonce for the markers (the time and the process id, hashed).
pub fn nonce() -> String {
    use sha2::Digest;
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let h = sha2::Sha256::digest(format!("{t}-{}", std::process::id()).as_bytes());
    h.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// The statement that starts the run; `dir` is a MicroPython expression for the profile directory.
pub fn driver(ins: &Instrumented, nonce: &str, dir: &str) -> String {
    let mods: Vec<String> = ins.modules.iter().map(|m| str_literal(m)).collect();
    format!(
        "__import__('sys').path.insert(0,{dir})\n__import__('_mpprof').run({},{},{},({},),__import__('sys').path[0])\n",
        str_literal(&ins.entry_module),
        ins.id_count(),
        str_literal(nonce),
        mods.join(","),
    )
}

/// Drops the profiler's own frames (and the driver's `<stdin>` line) from a traceback.
pub fn clean_traceback(tb: &str) -> String {
    let mut out = String::new();
    for line in tb.replace("\r\n", "\n").lines() {
        let t = line.trim_start();
        let file = t.strip_prefix("File \"").and_then(|r| r.split('"').next());
        if file.is_some_and(|f| f == "_mpprof.py" || f == "<stdin>" || f == "<string>" || f.ends_with(DRIVER_FILE)) {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn finish(splitter: &Splitter, stderr: &str) -> RunOutcome {
    // Anything printed after the profiler's block comes from the driver after the program ended: a
    // traceback, when the VM prints those on stdout.
    let after = String::from_utf8_lossy(&splitter.after).into_owned();
    let on_stdout = stderr.trim().is_empty() && after.contains("Traceback (most recent call last)");
    let tb_text = if on_stdout { after.as_str() } else { stderr };
    let traceback = if tb_text.trim().is_empty() { String::new() } else { clean_traceback(tb_text) };
    let exception = traceback.lines().rev().map(str::trim).find(|l| !l.is_empty()).map(str::to_string);
    let (raw, block_error) = if splitter.done {
        match data::parse(&splitter.block()) {
            Ok(r) => (Some(r), None),
            Err(e) => (None, Some(e.to_string())),
        }
    } else {
        (None, None)
    };
    RunOutcome { raw, traceback, exception, block_error, traceback_on_stdout: on_stdout }
}

/// Writes the instrumented files under `dir`.
pub fn write_tree(ins: &Instrumented, dir: &Path) -> Result<(), RunError> {
    for f in &ins.files {
        let p = dir.join(&f.path);
        let io = |source| RunError::Io { dir: dir.display().to_string(), source };
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(&p, &f.bytes).map_err(io)?;
    }
    Ok(())
}

/// Runs on the local VM `exe` with `cwd` as its working directory; program output goes to `sink`.
pub fn run_local(ins: &Instrumented, exe: &Path, cwd: &Path, sink: &mut dyn FnMut(&[u8])) -> Result<RunOutcome, RunError> {
    let dir = tempfile::Builder::new().prefix("mpbuild-profile-").tempdir().map_err(|source| RunError::Io { dir: "a temporary directory".into(), source })?;
    write_tree(ins, dir.path())?;
    let nonce = nonce();
    // The script's directory replaces the working directory on `sys.path`: put the latter back behind ours.
    let code = format!("__import__('sys').path.insert(0,'')\n{}", driver(ins, &nonce, &str_literal(&dir.path().to_string_lossy())));
    // A script file rather than `-c`: the VM then prints a traceback on stderr, as for `micropython main.py`.
    let script = dir.path().join(DRIVER_FILE);
    std::fs::write(&script, &code).map_err(|source| RunError::Io { dir: dir.path().display().to_string(), source })?;
    let mut child = Command::new(exe)
        .arg(&script)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|source| RunError::Spawn { exe: exe.display().to_string(), source })?;
    let mut err_pipe = child.stderr.take();
    let err_thread = std::thread::spawn(move || {
        let mut s = Vec::new();
        if let Some(e) = err_pipe.as_mut() {
            let _ = e.read_to_end(&mut s);
        }
        s
    });
    let mut splitter = Splitter::new(&nonce);
    if let Some(mut out) = child.stdout.take() {
        let mut buf = [0u8; 8192];
        loop {
            match out.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let o = splitter.feed(&buf[..n]);
                    if !o.is_empty() {
                        sink(&o);
                    }
                }
            }
        }
    }
    let rest = splitter.finish();
    if !rest.is_empty() {
        sink(&rest);
    }
    let _ = child.wait();
    let stderr = err_thread.join().unwrap_or_default();
    Ok(finish(&splitter, &String::from_utf8_lossy(&stderr)))
}

/// The REPL's global names, to restore after the upload helpers.
fn repl_globals(t: &mut dyn Transport) -> Result<Vec<String>, DeployError> {
    let out = t.exec_ctx(b"print(' '.join(globals()))", "reading the REPL's globals")?;
    Ok(String::from_utf8_lossy(&out).split_whitespace().map(str::to_string).collect())
}

fn restore_globals(t: &mut dyn Transport, keep: &[String]) -> Result<(), DeployError> {
    let names: Vec<String> = keep.iter().map(|k| str_literal(k) + ",").collect();
    let code = format!("[globals().pop(k) for k in list(globals()) if k not in ({})]", names.concat());
    t.exec_ctx(code.as_bytes(), "restoring the REPL's globals")?;
    Ok(())
}

/// Uploads the instrumented files to [`BOARD_DIR`] and runs the program; program output goes to `sink`.
/// The files are removed afterwards.
pub fn run_board(ins: &Instrumented, t: &mut dyn Transport, progress: &dyn DeployProgress, sink: &mut dyn FnMut(&[u8])) -> Result<RunOutcome, RunError> {
    let keep = repl_globals(t)?;
    let mut dirs: Vec<String> = vec![BOARD_DIR.to_string()];
    for f in &ins.files {
        let mut d = String::from(BOARD_DIR);
        let parts: Vec<&str> = f.path.split('/').collect();
        for p in &parts[..parts.len() - 1] {
            d = format!("{d}/{p}");
            if !dirs.contains(&d) {
                dirs.push(d.clone());
            }
        }
    }
    let uploads: Vec<Upload> = ins.files.iter().map(|f| Upload { path: format!("{BOARD_DIR}/{}", f.path), data: f.bytes.clone() }).collect();
    {
        let mut board = Board::new(t);
        board.mkdirs(&dirs)?;
        board.write_files(&uploads, progress)?;
    }
    restore_globals(t, &keep)?;
    let nonce = nonce();
    let dir = format!("__import__('os').getcwd().rstrip('/')+'/{BOARD_DIR}'");
    let code = driver(ins, &nonce, &dir);
    let mut splitter = Splitter::new(&nonce);
    let result = t.exec_stream(
        code.as_bytes(),
        &mut |chunk| {
            let o = splitter.feed(chunk);
            if !o.is_empty() {
                sink(&o);
            }
        },
        None,
    );
    let rest = splitter.finish();
    if !rest.is_empty() {
        sink(&rest);
    }
    let res = result?;
    let outcome = finish(&splitter, &String::from_utf8_lossy(&res.stderr));
    // Leave the board as it was: the uploaded files and the helpers' globals go.
    let cleanup = (|| -> Result<(), DeployError> {
        let mut board = Board::new(t);
        board.remove_files(&uploads.iter().map(|u| u.path.clone()).collect::<Vec<_>>())?;
        let mut rev = dirs.clone();
        rev.reverse();
        board.remove_dirs(&rev)?;
        Ok(())
    })();
    restore_globals(t, &keep)?;
    cleanup?;
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    #[test]
    fn tracebacks_lose_the_profiler_frames_only() {
        let tb = "Traceback (most recent call last):\r\n  File \"<stdin>\", line 2, in <module>\r\n  File \"_mpprof.py\", line 99, in run\r\n  File \"main.py\", line 7, in <module>\r\n  File \"main.py\", line 3, in f\r\nValueError: boom\r\n";
        assert_eq!(
            super::clean_traceback(tb),
            "Traceback (most recent call last):\n  File \"main.py\", line 7, in <module>\n  File \"main.py\", line 3, in f\nValueError: boom\n"
        );
    }
}
