//! `mpls`, the MicroPython performance language server: a thin tower-lsp adapter over `mpy_vm::analysis`.
//!
//! This crate is the only one that knows LSP types and JSON. Byte offsets are used everywhere inside;
//! [`convert`] is the only place that speaks UTF-16 positions. Logs go to stderr: stdout is the protocol.
#![deny(clippy::print_stdout)]

pub mod config;
pub mod convert;
pub mod handlers;
pub mod render;
pub mod server;
pub mod session;

use tower_lsp::{LspService, Server as Transport};

/// Builds the service (for the stdio server and for in-process tests over any byte stream).
pub fn service() -> (LspService<server::Server>, tower_lsp::ClientSocket) {
    LspService::new(server::Server::new)
}

/// Serves the protocol on `input`/`output` until the client exits.
pub async fn serve<I, O>(input: I, output: O)
where
    I: tokio::io::AsyncRead + Unpin,
    O: tokio::io::AsyncWrite,
{
    let (service, socket) = service();
    Transport::new(input, output, socket).serve(service).await;
}

/// Serves the protocol on stdin/stdout.
pub async fn serve_stdio() {
    serve(tokio::io::stdin(), tokio::io::stdout()).await;
}
