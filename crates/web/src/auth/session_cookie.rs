use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, header};

/// A handler argument: the client's address, for the per-address sign-in throttle. Behind a
/// reverse proxy every request comes from the proxy, so with `--trust-forwarded-for` the
/// address comes from `X-Forwarded-For`: the entry our own proxy appended, `forwarded_hops`
/// from the right. Entries to the left of it are whatever the client wrote, and are ignored.
pub struct ClientAddress(pub Option<IpAddr>);

impl axum::extract::FromRequestParts<crate::AppState> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &crate::AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0.ip());
        let forwarded = forwarded_client(&parts.headers, state.settings.forwarded_hops);
        Ok(ClientAddress(forwarded.or(peer)))
    }
}

/// The address `hops` entries from the right of every `X-Forwarded-For` header together.
fn forwarded_client(headers: &HeaderMap, hops: usize) -> Option<IpAddr> {
    if hops == 0 {
        return None;
    }
    let entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let index = entries.len().checked_sub(hops)?;
    entries[index].parse().ok()
}

/// The browser's description of itself, shortened, so a person can tell their sessions apart.
pub fn user_agent(headers: &HeaderMap) -> String {
    headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .chars()
        .take(200)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append("x-forwarded-for", HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    #[test]
    fn the_client_address_is_the_one_our_proxy_added_not_one_the_client_wrote() {
        let headers = forwarded(&["6.6.6.6, 7.7.7.7", "192.0.2.10"]);
        assert_eq!(
            forwarded_client(&headers, 1),
            Some("192.0.2.10".parse().unwrap())
        );
        assert_eq!(
            forwarded_client(&headers, 2),
            Some("7.7.7.7".parse().unwrap())
        );
        assert_eq!(forwarded_client(&headers, 0), None, "not trusted");
        assert_eq!(
            forwarded_client(&headers, 4),
            None,
            "fewer entries than proxies"
        );
        assert_eq!(forwarded_client(&forwarded(&["junk"]), 1), None);
    }
}
