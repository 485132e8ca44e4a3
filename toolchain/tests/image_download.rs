//! `mpbuild image --download VERSION` through a real HTTP client against a server the test runs on
//! loopback (`MPBUILD_DOWNLOAD_URL`), laid out like the official download site: the board page links the
//! firmware files. The firmware is cached (`MPBUILD_CACHE_DIR`): a second build works with the server gone.
//! A version the page does not list is a clear error naming the versions it does list.

mod common;
#[path = "common/image.rs"]
mod img;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Serves `routes` on 127.0.0.1 until `stop` requests have been answered; returns the base URL.
fn serve(routes: Vec<(String, Vec<u8>)>, max_requests: usize, hits: Arc<AtomicUsize>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(max_requests) {
            let Ok(mut s) = stream else { continue };
            let mut r = BufReader::new(s.try_clone().unwrap());
            let mut first = String::new();
            let _ = r.read_line(&mut first);
            loop {
                let mut l = String::new();
                if r.read_line(&mut l).unwrap_or(0) == 0 || l == "\r\n" {
                    break;
                }
            }
            let path = first.split_whitespace().nth(1).unwrap_or("/").to_string();
            hits.fetch_add(1, Ordering::SeqCst);
            match routes.iter().find(|(p, _)| *p == path) {
                Some((_, body)) => {
                    let _ = write!(s, "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
                    let _ = s.write_all(body);
                }
                None => {
                    let _ = write!(s, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                }
            }
        }
    });
    url
}

#[test]
fn download_builds_then_uses_the_cache() {
    let tmp = tempfile::tempdir().unwrap();
    let (_app, _p) = img::sensor_app(tmp.path());
    let app = tmp.path().join("sensor-app");
    let fw = img::make_uf2(&[(0x1000_0000, &img::random_bytes(64 * 1024, 9), 0xe48b_ff56)]);
    let page = "<html><a href=\"/resources/firmware/RPI_PICO-20250101-v1.28.0.uf2\">v1.28.0</a>\n\
                <a href=\"/resources/firmware/RPI_PICO-20260301-v1.29.0.uf2\">v1.29.0 (latest)</a>\n\
                <a href=\"/resources/firmware/RPI_PICO_W-20260301-v1.29.0.uf2\">other board</a></html>";
    let hits = Arc::new(AtomicUsize::new(0));
    let url = serve(
        vec![
            ("/download/RPI_PICO/".to_string(), page.as_bytes().to_vec()),
            ("/resources/firmware/RPI_PICO-20260301-v1.29.0.uf2".to_string(), fw.clone()),
        ],
        3,
        hits.clone(),
    );
    let cache = tmp.path().join("cache");
    let exe = env!("CARGO_BIN_EXE_mpbuild");
    let build = |version: &str, out: &str| {
        Command::new(exe)
            .env("MPBUILD_DOWNLOAD_URL", &url)
            .env("MPBUILD_CACHE_DIR", &cache)
            .args(["image", "--no-cache", "--mpy-cross"])
            .arg(common::mpy_cross())
            .args(["--download", version, "--board", "RPI_PICO", "-o"])
            .arg(tmp.path().join(out))
            .arg(&app)
            .output()
            .unwrap()
    };
    let o = build("1.29", "a.uf2");
    let text = String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{text}");
    assert!(text.contains("downloaded") && text.contains("RPI_PICO-20260301-v1.29.0.uf2"), "{text}");
    assert_eq!(std::fs::read(cache.join("RPI_PICO-20260301-v1.29.0.uf2")).unwrap(), fw, "cached bytes");
    assert_eq!(hits.load(Ordering::SeqCst), 2, "page and file");

    // A version the page does not list.
    let o = build("1.99.0", "b.uf2");
    let text = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(!o.status.success());
    assert!(text.contains("lists no uf2 firmware of MicroPython 1.99.0") && text.contains("1.28.0, 1.29.0"), "{text}");
    assert_eq!(hits.load(Ordering::SeqCst), 3);

    // The server has answered all it will: the cached file serves the next build.
    let o = build("1.29.0", "c.uf2");
    let text = String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{text}");
    assert!(text.contains("using cached"), "{text}");
    assert_eq!(std::fs::read(tmp.path().join("a.uf2")).unwrap(), std::fs::read(tmp.path().join("c.uf2")).unwrap());
}
