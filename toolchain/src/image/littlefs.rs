//! littlefs v2 filesystem images: a writer that lays out a freshly formatted filesystem holding a file tree
//! (what `vfs.VfsLfs2.mkfs` followed by file writes would leave, in compacted form), and a reader that lists
//! any littlefs v2 image (for `mpbuild image --inspect` and the tests).
//!
//! Our own code rather than the `littlefs2` crate: that crate builds the C library through bindgen (libclang
//! at build time for every mpbuild user) and fixes the block count at compile time, while a board's region
//! size is only known at run time.
//!
//! On-disk format (littlefs `SPEC.md`): blocks of `block_size` bytes; directories are metadata pairs (two
//! blocks, the one with the newer revision count holds the valid commits). A metadata block is a 32-bit
//! little-endian revision count followed by commits: 32-bit big-endian tags, each XORed with the previous
//! tag (the first with `0xffffffff`), each followed by its data. A tag is `valid(1, 0 = valid) type(11)
//! id(10) size(10)`. A commit ends with a CRC tag whose data is the CRC-32 (polynomial `0x04c11db7`
//! reflected, initial `0xffffffff`, no final XOR) of everything since the commit began (the revision count
//! for the first one), then padding up to the program size. Entries: a name tag (`0x001` file, `0x002`
//! directory, `0x0ff` superblock) then a struct tag (`0x200` directory pair, `0x201` inline data, `0x202`
//! CTZ skip-list head and size). Every metadata pair is on one linked list starting at the root pair
//! {0, 1} (`0x600` soft tail; `0x601` hard tail continues the same directory). File data outside the
//! metadata is a CTZ skip-list: block `k > 0` starts with `ctz(k) + 1` pointers to blocks `k - 2^j`.

use std::collections::{BTreeMap, HashSet};

/// littlefs' on-disk version we write (2.0: every littlefs v2 release mounts it).
pub const DISK_VERSION: u32 = 0x0002_0000;
const NAME_MAX: u32 = 255;
const FILE_MAX: u32 = 0x7fff_ffff;
const ATTR_MAX: u32 = 1022;

const T_REG: u32 = 0x001;
const T_DIR: u32 = 0x002;
const T_SUPERBLOCK: u32 = 0x0ff;
const T_DIRSTRUCT: u32 = 0x200;
const T_INLINESTRUCT: u32 = 0x201;
const T_CTZSTRUCT: u32 = 0x202;
const T_SOFTTAIL: u32 = 0x600;
const T_HARDTAIL: u32 = 0x601;
const T_CREATE: u32 = 0x401;
const T_DELETE: u32 = 0x4ff;
const T_CRC: u32 = 0x500;
const NULL_BLOCK: u32 = 0xffff_ffff;

/// Geometry and tuning of an image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LfsConfig {
    pub block_size: u32,
    pub block_count: u32,
    /// Commits are padded to this (MicroPython's rp2 mounts with `progsize=256`, other ports with 32).
    pub prog_size: u32,
    /// Files up to this size are stored inline in their directory. MicroPython's smallest cache is
    /// 4 x 32 bytes, and littlefs reads inline files through that cache, so the default is 128.
    pub inline_max: u32,
}

impl LfsConfig {
    pub fn new(block_size: u32, block_count: u32) -> LfsConfig {
        LfsConfig {
            block_size,
            block_count,
            prog_size: 32,
            inline_max: 128,
        }
    }
}

/// Why an image could not be written or read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LfsError {
    #[error(
        "the files need {needed} blocks of {block_size} bytes but the filesystem has {available}"
    )]
    TooLarge {
        needed: u64,
        available: u64,
        block_size: u32,
    },
    #[error("`{0}`: {1}")]
    BadName(String, String),
    #[error("bad littlefs image at byte {offset:#x}: {message}")]
    Corrupt { offset: u64, message: String },
    #[error("bad littlefs geometry: {0}")]
    Geometry(String),
}

fn corrupt(offset: u64, message: impl Into<String>) -> LfsError {
    LfsError::Corrupt {
        offset,
        message: message.into(),
    }
}

/// littlefs' CRC-32 (reflected `0x04c11db7`, no final XOR), continuing from `crc`.
pub fn crc(mut crc: u32, data: &[u8]) -> u32 {
    const TABLE: [u32; 16] = [
        0x0000_0000,
        0x1db7_1064,
        0x3b6e_20c8,
        0x26d9_30ac,
        0x76dc_4190,
        0x6b6b_51f4,
        0x4db2_6158,
        0x5005_713c,
        0xedb8_8320,
        0xf00f_9344,
        0xd6d6_a3e8,
        0xcb61_b38c,
        0x9b64_c2b0,
        0x86d3_d2d4,
        0xa00a_e278,
        0xbdbd_f21c,
    ];
    for &b in data {
        crc = (crc >> 4) ^ TABLE[((crc ^ u32::from(b)) & 0xf) as usize];
        crc = (crc >> 4) ^ TABLE[((crc ^ (u32::from(b) >> 4)) & 0xf) as usize];
    }
    crc
}

fn mktag(ty: u32, id: u32, size: u32) -> u32 {
    (ty << 20) | (id << 10) | size
}

enum Node {
    Dir(BTreeMap<String, Node>),
    File(Vec<u8>),
}

/// One entry of a metadata block, before block numbers are known for directories.
enum Struct {
    Inline(Vec<u8>),
    Ctz { head: u32, size: u32 },
    Dir([u32; 2]),
    Superblock(LfsConfig),
}

struct Entry {
    name: Vec<u8>,
    ty: u32,
    st: Struct,
}

/// One metadata pair to write: its entries and where its tail points.
struct Chunk {
    pair: [u32; 2],
    entries: Vec<Entry>,
    tail: Option<([u32; 2], bool)>,
}

struct Writer {
    cfg: LfsConfig,
    image: Vec<u8>,
    next: u32,
    chunks: Vec<Chunk>,
}

impl Writer {
    /// A fresh (erased) block. The image grows as blocks are taken, so that a project too large for the
    /// filesystem can be reported with the number of blocks it needs.
    fn alloc(&mut self) -> Result<u32, LfsError> {
        if self.next >= 1 << 24 {
            return Err(LfsError::TooLarge {
                needed: u64::from(self.next),
                available: u64::from(self.cfg.block_count),
                block_size: self.cfg.block_size,
            });
        }
        self.image
            .resize(self.image.len() + self.cfg.block_size as usize, 0xff);
        self.next += 1;
        Ok(self.next - 1)
    }

    fn block_mut(&mut self, b: u32) -> &mut [u8] {
        let bs = self.cfg.block_size as usize;
        &mut self.image[b as usize * bs..(b as usize + 1) * bs]
    }

    /// Writes `data` as a CTZ skip-list and returns its head block.
    fn write_ctz(&mut self, data: &[u8]) -> Result<u32, LfsError> {
        let bs = self.cfg.block_size as usize;
        let mut blocks: Vec<u32> = Vec::new();
        let mut rest = data;
        let mut k = 0u32;
        while !rest.is_empty() {
            let b = self.alloc()?;
            let skips = if k == 0 {
                0
            } else {
                k.trailing_zeros() as usize + 1
            };
            let mut ptrs = Vec::with_capacity(skips);
            for j in 0..skips {
                ptrs.push(blocks[(k - (1 << j)) as usize]);
            }
            let take = rest.len().min(bs - 4 * skips);
            let blk = self.block_mut(b);
            for (j, p) in ptrs.iter().enumerate() {
                blk[4 * j..4 * j + 4].copy_from_slice(&p.to_le_bytes());
            }
            blk[4 * skips..4 * skips + take].copy_from_slice(&rest[..take]);
            rest = &rest[take..];
            blocks.push(b);
            k += 1;
        }
        Ok(*blocks.last().unwrap_or(&NULL_BLOCK))
    }

    /// Lays out directory `dir` into chunks (metadata pairs), returning the first pair.
    fn write_dir(
        &mut self,
        dir: &BTreeMap<String, Node>,
        first_pair: Option<[u32; 2]>,
    ) -> Result<[u32; 2], LfsError> {
        // Entry sizes are known before any block is allocated, so the chunks can be planned first.
        let budget = (self.cfg.block_size as usize / 2).max(64);
        let mut sizes: Vec<usize> = Vec::new();
        let root = first_pair == Some([0, 1]);
        if root {
            sizes.push(8 + 8 + 24);
        }
        for (name, node) in dir {
            let data = match node {
                Node::File(d) if d.len() <= self.cfg.inline_max as usize => d.len(),
                _ => 8,
            };
            sizes.push(8 + name.len() + data);
        }
        let mut splits = vec![0usize];
        let mut used = 0;
        for (i, s) in sizes.iter().enumerate() {
            if used + s > budget && used > 0 {
                splits.push(i);
                used = 0;
            }
            used += s;
        }
        let mut pairs = Vec::with_capacity(splits.len());
        for (i, _) in splits.iter().enumerate() {
            let p = match (i, first_pair) {
                (0, Some(p)) => p,
                _ => [self.alloc()?, self.alloc()?],
            };
            pairs.push(p);
        }
        let first_chunk = self.chunks.len();
        for p in &pairs {
            self.chunks.push(Chunk {
                pair: *p,
                entries: Vec::new(),
                tail: None,
            });
        }
        let mut entries: Vec<Entry> = Vec::with_capacity(sizes.len());
        if root {
            entries.push(Entry {
                name: b"littlefs".to_vec(),
                ty: T_SUPERBLOCK,
                st: Struct::Superblock(self.cfg),
            });
        }
        for (name, node) in dir {
            let (ty, st) = match node {
                Node::File(d) if d.len() <= self.cfg.inline_max as usize => {
                    (T_REG, Struct::Inline(d.clone()))
                }
                Node::File(d) => {
                    let head = self.write_ctz(d)?;
                    (
                        T_REG,
                        Struct::Ctz {
                            head,
                            size: d.len() as u32,
                        },
                    )
                }
                Node::Dir(sub) => (T_DIR, Struct::Dir(self.write_dir(sub, None)?)),
            };
            entries.push(Entry {
                name: name.as_bytes().to_vec(),
                ty,
                st,
            });
        }
        let mut it = entries.into_iter();
        for (ci, start) in splits.iter().enumerate() {
            let end = splits.get(ci + 1).copied().unwrap_or(sizes.len());
            self.chunks[first_chunk + ci].entries = it.by_ref().take(end - start).collect();
            if ci + 1 < pairs.len() {
                self.chunks[first_chunk + ci].tail = Some((pairs[ci + 1], true));
            }
        }
        Ok(pairs[0])
    }

    fn commit_chunk(&mut self, c: &Chunk) {
        let bs = self.cfg.block_size as usize;
        let mut out: Vec<u8> = Vec::with_capacity(bs);
        out.extend_from_slice(&1u32.to_le_bytes());
        let mut ptag = 0xffff_ffffu32;
        let mut put = |out: &mut Vec<u8>, tag: u32, data: &[u8]| {
            out.extend_from_slice(&(tag ^ ptag).to_be_bytes());
            out.extend_from_slice(data);
            ptag = tag;
        };
        for (id, e) in c.entries.iter().enumerate() {
            let id = id as u32;
            put(&mut out, mktag(e.ty, id, e.name.len() as u32), &e.name);
            match &e.st {
                Struct::Inline(d) => put(&mut out, mktag(T_INLINESTRUCT, id, d.len() as u32), d),
                Struct::Ctz { head, size } => {
                    let mut d = head.to_le_bytes().to_vec();
                    d.extend_from_slice(&size.to_le_bytes());
                    put(&mut out, mktag(T_CTZSTRUCT, id, 8), &d);
                }
                Struct::Dir(p) => {
                    let mut d = p[0].to_le_bytes().to_vec();
                    d.extend_from_slice(&p[1].to_le_bytes());
                    put(&mut out, mktag(T_DIRSTRUCT, id, 8), &d);
                }
                Struct::Superblock(cfg) => {
                    let mut d = Vec::with_capacity(24);
                    for v in [
                        DISK_VERSION,
                        cfg.block_size,
                        cfg.block_count,
                        NAME_MAX,
                        FILE_MAX,
                        ATTR_MAX,
                    ] {
                        d.extend_from_slice(&v.to_le_bytes());
                    }
                    put(&mut out, mktag(T_INLINESTRUCT, id, 24), &d);
                }
            }
        }
        if let Some((p, hard)) = c.tail {
            let mut d = p[0].to_le_bytes().to_vec();
            d.extend_from_slice(&p[1].to_le_bytes());
            put(
                &mut out,
                mktag(if hard { T_HARDTAIL } else { T_SOFTTAIL }, 0x3ff, 8),
                &d,
            );
        }
        // The CRC tag's size runs to the next program boundary; the padding is not covered by the CRC. The
        // word after the commit is erased (0xff), so the tag's low type bit (`reset`) is 0.
        let prog = self.cfg.prog_size.max(1) as usize;
        let end = (out.len() + 8).div_ceil(prog) * prog;
        let tag = mktag(T_CRC, 0x3ff, (end - out.len() - 4) as u32);
        out.extend_from_slice(&(tag ^ ptag).to_be_bytes());
        let sum = crc(0xffff_ffff, &out);
        out.extend_from_slice(&sum.to_le_bytes());
        out.resize(end, 0xff);
        let blk = self.block_mut(c.pair[0]);
        blk[..out.len()].copy_from_slice(&out);
        // The pair's other block stays erased: its revision (0xffffffff) is older than 1 and it holds no commit.
    }
}

/// Builds a formatted image holding `files` (`/`-separated relative paths).
pub fn build(cfg: LfsConfig, files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, LfsError> {
    if cfg.block_size < 128 || !cfg.block_size.is_multiple_of(8) || cfg.block_size > 1 << 20 {
        return Err(LfsError::Geometry(format!(
            "block size {} (must be a multiple of 8, 128 bytes to 1 MiB)",
            cfg.block_size
        )));
    }
    if cfg.block_count < 2 {
        return Err(LfsError::Geometry(format!(
            "{} blocks (at least 2 are needed for the superblock)",
            cfg.block_count
        )));
    }
    if cfg.prog_size == 0 || !cfg.block_size.is_multiple_of(cfg.prog_size) || cfg.prog_size > 1024 {
        return Err(LfsError::Geometry(format!(
            "program size {} must divide the block size",
            cfg.prog_size
        )));
    }
    let mut root: BTreeMap<String, Node> = BTreeMap::new();
    for (path, data) in files {
        insert(&mut root, path, data)?;
    }
    let mut w = Writer {
        cfg,
        image: vec![0xff; 2 * cfg.block_size as usize],
        next: 2,
        chunks: Vec::new(),
    };
    w.write_dir(&root, Some([0, 1]))?;
    // One list through every pair: each directory's chunks in order, then the next directory.
    let n = w.chunks.len();
    for i in 0..n.saturating_sub(1) {
        if w.chunks[i].tail.is_none() {
            w.chunks[i].tail = Some((w.chunks[i + 1].pair, false));
        }
    }
    // The budget of half a block per pair keeps every commit inside its block.
    let chunks = std::mem::take(&mut w.chunks);
    for c in &chunks {
        w.commit_chunk(c);
    }
    if w.next > cfg.block_count {
        return Err(LfsError::TooLarge {
            needed: u64::from(w.next),
            available: u64::from(cfg.block_count),
            block_size: cfg.block_size,
        });
    }
    w.image
        .resize(cfg.block_size as usize * cfg.block_count as usize, 0xff);
    Ok(w.image)
}

fn insert(root: &mut BTreeMap<String, Node>, path: &str, data: &[u8]) -> Result<(), LfsError> {
    let parts: Vec<&str> = path.split('/').collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || *p == "." || *p == "..")
    {
        return Err(LfsError::BadName(
            path.to_string(),
            "not a plain relative path".to_string(),
        ));
    }
    if let Some(p) = parts.iter().find(|p| p.len() > NAME_MAX as usize) {
        return Err(LfsError::BadName(
            path.to_string(),
            format!("`{p}` is longer than littlefs' 255-byte names"),
        ));
    }
    let mut dir = root;
    for (i, part) in parts.iter().enumerate() {
        if i + 1 == parts.len() {
            if dir
                .insert((*part).to_string(), Node::File(data.to_vec()))
                .is_some()
            {
                return Err(LfsError::BadName(
                    path.to_string(),
                    "given twice".to_string(),
                ));
            }
        } else {
            let node = dir
                .entry((*part).to_string())
                .or_insert_with(|| Node::Dir(BTreeMap::new()));
            dir = match node {
                Node::Dir(d) => d,
                Node::File(_) => {
                    return Err(LfsError::BadName(
                        path.to_string(),
                        format!("`{}` is a file", parts[..=i].join("/")),
                    ))
                }
            };
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------------------
// Reading.

/// What an image holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LfsContents {
    pub version: u32,
    pub block_size: u32,
    pub block_count: u32,
    /// Files as `(path, contents)`, directories as `(path/, [])`, in directory order.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Whether `bytes` starts like a littlefs image (the superblock name at offset 8 of block 0, which is what
/// MicroPython's `vfs.mount` auto-detection looks at).
pub fn looks_like(bytes: &[u8]) -> bool {
    bytes.get(8..16) == Some(b"littlefs")
}

#[derive(Default, Clone)]
struct Slot {
    name: Option<(u32, Vec<u8>)>,
    st: Option<(u32, Vec<u8>)>,
}

struct Dir {
    slots: Vec<Slot>,
    tail: Option<([u32; 2], bool)>,
}

/// A tag and its data.
type Tag = (u32, Vec<u8>);

struct Reader<'a> {
    img: &'a [u8],
    bs: usize,
    count: u32,
}

impl Reader<'_> {
    fn block(&self, b: u32) -> Result<&[u8], LfsError> {
        if b >= self.count {
            return Err(corrupt(
                0,
                format!(
                    "block {b} is beyond the {} blocks of the filesystem",
                    self.count
                ),
            ));
        }
        let at = b as usize * self.bs;
        self.img
            .get(at..at + self.bs)
            .ok_or_else(|| corrupt(at as u64, format!("block {b} is past the end of the image")))
    }

    /// Parses one metadata block: its revision and the tags of its valid commits.
    fn commits(&self, b: u32) -> Result<(u32, Vec<Tag>), LfsError> {
        let blk = self.block(b)?;
        let base = b as u64 * self.bs as u64;
        let rev = u32::from_le_bytes([blk[0], blk[1], blk[2], blk[3]]);
        let mut sum = crc(0xffff_ffff, &blk[..4]);
        let mut ptag = 0xffff_ffffu32;
        let mut off = 4usize;
        let mut pending: Vec<(u32, Vec<u8>)> = Vec::new();
        let mut good: Vec<(u32, Vec<u8>)> = Vec::new();
        while off + 4 <= blk.len() {
            let raw = [blk[off], blk[off + 1], blk[off + 2], blk[off + 3]];
            let tag = u32::from_be_bytes(raw) ^ ptag;
            if tag & 0x8000_0000 != 0 {
                break;
            }
            let size = if tag & 0x3ff == 0x3ff {
                0
            } else {
                (tag & 0x3ff) as usize
            };
            if off + 4 + size > blk.len() {
                break;
            }
            sum = crc(sum, &raw);
            ptag = tag;
            let ty = (tag >> 20) & 0x7ff;
            let data = &blk[off + 4..off + 4 + size];
            if ty & 0x780 == T_CRC {
                if size < 4 {
                    return Err(corrupt(
                        base + off as u64,
                        "CRC tag shorter than its checksum",
                    ));
                }
                let stored = u32::from_le_bytes([data[0], data[1], data[2], data[3]]);
                if stored != sum {
                    break;
                }
                ptag ^= (ty & 1) << 31;
                good.append(&mut pending);
                sum = 0xffff_ffff;
            } else {
                sum = crc(sum, data);
                pending.push((tag, data.to_vec()));
            }
            off += 4 + size;
        }
        Ok((rev, good))
    }

    /// The valid contents of a metadata pair.
    fn fetch(&self, pair: [u32; 2]) -> Result<Dir, LfsError> {
        let a = self.commits(pair[0])?;
        let b = self.commits(pair[1])?;
        // The newer revision (sequence comparison) with at least one valid commit wins.
        let (first, second) = if (a.0.wrapping_sub(b.0) as i32) >= 0 {
            (a, b)
        } else {
            (b, a)
        };
        let tags = if !first.1.is_empty() {
            first.1
        } else if !second.1.is_empty() {
            second.1
        } else {
            return Err(corrupt(
                u64::from(pair[0]) * self.bs as u64,
                format!(
                    "metadata pair {{{:#x}, {:#x}}} holds no valid commit",
                    pair[0], pair[1]
                ),
            ));
        };
        let mut dir = Dir {
            slots: Vec::new(),
            tail: None,
        };
        for (tag, data) in tags {
            let ty = (tag >> 20) & 0x7ff;
            let id = ((tag >> 10) & 0x3ff) as usize;
            let deleted = tag & 0x3ff == 0x3ff;
            match ty {
                T_CREATE => {
                    let at = id.min(dir.slots.len());
                    dir.slots.insert(at, Slot::default());
                }
                T_DELETE if id < dir.slots.len() => {
                    dir.slots.remove(id);
                }
                T_DELETE => {}
                T_SOFTTAIL | T_HARDTAIL if data.len() == 8 => {
                    let p = [le(&data, 0), le(&data, 4)];
                    dir.tail = if p == [NULL_BLOCK, NULL_BLOCK] {
                        None
                    } else {
                        Some((p, ty == T_HARDTAIL))
                    };
                }
                _ if id == 0x3ff => {}
                T_REG | T_DIR | T_SUPERBLOCK => {
                    if dir.slots.len() <= id {
                        dir.slots.resize(id + 1, Slot::default());
                    }
                    dir.slots[id].name = if deleted { None } else { Some((ty, data)) };
                }
                T_DIRSTRUCT | T_INLINESTRUCT | T_CTZSTRUCT => {
                    if dir.slots.len() <= id {
                        dir.slots.resize(id + 1, Slot::default());
                    }
                    dir.slots[id].st = if deleted { None } else { Some((ty, data)) };
                }
                _ => {}
            }
        }
        Ok(dir)
    }

    fn read_ctz(&self, head: u32, size: u32) -> Result<Vec<u8>, LfsError> {
        if size == 0 {
            return Ok(Vec::new());
        }
        let bs = self.bs as u64;
        if u64::from(size) > bs * u64::from(self.count) {
            return Err(corrupt(
                0,
                format!("a file claims {size} bytes, more than the filesystem holds"),
            ));
        }
        // Index of the block holding the last byte (littlefs' lfs_ctz_index).
        let idx = |pos: u64| -> u64 {
            let b = bs - 8;
            let i = pos / b;
            if i == 0 {
                0
            } else {
                (pos - 4 * (u64::from((i - 1).count_ones()) + 2)) / b
            }
        };
        let last = idx(u64::from(size) - 1);
        let cap = |k: u64| {
            if k == 0 {
                bs
            } else {
                bs - 4 * (u64::from(k.trailing_zeros()) + 1)
            }
        };
        let mut pieces: Vec<&[u8]> = Vec::with_capacity(last as usize + 1);
        let mut remaining = u64::from(size);
        // Bytes in each block: every block is full except the head.
        let mut before: u64 = (0..last).map(cap).sum();
        let mut block = head;
        for k in (0..=last).rev() {
            let blk = self.block(block)?;
            let skips = if k == 0 {
                0
            } else {
                k.trailing_zeros() as usize + 1
            };
            let in_block = remaining - before;
            let start = 4 * skips;
            let end = start + in_block as usize;
            let piece = blk
                .get(start..end)
                .ok_or_else(|| corrupt(u64::from(block) * bs, "file data overruns its block"))?;
            pieces.push(piece);
            remaining -= in_block;
            if k > 0 {
                block = le(blk, 0);
                before -= cap(k - 1);
            }
        }
        pieces.reverse();
        Ok(pieces.concat())
    }

    fn walk(
        &self,
        pair: [u32; 2],
        prefix: &str,
        out: &mut Vec<(String, Vec<u8>)>,
        seen: &mut HashSet<u32>,
        depth: usize,
    ) -> Result<(), LfsError> {
        if depth > 64 {
            return Err(corrupt(
                u64::from(pair[0]) * self.bs as u64,
                "directories nest too deeply",
            ));
        }
        let mut next = Some(pair);
        while let Some(p) = next {
            if !seen.insert(p[0]) {
                return Err(corrupt(
                    u64::from(p[0]) * self.bs as u64,
                    "the directory list loops",
                ));
            }
            let dir = self.fetch(p)?;
            for s in &dir.slots {
                let (Some((ty, name)), Some((st, data))) = (&s.name, &s.st) else {
                    continue;
                };
                if *ty == T_SUPERBLOCK {
                    continue;
                }
                let name = String::from_utf8_lossy(name);
                let path = format!("{prefix}{name}");
                match (*ty, *st) {
                    (T_DIR, T_DIRSTRUCT) if data.len() == 8 => {
                        out.push((format!("{path}/"), Vec::new()));
                        self.walk(
                            [le(data, 0), le(data, 4)],
                            &format!("{path}/"),
                            out,
                            seen,
                            depth + 1,
                        )?;
                    }
                    (T_REG, T_INLINESTRUCT) => out.push((path, data.clone())),
                    (T_REG, T_CTZSTRUCT) if data.len() == 8 => {
                        out.push((path, self.read_ctz(le(data, 0), le(data, 4))?))
                    }
                    _ => {
                        return Err(corrupt(
                            u64::from(p[0]) * self.bs as u64,
                            format!("entry `{path}` has a struct of type {st:#x}"),
                        ))
                    }
                }
            }
            next = match dir.tail {
                Some((t, true)) => Some(t),
                _ => None,
            };
        }
        Ok(())
    }
}

fn le(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// Reads an image: its superblock, then every directory and file.
pub fn read(image: &[u8]) -> Result<LfsContents, LfsError> {
    if !looks_like(image) {
        return Err(corrupt(
            8,
            "no `littlefs` superblock name at offset 8 of block 0",
        ));
    }
    // The superblock entry is in the first commit of block 0 or 1; parse block 0 with a provisional block
    // size (the whole image) just far enough to learn the real one.
    let probe = Reader {
        img: image,
        bs: image.len(),
        count: 1,
    };
    let (_, tags) = probe.commits(0)?;
    let sb = tags
        .iter()
        .find(|(t, d)| {
            (t >> 20) & 0x7ff == T_INLINESTRUCT && (t >> 10) & 0x3ff == 0 && d.len() >= 24
        })
        .ok_or_else(|| corrupt(4, "the superblock has no geometry record"))?;
    let (version, bs, count) = (le(&sb.1, 0), le(&sb.1, 4), le(&sb.1, 8));
    if version >> 16 != 2 {
        return Err(corrupt(
            16,
            format!(
                "littlefs disk version {}.{} (only 2.x is read)",
                version >> 16,
                version & 0xffff
            ),
        ));
    }
    if bs < 128 || bs as usize > image.len() {
        return Err(corrupt(
            20,
            format!(
                "block size {bs} does not fit the {}-byte image",
                image.len()
            ),
        ));
    }
    if u64::from(bs) * u64::from(count) > image.len() as u64 {
        return Err(corrupt(
            24,
            format!("the superblock says {count} blocks of {bs} bytes ({:#x} bytes) but the image has {:#x}", u64::from(bs) * u64::from(count), image.len()),
        ));
    }
    let r = Reader {
        img: image,
        bs: bs as usize,
        count,
    };
    let mut files = Vec::new();
    r.walk([0, 1], "", &mut files, &mut HashSet::new(), 0)?;
    Ok(LfsContents {
        version,
        block_size: bs,
        block_count: count,
        files,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Vec<(String, Vec<u8>)> {
        vec![
            ("main.py".to_string(), b"print('hi')\n".to_vec()),
            (
                "lib/big.bin".to_string(),
                (0..20_000u32).map(|i| (i * 7) as u8).collect(),
            ),
            ("lib/sub/x.mpy".to_string(), vec![5; 300]),
            ("empty".to_string(), Vec::new()),
        ]
    }

    #[test]
    fn crc_matches_the_standard_crc32_register() {
        // Standard CRC-32 of "123456789" is 0xcbf43926 (with the final XOR).
        assert_eq!(!crc(0xffff_ffff, b"123456789"), 0xcbf4_3926);
    }

    #[test]
    fn round_trip() {
        let img = build(LfsConfig::new(4096, 64), &files()).unwrap();
        assert_eq!(img.len(), 4096 * 64);
        assert!(looks_like(&img));
        let back = read(&img).unwrap();
        assert_eq!(back.block_size, 4096);
        assert_eq!(back.block_count, 64);
        let only_files: Vec<_> = back
            .files
            .into_iter()
            .filter(|(p, _)| !p.ends_with('/'))
            .collect();
        let mut want = files();
        want.sort();
        let mut got = only_files;
        got.sort();
        assert_eq!(got, want);
    }

    #[test]
    fn many_files_split_directories() {
        let fs: Vec<(String, Vec<u8>)> = (0..300)
            .map(|i| (format!("m{i:03}.mpy"), vec![i as u8; 100 + i % 50]))
            .collect();
        let img = build(LfsConfig::new(512, 1024), &fs).unwrap();
        let back = read(&img).unwrap();
        assert_eq!(back.files.len(), 300);
        assert_eq!(back.files, fs);
    }

    #[test]
    fn too_large_is_an_error() {
        let e = build(
            LfsConfig::new(4096, 4),
            &[("a".to_string(), vec![0; 20_000])],
        )
        .unwrap_err();
        assert_eq!(
            e,
            LfsError::TooLarge {
                needed: 7,
                available: 4,
                block_size: 4096
            }
        );
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for bad in [
            vec![],
            vec![0xff; 4096],
            b"\0\0\0\0\0\0\0\0littlefs".to_vec(),
        ] {
            assert!(read(&bad).is_err());
        }
        let mut img = build(LfsConfig::new(256, 32), &files()[..1]).unwrap();
        img[20] ^= 0xff;
        assert!(read(&img).is_err());
    }
}
