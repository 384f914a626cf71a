//! Argon2 in bounded memory. Every hash needs 19 MiB of working memory and tens of
//! milliseconds of one core. Hashing each sign-in on its own blocking thread with a fresh
//! buffer let memory grow with the number of sign-ins at once (and glibc kept what it had
//! handed out, per thread arena): twenty at once took the server from 73 to 445 MB.
//!
//! The pool runs at most as many hashes at once as there are cores; the rest wait their turn
//! (first come, first served), which costs them no more time than sharing the cores would.
//! Each running hash borrows a [`HashMemory`] that is allocated on first need and then kept
//! and reused, so the pool never holds more than one buffer per core, and nothing is allocated
//! when nobody signs in.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, Mutex, PoisonError};

use leidraad_domain::accounts::HashMemory;
use tokio::sync::Semaphore;

/// The process's pool: one slot per core the process may use.
pub fn pool() -> &'static HashingPool {
    static POOL: LazyLock<HashingPool> = LazyLock::new(|| {
        HashingPool::new(std::thread::available_parallelism().map_or(1, |cores| cores.get()))
    });
    &POOL
}

pub struct HashingPool {
    slots: Semaphore,
    /// Buffers not in use right now.
    spare: Mutex<Vec<HashMemory>>,
    /// Buffers allocated so far: at most the number of slots, unless a hash panicked.
    allocated: AtomicUsize,
}

impl HashingPool {
    pub fn new(size: usize) -> HashingPool {
        let size = size.max(1);
        HashingPool {
            slots: Semaphore::new(size),
            spare: Mutex::new(Vec::with_capacity(size)),
            allocated: AtomicUsize::new(0),
        }
    }

    /// Waits for a slot, then runs `work` with a buffer on a blocking thread. The slot is held
    /// until `work` is done, also when the caller stops waiting (a closed connection, a
    /// request timeout): otherwise abandoned hashes would pile up beside the new ones. `None`
    /// if `work` panicked.
    pub async fn run<T, F>(&'static self, work: F) -> Option<T>
    where
        F: FnOnce(&mut HashMemory) -> T + Send + 'static,
        T: Send + 'static,
    {
        let slot = self
            .slots
            .acquire()
            .await
            .expect("the semaphore is never closed");
        tokio::task::spawn_blocking(move || {
            let _slot = slot;
            let mut memory = self.take();
            let result = work(&mut memory);
            self.give_back(memory);
            result
        })
        .await
        .ok()
    }

    /// How many buffers this pool has allocated.
    #[cfg(test)]
    pub fn allocated(&self) -> usize {
        self.allocated.load(Ordering::Relaxed)
    }

    fn take(&self) -> HashMemory {
        let spare = self
            .spare
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        spare.unwrap_or_else(|| {
            self.allocated.fetch_add(1, Ordering::Relaxed);
            HashMemory::new()
        })
    }

    fn give_back(&self, memory: HashMemory) {
        self.spare
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(memory);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Duration;

    use leidraad_domain::accounts::{Password, hash_password, verify_password_in};

    use super::*;

    fn leaked(size: usize) -> &'static HashingPool {
        Box::leak(Box::new(HashingPool::new(size)))
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn at_most_one_hash_per_slot_runs_and_the_buffers_are_reused() {
        let pool = leaked(2);
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = (0..12)
            .map(|_| {
                let (running, most) = (Arc::clone(&running), Arc::clone(&most));
                tokio::spawn(pool.run(move |memory| {
                    let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(20));
                    running.fetch_sub(1, Ordering::SeqCst);
                    memory.bytes()
                }))
            })
            .collect();
        for task in tasks {
            assert_eq!(task.await.unwrap(), Some(19_456 * 1024));
        }
        assert!(most.load(Ordering::SeqCst) <= 2, "{most:?} ran at once");
        assert!(pool.allocated() <= 2, "{} buffers", pool.allocated());
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_caller_that_stops_waiting_keeps_its_slot_until_its_hash_is_done() {
        let pool = leaked(1);
        let (release, released) = std::sync::mpsc::channel::<()>();
        let first = tokio::spawn(pool.run(move |_| {
            let _ = released.recv();
        }));
        // Let the first hash start, then abandon its caller.
        while pool.slots.available_permits() > 0 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        first.abort();
        let second = tokio::spawn(pool.run(|_| ()));
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert!(!second.is_finished(), "a second hash ran beside the first");
        release.send(()).unwrap();
        assert_eq!(
            tokio::time::timeout(Duration::from_secs(30), second)
                .await
                .expect("the second hash runs once the first is done")
                .unwrap(),
            Some(())
        );
        assert_eq!(pool.allocated(), 1);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sign_ins_at_once_share_one_buffer_per_core() {
        let password = Password::parse("correct horse battery", None).unwrap();
        let hash = crate::accounts::hash(password).await.unwrap();
        let checks: Vec<_> = (0..16)
            .map(|i| {
                let hash = hash.clone();
                let candidate = if i % 2 == 0 {
                    "correct horse battery"
                } else {
                    "wrong"
                };
                tokio::spawn(crate::accounts::verify(candidate.to_owned(), hash))
            })
            .collect();
        for (i, check) in checks.into_iter().enumerate() {
            assert_eq!(check.await.unwrap(), i % 2 == 0);
        }
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        assert!(
            pool().allocated() <= cores,
            "{} buffers for {cores} cores",
            pool().allocated()
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_real_hash_verifies_in_a_pooled_buffer() {
        let pool = leaked(1);
        let password = Password::parse("correct horse battery", None).unwrap();
        let hash = hash_password(&password, [3; 16]);
        let checked = hash.clone();
        let matches = pool
            .run(move |memory| verify_password_in("correct horse battery", &checked, memory))
            .await;
        assert_eq!(matches, Some(true));
        let wrong = pool
            .run(move |memory| verify_password_in("correct horse batterY", &hash, memory))
            .await;
        assert_eq!(wrong, Some(false));
        assert_eq!(pool.allocated(), 1);
    }
}
