//! `mpbuild profile [--port PORT | --local] ENTRY`: run the program instrumented by our compiler and print
//! where the time goes: a table sorted by self time with shares, suggestions for the hottest functions,
//! a flame graph (SVG) and the stored profile the editor shows (`.mpbuild/profile.json`). The program's
//! own output is printed unchanged as it comes (on stderr with `--json`, where stdout is the JSON).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;

use super::connect::{ctrl_c_flag, ConnectArgs, TransferBars};
use super::{Global, Out};
use crate::config;
use crate::profile::{flame, hints, instrument, report, run, store};
use crate::project::Project;

#[derive(Debug, clap::Args)]
pub struct Cmd {
    /// The program's entry script (its project is found from its directory upwards).
    pub entry: PathBuf,
    /// Run on the local MicroPython VM instead of a board.
    #[arg(long, conflicts_with = "port")]
    pub local: bool,
    /// The local VM (default: MICROPYTHON, else `micropython` on PATH).
    #[arg(long, value_name = "PATH")]
    pub micropython: Option<PathBuf>,
    #[command(flatten)]
    pub connect: ConnectArgs,
    /// Where to write the flame graph (default: .mpbuild/profile.svg in the project).
    #[arg(long, value_name = "PATH")]
    pub svg: Option<PathBuf>,
    /// Do not store the profile for the editor.
    #[arg(long)]
    pub no_store: bool,
    /// Rows of the table.
    #[arg(long, default_value_t = 20)]
    pub top: usize,
}

/// Finds the project of `entry` and the entry's path relative to its root.
fn project_of(entry: &Path) -> anyhow::Result<(Project, String)> {
    let abs = crate::fsutil::absolute(entry);
    anyhow::ensure!(abs.is_file(), "{} is not a file", entry.display());
    let dir = abs.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
    let (root, cfg, src) = match config::discover(&dir) {
        Ok(found) => found,
        Err(crate::Error::ConfigNotFound { .. }) => config::load(&dir)?,
        Err(e) => return Err(e.into()),
    };
    let project = Project::from_config(&root, cfg, src)?;
    let rel = abs
        .strip_prefix(&project.root)
        .with_context(|| format!("{} is outside its project {}", abs.display(), project.root.display()))?
        .to_string_lossy()
        .replace('\\', "/");
    Ok((project, rel))
}

fn find_micropython(given: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(p) = given {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os("MICROPYTHON").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    if let Some(paths) = std::env::var_os("PATH") {
        for d in std::env::split_paths(&paths) {
            let p = d.join("micropython");
            if p.is_file() {
                return Ok(p);
            }
        }
    }
    anyhow::bail!("no MicroPython VM for --local: pass --micropython PATH or set MICROPYTHON (the unix port's `micropython`)")
}

impl Cmd {
    pub fn run(self, _g: &Global, out: &Out) -> anyhow::Result<()> {
        let (project, entry) = project_of(&self.entry)?;
        let ins = instrument::instrument(&project, &entry)?;
        let json = out.json;
        // A board ends lines with `\r\n`: print `\n` as `mpbuild run` does (a `\r` at a chunk's end waits).
        let crlf = !self.local;
        let mut pending_cr = false;
        let mut sink = move |b: &[u8]| {
            let mut buf = Vec::with_capacity(b.len() + 1);
            for &c in b {
                if pending_cr {
                    pending_cr = false;
                    if c != b'\n' {
                        buf.push(b'\r');
                    }
                }
                if crlf && c == b'\r' {
                    pending_cr = true;
                } else {
                    buf.push(c);
                }
            }
            if json {
                let _ = std::io::stderr().write_all(&buf);
            } else {
                let mut o = std::io::stdout().lock();
                let _ = o.write_all(&buf);
                let _ = o.flush();
            }
        };
        let (outcome, ran_on) = if self.local {
            let exe = find_micropython(self.micropython.as_deref())?;
            (run::run_local(&ins, &exe, &project.root, &mut sink)?, "local".to_string())
        } else {
            let mut t = self.connect.open(Some(&project))?;
            t.interrupt = Some(ctrl_c_flag());
            let bars = TransferBars::new(out);
            let port = t.port().to_string();
            (run::run_board(&ins, &mut t, &bars, &mut sink)?, port)
        };
        if outcome.traceback_on_stdout {
            sink(outcome.traceback.as_bytes());
        } else if !outcome.traceback.is_empty() {
            eprint!("{}", outcome.traceback);
        }
        let Some(raw) = &outcome.raw else {
            let why = outcome.block_error.clone().unwrap_or_else(|| "the profiler printed no report (the program was cut off or the board reset)".into());
            anyhow::bail!("no profile: {why}");
        };
        let profile = report::build(raw, &ins.functions);
        let opts = project.compile_options(
            &crate::project::Unit {
                rel: entry.clone(),
                abs: project.path(&entry),
                out: String::new(),
                action: crate::project::Action::Compile,
                emit: mpy_vm::EmitOpt::Bytecode,
                opt: 0,
                version: None,
            },
            "",
        );
        let hot = hints::for_hot(&profile.functions, &ins.sources, &opts);
        let svg_path = self.svg.clone().unwrap_or_else(|| project.root.join(store::PROFILE_SVG));
        let svg = flame::svg(&profile.collapsed, &format!("mpbuild profile {entry} ({ran_on})")).map_err(|e| anyhow::anyhow!("flame graph: {e}"))?;
        crate::fsutil::write_atomic(&svg_path, &svg)?;
        let created = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let stored = store::Stored { version: 1, entry: &entry, ran_on: &ran_on, created, profile: &profile, hints: &hot };
        let stored_path = if self.no_store { None } else { Some(store::save(&project.root, &stored)?) };

        if out.json {
            let mut v = serde_json::to_value(&stored)?;
            v["svg"] = serde_json::Value::String(svg_path.display().to_string());
            v["exception"] = outcome.exception.clone().map_or(serde_json::Value::Null, serde_json::Value::String);
            out.json(&v);
        } else if !out.quiet {
            print_table(&profile, &ran_on, &entry, self.top);
            print_hints(&hot, &ins.functions);
            for w in &profile.warnings {
                eprintln!("warning: {w}");
            }
            println!("flame graph: {}", svg_path.display());
            if let Some(p) = stored_path {
                println!("profile stored for the editor: {}", p.display());
            }
        }
        if let Some(ex) = outcome.exception {
            anyhow::bail!(super::run::ProgramFailed { exception: ex });
        }
        Ok(())
    }
}

fn ms(us: f64) -> String {
    format!("{:.3}", us / 1000.0)
}

fn print_table(p: &report::Profile, ran_on: &str, entry: &str, top: usize) {
    println!();
    println!(
        "profile of {entry} ({ran_on}): {} ms of program time; the instrumented run took {} ms ({} activations, {:.2} µs each subtracted)",
        ms(p.total_us),
        ms(p.run_us),
        p.overhead.activations,
        p.overhead.per_call_us
    );
    println!("{:>11} {:>7} {:>11} {:>9}  function", "self ms", "share", "total ms", "calls");
    for f in p.functions.iter().take(top) {
        let calls = if f.kind == "generator" { format!("{}r", f.calls) } else { f.calls.to_string() };
        println!("{:>11} {:>6.1}% {:>11} {:>9}  {}  ({}:{})", ms(f.self_us), f.self_share, ms(f.total_us), calls, f.name, f.file, f.line);
    }
    if p.functions.len() > top {
        println!("  ... {} more (--top N)", p.functions.len() - top);
    }
    if p.functions.iter().any(|f| f.kind == "generator") {
        println!("  (r: a generator's calls are its resumes)");
    }
}

fn print_hints(hot: &[hints::FunctionHints], functions: &[instrument::FunctionInfo]) {
    let with: Vec<_> = hot.iter().filter(|h| !h.hints.is_empty()).collect();
    if with.is_empty() {
        return;
    }
    println!();
    println!("suggestions for the hottest functions:");
    for h in with {
        let file = functions.iter().find(|f| f.name == h.name).map_or("", |f| f.file.as_str());
        println!("  {} ({:.1} % self):", h.name, h.self_share);
        for x in &h.hints {
            println!("    {file}:{} {}: {}", x.line, x.code, x.message);
        }
    }
}
