//! The Extractor and the Article it returns.

use std::panic::{catch_unwind, AssertUnwindSafe};

use rayon::prelude::*;

use crate::entities::{self, Entity};
use crate::figures::{self, Figure};
use crate::pool;
use crate::quotes::{self, Quote};
use crate::text::{Doc, Form};
use crate::Error;

/// What one article contains. Spans are byte offsets into its text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    pub form: Form,
    pub entities: Vec<Entity>,
    pub figures: Vec<Figure>,
    pub quotes: Vec<Quote>,
}

/// Extracts entities, figures and quotes. Immutable, `Send + Sync` and cheap
/// to clone: build one and share it. Models are compiled in and load once per
/// process, on first use.
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    threads: Option<usize>,
}

impl Extractor {
    /// An extractor whose batches use `threads` workers (`None`: the
    /// `NEWSMINE_THREADS` variable, else all cores).
    pub fn new(threads: Option<usize>) -> Self {
        Extractor { threads }
    }

    /// The configured thread count, if one was given.
    pub fn threads(&self) -> Option<usize> {
        self.threads
    }

    /// Extracts everything from one article.
    pub fn extract(&self, text: &str) -> Article {
        let doc = Doc::new(text);
        let entities = entities::extract(&doc);
        let figures = figures::extract(&doc);
        let quotes = quotes::extract(&doc, &entities);
        Article {
            form: doc.form,
            entities,
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
        self.map_batch(texts, threads, |t| self.extract(t))
    }

    /// Runs `f` over `texts` on the crate's pool, results in input order.
    /// A panic in `f` becomes an `Err` at its position; the others complete.
    pub fn map_batch<S, T, F>(
        &self,
        texts: &[S],
        threads: Option<usize>,
        f: F,
    ) -> Result<Vec<Result<T, Error>>, Error>
    where
        S: AsRef<str> + Sync,
        T: Send,
        F: Fn(&str) -> T + Sync,
    {
        let n = threads
            .or(self.threads)
            .unwrap_or_else(pool::default_threads);
        let pool = pool::pool(n)?;
        Ok(pool.install(|| {
            texts
                .par_iter()
                .map(|t| guarded(|| f(t.as_ref())))
                .collect()
        }))
    }
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
            .map_batch(&texts, None, |t| {
                assert!(t != "boom", "injected failure");
                ex.extract(t)
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
