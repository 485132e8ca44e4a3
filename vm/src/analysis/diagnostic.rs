//! What an analysis reports: [`Diagnostic`]s with byte ranges, and [`Fix`]es that say how safe they are.
//!
//! Everything here is plain data with byte offsets into the analysed text. Conversion to editor positions
//! (UTF-16, LSP types) happens in the `mpls` crate and nowhere else.

use crate::error::ErrorKind;
use crate::syntax::ast::TextRange;

use super::codes::Rule;

/// How loudly a diagnostic is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses a severity as written in configuration (`"error"`, `"warning"`, `"info"`, `"hint"`).
    pub fn parse(s: &str) -> Option<Severity> {
        match s.to_ascii_lowercase().as_str() {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" | "information" => Some(Severity::Info),
            "hint" => Some(Severity::Hint),
            _ => None,
        }
    }
}

/// Where a diagnostic comes from: one of our performance rules, or the compiler (what mpy-cross reports).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    Rule(Rule),
    Compile(ErrorKind),
}

impl Code {
    /// The code shown to users: `MP101` for a rule, the exception name (`SyntaxError`) for the compiler.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Rule(r) => r.code(),
            Code::Compile(k) => k.name(),
        }
    }

    pub fn rule(self) -> Option<Rule> {
        match self {
            Code::Rule(r) => Some(r),
            Code::Compile(_) => None,
        }
    }
}

/// One finding at one place in the source.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub code: Code,
    /// Byte range in the analysed text.
    pub range: TextRange,
    pub message: String,
    pub severity: Severity,
    /// Ways to fix it, the preferred one first; may be empty.
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    /// A rule's diagnostic with the rule's default severity and no fix yet.
    pub fn new(rule: Rule, range: TextRange, message: impl Into<String>) -> Self {
        Diagnostic {
            code: Code::Rule(rule),
            range,
            message: message.into(),
            severity: rule.default_severity(),
            fixes: Vec::new(),
        }
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }

    pub fn with_fixes(mut self, fixes: impl IntoIterator<Item = Fix>) -> Self {
        self.fixes.extend(fixes);
        self
    }

    pub fn rule(&self) -> Option<Rule> {
        self.code.rule()
    }
}

/// One text replacement: `range` (byte offsets) becomes `content`. An empty range is an insertion.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Edit {
    pub range: TextRange,
    pub content: String,
}

impl Edit {
    pub fn replace(range: TextRange, content: impl Into<String>) -> Self {
        Edit { range, content: content.into() }
    }

    pub fn insert(at: u32, content: impl Into<String>) -> Self {
        Edit { range: TextRange::new(at, at), content: content.into() }
    }

    pub fn delete(range: TextRange) -> Self {
        Edit { range, content: String::new() }
    }
}

/// How sure we are that applying a fix keeps the program's behaviour.
///
/// Ordered from least to most safe, as ruff orders it: "fix all" applies only [`Applicability::Safe`] fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Applicability {
    /// The edit shows what to do but must not be applied automatically (it is incomplete or needs a choice).
    DisplayOnly,
    /// The fix may change behaviour in cases the analysis cannot rule out (types, aliasing, value ranges);
    /// offered as a quick fix the user chooses, never applied in bulk.
    Unsafe,
    /// The fix keeps behaviour on every input.
    Safe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::DisplayOnly => "display-only",
            Applicability::Unsafe => "unsafe",
            Applicability::Safe => "safe",
        }
    }

    pub fn parse(s: &str) -> Option<Applicability> {
        match s {
            "display-only" => Some(Applicability::DisplayOnly),
            "unsafe" => Some(Applicability::Unsafe),
            "safe" => Some(Applicability::Safe),
            _ => None,
        }
    }
}

/// A set of edits applied together, with a title for the editor and how safe it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    /// Sorted by start offset; never overlapping.
    edits: Vec<Edit>,
    applicability: Applicability,
}

impl Fix {
    /// A fix that keeps behaviour on every input.
    pub fn safe_edits(title: impl Into<String>, edits: impl IntoIterator<Item = Edit>) -> Self {
        Fix::new(title, edits, Applicability::Safe)
    }

    /// A fix that may change behaviour in cases we cannot rule out.
    pub fn unsafe_edits(title: impl Into<String>, edits: impl IntoIterator<Item = Edit>) -> Self {
        Fix::new(title, edits, Applicability::Unsafe)
    }

    /// An illustration that must not be applied automatically.
    pub fn display_only_edits(title: impl Into<String>, edits: impl IntoIterator<Item = Edit>) -> Self {
        Fix::new(title, edits, Applicability::DisplayOnly)
    }

    /// Builds a fix with an explicit applicability (used when it is computed, e.g. read back from a client).
    pub fn new(title: impl Into<String>, edits: impl IntoIterator<Item = Edit>, applicability: Applicability) -> Self {
        let mut edits: Vec<Edit> = edits.into_iter().collect();
        edits.sort_by_key(|e| (e.range.start, e.range.end));
        edits.dedup();
        Fix { title: title.into(), edits, applicability }
    }

    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    pub fn applicability(&self) -> Applicability {
        self.applicability
    }

    /// The smallest range covering every edit.
    pub fn range(&self) -> Option<TextRange> {
        let start = self.edits.iter().map(|e| e.range.start).min()?;
        let end = self.edits.iter().map(|e| e.range.end).max()?;
        Some(TextRange::new(start, end))
    }
}

/// Applies fixes to `source` in order, skipping any fix whose edits overlap an edit already taken (an
/// identical edit, such as the same import inserted twice, is taken once). Returns the new text and how
/// many fixes were applied. Edits out of range or off a character boundary make their fix skipped.
pub fn apply_fixes<'a>(source: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> (String, usize) {
    let mut taken: Vec<Edit> = Vec::new();
    let mut applied = 0;
    'fixes: for fix in fixes {
        let mut new = Vec::new();
        for e in fix.edits() {
            let (s, t) = (e.range.start as usize, e.range.end as usize);
            if s > t || t > source.len() || !source.is_char_boundary(s) || !source.is_char_boundary(t) {
                continue 'fixes;
            }
            if taken.contains(e) {
                continue;
            }
            let clash = taken.iter().chain(new.iter()).any(|o: &Edit| overlaps(o.range, e.range));
            if clash {
                continue 'fixes;
            }
            new.push(e.clone());
        }
        taken.extend(new);
        applied += 1;
    }
    taken.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(source.len());
    let mut pos = 0usize;
    for e in &taken {
        out.push_str(&source[pos..e.range.start as usize]);
        out.push_str(&e.content);
        pos = e.range.end as usize;
    }
    out.push_str(&source[pos..]);
    (out, applied)
}

/// Two edits conflict when their ranges share a byte, or when one inserts strictly inside the other's
/// replaced range. Two insertions at the same place do not conflict: they are applied in the order taken
/// (fixes insert whole lines, such as two local aliases before the same loop).
fn overlaps(a: TextRange, b: TextRange) -> bool {
    if a.start == a.end && b.start == b.end {
        return false;
    }
    if a.start == a.end {
        return a.start > b.start && a.start < b.end;
    }
    if b.start == b.end {
        return b.start > a.start && b.start < a.end;
    }
    a.start < b.end && b.start < a.end
}
