use crate::helpers::{FRAMEWORK, spawn_app};

const PATHS: [&str; 8] = [
    "/",
    "/standaard",
    "/dialoogkaarten",
    "/zoeken?q=visie",
    "/afdrukken",
    "/api/v1/frameworks",
    "/does-not-exist",
    "/healthz",
];

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    for path in PATHS {
        let response = app.get(path).await;
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("script-src 'self'"), "{path}: {csp}");
        assert!(
            !csp.contains("unsafe-inline"),
            "{path}: no inline script or style"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "same-origin", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
    }
    app.stop().await;
}

#[tokio::test]
async fn pages_contain_no_inline_script_or_style() {
    let app = spawn_app().await;
    for path in [
        "/",
        "/standaard",
        &format!("/kaders/{FRAMEWORK}/kaarten/visie-01"),
        "/dialoogkaarten",
        "/afdrukken",
        "/zoeken?q=leren",
    ] {
        let html = app.get_html(path).await;
        assert!(!html.contains("<script>"), "{path} has an inline script");
        assert!(!html.contains(" style=\""), "{path} has an inline style");
        assert!(!html.contains(" onclick="), "{path} has an inline handler");
        assert!(html.contains("<script src=\"/static/"), "{path}");
    }
    app.stop().await;
}

#[tokio::test]
async fn the_language_cookie_cannot_be_used_for_header_injection() {
    let app = spawn_app().await;
    let response = app
        .get_as("/", "en", Some("leidraad_lang=en%0d%0aX-Evil:%201"))
        .await;
    assert_eq!(response.status(), 200);
    assert!(response.headers().get("x-evil").is_none());
    app.stop().await;
}
