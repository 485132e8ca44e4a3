//! `mpbuild info`: the board's MicroPython version, `.mpy` ABI, machine, free memory and storage.

use super::connect::ConnectArgs;
use super::{Global, Out};
use crate::deploy::info;

#[derive(Debug, clap::Args)]
pub struct Cmd {
    #[command(flatten)]
    pub connect: ConnectArgs,
}

impl Cmd {
    pub fn run(self, _g: &Global, out: &Out) -> anyhow::Result<()> {
        let mut t = self.connect.open(None)?;
        let i = info::query(&mut t)?;
        out.line(format!("port      {}", i.port));
        out.line(format!("version   MicroPython {}", i.version));
        out.line(format!("machine   {}", i.machine));
        out.line(format!("platform  {}", i.platform));
        out.line(format!("mpy       {} (arch {}, sys.implementation._mpy = {})", i.mpy, i.arch, i.mpy_raw));
        out.line(format!("heap      {} bytes free, {} used", i.mem_free, i.mem_alloc));
        match (i.fs_free, i.fs_total) {
            (Some(f), Some(t)) => out.line(format!("storage   {f} bytes free of {t}")),
            _ => out.line("storage   unknown"),
        }
        out.line(format!(
            "romfs     {}",
            match i.romfs_partitions {
                Some(n) => format!("{n} partition(s)"),
                None => "not supported by this firmware".to_string(),
            }
        ));
        if let Some(u) = &i.unique_id {
            out.line(format!("unique id {u}"));
        }
        out.json(&serde_json::json!({ "ok": true, "info": i }));
        Ok(())
    }
}
