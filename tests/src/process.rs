//! Running a subprocess with a timeout, capturing its output, exit status and (optionally) peak memory.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What a finished (or killed) subprocess did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The exit code; `None` when a signal ended the process.
    pub code: Option<i32>,
    /// The signal that ended the process, if any.
    pub signal: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// True when the timeout expired and the process was killed.
    pub timed_out: bool,
    /// Peak resident set size in KiB, when measured (see [`run_measured`]).
    pub peak_rss_kib: Option<u64>,
    pub elapsed: Duration,
}

impl Outcome {
    pub fn stdout_str(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn stderr_str(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    /// A one-line description of how the process ended: `exit 1`, `signal 6`, `timed out after 10s`.
    pub fn status_text(&self) -> String {
        if self.timed_out {
            format!("timed out after {:.1}s", self.elapsed.as_secs_f64())
        } else if let Some(s) = self.signal {
            format!("killed by signal {s}")
        } else {
            format!("exit {}", self.code.unwrap_or(-1))
        }
    }
}

fn spawn_reader(pipe: Option<impl Read + Send + 'static>) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    })
}

/// Runs `cmd` with stdin closed, killing it after `timeout`. Fails only when it can't be started.
pub fn run(mut cmd: Command, timeout: Duration) -> std::io::Result<Outcome> {
    use std::os::unix::process::{CommandExt, ExitStatusExt};
    let start = Instant::now();
    // Its own process group, so that a timeout kills wrappers (`time`, `prlimit`) and what they started.
    cmd.process_group(0);
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    // A script written just now may still be open for writing in a child another thread is forking
    // (ETXTBSY until that child execs); retry briefly instead of failing.
    let mut tries = 0;
    let mut child = loop {
        match cmd.spawn() {
            Err(e) if e.raw_os_error() == Some(26) && tries < 50 => {
                tries += 1;
                std::thread::sleep(Duration::from_millis(10));
            }
            other => break other?,
        }
    };
    let out = spawn_reader(child.stdout.take());
    let err = spawn_reader(child.stderr.take());
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if start.elapsed() > timeout {
            timed_out = true;
            let _ = Command::new("sh").arg("-c").arg(format!("kill -KILL -{}", child.id())).status();
            let _ = child.kill();
            break child.wait()?;
        }
        let waited = start.elapsed();
        // Poll fast at first (most runs take milliseconds), then back off.
        std::thread::sleep(if waited < Duration::from_millis(50) {
            Duration::from_micros(500)
        } else {
            Duration::from_millis(10)
        });
    };
    Ok(Outcome {
        code: status.code(),
        signal: status.signal(),
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
        timed_out,
        peak_rss_kib: None,
        elapsed: start.elapsed(),
    })
}

/// Runs `program args..` like [`run`], under an address-space limit of `limit_mib` (so that runaway memory
/// use ends in an allocation failure instead of exhausting the machine), and measures its peak RSS with
/// `/usr/bin/time`. Needs `/usr/bin/time` and `prlimit` (installed by `scripts/setup`).
pub fn run_measured(
    program: &Path,
    args: &[&std::ffi::OsStr],
    cwd: &Path,
    timeout: Duration,
    limit_mib: u64,
) -> std::io::Result<Outcome> {
    let time = Path::new("/usr/bin/time");
    if !time.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "/usr/bin/time is missing: run scripts/test (it installs Debian's `time` package)",
        ));
    }
    let rss_file = tempfile::NamedTempFile::new()?;
    let mut cmd = Command::new(time);
    cmd.arg("-f").arg("%M").arg("-o").arg(rss_file.path());
    cmd.arg("prlimit").arg(format!("--as={}", limit_mib * 1024 * 1024)).arg("--");
    cmd.arg(program).args(args).current_dir(cwd);
    let mut outcome = run(cmd, timeout)?;
    let rss = std::fs::read_to_string(rss_file.path()).unwrap_or_default();
    // `time` writes "Command exited with non-zero status N" / "Command terminated by signal N" before the
    // number, and reports a child's signal as its own exit 128+N; recover the child's real status from it.
    for line in rss.lines() {
        let line = line.trim();
        if let Ok(kib) = line.parse::<u64>() {
            outcome.peak_rss_kib = Some(kib);
        } else if let Some(sig) = line.strip_prefix("Command terminated by signal ") {
            outcome.signal = sig.trim().parse().ok();
            outcome.code = None;
        }
    }
    Ok(outcome)
}

/// The problems with a run that must end cleanly (exit 0, or exit 1 with a message on stderr) within
/// `rss_limit_mib` of peak memory: a timeout, a signal, a panic, another exit code. Empty when it did.
pub fn crash_problems(o: &Outcome, rss_limit_mib: u64) -> Vec<String> {
    let mut p = Vec::new();
    let stderr = o.stderr_str();
    if o.timed_out {
        p.push(o.status_text());
    }
    if let Some(sig) = o.signal {
        p.push(format!("killed by signal {sig} (a stack overflow or an allocation failure aborts)"));
    }
    if o.code == Some(101) || stderr.contains("panicked") {
        p.push("panicked".into());
    }
    if !matches!(o.code, Some(0 | 1)) && o.signal.is_none() && !o.timed_out {
        p.push(format!("exit code {:?}, expected 0 or 1", o.code));
    }
    if o.code == Some(1) && stderr.trim().is_empty() {
        p.push("exit 1 with nothing on stderr".into());
    }
    match o.peak_rss_kib {
        Some(kib) if kib > rss_limit_mib * 1024 => p.push(format!("peak RSS {} MiB > {rss_limit_mib} MiB", kib / 1024)),
        None => p.push("peak RSS not measured".into()),
        _ => {}
    }
    if !p.is_empty() {
        let tail: String = stderr.lines().rev().take(5).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join("\n");
        p.push(format!("stderr ends with:\n{tail}"));
    }
    p
}
