//! The server's outgoing byte stream: tower-lsp's messages and our own notifications, whole frames, one
//! writer, in the order they were queued.
//!
//! tower-lsp sends a notification by turning its parameters into a `serde_json::Value` tree (a map with
//! owned keys per object) and then serialising that tree. For `textDocument/publishDiagnostics` with a few
//! hundred diagnostics per keystroke that was about a quarter of the server's time per edit. Diagnostics
//! are therefore serialised here straight to bytes ([`Outgoing::publish_diagnostics`]); everything else
//! still goes through tower-lsp. Both reach the client through [`FrameSplitter`], the output tower-lsp
//! writes into: it cuts tower-lsp's bytes into frames (`Content-Length` header and body) and queues each
//! whole frame, so our frames never land inside one of tower-lsp's; [`write_frames`] writes the queue out.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use serde::Serialize;
use tokio::io::{AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};
use tower_lsp::lsp_types::{Diagnostic, PublishDiagnosticsParams, Url};

/// One queued item: a whole frame, or the end of the stream.
#[derive(Debug)]
pub enum Frame {
    Bytes(Vec<u8>),
    End,
}

/// A handle that queues our own notifications (cloned into the diagnostics tasks).
#[derive(Clone, Debug)]
pub struct Outgoing {
    tx: UnboundedSender<Frame>,
}

/// `{"jsonrpc":"2.0","method":…,"params":…}` with borrowed parameters.
#[derive(Serialize)]
struct Notification<'a, P: Serialize> {
    jsonrpc: &'static str,
    method: &'static str,
    params: &'a P,
}

/// Frames a JSON body: `Content-Length: N\r\n\r\n` and the body.
fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 32);
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
    out.extend_from_slice(body);
    out
}

impl Outgoing {
    pub fn new(tx: UnboundedSender<Frame>) -> Self {
        Outgoing { tx }
    }

    /// Sends `textDocument/publishDiagnostics`, serialised without an intermediate JSON tree. A closed
    /// stream (the client is gone) drops it, as tower-lsp does.
    pub fn publish_diagnostics(&self, uri: Url, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams { uri, diagnostics, version };
        let note = Notification { jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params: &params };
        match serde_json::to_vec(&note) {
            Ok(body) => {
                let _ = self.tx.send(Frame::Bytes(frame(&body)));
            }
            Err(e) => eprintln!("mpls: cannot serialise diagnostics: {e}"),
        }
    }
}

/// The output tower-lsp writes into: cuts its bytes into whole frames and queues them.
#[derive(Debug)]
pub struct FrameSplitter {
    tx: UnboundedSender<Frame>,
    buf: Vec<u8>,
}

impl FrameSplitter {
    pub fn new(tx: UnboundedSender<Frame>) -> Self {
        FrameSplitter { tx, buf: Vec::new() }
    }

    /// Queues every whole frame at the start of the buffer.
    fn queue_frames(&mut self) -> io::Result<()> {
        loop {
            let Some(header_end) = self.buf.windows(4).position(|w| w == b"\r\n\r\n") else { return Ok(()) };
            let header = String::from_utf8_lossy(&self.buf[..header_end]);
            let len = header
                .split("\r\n")
                .filter_map(|l| l.split_once(':'))
                .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-length"))
                .and_then(|(_, v)| v.trim().parse::<usize>().ok())
                .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "outgoing message without Content-Length"))?;
            let end = header_end + 4 + len;
            if self.buf.len() < end {
                return Ok(());
            }
            let rest = self.buf.split_off(end);
            let whole = std::mem::replace(&mut self.buf, rest);
            self.tx.send(Frame::Bytes(whole)).map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the output is closed"))?;
        }
    }
}

impl AsyncWrite for FrameSplitter {
    fn poll_write(self: Pin<&mut Self>, _: &mut Context<'_>, data: &[u8]) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        this.buf.extend_from_slice(data);
        Poll::Ready(this.queue_frames().map(|()| data.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

/// Writes queued frames to `output` until [`Frame::End`] (or a write fails: the client is gone), flushing
/// whenever the queue is empty.
pub async fn write_frames<O: AsyncWrite>(mut rx: UnboundedReceiver<Frame>, output: O) {
    tokio::pin!(output);
    while let Some(Frame::Bytes(bytes)) = rx.recv().await {
        if output.write_all(&bytes).await.is_err() {
            return;
        }
        if rx.is_empty() && output.flush().await.is_err() {
            return;
        }
    }
    let _ = output.flush().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn splits_writes_into_whole_frames() {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let mut s = FrameSplitter::new(tx);
        let a = frame(b"{\"a\":1}");
        let b = frame(b"{\"b\":22}");
        let all = [a.clone(), b.clone()].concat();
        // Byte by byte, then the rest at once: frames come out whole and in order.
        for byte in &all[..5] {
            s.write_all(std::slice::from_ref(byte)).await.unwrap();
        }
        assert!(rx.try_recv().is_err());
        s.write_all(&all[5..]).await.unwrap();
        let got: Vec<Vec<u8>> = std::iter::from_fn(|| match rx.try_recv() {
            Ok(Frame::Bytes(b)) => Some(b),
            _ => None,
        })
        .collect();
        assert_eq!(got, vec![a, b]);
    }

    #[tokio::test]
    async fn a_header_without_length_is_an_error() {
        let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
        let mut s = FrameSplitter::new(tx);
        assert!(s.write_all(b"X-Other: 1\r\n\r\n{}").await.is_err());
    }

    #[test]
    fn publish_serialises_the_lsp_notification() {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let out = Outgoing::new(tx);
        let uri = Url::parse("file:///a.py").unwrap();
        out.publish_diagnostics(uri.clone(), vec![Diagnostic { message: "m".into(), ..Default::default() }], Some(3));
        let Ok(Frame::Bytes(bytes)) = rx.try_recv() else { panic!("no frame") };
        let text = String::from_utf8(bytes).unwrap();
        let (header, body) = text.split_once("\r\n\r\n").unwrap();
        assert_eq!(header, format!("Content-Length: {}", body.len()));
        let v: serde_json::Value = serde_json::from_str(body).unwrap();
        // The same JSON tower-lsp would send for `Client::publish_diagnostics`.
        let expected = serde_json::json!({"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
            "params": serde_json::to_value(PublishDiagnosticsParams { uri, diagnostics: vec![Diagnostic { message: "m".into(), ..Default::default() }], version: Some(3) }).unwrap()});
        assert_eq!(v, expected);
    }
}
