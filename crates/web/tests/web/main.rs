//! The web crate's tests: the real app on a free port with a fresh database, driven over HTTP.
//! `TEST_APP_BACKEND=postgres` (with `TEST_DATABASE_URL`) runs the whole suite on PostgreSQL.

mod accounts;
mod api;
mod browser;
mod dialogues;

mod errors;
mod feedback;
mod hardening;
mod helpers;
mod language;
mod learning_log;
mod limits;
mod mail;
mod pages;
mod plans;
mod privacy;
mod reflections;
mod round_trips;
mod routes;
mod search;
mod security;
mod space_scans;
mod start;
mod start_browser;
