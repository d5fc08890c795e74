//! PyO3 bindings (filled below).
