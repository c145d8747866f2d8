//! Any bytes as a gold file: an error or a gold set, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("rasd-fuzz-gold-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("gold.json");
    if std::fs::write(&path, data).is_ok() {
        let _ = rasd_core::gold::Gold::load(&path, Some(&dir));
    }
});
