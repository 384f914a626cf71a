//! The roles a person can hold in an organisation. What each role may do is decided in one
//! place, [`super::policy`]; this module only names the roles.
//!
//! Labels ("beheerder", "Admin", …) are not here: the web layer translates the stable
//! [`Role::code`], like every other string.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Beheerder: manages the organisation, its schools, members and invitations.
    Admin,
    /// Bestuurder: follows the organisation's schools through aggregated overviews.
    BoardMember,
    /// Schoolleider: leads one or more schools and reflects on the standard.
    SchoolLeader,
    /// Teamlid: a teacher or other staff member of a school.
    Staff,
    /// Coach or trainer: supports leaders who choose to share their development.
    Coach,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::BoardMember,
        Role::SchoolLeader,
        Role::Staff,
        Role::Coach,
    ];

    /// The code under which the role is stored and sent through the API. Stable forever.
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::BoardMember => "board-member",
            Role::SchoolLeader => "school-leader",
            Role::Staff => "staff",
            Role::Coach => "coach",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role `{0}`: use admin, board-member, school-leader, staff or coach")]
pub struct UnknownRole(pub String);

impl UnknownRole {
    pub fn code(&self) -> &'static str {
        "role-unknown"
    }
}

impl FromStr for Role {
    type Err = UnknownRole;

    /// Parses a stored or API code exactly: codes are machine-written, so no trimming or case
    /// folding hides a bug elsewhere.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|role| role.code() == s)
            .ok_or_else(|| UnknownRole(s.chars().take(20).collect()))
    }
}

/// The roles one person holds in one organisation: any combination, none included.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RoleSet(u8);

impl RoleSet {
    pub const fn empty() -> RoleSet {
        RoleSet(0)
    }

    pub fn contains(self, role: Role) -> bool {
        self.0 & role.bit() != 0
    }

    pub fn insert(&mut self, role: Role) {
        self.0 |= role.bit();
    }

    pub fn remove(&mut self, role: Role) {
        self.0 &= !role.bit();
    }

    /// This set with `role` added, for building sets in one expression.
    #[must_use]
    pub fn with(mut self, role: Role) -> RoleSet {
        self.insert(role);
        self
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The roles in the order of [`Role::ALL`].
    /// The roles as stored: their codes, comma-separated, in [`Role::ALL`] order.
    pub fn to_codes(self) -> String {
        self.iter().map(Role::code).collect::<Vec<_>>().join(",")
    }

    /// Reads [`RoleSet::to_codes`] back; an empty text is the empty set.
    pub fn parse_codes(text: &str) -> Result<RoleSet, UnknownRole> {
        text.split(',')
            .map(str::trim)
            .filter(|code| !code.is_empty())
            .map(str::parse::<Role>)
            .collect()
    }

    pub fn iter(self) -> impl Iterator<Item = Role> {
        Role::ALL
            .into_iter()
            .filter(move |role| self.contains(*role))
    }
}

impl From<Role> for RoleSet {
    fn from(role: Role) -> RoleSet {
        RoleSet::empty().with(role)
    }
}

impl<const N: usize> From<[Role; N]> for RoleSet {
    fn from(roles: [Role; N]) -> RoleSet {
        roles.into_iter().collect()
    }
}

impl FromIterator<Role> for RoleSet {
    fn from_iter<I: IntoIterator<Item = Role>>(roles: I) -> RoleSet {
        roles.into_iter().fold(RoleSet::empty(), RoleSet::with)
    }
}

impl fmt::Debug for RoleSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_sets_round_trip_through_their_codes() {
        let roles = RoleSet::from([Role::Coach, Role::Admin]);
        assert_eq!(roles.to_codes(), "admin,coach");
        assert_eq!(RoleSet::parse_codes("admin,coach").unwrap(), roles);
        assert_eq!(RoleSet::parse_codes("").unwrap(), RoleSet::empty());
        assert!(RoleSet::parse_codes("admin,king").is_err());
    }

    #[test]
    fn role_codes_round_trip_and_are_unique() {
        for role in Role::ALL {
            assert_eq!(role.code().parse::<Role>(), Ok(role));
            assert_eq!(role.to_string(), role.code());
        }
        let codes: Vec<&str> = Role::ALL.iter().map(|r| r.code()).collect();
        assert_eq!(
            codes,
            ["admin", "board-member", "school-leader", "staff", "coach"]
        );
    }

    #[test]
    fn every_role_is_in_all_in_declaration_order() {
        for (index, role) in Role::ALL.into_iter().enumerate() {
            // A new variant must be added to ALL: this match stops compiling until it is.
            let position = match role {
                Role::Admin => 0,
                Role::BoardMember => 1,
                Role::SchoolLeader => 2,
                Role::Staff => 3,
                Role::Coach => 4,
            };
            assert_eq!(position, index, "{role}");
        }
    }

    #[test]
    fn unknown_or_differently_written_role_codes_are_refused() {
        for code in ["", "Admin", " admin", "beheerder", "board_member"] {
            let error = code.parse::<Role>().unwrap_err();
            assert_eq!(error.code(), "role-unknown");
        }
    }

    #[test]
    fn a_role_set_holds_any_combination_of_roles() {
        let mut roles = RoleSet::from([Role::Staff, Role::Coach, Role::Staff]);
        assert_eq!(roles.len(), 2);
        assert!(roles.contains(Role::Staff) && roles.contains(Role::Coach));
        assert!(!roles.contains(Role::Admin));
        roles.insert(Role::Admin);
        roles.remove(Role::Coach);
        assert_eq!(roles.iter().collect::<Vec<_>>(), [Role::Admin, Role::Staff]);
        assert_eq!(format!("{roles:?}"), "{Admin, Staff}");
    }

    #[test]
    fn an_empty_role_set_holds_nothing() {
        let roles = RoleSet::empty();
        assert!(roles.is_empty());
        assert_eq!(roles.len(), 0);
        assert!(Role::ALL.iter().all(|role| !roles.contains(*role)));
        assert_eq!(RoleSet::default(), roles);
    }
}
