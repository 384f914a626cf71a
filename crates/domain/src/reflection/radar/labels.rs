//! Where each domain's name goes beside its spoke, wrapped to the room there.
//!
//! The server cannot measure text, so it estimates: the names are set in Arial's metrics
//! (the page asks for Arial, or Liberation Sans and Helvetica, which share them), bold, and
//! the widths below are Arial Bold's. A name that still does not fit is shortened with "…";
//! the table beside the chart always has it in full.

use super::{FONT_SIZE, LINE_HEIGHT, MARGIN, RadarPoint, WIDTH};

/// Most lines a name takes; beyond that it is shortened.
const MAX_LINES: usize = 3;
/// A name beside a spoke this close to vertical sits centred on it, above or below the chart.
const CENTRED_BELOW: f64 = 0.15;

/// Which end of its lines a name's x gives, as SVG's `text-anchor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A domain's name on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarLabel {
    pub anchor: Anchor,
    pub x: f64,
    /// Each line with the y of its middle (SVG's `dominant-baseline: central`).
    pub lines: Vec<(f64, String)>,
    /// Shortened with "…" to fit.
    pub shortened: bool,
    /// The widest line, in SVG units.
    pub width: f64,
}

impl RadarLabel {
    pub fn top(&self) -> f64 {
        self.lines.first().map_or(0.0, |l| l.0) - LINE_HEIGHT / 2.0
    }

    pub fn bottom(&self) -> f64 {
        self.lines.last().map_or(0.0, |l| l.0) + LINE_HEIGHT / 2.0
    }

    pub fn left(&self) -> f64 {
        match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - self.width / 2.0,
            Anchor::End => self.x - self.width,
        }
    }

    pub fn right(&self) -> f64 {
        self.left() + self.width
    }

    /// Whether the two names' boxes meet.
    pub fn overlaps(&self, other: &RadarLabel) -> bool {
        self.left() < other.right()
            && other.left() < self.right()
            && self.top() < other.bottom()
            && other.top() < self.bottom()
    }
}

/// The names placed beside their spokes; `at(i)` is where spoke `i`'s name begins.
pub(super) fn place(names: &[&str], at: impl Fn(usize) -> RadarPoint) -> Vec<RadarLabel> {
    let mut labels: Vec<RadarLabel> = names
        .iter()
        .enumerate()
        .map(|(i, name)| label(name, at(i), None, MAX_LINES))
        .collect();
    // With many spokes, names beside neighbouring spokes may meet: those take fewer lines.
    for lines in (1..MAX_LINES).rev() {
        for i in 0..labels.len() {
            if labels[i].anchor != Anchor::Middle && crowded(&labels, i, true) {
                labels[i] = label(names[i], at(i), None, lines);
            }
        }
    }
    // A name above or below the chart may take the chart's whole width, unless that reaches
    // the names beside the spokes next to it: then it wraps narrower.
    for i in 0..labels.len() {
        if labels[i].anchor != Anchor::Middle {
            continue;
        }
        let mut room = labels[i].width;
        while room > FONT_SIZE * 4.0 && crowded(&labels, i, false) {
            room *= 0.85;
            labels[i] = label(names[i], at(i), Some(room), MAX_LINES);
        }
    }
    labels
}

/// Whether label `index` meets another one (beside a spoke only, with `sides`: names above
/// and below the chart make room for those afterwards).
fn crowded(labels: &[RadarLabel], index: usize, sides: bool) -> bool {
    labels.iter().enumerate().any(|(j, other)| {
        j != index && !(sides && other.anchor == Anchor::Middle) && labels[index].overlaps(other)
    })
}

/// One name beginning at `p`, in at most `room` units of width (else as much as the chart
/// leaves it) and `max_lines` lines.
fn label(name: &str, p: RadarPoint, room: Option<f64>, max_lines: usize) -> RadarLabel {
    let (dx, dy) = (p.x - WIDTH / 2.0, p.y);
    let distance = dx.hypot(dy).max(f64::EPSILON);
    // Sine and cosine of the spoke's angle, clockwise from the top.
    let (sin, cos) = (dx / distance, -dy / distance);
    let anchor = if sin > CENTRED_BELOW {
        Anchor::Start
    } else if sin < -CENTRED_BELOW {
        Anchor::End
    } else {
        Anchor::Middle
    };
    let room = room.unwrap_or(match anchor {
        Anchor::Start => WIDTH - MARGIN - p.x,
        Anchor::End => p.x - MARGIN,
        Anchor::Middle => WIDTH - 2.0 * MARGIN,
    });
    let (lines, shortened) = wrap(name, room / FONT_SIZE, max_lines);
    let height = lines.len() as f64 * LINE_HEIGHT;
    // A name grows away from the chart: upwards above it, downwards below it, about its
    // spoke's end at the sides.
    let middle = p.y - height / 2.0 * cos;
    let first = middle - height / 2.0 + LINE_HEIGHT / 2.0;
    let width = lines
        .iter()
        .map(|l| text_width(l) * FONT_SIZE)
        .fold(0.0, f64::max);
    RadarLabel {
        anchor,
        x: p.x,
        lines: lines
            .into_iter()
            .enumerate()
            .map(|(n, line)| (first + n as f64 * LINE_HEIGHT, line))
            .collect(),
        shortened,
        width,
    }
}

/// `text` in lines of at most `budget` em, at most `max_lines`; whether it was shortened.
pub(super) fn wrap(text: &str, budget: f64, max_lines: usize) -> (Vec<String>, bool) {
    let mut lines: Vec<String> = Vec::new();
    let mut shortened = false;
    let mut current = String::new();
    for word in text.split_whitespace() {
        let fits = current.is_empty()
            || text_width(&current) + text_width(" ") + text_width(word) <= budget;
        if fits && !current.is_empty() {
            current.push(' ');
            current.push_str(word);
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        current.push_str(word);
        if text_width(&current) > budget {
            current = shorten(&current, budget);
            shortened = true;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        let rest = lines.split_off(max_lines.saturating_sub(1)).join(" ");
        lines.push(shorten(&rest, budget));
        shortened = true;
    }
    (lines, shortened)
}

/// As much of `text` as fits in `budget` em with "…" after it.
fn shorten(text: &str, budget: f64) -> String {
    let mut kept = String::new();
    let room = budget - text_width("…");
    for c in text.chars() {
        if text_width(&kept) + char_width(c) > room {
            break;
        }
        kept.push(c);
    }
    format!("{}…", kept.trim_end())
}

/// The width of `text` in Arial Bold, in em.
pub fn text_width(text: &str) -> f64 {
    text.chars().map(char_width).sum()
}

/// One character's advance in Arial Bold, in thousandths of an em; letters with accents as
/// their base letter, anything unknown as wide as an average capital.
fn char_width(c: char) -> f64 {
    let base = match c {
        'à'..='å' => 'a',
        'è'..='ë' => 'e',
        'ì'..='ï' => 'i',
        'ò'..='ö' => 'o',
        'ù'..='ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        'À'..='Å' => 'A',
        'È'..='Ë' => 'E',
        'Ò'..='Ö' => 'O',
        other => other,
    };
    let units = match base {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '‘' | '’' | '!' | '|' => 278,
        'f' | 't' | '(' | ')' | '-' | '/' | ' ' => 333,
        'r' => 389,
        'I' => 278,
        'z' | 'J' => 500,
        'c' | 'k' | 's' | 'v' | 'x' | 'y' | 'a' | 'e' | 'L' | '0'..='9' => 556,
        'F' | 'T' | 'Z' => 611,
        'b' | 'd' | 'g' | 'h' | 'n' | 'o' | 'p' | 'q' | 'u' => 611,
        'A' | 'B' | 'E' | 'K' | 'P' | 'S' | 'V' | 'X' | 'Y' | '&' => 722,
        'w' | 'C' | 'D' | 'H' | 'N' | 'R' | 'U' => 778,
        'G' | 'O' | 'Q' => 778,
        'm' | 'M' => 889,
        'W' => 944,
        '…' => 1000,
        _ => 722,
    };
    f64::from(units) / 1000.0
}
