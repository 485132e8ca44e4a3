//! File operations on the board, built on [`Transport::exec`]: a small prelude of helpers is sent once per
//! session, then each operation is one exec (batched where possible).
//!
//! Writes are atomic: a file is written to `<path>.mpbtmp`, its SHA-256 is checked on the board against the
//! host's, and only then renamed over the real name, so the real name always holds either the old or the
//! new contents. A temporary left by a dropped link is removed by the next sync.

use std::collections::BTreeMap;

use serde::Serialize;

use super::codec::{self, str_literal, Codec};
use super::error::{DeployError, Result};
use super::progress::{DeployEvent, DeployOp, DeployProgress};
use super::{parse_exception, Transport};

/// The suffix of temporary files.
pub const TMP_SUFFIX: &str = ".mpbtmp";

/// Helpers defined on the board (names start with `_` to stay out of the way of user code).
const PRELUDE: &str = r#"import os,gc,sys
try:
 import binascii as _B
except ImportError:
 _B=None
try:
 import hashlib as _H
 _H.sha256
except (ImportError,AttributeError):
 _H=None
try:
 import deflate as _D,io as _I
except ImportError:
 _D=None
def _a(s):return _B.a2b_base64(s)
def _z(s,w):return _D.DeflateIO(_I.BytesIO(_B.a2b_base64(s)),_D.RAW,w).read()
def _h(p):
 h=_H.sha256();b=bytearray(1024);m=memoryview(b);f=open(p,'rb')
 while 1:
  n=f.readinto(b)
  if not n:break
  h.update(m[:n])
 f.close()
 return _B.hexlify(h.digest()).decode()
_f=None
def _o(p):
 global _f
 if _f:_f.close()
 _f=open(p,'wb')
def _w(d):_f.write(d)
def _c(t,p,h,n):
 global _f
 _f.close();_f=None
 g=_h(t) if _H and _B else str(os.stat(t)[6])
 if g!=(h if _H and _B else str(n)):
  os.remove(t);raise OSError('mpbuild-verify '+g+' '+p)
 os.rename(t,p)
def _j(d,n):return (d.rstrip('/')+'/'+n) if d else n
def _x(n):return _B.hexlify(n.encode()).decode() if _B else n
def _l(r,S,X):
 t=[r]
 while t:
  d=t.pop()
  for e in (os.ilistdir(d) if d else os.ilistdir()):
   p=_j(d,e[0])
   if p in X:continue
   if e[1]&0x4000:
    print('D 0 -',_x(p));t.append(p)
   else:
    z=e[3] if len(e)>3 and e[3]>=0 else os.stat(p)[6]
    print('F',z,_h(p) if _H and _B and S.get(p)==z else '-',_x(p))
def _g(p,n):
 f=open(p,'rb')
 while 1:
  b=f.read(n)
  if not b:break
  print(_B.b2a_base64(b).decode().strip())
 f.close()
def _m(p):
 try:os.mkdir(p)
 except OSError as e:
  if os.stat(p)[0]&0x4000==0:raise
def _s(p):
 try:s=os.stat(p)
 except OSError:print('N');return
 print('D' if s[0]&0x4000 else 'F',s[6])
try:_M=os.statvfs('/') if sys.platform!='linux' else os.statvfs('.')
except Exception:_M=None
print('mpbuild',_D is not None,_B is not None,_H is not None,gc.mem_free(),getattr(sys.implementation,'_mpy',0),sys.platform)
"#;

/// One file or directory on the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RemoteEntry {
    /// The full device path.
    pub path: String,
    pub is_dir: bool,
    pub size: u64,
    /// SHA-256 hex, when asked for and the board can hash.
    pub sha256: Option<String>,
}

/// What the prelude learned about the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Caps {
    pub codec: Codec,
    pub sha256: bool,
    pub mem_free: u64,
    pub mpy: u32,
    pub platform: String,
}

/// A file to write: the device path and the bytes.
#[derive(Clone, Debug)]
pub struct Upload {
    pub path: String,
    pub data: Vec<u8>,
}

/// The pending exec of [`Board::write_files`].
#[derive(Default)]
struct Batch {
    script: String,
    bytes: u64,
    hashes: BTreeMap<String, String>,
    last: String,
}

/// File operations on a board.
pub struct Board<'t> {
    t: &'t mut dyn Transport,
    caps: Option<Caps>,
    /// The prelude was re-sent once after a NameError (globals lost); do not loop.
    retried_prelude: bool,
}

impl std::fmt::Debug for Board<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Board").field("port", &self.t.port()).field("caps", &self.caps).finish()
    }
}

impl<'t> Board<'t> {
    /// Wraps a transport; the prelude is sent on first use.
    pub fn new(t: &'t mut dyn Transport) -> Board<'t> {
        Board { t, caps: None, retried_prelude: false }
    }

    /// The transport.
    pub fn transport(&mut self) -> &mut dyn Transport {
        self.t
    }

    fn port(&self) -> String {
        self.t.port().to_string()
    }

    /// Sends the prelude (once) and returns what the board can do.
    pub fn caps(&mut self) -> Result<Caps> {
        if let Some(c) = &self.caps {
            return Ok(c.clone());
        }
        let out = self.t.exec_ctx(PRELUDE.as_bytes(), "setting up file transfer")?;
        let text = String::from_utf8_lossy(&out);
        let line = text.lines().rev().find(|l| l.starts_with("mpbuild ")).unwrap_or("");
        let f: Vec<&str> = line.split_whitespace().collect();
        let (Some(&d), Some(&b), Some(&h), Some(mem), Some(mpy)) =
            (f.get(1), f.get(2), f.get(3), f.get(4).and_then(|s| s.parse::<u64>().ok()), f.get(5).and_then(|s| s.parse::<u32>().ok()))
        else {
            return Err(DeployError::Garbled { port: self.port(), expected: "the prelude's capability line".into(), received: super::error::show_bytes(&out) });
        };
        let deflate = d == "True";
        let base64 = b == "True";
        let caps = Caps {
            codec: Codec::for_board(deflate, base64, mem),
            sha256: h == "True" && base64,
            mem_free: mem,
            mpy,
            platform: f.get(6).unwrap_or(&"").to_string(),
        };
        self.caps = Some(caps.clone());
        Ok(caps)
    }

    /// Forgets the capabilities (after a soft reset the prelude must be sent again).
    pub fn reset_session(&mut self) {
        self.caps = None;
    }

    fn run(&mut self, code: &str, context: &str) -> Result<Vec<u8>> {
        self.caps()?;
        match self.t.exec_ctx(code.as_bytes(), context) {
            Err(DeployError::Exception { traceback, port, context, exception, help }) => {
                // Globals lost (the board restarted between commands): send the prelude again once.
                if exception.starts_with("NameError") && !self.retried_prelude {
                    self.retried_prelude = true;
                    self.caps = None;
                    self.caps()?;
                    return self.t.exec_ctx(code.as_bytes(), &context);
                }
                // mpbuild's snippets are valid Python: a syntax error means the link corrupted them.
                if exception.starts_with("SyntaxError") {
                    return Err(DeployError::Garbled {
                        port,
                        expected: format!("the board to accept the code for {context}"),
                        received: format!("{exception} (the link corrupted the code on its way)"),
                    });
                }
                Err(DeployError::Exception { traceback, port, context, exception, help })
            }
            r => r,
        }
    }

    /// Maps an OSError traceback of a file operation to a [`DeployError::DeviceFs`].
    fn fs_error(&self, e: DeployError, op: &'static str, path: &str) -> DeployError {
        match e {
            DeployError::Exception { traceback, .. } => {
                let ex = parse_exception(traceback.as_bytes());
                if ex.kind != "OSError" {
                    return DeployError::Exception {
                        port: self.port(),
                        exception: ex.line,
                        traceback,
                        context: format!("{op} :{path}"),
                        help: "see the traceback (run with -v)".into(),
                    };
                }
                let (message, help) = match ex.errno {
                    Some(2) => ("no such file or directory".to_string(), "check the path with `mpbuild ls`"),
                    Some(17) => ("already exists".to_string(), "remove it first"),
                    Some(20) => ("a path component is not a directory".to_string(), "check the path"),
                    Some(21) => ("is a directory".to_string(), "use -r for directories"),
                    Some(28) => ("the board's filesystem is full".to_string(), "free space on the board (`mpbuild info` shows it), or deploy fewer files"),
                    Some(30) => ("read-only filesystem".to_string(), "this path is on a read-only mount (/rom?)"),
                    Some(39) => ("directory not empty".to_string(), "remove its contents first (-r)"),
                    _ => (ex.line.clone(), "see the board's error"),
                };
                DeployError::DeviceFs { port: self.port(), op, path: path.to_string(), errno: ex.errno, message, help }
            }
            other => other,
        }
    }

    /// Lists `root` recursively. Files whose path is in `hash_if_size` with the same size are hashed on the
    /// board; paths in `skip` (mount points such as `/rom`) are not entered.
    pub fn walk(&mut self, root: &str, hash_if_size: &BTreeMap<String, u64>, skip: &[String]) -> Result<Vec<RemoteEntry>> {
        let mut dict = String::from("{");
        for (p, s) in hash_if_size {
            dict.push_str(&str_literal(p));
            dict.push(':');
            dict.push_str(&s.to_string());
            dict.push(',');
        }
        dict.push('}');
        let skip: String = skip.iter().map(|s| str_literal(s) + ",").collect();
        let code = format!("_l({},{},({skip}))", str_literal(root), dict);
        let out = match self.run(&code, "listing files") {
            Ok(o) => o,
            Err(e) => return Err(self.fs_error(e, "list", root)),
        };
        self.parse_walk(&out)
    }

    fn parse_walk(&self, out: &[u8]) -> Result<Vec<RemoteEntry>> {
        let text = String::from_utf8_lossy(out);
        let mut entries = Vec::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let f: Vec<&str> = line.split(' ').collect();
            let bad = || DeployError::Garbled { port: self.port(), expected: "a file listing line".into(), received: super::error::show_bytes(line.as_bytes()) };
            let [kind, size, hash, name] = f.as_slice() else { return Err(bad()) };
            let is_dir = match *kind {
                "D" => true,
                "F" => false,
                _ => return Err(bad()),
            };
            let size: u64 = size.parse().map_err(|_| bad())?;
            let sha256 = match *hash {
                "-" => None,
                h if h.len() == 64 && h.bytes().all(|c| c.is_ascii_hexdigit()) => Some(h.to_string()),
                _ => return Err(bad()),
            };
            let path = match self.caps.as_ref().is_some_and(|c| c.codec.base64) {
                true => codec::unhex(name).and_then(|b| String::from_utf8(b).ok()).ok_or_else(bad)?,
                false => (*name).to_string(),
            };
            entries.push(RemoteEntry { path, is_dir, size, sha256 });
        }
        Ok(entries)
    }

    /// `Some((is_dir, size))`, or `None` when nothing is there.
    pub fn stat(&mut self, path: &str) -> Result<Option<(bool, u64)>> {
        let out = self.run(&format!("_s({})", str_literal(path)), "checking a path")?;
        let text = String::from_utf8_lossy(&out);
        let line = text.trim();
        if line == "N" {
            return Ok(None);
        }
        let mut it = line.split(' ');
        match (it.next(), it.next().and_then(|s| s.parse().ok())) {
            (Some("D"), Some(n)) => Ok(Some((true, n))),
            (Some("F"), Some(n)) => Ok(Some((false, n))),
            _ => Err(DeployError::Garbled { port: self.port(), expected: "a stat line".into(), received: super::error::show_bytes(&out) }),
        }
    }

    /// The entries directly in `dir`.
    pub fn listdir(&mut self, dir: &str) -> Result<Vec<RemoteEntry>> {
        let all = self.walk(dir, &BTreeMap::new(), &[])?;
        let prefix = if dir.is_empty() { String::new() } else { format!("{}/", dir.trim_end_matches('/')) };
        Ok(all.into_iter().filter(|e| e.path.strip_prefix(&prefix).is_some_and(|r| !r.contains('/'))).collect())
    }

    /// Reads a whole file.
    pub fn read(&mut self, path: &str, progress: &dyn DeployProgress) -> Result<Vec<u8>> {
        let caps = self.caps()?;
        if !caps.codec.base64 {
            return Err(DeployError::Unsupported {
                what: "the firmware has no binascii module, so files cannot be read back".into(),
                help: "use firmware with binascii (all standard builds have it)".into(),
            });
        }
        let size = match self.stat(path)? {
            Some((false, n)) => n,
            Some((true, _)) => return Err(DeployError::DeviceFs { port: self.port(), op: "read", path: path.into(), errno: Some(21), message: "is a directory".into(), help: "name a file" }),
            None => return Err(DeployError::DeviceFs { port: self.port(), op: "read", path: path.into(), errno: Some(2), message: "no such file or directory".into(), help: "check the path with `mpbuild ls`" }),
        };
        progress.event(DeployEvent::Started { op: DeployOp::Download, total: size, label: path.to_string() });
        let code = format!("_g({},{})", str_literal(path), (caps.codec.chunk() / 3 * 3).clamp(48, 3072));
        let out = match self.run(&code, "reading a file") {
            Ok(o) => o,
            Err(e) => return Err(self.fs_error(e, "read", path)),
        };
        let data = codec::decode_base64_lines(&out)
            .ok_or_else(|| DeployError::Garbled { port: self.port(), expected: "base64 file contents".into(), received: super::error::show_bytes(&out) })?;
        if data.len() as u64 != size {
            return Err(DeployError::Garbled { port: self.port(), expected: format!("{size} bytes of :{path}"), received: format!("{} bytes", data.len()) });
        }
        progress.event(DeployEvent::Advanced { op: DeployOp::Download, done: size });
        progress.event(DeployEvent::Finished { op: DeployOp::Download });
        Ok(data)
    }

    /// The SHA-256 of a file on the board (hashed there when it can, else read back).
    pub fn sha256(&mut self, path: &str) -> Result<String> {
        let caps = self.caps()?;
        if caps.sha256 {
            let out = match self.run(&format!("print(_h({}))", str_literal(path)), "hashing a file") {
                Ok(o) => o,
                Err(e) => return Err(self.fs_error(e, "hash", path)),
            };
            let h = String::from_utf8_lossy(&out).trim().to_string();
            if h.len() == 64 && h.bytes().all(|c| c.is_ascii_hexdigit()) {
                return Ok(h);
            }
            return Err(DeployError::Garbled { port: self.port(), expected: "a SHA-256".into(), received: super::error::show_bytes(&out) });
        }
        Ok(codec::sha256_hex(&self.read(path, &super::progress::NoProgress)?))
    }

    /// Creates directories (parents first; existing ones are fine).
    pub fn mkdirs(&mut self, dirs: &[String]) -> Result<()> {
        for batch in dirs.chunks(32) {
            let code: Vec<String> = batch.iter().map(|d| format!("_m({})", str_literal(d))).collect();
            if let Err(e) = self.run(&code.join("\n"), "creating directories") {
                return Err(self.fs_error(e, "mkdir", batch.first().map_or("", String::as_str)));
            }
        }
        Ok(())
    }

    /// Removes files.
    pub fn remove_files(&mut self, files: &[String]) -> Result<()> {
        for batch in files.chunks(32) {
            let code: Vec<String> = batch.iter().map(|f| format!("os.remove({})", str_literal(f))).collect();
            if let Err(e) = self.run(&code.join("\n"), "removing files") {
                return Err(self.fs_error(e, "rm", batch.first().map_or("", String::as_str)));
            }
        }
        Ok(())
    }

    /// Removes empty directories (children first).
    pub fn remove_dirs(&mut self, dirs: &[String]) -> Result<()> {
        for batch in dirs.chunks(32) {
            let code: Vec<String> = batch.iter().map(|d| format!("os.rmdir({})", str_literal(d))).collect();
            if let Err(e) = self.run(&code.join("\n"), "removing directories") {
                return Err(self.fs_error(e, "rmdir", batch.first().map_or("", String::as_str)));
            }
        }
        Ok(())
    }

    /// Writes files atomically and verified (see the module doc), batching small files into one exec and
    /// splitting big ones over several. Parent directories must exist.
    pub fn write_files(&mut self, files: &[Upload], progress: &dyn DeployProgress) -> Result<()> {
        let caps = self.caps()?;
        let total: u64 = files.iter().map(|f| f.data.len() as u64).sum();
        progress.event(DeployEvent::Started { op: DeployOp::Upload, total, label: format!("{} file(s)", files.len()) });
        let budget = caps.codec.exec_budget;
        let mut batch = Batch::default();
        let mut done = 0u64;
        for f in files {
            let tmp = format!("{}{TMP_SUFFIX}", f.path);
            let hash = codec::sha256_hex(&f.data);
            batch.script.push_str(&format!("_o({})\n", str_literal(&tmp)));
            batch.hashes.insert(f.path.clone(), hash.clone());
            batch.last = f.path.clone();
            for chunk in f.data.chunks(caps.codec.chunk()) {
                let expr = caps.codec.encode(chunk);
                if batch.script.len() + expr.len() > budget {
                    done += self.flush(&mut batch)?;
                    progress.event(DeployEvent::Advanced { op: DeployOp::Upload, done });
                }
                batch.script.push_str(&format!("_w({expr})\n"));
                batch.bytes += chunk.len() as u64;
            }
            batch.script.push_str(&format!("_c({},{},'{hash}',{})\n", str_literal(&tmp), str_literal(&f.path), f.data.len()));
            progress.event(DeployEvent::Item { op: DeployOp::Upload, path: f.path.clone(), action: "write".into() });
            if batch.script.len() > budget / 2 {
                done += self.flush(&mut batch)?;
                progress.event(DeployEvent::Advanced { op: DeployOp::Upload, done });
            }
        }
        if !batch.script.is_empty() {
            done += self.flush(&mut batch)?;
            progress.event(DeployEvent::Advanced { op: DeployOp::Upload, done });
        }
        progress.event(DeployEvent::Finished { op: DeployOp::Upload });
        Ok(())
    }

    /// Runs the pending part of a write batch; returns how many file bytes it carried.
    fn flush(&mut self, batch: &mut Batch) -> Result<u64> {
        let code = std::mem::take(&mut batch.script);
        let bytes = std::mem::take(&mut batch.bytes);
        match self.run(&code, "writing files") {
            Ok(_) => Ok(bytes),
            Err(DeployError::Exception { traceback, port, exception, context, help }) => {
                if let Some(rest) = exception.split("mpbuild-verify ").nth(1) {
                    let rest = rest.trim().trim_end_matches('\'');
                    let (got, path) = rest.split_once(' ').unwrap_or((rest, batch.last.as_str()));
                    let expected = batch.hashes.get(path).cloned().unwrap_or_default();
                    return Err(DeployError::Verify { port, path: path.to_string(), expected, got: got.to_string() });
                }
                let path = batch.last.clone();
                Err(self.fs_error(DeployError::Exception { traceback, port, exception, context, help }, "write", &path))
            }
            Err(e) => Err(e),
        }
    }

    /// Free and total bytes of the filesystem holding the working directory (`None` when unknown).
    pub fn storage(&mut self) -> Result<Option<(u64, u64)>> {
        let out = self.run("print(_M[0]*_M[3],_M[0]*_M[2]) if _M else print('-')", "reading storage")?;
        let text = String::from_utf8_lossy(&out);
        let mut it = text.split_whitespace().map(|s| s.parse::<u64>().ok());
        Ok(match (it.next().flatten(), it.next().flatten()) {
            (Some(free), Some(total)) => Some((free, total)),
            _ => None,
        })
    }
}

/// Joins a device directory and a relative path (`""` is the board's working directory).
pub fn join(dir: &str, rel: &str) -> String {
    if dir.is_empty() {
        rel.to_string()
    } else if rel.is_empty() {
        dir.to_string()
    } else {
        format!("{}/{}", dir.trim_end_matches('/'), rel)
    }
}

/// The parent directory of a device path (`""` for a name in the working directory).
pub fn parent(path: &str) -> &str {
    match path.rfind('/') {
        Some(0) => "/",
        Some(i) => &path[..i],
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_like_the_board() {
        assert_eq!(join("", "a.py"), "a.py");
        assert_eq!(join("/", "a.py"), "/a.py");
        assert_eq!(join("/flash/", "lib/a.py"), "/flash/lib/a.py");
        assert_eq!(parent("/a.py"), "/");
        assert_eq!(parent("lib/a.py"), "lib");
        assert_eq!(parent("a.py"), "");
    }
}
