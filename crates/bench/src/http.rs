//! A minimal HTTP/1.1 client on hyper's connection API: one connection, requests one at a
//! time, bodies read to the end. No pool, no redirects, no decompression.
//!
//! A request is described once as a [`RequestSpec`] (method, parsed URI, headers and body as
//! shared bytes) and sent many times: sending clones only reference-counted parts, so the
//! load loop does not parse paths or copy bodies per request.

use std::net::SocketAddr;

use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::client::conn::http1::SendRequest;
use hyper::header::{
    AUTHORIZATION, CONTENT_TYPE, COOKIE, HOST, HeaderName, HeaderValue, LOCATION, SET_COOKIE,
};
use hyper::{Method, Request, Response, StatusCode, Uri};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

/// Anything that went wrong below the HTTP status: connecting, sending or reading.
pub type TransportError = Box<dyn std::error::Error + Send + Sync>;

/// One request, prepared for sending any number of times.
#[derive(Debug, Clone)]
pub struct RequestSpec {
    pub method: Method,
    /// Path and query, parsed once.
    pub uri: Uri,
    /// The whole `Authorization` header value, e.g. `Bearer 0123…`.
    pub authorization: Option<HeaderValue>,
    /// Other headers, such as the `Sec-Fetch-Site` a browser sends with a form.
    pub headers: Vec<(HeaderName, HeaderValue)>,
    pub body: Option<RequestBody>,
}

/// A request body and its content type.
#[derive(Debug, Clone)]
pub struct RequestBody {
    pub content_type: HeaderValue,
    pub bytes: Bytes,
}

impl RequestSpec {
    /// `GET path` without credentials.
    pub fn get(path: &str) -> Result<Self, String> {
        Ok(RequestSpec {
            method: Method::GET,
            uri: parse_path(path)?,
            authorization: None,
            headers: Vec::new(),
            body: None,
        })
    }

    /// `POST path` of an HTML form, as a browser sends it from a page of the same site (the
    /// app's CSRF check asks for `Sec-Fetch-Site: same-origin`).
    pub fn post_form(path: &str, fields: &[(&str, &str)]) -> Result<Self, String> {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        Ok(RequestSpec {
            method: Method::POST,
            headers: vec![(
                HeaderName::from_static("sec-fetch-site"),
                HeaderValue::from_static("same-origin"),
            )],
            body: Some(RequestBody {
                content_type: HeaderValue::from_static("application/x-www-form-urlencoded"),
                bytes: body.into(),
            }),
            ..RequestSpec::get(path)?
        })
    }

    /// Adds `Authorization: Bearer <token>`.
    pub fn with_bearer(mut self, token: &str) -> Result<Self, String> {
        let value = HeaderValue::try_from(format!("Bearer {token}"))
            .map_err(|_| "the API token is not a valid header value".to_owned())?;
        self.authorization = Some(value);
        Ok(self)
    }

    /// Adds a header, such as the `Accept: application/json` of a script's form post.
    pub fn with_header(mut self, name: &'static str, value: &'static str) -> Self {
        self.headers.push((
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        ));
        self
    }

    /// Adds a `Cookie` header: a session's `name=value`, as a browser sends it back.
    pub fn with_cookie(mut self, cookie: &str) -> Result<Self, String> {
        let value = HeaderValue::try_from(cookie)
            .map_err(|_| "the cookie is not a valid header value".to_owned())?;
        self.headers.push((COOKIE, value));
        Ok(self)
    }

    /// Adds a JSON body.
    pub fn with_json(mut self, json: impl Into<Bytes>) -> Self {
        self.body = Some(RequestBody {
            content_type: HeaderValue::from_static("application/json"),
            bytes: json.into(),
        });
        self
    }

    /// `PUT path` without credentials or body.
    pub fn put(path: &str) -> Result<Self, String> {
        Ok(RequestSpec {
            method: Method::PUT,
            ..RequestSpec::get(path)?
        })
    }

    /// `POST path` without credentials or body.
    pub fn post(path: &str) -> Result<Self, String> {
        Ok(RequestSpec {
            method: Method::POST,
            ..RequestSpec::get(path)?
        })
    }

    /// `GET /path`, for messages.
    pub fn describe(&self) -> String {
        format!("{} {}", self.method, self.uri)
    }

    fn to_request(&self, host: &HeaderValue) -> Result<Request<Full<Bytes>>, TransportError> {
        let mut builder = Request::builder()
            .method(self.method.clone())
            .uri(self.uri.clone())
            .header(HOST, host.clone());
        if let Some(authorization) = &self.authorization {
            builder = builder.header(AUTHORIZATION, authorization.clone());
        }
        for (name, value) in &self.headers {
            builder = builder.header(name, value.clone());
        }
        let body = match &self.body {
            Some(body) => {
                builder = builder.header(CONTENT_TYPE, body.content_type.clone());
                Full::new(body.bytes.clone())
            }
            // An empty body ends at once, so hyper sends no Content-Length, as with `Empty`.
            None => Full::new(Bytes::new()),
        };
        Ok(builder.body(body)?)
    }
}

/// Parses an origin-form request target such as `/zoeken?q=x`.
fn parse_path(path: &str) -> Result<Uri, String> {
    if !path.starts_with('/') {
        return Err(format!("`{path}` is not a path: it must start with /"));
    }
    Uri::try_from(path).map_err(|e| format!("`{path}` is not a valid request path: {e}"))
}

/// One keep-alive connection to the server.
pub struct Connection {
    sender: SendRequest<Full<Bytes>>,
    host: HeaderValue,
}

impl Connection {
    pub async fn open(address: SocketAddr) -> Result<Self, TransportError> {
        let stream = TcpStream::connect(address).await?;
        stream.set_nodelay(true)?;
        let (sender, connection) =
            hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
        tokio::spawn(async move {
            // Ends when the sender is dropped or the server closes the connection; a broken
            // connection shows up as an error on the next request.
            let _ = connection.await;
        });
        Ok(Connection {
            sender,
            host: HeaderValue::try_from(address.to_string())?,
        })
    }

    /// Whether the server has closed the connection (an idle keep-alive connection is closed
    /// after the server's header read timeout, 10 s by default).
    pub fn is_closed(&self) -> bool {
        self.sender.is_closed()
    }

    /// Sends the request, reads the whole body and drops it; returns the status.
    pub async fn send_and_discard(
        &mut self,
        spec: &RequestSpec,
    ) -> Result<StatusCode, TransportError> {
        let response = self.send_request(spec).await?;
        let status = response.status();
        let mut body = response.into_body();
        while let Some(frame) = body.frame().await {
            frame?;
        }
        Ok(status)
    }

    /// Sends the request and returns the status and the whole body.
    pub async fn send(
        &mut self,
        spec: &RequestSpec,
    ) -> Result<(StatusCode, Bytes), TransportError> {
        let response = self.send_request(spec).await?;
        let status = response.status();
        let body = response.into_body().collect().await?.to_bytes();
        Ok((status, body))
    }

    /// Sends the request and returns the status, the `Location` header if any, and the
    /// whole body: for the form posts that answer with a redirect.
    pub async fn send_for_location(
        &mut self,
        spec: &RequestSpec,
    ) -> Result<(StatusCode, Option<String>, Bytes), TransportError> {
        let response = self.send_request(spec).await?;
        let status = response.status();
        let location = response
            .headers()
            .get(LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = response.into_body().collect().await?.to_bytes();
        Ok((status, location, body))
    }

    /// Sends the request and returns the status, the `name=value` of every `Set-Cookie`
    /// (without its attributes), and the whole body: for a sign-in.
    pub async fn send_for_cookies(
        &mut self,
        spec: &RequestSpec,
    ) -> Result<(StatusCode, Vec<String>, Bytes), TransportError> {
        let response = self.send_request(spec).await?;
        let status = response.status();
        let cookies = response
            .headers()
            .get_all(SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .filter_map(|v| v.split(';').next())
            .map(|pair| pair.trim().to_owned())
            .collect();
        let body = response.into_body().collect().await?.to_bytes();
        Ok((status, cookies, body))
    }

    async fn send_request(
        &mut self,
        spec: &RequestSpec,
    ) -> Result<Response<Incoming>, TransportError> {
        let request = spec.to_request(&self.host)?;
        self.sender.ready().await?;
        Ok(self.sender.send_request(request).await?)
    }
}

/// A single request on a fresh connection, for checks rather than load.
pub async fn send_once(
    address: SocketAddr,
    spec: &RequestSpec,
) -> Result<(StatusCode, Bytes), TransportError> {
    Connection::open(address).await?.send(spec).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spec_becomes_a_request_with_its_headers_and_body() {
        let spec = RequestSpec::put("/api/v1/reflections/7/answers/visie-01")
            .unwrap()
            .with_bearer("abc")
            .unwrap()
            .with_json(r#"{"pile":2}"#);
        let host = HeaderValue::from_static("127.0.0.1:8080");
        let request = spec.to_request(&host).unwrap();
        assert_eq!(request.method(), Method::PUT);
        assert_eq!(request.uri(), "/api/v1/reflections/7/answers/visie-01");
        assert_eq!(request.headers()[HOST], "127.0.0.1:8080");
        assert_eq!(request.headers()[AUTHORIZATION], "Bearer abc");
        assert_eq!(request.headers()[CONTENT_TYPE], "application/json");
        assert_eq!(
            spec.describe(),
            "PUT /api/v1/reflections/7/answers/visie-01"
        );
    }

    #[test]
    fn a_plain_get_has_no_credentials_or_content_type() {
        let spec = RequestSpec::get("/zoeken?q=creeer+netwerken").unwrap();
        let request = spec
            .to_request(&HeaderValue::from_static("localhost"))
            .unwrap();
        assert_eq!(request.method(), Method::GET);
        assert_eq!(request.uri().query(), Some("q=creeer+netwerken"));
        assert!(request.headers().get(AUTHORIZATION).is_none());
        assert!(request.headers().get(CONTENT_TYPE).is_none());
    }

    #[test]
    fn a_form_post_is_encoded_and_says_it_comes_from_the_same_site() {
        let spec = RequestSpec::post_form(
            "/inloggen",
            &[("email", "a@b.example"), ("password", "x y&z")],
        )
        .unwrap();
        let request = spec
            .to_request(&HeaderValue::from_static("localhost"))
            .unwrap();
        assert_eq!(request.method(), Method::POST);
        assert_eq!(request.headers()["sec-fetch-site"], "same-origin");
        assert_eq!(
            request.headers()[CONTENT_TYPE],
            "application/x-www-form-urlencoded"
        );
        assert_eq!(
            spec.body.unwrap().bytes,
            "email=a%40b.example&password=x+y%26z"
        );
    }

    #[test]
    fn a_cookie_goes_with_the_other_headers() {
        let spec = RequestSpec::get("/teamscans/3/resultaten")
            .unwrap()
            .with_cookie("leidraad_session=ab12")
            .unwrap();
        let request = spec
            .to_request(&HeaderValue::from_static("localhost"))
            .unwrap();
        assert_eq!(request.headers()[COOKIE], "leidraad_session=ab12");
        assert!(request.headers().get(AUTHORIZATION).is_none());
        assert!(RequestSpec::get("/").unwrap().with_cookie("a\nb").is_err());
    }

    #[test]
    fn paths_must_be_origin_form() {
        assert!(RequestSpec::get("healthz").is_err());
        assert!(RequestSpec::get("/with space").is_err());
    }
}
