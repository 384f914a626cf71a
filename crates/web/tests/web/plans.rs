//! The development plan: its pages and its JSON API.

mod api;
mod pages;
mod portfolio;
