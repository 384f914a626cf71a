//! The radar chart and the bars as the page draws them.

use leidraad_domain::reflection::RadarChart;

pub struct Radar {
    pub chart: RadarChart,
    /// Half the chart's size: where every spoke starts.
    pub centre: String,
    pub spokes: Vec<(Fixed<1>, Fixed<1>)>,
    pub corners: Vec<(Fixed<1>, Fixed<1>)>,
    pub labels: Vec<(Fixed<1>, Fixed<1>, usize)>,
}

/// A coordinate written with `N` decimals, as `{:.N}` writes it for the chart's values,
/// without a float formatter, an allocation or HTML escaping (digits and a point need
/// none). A page draws some two hundred of them.
#[derive(Debug, Clone, Copy)]
pub struct Fixed<const N: u32>(pub f64);

impl<const N: u32> std::fmt::Display for Fixed<N> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scale = 10_i64.pow(N);
        // Rounded to whole hundredths (or tenths) first: the chart's values are never a
        // half-way case, where `{:.N}` would round to even.
        let scaled = (self.0 * scale as f64).round() as i64;
        let sign = if scaled < 0 { "-" } else { "" };
        let scaled = scaled.unsigned_abs();
        let scale = scale.unsigned_abs();
        write!(
            f,
            "{sign}{}.{:0width$}",
            scaled / scale,
            scaled % scale,
            width = N as usize
        )
    }
}

impl<const N: u32> askama::filters::HtmlSafe for Fixed<N> {}
