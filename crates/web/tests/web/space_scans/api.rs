//! The team scan's JSON API (written next).
