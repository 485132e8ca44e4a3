//! `# noqa` suppression comments: `# noqa` silences every rule on its line, `# noqa: MP101, MP103` only those.

use super::codes::Rule;

/// What one line's `# noqa` comment suppresses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Noqa {
    All,
    Codes(Vec<String>),
}

impl Noqa {
    pub fn suppresses(&self, rule: Rule) -> bool {
        match self {
            Noqa::All => true,
            Noqa::Codes(cs) => cs.iter().any(|c| c.eq_ignore_ascii_case(rule.code()) || *c == rule.name()),
        }
    }
}

/// Finds the `# noqa` directive in one line of source, if any. The comment may follow code; the codes list
/// is separated by commas or spaces.
pub fn parse_line(line: &str) -> Option<Noqa> {
    let lower = line.to_ascii_lowercase();
    let mut search = 0;
    while let Some(i) = lower[search..].find('#') {
        let hash = search + i;
        let rest = lower[hash + 1..].trim_start();
        if let Some(after) = rest.strip_prefix("noqa") {
            let after_orig = &line[line.len() - after.len()..];
            let after_trim = after_orig.trim_start();
            if let Some(list) = after_trim.strip_prefix(':') {
                let codes: Vec<String> = list
                    .split(|c: char| c == ',' || c.is_whitespace())
                    .map(str::trim)
                    .take_while(|c| !c.starts_with('#'))
                    .filter(|c| !c.is_empty())
                    .map(str::to_string)
                    .collect();
                return Some(if codes.is_empty() { Noqa::All } else { Noqa::Codes(codes) });
            }
            if after.is_empty() || after.starts_with(|c: char| c.is_whitespace() || c == '#') {
                return Some(Noqa::All);
            }
        }
        search = hash + 1;
    }
    None
}

/// The text of the `# noqa: CODE` comment to add to a line that may already have one.
pub fn add_code(line: &str, rule: Rule) -> Option<(usize, String)> {
    match parse_line(line) {
        Some(Noqa::All) => None,
        Some(Noqa::Codes(cs)) if cs.iter().any(|c| c.eq_ignore_ascii_case(rule.code())) => None,
        Some(Noqa::Codes(_)) => Some((line.trim_end().len(), format!(", {}", rule.code()))),
        None => Some((line.trim_end().len(), format!("  # noqa: {}", rule.code()))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_forms() {
        assert_eq!(parse_line("x = 1  # noqa"), Some(Noqa::All));
        assert_eq!(parse_line("x = 1  #noqa:MP101"), Some(Noqa::Codes(vec!["MP101".into()])));
        assert_eq!(parse_line("x = 1  # NOQA: MP101, MP103"), Some(Noqa::Codes(vec!["MP101".into(), "MP103".into()])));
        assert_eq!(parse_line("x = 1  # noqa: MP101 # other"), Some(Noqa::Codes(vec!["MP101".into()])));
        assert_eq!(parse_line("x = 1  # noqalot"), None);
        assert_eq!(parse_line("x = 1"), None);
    }
}
