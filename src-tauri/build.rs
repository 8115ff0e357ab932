fn main() {
    // The configuration lives at the repository root (customer's layout); this crate
    // sees it through the symlink src-tauri/tauri.conf.json.
    tauri_build::try_build(tauri_build::Attributes::new()).expect("tauri build script");
}
