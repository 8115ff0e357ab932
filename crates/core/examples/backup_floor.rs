//! The floor of a backup (issue "fast on an old office PC"): what any backup of this file
//! must at least do — read it, encrypt the same bytes with the same cipher (XChaCha20-
//! Poly1305 in 1 MiB chunks of the STREAM construction), write them and sync the result —
//! without anything of DPO Desk around it. `bench/backup.sh` compares create, verify and
//! restore with it. Prints the seconds it took.
//!
//!   cargo run --release -p dpo-desk-core --example backup_floor -- SOURCE TARGET

use std::io::{Read, Write};

use chacha20poly1305::aead::stream::EncryptorBE32;
use chacha20poly1305::aead::KeyInit;
use chacha20poly1305::XChaCha20Poly1305;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (source, target) = match args.as_slice() {
        [_, s, t] => (s.clone(), t.clone()),
        _ => panic!("usage: backup_floor SOURCE TARGET"),
    };
    let started = std::time::Instant::now();
    let mut input = std::fs::File::open(&source).expect("source");
    let mut output = std::io::BufWriter::new(std::fs::File::create(&target).expect("target"));
    let key = [7u8; 32];
    let nonce = [9u8; 19];
    let mut stream =
        EncryptorBE32::from_aead(XChaCha20Poly1305::new((&key).into()), (&nonce).into());
    let mut chunk = vec![0u8; 1 << 20];
    loop {
        let mut filled = 0;
        while filled < chunk.len() {
            match input.read(&mut chunk[filled..]).expect("read") {
                0 => break,
                n => filled += n,
            }
        }
        if filled < chunk.len() {
            let sealed = stream.encrypt_last(&chunk[..filled]).expect("encrypt");
            output.write_all(&sealed).expect("write");
            break;
        }
        let sealed = stream.encrypt_next(&chunk[..]).expect("encrypt");
        output.write_all(&sealed).expect("write");
    }
    let file = output.into_inner().expect("flush");
    file.sync_all().expect("sync");
    println!("{:.3}", started.elapsed().as_secs_f64());
}
