//! Fault injection between the host and the real MicroPython VM: the link is cut at random points during
//! 100 transfers, and afterwards every file on the board must be exactly its old or its new version
//! (SHA-256), never partial, and the next deploy must finish the job. Garbled and dropped bytes must give a
//! clear error within a bounded time, never a hang, and leave the board recoverable.

#[path = "common/board.rs"]
mod board;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use board::{Faults, VmBoard};
use mpbuild::deploy::codec::sha256_hex;
use mpbuild::deploy::fs::{Board, TMP_SUFFIX};
use mpbuild::deploy::ignore::Ignore;
use mpbuild::deploy::progress::NoProgress;
use mpbuild::deploy::sync::{self, LocalFile, SyncOptions};
use mpbuild::deploy::{self, ConnectOptions, DeployError};

/// Faulty links get a short timeout (they are expected to fail); clean links a generous one, so a loaded
/// machine does not make the recovery deploys flaky.
fn opts(port: &str, faulty: bool) -> ConnectOptions {
    let timeout = if faulty { Duration::from_millis(2500) } else { Duration::from_secs(15) };
    ConnectOptions { port: Some(port.to_string()), timeout, ..ConnectOptions::default() }
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Version `v` of a small project: text modules, a binary blob spanning several chunks, a file that only
/// odd versions have (so deletes happen too).
fn version(v: u64) -> Vec<LocalFile> {
    let mut files = vec![
        LocalFile { rel: "main.py".into(), data: format!("VERSION = {v}\nprint('v', VERSION)\n").into_bytes() },
        LocalFile { rel: "lib/util.py".into(), data: format!("def f(x):\n    return x + {v}\n").repeat(200).into_bytes() },
        LocalFile { rel: "lib/blob.bin".into(), data: (0..40_000u64).map(|i| ((i * 2654435761 + v * 97) >> 7) as u8).collect() },
        LocalFile { rel: "data/table.txt".into(), data: format!("{v},").repeat(3000).into_bytes() },
    ];
    if v % 2 == 1 {
        files.push(LocalFile { rel: "extra.py".into(), data: format!("X = {v}\n").into_bytes() });
    }
    files
}

fn sync_opts() -> SyncOptions {
    SyncOptions { delete: true, ignore: Ignore::default(), ..SyncOptions::default() }
}

/// Every file on the board (a directory on this machine), relative path → SHA-256.
fn board_files(root: &Path) -> BTreeMap<String, String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, String>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                out.insert(rel, sha256_hex(&std::fs::read(&p).unwrap()));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

fn hashes(files: &[LocalFile]) -> BTreeMap<String, String> {
    files.iter().map(|f| (f.rel.clone(), sha256_hex(&f.data))).collect()
}

/// What one check saw: board files (SHA-256) equal to their old version, to their new version, and
/// temporaries left by an interrupted write (never a real file).
#[derive(Default, Debug, Clone, Copy)]
struct Seen {
    old: usize,
    new: usize,
    temporaries: usize,
}

/// Each board file is its old or its new version (temporaries aside, which sync removes).
fn check_old_or_new(fs: &Path, old: &BTreeMap<String, String>, new: &BTreeMap<String, String>, round: u64) -> Seen {
    let mut seen = Seen::default();
    for (path, h) in board_files(fs) {
        if path.ends_with(TMP_SUFFIX) {
            seen.temporaries += 1;
            continue;
        }
        if new.get(&path) == Some(&h) {
            seen.new += 1;
        } else if old.get(&path) == Some(&h) {
            seen.old += 1;
        } else {
            panic!("round {round}: {path} on the board is neither its old nor its new version (SHA-256 {h})");
        }
    }
    // A file both versions have is never missing.
    for path in old.keys().filter(|p| new.contains_key(*p)) {
        assert!(fs.join(path).is_file(), "round {round}: {path} disappeared");
    }
    seen
}

/// Prints past the test harness's capture, so `cargo test` shows the counts.
fn show(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

fn deploy(b: &mut VmBoard, files: &[LocalFile], faults: Faults) -> Result<(), DeployError> {
    let faulty = faults.cut_after_host_bytes.is_some() || faults.garble > 0.0 || faults.drop > 0.0 || faults.mute_board;
    let port = b.connect(faults);
    let mut t = deploy::connect(&opts(&port, faulty))?;
    let mut board = Board::new(&mut t);
    sync::sync(&mut board, files, &sync_opts(), &NoProgress).map(|_| ())
}

#[test]
fn link_cut_at_random_points_during_100_transfers() {
    let mut b = VmBoard::start();
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let v0 = version(0);
    deploy(&mut b, &v0, Faults::default()).unwrap();
    assert_eq!(board_files(&b.fs), hashes(&v0));
    // A full transfer of one version is about this many bytes from the host (measured once).
    let port = b.connect(Faults::default());
    drop(port);
    let probe = version(1);
    deploy(&mut b, &probe, Faults::default()).unwrap();
    let full = b.relay.as_ref().map_or(60_000, |r| r.host_bytes.load(std::sync::atomic::Ordering::SeqCst)).max(1000);
    let mut current = probe;
    let mut cut_count = 0;
    let (mut total, mut mixed_rounds) = (Seen::default(), 0);
    let start = Instant::now();
    for round in 2..102u64 {
        let next = version(round);
        let cut_at = rng.below(full + full / 4);
        let t0 = Instant::now();
        let r = deploy(&mut b, &next, Faults { cut_after_host_bytes: Some(cut_at), ..Faults::default() });
        assert!(t0.elapsed() < Duration::from_secs(20), "round {round}: a cut link took {:?} to report", t0.elapsed());
        match &r {
            Ok(()) => {}
            Err(e) => {
                cut_count += 1;
                assert!(matches!(e, DeployError::Disconnected { .. } | DeployError::Timeout { .. }), "round {round}: unexpected error {e}");
            }
        }
        assert!(b.alive(), "round {round}: the VM died");
        let seen = check_old_or_new(&b.fs, &hashes(&current), &hashes(&next), round);
        total.old += seen.old;
        total.new += seen.new;
        total.temporaries += seen.temporaries;
        if seen.old > 0 && seen.new > 0 {
            mixed_rounds += 1;
        }
        // The next deploy (a clean link) recovers: the board holds exactly the new version.
        deploy(&mut b, &next, Faults::default()).unwrap_or_else(|e| panic!("round {round}: recovery failed: {e}"));
        assert_eq!(board_files(&b.fs), hashes(&next), "round {round}: recovery left the board different");
        current = next;
    }
    show(&format!(
        "fault injection: 100 transfers, link cut at a random point; {cut_count} cut mid-transfer, {} completed before the cut; \
         board files after the cuts (SHA-256): {} old, {} new, 0 partial ({} rounds had old and new files side by side; \
         {} temporaries of interrupted writes, never a real file); 100 of 100 recovery deploys left exactly the new version; {:.1} s",
        100 - cut_count,
        total.old,
        total.new,
        mixed_rounds,
        total.temporaries,
        start.elapsed().as_secs_f64()
    ));
    assert!(cut_count >= 50, "only {cut_count} of 100 transfers were actually cut");
    assert!(start.elapsed() < Duration::from_secs(240));
}

#[test]
fn garbage_and_dropped_bytes_give_clear_errors_not_hangs() {
    let mut b = VmBoard::start();
    let v0 = version(0);
    deploy(&mut b, &v0, Faults::default()).unwrap();
    let mut current = v0;
    let cases = [
        Faults { garble: 0.002, seed: 1, ..Faults::default() },
        Faults { garble: 0.02, seed: 2, ..Faults::default() },
        Faults { drop: 0.002, seed: 3, ..Faults::default() },
        Faults { drop: 0.02, seed: 4, ..Faults::default() },
        Faults { garble: 0.01, drop: 0.01, seed: 5, ..Faults::default() },
        Faults { garble: 1.0, seed: 6, ..Faults::default() },
    ];
    let mut failures = 0;
    for (i, f) in cases.iter().enumerate() {
        let next = version(10 + i as u64);
        let t0 = Instant::now();
        let r = deploy(&mut b, &next, f.clone());
        assert!(t0.elapsed() < Duration::from_secs(40), "case {i}: took {:?}", t0.elapsed());
        if let Err(e) = &r {
            failures += 1;
            let clear = e.is_link_failure()
                || matches!(e, DeployError::Verify { .. } | DeployError::Exception { .. } | DeployError::DeviceFs { .. });
            assert!(clear, "case {i}: unclear error {e:?}");
            let text = e.to_string();
            assert!(!text.is_empty() && !text.ends_with('.'), "case {i}: {text}");
        }
        let seen = check_old_or_new(&b.fs, &hashes(&current), &hashes(&next), i as u64);
        show(&format!(
            "corrupted link case {i} ({f:?}): {}; board after it: {} old, {} new, 0 partial",
            r.as_ref().map_or_else(|e| format!("failed with {e}"), |()| "completed".to_string()),
            seen.old,
            seen.new
        ));
        deploy(&mut b, &next, Faults::default()).unwrap_or_else(|e| panic!("case {i}: recovery failed: {e}"));
        assert_eq!(board_files(&b.fs), hashes(&next));
        current = next;
    }
    assert!(failures >= 4, "only {failures} of {} corrupted links failed", cases.len());
}
