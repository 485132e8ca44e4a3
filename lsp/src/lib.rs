//! `mpls`, the MicroPython performance language server: a thin tower-lsp adapter over `mpy_vm::analysis`.
//!
//! This crate is the only one that knows LSP types and JSON. Byte offsets are used everywhere inside;
//! [`convert`] is the only place that speaks UTF-16 positions. Logs go to stderr: stdout is the protocol.
#![deny(clippy::print_stdout)]

pub mod compile_thread;
pub mod config;
pub mod convert;
pub mod handlers;
pub mod outgoing;
pub mod server;
pub mod session;

use std::sync::{Arc, Mutex};

use tower_lsp::{LspService, Server as Transport};

/// Serves the protocol on `input`/`output` until the client exits.
pub async fn serve<I, O>(input: I, output: O)
where
    I: tokio::io::AsyncRead + Unpin,
    O: tokio::io::AsyncWrite,
{
    start(input, output).1.await
}

/// The server on `input`/`output`: its session (for in-process tests, which check what the protocol cannot
/// show) and the future that serves until the client exits. Everything the server writes goes through one
/// queue of whole frames ([`outgoing`]), tower-lsp's messages and the diagnostics serialised by us alike.
pub fn start<I, O>(input: I, output: O) -> (Arc<Mutex<session::Session>>, impl std::future::Future<Output = ()>)
where
    I: tokio::io::AsyncRead + Unpin,
    O: tokio::io::AsyncWrite,
{
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let out = outgoing::Outgoing::new(tx.clone());
    let session = Arc::new(Mutex::new(session::Session::default()));
    let shared = session.clone();
    let (service, socket) = LspService::new(move |client| server::Server::new(client, out, shared));
    let splitter = outgoing::FrameSplitter::new(tx.clone());
    let run = async move {
        let serve = async move {
            Transport::new(input, splitter, socket).serve(service).await;
            // Whatever is queued by now is still written; the diagnostics tasks may outlive the transport.
            let _ = tx.send(outgoing::Frame::End);
        };
        tokio::join!(serve, outgoing::write_frames(rx, output));
    };
    (session, run)
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

/// The capacity asked for the output pipe.
#[cfg(unix)]
const OUTPUT_PIPE_BYTES: usize = 1 << 20;

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
    // A publish of a few hundred diagnostics is larger than a pipe's default 64 KiB: with room for it, it is
    // written in one go instead of waiting for the client to drain the first part (best effort: the
    // system's limit, /proc/sys/fs/pipe-max-size, may be lower).
    let _ = rustix::pipe::fcntl_setpipe_size(&output, OUTPUT_PIPE_BYTES);
    let rx = tokio::net::unix::pipe::Receiver::from_owned_fd(input).ok()?;
    let tx = tokio::net::unix::pipe::Sender::from_owned_fd(output).ok()?;
    Some((rx, tx))
}
