//! The profile chart as the pages draw it: a radar of three or more domains, each spoke named,
//! with one shape per moment (two on the comparison); bars below three domains.

use std::collections::HashMap;
use std::fmt::Write;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, LazyLock, RwLock};

use leidraad_domain::reflection::{ChartKind, RadarFrame, RadarPoint, bar_percent};

pub use super::fixed::Fixed;

/// What every chart with the same domain names draws alike (rings, spokes and names), worked
/// out and written once, not on every request: the names' layout is the costliest part of the
/// chart, and the same few sets of names come back on every page.
pub struct Frame {
    /// The names it was drawn for, to tell two sets of names with the same hash apart.
    names: Vec<String>,
    pub geometry: RadarFrame,
    /// `min-x min-y width height`, as the SVG's `viewBox` writes it.
    pub view_box: String,
    /// The rings, spokes and names as SVG, escaped.
    pub drawing: String,
}

/// Frames kept at most; a page past it draws its own (a person choosing unusual sets of
/// domains costs a few microseconds then, not memory).
const FRAMES_KEPT: usize = 256;

/// The frame for domains named `names`, from memory when drawn before.
fn frame(names: &[&str]) -> Arc<Frame> {
    static FRAMES: LazyLock<RwLock<HashMap<u64, Arc<Frame>>>> = LazyLock::new(Default::default);
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    names.hash(&mut hasher);
    let key = hasher.finish();
    let kept = FRAMES.read().ok().and_then(|f| f.get(&key).cloned());
    if let Some(frame) =
        kept.filter(|f| f.names.iter().map(String::as_str).eq(names.iter().copied()))
    {
        return frame;
    }
    let frame = Arc::new(draw(names));
    if let Ok(mut frames) = FRAMES.write()
        && frames.len() < FRAMES_KEPT
    {
        frames.insert(key, frame.clone());
    }
    frame
}

fn draw(names: &[&str]) -> Frame {
    let geometry = RadarFrame::new(names);
    let mut drawing = String::with_capacity(4096);
    // Writing to a String cannot fail.
    for ring in &geometry.rings {
        drawing.push_str(r#"<polygon class="radar__ring" points=""#);
        points(&mut drawing, ring.iter());
        drawing.push_str(r#""/>"#);
    }
    let centre = geometry.centre;
    for spoke in &geometry.spokes {
        let _ = write!(
            drawing,
            r#"<line class="radar__spoke" x1="{}" y1="{}" x2="{}" y2="{}"/>"#,
            Fixed::<1>(centre.x),
            Fixed::<1>(centre.y),
            Fixed::<1>(spoke.x),
            Fixed::<1>(spoke.y)
        );
    }
    for label in &geometry.labels {
        let _ = write!(
            drawing,
            r#"<text class="radar__label" text-anchor="{}">"#,
            label.anchor.svg()
        );
        for (y, line) in &label.lines {
            let _ = write!(
                drawing,
                r#"<tspan x="{}" y="{}">"#,
                Fixed::<1>(label.x),
                Fixed::<1>(*y)
            );
            escape(&mut drawing, line);
            drawing.push_str("</tspan>");
        }
        drawing.push_str("</text>");
    }
    Frame {
        names: names.iter().map(|n| (*n).to_owned()).collect(),
        view_box: format!(
            "0 {} {} {}",
            Fixed::<1>(geometry.top),
            Fixed::<1>(geometry.width),
            Fixed::<1>(geometry.height)
        ),
        drawing,
        geometry,
    }
}

fn points<'p>(out: &mut String, points: impl Iterator<Item = &'p RadarPoint>) {
    for (i, p) in points.enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{},{}", Fixed::<1>(p.x), Fixed::<1>(p.y));
    }
}

fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// One moment as a chart shows it: `modifier` is its class on the comparison
/// (`chart--earlier`, `chart--later`; empty alone), `label` its name in the legend.
pub struct Series<'m> {
    pub modifier: &'static str,
    pub label: &'m str,
    /// The means per domain, in the domains' order.
    pub means: &'m [Option<f64>],
}

/// One moment's shape on a radar.
pub struct Shape {
    pub modifier: &'static str,
    /// The earlier moment marks its corners with squares, the later with dots: the two tell
    /// apart without colour.
    pub squares: bool,
    pub corners: Vec<(Fixed<1>, Fixed<1>)>,
}

pub struct Radar {
    pub frame: Arc<Frame>,
    pub shapes: Vec<Shape>,
}

/// One domain's bars, one per moment.
pub struct Bar<'a> {
    pub number: usize,
    pub title: &'a str,
    pub lengths: Vec<BarLength>,
}

/// One moment's bar: its length out of 100, and the score as people read it.
pub struct BarLength {
    pub modifier: &'static str,
    pub label: String,
    pub length: Fixed<1>,
    pub score: String,
}

/// A profile's chart: a radar from three domains, bars below.
pub enum Chart<'a> {
    Radar(Radar),
    Bars(Vec<Bar<'a>>),
}

impl<'a> Chart<'a> {
    /// The chart of one or more moments over the same domains: `domains` gives each domain's
    /// number and name, and `score` writes a mean as people read it.
    pub fn new(
        domains: &[(usize, &'a str)],
        series: &[Series],
        score: impl Fn(Option<f64>) -> String,
    ) -> Chart<'a> {
        match ChartKind::for_domains(domains.len()) {
            ChartKind::Radar => {
                let names: Vec<&str> = domains.iter().map(|(_, title)| *title).collect();
                let frame = frame(&names);
                let shapes = series
                    .iter()
                    .enumerate()
                    .map(|(i, one)| Shape {
                        modifier: one.modifier,
                        squares: series.len() > 1 && i == 0,
                        corners: frame
                            .geometry
                            .corners(one.means)
                            .iter()
                            .map(|p| (Fixed(p.x), Fixed(p.y)))
                            .collect(),
                    })
                    .collect();
                Chart::Radar(Radar { frame, shapes })
            }
            ChartKind::Bars => Chart::Bars(
                domains
                    .iter()
                    .enumerate()
                    .map(|(i, (number, title))| Bar {
                        number: *number,
                        title,
                        lengths: series
                            .iter()
                            .map(|one| {
                                let mean = one.means.get(i).copied().flatten();
                                BarLength {
                                    modifier: one.modifier,
                                    label: one.label.to_owned(),
                                    length: Fixed(bar_percent(mean)),
                                    score: score(mean),
                                }
                            })
                            .collect(),
                    })
                    .collect(),
            ),
        }
    }
}
