//! How long things live and how fast one may knock: sessions, invitations, reset links and
//! the throttle on failed sign-ins. All times are Unix seconds.

pub const MINUTE: i64 = 60;
pub const HOUR: i64 = 60 * MINUTE;
pub const DAY: i64 = 24 * HOUR;

pub const INVITATION_LIFETIME: i64 = 7 * DAY;
pub const PASSWORD_RESET_LIFETIME: i64 = HOUR;
/// A session's last-seen time is written at most this often, so reading pages costs no write.
pub const SESSION_TOUCH_INTERVAL: i64 = MINUTE;

/// When a sign-in session ends on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionLifetime {
    /// Ends after this long without a request.
    pub idle: i64,
    /// Ends this long after sign-in, however busy.
    pub absolute: i64,
}

impl Default for SessionLifetime {
    fn default() -> Self {
        SessionLifetime {
            idle: 30 * MINUTE,
            absolute: 12 * HOUR,
        }
    }
}

impl SessionLifetime {
    pub fn is_alive(self, created_at: i64, last_seen_at: i64, now: i64) -> bool {
        now < created_at + self.absolute && now < last_seen_at + self.idle
    }

    /// The moment the session ends if nothing else happens.
    pub fn ends_at(self, created_at: i64, last_seen_at: i64) -> i64 {
        (created_at + self.absolute).min(last_seen_at + self.idle)
    }
}

/// Failed sign-ins, counted per account and per address: the first `free_attempts` in a
/// `window` cost nothing; after that each attempt waits twice as long as the one before,
/// starting at `first_delay` and never longer than the window. Only failures count, and a
/// password reset is never throttled by them, so an attacker can slow a person down but never
/// lock them out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInThrottle {
    pub window: i64,
    pub free_attempts: usize,
    pub first_delay: i64,
}

impl Default for SignInThrottle {
    fn default() -> Self {
        SignInThrottle {
            window: 15 * MINUTE,
            free_attempts: 10,
            first_delay: 30,
        }
    }
}

impl SignInThrottle {
    /// How many seconds the next attempt must still wait, given the times of the failures
    /// inside the window (any order). `None`: go ahead.
    pub fn wait(self, failures: &[i64], now: i64) -> Option<i64> {
        let recent: Vec<i64> = failures
            .iter()
            .copied()
            .filter(|at| *at > now - self.window && *at <= now)
            .collect();
        let beyond_free = recent.len().checked_sub(self.free_attempts)?;
        let latest = recent.iter().copied().max()?;
        let doublings = u32::try_from(beyond_free).unwrap_or(u32::MAX).min(20);
        let delay = (self.first_delay << doublings).min(self.window);
        let wait = latest + delay - now;
        (wait > 0).then_some(wait)
    }

    /// The oldest failure time still worth keeping.
    pub fn forget_before(self, now: i64) -> i64 {
        now - self.window
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_dies_when_idle_too_long_or_too_old() {
        let lifetime = SessionLifetime::default();
        assert!(lifetime.is_alive(0, 0, 29 * MINUTE));
        assert!(!lifetime.is_alive(0, 0, 30 * MINUTE));
        assert!(lifetime.is_alive(0, 11 * HOUR, 11 * HOUR + 29 * MINUTE));
        assert!(!lifetime.is_alive(0, 11 * HOUR + 50 * MINUTE, 12 * HOUR));
        assert_eq!(lifetime.ends_at(0, 0), 30 * MINUTE);
        assert_eq!(lifetime.ends_at(0, 12 * HOUR - MINUTE), 12 * HOUR);
    }

    #[test]
    fn ten_failures_in_fifteen_minutes_are_free() {
        let throttle = SignInThrottle::default();
        let failures: Vec<i64> = (0..9).collect();
        assert_eq!(throttle.wait(&failures, 10), None);
    }

    #[test]
    fn after_ten_failures_the_wait_doubles_each_time_up_to_the_window() {
        let throttle = SignInThrottle::default();
        let mut failures: Vec<i64> = (0..10).collect();
        assert_eq!(throttle.wait(&failures, 9), Some(30));
        assert_eq!(throttle.wait(&failures, 39), None);
        failures.push(40);
        assert_eq!(throttle.wait(&failures, 40), Some(60));
        failures.extend([100, 101, 102, 103, 104, 105]);
        assert_eq!(throttle.wait(&failures, 105), Some(900));
    }

    #[test]
    fn failures_older_than_the_window_are_forgotten() {
        let throttle = SignInThrottle::default();
        let failures: Vec<i64> = (0..20).collect();
        assert_eq!(throttle.wait(&failures, 20 + 15 * MINUTE), None);
        assert_eq!(throttle.forget_before(1000), 100);
    }
}
