//! Team scans over HTTP: the JSON API and its bad input in [`api`], the pages in [`pages`], a
//! board member's estimate through the pages in [`board`].

mod api;
mod board;
pub mod pages;
