//! `[deploy]` in mpbuild.toml: where on the board the build goes, whether files gone from the project are
//! deleted there, extra ignore patterns (after `.mpbuildignore`), path mapping, and the default port.
//!
//! ```toml
//! [deploy]
//! dest = "/"                 # board directory (default: the board's working directory, `/` on boards)
//! delete = true              # mirror: delete board files the build no longer has (default false)
//! ignore = ["data/", "*.log"]
//! port = "/dev/ttyACM0"      # default port (MPBUILD_PORT and --port override it)
//! [deploy.map]
//! "www" = "static/www"       # build path prefix -> board path prefix (relative to dest)
//! ```

use serde::{Deserialize, Serialize};

/// The `[deploy]` table.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DeployConfig {
    pub dest: Option<String>,
    pub delete: Option<bool>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub map: toml::Table,
    pub port: Option<String>,
    pub baud: Option<u32>,
}

impl DeployConfig {
    /// The mapping as (build prefix, board prefix) pairs; non-string values are skipped.
    pub fn map_pairs(&self) -> Vec<(String, String)> {
        self.map.iter().filter_map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_string()))).collect()
    }
}
