//! `mpbuild ports`: the serial ports of this machine, with what their USB IDs say they are.

use super::{Global, Out};
use crate::deploy::serial;

#[derive(Debug, clap::Args)]
pub struct Cmd {}

impl Cmd {
    pub fn run(self, _g: &Global, out: &Out) -> anyhow::Result<()> {
        let ports = serial::list_ports();
        let chosen = serial::detect(&ports).map(|p| p.name.clone());
        for p in &ports {
            let ids = match (p.vid, p.pid) {
                (Some(v), Some(d)) => format!("{v:04x}:{d:04x}"),
                _ => "-".into(),
            };
            let mark = if chosen.as_deref() == Some(p.name.as_str()) { "*" } else { " " };
            out.line(format!(
                "{mark} {:<20} {:<10} {} {}",
                p.name,
                ids,
                p.kind.unwrap_or(""),
                p.product.clone().or(p.manufacturer.clone()).unwrap_or_default()
            ));
        }
        if ports.is_empty() {
            out.line("no serial ports");
        }
        out.json(&serde_json::json!({ "ok": true, "ports": ports, "default": chosen }));
        Ok(())
    }
}
