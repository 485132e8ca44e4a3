//! `--watch`: waits until a file of the project changes, by polling modification times (no platform
//! watcher needed; a project is small, so a scan every few hundred milliseconds is cheap). Bursts of saves
//! are gathered into one change.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

/// A snapshot: file → (modification time, size).
pub type Snapshot = BTreeMap<PathBuf, (Option<SystemTime>, u64)>;

/// Takes a snapshot of `root`, skipping directories named in `skip` (relative to `root`) and hidden ones.
pub fn snapshot(root: &Path, skip: &[PathBuf]) -> Snapshot {
    let mut out = Snapshot::new();
    scan(root, root, skip, &mut out);
    out
}

fn scan(root: &Path, dir: &Path, skip: &[PathBuf], out: &mut Snapshot) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let path = e.path();
        let name = e.file_name();
        if name.to_string_lossy().starts_with('.') && name != ".mpbuildignore" {
            continue;
        }
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_dir() {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            if skip.iter().any(|s| rel == s.as_path()) {
                continue;
            }
            scan(root, &path, skip, out);
        } else if let Ok(md) = e.metadata() {
            out.insert(path, (md.modified().ok(), md.len()));
        }
    }
}

/// The files added, removed or changed between two snapshots.
pub fn changes(old: &Snapshot, new: &Snapshot) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = new.iter().filter(|(p, v)| old.get(*p) != Some(*v)).map(|(p, _)| p.clone()).collect();
    out.extend(old.keys().filter(|p| !new.contains_key(*p)).cloned());
    out.sort();
    out
}

/// Blocks until something under `root` changes (then waits for `settle` of quiet), returning what changed
/// and the new snapshot. Returns `None` when `stop` is set.
pub fn wait(root: &Path, skip: &[PathBuf], since: &Snapshot, poll: Duration, settle: Duration, stop: &AtomicBool) -> Option<(Vec<PathBuf>, Snapshot)> {
    loop {
        if stop.load(Ordering::SeqCst) {
            return None;
        }
        std::thread::sleep(poll);
        let now = snapshot(root, skip);
        if changes(since, &now).is_empty() {
            continue;
        }
        // Let a burst of saves finish.
        let mut last = now;
        loop {
            if stop.load(Ordering::SeqCst) {
                return None;
            }
            std::thread::sleep(settle);
            let again = snapshot(root, skip);
            if changes(&last, &again).is_empty() {
                return Some((changes(since, &again), again));
            }
            last = again;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_are_seen_and_build_dirs_skipped() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("a.py"), "1").unwrap();
        std::fs::create_dir(d.path().join("build")).unwrap();
        std::fs::write(d.path().join("build/x.mpy"), "1").unwrap();
        let skip = vec![PathBuf::from("build")];
        let s0 = snapshot(d.path(), &skip);
        assert_eq!(s0.len(), 1);
        std::fs::write(d.path().join("build/x.mpy"), "22").unwrap();
        assert!(changes(&s0, &snapshot(d.path(), &skip)).is_empty());
        std::fs::write(d.path().join("a.py"), "22").unwrap();
        std::fs::write(d.path().join("b.py"), "1").unwrap();
        let stop = AtomicBool::new(false);
        let (ch, _) = wait(d.path(), &skip, &s0, Duration::from_millis(5), Duration::from_millis(5), &stop).unwrap();
        assert_eq!(ch, vec![d.path().join("a.py"), d.path().join("b.py")]);
    }
}
