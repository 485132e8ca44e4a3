//! Serial ports: opening one as a [`Link`] (tolerating ports without modem lines: ptys, simulators, some USB
//! bridges), and choosing the port: `--port`, then `MPBUILD_PORT`, then the first USB port whose VID/PID
//! belongs to a MicroPython board or a common USB-serial bridge.

use std::io::{self, Read, Write};
use std::time::Duration;

use serde::Serialize;
use serialport::{SerialPort, SerialPortType};

use super::error::{DeployError, Result};
use super::link::Link;

/// The environment variable naming the default port.
pub const PORT_ENV: &str = "MPBUILD_PORT";

/// The default baud rate (ignored by USB CDC boards).
pub const DEFAULT_BAUD: u32 = 115_200;

/// A serial port as a [`Link`].
pub struct SerialLink {
    port: Box<dyn SerialPort>,
    name: String,
    timeout: Duration,
}

impl std::fmt::Debug for SerialLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SerialLink").field("name", &self.name).finish()
    }
}

impl SerialLink {
    /// Opens `name` at `baud`, in raw mode. DTR/RTS are not touched on open: setting them fails with ENOTTY on
    /// ptys, and toggling them resets some ESP32 boards.
    pub fn open(name: &str, baud: u32) -> Result<SerialLink> {
        let port = serialport::new(name, baud)
            .timeout(Duration::from_millis(100))
            .preserve_dtr_on_open()
            .open()
            .map_err(|e| DeployError::Open { port: name.to_string(), message: e.to_string() })?;
        Ok(SerialLink { port, name: name.to_string(), timeout: Duration::from_millis(100) })
    }
}

impl SerialLink {
    /// A second handle on the same port (one thread reads while another writes).
    pub fn try_clone(&self) -> Result<SerialLink> {
        let port = self.port.try_clone().map_err(|e| DeployError::Open { port: self.name.clone(), message: e.to_string() })?;
        Ok(SerialLink { port, name: self.name.clone(), timeout: self.timeout })
    }
}

impl Link for SerialLink {
    fn write_all(&mut self, data: &[u8]) -> io::Result<()> {
        self.port.write_all(data)?;
        self.port.flush()
    }

    fn read_timeout(&mut self, buf: &mut [u8], timeout: Duration) -> io::Result<usize> {
        if timeout != self.timeout {
            self.port.set_timeout(timeout).map_err(io::Error::from)?;
            self.timeout = timeout;
        }
        match self.port.read(buf) {
            Ok(0) => Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the port was closed")),
            Ok(n) => Ok(n),
            Err(e) if e.kind() == io::ErrorKind::TimedOut || e.kind() == io::ErrorKind::WouldBlock => Ok(0),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(0),
            Err(e) => Err(e),
        }
    }

    fn name(&self) -> &str {
        &self.name
    }

    /// Sets DTR and RTS; a port without modem lines (ENOTTY, as on a pty) is not an error.
    fn set_lines(&mut self, dtr: bool, rts: bool) -> io::Result<()> {
        for r in [self.port.write_data_terminal_ready(dtr), self.port.write_request_to_send(rts)] {
            if let Err(e) = r {
                let io: io::Error = e.into();
                if !no_modem_lines(&io) {
                    return Err(io);
                }
            }
        }
        Ok(())
    }
}

/// True for the errors a port without modem lines gives to TIOCMBIS/TIOCMBIC.
fn no_modem_lines(e: &io::Error) -> bool {
    // ENOTTY (25 on Linux and macOS) or EINVAL; serialport maps some of them to `Unknown`/`InvalidInput`.
    matches!(e.raw_os_error(), Some(25 | 22)) || e.to_string().contains("Inappropriate ioctl") || e.kind() == io::ErrorKind::InvalidInput
}

/// A serial port seen on this machine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PortInfo {
    pub name: String,
    pub vid: Option<u16>,
    pub pid: Option<u16>,
    pub manufacturer: Option<String>,
    pub product: Option<String>,
    pub serial_number: Option<String>,
    /// What the VID/PID says the device is, when known.
    pub kind: Option<&'static str>,
}

/// USB vendor IDs (and, for bridges, product IDs) of boards that run MicroPython.
const KNOWN_USB: &[(u16, Option<u16>, &str)] = &[
    (0x2e8a, None, "Raspberry Pi RP2"),
    (0x303a, None, "Espressif native USB"),
    (0xf055, None, "MicroPython pyboard"),
    (0x239a, None, "Adafruit"),
    (0x1209, None, "pid.codes board"),
    (0x10c4, Some(0xea60), "CP210x USB-UART bridge"),
    (0x1a86, Some(0x7523), "CH340 USB-UART bridge"),
    (0x1a86, Some(0x55d4), "CH9102 USB-UART bridge"),
    (0x0403, Some(0x6001), "FTDI USB-UART bridge"),
    (0x0403, Some(0x6015), "FTDI USB-UART bridge"),
    (0x0483, Some(0x5740), "STM32 virtual COM port"),
    (0x0d28, Some(0x0204), "DAPLink / micro:bit"),
];

/// What a VID/PID is known as.
pub fn usb_kind(vid: u16, pid: u16) -> Option<&'static str> {
    KNOWN_USB.iter().find(|(v, p, _)| *v == vid && p.is_none_or(|p| p == pid)).map(|(_, _, k)| *k)
}

/// The serial ports of this machine (Bluetooth ports left out).
pub fn list_ports() -> Vec<PortInfo> {
    // serialport's sysfs scan panics when /sys/class/tty is missing (containers): check first.
    if cfg!(target_os = "linux") && !std::path::Path::new("/sys/class/tty").is_dir() {
        return Vec::new();
    }
    let Ok(ports) = serialport::available_ports() else { return Vec::new() };
    let mut out: Vec<PortInfo> = ports
        .into_iter()
        .filter_map(|p| match p.port_type {
            SerialPortType::UsbPort(u) => Some(PortInfo {
                kind: usb_kind(u.vid, u.pid),
                name: p.port_name,
                vid: Some(u.vid),
                pid: Some(u.pid),
                manufacturer: u.manufacturer,
                product: u.product,
                serial_number: u.serial_number,
            }),
            SerialPortType::BluetoothPort => None,
            _ => Some(PortInfo { name: p.port_name, vid: None, pid: None, manufacturer: None, product: None, serial_number: None, kind: None }),
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// Picks the first port that looks like a MicroPython board.
pub fn detect(ports: &[PortInfo]) -> Option<&PortInfo> {
    ports.iter().find(|p| p.kind.is_some()).or_else(|| ports.iter().find(|p| p.vid.is_some()))
}

/// Resolves the port to use: the explicit one, else `MPBUILD_PORT`, else auto-detection.
pub fn resolve_port(explicit: Option<&str>) -> Result<String> {
    if let Some(p) = explicit.filter(|p| !p.is_empty() && *p != "auto") {
        return Ok(p.to_string());
    }
    if explicit.is_none() {
        if let Some(p) = std::env::var(PORT_ENV).ok().filter(|p| !p.is_empty() && p != "auto") {
            return Ok(p);
        }
    }
    let ports = list_ports();
    match detect(&ports) {
        Some(p) => Ok(p.name.clone()),
        None if ports.is_empty() => Err(DeployError::NoPort { detail: "this machine has no serial ports".to_string() }),
        None => Err(DeployError::NoPort {
            detail: format!(
                "none of the serial ports ({}) is a USB device",
                ports.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")
            ),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn port(name: &str, vid: Option<u16>, pid: Option<u16>) -> PortInfo {
        PortInfo {
            name: name.into(),
            vid,
            pid,
            manufacturer: None,
            product: None,
            serial_number: None,
            kind: vid.zip(pid).and_then(|(v, p)| usb_kind(v, p)),
        }
    }

    #[test]
    fn detection_prefers_known_boards() {
        let ports = vec![port("/dev/ttyS0", None, None), port("/dev/ttyUSB0", Some(0x1234), Some(1)), port("/dev/ttyACM0", Some(0x2e8a), Some(0x0005))];
        assert_eq!(detect(&ports).map(|p| p.name.as_str()), Some("/dev/ttyACM0"));
        let ports = vec![port("/dev/ttyS0", None, None), port("/dev/ttyUSB0", Some(0x1234), Some(1))];
        assert_eq!(detect(&ports).map(|p| p.name.as_str()), Some("/dev/ttyUSB0"));
        assert_eq!(detect(&[port("/dev/ttyS0", None, None)]), None);
    }

    #[test]
    fn bridges_need_their_pid() {
        assert_eq!(usb_kind(0x10c4, 0xea60), Some("CP210x USB-UART bridge"));
        assert_eq!(usb_kind(0x10c4, 0x0001), None);
        assert_eq!(usb_kind(0x2e8a, 0x0009), Some("Raspberry Pi RP2"));
    }

    #[test]
    fn explicit_port_wins() {
        assert_eq!(resolve_port(Some("/dev/ttyX")).unwrap(), "/dev/ttyX");
    }

    #[test]
    fn opening_a_missing_port_is_a_clear_error() {
        let e = SerialLink::open("/nonexistent/tty", DEFAULT_BAUD).unwrap_err();
        assert!(e.to_string().starts_with("cannot open /nonexistent/tty"), "{e}");
    }
}
