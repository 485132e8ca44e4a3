//! `textDocument/codeAction`: quick fixes of the diagnostics the client sends back (found by code and range
//! in the document's current analysis, whose fixes are built at the first code action of a version), `# noqa` suppression, assists at the cursor (timing decorator; native/viper when the compiler accepts
//! them), and `source.fixAll.mpls` (every safe fix at once).

use mpy_vm::analysis::{self, apply_fixes, noqa, Applicability, Fix};
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use crate::convert;
use crate::handlers::diagnostics;
use crate::handlers::initialize::FIX_ALL_KIND;
use crate::server::Server;
use crate::session::Computed;

fn wanted(only: &Option<Vec<CodeActionKind>>, kind: &CodeActionKind) -> bool {
    match only {
        None => true,
        Some(ks) => ks.iter().any(|k| kind.as_str() == k.as_str() || kind.as_str().starts_with(&format!("{}.", k.as_str()))),
    }
}

pub async fn handle(server: &Server, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
    let uri = params.text_document.uri.clone();
    let Some(c) = diagnostics::current(server, &uri).await else { return Ok(None) };
    let settings = server.session().config.clone();
    let only = &params.context.only;
    let mut out: Vec<CodeActionOrCommand> = Vec::new();
    if wanted(only, &CodeActionKind::QUICKFIX) {
        for d in &params.context.diagnostics {
            quick_fixes(&uri, &c, d, &mut out);
        }
    }
    if wanted(only, &CodeActionKind::REFACTOR_REWRITE) {
        let at = c.index.offset(&c.text, params.range.start);
        // The native/viper assists compile the module: off the protocol's thread.
        let (c2, s2) = (c.clone(), settings.clone());
        let assists = tokio::task::spawn_blocking(move || analysis::assists(&c2.text, &c2.module(), at, &s2.settings))
            .await
            .unwrap_or_default();
        for a in assists {
            let edits = a.fix.edits().iter().map(|e| convert::edit(&c.index, &c.text, e)).collect();
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: a.fix.title.clone(),
                kind: Some(CodeActionKind::REFACTOR_REWRITE),
                edit: Some(convert::workspace_edit(&uri, edits)),
                ..CodeAction::default()
            }));
        }
    }
    let fix_all = CodeActionKind::from(FIX_ALL_KIND);
    if only.is_some() && wanted(only, &fix_all) {
        if let Some(a) = fix_all_action(&uri, &c) {
            out.push(CodeActionOrCommand::CodeAction(a));
        }
    }
    Ok(Some(out))
}

fn quick_fixes(uri: &Url, c: &Computed, d: &Diagnostic, out: &mut Vec<CodeActionOrCommand>) {
    if !convert::is_ours(d) {
        return;
    }
    // The same diagnostic in the current analysis: same code, same range in the current text. A
    // diagnostic of an older version that no longer matches gets no fix (its edits would be stale).
    let code = match &d.code {
        Some(NumberOrString::String(s)) => s.as_str(),
        _ => return,
    };
    let fixed = c.with_fixes(uri);
    let ours = fixed.iter().find(|x| x.code.as_str() == code && c.index.range(&c.text, x.range) == d.range);
    for (i, f) in ours.map(|x| x.fixes.as_slice()).unwrap_or_default().iter().enumerate() {
        let app = f.applicability();
        if app == Applicability::DisplayOnly {
            continue;
        }
        let title = if app == Applicability::Unsafe { format!("{} (unsafe)", f.title) } else { f.title.clone() };
        let edits = f.edits().iter().map(|e| convert::edit(&c.index, &c.text, e)).collect();
        out.push(CodeActionOrCommand::CodeAction(CodeAction {
            title,
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![d.clone()]),
            edit: Some(convert::workspace_edit(uri, edits)),
            is_preferred: Some(i == 0 && app == Applicability::Safe),
            ..CodeAction::default()
        }));
    }
    // `# noqa: CODE` at the end of the diagnostic's first line.
    let code = match &d.code {
        Some(NumberOrString::String(s)) => s.clone(),
        _ => return,
    };
    let Some(rule) = analysis::Rule::from_code(&code) else { return };
    let line = d.range.start.line;
    let start = c.index.offset(&c.text, Position { line, character: 0 });
    let end = mpy_vm::analysis::text::line_end(&c.text, start);
    let line_text = &c.text[start as usize..end as usize];
    if let Some((col, insert)) = noqa::add_code(line_text, rule) {
        let at = c.index.position(&c.text, start + col as u32);
        out.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: format!("Disable {code} for this line"),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![d.clone()]),
            edit: Some(convert::workspace_edit(uri, vec![TextEdit { range: Range { start: at, end: at }, new_text: insert }])),
            ..CodeAction::default()
        }));
    }
}

/// Every diagnostic's first fix, when it is safe, applied together (overlapping fixes are left for a
/// second round) as one whole-document edit.
fn fix_all_action(uri: &Url, c: &Computed) -> Option<CodeAction> {
    let fixed = c.with_fixes(uri);
    let fixes: Vec<&Fix> = fixed
        .iter()
        .filter_map(|d| d.fixes.first())
        .filter(|f| f.applicability() == Applicability::Safe)
        .collect();
    if fixes.is_empty() {
        return None;
    }
    let (new_text, n) = apply_fixes(&c.text, fixes);
    let end = c.index.position(&c.text, c.text.len() as u32);
    let edit = TextEdit { range: Range { start: Position { line: 0, character: 0 }, end }, new_text };
    Some(CodeAction {
        title: format!("Apply {n} safe mpls fix{}", if n == 1 { "" } else { "es" }),
        kind: Some(CodeActionKind::from(FIX_ALL_KIND)),
        edit: Some(convert::workspace_edit(uri, vec![edit])),
        ..CodeAction::default()
    })
}
