//! The Extractor and the Article it returns.

use std::ops::Range;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use rayon::prelude::*;

use crate::entities::tagger::{self, NerModel};
use crate::entities::{self, Entity};
use crate::figures::{self, Figure};
use crate::pool;
use crate::quotes::{self, Quote};
use crate::text::{Doc, Form};
use crate::Error;

/// What one article contains. Spans are byte offsets into its text.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    pub form: Form,
    pub entities: Vec<Entity>,
    pub figures: Vec<Figure>,
    pub quotes: Vec<Quote>,
}

/// Which stages an [`Extractor`] runs; a stage that does not run leaves its
/// part of the [`Article`] empty. Quotes resolve their speakers through the
/// entities, so with `quotes` on the entities are extracted anyway (and
/// returned only with `entities` on).
///
/// ```
/// use newsmine::{Extractor, Stages};
///
/// let figures_only = Stages { entities: false, quotes: false, ..Stages::ALL };
/// let ex = Extractor::new(None).with_stages(figures_only);
/// let a = ex.extract("Jane Doe said 1,510 kg of aid arrived.");
/// assert!(a.entities.is_empty() && a.quotes.is_empty());
/// assert_eq!(a.figures.len(), 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stages {
    pub entities: bool,
    pub figures: bool,
    pub quotes: bool,
}

impl Stages {
    /// Every stage.
    pub const ALL: Stages = Stages {
        entities: true,
        figures: true,
        quotes: true,
    };
}

impl Default for Stages {
    fn default() -> Self {
        Stages::ALL
    }
}

/// Extracts entities, figures and quotes. Immutable, `Send + Sync` and cheap
/// to clone: build one and share it. Models are compiled in and load once per
/// process, on first use.
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    threads: Option<usize>,
    stages: Stages,
    /// A tagger model in place of the compiled-in one.
    model: Option<OwnModel>,
}

/// A tagger model of the user's (shared, not printed whole).
#[derive(Clone)]
struct OwnModel(Arc<NerModel>);

impl std::fmt::Debug for OwnModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NerModel({} features)", self.0.features())
    }
}

impl Extractor {
    /// An extractor running every stage, whose batches use `threads`
    /// workers (`None`: the `NEWSMINE_THREADS` variable, else all cores).
    pub fn new(threads: Option<usize>) -> Self {
        Extractor {
            threads,
            stages: Stages::ALL,
            model: None,
        }
    }

    /// This extractor, tagging entities with `model` (trained on the user's
    /// data: `newsmine train ner`, or `entities::training` with the feature
    /// `training`) instead of the compiled-in one.
    pub fn with_model(self, model: NerModel) -> Self {
        Extractor {
            model: Some(OwnModel(Arc::new(model))),
            ..self
        }
    }

    /// The entity tagger model this extractor uses.
    pub fn model(&self) -> &NerModel {
        self.model.as_ref().map_or(tagger::model(), |m| &m.0)
    }

    /// This extractor, running only `stages`.
    pub fn with_stages(self, stages: Stages) -> Self {
        Extractor { stages, ..self }
    }

    /// The configured thread count, if one was given.
    pub fn threads(&self) -> Option<usize> {
        self.threads
    }

    /// The stages this extractor runs.
    pub fn stages(&self) -> Stages {
        self.stages
    }

    /// Extracts everything from one article.
    pub fn extract(&self, text: &str) -> Article {
        let s = self.stages;
        let doc = Doc::new(text);
        let entities = run_if(s.entities || s.quotes, || {
            entities::extract_with(&doc, self.model())
        });
        let figures = run_if(s.figures, || figures::extract(&doc));
        let quotes = run_if(s.quotes, || quotes::extract(&doc, &entities));
        Article {
            form: doc.form,
            entities: run_if(s.entities, || entities),
            figures,
            quotes,
        }
    }

    /// Like [`Extractor::extract`], but a failure (a bug in newsmine) comes
    /// back as an error instead of a panic.
    pub fn try_extract(&self, text: &str) -> Result<Article, Error> {
        guarded(|| self.extract(text))
    }

    /// Extracts every article of `texts` in parallel, results in input order.
    /// An article whose extraction fails gives an `Err` at its position
    /// without disturbing the others. `threads` overrides the extractor's own.
    pub fn extract_batch<S: AsRef<str> + Sync>(
        &self,
        texts: &[S],
        threads: Option<usize>,
    ) -> Result<Vec<Result<Article, Error>>, Error> {
        self.map_batch(texts, threads, |_, article| article)
    }

    /// Extracts every article of `texts` on the crate's pool and maps it,
    /// with its item (the text, or whatever carries it), through `f`;
    /// results in input order. A panic in the
    /// extraction or in `f` becomes an `Err` at its position; the others
    /// complete.
    ///
    /// The articles are taken in runs (`runs`), one stage at a
    /// time over a run: each stage's models then stay in the processor's
    /// caches from one article to the next instead of being pushed out by
    /// the other stages' at every article.
    pub fn map_batch<S, T, F>(
        &self,
        texts: &[S],
        threads: Option<usize>,
        f: F,
    ) -> Result<Vec<Result<T, Error>>, Error>
    where
        S: AsRef<str> + Sync,
        T: Send,
        F: Fn(&S, Article) -> T + Sync,
    {
        let n = threads
            .or(self.threads)
            .unwrap_or_else(pool::default_threads);
        let pool = pool::pool(n)?;
        let runs = Self::runs(texts, n);
        let out: Vec<Vec<Result<T, Error>>> = pool.install(|| {
            runs.par_iter()
                .map(|r| extract_run(&texts[r.clone()], self.stages, self.model(), &f))
                .collect()
        });
        Ok(out.into_iter().flatten().collect())
    }

    /// The runs [`Extractor::map_batch`] splits `texts` into for `threads`
    /// workers: consecutive ranges of at most [`RUN_ITEMS`] articles and
    /// [`RUN_BYTES`] of text (or one longer article); with several workers,
    /// short enough that each gets at least two (one worker takes the
    /// longest runs, which keep the stages' data in the caches; see
    /// `src/quotes/RESULTS.md`).
    fn runs<S: AsRef<str>>(texts: &[S], threads: usize) -> Vec<Range<usize>> {
        let items = match threads {
            0 | 1 => RUN_ITEMS,
            n => texts.len().div_ceil(2 * n).clamp(1, RUN_ITEMS),
        };
        let mut out = Vec::new();
        let (mut start, mut bytes) = (0, 0);
        for (i, t) in texts.iter().enumerate() {
            let len = t.as_ref().len();
            if i > start && (i - start == items || bytes + len > RUN_BYTES) {
                out.push(start..i);
                (start, bytes) = (i, 0);
            }
            bytes += len;
        }
        if start < texts.len() {
            out.push(start..texts.len());
        }
        out
    }
}

/// The most articles in one run of a batch, and the most text. Longer runs
/// keep more of each stage's data in the caches, so the stages slow each
/// other less; retune with `newsmine-eval-quotes speed` (what runs of 1, 64
/// and 256 articles measured: `src/quotes/RESULTS.md`).
const RUN_ITEMS: usize = 256;
const RUN_BYTES: usize = 1 << 20;

/// The articles of `texts`, stage by stage (the `stages` that run), each
/// mapped through `f`; a panic in any stage fails only its own article.
fn extract_run<S, T, F>(
    texts: &[S],
    stages: Stages,
    model: &NerModel,
    f: &F,
) -> Vec<Result<T, Error>>
where
    S: AsRef<str>,
    F: Fn(&S, Article) -> T,
{
    let s = stages;
    let docs: Vec<_> = texts
        .iter()
        .map(|t| guarded(|| Doc::new(t.as_ref())))
        .collect();
    let entities: Vec<_> = docs
        .iter()
        .map(|d| {
            then(d, |d| {
                run_if(s.entities || s.quotes, || entities::extract_with(d, model))
            })
        })
        .collect();
    let figures: Vec<_> = docs
        .iter()
        .map(|d| then(d, |d| run_if(s.figures, || figures::extract(d))))
        .collect();
    let quotes: Vec<_> = docs
        .iter()
        .zip(&entities)
        .map(|(d, e)| match (d, e) {
            (Ok(d), Ok(e)) => guarded(|| run_if(s.quotes, || quotes::extract(d, e))),
            (Err(err), _) | (_, Err(err)) => Err(err.clone()),
        })
        .collect();
    let parts = docs.iter().zip(entities).zip(figures).zip(quotes);
    texts
        .iter()
        .zip(parts)
        .map(|(t, (((d, e), fig), q))| {
            let article = Article {
                form: d.as_ref().map_err(Clone::clone)?.form,
                entities: if s.entities { e? } else { Vec::new() },
                figures: fig?,
                quotes: q?,
            };
            guarded(|| f(t, article))
        })
        .collect()
}

/// `f()` when `on`, else an empty list (a stage that does not run).
fn run_if<T>(on: bool, f: impl FnOnce() -> Vec<T>) -> Vec<T> {
    if on {
        f()
    } else {
        Vec::new()
    }
}

/// `f` of the value in `r`, guarded; `r`'s error if it holds one.
fn then<A, B>(r: &Result<A, Error>, f: impl FnOnce(&A) -> B) -> Result<B, Error> {
    let a = r.as_ref().map_err(Clone::clone)?;
    guarded(|| f(a))
}

/// Runs `f`, turning a panic into [`Error::Internal`] with the panic's message.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, Error> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Error::Internal { message }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_failing_article_leaves_the_batch_whole() {
        let ex = Extractor::new(Some(2));
        let texts = ["fine", "boom", "also fine", "x"];
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let out = ex
            .map_batch(&texts, None, |t, a| {
                assert!(*t != "boom", "injected failure");
                a
            })
            .unwrap();
        std::panic::set_hook(prev);
        assert!(out[0].is_ok() && out[2].is_ok() && out[3].is_ok());
        assert_eq!(
            out[1],
            Err(Error::Internal {
                message: "injected failure".into()
            })
        );
    }

    #[test]
    fn runs_cover_the_batch_in_order_within_their_limits() {
        let long = "x".repeat(RUN_BYTES);
        let mut texts = vec!["a short one"; 3 * RUN_ITEMS + 10];
        texts[5] = &long;
        for threads in [1, 2, 64] {
            let runs = Extractor::runs(&texts, threads);
            assert_eq!(runs[0].start, 0);
            assert_eq!(runs.last().unwrap().end, texts.len());
            for (a, b) in runs.iter().zip(&runs[1..]) {
                assert_eq!(a.end, b.start);
            }
            let items = match threads {
                1 => RUN_ITEMS,
                n => texts.len().div_ceil(2 * n).min(RUN_ITEMS),
            };
            for r in &runs {
                let bytes: usize = texts[r.clone()].iter().map(|t| t.len()).sum();
                assert!(!r.is_empty() && r.len() <= items);
                assert!(bytes <= RUN_BYTES || r.len() == 1, "{r:?}");
            }
            // The long article is a run of its own.
            assert!(runs.contains(&(5..6)));
        }
        assert!(Extractor::runs::<&str>(&[], 1).is_empty());
    }

    #[test]
    fn stages_that_do_not_run_leave_their_part_empty() {
        let texts = [
            "Jane Doe, a spokeswoman for Acme Corp, said on Tuesday that 1,510 kg of aid had arrived in Lyon.",
            "jane doe a spokeswoman for acme corp said on tuesday that 1 510 kg of aid had arrived in lyon",
        ];
        let all: Vec<Article> = texts
            .iter()
            .map(|t| Extractor::default().extract(t))
            .collect();
        for a in &all {
            assert!(!a.entities.is_empty() && !a.figures.is_empty() && !a.quotes.is_empty());
        }
        for bits in 0..8 {
            let stages = Stages {
                entities: bits & 1 != 0,
                figures: bits & 2 != 0,
                quotes: bits & 4 != 0,
            };
            let ex = Extractor::new(Some(2)).with_stages(stages);
            assert_eq!(ex.stages(), stages);
            let batch = ex.extract_batch(&texts, None).unwrap();
            for ((t, a), b) in texts.iter().zip(&all).zip(batch) {
                let want = Article {
                    form: a.form,
                    entities: run_if(stages.entities, || a.entities.clone()),
                    figures: run_if(stages.figures, || a.figures.clone()),
                    // The speakers still resolve through the entities.
                    quotes: run_if(stages.quotes, || a.quotes.clone()),
                };
                assert_eq!(ex.extract(t), want, "{stages:?}");
                assert_eq!(b.unwrap(), want, "{stages:?}, batch");
            }
        }
    }

    #[test]
    fn batch_equals_single_at_any_thread_count() {
        let ex = Extractor::default();
        let texts: Vec<String> = (0..50)
            .map(|i| format!("Text number {i}. It said so."))
            .collect();
        let single: Vec<Article> = texts.iter().map(|t| ex.extract(t)).collect();
        for threads in [1, 2, 3] {
            let batch: Vec<Article> = ex
                .extract_batch(&texts, Some(threads))
                .unwrap()
                .into_iter()
                .map(Result::unwrap)
                .collect();
            assert_eq!(batch, single);
        }
    }
}
