//! `[lint]`: which of mpls's rules run (in the editor and in `mpbuild check`) and at which severity.
//!
//! ```toml
//! [lint]
//! select = ["MP101", "MP103"]   # rule codes or names; ["ALL"] or absent: every rule
//! ignore = ["MP104"]            # wins over select
//! compile = true                # also report what mpy-cross would report (default true)
//!
//! [lint.severity]               # per rule: error, warning, info or hint
//! MP103 = "warning"
//! ```

use std::collections::BTreeMap;

use mpy_vm::analysis::{Rule, Settings, Severity};
use serde::{Deserialize, Serialize};

use crate::Problem;

/// The `[lint]` table.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LintConfig {
    /// Rule codes (`MP101`) or names (`module-constant-without-const`) to report; `["ALL"]` or absent: all.
    pub select: Option<Vec<String>>,
    /// Rules never reported (wins over `select`).
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Severity per rule: `error`, `warning`, `info` or `hint`.
    #[serde(default)]
    pub severity: BTreeMap<String, String>,
    /// Report what mpy-cross would report for the file (default true).
    pub compile: Option<bool>,
}

fn rules(codes: &[String], key: &str, problems: &mut Vec<Problem>) -> Vec<Rule> {
    codes
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let r = Rule::from_code(c);
            if r.is_none() && !c.eq_ignore_ascii_case("ALL") {
                problems.push(Problem::value(format!("lint.{key}[{i}]"), format!("`{c}` is not a rule code (MP101 ... {})", last_code())));
            }
            r
        })
        .collect()
}

fn last_code() -> &'static str {
    Rule::ALL.last().map_or("", |r| r.code())
}

impl LintConfig {
    /// This table with `over`'s entries put over it (an editor's settings over the project file's):
    /// `select`, `ignore` and `compile` are replaced when `over` gives them, severities are merged.
    pub fn overlay(&self, over: &LintConfig, over_ignore: bool) -> LintConfig {
        let mut severity = self.severity.clone();
        severity.extend(over.severity.iter().map(|(k, v)| (k.clone(), v.clone())));
        LintConfig {
            select: over.select.clone().or_else(|| self.select.clone()),
            ignore: if over_ignore { over.ignore.clone() } else { self.ignore.clone() },
            severity,
            compile: over.compile.or(self.compile),
        }
    }

    /// Puts the selection, severities and `compile` into `settings`, and returns the problems found (unknown
    /// rule codes and severities, which are skipped).
    pub fn apply(&self, settings: &mut Settings) -> Vec<Problem> {
        let mut problems = Vec::new();
        settings.select = match &self.select {
            Some(s) if !s.iter().any(|c| c.eq_ignore_ascii_case("ALL")) => Some(rules(s, "select", &mut problems)),
            Some(s) => {
                rules(s, "select", &mut problems);
                None
            }
            None => None,
        };
        settings.ignore = rules(&self.ignore, "ignore", &mut problems);
        settings.severity.clear();
        for (code, level) in &self.severity {
            let key = format!("lint.severity.{code}");
            match (Rule::from_code(code), Severity::parse(level)) {
                (Some(r), Some(s)) => {
                    settings.severity.insert(r, s);
                }
                (None, _) => problems.push(Problem::value(key, format!("`{code}` is not a rule code (MP101 ... {})", last_code()))),
                (_, None) => problems.push(Problem::value(key, format!("`{level}` is not one of error, warning, info, hint"))),
            }
        }
        settings.compile_diagnostics = self.compile.unwrap_or(true);
        problems
    }

    /// The problems of this table (what [`LintConfig::apply`] would report).
    pub fn problems(&self) -> Vec<Problem> {
        self.apply(&mut Settings::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_severity_and_problems() {
        let l: LintConfig = toml::from_str("select = [\"MP103\", \"attribute-lookup-in-loop\", \"MP999\"]\nignore = [\"MP104\"]\ncompile = false\n[severity]\nMP103 = \"warning\"\nMP101 = \"loud\"\n").unwrap();
        let mut s = Settings::default();
        let problems = l.apply(&mut s);
        assert!(s.is_enabled(Rule::GlobalLookupInLoop));
        assert!(!s.is_enabled(Rule::AttributeLookupInLoop));
        assert!(!s.is_enabled(Rule::ModuleConstantWithoutConst));
        assert_eq!(s.severity.get(&Rule::GlobalLookupInLoop), Some(&Severity::Warning));
        assert!(!s.compile_diagnostics);
        let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["lint.select[2]", "lint.severity.MP101"]);
        let all: LintConfig = toml::from_str("select = [\"ALL\"]").unwrap();
        assert!(all.problems().is_empty());
        let over = all.overlay(&LintConfig { select: Some(vec!["MP105".into()]), ..Default::default() }, false);
        assert_eq!(over.select, Some(vec!["MP105".to_string()]));
    }
}
