//! A short, deterministic run of the compiler's property test: mutated content never makes it panic and
//! every error is located. (`cargo xtask fuzz --minutes 10` runs the same for longer.)

use std::time::{Duration, Instant};

#[test]
fn mutated_content_yields_a_model_or_located_errors() {
    let ran = content::fuzz::run(1, 3_000, Instant::now() + Duration::from_secs(20))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(ran >= 300, "only {ran} cases ran");
}
