//! The allocation bound of the fuzz targets: the allocator every target binary and the
//! corpus test run with stops the process when the live heap would pass the bound, so
//! an input that makes the app allocate without limit is a finding, not a slow machine.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The stated bound: the installation, SQLCipher's caches and the largest input AFL++
/// hands over (1 MiB) stay far below it.
pub const MAX_LIVE_BYTES: usize = 256 * 1024 * 1024;

static LIVE: AtomicUsize = AtomicUsize::new(0);

pub struct Bounded;

unsafe impl GlobalAlloc for Bounded {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        if live > MAX_LIVE_BYTES {
            over(layout.size(), live);
        }
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let grow = new_size - layout.size();
            let live = LIVE.fetch_add(grow, Ordering::Relaxed) + grow;
            if live > MAX_LIVE_BYTES {
                over(new_size, live);
            }
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
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

/// The live heap now, in bytes.
pub fn live_bytes() -> usize {
    LIVE.load(Ordering::Relaxed)
}
