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
//! Spans are byte offsets into the text. The Python bindings (feature
//! `python`) convert them to `str` indices.

pub mod entities;
mod error;
mod extractor;
pub mod figures;
#[cfg(feature = "serde")]
mod interned;
pub mod learn;
mod pool;
pub mod quotes;
pub mod render;
pub mod text;

#[cfg(feature = "python")]
mod python;

pub use error::Error;
pub use extractor::{Article, Extractor, Stages};
pub use pool::{default_threads, THREADS_ENV};
pub use text::{Doc, Form};
