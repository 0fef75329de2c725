//! Bar charts for people: a terminal chart drawn with block characters, and a standalone SVG file
//! written by hand (no dependency), both from the same list of [`Bar`]s. Knows nothing of
//! queries: the `timeline` command turns its buckets into bars.

use std::fmt::Write as _;

/// One bar: its label (a date), the plotted value, and how the value is written next to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
}

/// Eighths of a block, for bars that end between two character cells.
const EIGHTHS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];

/// Runs of at least this many empty bars are drawn as one line.
const MIN_EMPTY_RUN: usize = 3;

/// Draws `bars` for a terminal, one line per bar (label, value, bar scaled so that the largest
/// fills `width` cells). Runs of three or more empty bars are folded into one line saying how
/// many were left out, so that sparse timelines stay short.
pub fn terminal(bars: &[Bar], width: usize) -> String {
    let max = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let label_w = bars.iter().map(|b| b.label.chars().count()).max().unwrap_or(0);
    let text_w = bars.iter().map(|b| b.text.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    let mut i = 0;
    while i < bars.len() {
        let run = bars[i..].iter().take_while(|b| b.value <= 0.0).count();
        if run >= MIN_EMPTY_RUN {
            let (first, last) = (&bars[i].label, &bars[i + run - 1].label);
            let _ = writeln!(out, "{:label_w$}  {:>text_w$}  ┊ {run} empty, {first} … {last}", "⋮", "0");
            i += run;
            continue;
        }
        let b = &bars[i];
        let line = format!("{:label_w$}  {:>text_w$}  {}", b.label, b.text, block_bar(b.value, max, width));
        let _ = writeln!(out, "{}", line.trim_end());
        i += 1;
    }
    out
}

/// A bar of `value / max * width` cells, in eighths; any positive value shows at least a sliver.
fn block_bar(value: f64, max: f64, width: usize) -> String {
    if value <= 0.0 || max <= 0.0 || width == 0 {
        return String::new();
    }
    let eighths = ((value / max) * width as f64 * 8.0).round().max(1.0) as usize;
    let mut s = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        s.push(EIGHTHS[eighths % 8 - 1]);
    }
    s
}

/// Escapes text for XML content and attributes, dropping the control characters XML 1.0 forbids.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A "nice" step for about `ticks` ticks up to `max`: 1, 2 or 5 times a power of ten (at least
/// 1 when `integer`, since counts have no fractions).
fn nice_step(max: f64, ticks: usize, integer: bool) -> f64 {
    if max <= 0.0 || ticks == 0 {
        return 1.0;
    }
    let raw = max / ticks as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step =
        [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(10.0 * magnitude);
    if integer {
        step.max(1.0).round()
    } else {
        step
    }
}

/// How the y axis of an SVG chart is labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    /// Whole numbers (article counts).
    Count,
    /// Fractions shown as percentages (shares).
    Percent,
}

impl Axis {
    fn format(self, v: f64) -> String {
        match self {
            Axis::Count => format!("{v:.0}"),
            Axis::Percent => {
                let pct = v * 100.0;
                if (pct - pct.round()).abs() < 1e-9 {
                    format!("{pct:.0}%")
                } else {
                    format!("{pct:.1}%")
                }
            }
        }
    }
}

/// Writes a standalone SVG bar chart: the title on top, y-axis ticks with grid lines and the
/// `y_label`, one bar per entry (its value in a tooltip), and the labels under the bars, thinned
/// so that they never overlap.
pub fn svg(title: &str, y_label: &str, axis: Axis, bars: &[Bar]) -> String {
    const WIDTH: f64 = 960.0;
    const HEIGHT: f64 = 480.0;
    const LEFT: f64 = 72.0;
    const RIGHT: f64 = 24.0;
    const TOP: f64 = 56.0;
    const BOTTOM: f64 = 72.0;
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let max = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let step = nice_step(max, 5, axis == Axis::Count);
    let top_value = if max > 0.0 { (max / step).ceil() * step } else { step };
    let y = |v: f64| TOP + plot_h - v / top_value * plot_h;

    let mut s = String::new();
    let _ = writeln!(s, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(s, "<title>{}</title>", xml_escape(title));
    let _ = writeln!(s, r#"<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>"#);
    let _ = writeln!(
        s,
        r#"<text x="{}" y="30" text-anchor="middle" font-size="18" font-weight="bold">{}</text>"#,
        WIDTH / 2.0,
        xml_escape(title)
    );
    // Y axis: ticks, grid lines and the axis title.
    let mut tick = 0.0;
    while tick <= top_value + step / 2.0 {
        let ty = y(tick);
        let _ = writeln!(
            s,
            r##"<line x1="{LEFT}" y1="{ty:.1}" x2="{:.1}" y2="{ty:.1}" stroke="#dddddd"/>"##,
            LEFT + plot_w
        );
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            LEFT - 6.0,
            ty + 4.0,
            xml_escape(&axis.format(tick))
        );
        tick += step;
    }
    let _ = writeln!(
        s,
        r#"<text transform="translate(18 {:.1}) rotate(-90)" text-anchor="middle">{}</text>"#,
        TOP + plot_h / 2.0,
        xml_escape(y_label)
    );
    // Bars.
    let n = bars.len().max(1) as f64;
    let slot = plot_w / n;
    let bar_w = (slot * 0.8).max(1.0_f64.min(slot));
    let _ = writeln!(s, r##"<g fill="#3b6ea8">"##);
    for (i, b) in bars.iter().enumerate() {
        if b.value <= 0.0 {
            continue;
        }
        let x = LEFT + i as f64 * slot + (slot - bar_w) / 2.0;
        let top = y(b.value);
        let _ = writeln!(
            s,
            r#"<rect x="{x:.2}" y="{top:.2}" width="{bar_w:.2}" height="{:.2}"><title>{}: {}</title></rect>"#,
            TOP + plot_h - top,
            xml_escape(&b.label),
            xml_escape(&b.text)
        );
    }
    let _ = writeln!(s, "</g>");
    // X axis and its labels, every k-th one so that they fit (about 7 px per character).
    let _ = writeln!(
        s,
        r#"<line x1="{LEFT}" y1="{0:.1}" x2="{1:.1}" y2="{0:.1}" stroke="black"/>"#,
        TOP + plot_h,
        LEFT + plot_w
    );
    let _ =
        writeln!(s, r#"<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{:.1}" stroke="black"/>"#, TOP + plot_h);
    let label_px = bars.iter().map(|b| b.label.chars().count()).max().unwrap_or(0) as f64 * 7.0 + 12.0;
    let every = (label_px / slot).ceil().max(1.0) as usize;
    for (i, b) in bars.iter().enumerate().filter(|(i, _)| i % every == 0) {
        let cx = LEFT + (i as f64 + 0.5) * slot;
        let _ = writeln!(
            s,
            r#"<line x1="{cx:.2}" y1="{0:.1}" x2="{cx:.2}" y2="{1:.1}" stroke="black"/>"#,
            TOP + plot_h,
            TOP + plot_h + 4.0
        );
        let _ = writeln!(
            s,
            r#"<text x="{cx:.2}" y="{:.1}" text-anchor="middle">{}</text>"#,
            TOP + plot_h + 18.0,
            xml_escape(&b.label)
        );
    }
    if bars.is_empty() {
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">no dated articles</text>"#,
            LEFT + plot_w / 2.0,
            TOP + plot_h / 2.0
        );
    }
    let _ = writeln!(s, "</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: f64) -> Bar {
        Bar { label: label.into(), value, text: format!("{value}") }
    }

    /// Checks that every tag of `xml` is closed in order (enough for the SVG this module writes:
    /// no comments, CDATA or processing instructions besides the declaration) and that no text
    /// holds a raw `<` or `&` outside an entity.
    fn well_formed(xml: &str) -> Result<(), String> {
        let body = xml.strip_prefix(r#"<?xml version="1.0" encoding="UTF-8"?>"#).ok_or("no declaration")?;
        let mut stack: Vec<String> = Vec::new();
        let mut rest = body;
        let mut roots = 0;
        while let Some(open) = rest.find('<') {
            check_text(&rest[..open])?;
            let close = rest[open..].find('>').ok_or("unclosed tag")? + open;
            let tag = &rest[open + 1..close];
            if let Some(name) = tag.strip_prefix('/') {
                let top = stack.pop().ok_or(format!("stray </{name}>"))?;
                if top != name.trim() {
                    return Err(format!("</{name}> closes <{top}>"));
                }
            } else {
                let name: String = tag.chars().take_while(|c| !c.is_whitespace() && *c != '/').collect();
                check_attributes(tag)?;
                if stack.is_empty() {
                    roots += 1;
                }
                if !tag.ends_with('/') {
                    stack.push(name);
                }
            }
            rest = &rest[close + 1..];
        }
        check_text(rest)?;
        if !stack.is_empty() {
            return Err(format!("unclosed {stack:?}"));
        }
        if roots != 1 {
            return Err(format!("{roots} root elements"));
        }
        Ok(())
    }

    fn check_text(text: &str) -> Result<(), String> {
        let mut rest = text;
        while let Some(i) = rest.find('&') {
            let end = rest[i..].find(';').ok_or("bare &")?;
            let entity = &rest[i + 1..i + end];
            if !["amp", "lt", "gt", "quot", "apos"].contains(&entity) {
                return Err(format!("unknown entity &{entity};"));
            }
            rest = &rest[i + end..];
        }
        Ok(())
    }

    fn check_attributes(tag: &str) -> Result<(), String> {
        if !tag.matches('"').count().is_multiple_of(2) {
            return Err(format!("unbalanced quotes in <{tag}>"));
        }
        for (i, part) in tag.split('"').enumerate() {
            if i % 2 == 1 {
                if part.contains('<') {
                    return Err(format!("< in attribute of <{tag}>"));
                }
                check_text(part)?;
            }
        }
        Ok(())
    }

    #[test]
    fn terminal_scales_to_the_max_and_folds_empty_runs() {
        let bars = vec![
            bar("2023-01", 4.0),
            bar("2023-02", 0.0),
            bar("2023-03", 0.0),
            bar("2023-04", 0.0),
            bar("2023-05", 0.0),
            bar("2023-06", 1.0),
            bar("2023-07", 0.0),
            bar("2023-08", 2.0),
        ];
        let out = terminal(&bars, 8);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 5, "{out}");
        assert_eq!(lines[0], "2023-01  4  ████████");
        assert_eq!(lines[1], "⋮        0  ┊ 4 empty, 2023-02 … 2023-05");
        assert_eq!(lines[2], "2023-06  1  ██");
        assert_eq!(lines[3], "2023-07  0"); // a single empty bucket stays
        assert_eq!(lines[4], "2023-08  2  ████");
    }

    #[test]
    fn block_bars_use_eighths_and_never_vanish() {
        assert_eq!(block_bar(1.0, 1.0, 3), "███");
        assert_eq!(block_bar(0.5, 1.0, 3), "█▌");
        assert_eq!(block_bar(0.001, 1.0, 3), "▏");
        assert_eq!(block_bar(0.0, 1.0, 3), "");
        assert_eq!(block_bar(1.0, 0.0, 3), "");
    }

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(xml_escape(r#"a<b & "c" 'd'>"#), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
        assert_eq!(xml_escape("x\u{1f}y\tz"), "xy z");
    }

    #[test]
    fn nice_steps() {
        let cases = [
            (7.0, 5, true, 2.0),
            (3.0, 5, true, 1.0),
            (100.0, 5, true, 20.0),
            (0.37, 5, false, 0.1),
            (0.0, 5, true, 1.0),
        ];
        for (max, ticks, integer, want) in cases {
            assert!((nice_step(max, ticks, integer) - want).abs() < 1e-12, "{max}");
        }
        assert_eq!(Axis::Percent.format(0.25), "25%");
        assert_eq!(Axis::Percent.format(0.125), "12.5%");
        assert_eq!(Axis::Count.format(4.0), "4");
    }

    #[test]
    fn svg_is_well_formed_with_title_ticks_and_thinned_labels() {
        let bars: Vec<Bar> = (0..120).map(|i| bar(&format!("2023-{:03}", i), f64::from(i % 7))).collect();
        let title = r#"cartels & "drug" <war>"#;
        let out = svg(title, "articles", Axis::Count, &bars);
        well_formed(&out).unwrap();
        assert!(out.contains("<title>cartels &amp; &quot;drug&quot; &lt;war&gt;</title>"));
        assert_eq!(out.matches("<rect x=").count(), bars.iter().filter(|b| b.value > 0.0).count());
        // Ticks 0, 2, 4, 6 for a maximum of 6.
        for t in ["0", "2", "4", "6"] {
            assert!(out.contains(&format!(r#"text-anchor="end">{t}</text>"#)), "tick {t}");
        }
        let labels = out.matches(r#"text-anchor="middle">2023-"#).count();
        assert!(labels > 3 && labels < 20, "{labels} labels");
        assert!(out.contains(">2023-000</text>"));
    }

    #[test]
    fn svg_of_nothing_and_of_shares() {
        let out = svg("q", "articles", Axis::Count, &[]);
        well_formed(&out).unwrap();
        assert!(out.contains("no dated articles"));
        let out = svg("q", "share of all articles", Axis::Percent, &[bar("2023", 0.25), bar("2024", 0.5)]);
        well_formed(&out).unwrap();
        assert!(out.contains(">50%</text>"));
    }

    #[test]
    fn checker_rejects_broken_xml() {
        let decl = r#"<?xml version="1.0" encoding="UTF-8"?>"#;
        for bad in ["<svg><g></svg>", "<svg>a & b</svg>", "<svg></svg><svg></svg>", r#"<svg a="x></svg>"#] {
            assert!(well_formed(&format!("{decl}{bad}")).is_err(), "{bad}");
        }
    }
}
