//! Fault injection beyond cut links (those are `deploy_faults.rs`): 100 deploys to the real MicroPython VM,
//! each with one injected fault: bytes duplicated, garbled or dropped (host→board and board→host), the board
//! going mute, or the board process killed mid-transfer and started again on the same filesystem. After
//! every faulty deploy each board file must be exactly its old or its new version (SHA-256), never partial;
//! a failure must be a clear error within a bounded time; and the next clean deploy must leave exactly the
//! new version.

#[path = "common/board.rs"]
mod board;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use board::{Faults, VmBoard};
use mpbuild::deploy::codec::sha256_hex;
use mpbuild::deploy::fs::{Board, TMP_SUFFIX};
use mpbuild::deploy::ignore::Ignore;
use mpbuild::deploy::progress::NoProgress;
use mpbuild::deploy::sync::{self, LocalFile, SyncOptions};
use mpbuild::deploy::{self, ConnectOptions, DeployError};

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

/// Version `v` of a small project (every file changes between versions; `extra.py` only in odd ones).
fn version(v: u64) -> Vec<LocalFile> {
    let mut files = vec![
        LocalFile { rel: "main.py".into(), data: format!("VERSION = {v}\nprint('v', VERSION)\n").into_bytes() },
        LocalFile { rel: "lib/util.py".into(), data: format!("def f(x):\n    return x + {v}\n").repeat(60).into_bytes() },
        LocalFile { rel: "lib/blob.bin".into(), data: (0..6_000u64).map(|i| ((i * 2654435761 + v * 97) >> 7) as u8).collect() },
    ];
    if v % 2 == 1 {
        files.push(LocalFile { rel: "extra.py".into(), data: format!("X = {v}\n").into_bytes() });
    }
    files
}

fn hashes(files: &[LocalFile]) -> BTreeMap<String, String> {
    files.iter().map(|f| (f.rel.clone(), sha256_hex(&f.data))).collect()
}

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

/// Each board file is its old or its new version; a file both versions have is never missing.
fn check_old_or_new(fs: &Path, old: &BTreeMap<String, String>, new: &BTreeMap<String, String>, what: &str) {
    for (path, h) in board_files(fs) {
        if path.ends_with(TMP_SUFFIX) {
            continue;
        }
        let ok = old.get(&path) == Some(&h) || new.get(&path) == Some(&h);
        assert!(ok, "{what}: {path} on the board is neither its old nor its new version (partial or corrupted)");
    }
    for path in old.keys().filter(|p| new.contains_key(*p)) {
        assert!(fs.join(path).is_file(), "{what}: {path} disappeared");
    }
}

fn deploy(b: &mut VmBoard, files: &[LocalFile], faults: Faults, faulty: bool) -> Result<(), DeployError> {
    let port = b.connect(faults);
    let timeout = if faulty { Duration::from_millis(2500) } else { Duration::from_secs(15) };
    let mut t = deploy::connect(&ConnectOptions { port: Some(port), timeout, ..ConnectOptions::default() })?;
    let mut board = Board::new(&mut t);
    let opts = SyncOptions { delete: true, ignore: Ignore::default(), ..SyncOptions::default() };
    sync::sync(&mut board, files, &opts, &NoProgress).map(|_| ())
}

/// The fault of round `i`: the kind cycles, the strength and seed vary.
fn fault(i: u64, rng: &mut Rng) -> (String, Faults, bool) {
    let seed = rng.next();
    let p = [0.001, 0.005, 0.02, 0.1][rng.below(4) as usize];
    match i % 5 {
        0 => (format!("duplicated bytes (p={p})"), Faults { duplicate: p, seed, ..Faults::default() }, false),
        1 => (format!("garbled bytes (p={p})"), Faults { garble: p, seed, ..Faults::default() }, false),
        2 => (format!("dropped bytes (p={p})"), Faults { drop: p, seed, ..Faults::default() }, false),
        3 => ("board killed mid-transfer".to_string(), Faults::default(), true),
        _ => {
            let q = p / 2.0;
            (format!("duplicated, garbled and dropped bytes (p={q})"), Faults { duplicate: q, garble: q, drop: q, seed, ..Faults::default() }, false)
        }
    }
}

#[test]
fn one_hundred_faults_leave_every_file_old_or_new() {
    let fs = tempfile::tempdir().expect("temp dir");
    let mut b = VmBoard::start_in(fs.path());
    let mut rng = Rng(0xfa17_5eed_0000_0042);
    let mut current = version(0);
    deploy(&mut b, &current, Faults::default(), false).expect("first deploy");
    assert_eq!(board_files(fs.path()), hashes(&current));
    // About how many bytes the host sends for one version (for choosing when to kill the board).
    let full = b.relay.as_ref().map_or(20_000, |r| r.host_bytes.load(Ordering::SeqCst)).max(1000);
    let (mut failed, mut kills, mut injected_rounds, mut injected_bytes) = (0, 0, 0, 0);
    let start = Instant::now();
    for i in 0..100u64 {
        let next = version(i + 1);
        let (what, faults, kill) = fault(i, &mut rng);
        let what = format!("round {i} ({what})");
        let t0 = Instant::now();
        let r = if kill {
            // A watcher kills the VM once the host has sent `at` bytes of this deploy (within the first half of
            // what a deploy sends, so every kill round kills).
            let at = 100 + rng.below(full / 2);
            let pid = b.pid();
            let done = Arc::new(AtomicBool::new(false));
            let port = b.connect(Faults::default());
            let counter = b.relay.as_ref().expect("relay").host_bytes.clone();
            let watcher = {
                let done = done.clone();
                std::thread::spawn(move || {
                    while !done.load(Ordering::SeqCst) {
                        if counter.load(Ordering::SeqCst) >= at {
                            let _ = rustix::process::kill_process(
                                rustix::process::Pid::from_raw(pid as i32).expect("pid"),
                                rustix::process::Signal::KILL,
                            );
                            return true;
                        }
                        std::thread::sleep(Duration::from_millis(1));
                    }
                    false
                })
            };
            let r = (|| {
                let mut t = deploy::connect(&ConnectOptions { port: Some(port), timeout: Duration::from_millis(2500), ..ConnectOptions::default() })?;
                let mut board = Board::new(&mut t);
                let opts = SyncOptions { delete: true, ignore: Ignore::default(), ..SyncOptions::default() };
                sync::sync(&mut board, &next, &opts, &NoProgress).map(|_| ())
            })();
            done.store(true, Ordering::SeqCst);
            if watcher.join().expect("watcher") {
                kills += 1;
                injected_rounds += 1;
                assert!(r.is_err(), "{what}: a deploy to a killed board succeeded");
            }
            // The board comes back (power cycle) on the same filesystem.
            drop(std::mem::replace(&mut b, VmBoard::start_in(fs.path())));
            r
        } else {
            let r = deploy(&mut b, &next, faults, true);
            let n = b.relay.as_ref().expect("relay").injected.load(Ordering::SeqCst);
            if n > 0 {
                injected_rounds += 1;
                injected_bytes += n;
            }
            r
        };
        assert!(t0.elapsed() < Duration::from_secs(60), "{what}: took {:?} to end", t0.elapsed());
        if let Err(e) = &r {
            failed += 1;
            let clear = e.is_link_failure() || matches!(e, DeployError::Verify { .. } | DeployError::Exception { .. } | DeployError::DeviceFs { .. });
            assert!(clear, "{what}: unclear error {e:?}");
            assert!(!e.to_string().is_empty(), "{what}: empty error message");
        }
        check_old_or_new(fs.path(), &hashes(&current), &hashes(&next), &what);
        deploy(&mut b, &next, Faults::default(), false).unwrap_or_else(|e| panic!("{what}: recovery failed: {e}"));
        assert_eq!(board_files(fs.path()), hashes(&next), "{what}: recovery left the board different");
        current = next;
    }
    eprintln!(
        "deploy link faults: 100 faulty deploys in {:.0}s, {injected_rounds} with a fault injected ({kills} boards killed mid-transfer, {injected_bytes} bytes dropped, garbled or duplicated in the others), {failed} failed with a clear error; every board file old or new (SHA-256), none partial",
        start.elapsed().as_secs_f64()
    );
    assert_eq!(kills, 20, "only {kills} of 20 kill rounds killed the board mid-transfer");
    assert_eq!(injected_rounds, 100, "only {injected_rounds} of 100 rounds had a fault injected");
    assert!(failed >= 30, "only {failed} of 100 faulty deploys failed: the faults were not injected");
}
