//! newsmine: entities, figures and quotes from news articles, in ordinary
//! text and in *stripped* text (lowercased, punctuation removed).
//!
//! ```
//! use newsmine::{Extractor, Form};
//!
//! let ex = Extractor::default();
//! let article = ex.extract("The U.S. said on Thursday it would act.");
//! assert_eq!(article.form, Form::Ordinary);
//! let stripped = ex.extract("the u s said on thursday it would act");
//! assert_eq!(stripped.form, Form::Stripped);
//! ```
//!
//! Spans are byte offsets into the text (`Range<usize>`: [`Entity::span`],
//! [`Figure::counted`], ...). The Python bindings (feature `python`) convert
//! them to `str` indices.
//!
//! # Features
//! - `serde`: `Serialize` and `Deserialize` for [`Article`] and what it holds.
//! - `training`: the training and evaluation API (`entities::training`,
//!   `entities::tagger::train`, `quotes::boundary`, `learn`, ...) and the
//!   internals it works with; no part of the default API, no stability promise.
//! - `train`: `training` and `serde`, for the training and evaluation
//!   programs in `src/bin`.
//! - `python`: the Python extension `newsmine._newsmine` (with `training`,
//!   for `newsmine train ner`).

/// Declares modules that are public with the `training` feature (the
/// training and evaluation API, and the internals it works with: no part of
/// the default API) and crate-internal without it.
macro_rules! training_mods {
    ($(mod $name:ident;)*) => {$(
        #[cfg(feature = "training")]
        pub mod $name;
        #[cfg(not(feature = "training"))]
        pub(crate) mod $name;
    )*};
}

pub mod entities;
mod error;
mod extractor;
pub mod figures;
#[cfg(feature = "serde")]
mod interned;
mod pool;
pub mod quotes;
pub mod render;
mod span;
pub mod text;

training_mods! {
    mod learn;
}

#[cfg(feature = "python")]
mod python;

pub use entities::{Entity, EntityLabel};
pub use error::Error;
pub use extractor::{Article, Extractor, Stages};
pub use figures::{Figure, FigureKind, Qualifier};
pub use pool::{default_threads, THREADS_ENV};
pub use quotes::Quote;
pub use text::{Doc, Form};
