//! The stored profile the editor reads: `.mpbuild/profile.json` under the project root (what `--json`
//! prints, plus the entry and the time it was taken), and the flame graph beside it.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::hints::FunctionHints;
use super::report::Profile;

/// Where the profile is stored, relative to the project root.
pub const PROFILE_JSON: &str = ".mpbuild/profile.json";
/// Where the flame graph is written by default, relative to the project root.
pub const PROFILE_SVG: &str = ".mpbuild/profile.svg";

/// The stored document (format version 1, documented in docs/profile.md).
#[derive(Clone, Debug, Serialize)]
pub struct Stored<'a> {
    pub version: u32,
    /// The entry script, relative to the project root.
    pub entry: &'a str,
    /// `local` or the board's port.
    pub ran_on: &'a str,
    /// Seconds since the Unix epoch.
    pub created: u64,
    #[serde(flatten)]
    pub profile: &'a Profile,
    pub hints: &'a [FunctionHints],
}

/// Writes the profile under `root` (atomically, so an editor never reads half a file).
pub fn save(root: &Path, stored: &Stored) -> std::io::Result<PathBuf> {
    let path = root.join(PROFILE_JSON);
    let text = serde_json::to_vec_pretty(stored).map_err(std::io::Error::other)?;
    crate::fsutil::write_atomic(&path, &text).map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(path)
}
