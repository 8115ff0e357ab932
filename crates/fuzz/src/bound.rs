//! The allocation bound of the fuzz targets: the allocator every target binary and the
//! corpus test run with stops the process when Rust's live heap would pass the bound, so
//! an input that makes the app allocate without limit is a finding, not a slow machine.
//! SQLCipher allocates with the C library's malloc, outside this count: `scripts/fuzz.sh`
//! bounds the whole process's memory as well (AFL++ `-m`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The stated bound: the installation and the largest input AFL++ hands over (1 MiB) stay
/// far below it.
pub const MAX_LIVE_BYTES: usize = 256 * 1024 * 1024;

static LIVE: AtomicUsize = AtomicUsize::new(0);

pub struct Bounded;

unsafe impl GlobalAlloc for Bounded {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        admit(layout.size());
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        admit(layout.size());
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            admit(new_size - layout.size());
        }
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        // A failed realloc keeps the old block: the count stays as it was.
        if !moved.is_null() {
            if new_size > layout.size() {
                LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        moved
    }
}

/// Stops the process before an allocation that would pass the bound.
fn admit(more: usize) {
    let live = LIVE.load(Ordering::Relaxed).saturating_add(more);
    if live > MAX_LIVE_BYTES {
        over(more, live);
    }
}

fn over(size: usize, live: usize) -> ! {
    // No allocation here: the message goes straight to stderr.
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "allocation of {size} bytes would bring the live heap to {live} bytes, past the bound"
    );
    std::process::abort()
}

#[global_allocator]
static ALLOCATOR: Bounded = Bounded;
