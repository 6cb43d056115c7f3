//! Shared by the tests and the `measure` example.

use content::{compile_editions, ContentTree, Editions};
use std::path::Path;

/// Both editions of the real content in `content/`.
pub fn real_content() -> Editions {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let tree = ContentTree::read(&dir).expect("read content/");
    compile_editions(&tree).unwrap_or_else(|d| panic!("content/ must compile:\n{d}"))
}

/// The size of `bytes` compressed with brotli at quality 11, window 22 (as `cargo xtask bench` measures).
pub fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli in memory");
    out.len()
}
