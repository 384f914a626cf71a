//! The policy's tests: members cell by cell against the first table, link and code holders
//! against the second.

mod member_cases;
mod members;
mod principals;
