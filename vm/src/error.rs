//! Compile errors as values, and their rendering exactly as mpy-cross prints them on stderr.

use crate::syntax::ast::TextRange;

/// The exception type mpy-cross reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    ViperTypeError,
    NotImplementedError,
    ValueError,
    OverflowError,
    MemoryError,
    RuntimeError,
    /// A failure of ours, never of the program: reported as mpy-cross would report nothing like it.
    Internal,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::ViperTypeError => "ViperTypeError",
            ErrorKind::NotImplementedError => "NotImplementedError",
            ErrorKind::ValueError => "ValueError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::MemoryError => "MemoryError",
            ErrorKind::RuntimeError => "RuntimeError",
            ErrorKind::Internal => "InternalError",
        }
    }
}

/// One compile error, carrying what mpy-cross prints and where in the source it points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: ErrorKind,
    pub message: String,
    /// 1-based line for the traceback; `None` prints no traceback at all (e.g. native `NotImplementedError`).
    pub line: Option<u32>,
    /// The scope name printed as `, in <scope>`; `None` for parse-level errors, which print no scope.
    pub scope: Option<String>,
    /// Source range for editors (byte offsets); may be empty when only the line is known.
    pub range: TextRange,
}

impl CompileError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        CompileError { kind, message: message.into(), line: None, scope: None, range: TextRange::default() }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        CompileError::new(ErrorKind::Internal, message)
    }

    pub fn at_line(mut self, line: u32) -> Self {
        self.line = Some(line);
        self
    }

    pub fn in_scope(mut self, scope: impl Into<String>) -> Self {
        self.scope = Some(scope.into());
        self
    }

    pub fn with_range(mut self, range: TextRange) -> Self {
        self.range = range;
        self
    }

    /// The text mpy-cross writes to stderr for this error, including the final newline.
    ///
    /// With a line: `Traceback (most recent call last):\n  File "<src>", line N[, in <scope>]\n<Type>: <msg>\n`.
    /// Without: `<Type>: <msg>\n`.
    pub fn render(&self, source_name: &str) -> String {
        let mut s = String::new();
        if let Some(line) = self.line {
            s.push_str("Traceback (most recent call last):\n");
            s.push_str(&format!("  File \"{source_name}\", line {line}"));
            if let Some(scope) = &self.scope {
                s.push_str(&format!(", in {scope}"));
            }
            s.push('\n');
        }
        if self.message.is_empty() {
            s.push_str(self.kind.name());
        } else {
            s.push_str(&format!("{}: {}", self.kind.name(), self.message));
        }
        s.push('\n');
        s
    }
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)?;
        if let Some(line) = self.line {
            write!(f, " (line {line})")?;
        }
        Ok(())
    }
}

impl std::error::Error for CompileError {}
