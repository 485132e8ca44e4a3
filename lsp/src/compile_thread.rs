//! Where the exact, whole-file compile of phase 2 runs: the compiler's own thread, one compile at a time,
//! at a lower CPU priority (nice +10 on Unix), so that on a busy machine the fast diagnostics of the next
//! edit, computed on the protocol's thread, are not held up behind it. The thread ends after a second with
//! nothing to do (and is started again by the next compile), so the allocator gives the compiles' memory
//! (a few MB for a large file) back instead of keeping it in an idle thread's heap.

use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

type Job = Box<dyn FnOnce() + Send>;

/// How much lower the compiler thread's priority is than the server's (a `nice` increment).
const NICENESS: i32 = 10;

/// How long the thread waits for work before it ends.
const IDLE: Duration = Duration::from_secs(1);

/// The running thread's queue, if one is running.
static QUEUE: Mutex<Option<Sender<Job>>> = Mutex::new(None);

fn queue() -> MutexGuard<'static, Option<Sender<Job>>> {
    QUEUE.lock().unwrap_or_else(|p| p.into_inner())
}

#[cfg(unix)]
fn lower_priority() {
    // On Linux a thread id names one thread for setpriority. Failure only means the compile competes at
    // the server's own priority.
    let tid = rustix::thread::gettid();
    if let Ok(now) = rustix::process::getpriority_process(Some(tid)) {
        let _ = rustix::process::setpriority_process(Some(tid), now + NICENESS);
    }
}

#[cfg(not(unix))]
fn lower_priority() {}

fn run_job(job: Job) {
    // A panicking job drops its reply (the caller sees `None`); the thread goes on.
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
}

fn serve(rx: Receiver<Job>) {
    lower_priority();
    loop {
        match rx.recv_timeout(IDLE) {
            Ok(job) => run_job(job),
            Err(RecvTimeoutError::Timeout) => {
                // Jobs are sent under the lock: once the queue is taken down, none can arrive unseen.
                let mut q = queue();
                *q = None;
                drop(q);
                while let Ok(job) = rx.try_recv() {
                    run_job(job);
                }
                return;
            }
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// Queues `job` on the compiler thread, starting it if needed. False if no thread could be started.
fn submit(job: Job) -> bool {
    let mut q = queue();
    let job = match q.as_ref() {
        Some(tx) => match tx.send(job) {
            Ok(()) => return true,
            // The thread is gone (it ended between its timeout and taking the queue down): start anew.
            Err(e) => e.0,
        },
        None => job,
    };
    let (tx, rx) = channel::<Job>();
    if std::thread::Builder::new().name("mpls-compile".into()).spawn(move || serve(rx)).is_err() {
        *q = None;
        return false;
    }
    let sent = tx.send(job).is_ok();
    *q = Some(tx);
    sent
}

/// Runs `f` on the compiler thread, after the compiles queued before it, and returns its result (`None`
/// if it panicked or no thread could be started: the fast diagnostics then stand alone).
pub async fn run<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let (done, result) = tokio::sync::oneshot::channel();
    if !submit(Box::new(move || {
        let _ = done.send(f());
    })) {
        return None;
    }
    result.await.ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn runs_jobs_in_order_survives_a_panic_and_restarts_after_idling() {
        let name = run(|| std::thread::current().name().map(str::to_string)).await;
        assert_eq!(name, Some(Some("mpls-compile".to_string())));
        let (a, b) = tokio::join!(run(|| 1), run(|| 2));
        assert_eq!((a, b), (Some(1), Some(2)));
        assert_eq!(run(|| -> i32 { panic!("a compile that panics") }).await, None);
        assert_eq!(run(|| 3).await, Some(3));
        // After the idle time the thread has ended and the queue is down; the next job starts a new one.
        tokio::time::sleep(IDLE + Duration::from_millis(500)).await;
        assert!(queue().is_none());
        assert_eq!(run(|| 4).await, Some(4));
    }
}
