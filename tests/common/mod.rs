//! What the tests that need the team's data (`../shared`) share.
//!
//! Those tests are `#[ignore]`d, so a plain `cargo test` lists them as
//! ignored instead of passing them without data; `.ci/run` runs them with
//! `--ignored` whenever `../shared/data` exists, with
//! `NEWSMINE_REQUIRE_DATA=1`, under which missing data fails them.

use std::path::PathBuf;

/// `../shared/<rel>` when it exists. When it does not: a failure under
/// `NEWSMINE_REQUIRE_DATA=1`, else `None` with a line saying the test skips.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if path.exists() {
        return Some(path);
    }
    let required = std::env::var("NEWSMINE_REQUIRE_DATA").is_ok_and(|v| v == "1");
    assert!(
        !required,
        "{} is missing (NEWSMINE_REQUIRE_DATA=1)",
        path.display()
    );
    eprintln!("skipped: {} is missing", path.display());
    None
}
