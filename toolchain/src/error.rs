//! The library's errors: typed, carrying their evidence (paths, sizes, lines), each with a stable code and a
//! `help` line for the person reading it (rendered by miette in the CLI, serialised for `--json`).

use std::path::PathBuf;

use miette::Diagnostic;
use serde::Serialize;

/// Everything `mpbuild` can fail with.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read, written, created or renamed.
    #[error("cannot {op} {}: {source}", path.display())]
    #[diagnostic(code(mpbuild::io), help("check that the path exists and that you may {op} it"))]
    Io {
        op: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// No project configuration was found.
    #[error("no mpbuild.toml (or Cargo.toml with [package.metadata.mpbuild]) in {} or its parents", start.display())]
    #[diagnostic(
        code(mpbuild::config::not_found),
        help("create an mpbuild.toml at the project root (see docs/mpbuild-toml.md), or pass the project directory")
    )]
    ConfigNotFound { start: PathBuf },

    /// The configuration is not valid TOML.
    #[error("{}: invalid TOML: {message}", path.display())]
    #[diagnostic(code(mpbuild::config::syntax), help("fix the TOML syntax at the position shown"))]
    ConfigSyntax { path: PathBuf, message: String },

    /// A key the schema does not know.
    #[error("{}: unknown key `{key}`", path.display())]
    #[diagnostic(code(mpbuild::config::unknown_key), help("{help}"))]
    ConfigUnknownKey { path: PathBuf, key: String, help: String },

    /// A key with a value of the wrong type or out of range.
    #[error("{}: invalid value for `{key}`: {message}", path.display())]
    #[diagnostic(code(mpbuild::config::invalid_value), help("see docs/mpbuild-toml.md for the allowed values of `{key}`"))]
    ConfigValue { path: PathBuf, key: String, message: String },

    /// `cargo metadata` failed while looking for `[package.metadata.mpbuild]`.
    #[error("cannot read Cargo metadata for {}: {message}", manifest.display())]
    #[diagnostic(code(mpbuild::config::cargo), help("run `cargo metadata` yourself to see the problem, or add an mpbuild.toml"))]
    CargoMetadata { manifest: PathBuf, message: String },

    /// A board ID that is not in the board table.
    #[error("unknown board `{board}`")]
    #[diagnostic(code(mpbuild::target::unknown_board), help("{help}"))]
    UnknownBoard { board: String, help: String },

    /// The target cannot be compiled for (wrong version, unknown arch, native code without an arch).
    #[error("{message}")]
    #[diagnostic(code(mpbuild::target::unsupported), help("{help}"))]
    Target { message: String, help: String },

    /// The device reports a `.mpy` version or arch that does not match the project's target.
    #[error("the device runs {device}, but the project targets {project}")]
    #[diagnostic(code(mpbuild::device::mismatch), help("{help}"))]
    DeviceMismatch { device: String, project: String, help: String },

    /// The device could not be queried.
    #[error("cannot query the device: {message}")]
    #[diagnostic(code(mpbuild::device::query), help("check the connection and that the board is at its REPL (not running a program)"))]
    DeviceQuery { message: String },

    /// A path given in the configuration or a manifest leaves the directories a build may read.
    #[error("{} is outside the project root {}", path.display(), root.display())]
    #[diagnostic(code(mpbuild::project::path_escapes), help("keep sources inside the project, or point the manifest variables (MPY_DIR, MPY_LIB_DIR, PORT_DIR, BOARD_DIR) at the directory"))]
    PathEscapes { path: PathBuf, root: PathBuf },

    /// A source named by the configuration does not exist.
    #[error("{} does not exist", path.display())]
    #[diagnostic(code(mpbuild::project::missing), help("fix the path in {origin}, or create the file"))]
    Missing { path: PathBuf, origin: String },

    /// Two sources would import as the same module.
    #[error("`{first}` and `{second}` both define module `{module}`")]
    #[diagnostic(code(mpbuild::project::name_clash), help("rename or exclude one of them: on the device only one would be importable"))]
    NameClash { module: String, first: String, second: String },

    /// A file name the target filesystem cannot hold.
    #[error("`{name}`: {reason}")]
    #[diagnostic(code(mpbuild::project::bad_name), help("rename the file"))]
    BadName { name: String, reason: String },

    /// One or more files failed to compile; every failure is listed.
    #[error("{} file(s) failed to compile", errors.len())]
    #[diagnostic(code(mpbuild::build::compile), help("fix the errors listed; nothing was written"))]
    Compile { errors: Vec<FileError> },

    /// The ROMFS image does not fit its partition.
    #[error("the ROMFS image is {size} bytes but the {partition} partition holds {capacity} bytes ({} bytes too many)", size - capacity)]
    #[diagnostic(code(mpbuild::romfs::too_large), help("leave modules out, raise the optimisation level (-O3 drops line numbers), or use a board with a larger ROMFS partition; nothing was written"))]
    RomfsTooLarge { size: u64, capacity: u64, partition: String },

    /// The target board has no ROMFS partition and no size was given.
    #[error("board {board} has no ROMFS partition in its default firmware")]
    #[diagnostic(code(mpbuild::romfs::no_partition), help("set [romfs] partition-size in mpbuild.toml (after building firmware with a ROMFS partition), or pass --partition-size"))]
    RomfsNoPartition { board: String },

    /// A manifest.py uses something outside the evaluated subset, or calls the API wrongly.
    #[error("{}:{line}: {message}", file.display())]
    #[diagnostic(code(mpbuild::manifest::error), help("{help}"))]
    Manifest { file: PathBuf, line: u32, message: String, help: String },

    /// Frozen-module generation failed (e.g. mixed native architectures).
    #[error("cannot freeze: {message}")]
    #[diagnostic(code(mpbuild::freeze::error), help("{help}"))]
    Freeze { message: String, help: String },

    /// A `.mpy` input could not be read.
    #[error("{}: not a valid .mpy file: {message}", path.display())]
    #[diagnostic(code(mpbuild::mpy::invalid), help("recompile it with mpy-cross 1.23 or later (format 6.3), or let mpbuild compile the .py"))]
    BadMpy { path: PathBuf, message: String },

    /// Talking to a board, transferring files or flashing failed (see [`crate::deploy::DeployError`]).
    #[error(transparent)]
    #[diagnostic(transparent)]
    Deploy(#[from] crate::deploy::DeployError),

    /// `mpbuild image`: a base firmware file that cannot be used (unreadable, another format or chip).
    #[error("{message}")]
    #[diagnostic(code(mpbuild::image::base), help("{help}"))]
    ImageBase { message: String, help: String },

    /// `mpbuild image`: the project does not fit the region it goes to.
    #[error("the {what} needs {size} bytes but the region at {addr:#010x}..{end:#010x} holds {capacity} bytes ({} bytes too many)", size - capacity)]
    #[diagnostic(code(mpbuild::image::too_large), help("leave modules out, raise the optimisation level (-O3 drops line numbers), or use a board (or partition table) with a larger region; nothing was written"))]
    ImageTooLarge { what: String, size: u64, capacity: u64, addr: u64, end: u64 },

    /// `mpbuild image`: the project's region overlaps the firmware's data.
    #[error("{message}")]
    #[diagnostic(code(mpbuild::image::overlap), help("{help}"))]
    ImageOverlap { message: String, help: String },

    /// `mpbuild image`: where the project goes is unknown for this board or firmware.
    #[error("{message}")]
    #[diagnostic(code(mpbuild::image::layout), help("{help}"))]
    ImageLayout { message: String, help: String },

    /// `mpbuild image --download`: the firmware could not be fetched.
    #[error("{message}")]
    #[diagnostic(code(mpbuild::image::download), help("{help}"))]
    Download { message: String, help: String },

    /// The firmware build (make) could not be prepared or failed.
    #[error("firmware build: {message}")]
    #[diagnostic(code(mpbuild::firmware::error), help("{help}"))]
    Firmware { message: String, help: String },
}

/// One file's compile failure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FileError {
    /// Path relative to the project root, with `/` separators.
    pub path: String,
    pub line: Option<u32>,
    /// The exception type (`SyntaxError`, ...), or `io` for a read failure.
    pub kind: String,
    pub message: String,
    /// The text mpy-cross would print.
    pub rendered: String,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}: {}", self.path, l, self.kind, self.message),
            None => write!(f, "{}: {}: {}", self.path, self.kind, self.message),
        }
    }
}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An I/O error on `path` while doing `op` ("read", "write", "create", ...).
    pub fn io(op: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { op, path: path.into(), source }
    }

    /// The stable code, e.g. `mpbuild::romfs::too_large`.
    pub fn code_str(&self) -> String {
        self.code().map(|c| c.to_string()).unwrap_or_else(|| "mpbuild::error".to_string())
    }

    /// The help line, if any.
    pub fn help_str(&self) -> Option<String> {
        self.help().map(|h| h.to_string())
    }

    /// A JSON object `{code, message, help, ...}` for `--json` output.
    pub fn to_json(&self) -> serde_json::Value {
        let mut v = serde_json::json!({
            "code": self.code_str(),
            "message": self.to_string(),
            "help": self.help_str(),
        });
        if let Error::Compile { errors } = self {
            v["files"] = serde_json::to_value(errors).unwrap_or_default();
        }
        v
    }
}
