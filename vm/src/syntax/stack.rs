//! Native stack for deeply nested input: a thread sized from the input, and a guard that turns running out
//! of it into mpy-cross's own `RuntimeError: maximum recursion depth exceeded` instead of an abort.
//!
//! The passes over our tree (parser, folder, compiler) recurse once per level of nesting. Input whose
//! nesting estimate is small runs on the caller's thread; deeper input runs on a thread whose stack is
//! sized from the estimate (capped), with the guard armed: every recursive step of those passes calls
//! [`exhausted`], which compares the address of a local with the lowest address the thread may use.

use std::cell::Cell;

thread_local! {
    /// Lowest stack address the passes may reach on this thread; 0 when the guard is off.
    static LIMIT: Cell<usize> = const { Cell::new(0) };
}

/// Room kept below the guard for the deepest frames between two checks (and for unwinding the tree).
const MARGIN: usize = 256 << 10;

/// mpy-cross's message when its C stack check fails (no traceback).
pub const MESSAGE: &str = "maximum recursion depth exceeded";

/// The error mpy-cross prints when its stack check fails.
pub fn error() -> crate::error::CompileError {
    crate::error::CompileError::new(crate::error::ErrorKind::RuntimeError, MESSAGE)
}

/// Address of a local of the calling frame (an approximation of the stack pointer).
#[inline(never)]
fn stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(std::ptr::addr_of!(marker)) as usize
}

/// Whether the stack is nearly exhausted on this thread (always false where the guard is off).
pub fn exhausted() -> bool {
    let limit = LIMIT.with(Cell::get);
    limit != 0 && stack_pointer() < limit
}

/// Whether the guard is armed on this thread.
pub fn armed() -> bool {
    LIMIT.with(Cell::get) != 0
}

/// Runs `f` on a new thread with `size` bytes of stack and the guard armed; `None` if the thread could not
/// be started (no memory for its stack) or `f` panicked.
pub fn run_on_thread<R: Send>(size: usize, f: impl FnOnce() -> R + Send) -> Option<R> {
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .stack_size(size)
            .spawn_scoped(scope, move || {
                let top = stack_pointer();
                LIMIT.with(|l| l.set(top.saturating_sub(size).saturating_add(MARGIN)));
                f()
            })
            .ok()?;
        handle.join().ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(n: u32) -> u32 {
        if exhausted() {
            return 0;
        }
        let pad = std::hint::black_box([0u8; 512]);
        if n == 0 {
            return u32::from(pad[0]);
        }
        1 + depth(n - 1)
    }

    #[test]
    fn guard_stops_recursion_before_the_end_of_the_stack() {
        // 4 MiB of stack cannot hold a million frames of 512+ bytes: the guard stops it cleanly.
        let reached = run_on_thread(4 << 20, || depth(1_000_000)).expect("thread");
        assert!(reached > 1000 && reached < 1_000_000, "{reached}");
        assert!(!exhausted(), "the guard is off on the test thread");
    }
}
