//! A minimal HTTP/1.1 client on hyper's connection API: one connection, requests one at a
//! time, bodies read to the end. No pool, no redirects, no decompression.

use std::net::SocketAddr;

use http_body_util::{BodyExt, Empty};
use hyper::body::{Bytes, Incoming};
use hyper::client::conn::http1::SendRequest;
use hyper::header::HOST;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

/// Anything that went wrong below the HTTP status: connecting, sending or reading.
pub type TransportError = Box<dyn std::error::Error + Send + Sync>;

/// One keep-alive connection to the server.
pub struct Connection {
    sender: SendRequest<Empty<Bytes>>,
    host: String,
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
            host: address.to_string(),
        })
    }

    /// Sends `GET path`, reads the whole body and drops it; returns the status.
    pub async fn get_and_discard(&mut self, path: &str) -> Result<StatusCode, TransportError> {
        let response = self.send_get(path).await?;
        let status = response.status();
        let mut body = response.into_body();
        while let Some(frame) = body.frame().await {
            frame?;
        }
        Ok(status)
    }

    /// Sends `GET path` and returns the status and the whole body.
    pub async fn get(&mut self, path: &str) -> Result<(StatusCode, Bytes), TransportError> {
        let response = self.send_get(path).await?;
        let status = response.status();
        let body = response.into_body().collect().await?.to_bytes();
        Ok((status, body))
    }

    async fn send_get(&mut self, path: &str) -> Result<Response<Incoming>, TransportError> {
        let request = Request::get(path)
            .header(HOST, &self.host)
            .body(Empty::new())?;
        self.sender.ready().await?;
        Ok(self.sender.send_request(request).await?)
    }
}

/// A single request on a fresh connection, for checks rather than load.
pub async fn get_once(
    address: SocketAddr,
    path: &str,
) -> Result<(StatusCode, Bytes), TransportError> {
    Connection::open(address).await?.get(path).await
}
