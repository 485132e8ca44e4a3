//! Output for people and for scripts: text or one JSON object, colour decided once (respecting `NO_COLOR`),
//! errors rendered by miette with their code and help line, and indicatif progress bars fed by the library's
//! progress events.

use std::io::{ErrorKind, IsTerminal, Write};
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressStyle};

use super::{Color, Global};
use crate::error::Error;
use crate::progress::{Operation, Progress, ProgressEvent};

/// Where and how to print.
#[derive(Debug)]
pub struct Out {
    pub json: bool,
    pub quiet: bool,
    pub verbose: u8,
    pub color: bool,
}

impl Out {
    pub fn new(g: &Global) -> Out {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match g.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => !no_color && std::io::stderr().is_terminal(),
        };
        console::set_colors_enabled(color);
        console::set_colors_enabled_stderr(color);
        let unicode = color;
        let _ = miette::set_hook(Box::new(move |_| {
            Box::new(miette::MietteHandlerOpts::new().color(color).unicode(unicode).build())
        }));
        quiet_on_closed_stdout();
        Out { json: g.json, quiet: g.quiet, verbose: g.verbose, color }
    }

    /// Prints a human line on stdout (not in quiet or JSON mode).
    pub fn line(&self, s: impl AsRef<str>) {
        if !self.quiet && !self.json {
            stdout_line(s.as_ref());
        }
    }

    /// Prints a line only with `-v`.
    pub fn detail(&self, s: impl AsRef<str>) {
        if self.verbose > 0 && !self.json {
            stdout_line(s.as_ref());
        }
    }

    /// Prints the JSON result (JSON mode only).
    pub fn json(&self, v: &serde_json::Value) {
        if self.json {
            stdout_line(&serde_json::to_string_pretty(v).unwrap_or_default());
        }
    }

    /// Bold green text when colour is on.
    pub fn good(&self, s: &str) -> String {
        if self.color {
            console::style(s).green().bold().to_string()
        } else {
            s.to_string()
        }
    }

    /// Reports a failure: `{"error": {...}}` on stdout in JSON mode, else every file error and a miette
    /// report on stderr.
    pub fn error(&self, e: &anyhow::Error) {
        let lib = e.downcast_ref::<Error>();
        if self.json {
            let v = match lib {
                Some(l) => l.to_json(),
                None => serde_json::json!({ "code": "mpbuild::error", "message": format!("{e:#}"), "help": null }),
            };
            // The command fails either way: a closed stdout must not turn the failure into a success.
            let text = serde_json::to_string_pretty(&serde_json::json!({ "ok": false, "error": v })).unwrap_or_default();
            let _ = try_stdout_write(format!("{text}\n").as_bytes());
            return;
        }
        if let Some(Error::Compile { errors }) = lib {
            for f in errors {
                let head = if self.color { console::style("error").red().bold().to_string() } else { "error".to_string() };
                eprintln!("{head}: {f}");
                if self.verbose > 0 && !f.rendered.is_empty() {
                    eprint!("{}", f.rendered);
                }
            }
        }
        match e.downcast_ref::<Error>() {
            Some(_) => {
                // Re-wrap to render through miette with code and help.
                let msg = format!("{e:#}");
                let report = match lib {
                    Some(l) => render(l),
                    None => msg,
                };
                eprintln!("{report}");
            }
            None => eprintln!("error: {e:#}"),
        }
    }

    /// Progress bars for the library's events (hidden when quiet, in JSON mode, or when stderr is no terminal).
    pub fn progress(&self) -> Bars {
        let on = !self.quiet && !self.json && std::io::stderr().is_terminal();
        Bars { on, bar: Mutex::new(None) }
    }
}

/// Writes `bytes` to stdout. A closed pipe (`mpbuild boards | head -1`) ends the process quietly with
/// success, as well-behaved command-line tools do, where `println!` would panic; any other failure to write
/// (a full disk behind a redirect) is reported on stderr and ends the process with status 1.
pub fn stdout_write(bytes: &[u8]) {
    if let Err(e) = try_stdout_write(bytes) {
        if e.kind() == ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        let _ = writeln!(std::io::stderr(), "error: cannot write to stdout: {e}");
        std::process::exit(1);
    }
}

/// A safety net for printing that does not go through [`stdout_write`] (`println!` panics when stdout is a
/// closed pipe): that panic ends the process quietly with success too, instead of printing a panic message.
fn quiet_on_closed_stdout() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if msg.starts_with("failed printing to stdout") && msg.contains("Broken pipe") {
            std::process::exit(0);
        }
        previous(info);
    }));
}

/// Writes and flushes `bytes` on stdout.
fn try_stdout_write(bytes: &[u8]) -> std::io::Result<()> {
    let mut o = std::io::stdout().lock();
    o.write_all(bytes)?;
    o.flush()
}

/// [`stdout_write`] of one line.
pub fn stdout_line(s: &str) {
    let mut line = String::with_capacity(s.len() + 1);
    line.push_str(s);
    line.push('\n');
    stdout_write(line.as_bytes());
}

fn render(e: &Error) -> String {
    let handler = miette::GraphicalReportHandler::new_themed(if console::colors_enabled_stderr() {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    });
    let mut s = String::new();
    if handler.render_report(&mut s, e).is_err() {
        s = format!("error[{}]: {e}\nhelp: {}", e.code_str(), e.help_str().unwrap_or_default());
    }
    s
}

/// indicatif bars driven by progress events.
#[derive(Debug)]
pub struct Bars {
    on: bool,
    bar: Mutex<Option<ProgressBar>>,
}

impl Progress for Bars {
    fn event(&self, event: ProgressEvent) {
        if !self.on {
            return;
        }
        let Ok(mut slot) = self.bar.lock() else { return };
        match event {
            ProgressEvent::Started { op, total } if total > 0 => {
                let pb = ProgressBar::new(total);
                let style = ProgressStyle::with_template("{spinner} {msg:>10} [{bar:30}] {pos}/{len} {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> ");
                pb.set_style(style);
                pb.set_message(match op {
                    Operation::Discover => "scanning",
                    Operation::Compile => "compiling",
                    Operation::Write => "writing",
                    Operation::Romfs => "romfs",
                    Operation::Freeze => "freezing",
                    Operation::Image => "image",
                    Operation::Download => "download",
                });
                *slot = Some(pb);
            }
            ProgressEvent::Item { .. } => {
                if let Some(pb) = slot.as_ref() {
                    pb.inc(1);
                }
            }
            ProgressEvent::Finished { .. } => {
                if let Some(pb) = slot.take() {
                    pb.finish_and_clear();
                }
            }
            ProgressEvent::Started { .. } => {}
        }
    }
}
