//! The flame graph: an SVG drawn by `inferno` from the profile's collapsed stacks (self µs per call path),
//! openable in any browser (hover shows each frame's time, click zooms).

use inferno::flamegraph::{self, Options};

/// Renders `collapsed` (`a;b;c value` lines) as an SVG titled `title`. An empty profile gives an SVG that
/// says so.
pub fn svg(collapsed: &[String], title: &str) -> Result<Vec<u8>, String> {
    let mut opts = Options::default();
    opts.title = title.to_string();
    opts.count_name = "µs".to_string();
    opts.name_type = "Function:".to_string();
    opts.no_sort = false;
    let mut out = Vec::new();
    if collapsed.is_empty() {
        return Ok(format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"40\"><text x=\"10\" y=\"25\">{}: no time recorded</text></svg>\n",
            escape(title)
        )
        .into_bytes());
    }
    flamegraph::from_lines(&mut opts, collapsed.iter().map(String::as_str), &mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn draws_every_frame() {
        let svg = super::svg(&["main.<module>;main.slow 900".into(), "main.<module>;main.fast 100".into()], "t").unwrap();
        let text = String::from_utf8(svg).unwrap();
        assert!(text.starts_with("<?xml") || text.starts_with("<svg"), "{}", &text[..100]);
        assert!(text.contains("main.slow") && text.contains("main.fast"));
    }
}
