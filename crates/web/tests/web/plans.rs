//! The development plan: its JSON API.

mod api;
