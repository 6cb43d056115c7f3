//! Measures the index: bytes (raw and brotli) per edition, the time indexing adds to a build, and the
//! native time of a query as typed, on the real content and on the stress pack (2,000 notes, 5,000
//! events). Run with `cargo run --release -p search --example measure`; the figures are in the crate's
//! README. With file arguments it prints their sizes instead (raw and brotli, as `cargo xtask bench`
//! measures them), for the browser wrapper's glue and wasm.

use content::{compile_editions, stress, Editions};
use model::Lang;
use search::{build, documents, Index};
use std::time::{Duration, Instant};

#[path = "../tests/support/mod.rs"]
mod support;

use support::{brotli, real_content};

/// Queries as a reader types them: every prefix of each is timed.
const QUERIES: [&str; 8] = [
    "arancel",
    "vehiculos conectados",
    "BYD",
    "commerce rule",
    "Sheinbaum",
    "generated note 1234",
    "nota generada 1234",
    "data security",
];

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn measure(name: &str, editions: &Editions) {
    for lang in Lang::ALL {
        let start = Instant::now();
        let built = build(lang, &documents(editions.get(lang)));
        let indexing = start.elapsed();
        let start = Instant::now();
        let index = Index::load_both(&built).expect("loads");
        let loading = start.elapsed();
        let mut times = Vec::new();
        for _ in 0..5 {
            for query in QUERIES {
                for end in query.char_indices().map(|(i, c)| i + c.len_utf8()) {
                    let start = Instant::now();
                    std::hint::black_box(index.search(&query[..end], 10));
                    times.push(start.elapsed());
                }
            }
        }
        times.sort();
        println!(
            "{name} {}: {} docs, {} terms; index {:.1} KB raw, {:.1} KB brotli; texts {:.1} KB raw, \
             {:.1} KB brotli; indexing {:.0} ms; load {:.1} ms; query median {:.3} ms, p95 {:.3} ms, \
             max {:.3} ms ({} queries)",
            lang.tag(),
            index.docs().len(),
            index.term_count(),
            built.index.len() as f64 / 1024.0,
            brotli(&built.index) as f64 / 1024.0,
            built.texts.len() as f64 / 1024.0,
            brotli(&built.texts) as f64 / 1024.0,
            ms(indexing),
            ms(loading),
            ms(times[times.len() / 2]),
            ms(times[times.len() * 95 / 100]),
            ms(times[times.len() - 1]),
            times.len()
        );
    }
}

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if !files.is_empty() {
        for file in files {
            let bytes = std::fs::read(&file).expect("read the file");
            println!(
                "{file}: {} bytes raw, {} bytes brotli",
                bytes.len(),
                brotli(&bytes)
            );
        }
        return;
    }
    measure("real content", &real_content());
    let pack = compile_editions(&stress::pack(2_000, 5_000)).expect("the stress pack compiles");
    measure("stress pack", &pack);
}
