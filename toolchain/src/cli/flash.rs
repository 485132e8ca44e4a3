//! `mpbuild flash IMAGE`: write MicroPython firmware: UF2 images to the RP2 BOOTSEL drive (entering
//! BOOTSEL with `machine.bootloader()` when `--port` names a running board), ESP32-family images with
//! espflash, ELF/HEX/raw images through a debug probe with probe-rs. `--plan` only prints what would happen.

use std::path::PathBuf;
use std::time::Duration;

use super::connect::{ConnectArgs, TransferBars};
use super::{Global, Out};
use crate::deploy::flash::{self, FlashOptions, Method};
use crate::deploy::DeployError;

#[derive(Debug, clap::Args)]
pub struct Cmd {
    /// The firmware image (.uf2, ESP .bin, .elf, .hex, or a raw .bin with --address).
    pub image: PathBuf,
    /// Force a method: uf2, esp or probe.
    #[arg(long, value_name = "METHOD")]
    pub method: Option<String>,
    /// Chip: esp32, esp32s3, ... for espflash; a probe-rs name (RP2040, STM32F405RGTx, nRF52840_xxAA) for probes.
    #[arg(long, value_name = "CHIP")]
    pub chip: Option<String>,
    /// Address to write at (ESP offset, or base address of a raw binary for probe-rs).
    #[arg(long, value_name = "ADDR", value_parser = parse_addr)]
    pub address: Option<u64>,
    /// Debug probe as VID:PID[:SERIAL].
    #[arg(long, value_name = "PROBE")]
    pub probe: Option<String>,
    /// The UF2 drive (default: found among the mounted volumes).
    #[arg(long, value_name = "DIR")]
    pub drive: Option<PathBuf>,
    /// Seconds to wait for the UF2 drive to appear.
    #[arg(long, default_value_t = 15.0)]
    pub wait: f64,
    /// Print the flash plan and stop.
    #[arg(long)]
    pub plan: bool,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

fn parse_addr(s: &str) -> Result<u64, String> {
    let r = match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(h) => u64::from_str_radix(&h.replace('_', ""), 16),
        None => s.replace('_', "").parse(),
    };
    r.map_err(|e| format!("bad address `{s}`: {e}"))
}

impl Cmd {
    pub fn run(self, _g: &Global, out: &Out) -> anyhow::Result<()> {
        let bytes = std::fs::read(&self.image).map_err(|e| DeployError::local("read", &self.image, e))?;
        let opts = FlashOptions {
            method: self.method.clone(),
            chip: self.chip.clone(),
            address: self.address,
            port: self.connect.port.clone(),
            probe: self.probe.clone(),
            drive: self.drive.clone(),
        };
        let plan = flash::plan(&self.image, &bytes, &opts)?;
        let describe = match &plan.method {
            Method::Uf2 { drive, .. } => format!("copy to the UF2 drive {}", drive.as_ref().map_or("(found automatically)".to_string(), |d| d.display().to_string())),
            Method::Esp { chip, offset, port } => format!("espflash: {} at {offset:#x} on {}", chip.name(), port.as_deref().unwrap_or("the detected port")),
            Method::Probe { chip, probe, base_address } => format!(
                "probe-rs: {chip} through {}{}",
                probe.as_deref().unwrap_or("the first probe"),
                base_address.map_or(String::new(), |a| format!(" at {a:#010x}"))
            ),
        };
        eprintln!("{} ({} bytes, {:?}): {describe}", self.image.display(), plan.size, plan.kind);
        if self.plan {
            out.line(describe);
            out.json(&serde_json::json!({ "ok": true, "plan": plan }));
            return Ok(());
        }
        let bars = TransferBars::new(out);
        let connect = self.connect.clone();
        let mut enter = move || -> crate::deploy::Result<()> {
            if connect.port.is_none() {
                return Ok(());
            }
            let mut t = crate::deploy::connect(&connect.options(None))?;
            eprintln!("asking the board to enter BOOTSEL (machine.bootloader())");
            t.send_and_leave(b"import machine\nmachine.bootloader()")
        };
        let report = flash::run(&plan, &bytes, Some(&mut enter), Duration::from_secs_f64(self.wait.clamp(0.0, 600.0)), &bars)?;
        out.line(format!("{} {}", out.good("flashed"), self.image.display()));
        out.json(&serde_json::json!({ "ok": true, "flash": report }));
        Ok(())
    }
}
