//! Team scans over HTTP: the JSON API and its bad input in [`api`].

mod api;
