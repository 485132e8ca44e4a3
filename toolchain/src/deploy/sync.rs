//! Mirroring a local tree (the built project) onto the board: one listing of the board's tree with SHA-256
//! of every file that could be unchanged, a plan (upload what differs, delete what is gone, leave ignored
//! paths alone), then the plan carried out with atomic verified writes. `--dry-run` stops after the plan.
//!
//! Order of work: stale temporaries and type conflicts are removed first, then directories are made, files
//! written (each atomically), and finally deleted files and emptied directories are removed, so an
//! interrupted sync leaves every file either old or new, and the next sync finishes the job.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use super::codec;
use super::error::{DeployError, Result};
use super::fs::{self, Board, RemoteEntry, Upload, TMP_SUFFIX};
use super::ignore::Ignore;
use super::progress::{DeployEvent, DeployOp, DeployProgress};

/// A file to mirror: its path relative to the tree's root (`/` separators) and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalFile {
    pub rel: String,
    pub data: Vec<u8>,
}

/// How to mirror.
#[derive(Clone, Debug, Default)]
pub struct SyncOptions {
    /// The destination directory on the board: `""` is its working directory (`/` on boards).
    pub dest: String,
    /// Delete board files under `dest` that are not in the local tree (mirror).
    pub delete: bool,
    /// Plan only.
    pub dry_run: bool,
    /// Upload even files whose hash matches.
    pub force: bool,
    /// Local prefix → destination-relative prefix (`"assets" → "www/static"`); longest prefix wins.
    pub map: Vec<(String, String)>,
    /// Paths (relative to `dest`) never uploaded nor deleted.
    pub ignore: Ignore,
    /// Board paths not to look into (other mounts); `/rom` and `/remote` are always skipped.
    pub skip: Vec<String>,
}

/// What a sync does (or, with `--dry-run`, would do). Paths are full board paths.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub upload: Vec<String>,
    /// Files whose hash (and size) match.
    pub unchanged: Vec<String>,
    pub delete_files: Vec<String>,
    /// Deepest first.
    pub delete_dirs: Vec<String>,
    /// Parents first.
    pub mkdir: Vec<String>,
    /// Temporaries left by an interrupted write.
    pub stale_temps: Vec<String>,
    /// Local files left out by the ignore rules.
    pub ignored: Vec<String>,
    /// Bytes to upload.
    pub upload_bytes: u64,
}

/// The result of a sync.
#[derive(Clone, Debug, Serialize)]
pub struct SyncReport {
    pub port: String,
    pub dest: String,
    pub dry_run: bool,
    pub plan: Plan,
    pub elapsed_ms: f64,
}

/// Reads every file under `dir` (sorted, `/`-separated relative paths).
pub fn local_tree(dir: &Path) -> Result<Vec<LocalFile>> {
    let mut out = Vec::new();
    walk_local(dir, dir, &mut out)?;
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(out)
}

fn walk_local(root: &Path, dir: &Path, out: &mut Vec<LocalFile>) -> Result<()> {
    let rd = std::fs::read_dir(dir).map_err(|e| DeployError::local("read", dir, e))?;
    for entry in rd {
        let entry = entry.map_err(|e| DeployError::local("read", dir, e))?;
        let path = entry.path();
        let ft = entry.file_type().map_err(|e| DeployError::local("read", &path, e))?;
        if ft.is_dir() {
            walk_local(root, &path, out)?;
        } else if ft.is_file() || (ft.is_symlink() && path.is_file()) {
            let Some(rel) = crate::fsutil::rel_slash(&path, root) else { continue };
            let data = std::fs::read(&path).map_err(|e| DeployError::local("read", &path, e))?;
            out.push(LocalFile { rel, data });
        }
    }
    Ok(())
}

/// Applies the path mapping to a local relative path: the destination-relative path.
pub fn map_path(rel: &str, map: &[(String, String)]) -> String {
    let mut best: Option<&(String, String)> = None;
    for m in map {
        let from = m.0.trim_matches('/');
        let hit = from.is_empty() || rel == from || rel.starts_with(&format!("{from}/"));
        if hit && best.is_none_or(|b| b.0.trim_matches('/').len() < from.len()) {
            best = Some(m);
        }
    }
    match best {
        None => rel.to_string(),
        Some((from, to)) => {
            let from = from.trim_matches('/');
            let rest = if from.is_empty() { rel } else { rel[from.len()..].trim_start_matches('/') };
            let to = to.trim_matches('/');
            match (to.is_empty(), rest.is_empty()) {
                (true, _) => rest.to_string(),
                (false, true) => to.to_string(),
                (false, false) => format!("{to}/{rest}"),
            }
        }
    }
}

/// The board path's part relative to `dest`, or `None` when it is not under it.
fn rel_to_dest<'a>(dest: &str, path: &'a str) -> Option<&'a str> {
    if dest.is_empty() {
        return Some(path);
    }
    let d = dest.trim_end_matches('/');
    if d.is_empty() {
        return path.strip_prefix('/');
    }
    path.strip_prefix(d)?.strip_prefix('/')
}

/// The local files keyed by full board path, with ignored ones listed apart.
fn mapped(local: &[LocalFile], opts: &SyncOptions) -> (BTreeMap<String, usize>, Vec<String>) {
    let mut files = BTreeMap::new();
    let mut ignored = Vec::new();
    for (i, f) in local.iter().enumerate() {
        let rel = map_path(&f.rel, &opts.map);
        if opts.ignore.is_ignored(&rel, false) {
            ignored.push(fs::join(&opts.dest, &rel));
            continue;
        }
        files.insert(fs::join(&opts.dest, &rel), i);
    }
    (files, ignored)
}

/// Works out what to do from the local tree and the board's listing.
pub fn plan(local: &[LocalFile], remote: &[RemoteEntry], opts: &SyncOptions) -> Result<Plan> {
    let (files, ignored) = mapped(local, opts);
    let remote_by_path: BTreeMap<&str, &RemoteEntry> = remote.iter().map(|e| (e.path.as_str(), e)).collect();
    let mut p = Plan { ignored, ..Plan::default() };

    // Directories the local files need.
    let mut needed_dirs = BTreeSet::new();
    for path in files.keys() {
        let mut d = fs::parent(path);
        while !d.is_empty() && d != "/" && d != opts.dest.trim_end_matches('/') && rel_to_dest(&opts.dest, d).is_some() {
            needed_dirs.insert(d.to_string());
            d = fs::parent(d);
        }
    }

    for e in remote {
        if e.path.ends_with(TMP_SUFFIX) && !e.is_dir {
            p.stale_temps.push(e.path.clone());
        }
    }

    for (path, &i) in &files {
        let f = &local[i];
        match remote_by_path.get(path.as_str()) {
            Some(r) if r.is_dir => {
                return Err(DeployError::usage(
                    format!(":{path} is a directory on the board but a file in the project"),
                    "remove the directory on the board (`mpbuild rm -r`) or rename the file",
                ));
            }
            Some(r) if !opts.force && r.size == f.data.len() as u64 && r.sha256.as_deref() == Some(codec::sha256_hex(&f.data).as_str()) => {
                p.unchanged.push(path.clone());
            }
            _ => {
                p.upload.push(path.clone());
                p.upload_bytes += f.data.len() as u64;
            }
        }
    }
    for d in &needed_dirs {
        match remote_by_path.get(d.as_str()) {
            Some(r) if r.is_dir => {}
            Some(_) => {
                return Err(DeployError::usage(
                    format!(":{d} is a file on the board but a directory in the project"),
                    "remove the file on the board (`mpbuild rm`) or rename the directory",
                ));
            }
            None => p.mkdir.push(d.clone()),
        }
    }
    p.mkdir.sort_by_key(|d| d.matches('/').count());

    if opts.delete {
        let mut kept_dirs: BTreeSet<String> = needed_dirs.clone();
        for e in remote.iter().filter(|e| !e.is_dir) {
            let Some(rel) = rel_to_dest(&opts.dest, &e.path) else { continue };
            if files.contains_key(&e.path) || e.path.ends_with(TMP_SUFFIX) {
                continue;
            }
            if opts.ignore.is_ignored(rel, false) {
                // Keep the directories holding an ignored file.
                let mut d = fs::parent(&e.path);
                while !d.is_empty() && d != "/" {
                    kept_dirs.insert(d.to_string());
                    d = fs::parent(d);
                }
                continue;
            }
            p.delete_files.push(e.path.clone());
        }
        for e in remote.iter().filter(|e| e.is_dir) {
            let Some(rel) = rel_to_dest(&opts.dest, &e.path) else { continue };
            if kept_dirs.contains(&e.path) || opts.ignore.is_ignored(rel, true) {
                // An ignored directory keeps its parents.
                let mut d = fs::parent(&e.path);
                while !d.is_empty() && d != "/" {
                    kept_dirs.insert(d.to_string());
                    d = fs::parent(d);
                }
                continue;
            }
        }
        for e in remote.iter().filter(|e| e.is_dir) {
            let Some(rel) = rel_to_dest(&opts.dest, &e.path) else { continue };
            if !kept_dirs.contains(&e.path) && !opts.ignore.is_ignored(rel, true) {
                p.delete_dirs.push(e.path.clone());
            }
        }
        p.delete_dirs.sort_by_key(|d| std::cmp::Reverse(d.matches('/').count()));
    }
    Ok(p)
}

/// Mirrors `local` onto the board.
pub fn sync(board: &mut Board<'_>, local: &[LocalFile], opts: &SyncOptions, progress: &dyn DeployProgress) -> Result<SyncReport> {
    let start = Instant::now();
    let port = board.transport().port().to_string();
    let (files, _) = mapped(local, opts);
    let candidates: BTreeMap<String, u64> = files.iter().map(|(p, &i)| (p.clone(), local[i].data.len() as u64)).collect();
    let mut skip = opts.skip.clone();
    for m in ["/rom", "/remote"] {
        skip.push(m.to_string());
        if opts.dest.is_empty() {
            skip.push(m.trim_start_matches('/').to_string());
        }
    }
    progress.event(DeployEvent::Started { op: DeployOp::Scan, total: candidates.len() as u64, label: "board".into() });
    let remote = match board.walk(&opts.dest, &candidates, &skip) {
        Ok(r) => r,
        // A destination that does not exist yet is empty.
        Err(DeployError::DeviceFs { errno: Some(2), .. }) if !opts.dest.is_empty() => Vec::new(),
        Err(e) => return Err(e),
    };
    progress.event(DeployEvent::Finished { op: DeployOp::Scan });
    let mut p = plan(local, &remote, opts)?;
    if !opts.dest.is_empty() && opts.dest != "/" && remote.is_empty() && !p.upload.is_empty() {
        // Make the destination itself (and its parents).
        let mut chain = Vec::new();
        let mut d = opts.dest.trim_end_matches('/').to_string();
        while !d.is_empty() && d != "/" {
            chain.push(d.clone());
            d = fs::parent(&d).to_string();
        }
        chain.reverse();
        chain.append(&mut p.mkdir);
        p.mkdir = chain;
    }
    let report = |p: Plan| SyncReport {
        port: port.clone(),
        dest: opts.dest.clone(),
        dry_run: opts.dry_run,
        plan: p,
        elapsed_ms: start.elapsed().as_secs_f64() * 1000.0,
    };
    if opts.dry_run {
        return Ok(report(p));
    }
    if !p.stale_temps.is_empty() {
        board.remove_files(&p.stale_temps)?;
    }
    if !p.mkdir.is_empty() {
        board.mkdirs(&p.mkdir)?;
    }
    if !p.upload.is_empty() {
        let uploads: Vec<Upload> = p
            .upload
            .iter()
            .filter_map(|path| files.get(path).map(|&i| Upload { path: path.clone(), data: local[i].data.clone() }))
            .collect();
        board.write_files(&uploads, progress)?;
    }
    if !p.delete_files.is_empty() || !p.delete_dirs.is_empty() {
        progress.event(DeployEvent::Started { op: DeployOp::Delete, total: (p.delete_files.len() + p.delete_dirs.len()) as u64, label: "board".into() });
        board.remove_files(&p.delete_files)?;
        board.remove_dirs(&p.delete_dirs)?;
        for path in p.delete_files.iter().chain(&p.delete_dirs) {
            progress.event(DeployEvent::Item { op: DeployOp::Delete, path: path.clone(), action: "delete".into() });
        }
        progress.event(DeployEvent::Finished { op: DeployOp::Delete });
    }
    Ok(report(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lf(rel: &str, data: &str) -> LocalFile {
        LocalFile { rel: rel.into(), data: data.as_bytes().to_vec() }
    }

    fn file(path: &str, data: &str) -> RemoteEntry {
        RemoteEntry { path: path.into(), is_dir: false, size: data.len() as u64, sha256: Some(codec::sha256_hex(data.as_bytes())) }
    }

    fn dir(path: &str) -> RemoteEntry {
        RemoteEntry { path: path.into(), is_dir: true, size: 0, sha256: None }
    }

    #[test]
    fn mapping_picks_the_longest_prefix() {
        let map = vec![("".to_string(), "app".to_string()), ("assets".to_string(), "www/static".to_string())];
        assert_eq!(map_path("main.py", &map), "app/main.py");
        assert_eq!(map_path("assets/a.css", &map), "www/static/a.css");
        assert_eq!(map_path("assetsx/a", &map), "app/assetsx/a");
        assert_eq!(map_path("x.py", &[]), "x.py");
    }

    #[test]
    fn plan_uploads_changes_and_mirrors_deletes() {
        let local = vec![lf("main.py", "print(1)"), lf("lib/a.mpy", "A"), lf("lib/new.mpy", "N")];
        let remote = vec![
            file("main.py", "print(1)"),
            dir("lib"),
            file("lib/a.mpy", "old"),
            file("lib/gone.mpy", "x"),
            dir("old"),
            file("old/x.py", "x"),
            file("data.csv", "1,2"),
            file("lib/a.mpy.mpbtmp", "partial"),
        ];
        let opts = SyncOptions { delete: true, ignore: Ignore::new(["*.csv"], "t").unwrap(), ..SyncOptions::default() };
        let p = plan(&local, &remote, &opts).unwrap();
        assert_eq!(p.unchanged, vec!["main.py"]);
        assert_eq!(p.upload, vec!["lib/a.mpy", "lib/new.mpy"]);
        assert_eq!(p.delete_files, vec!["lib/gone.mpy", "old/x.py"]);
        assert_eq!(p.delete_dirs, vec!["old"]);
        assert_eq!(p.stale_temps, vec!["lib/a.mpy.mpbtmp"]);
        assert!(p.mkdir.is_empty());
        let keep = SyncOptions { delete: false, ..opts };
        assert!(plan(&local, &remote, &keep).unwrap().delete_files.is_empty());
    }

    #[test]
    fn plan_makes_parents_first_and_keeps_dirs_of_ignored_files() {
        let local = vec![lf("a/b/c.py", "c")];
        let remote = vec![dir("keep"), file("keep/data.bin", "d"), dir("keep/empty")];
        let opts = SyncOptions { delete: true, ignore: Ignore::new(["*.bin"], "t").unwrap(), ..SyncOptions::default() };
        let p = plan(&local, &remote, &opts).unwrap();
        assert_eq!(p.mkdir, vec!["a", "a/b"]);
        assert_eq!(p.delete_dirs, vec!["keep/empty"]);
        assert!(p.delete_files.is_empty());
    }

    #[test]
    fn type_conflicts_are_errors() {
        let local = vec![lf("x", "file")];
        let remote = vec![dir("x")];
        assert!(plan(&local, &remote, &SyncOptions::default()).is_err());
    }

    #[test]
    fn dest_prefix_is_respected() {
        let local = vec![lf("main.py", "m")];
        let remote = vec![file("/app/old.py", "o"), file("/other.py", "x")];
        let opts = SyncOptions { dest: "/app".into(), delete: true, ..SyncOptions::default() };
        let p = plan(&local, &remote, &opts).unwrap();
        assert_eq!(p.upload, vec!["/app/main.py"]);
        assert_eq!(p.delete_files, vec!["/app/old.py"]);
    }
}
