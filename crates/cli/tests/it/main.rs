//! The command line as administrators script it: the real binary on real database files.

mod cli;
mod copies;
mod courses;
mod crash_safety;
mod documents;
mod dpias;
mod history;
mod registers;
mod reports;
mod storage_faults;
mod toms;
mod two_writers;
