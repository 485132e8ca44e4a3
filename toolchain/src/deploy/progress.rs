//! Progress of transfers and flashing, as events (the library never prints; the CLI draws bars, an editor
//! can forward them).
//!
//! For each operation: one [`DeployEvent::Started`] with the total in bytes, then [`DeployEvent::Advanced`]
//! with the bytes done so far (non-decreasing) and [`DeployEvent::Item`] per file, then one
//! [`DeployEvent::Finished`]. Operations run one after another.

use serde::Serialize;

/// A long step of a deploy or flash.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeployOp {
    /// Listing and hashing the board's files.
    Scan,
    /// Writing files to the board.
    Upload,
    /// Reading files from the board.
    Download,
    /// Removing files from the board.
    Delete,
    /// Erasing flash.
    Erase,
    /// Writing flash.
    Program,
    /// Reading flash back to check it.
    Verify,
}

impl DeployOp {
    /// A short label for a progress bar.
    pub fn label(self) -> &'static str {
        match self {
            DeployOp::Scan => "scanning",
            DeployOp::Upload => "uploading",
            DeployOp::Download => "reading",
            DeployOp::Delete => "deleting",
            DeployOp::Erase => "erasing",
            DeployOp::Program => "writing",
            DeployOp::Verify => "verifying",
        }
    }
}

/// One progress event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum DeployEvent {
    Started { op: DeployOp, total: u64, label: String },
    Advanced { op: DeployOp, done: u64 },
    Item { op: DeployOp, path: String, action: String },
    Finished { op: DeployOp },
}

/// A receiver of deploy events.
pub trait DeployProgress {
    fn event(&self, event: DeployEvent);
}

/// Discards events.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoProgress;

impl DeployProgress for NoProgress {
    fn event(&self, _event: DeployEvent) {}
}

impl<F: Fn(DeployEvent)> DeployProgress for F {
    fn event(&self, event: DeployEvent) {
        self(event);
    }
}

/// Keeps every event (tests, `--json`).
#[derive(Debug, Default)]
pub struct Recorder(pub std::sync::Mutex<Vec<DeployEvent>>);

impl DeployProgress for Recorder {
    fn event(&self, event: DeployEvent) {
        if let Ok(mut v) = self.0.lock() {
            v.push(event);
        }
    }
}

impl Recorder {
    /// The events so far.
    pub fn events(&self) -> Vec<DeployEvent> {
        self.0.lock().map(|v| v.clone()).unwrap_or_default()
    }
}
