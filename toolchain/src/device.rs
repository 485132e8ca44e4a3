//! Matching a build to a device: the seam to the device transport (one primitive, [`Transport::exec`]), the
//! query of `sys.implementation._mpy`, `_machine` and `sys.platform`, and the check of the project's target
//! against what the device loads.
//!
//! [`open`] knows a local transport, `exec:<program>`, which runs a MicroPython executable (such as the unix
//! port) with `-c`, and serial ports (the raw-REPL transport of `crate::deploy`).

use std::process::Command;

use mpy_vm::Arch;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::target::Target;

/// A way to run Python code on a device and read what it prints.
pub trait Transport {
    /// Runs `code`, returning its standard output; a traceback is an error.
    fn exec(&mut self, code: &str) -> Result<String>;
}

/// What the device told us.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DeviceInfo {
    /// `sys.implementation._mpy` as reported.
    pub mpy_raw: u32,
    pub version: u8,
    pub sub_version: u8,
    /// The native arch the firmware loads (`None` when it has no native emitter support).
    #[serde(serialize_with = "ser_arch")]
    pub arch: Option<Arch>,
    pub machine: String,
    pub platform: String,
}

fn ser_arch<S: serde::Serializer>(a: &Option<Arch>, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(a.map_or("none", Arch::name))
}

/// The code sent to the device: three lines of output.
pub const QUERY: &str = "import sys\nprint(getattr(sys.implementation, '_mpy', 0))\nprint(getattr(sys.implementation, '_machine', ''))\nprint(sys.platform)\n";

/// Decodes `sys.implementation._mpy`: bits 0-7 version, 8-9 sub-version, 10-13 arch (`py/persistentcode.h`).
pub fn decode_mpy(raw: u32) -> (u8, u8, Option<Arch>) {
    let version = (raw & 0xff) as u8;
    let sub = ((raw >> 8) & 3) as u8;
    let arch = Arch::from_code(((raw >> 10) & 0xf) as u8);
    (version, sub, arch)
}

/// Parses the output of [`QUERY`].
pub fn parse_query(out: &str) -> Result<DeviceInfo> {
    let lines: Vec<&str> = out.lines().map(str::trim).collect();
    let [raw, machine, platform, ..] = lines.as_slice() else {
        return Err(Error::DeviceQuery { message: format!("unexpected reply {out:?}") });
    };
    let mpy_raw: u32 = raw.parse().map_err(|_| Error::DeviceQuery { message: format!("`_mpy` is {raw:?}, not a number") })?;
    if mpy_raw == 0 {
        return Err(Error::DeviceQuery {
            message: "the firmware does not report sys.implementation._mpy (MicroPython before 1.19?)".to_string(),
        });
    }
    let (version, sub_version, arch) = decode_mpy(mpy_raw);
    Ok(DeviceInfo { mpy_raw, version, sub_version, arch, machine: (*machine).to_string(), platform: (*platform).to_string() })
}

/// Asks the device.
pub fn query(t: &mut dyn Transport) -> Result<DeviceInfo> {
    parse_query(&t.exec(QUERY)?)
}

/// ARM loaders accept any ARM arch from armv6m up to their own (`MPY_FEATURE_ARCH_TEST`); other arches must
/// match exactly.
pub fn arch_loads(device: Arch, code: Arch) -> bool {
    let arm = |a: Arch| (Arch::Armv6m as u8..=Arch::Armv7emdp as u8).contains(&(a as u8));
    if arm(device) && arm(code) {
        (code as u8) <= (device as u8)
    } else {
        device == code
    }
}

/// The project's target adjusted to the device: the device's `.mpy` version and arch, refusing a project
/// that names an arch the device cannot load.
pub fn match_target(project: &Target, dev: &DeviceInfo) -> Result<Target> {
    let device_desc = format!(
        "mpy {}.{} {} ({})",
        dev.version,
        dev.sub_version,
        dev.arch.map_or("without native code", Arch::name),
        if dev.machine.is_empty() { &dev.platform } else { &dev.machine }
    );
    if dev.version != crate::target::MPY_WRITTEN.0 {
        return Err(Error::DeviceMismatch {
            device: device_desc,
            project: project.describe(),
            help: "mpbuild writes .mpy 6.3: update the device to MicroPython 1.23 or later".to_string(),
        });
    }
    let mut t = project.clone();
    t.mpy = (dev.version, dev.sub_version);
    match (project.arch, dev.arch) {
        (Some(p), Some(d)) if !arch_loads(d, p) => {
            return Err(Error::DeviceMismatch {
                device: device_desc,
                project: project.describe(),
                help: format!(
                    "set [target] arch = \"{}\" (or the board ID of this device) in mpbuild.toml, or build without --device",
                    d.name()
                ),
            });
        }
        (Some(_), Some(_)) => {}
        (Some(_), None) => {
            return Err(Error::DeviceMismatch {
                device: device_desc,
                project: project.describe(),
                help: "this firmware cannot load native code: set [target] arch = \"none\" and use the bytecode emitter".to_string(),
            });
        }
        (None, d) => t.arch = d,
    }
    Ok(t)
}

/// Runs a local MicroPython executable: `exec(code)` is `<program> -c <code>`.
#[derive(Clone, Debug)]
pub struct ProcessTransport {
    pub program: String,
}

impl Transport for ProcessTransport {
    fn exec(&mut self, code: &str) -> Result<String> {
        let out = Command::new(&self.program)
            .arg("-c")
            .arg(code)
            .output()
            .map_err(|e| Error::DeviceQuery { message: format!("cannot run {}: {e}", self.program) })?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        if stderr.contains("Traceback") || stdout.contains("Traceback") {
            return Err(Error::DeviceQuery { message: format!("the device raised an exception: {stderr}{stdout}") });
        }
        Ok(stdout)
    }
}

/// Opens a transport by name: `exec:<program>` runs a local MicroPython; anything else is a serial port
/// driven through the raw REPL (`crate::deploy`).
pub fn open(port: &str) -> Result<Box<dyn Transport>> {
    if let Some(program) = port.strip_prefix("exec:") {
        return Ok(Box::new(ProcessTransport { program: program.to_string() }));
    }
    // A serial port: the deploy layer's raw-REPL transport.
    let opts = crate::deploy::ConnectOptions { port: Some(port.to_string()), ..crate::deploy::ConnectOptions::default() };
    let board = crate::deploy::connect(&opts).map_err(|e| Error::DeviceQuery { message: e.to_string() })?;
    Ok(Box::new(crate::deploy::DeviceAdapter(board)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode() {
        // unix x64 firmware: 6 | 3<<8 | 2<<10.
        let (v, s, a) = decode_mpy(6 | (3 << 8) | (2 << 10));
        assert_eq!((v, s, a), (6, 3, Some(Arch::X64)));
    }

    #[test]
    fn arm_compatibility() {
        assert!(arch_loads(Arch::Armv7emsp, Arch::Armv7m));
        assert!(arch_loads(Arch::Armv7m, Arch::Armv6m));
        assert!(!arch_loads(Arch::Armv6m, Arch::Armv7m));
        assert!(!arch_loads(Arch::Xtensawin, Arch::Xtensa));
    }

    #[test]
    fn mismatch_says_what_to_do() {
        let dev = parse_query(&format!("{}\nRaspberry Pi Pico with RP2040\nrp2\n", 6 | (3 << 8) | (4 << 10))).unwrap();
        let t = Target { arch: Some(Arch::Xtensawin), ..Target::default() };
        let e = match_target(&t, &dev).unwrap_err();
        assert_eq!(e.code_str(), "mpbuild::device::mismatch");
        assert!(e.help_str().unwrap().contains("armv6m"));
        let ok = match_target(&Target::default(), &dev).unwrap();
        assert_eq!(ok.arch, Some(Arch::Armv6m));
    }
}
