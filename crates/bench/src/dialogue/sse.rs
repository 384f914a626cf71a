//! A participant's stream as the bench follows it: one raw TCP connection, the request written
//! by hand, the response head and its chunked body decoded here, and of the server-sent
//! events only the `data:` lines of card events looked at. Lighter than a general HTTP client
//! for 500 connections that mostly wait, and it stamps each card at the moment its bytes were
//! read.

use std::net::SocketAddr;

use tokio::net::TcpStream;
use tokio::sync::mpsc::UnboundedSender;
use tokio::time::Instant;

/// The most a response head may take before the stream is given up as not an event stream.
const MAX_HEAD_BYTES: usize = 16 * 1024;
const READ_BUFFER_BYTES: usize = 4096;

/// What a follower tells the coordinator.
#[derive(Debug)]
pub enum Message {
    /// The stream answered 200 with `text/event-stream` and sent its first line.
    Ready,
    /// A card event (`"kind":"card"`) of this round arrived at this moment.
    Card { round: u32, at: Instant },
    /// The stream failed or ended.
    Failed(String),
}

/// Follows one stream until it fails or the task is aborted; reports through `messages`,
/// every message tagged with `participant`.
pub async fn follow(
    address: SocketAddr,
    path: String,
    participant: usize,
    messages: UnboundedSender<(usize, Message)>,
) {
    let send = |message| {
        let _ = messages.send((participant, message));
    };
    if let Err(error) = read_stream(address, &path, &send).await {
        send(Message::Failed(error));
    }
}

async fn read_stream(
    address: SocketAddr,
    path: &str,
    send: &impl Fn(Message),
) -> Result<(), String> {
    let stream = TcpStream::connect(address)
        .await
        .map_err(|e| format!("cannot connect: {e}"))?;
    stream
        .set_nodelay(true)
        .map_err(|e| format!("cannot set TCP_NODELAY: {e}"))?;
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nAccept: text/event-stream\r\n\
         Cache-Control: no-cache\r\n\r\n"
    );
    write_all(&stream, request.as_bytes())
        .await
        .map_err(|e| format!("cannot send the request: {e}"))?;
    let mut received = Vec::with_capacity(READ_BUFFER_BYTES);
    let mut buffer = [0u8; READ_BUFFER_BYTES];
    let (chunked, body_start) = loop {
        let read = read(&stream, &mut buffer)
            .await
            .map_err(|e| format!("cannot read the response: {e}"))?;
        if read == 0 {
            return Err("the server closed the stream before its head".into());
        }
        received.extend_from_slice(&buffer[..read]);
        if let Some(end) = find(&received, b"\r\n\r\n") {
            break (parse_head(&received[..end])?, end + 4);
        }
        if received.len() > MAX_HEAD_BYTES {
            return Err("the response head is too long".into());
        }
    };
    let mut body = Body::new(chunked);
    let mut ready = false;
    let mut input = received.split_off(body_start);
    loop {
        let at = Instant::now();
        let ended = body.feed(&input)?;
        for line in body.lines() {
            if !ready && line.starts_with(b"retry:") {
                ready = true;
                send(Message::Ready);
            } else if let Some(round) = card_round(line) {
                send(Message::Card { round, at });
            }
        }
        body.forget_lines();
        if ended {
            return Err("the server ended the stream".into());
        }
        let read = read(&stream, &mut buffer)
            .await
            .map_err(|e| format!("the stream broke: {e}"))?;
        if read == 0 {
            return Err("the server closed the stream".into());
        }
        input.clear();
        input.extend_from_slice(&buffer[..read]);
    }
}

// The workspace's tokio has no `io-util` (`AsyncReadExt`); readiness and `try_read` need
// none, and enabling it here would rebuild tokio and everything above it.
async fn read(stream: &TcpStream, buffer: &mut [u8]) -> std::io::Result<usize> {
    loop {
        stream.readable().await?;
        match stream.try_read(buffer) {
            Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {}
            outcome => return outcome,
        }
    }
}

async fn write_all(stream: &TcpStream, mut bytes: &[u8]) -> std::io::Result<()> {
    while !bytes.is_empty() {
        stream.writable().await?;
        match stream.try_write(bytes) {
            Ok(written) => bytes = &bytes[written..],
            Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(error) => return Err(error),
        }
    }
    Ok(())
}

/// Checks the head: `200`, `text/event-stream`. Returns whether the body is chunked.
fn parse_head(head: &[u8]) -> Result<bool, String> {
    let head = std::str::from_utf8(head).map_err(|_| "the response head is not UTF-8")?;
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap_or_default();
    if status.split_whitespace().nth(1) != Some("200") {
        return Err(format!("the stream answered `{status}`, expected 200"));
    }
    let mut chunked = false;
    let mut event_stream = false;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().to_ascii_lowercase();
        if name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = value.contains("chunked");
        } else if name.eq_ignore_ascii_case("content-type") {
            event_stream = value.starts_with("text/event-stream");
        }
    }
    if !event_stream {
        return Err("the stream's content type is not text/event-stream".into());
    }
    Ok(chunked)
}

/// The round of a card event's `data:` line, such as
/// `data: {"kind":"card","card":"dialoog-07","round":2,"speaker":null}`.
fn card_round(line: &[u8]) -> Option<u32> {
    let data = line.strip_prefix(b"data:")?;
    find(data, br#""kind":"card""#)?;
    let key = br#""round":"#;
    let at = find(data, key)? + key.len();
    let digits: Vec<u8> = data[at..]
        .iter()
        .copied()
        .skip_while(|b| *b == b' ')
        .take_while(u8::is_ascii_digit)
        .collect();
    std::str::from_utf8(&digits).ok()?.parse().ok()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// The response body: undoes the chunked framing (or passes bytes through) and splits what
/// it carries into lines.
struct Body {
    chunked: bool,
    /// Framing bytes not yet understood (a chunk-size line cut in two).
    raw: Vec<u8>,
    /// Bytes of the current chunk still to come.
    remaining: usize,
    /// The CRLF after a chunk's data is still to come.
    expect_crlf: bool,
    /// The payload: complete lines, then the start of the next.
    text: Vec<u8>,
    /// Where the lines handed out by `lines` end.
    consumed: usize,
}

impl Body {
    fn new(chunked: bool) -> Self {
        Body {
            chunked,
            raw: Vec::new(),
            remaining: 0,
            expect_crlf: false,
            text: Vec::with_capacity(READ_BUFFER_BYTES),
            consumed: 0,
        }
    }

    /// Takes bytes as read from the socket; true when the last chunk has come.
    fn feed(&mut self, input: &[u8]) -> Result<bool, String> {
        if !self.chunked {
            self.text.extend_from_slice(input);
            return Ok(false);
        }
        self.raw.extend_from_slice(input);
        let mut at = 0;
        let mut ended = false;
        loop {
            if self.remaining > 0 {
                let take = self.remaining.min(self.raw.len() - at);
                self.text.extend_from_slice(&self.raw[at..at + take]);
                at += take;
                self.remaining -= take;
                if self.remaining > 0 {
                    break;
                }
                self.expect_crlf = true;
            }
            if self.expect_crlf {
                if self.raw.len() - at < 2 {
                    break;
                }
                if &self.raw[at..at + 2] != b"\r\n" {
                    return Err("a chunk does not end in CRLF".into());
                }
                at += 2;
                self.expect_crlf = false;
            }
            let Some(end) = find(&self.raw[at..], b"\r\n") else {
                break;
            };
            let size_line = std::str::from_utf8(&self.raw[at..at + end])
                .map_err(|_| "a chunk size is not UTF-8")?;
            let size_hex = size_line.split(';').next().unwrap_or_default().trim();
            let size = usize::from_str_radix(size_hex, 16)
                .map_err(|_| format!("`{size_line}` is not a chunk size"))?;
            at += end + 2;
            if size == 0 {
                ended = true;
                break;
            }
            self.remaining = size;
        }
        self.raw.drain(..at);
        Ok(ended)
    }

    /// The complete lines received and not yet handed out, without their line ends.
    fn lines(&mut self) -> impl Iterator<Item = &[u8]> {
        let complete = self
            .text
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let start = self.consumed;
        self.consumed = complete;
        self.text[start..complete]
            .split(|b| *b == b'\n')
            .map(|line| line.strip_suffix(b"\r").unwrap_or(line))
            .filter(|line| !line.is_empty())
    }

    /// Drops the lines handed out.
    fn forget_lines(&mut self) {
        self.text.drain(..self.consumed);
        self.consumed = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_lines(body: &mut Body) -> Vec<String> {
        let lines = body
            .lines()
            .map(|l| String::from_utf8_lossy(l).into_owned())
            .collect();
        body.forget_lines();
        lines
    }

    #[test]
    fn the_round_of_a_card_event_is_read() {
        assert_eq!(
            card_round(br#"data: {"kind":"card","card":"dialoog-07","round":12,"speaker":null}"#),
            Some(12)
        );
        assert_eq!(
            card_round(br#"data: {"kind":"timer","timer":{"round":3}}"#),
            None
        );
        assert_eq!(card_round(br#"id: 5"#), None);
        assert_eq!(card_round(br#"data: {"kind":"card","card":"x"}"#), None);
    }

    #[test]
    fn a_chunked_body_cut_anywhere_gives_the_same_lines() {
        let events = [
            "retry: 2000\n\n",
            "id: 7\ndata: {\"kind\":\"card\",\"round\":1}\n\n",
            ": \n\n",
            "id: 8\ndata: {\"kind\":\"timer\"}\n\n",
        ];
        let mut wire = Vec::new();
        for event in events {
            wire.extend_from_slice(format!("{:x}\r\n{event}\r\n", event.len()).as_bytes());
        }
        let expected = vec![
            "retry: 2000",
            "id: 7",
            "data: {\"kind\":\"card\",\"round\":1}",
            ": ",
            "id: 8",
            "data: {\"kind\":\"timer\"}",
        ];
        for piece in [1, 2, 3, 5, 7, 64, wire.len()] {
            let mut body = Body::new(true);
            let mut lines = Vec::new();
            for part in wire.chunks(piece) {
                assert!(!body.feed(part).unwrap());
                lines.extend(all_lines(&mut body));
            }
            assert_eq!(lines, expected, "cut every {piece} bytes");
        }
        let mut body = Body::new(true);
        assert!(body.feed(b"0\r\n\r\n").unwrap());
    }

    #[test]
    fn a_plain_body_passes_through() {
        let mut body = Body::new(false);
        body.feed(b"retry: 2000\n\nid: 1\nda").unwrap();
        assert_eq!(all_lines(&mut body), ["retry: 2000", "id: 1"]);
        body.feed(b"ta: x\n").unwrap();
        assert_eq!(all_lines(&mut body), ["data: x"]);
    }

    #[test]
    fn bad_framing_is_an_error() {
        let mut body = Body::new(true);
        assert!(body.feed(b"zz\r\n").is_err());
        let mut body = Body::new(true);
        assert!(body.feed(b"2\r\nabXY").is_err());
    }

    #[test]
    fn the_head_must_be_a_200_event_stream() {
        let head = b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\
                     transfer-encoding: chunked";
        assert_eq!(parse_head(head), Ok(true));
        assert!(parse_head(b"HTTP/1.1 404 Not Found\r\ncontent-type: text/html").is_err());
        assert!(parse_head(b"HTTP/1.1 200 OK\r\ncontent-type: text/html").is_err());
        assert_eq!(
            parse_head(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream"),
            Ok(false)
        );
    }
}
