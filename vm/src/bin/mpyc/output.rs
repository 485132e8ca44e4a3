//! Reading the source and writing the `.mpy`, with mpy-cross's error texts and system calls.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};

use mpy_vm::mpy::disasm::repr::str_repr;

/// `OSError: (errno, "can't open NAME")`, mpy-cross's message when opening a file fails.
pub fn cant_open(e: &io::Error, name: &str) -> String {
    format!("OSError: ({}, {})", e.raw_os_error().unwrap_or(0), str_repr(&format!("can't open {name}")))
}

/// `OSError: errno`, mpy-cross's message when reading an opened file fails (e.g. a directory).
pub fn read_failed(e: &io::Error) -> String {
    format!("OSError: {}", e.raw_os_error().unwrap_or(0))
}

/// Reads the whole input file, or returns the message to print.
pub fn read_source(path: &str) -> Result<Vec<u8>, String> {
    let mut f = File::open(path).map_err(|e| cant_open(&e, path))?;
    let mut buf = Vec::new();
    f.read_to_end(&mut buf).map_err(|e| read_failed(&e))?;
    Ok(buf)
}

/// Reads all of stdin.
pub fn read_stdin() -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    io::stdin().lock().read_to_end(&mut buf).map_err(|e| read_failed(&e))?;
    Ok(buf)
}

/// Writes `bytes` to `path` the way mpy-cross does (`open(O_WRONLY | O_CREAT | O_TRUNC, 0644)`, so the same
/// errno on failure), in one write of the finished output; a write that fails part-way removes the file
/// rather than leave it half-written. (A temporary file renamed over the target would also survive a kill
/// during the write, but its extra system calls cost more than compiling a small module, and mpy-cross is
/// run once per file.) Errors are reported as mpy-cross reports a failed `open()`.
pub fn write_output(path: &str, bytes: &[u8]) -> Result<(), String> {
    let mut opts = OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // mpy-cross creates its output with mode 0644 (minus the umask).
        opts.mode(0o644);
    }
    let mut f = opts.open(path).map_err(|e| cant_open(&e, path))?;
    if let Err(e) = f.write_all(bytes) {
        drop(f);
        let _ = fs::remove_file(path);
        return Err(cant_open(&e, path));
    }
    Ok(())
}

/// Writes `bytes` to stdout.
pub fn write_stdout(bytes: &[u8]) -> Result<(), String> {
    let mut out = io::stdout().lock();
    out.write_all(bytes).and_then(|()| out.flush()).map_err(|e| read_failed(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("mpyc-output-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    use std::path::PathBuf;

    #[test]
    fn write_replaces_the_whole_file() {
        let d = scratch("replace");
        let p = d.join("out.mpy");
        fs::write(&p, b"old contents that are longer").unwrap();
        write_output(p.to_str().unwrap(), b"new").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"new");
        let leftovers: Vec<_> = fs::read_dir(&d).unwrap().filter_map(Result::ok).map(|e| e.file_name()).collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn errors_read_like_mpy_cross() {
        let d = scratch("errors");
        let missing = d.join("nodir/x.mpy");
        let e = write_output(missing.to_str().unwrap(), b"x").unwrap_err();
        assert_eq!(e, format!("OSError: (2, \"can't open {}\")", missing.display()));
        let e = write_output(d.to_str().unwrap(), b"x").unwrap_err();
        assert!(e.starts_with("OSError: (21, \"can't open "), "{e}");
        let e = read_source(d.join("missing.py").to_str().unwrap()).unwrap_err();
        assert!(e.starts_with("OSError: (2, \"can't open "), "{e}");
        assert_eq!(read_source(d.to_str().unwrap()).unwrap_err(), "OSError: 21");
        assert_eq!(cant_open(&io::Error::from_raw_os_error(13), "a\"b"), "OSError: (13, 'can\\'t open a\"b')");
        assert_eq!(fs::read_dir(&d).unwrap().count(), 0);
        let _ = fs::remove_dir_all(&d);
    }
}
