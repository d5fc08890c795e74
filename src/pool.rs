//! The crate-owned rayon pool.
//!
//! newsmine never uses rayon's global pool: a process forked after a global
//! pool has run (multiprocessing's default on Linux, pandas workers) inherits a
//! pool whose threads do not exist and deadlocks on first use. Our pool is
//! keyed by process id and thread count, so a forked child builds a fresh one
//! (the parent's is leaked in the child, never joined).

use std::sync::{Arc, Mutex};

use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::Error;

/// The environment variable that sets the default thread count.
pub const THREADS_ENV: &str = "NEWSMINE_THREADS";

struct Cached {
    pid: u32,
    threads: usize,
    pool: Arc<ThreadPool>,
}

static POOL: Mutex<Option<Cached>> = Mutex::new(None);

/// The thread count used when none is given: `NEWSMINE_THREADS`, else all cores.
pub fn default_threads() -> usize {
    std::env::var(THREADS_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// A pool of `threads` workers for this process.
pub fn pool(threads: usize) -> Result<Arc<ThreadPool>, Error> {
    let threads = threads.max(1);
    let pid = std::process::id();
    let mut cached = POOL.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(c) = cached.as_ref() {
        if c.pid == pid && c.threads == threads {
            return Ok(Arc::clone(&c.pool));
        }
    }
    let pool = Arc::new(
        ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("newsmine-{i}"))
            .build()
            .map_err(|e| Error::ThreadPool {
                message: e.to_string(),
            })?,
    );
    if let Some(old) = cached.replace(Cached {
        pid,
        threads,
        pool: Arc::clone(&pool),
    }) {
        if old.pid != pid {
            // Inherited through fork: its threads live only in the parent.
            std::mem::forget(old);
        }
    }
    Ok(pool)
}
