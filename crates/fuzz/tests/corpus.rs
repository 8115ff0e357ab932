//! Every committed input — the starting corpus and each finding of an earlier fuzzing run —
//! goes through its target again: a finding, once fixed, stays fixed.

use dpo_desk_fuzz::{committed_inputs, Harness, Kind};

#[test]
fn every_committed_input_of_every_kind_is_read_without_a_panic_or_an_unbounded_allocation() {
    let mut harness = Harness::new();
    for kind in Kind::ALL {
        let inputs = committed_inputs(kind);
        assert!(!inputs.is_empty(), "no corpus for {kind:?}");
        for input in inputs {
            let bytes = std::fs::read(&input).unwrap();
            eprintln!("{kind:?}: {}", input.display());
            harness.run(kind, &bytes);
        }
    }
}

#[test]
fn the_valid_seeds_are_accepted_so_the_fuzzer_starts_from_inside_the_formats() {
    let mut harness = Harness::new();
    let accepted = |harness: &mut Harness, kind: Kind, name: &str| {
        let path = committed_inputs(kind)
            .into_iter()
            .find(|p| p.ends_with(name))
            .unwrap_or_else(|| panic!("{name} is in the corpus"));
        harness.run(kind, &std::fs::read(path).unwrap())
    };
    assert!(accepted(
        &mut harness,
        Kind::BackupFile,
        "format-2-small.dpobackup"
    ));
    assert!(!accepted(
        &mut harness,
        Kind::BackupFile,
        "format-1-start.dpobackup"
    ));
    assert!(accepted(&mut harness, Kind::TenantJson, "demo-tenant.json"));
    assert!(accepted(
        &mut harness,
        Kind::TenantJson,
        "empty-tenant.json"
    ));
    assert!(accepted(&mut harness, Kind::CnilPia, "pia-minimal-en.json"));
    assert!(accepted(
        &mut harness,
        Kind::CnilPia,
        "pia-videoueberwachung.json"
    ));
    assert!(!accepted(&mut harness, Kind::CnilPia, "not-a-pia.json"));
    for name in [
        "contract.bin",
        "climbing-name.bin",
        "png.bin",
        "gif.bin",
        "webp.bin",
    ] {
        assert!(accepted(&mut harness, Kind::Attachment, name), "{name}");
    }
}
