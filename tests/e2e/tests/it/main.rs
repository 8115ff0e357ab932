//! End-to-end: the real app in its WebKit webview, one binary (run one test at a time).

mod backups;
mod bench_activity_list;
mod bench_tom_list;
mod closing;
mod copies;
mod courses;
mod documents;
mod dpias;
mod first_day;
mod foundation;
mod hostile_content;
mod invitations;
mod lists;
mod long_work;
mod permissions;
mod records;
mod refusals;
mod registers;
mod reports;
mod toms;
mod website_texts;
