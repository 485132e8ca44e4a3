//! `mpbuild reset`: hard reset (`machine.reset()`), soft reset (`--soft`, Ctrl-D at the raw REPL), or
//! `--bootloader` (`machine.bootloader()`).

use super::connect::ConnectArgs;
use super::{Global, Out};

#[derive(Debug, clap::Args)]
pub struct Cmd {
    /// Soft reset: restart MicroPython without resetting the chip.
    #[arg(long, conflicts_with = "bootloader")]
    pub soft: bool,
    /// Enter the bootloader (BOOTSEL drive on RP2, DFU on STM32, download mode on ESP32-S2/S3).
    #[arg(long)]
    pub bootloader: bool,
    #[command(flatten)]
    pub connect: ConnectArgs,
}

impl Cmd {
    pub fn run(self, _g: &Global, out: &Out) -> anyhow::Result<()> {
        let mut t = self.connect.open(None)?;
        if self.soft {
            t.soft_reset()?;
            out.line("soft reset done");
        } else if self.bootloader {
            t.send_and_leave(b"import machine\nmachine.bootloader()")?;
            out.line("the board is entering its bootloader");
        } else {
            t.send_and_leave(b"import machine\nmachine.reset()")?;
            out.line("the board is resetting");
        }
        out.json(&serde_json::json!({ "ok": true }));
        Ok(())
    }
}
