//! Connection flags shared by the board verbs (`--port`, `--baud`, `--timeout`, `--no-raw-paste`), opening
//! the board, Ctrl-C forwarding, and progress bars for transfers.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use super::Out;
use crate::deploy::progress::{DeployEvent, DeployProgress};
use crate::deploy::{self, ConnectOptions, SerialBoard};
use crate::project::Project;

/// How to reach the board.
#[derive(Debug, Clone, clap::Args)]
pub struct ConnectArgs {
    /// Serial port of the board (default: MPBUILD_PORT, then [deploy] port, then the first USB board found).
    #[arg(short, long, value_name = "PORT")]
    pub port: Option<String>,
    /// Baud rate (UART boards; USB boards ignore it).
    #[arg(long, value_name = "BAUD")]
    pub baud: Option<u32>,
    /// Seconds the board may stay silent when it should answer.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    pub timeout: f64,
    /// Use the plain raw REPL instead of raw-paste (firmware before 1.14).
    #[arg(long)]
    pub no_raw_paste: bool,
}

impl ConnectArgs {
    /// The connection options, with `[deploy] port`/`baud` of `project` as defaults after the environment.
    pub fn options(&self, project: Option<&Project>) -> ConnectOptions {
        let cfg = project.map(|p| &p.config.deploy);
        let port = self
            .port
            .clone()
            .or_else(|| std::env::var(deploy::serial::PORT_ENV).ok().filter(|p| !p.is_empty()))
            .or_else(|| cfg.and_then(|c| c.port.clone()));
        ConnectOptions {
            port,
            baud: self.baud.or_else(|| cfg.and_then(|c| c.baud)).unwrap_or(deploy::serial::DEFAULT_BAUD),
            timeout: Duration::from_secs_f64(self.timeout.clamp(0.1, 3600.0)),
            no_raw_paste: self.no_raw_paste,
        }
    }

    /// Opens the board.
    pub fn open(&self, project: Option<&Project>) -> anyhow::Result<SerialBoard> {
        Ok(deploy::connect(&self.options(project))?)
    }
}

/// A flag set by Ctrl-C (installed once per process); a second Ctrl-C while the first is pending exits.
pub fn ctrl_c_flag() -> Arc<AtomicBool> {
    static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();
    FLAG.get_or_init(|| {
        let f = Arc::new(AtomicBool::new(false));
        let g = f.clone();
        let _ = ctrlc::set_handler(move || {
            if g.swap(true, Ordering::SeqCst) {
                eprintln!("\ninterrupted again: giving up on the board");
                std::process::exit(130);
            }
        });
        f
    })
    .clone()
}

/// Progress bars for transfers (stderr, only on a terminal and not in quiet or JSON mode).
#[derive(Debug)]
pub struct TransferBars {
    on: bool,
    verbose: bool,
    bar: Mutex<Option<ProgressBar>>,
}

impl TransferBars {
    pub fn new(out: &Out) -> TransferBars {
        TransferBars { on: !out.quiet && !out.json && std::io::stderr().is_terminal(), verbose: out.verbose > 0 && !out.json, bar: Mutex::new(None) }
    }
}

impl DeployProgress for TransferBars {
    fn event(&self, event: DeployEvent) {
        if let DeployEvent::Item { path, action, .. } = &event {
            if self.verbose {
                match self.bar.lock().ok().and_then(|b| b.clone()) {
                    Some(pb) => pb.println(format!("  {action} :{path}")),
                    None => eprintln!("  {action} :{path}"),
                }
            }
        }
        if !self.on {
            return;
        }
        let Ok(mut slot) = self.bar.lock() else { return };
        match event {
            DeployEvent::Started { op, total, .. } if total > 0 => {
                let pb = ProgressBar::new(total);
                let style = ProgressStyle::with_template("{msg:>10} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> ");
                pb.set_style(style);
                pb.set_message(op.label());
                *slot = Some(pb);
            }
            DeployEvent::Advanced { done, .. } => {
                if let Some(pb) = slot.as_ref() {
                    pb.set_position(done);
                }
            }
            DeployEvent::Finished { .. } => {
                if let Some(pb) = slot.take() {
                    pb.finish_and_clear();
                }
            }
            _ => {}
        }
    }
}

/// Strips the `:` that marks a board path.
pub fn board_path(s: &str) -> Option<&str> {
    s.strip_prefix(':')
}
