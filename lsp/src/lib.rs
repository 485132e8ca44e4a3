//! `mpls`, the MicroPython performance language server: a thin tower-lsp adapter over `mpy_vm::analysis`.
//!
//! This crate is the only one that knows LSP types and JSON. Byte offsets are used everywhere inside;
//! [`convert`] is the only place that speaks UTF-16 positions. Logs go to stderr: stdout is the protocol.
#![deny(clippy::print_stdout)]

pub mod compile_thread;
pub mod config;
pub mod convert;
pub mod handlers;
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

/// Serves the protocol on stdin/stdout. When both are pipes (as editors start servers), they are driven by
/// the event loop directly; otherwise through tokio's blocking-pool stdin/stdout.
pub async fn serve_stdio() {
    #[cfg(unix)]
    if let Some((input, output)) = stdio_pipes() {
        serve(input, output).await;
        return;
    }
    serve(tokio::io::stdin(), tokio::io::stdout()).await;
}

/// stdin and stdout as non-blocking pipes registered with the event loop, when both are pipes: a message
/// is then read and answered on the runtime's thread, with no hand-over to a blocking-pool thread each way.
#[cfg(unix)]
fn stdio_pipes() -> Option<(tokio::net::unix::pipe::Receiver, tokio::net::unix::pipe::Sender)> {
    use std::os::fd::{AsFd, OwnedFd};
    use std::os::unix::fs::FileTypeExt;
    let is_pipe = |fd: &OwnedFd| {
        let f = std::fs::File::from(fd.try_clone().ok()?);
        Some(f.metadata().ok()?.file_type().is_fifo())
    };
    let input = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
    let output = std::io::stdout().as_fd().try_clone_to_owned().ok()?;
    if is_pipe(&input) != Some(true) || is_pipe(&output) != Some(true) {
        return None;
    }
    let rx = tokio::net::unix::pipe::Receiver::from_owned_fd(input).ok()?;
    let tx = tokio::net::unix::pipe::Sender::from_owned_fd(output).ok()?;
    Some((rx, tx))
}
