//! `textDocument/hover`: a rule's documentation over its diagnostic, and over a function's `def` line the
//! function's code size under each emitter for the configured target, and whether each emitter accepts it.

use mpy_vm::analysis::emitters::{self, Verdict};
use mpy_vm::analysis::semantic::ModuleFacts;
use mpy_vm::EmitOpt;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use crate::handlers::diagnostics;
use crate::server::Server;
use crate::session::Computed;

pub async fn handle(server: &Server, params: HoverParams) -> Result<Option<Hover>> {
    let uri = params.text_document_position_params.text_document.uri;
    let Some(c) = diagnostics::current(server, &uri).await else { return Ok(None) };
    let settings = server.session().config.clone();
    let offset = c.index.offset(&c.text, params.text_document_position_params.position);
    let mut sections = rule_docs(&c, offset);
    // Compiling the module for each emitter is CPU work: off the protocol's thread.
    let sizes = tokio::task::spawn_blocking(move || function_sizes(&c, offset, &settings)).await.ok().flatten();
    sections.extend(sizes);
    if sections.is_empty() {
        return Ok(None);
    }
    Ok(Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: sections.join("\n\n---\n\n") }),
        range: None,
    }))
}

fn rule_docs(c: &Computed, offset: u32) -> Vec<String> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for d in &c.diagnostics {
        if d.range.start > offset || offset > d.range.end {
            continue;
        }
        match d.rule() {
            Some(rule) if !seen.contains(&rule) => {
                seen.push(rule);
                out.push(format!("**{}** `{}`: {}\n\n{}", rule.code(), rule.name(), d.message, rule.doc().trim_end()));
            }
            Some(_) => {}
            None => out.push(format!("**{}** (reported by mpy-cross too)", d.message)),
        }
    }
    out
}

fn function_sizes(c: &Computed, offset: u32, config: &crate::config::Config) -> Option<String> {
    let module = c.module();
    let facts = ModuleFacts::new(&module);
    let lines = mpy_vm::syntax::source::LineIndex::new(c.text.as_bytes());
    let line = lines.line_of(offset);
    let f = facts.functions.iter().find(|f| f.def.def_line == line)?;
    let opts = &config.settings.compile;
    let arch = opts.arch.map_or("no -march".to_string(), |a| a.name().to_string());
    let mut s = format!(
        "**`{}`**: code size for {arch}, MicroPython {}\n\n| emitter | compiles | size |\n|---|---|---|\n",
        f.def.name, config.micropython
    );
    for (name, emit) in [("bytecode", EmitOpt::Bytecode), ("native", EmitOpt::Native), ("viper", EmitOpt::Viper)] {
        let v = emitters::check_function(&c.text, f.stmt.range, emit, opts);
        let (ok, size) = match v {
            Verdict::Accepted { size } => ("yes".to_string(), format!("{size} bytes")),
            Verdict::Rejected(e) => (format!("no: {}: {}", e.kind.name(), e.message), "–".to_string()),
            Verdict::Unknown(why) => (format!("unknown ({why})"), "–".to_string()),
        };
        s.push_str(&format!("| {name} | {ok} | {size} |\n"));
    }
    Some(s)
}
