//! The ids of people, organisations and schools. Each is its own type, so a school id can never
//! be passed where a person id is meant; the numbers themselves come from the store.

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub i64);

        impl $name {
            pub fn get(self) -> i64 {
                self.0
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }
    };
}
// Other modules name their ids the same way (the policy's rounds, links and dialogues).
pub(crate) use id_type;

id_type!(
    /// A person with an account (a member of zero or more organisations).
    PersonId
);
id_type!(
    /// An organisation (bestuur): the unit that owns schools, members and settings.
    OrganisationId
);
id_type!(
    /// A school of an organisation.
    SchoolId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_display_as_their_bare_number() {
        assert_eq!(PersonId(7).to_string(), "7");
        assert_eq!(OrganisationId(-1).to_string(), "-1");
        assert_eq!(SchoolId(42).get(), 42);
    }

    #[test]
    fn ids_order_by_their_number() {
        let mut ids = vec![SchoolId(3), SchoolId(1), SchoolId(2)];
        ids.sort();
        assert_eq!(ids, [SchoolId(1), SchoolId(2), SchoolId(3)]);
    }
}
