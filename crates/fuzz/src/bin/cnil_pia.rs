//! AFL++ target: cnil pia (see the crate's documentation and scripts/fuzz.sh).

use std::cell::RefCell;

use dpo_desk_fuzz::{Harness, Kind};

thread_local! {
    static HARNESS: RefCell<Option<Harness>> = const { RefCell::new(None) };
}

fn main() {
    afl::fuzz!(|data: &[u8]| {
        HARNESS.with(|h| {
            h.borrow_mut()
                .get_or_insert_with(Harness::new)
                .run(Kind::CnilPia, data);
        })
    });
}
