//! Team scans over HTTP: the JSON API and its bad input in [`api`], the pages in [`pages`].

mod api;
pub mod pages;
