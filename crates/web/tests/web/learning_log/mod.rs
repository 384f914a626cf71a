//! The learning log: its JSON API and its pages, over real HTTP, on the backend the suite
//! runs on (uploads too).

mod api;
mod pages;

use reqwest::StatusCode;
use serde_json::Value;

pub const LEADER: &str = "school-leader@a.example";

/// A small valid PDF and the start of a PNG: what the sniffing keeps.
pub const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";

/// A refusal: its status and problem code.
pub async fn refused(response: reqwest::Response, status: StatusCode, code: &str) {
    assert_eq!(response.status(), status, "{code}");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], code);
}
