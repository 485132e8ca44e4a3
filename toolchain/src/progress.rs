//! Progress reporting as events: the library never prints; the CLI renders these with indicatif.
//!
//! Events arrive in this order for each operation: one [`ProgressEvent::Started`], then any number of
//! [`ProgressEvent::Item`] events (from several threads during a parallel build, in no fixed order), then one
//! [`ProgressEvent::Finished`]. Operations do not nest, except that a ROMFS or freeze run first performs a
//! [`Operation::Compile`].

use serde::Serialize;

/// A long-running step of a build.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Operation {
    /// Walking the project and evaluating manifests.
    Discover,
    /// Compiling sources to `.mpy` (parallel).
    Compile,
    /// Writing the output tree.
    Write,
    /// Assembling a ROMFS image.
    Romfs,
    /// Generating frozen-module C source.
    Freeze,
    /// Assembling a firmware image (`mpbuild image`): one item per step.
    Image,
    /// Downloading a firmware file (total in bytes, one item per received piece).
    Download,
}

/// What happened to one file during an operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemStatus {
    /// Compiled now.
    Compiled,
    /// Taken from the content-hash cache.
    Cached,
    /// Copied verbatim (entry scripts, data files).
    Copied,
    /// Written to the output tree.
    Written,
    /// Left alone because the output already had exactly these bytes.
    Unchanged,
    /// Failed; the error is in the operation's result.
    Failed,
}

/// One progress event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum ProgressEvent {
    Started { op: Operation, total: u64 },
    Item { op: Operation, name: String, status: ItemStatus },
    Finished { op: Operation },
}

/// A receiver of progress events. It must be `Sync` because compilation reports from worker threads.
pub trait Progress: Sync {
    fn event(&self, event: ProgressEvent);
}

/// Discards every event.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn event(&self, _event: ProgressEvent) {}
}

impl<F: Fn(ProgressEvent) + Sync> Progress for F {
    fn event(&self, event: ProgressEvent) {
        self(event);
    }
}

/// Collects events in memory (tests and `--json` reports).
#[derive(Debug, Default)]
pub struct Recorder(pub std::sync::Mutex<Vec<ProgressEvent>>);

impl Progress for Recorder {
    fn event(&self, event: ProgressEvent) {
        if let Ok(mut v) = self.0.lock() {
            v.push(event);
        }
    }
}

impl Recorder {
    /// The events received so far.
    pub fn events(&self) -> Vec<ProgressEvent> {
        self.0.lock().map(|v| v.clone()).unwrap_or_default()
    }
}
