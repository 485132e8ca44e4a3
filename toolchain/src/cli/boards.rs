//! `mpbuild boards [ID]`: the board table, or one board with the source of each fact.

use super::{Global, Out};
use crate::boards;

#[derive(Debug, clap::Args)]
pub struct Cmd {
    /// A board ID (optionally `ID-VARIANT`) to show in full.
    pub board: Option<String>,
}

impl Cmd {
    pub fn run(self, _g: &Global, out: &Out) -> anyhow::Result<()> {
        match self.board {
            Some(id) => {
                let b = boards::find(&id, None)?;
                out.line(format!("{} ({} port, {}): -march={} mpy {} firmware .{}", b.full_id(), b.port, b.mcu, b.arch, b.mpy, b.firmware_format));
                let opt = |v: Option<u64>| v.map_or("unknown".to_string(), |v| format!("{v} ({v:#x})"));
                out.line(format!("  flash {}  filesystem {}  romfs {}", opt(b.flash_bytes), opt(b.filesystem_bytes), opt(b.romfs_bytes)));
                for (k, v) in &b.source {
                    out.line(format!("  {k}: {v}"));
                }
                out.json(&serde_json::json!({ "ok": true, "board": b }));
            }
            None => {
                let all = boards::all()?;
                for b in all {
                    let variants: Vec<&str> = b.variants.keys().map(String::as_str).collect();
                    let v = if variants.is_empty() { String::new() } else { format!("  variants: {}", variants.join(", ")) };
                    out.line(format!("{:<22} {:<8} {:<12} {:<10}{v}", b.id, b.port, b.mcu, b.arch));
                }
                out.json(&serde_json::json!({ "ok": true, "boards": all }));
            }
        }
        Ok(())
    }
}
