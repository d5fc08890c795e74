//! Every compiled-in model and table loads: a load failure is a panic that
//! names the model, never a silently empty result (the quote stage's
//! boundary table has its own test in `src/quotes/boundary.rs`).

use newsmine::entities::tagger::{model, RESOURCES};

#[test]
fn entity_model_and_word_tables_load() {
    assert!(model().features() > 100_000);
    assert!(RESOURCES.lexicon().len() > 100_000);
    assert!(RESOURCES.clusters().len() > 100_000);
}
