//! ROMFS images: the read-only filesystem `vfs.VfsRom` mounts (`extmod/vfs_rom.c`), laid out exactly as
//! mpremote's `VfsRomWriter` lays it out, so that the same files give the same bytes.
//!
//! Format: every integer is a vuint (7-bit groups, most significant first, high bit = more). A record is
//! `vuint kind, vuint length, payload`. The image is one record of kind `0x14A6B1` (bytes `d2 cd 31`) whose
//! payload is the root directory's records; when the total length would be odd, the length vuint gets a
//! leading `0x80` (a zero group) so that the image length is even. A directory record (kind 4) holds
//! `vuint name_len, name, records`; a file record (kind 5) holds `vuint name_len, name` and one verbatim-data
//! record (kind 2). Entries are written in sorted name order, directories and files interleaved, as
//! mpremote's `sorted(os.listdir())` walk does.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use crate::build::{compile_units, Artifact, CompileSettings};
use crate::cache::Cache;
use crate::compiler::Compiler;
use crate::error::{Error, Result};
use crate::fsutil;
use crate::progress::{Operation, Progress, ProgressEvent};
use crate::project::Project;

const HEADER: [u8; 3] = [0xd2, 0xcd, 0x31];
const HEADER_KIND: u64 = 0x14A6B1;
const KIND_PADDING: u64 = 1;
const KIND_DATA_VERBATIM: u64 = 2;
const KIND_DATA_POINTER: u64 = 3;
const KIND_DIRECTORY: u64 = 4;
const KIND_FILE: u64 = 5;

fn put_uint(out: &mut Vec<u8>, v: u64) {
    let mut groups = vec![(v & 0x7f) as u8];
    let mut v = v >> 7;
    while v != 0 {
        groups.push(0x80 | (v & 0x7f) as u8);
        v >>= 7;
    }
    out.extend(groups.iter().rev());
}

fn pack(out: &mut Vec<u8>, kind: u64, payload: &[u8]) {
    put_uint(out, kind);
    put_uint(out, payload.len() as u64);
    out.extend_from_slice(payload);
}

enum Node {
    Dir(BTreeMap<String, Node>),
    File(Vec<u8>),
}

/// Builds an image from `(path, contents)` pairs (`/`-separated relative paths, ASCII names).
pub fn build_image(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>> {
    let mut root: BTreeMap<String, Node> = BTreeMap::new();
    for (path, data) in files {
        let parts: Vec<&str> = path.split('/').collect();
        if parts.iter().any(|p| p.is_empty() || *p == "." || *p == "..") {
            return Err(Error::BadName { name: path.clone(), reason: "not a plain relative path".to_string() });
        }
        if let Some(bad) = parts.iter().find(|p| !p.is_ascii()) {
            return Err(Error::BadName {
                name: path.clone(),
                reason: format!("`{bad}` is not ASCII, and ROMFS names are ASCII (as mpremote writes them)"),
            });
        }
        let mut dir = &mut root;
        for (i, part) in parts.iter().enumerate() {
            if i + 1 == parts.len() {
                if dir.insert((*part).to_string(), Node::File(data.clone())).is_some() {
                    return Err(Error::NameClash { module: path.clone(), first: path.clone(), second: path.clone() });
                }
            } else {
                let node = dir.entry((*part).to_string()).or_insert_with(|| Node::Dir(BTreeMap::new()));
                dir = match node {
                    Node::Dir(d) => d,
                    Node::File(_) => {
                        return Err(Error::NameClash {
                            module: path.clone(),
                            first: parts[..=i].join("/"),
                            second: path.clone(),
                        })
                    }
                };
            }
        }
    }
    let mut payload = Vec::new();
    write_dir(&mut payload, &root);
    let mut len = Vec::new();
    put_uint(&mut len, payload.len() as u64);
    if (HEADER.len() + len.len() + payload.len()) % 2 == 1 {
        len.insert(0, 0x80);
    }
    let mut image = Vec::with_capacity(HEADER.len() + len.len() + payload.len());
    image.extend_from_slice(&HEADER);
    image.extend_from_slice(&len);
    image.extend_from_slice(&payload);
    Ok(image)
}

fn write_dir(out: &mut Vec<u8>, dir: &BTreeMap<String, Node>) {
    for (name, node) in dir {
        let mut payload = Vec::new();
        put_uint(&mut payload, name.len() as u64);
        payload.extend_from_slice(name.as_bytes());
        match node {
            Node::Dir(d) => {
                write_dir(&mut payload, d);
                pack(out, KIND_DIRECTORY, &payload);
            }
            Node::File(data) => {
                pack(&mut payload, KIND_DATA_VERBATIM, data);
                pack(out, KIND_FILE, &payload);
            }
        }
    }
}

/// A malformed image.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("bad ROMFS image at byte {offset}: {message}")]
pub struct ParseError {
    pub offset: usize,
    pub message: String,
}

struct Cursor<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn uint(&mut self) -> std::result::Result<u64, ParseError> {
        let mut v: u64 = 0;
        for _ in 0..10 {
            let Some(&byte) = self.b.get(self.pos) else {
                return Err(ParseError { offset: self.pos, message: "truncated integer".to_string() });
            };
            self.pos += 1;
            v = (v << 7) | u64::from(byte & 0x7f);
            if byte & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ParseError { offset: self.pos, message: "integer too long".to_string() })
    }

    fn take(&mut self, n: u64) -> std::result::Result<&[u8], ParseError> {
        let n = usize::try_from(n).unwrap_or(usize::MAX);
        if self.b.len() - self.pos < n {
            return Err(ParseError { offset: self.pos, message: format!("record of {n} bytes overruns the image") });
        }
        let s = &self.b[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
}

/// Lists the files of an image as `(path, contents)`, in image order (indirect-data records resolved).
pub fn parse_image(image: &[u8]) -> std::result::Result<Vec<(String, Vec<u8>)>, ParseError> {
    let mut c = Cursor { b: image, pos: 0 };
    if c.uint()? != HEADER_KIND {
        return Err(ParseError { offset: 0, message: "not a ROMFS image (no d2 cd 31 header)".to_string() });
    }
    let len = c.uint()?;
    let start = c.pos;
    let payload = c.take(len)?;
    let mut out = Vec::new();
    parse_records(payload, image, start, "", &mut out, 0)?;
    Ok(out)
}

fn parse_records(
    buf: &[u8],
    image: &[u8],
    base: usize,
    prefix: &str,
    out: &mut Vec<(String, Vec<u8>)>,
    depth: usize,
) -> std::result::Result<(), ParseError> {
    if depth > 64 {
        return Err(ParseError { offset: base, message: "directories nest too deeply".to_string() });
    }
    let mut c = Cursor { b: buf, pos: 0 };
    while c.pos < buf.len() {
        let kind = c.uint()?;
        let len = c.uint()?;
        let at = c.pos;
        let payload = c.take(len)?;
        match kind {
            KIND_DIRECTORY | KIND_FILE => {
                let mut p = Cursor { b: payload, pos: 0 };
                let n = p.uint()?;
                let name = String::from_utf8_lossy(p.take(n)?).into_owned();
                let path = if prefix.is_empty() { name } else { format!("{prefix}/{name}") };
                let rest = &payload[p.pos..];
                if kind == KIND_DIRECTORY {
                    parse_records(rest, image, base, &path, out, depth + 1)?;
                } else {
                    out.push((path, file_data(rest, image, base + at)?));
                }
            }
            0 => return Err(ParseError { offset: base + at, message: "unused record kind 0".to_string() }),
            _ => {}
        }
    }
    Ok(())
}

fn file_data(buf: &[u8], image: &[u8], at: usize) -> std::result::Result<Vec<u8>, ParseError> {
    let mut c = Cursor { b: buf, pos: 0 };
    while c.pos < buf.len() {
        let kind = c.uint()?;
        let len = c.uint()?;
        let payload = c.take(len)?;
        match kind {
            KIND_DATA_VERBATIM => return Ok(payload.to_vec()),
            KIND_DATA_POINTER => {
                let mut p = Cursor { b: payload, pos: 0 };
                let size = p.uint()? as usize;
                let offset = p.uint()? as usize;
                // Offsets count from the start of the image payload (just after the header length).
                let mut h = Cursor { b: image, pos: 0 };
                h.uint()?;
                h.uint()?;
                let start = h.pos + offset;
                return image
                    .get(start..start.saturating_add(size))
                    .map(<[u8]>::to_vec)
                    .ok_or(ParseError { offset: at, message: "indirect data outside the image".to_string() });
            }
            KIND_PADDING => {}
            _ => {}
        }
    }
    Ok(Vec::new())
}

/// Settings of a ROMFS build.
#[derive(Clone, Debug, Default)]
pub struct RomfsOptions {
    /// Partition size, overriding `[romfs] partition-size` and the board table.
    pub partition_size: Option<u64>,
    /// Source-name prefix, overriding `[romfs] source-prefix`.
    pub source_prefix: Option<String>,
}

/// The result of a ROMFS build.
#[derive(Clone, Debug, Serialize)]
pub struct RomfsReport {
    pub output: PathBuf,
    pub size: u64,
    /// Partition capacity, when known.
    pub capacity: Option<u64>,
    pub files: Vec<RomfsFile>,
    pub compiled: usize,
    pub cached: usize,
    pub elapsed_ms: f64,
}

/// One file in the image.
#[derive(Clone, Debug, Serialize)]
pub struct RomfsFile {
    pub path: String,
    pub size: u64,
}

/// The partition size for the project: explicit option, then `[romfs]`, then the board table. `Ok(None)`
/// when unknown (no board), an error when the board has no ROMFS partition.
pub fn capacity(project: &Project, opts: &RomfsOptions) -> Result<Option<u64>> {
    if let Some(s) = opts.partition_size.or(project.config.romfs.partition_size) {
        return Ok(Some(s));
    }
    match &project.target.board {
        Some(b) => match b.romfs_bytes {
            Some(0) => Err(Error::RomfsNoPartition { board: b.full_id() }),
            other => Ok(other),
        },
        None => Ok(None),
    }
}

/// Compiles the project and assembles its image in memory (nothing is written).
pub fn build_project(
    project: &Project,
    compiler: &dyn Compiler,
    cache: &Cache,
    opts: &RomfsOptions,
    progress: &dyn Progress,
) -> Result<(Vec<u8>, RomfsReport)> {
    let t0 = Instant::now();
    let cap = capacity(project, opts)?;
    let units = project.units()?;
    let prefix = opts.source_prefix.clone().or_else(|| project.config.romfs.source_prefix.clone()).unwrap_or_default();
    let artifacts = compile_units(project, &units, compiler, cache, &CompileSettings { source_prefix: prefix }, progress)?;
    progress.event(ProgressEvent::Started { op: Operation::Romfs, total: artifacts.len() as u64 });
    let files: Vec<(String, Vec<u8>)> = artifacts.iter().map(|a: &Artifact| (a.unit.out.clone(), a.bytes.clone())).collect();
    let image = build_image(&files)?;
    progress.event(ProgressEvent::Finished { op: Operation::Romfs });
    let size = image.len() as u64;
    if let Some(c) = cap {
        if size > c {
            let partition = match &project.target.board {
                Some(b) => format!("{} ROMFS", b.full_id()),
                None => "ROMFS".to_string(),
            };
            return Err(Error::RomfsTooLarge { size, capacity: c, partition });
        }
    }
    let count = |s| artifacts.iter().filter(|a| a.status == s).count();
    let report = RomfsReport {
        output: PathBuf::new(),
        size,
        capacity: cap,
        files: files.iter().map(|(p, d)| RomfsFile { path: p.clone(), size: d.len() as u64 }).collect(),
        compiled: count(crate::progress::ItemStatus::Compiled),
        cached: count(crate::progress::ItemStatus::Cached),
        elapsed_ms: 0.0,
    };
    let mut report = report;
    report.elapsed_ms = t0.elapsed().as_secs_f64() * 1000.0;
    Ok((image, report))
}

/// Builds the image and writes it atomically to `output`.
pub fn build_to(
    project: &Project,
    compiler: &dyn Compiler,
    cache: &Cache,
    opts: &RomfsOptions,
    output: &Path,
    progress: &dyn Progress,
) -> Result<RomfsReport> {
    let (image, mut report) = build_project(project, compiler, cache, opts, progress)?;
    fsutil::write_atomic(output, &image)?;
    report.output = output.to_path_buf();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_parity() {
        // Empty image: d2 cd 31, length 0 → 4 bytes, even: no padding.
        assert_eq!(build_image(&[]).unwrap(), vec![0xd2, 0xcd, 0x31, 0x00]);
        let img = build_image(&[("a".to_string(), vec![1])]).unwrap();
        assert_eq!(img.len() % 2, 0);
        assert_eq!(parse_image(&img).unwrap(), vec![("a".to_string(), vec![1])]);
    }

    #[test]
    fn nested_round_trip_and_order() {
        let files = vec![
            ("lib/z.mpy".to_string(), vec![3; 200]),
            ("b.mpy".to_string(), vec![2]),
            ("lib/a.mpy".to_string(), vec![1; 5]),
        ];
        let img = build_image(&files).unwrap();
        let back = parse_image(&img).unwrap();
        let names: Vec<&str> = back.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(names, ["b.mpy", "lib/a.mpy", "lib/z.mpy"]);
    }

    #[test]
    fn refuses_non_ascii_and_file_dir_clash() {
        assert!(build_image(&[("é.mpy".to_string(), vec![])]).is_err());
        assert!(build_image(&[("a".to_string(), vec![]), ("a/b".to_string(), vec![])]).is_err());
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for bad in [&[][..], &[0xd2], &[0xd2, 0xcd, 0x31, 0x05, 0x05], &[0xff; 20], &[0xd2, 0xcd, 0x31, 0x03, 0x05, 0x7f, 0x00]] {
            assert!(parse_image(bad).is_err(), "{bad:?}");
        }
    }
}
