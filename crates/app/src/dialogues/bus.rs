//! The dialogue bus: how an event reaches every screen that follows its dialogue. One
//! broadcast channel per followed dialogue, and nothing else: the bus knows no person, no
//! session and no cache, so a busy dialogue costs the rest of the app nothing.
//!
//! On SQLite one process holds every screen, so whoever stores an event publishes it, in the
//! order of the numbers (appending and publishing happen under one lock). On PostgreSQL
//! several instances share the database: the store notifies them all in the transaction of
//! the event, and each instance publishes what its listener hears, in the order of commits.
//! A follower that misses anything (a lagging channel, a listener that reconnected) reads what
//! it missed from the store, so a screen never skips or repeats an event.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use leidraad_domain::dialogue::Audience;
use leidraad_store::dialogues::{Notice, StoredEvent};
use leidraad_store::{Backend, Store, StoreError};
use tokio::sync::broadcast;

/// Events a follower may fall behind by before it reads from the store instead.
const CHANNEL_CAPACITY: usize = 256;

#[derive(Debug, Clone)]
enum Signal {
    Event(Arc<StoredEvent>),
    /// Something may have been missed: read from the store.
    Resync,
}

#[derive(Clone, Default)]
pub struct DialogueBus {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    channels: Mutex<HashMap<i64, broadcast::Sender<Signal>>>,
    /// Held from storing an event to publishing it (SQLite), so numbers go out in order.
    order: tokio::sync::Mutex<()>,
    listening: std::sync::OnceLock<()>,
}

impl DialogueBus {
    /// Stores events through `write` and publishes them. On PostgreSQL the listener publishes
    /// them instead, for this instance and every other alike.
    pub(crate) async fn store<T, F>(
        &self,
        store: &Store,
        write: F,
        events: impl Fn(&T) -> Vec<StoredEvent>,
    ) -> Result<T, StoreError>
    where
        F: std::future::Future<Output = Result<T, StoreError>>,
    {
        if store.backend() == Backend::Postgres {
            return write.await;
        }
        let _order = self.inner.order.lock().await;
        let written = write.await?;
        for event in events(&written) {
            self.publish(event);
        }
        Ok(written)
    }

    fn publish(&self, event: StoredEvent) {
        let mut channels = self.lock();
        let dialogue = event.dialogue_id;
        if let Some(sender) = channels.get(&dialogue)
            && sender.send(Signal::Event(Arc::new(event))).is_err()
        {
            // No one follows the dialogue any more.
            channels.remove(&dialogue);
        }
    }

    fn resync_all(&self) {
        for sender in self.lock().values() {
            let _ = sender.send(Signal::Resync);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i64, broadcast::Sender<Signal>>> {
        self.inner
            .channels
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Follows `dialogue` from after event `after`: what `audience` may see, in order.
    pub fn follow(&self, store: &Store, dialogue: i64, after: i64, audience: Audience) -> Follower {
        self.listen(store);
        let receiver = {
            let mut channels = self.lock();
            channels
                .entry(dialogue)
                .or_insert_with(|| broadcast::channel(CHANNEL_CAPACITY).0)
                .subscribe()
        };
        Follower {
            store: store.clone(),
            dialogue,
            last: after,
            audience,
            backlog: VecDeque::new(),
            receiver,
            caught_up: false,
        }
    }

    /// Starts this instance's listener once (PostgreSQL): it publishes every event any
    /// instance stores, and after a lost connection tells every follower to read what it
    /// missed.
    fn listen(&self, store: &Store) {
        if store.backend() != Backend::Postgres {
            return;
        }
        self.inner.listening.get_or_init(|| {
            let (bus, store) = (self.clone(), store.clone());
            tokio::spawn(async move { bus.run_listener(store).await });
        });
    }

    async fn run_listener(self, store: Store) {
        loop {
            match store.listen_dialogues().await {
                Ok(Some(mut listener)) => {
                    // Whatever was stored before the listener was up is read from the store.
                    self.resync_all();
                    loop {
                        match listener.next().await {
                            Ok(Notice::Event(event)) => self.publish(event),
                            Ok(Notice::Lost) => self.resync_all(),
                            Err(error) => {
                                tracing::warn!(error = %crate::error_chain(&error), "dialogue listener failed");
                                break;
                            }
                        }
                    }
                }
                Ok(None) => return,
                Err(error) => {
                    tracing::warn!(error = %crate::error_chain(&error), "dialogue listener cannot connect");
                }
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }
}

/// What a follower hands on.
#[derive(Debug)]
pub enum Step {
    Event(Arc<StoredEvent>),
    Idle,
}

/// One screen's view of a dialogue's events. See [`DialogueBus::follow`].
pub struct Follower {
    store: Store,
    dialogue: i64,
    last: i64,
    audience: Audience,
    backlog: VecDeque<Arc<StoredEvent>>,
    receiver: broadcast::Receiver<Signal>,
    caught_up: bool,
}

impl Follower {
    /// The next event for this screen, or [`Step::Idle`] after `idle` without one (a stream
    /// then sends a comment, so that no proxy takes the quiet connection for a dead one);
    /// None when the bus is gone. Safe to cancel between events.
    pub async fn next(&mut self, idle: Duration) -> Result<Option<Step>, StoreError> {
        if !self.caught_up {
            self.catch_up().await?;
            self.caught_up = true;
        }
        loop {
            while let Some(event) = self.backlog.pop_front() {
                if event.seq <= self.last {
                    continue;
                }
                self.last = event.seq;
                if self.audience == Audience::Facilitator || event.audience == Audience::Room {
                    return Ok(Some(Step::Event(event)));
                }
            }
            let Ok(received) = tokio::time::timeout(idle, self.receiver.recv()).await else {
                return Ok(Some(Step::Idle));
            };
            match received {
                Ok(Signal::Event(event)) if event.seq <= self.last => {}
                Ok(Signal::Event(event)) if event.seq == self.last + 1 => {
                    self.backlog.push_back(event);
                }
                Ok(Signal::Event(_) | Signal::Resync)
                | Err(broadcast::error::RecvError::Lagged(_)) => self.catch_up().await?,
                Err(broadcast::error::RecvError::Closed) => return Ok(None),
            }
        }
    }

    /// Reads every event after the last one seen from the store.
    async fn catch_up(&mut self) -> Result<(), StoreError> {
        let missed = self
            .store
            .dialogue_events(self.dialogue, self.last, false)
            .await?;
        self.backlog.extend(missed.into_iter().map(Arc::new));
        Ok(())
    }

    /// The number of the last event this follower has seen.
    pub fn last_seen(&self) -> i64 {
        self.last
    }
}
