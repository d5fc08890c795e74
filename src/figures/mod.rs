//! Figures: every number an article states, with its value, kind, unit,
//! qualifier and what it counts.
//!
//! The rules, each with the fixture that covers it, are in
//! `docs/figures-rules.md`. The modules follow the order of the work:
//! `scan` walks the tokens and asks `candidate` to build a figure where
//! one opens; candidate building reads the number (`numbers`), drops what
//! `exclusions` says is no figure (dates, times, names), then runs its
//! named passes (units from `units`, the kind, the qualifier from
//! `qualifiers`) and joins ranges and tallies (`ranges`); `counted`
//! finds what the figure counts. The words they read are in `lexicon`.

mod candidate;
mod counted;
mod cx;
mod exclusions;
pub(crate) mod lexicon;
mod numbers;
mod qualifiers;
mod ranges;
mod scan;
mod types;
mod units;

pub use scan::extract;
pub use types::{Figure, FigureKind, Qualifier};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn figs(s: &str) -> Vec<(String, f64, &'static str)> {
        let doc = Doc::new(s);
        extract(&doc)
            .into_iter()
            .map(|f| {
                (
                    s[f.start..f.end].to_string(),
                    f.value.unwrap(),
                    f.kind.as_str(),
                )
            })
            .collect()
    }

    #[test]
    fn smoke() {
        assert_eq!(
            figs("It weighed 1,510 kg."),
            [("1,510 kg".into(), 1510.0, "quantity")]
        );
        assert!(figs("the covid 19 outbreak in march 10").is_empty());
    }
}
