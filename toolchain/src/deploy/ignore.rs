//! Ignore rules for `mpbuild deploy`, in the gitignore style users know: one pattern a line from
//! `.mpbuildignore` (and `[deploy] ignore` in mpbuild.toml), `#` comments, `!` to re-include, a trailing
//! `/` for directories only, a `/` at the start or in the middle to anchor the pattern at the root of the
//! board's tree, `*`, `?`, `**` and `[...]` globs. Patterns match paths relative to the deploy destination.
//! An ignored file is neither uploaded nor deleted.

use globset::{GlobBuilder, GlobMatcher};

use super::error::{DeployError, Result};

/// The ignore file read from the project root.
pub const IGNORE_FILE: &str = ".mpbuildignore";

#[derive(Clone, Debug)]
struct Rule {
    matcher: GlobMatcher,
    negated: bool,
    dir_only: bool,
}

/// A compiled list of ignore patterns.
#[derive(Clone, Debug, Default)]
pub struct Ignore {
    rules: Vec<Rule>,
}

impl Ignore {
    /// Compiles patterns; `origin` names where they came from in errors.
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>, origin: &str) -> Result<Ignore> {
        let mut rules = Vec::new();
        for (i, raw) in patterns.into_iter().enumerate() {
            let line = raw.trim_end();
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (negated, pat) = match line.strip_prefix('!') {
                Some(p) => (true, p),
                None => (false, line.strip_prefix('\\').unwrap_or(line)),
            };
            let (dir_only, pat) = match pat.strip_suffix('/') {
                Some(p) => (true, p),
                None => (false, pat),
            };
            let anchored = pat.starts_with('/') || pat.trim_start_matches('/').contains('/');
            let body = pat.trim_start_matches('/');
            if body.is_empty() {
                continue;
            }
            let glob = if anchored { body.to_string() } else { format!("**/{body}") };
            let matcher = GlobBuilder::new(&glob)
                .literal_separator(true)
                .backslash_escape(true)
                .build()
                .map_err(|e| DeployError::usage(format!("{origin}:{}: bad ignore pattern `{raw}`: {e}", i + 1), "fix the pattern (gitignore syntax)"))?
                .compile_matcher();
            rules.push(Rule { matcher, negated, dir_only });
        }
        Ok(Ignore { rules })
    }

    /// Reads `.mpbuildignore` in `root` (if any) and adds `extra` patterns after it.
    pub fn load(root: &std::path::Path, extra: &[String]) -> Result<Ignore> {
        let path = root.join(IGNORE_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(DeployError::local("read", path, e)),
        };
        let mut all: Vec<&str> = text.lines().collect();
        all.extend(extra.iter().map(String::as_str));
        Ignore::new(all, IGNORE_FILE)
    }

    /// Adds the rules of `other` after these (they win).
    pub fn extend(&mut self, other: Ignore) {
        self.rules.extend(other.rules);
    }

    fn matches_one(&self, path: &str, is_dir: bool) -> bool {
        let mut ignored = false;
        for r in &self.rules {
            if r.dir_only && !is_dir {
                continue;
            }
            if r.matcher.is_match(path) {
                ignored = !r.negated;
            }
        }
        ignored
    }

    /// Whether `rel` (with `/` separators, relative to the destination) is ignored. A path inside an
    /// ignored directory is ignored.
    pub fn is_ignored(&self, rel: &str, is_dir: bool) -> bool {
        if self.rules.is_empty() {
            return false;
        }
        let rel = rel.trim_start_matches('/');
        let mut at = 0;
        while let Some(i) = rel[at..].find('/') {
            if self.matches_one(&rel[..at + i], true) {
                return true;
            }
            at += i + 1;
        }
        self.matches_one(rel, is_dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ig(p: &[&str]) -> Ignore {
        Ignore::new(p.iter().copied(), "test").unwrap()
    }

    #[test]
    fn basename_patterns_match_at_any_depth() {
        let i = ig(&["*.txt", "__pycache__/"]);
        assert!(i.is_ignored("notes.txt", false));
        assert!(i.is_ignored("lib/a/notes.txt", false));
        assert!(!i.is_ignored("lib/a/notes.py", false));
        assert!(i.is_ignored("lib/__pycache__/x.mpy", false));
        assert!(!i.is_ignored("__pycache__", false), "a file named like a dir-only pattern");
    }

    #[test]
    fn anchored_patterns_and_negation() {
        let i = ig(&["# data the board writes", "/data", "logs/*.log", "!logs/keep.log"]);
        assert!(i.is_ignored("data", true));
        assert!(i.is_ignored("data/x.csv", false));
        assert!(!i.is_ignored("lib/data", true));
        assert!(i.is_ignored("logs/a.log", false));
        assert!(!i.is_ignored("logs/keep.log", false));
        assert!(!i.is_ignored("x/logs/a.log", false));
    }

    #[test]
    fn bad_pattern_is_an_error_naming_the_line() {
        let e = Ignore::new(["ok", "a[b"], ".mpbuildignore").unwrap_err();
        assert!(e.to_string().starts_with(".mpbuildignore:2: bad ignore pattern"), "{e}");
    }
}
