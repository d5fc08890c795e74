//! The one error type of the core.

use std::fmt;

/// What went wrong with one article of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// An extractor failed on this article (a bug in newsmine: please report
    /// it with the article). The rest of the batch is unaffected.
    Internal { message: String },
    /// The thread pool could not be built.
    ThreadPool { message: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Internal { message } => write!(f, "extraction failed: {message}"),
            Error::ThreadPool { message } => {
                write!(f, "could not start the thread pool: {message}")
            }
        }
    }
}

impl std::error::Error for Error {}
