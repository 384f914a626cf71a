//! How long things live and how fast one may knock: sessions, invitations, reset links and
//! the throttle on failed sign-ins. All times are Unix seconds.

pub const MINUTE: i64 = 60;
pub const HOUR: i64 = 60 * MINUTE;
pub const DAY: i64 = 24 * HOUR;

pub const INVITATION_LIFETIME: i64 = 7 * DAY;
pub const PASSWORD_RESET_LIFETIME: i64 = HOUR;
/// A session's last-seen time is written at most this often, so reading pages costs no write.
/// A shorter idle limit touches more often: see [`SessionLifetime::touch_interval`].
pub const SESSION_TOUCH_INTERVAL: i64 = MINUTE;

/// How many times one person may try something in an hour (sharing a reflection by e-mail
/// address: each try could otherwise probe whether an address is known).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HourlyLimit(pub usize);

/// Shares one person may attempt per hour, successful or not.
pub const SHARE_LIMIT: HourlyLimit = HourlyLimit(20);

impl HourlyLimit {
    /// Seconds until the next try is allowed, given the times of earlier tries; `None`: go.
    pub fn wait(self, tries: &[i64], now: i64) -> Option<i64> {
        let mut recent: Vec<i64> = tries
            .iter()
            .copied()
            .filter(|at| *at > now - HOUR && *at <= now)
            .collect();
        if recent.len() < self.0 {
            return None;
        }
        recent.sort_unstable();
        let freed_by = recent[recent.len() - self.0];
        Some((freed_by + HOUR - now).max(1))
    }
}

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

    /// How stale the stored last-seen time may grow before a request writes it anew: a
    /// quarter of the idle limit, at most a minute, so an active session is refreshed well
    /// before it could end, whatever the limit.
    pub fn touch_interval(self) -> i64 {
        (self.idle / 4).clamp(1, SESSION_TOUCH_INTERVAL)
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
///
/// A school network shares one address, so the address limit is looser
/// (`address_free_attempts`) and holds back only accounts that have failed themselves in the
/// window: a colleague who types the right password first time gets in while someone else on
/// the network is throttled, and a completed reset (which clears the account's failures) lets
/// anyone in again. Someone spraying one password over many accounts from one address still
/// gets a single guess per account per window once the address is over its limit, and past
/// `address_ceiling` failures in the window the address waits whoever it names: otherwise
/// made-up addresses, which never fail twice, would cost a full password hash each, without
/// end. A school network reaching that many failures in fifteen minutes is under attack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInThrottle {
    pub window: i64,
    pub free_attempts: usize,
    pub address_free_attempts: usize,
    pub address_ceiling: usize,
    pub first_delay: i64,
}

impl Default for SignInThrottle {
    fn default() -> Self {
        SignInThrottle {
            window: 15 * MINUTE,
            free_attempts: 10,
            address_free_attempts: 30,
            address_ceiling: 100,
            first_delay: 30,
        }
    }
}

impl SignInThrottle {
    /// The wait for a sign-in, given the failures of its account and of its address.
    pub fn wait_for(self, account: &[i64], address: &[i64], now: i64) -> Option<i64> {
        let own = self.wait(account, now);
        let recent_own_failure = account.iter().any(|at| *at > now - self.window);
        let network = SignInThrottle {
            free_attempts: self.address_free_attempts,
            ..self
        }
        .wait(address, now)
        .filter(|_| recent_own_failure);
        let ceiling = SignInThrottle {
            free_attempts: self.address_ceiling,
            ..self
        }
        .wait(address, now);
        own.max(network).max(ceiling)
    }

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
    fn a_busy_address_holds_back_only_accounts_that_failed_themselves() {
        let throttle = SignInThrottle::default();
        let network: Vec<i64> = (0..40).collect();
        assert_eq!(
            throttle.wait(&network, 40),
            Some(899),
            "the address is over its limit"
        );
        assert_eq!(
            throttle.wait_for(&[], &network, 40),
            None,
            "a colleague without failures signs in"
        );
        assert_eq!(throttle.wait_for(&[39], &network, 40), Some(899));
        assert_eq!(
            throttle.wait_for(&[39], &(0..25).collect::<Vec<_>>(), 40),
            None,
            "thirty failures on one address are free"
        );
        let own: Vec<i64> = (0..10).collect();
        assert_eq!(throttle.wait_for(&own, &[], 10), Some(29));
        let flood: Vec<i64> = (0..100).collect();
        assert_eq!(
            throttle.wait_for(&[], &flood, 100),
            Some(29),
            "past the ceiling everyone from the address waits"
        );
    }

    #[test]
    fn an_active_session_is_touched_well_before_its_idle_limit() {
        for idle in [60, 120, 30 * MINUTE, DAY] {
            let lifetime = SessionLifetime {
                idle,
                absolute: 2 * DAY,
            };
            let every = lifetime.touch_interval();
            assert!(
                every >= 1 && every <= idle / 4,
                "idle {idle}: every {every}"
            );
        }
        let one_minute = SessionLifetime {
            idle: MINUTE,
            absolute: HOUR,
        };
        assert_eq!(one_minute.touch_interval(), 15);
    }

    #[test]
    fn an_hourly_limit_frees_a_try_when_the_oldest_leaves_the_hour() {
        let limit = HourlyLimit(3);
        assert_eq!(limit.wait(&[10, 20], 30), None);
        assert_eq!(limit.wait(&[10, 20, 30], 40), Some(10 + HOUR - 40));
        assert_eq!(limit.wait(&[10, 20, 30], 10 + HOUR), None);
        assert_eq!(SHARE_LIMIT.wait(&[0; 19], 1), None);
    }

    #[test]
    fn failures_older_than_the_window_are_forgotten() {
        let throttle = SignInThrottle::default();
        let failures: Vec<i64> = (0..20).collect();
        assert_eq!(throttle.wait(&failures, 20 + 15 * MINUTE), None);
        assert_eq!(throttle.forget_before(1000), 100);
    }
}
