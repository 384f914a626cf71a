//! The geometry of the profile chart: one spoke per domain, the mean score (1–4) as the
//! distance from the centre, each spoke named by its domain. This module computes points and
//! where the names go, so the chart is testable and identical on every page and print; the
//! web layer only writes it out as SVG.
//!
//! A radar needs three spokes to enclose anything: two draw a line, one a dot. Below that the
//! chart gives way to bars ([`ChartKind`]).

mod labels;

use std::f64::consts::PI;

pub use labels::{Anchor, RadarLabel};

/// The fewest domains a radar can show; fewer are drawn as bars.
pub const MIN_RADAR_DOMAINS: usize = 3;

/// How a profile of a number of domains is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// One bar per domain, its length the mean score.
    Bars,
    Radar,
}

impl ChartKind {
    pub fn for_domains(count: usize) -> ChartKind {
        if count >= MIN_RADAR_DOMAINS {
            ChartKind::Radar
        } else {
            ChartKind::Bars
        }
    }
}

/// A bar's length for a mean score (1–4), as a percentage of the full bar; an unscored
/// domain has none.
pub fn bar_percent(mean: Option<f64>) -> f64 {
    mean.map_or(0.0, |m| 100.0 * m.clamp(0.0, 4.0) / 4.0)
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RadarPoint {
    pub x: f64,
    pub y: f64,
}

/// The chart's width in SVG units. The names need room beside the spokes: at 460 units the
/// longest name of the standard ("Schoolontwikkeling", 18 letters) fits on one line beside a
/// horizontal spoke, and on a 390-px phone the 14-unit names are still 11 px tall.
pub const WIDTH: f64 = 460.0;
/// The radius of score 4.
pub const RADIUS: f64 = 80.0;
/// How far beyond score 4 a name begins: clear of the dots (radius 4) at the spokes' ends.
const LABEL_GAP: f64 = 10.0;
/// Space kept free at the chart's edges.
pub const MARGIN: f64 = 4.0;
/// The names' font size and line height, in SVG units.
pub const FONT_SIZE: f64 = 14.0;
pub const LINE_HEIGHT: f64 = 16.0;
/// A dot's radius, for a score's corner.
pub const DOT_RADIUS: f64 = 4.0;

/// What a chart draws whatever the scores: the same for every chart with the same names, so
/// a page can keep it and compute only the corners of each profile.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarFrame {
    /// The view box: `0 top width height`.
    pub width: f64,
    pub top: f64,
    pub height: f64,
    pub centre: RadarPoint,
    /// The end of each spoke (score 4), clockwise from the top.
    pub spokes: Vec<RadarPoint>,
    /// The rings for scores 1, 2, 3 and 4, each a polygon through the spokes.
    pub rings: Vec<Vec<RadarPoint>>,
    /// Each spoke's name, wrapped to the room beside it.
    pub labels: Vec<RadarLabel>,
}

impl RadarFrame {
    /// The frame for domains named `names`, clockwise from the top.
    pub fn new(names: &[&str]) -> RadarFrame {
        let count = names.len();
        let at = |index, score| point(count, index, score);
        let labels = labels::place(names, |i| at(i, 4.0 + 4.0 * LABEL_GAP / RADIUS));
        // The names decide how tall the chart is: as tall as the rings and names need.
        let (mut top, mut bottom) = (-RADIUS - DOT_RADIUS, RADIUS + DOT_RADIUS);
        for label in &labels {
            top = top.min(label.top());
            bottom = bottom.max(label.bottom());
        }
        let (top, bottom) = (top - MARGIN, bottom + MARGIN);
        let centre = RadarPoint {
            x: WIDTH / 2.0,
            y: 0.0,
        };
        RadarFrame {
            width: WIDTH,
            top,
            height: bottom - top,
            centre,
            spokes: (0..count).map(|i| at(i, 4.0)).collect(),
            rings: (1..=4)
                .map(|score| (0..count).map(|i| at(i, f64::from(score))).collect())
                .collect(),
            labels,
        }
    }

    /// The profile's shape: one corner per domain, the means in the frame's order; an
    /// unscored domain sits at the centre.
    pub fn corners(&self, means: &[Option<f64>]) -> Vec<RadarPoint> {
        let count = self.spokes.len();
        means
            .iter()
            .enumerate()
            .map(|(i, mean)| point(count, i, mean.unwrap_or(0.0).clamp(0.0, 4.0)))
            .collect()
    }
}

/// Where `score` lies on spoke `index` of `count`, clockwise from the top, around a centre at
/// (`WIDTH` / 2, 0); `score` may lie beyond 4, for the names.
fn point(count: usize, index: usize, score: f64) -> RadarPoint {
    let angle = -PI / 2.0 + 2.0 * PI * index as f64 / count.max(1) as f64;
    let r = RADIUS * score.max(0.0) / 4.0;
    RadarPoint {
        x: WIDTH / 2.0 + r * angle.cos(),
        y: r * angle.sin(),
    }
}

#[cfg(test)]
mod tests;
