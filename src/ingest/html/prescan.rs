//! Passes over a page's text before it is parsed: where runaway nesting starts (the page is cut
//! there), and what no stage reads (scripts, style sheets, comments, inline SVG, script state in
//! `data-` attributes), removed so that the HTML parser and both extractors see less. Lexical
//! passes that follow the HTML tokenizer's rules where they matter (raw-text elements end at
//! their first closing tag; quoted attribute values may hold `>`).

/// Nesting deeper than this (by a lexical count of open tags) is pathological.
const MAX_LEXICAL_DEPTH: usize = 1500;

/// Returns where a page's tag nesting runs away, if it does. The HTML5 parser's time grows with
/// the square of the nesting depth (20,000 unclosed `<div>`s take seconds), so such a page is
/// cut there. Tags the parser closes by itself (`<p>`, `<li>`, table cells …) and void
/// elements are not counted, so sloppy but ordinary pages are never cut.
pub fn runaway_nesting_at(html: &str) -> Option<usize> {
    const NOT_COUNTED: &[&str] = &[
        "p", "li", "td", "th", "tr", "option", "dt", "dd", "br", "img", "meta", "link", "input", "hr", "wbr",
        "source", "area", "base", "col", "embed", "param", "track", "!--", "!doctype",
    ];
    let bytes = html.as_bytes();
    let mut depth: usize = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + off;
        let rest = &bytes[start + 1..];
        let closing = rest.first() == Some(&b'/');
        let name_start = if closing { 1 } else { 0 };
        let name_len = rest[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'!' || **b == b'-')
            .count();
        let name = html.get(start + 1 + name_start..start + 1 + name_start + name_len).unwrap_or("");
        i = start + 1;
        if name.is_empty() || NOT_COUNTED.iter().any(|t| t.eq_ignore_ascii_case(name)) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            if depth > MAX_LEXICAL_DEPTH {
                return Some(start);
            }
        }
    }
    None
}

/// Elements whose content is never article text and is dropped before parsing (see
/// [`strip_inert`]): `true` keeps the element's tags (emptied), `false` drops it whole.
const INERT: &[(&str, bool)] = &[("script", true), ("style", true), ("noscript", true), ("svg", false)];

/// Removes what no stage reads before the page is parsed: scripts (JSON-LD kept), style
/// sheets, `<noscript>` fallbacks, inline SVG, comments and script state in attributes (see
/// [`without_script_state`]). They are often half of a page's bytes, and both extractors parse
/// the page, so this roughly halves tokenizing; it also keeps `<noscript>` markup (parsed as raw
/// text when scripting is on) from reaching the body. A lexical pass: raw-text elements end at
/// their first closing tag, as in the HTML parser.
pub fn strip_inert(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut copied = 0; // html[..copied] is handled
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let start = i + off;
        i = start + 1;
        let rest = &bytes[start + 1..];
        if rest.starts_with(b"!--") {
            let end = find_from(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            out.push_str(&html[copied..start]);
            copied = end;
            i = end;
            continue;
        }
        let Some(&(name, keep_tags)) = INERT.iter().find(|(name, _)| {
            rest.len() > name.len()
                && rest[..name.len()].eq_ignore_ascii_case(name.as_bytes())
                && matches!(rest[name.len()], b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
        }) else {
            if let Some(end) = without_script_state(html, start, &mut out, copied) {
                copied = end;
                i = end;
            }
            continue;
        };
        let Some(open_end) = memchr::memchr(b'>', &bytes[start..]).map(|e| start + e + 1) else {
            break;
        };
        let open_tag = &html[start..open_end];
        if name == "script" && open_tag.to_ascii_lowercase().contains("ld+json") {
            i = open_end;
            continue;
        }
        let close = find_closing(bytes, open_end, name);
        let (content_end, after) = match close {
            Some(c) => (c, memchr::memchr(b'>', &bytes[c..]).map_or(bytes.len(), |e| c + e + 1)),
            None => (bytes.len(), bytes.len()),
        };
        out.push_str(&html[copied..start]);
        if keep_tags {
            out.push_str(open_tag);
            out.push_str(&html[content_end..after]);
        }
        copied = after;
        i = after;
    }
    out.push_str(&html[copied..]);
    out
}

/// `data-` attributes that a stage reads: trafilatura's (a date stamp, preloaded text, component
/// names its rules test, lazy image sources).
const READ_DATA_ATTRIBUTES: &[&str] = &[
    "data-utime",
    "data-preloaded",
    "data-component",
    "data-lp-replacement-content",
    "data-src",
    "data-srcset",
];

/// Writes the start tag at `html[start..]` without its `data-` attributes: script state
/// (framework props, tracking ids, configuration), about a seventh of a page's markup once
/// scripts are gone. Kept are the attributes a stage reads ([`READ_DATA_ATTRIBUTES`]) and any
/// holding a date (a date finder scans the whole page; a shop's product record may be the only
/// place that says when the page was published). First writes `html[copied..start]`; returns
/// the end of the tag when it wrote anything, `None` (nothing written) for a tag without
/// `data-` attributes.
fn without_script_state(html: &str, start: usize, out: &mut String, copied: usize) -> Option<usize> {
    let bytes = html.as_bytes();
    if !bytes.get(start + 1).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    // A quick look up to the first `>`, for the name as pages write it (a quoted value may hold
    // an earlier `>`; such a tag, and names written in capitals, are left as they are).
    let first_gt = memchr::memchr(b'>', &bytes[start..]).map_or(bytes.len(), |e| start + e);
    memchr::memmem::find(&bytes[start..first_gt], b"data-")?;
    let mut attrs = Vec::new();
    let end = lex_start_tag(bytes, start, &mut attrs)?;
    let dropped = |a: &Attribute| {
        let name = &bytes[a.name.clone()];
        name.len() > 5
            && name[..5].eq_ignore_ascii_case(b"data-")
            && !READ_DATA_ATTRIBUTES.iter().any(|k| k.as_bytes().eq_ignore_ascii_case(name))
            && !holds_year_date(&bytes[a.name.start..a.end])
    };
    out.push_str(&html[copied..start]);
    let mut from = start;
    for a in attrs.iter().filter(|a| dropped(a)) {
        // What precedes a name ends in a separator or a closing quote, and what follows an
        // attribute starts with one, or with a name glued to a quoted value: the tags read the
        // same without it.
        out.push_str(&html[from..a.name.start]);
        from = a.end;
    }
    out.push_str(&html[from..end]);
    Some(end)
}

/// One attribute of a start tag: its name's bytes, and where the attribute (value included)
/// ends.
struct Attribute {
    name: std::ops::Range<usize>,
    end: usize,
}

fn is_html_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Reads the start tag opening at `bytes[start]` (a `<`) as the HTML tokenizer reads it: its
/// attributes into `attrs`, and the position one past its `>` as the result; `None` when the
/// page ends inside the tag.
fn lex_start_tag(bytes: &[u8], start: usize, attrs: &mut Vec<Attribute>) -> Option<usize> {
    let len = bytes.len();
    let mut i = start + 1;
    while i < len && !is_html_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>') {
        i += 1;
    }
    loop {
        // Before an attribute name: separators, and a `/` that does not close the tag.
        while i < len && (is_html_space(bytes[i]) || bytes[i] == b'/') {
            i += 1;
        }
        match bytes.get(i) {
            None => return None,
            Some(b'>') => return Some(i + 1),
            Some(_) => {}
        }
        // The name; its first character may be `=`, which the tokenizer takes as a letter.
        let name_start = i;
        i += 1;
        while i < len && !is_html_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let name = name_start..i;
        let mut j = i;
        while j < len && is_html_space(bytes[j]) {
            j += 1;
        }
        if bytes.get(j) == Some(&b'=') {
            j += 1;
            while j < len && is_html_space(bytes[j]) {
                j += 1;
            }
            match bytes.get(j) {
                None => return None,
                Some(&q @ (b'"' | b'\'')) => j += 1 + memchr::memchr(q, &bytes[j + 1..])? + 1,
                // `name=>`: an empty value, and the `>` closes the tag.
                Some(b'>') => {}
                Some(_) => {
                    while j < len && !is_html_space(bytes[j]) && bytes[j] != b'>' {
                        j += 1;
                    }
                }
            }
            i = j;
        }
        attrs.push(Attribute { name, end: i });
    }
}

/// True when some text holds a year of this or the last century as a number of its own
/// ("2019-03-02", "02.03.2019", "July 5, 2019") or opening an eight-digit date ("20190302").
fn holds_year_date(text: &[u8]) -> bool {
    let mut i = 0;
    while i < text.len() {
        if !text[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let run = text[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if matches!(run, 4 | 8) && matches!(&text[i..i + 2], b"19" | b"20") {
            return true;
        }
        i += run;
    }
    false
}

/// Position of `needle` in `hay` at or after `from`.
fn find_from(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|p| from + p)
}

/// Position of the first `</name` (any case) at or after `from`.
fn find_closing(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', bytes.get(i..)?) {
        let at = i + off;
        let rest = &bytes[at + 1..];
        if rest.first() == Some(&b'/')
            && rest.len() > name.len()
            && rest[1..=name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inert_content_is_removed() {
        let cases = [
            ("<p>a</p><script>var x = '<p>no</p>';</script><p>b</p>", "<p>a</p><script></script><p>b</p>"),
            (
                "<script type=\"application/ld+json\">{\"headline\":\"h\"}</script>",
                "<script type=\"application/ld+json\">{\"headline\":\"h\"}</script>",
            ),
            ("<STYLE>p{}</STYLE><p>x</p>", "<STYLE></STYLE><p>x</p>"),
            ("<p>x<!-- <script> --></p>", "<p>x</p>"),
            ("<noscript><iframe src=x></iframe></noscript>y", "<noscript></noscript>y"),
            ("<svg viewBox=\"0 0 1 1\"><title>icon</title></svg><p>z</p>", "<p>z</p>"),
            ("<scripts>kept</scripts>", "<scripts>kept</scripts>"),
            ("<p>unclosed <script>tail", "<p>unclosed <script>"),
            ("<p>open comment <!-- tail", "<p>open comment "),
        ];
        for (html, want) in cases {
            assert_eq!(strip_inert(html), want, "{html}");
        }
    }

    #[test]
    fn script_state_attributes_are_removed() {
        let cases = [
            ("<div data-props='{\"a\":1}' class=\"x\">t</div>", "<div  class=\"x\">t</div>"),
            ("<div class=\"x\" data-a=1 DATA-ID=7>t</div>", "<div class=\"x\"  >t</div>"),
            // Written only in capitals (rare): left, as the quick look misses it.
            ("<div DATA-ID=7>t</div>", "<div DATA-ID=7>t</div>"),
            // Glued to the quoted values around it, as sloppy pages write them.
            ("<a href=\"/\"data-k=\"v\"title=\"t\">l</a>", "<a href=\"/\"title=\"t\">l</a>"),
            // A quoted `>` does not end the tag.
            ("<p data-x=\"a>b\" id=\"p\">t</p>", "<p  id=\"p\">t</p>"),
            ("<p title=\"a>b\" data-x=1>t</p>", "<p title=\"a>b\" data-x=1>t</p>"),
            // Attributes a stage reads, or holding a date, stay.
            ("<img data-src=\"a.jpg\" data-lazy=1>", "<img data-src=\"a.jpg\" >"),
            (
                "<div data-product=\"{&quot;published_at&quot;:&quot;2019-03-02&quot;}\">t</div>",
                "<div data-product=\"{&quot;published_at&quot;:&quot;2019-03-02&quot;}\">t</div>",
            ),
            ("<span data-stamp=\"02.03.2019\" data-n=\"12019\">", "<span data-stamp=\"02.03.2019\" >"),
            // A valueless attribute; a value after spaces, unquoted, runs to the next space or `>`.
            ("<input data-a id=i data-b= x/>", "<input  id=i >"),
            // Not start tags, or a tag the page ends inside: unchanged.
            ("</div data-x=1>", "</div data-x=1>"),
            ("<div data-x=\"open", "<div data-x=\"open"),
            // A name is any run of non-separators, characters beyond ASCII included.
            ("<b data-\u{2002}x=1 id=y>", "<b  id=y>"),
        ];
        // What precedes and follows a removed attribute stays, separators included.
        for (html, want) in cases {
            assert_eq!(strip_inert(html), want, "{html}");
        }
    }

    #[test]
    fn start_tags_are_read_as_the_tokenizer_reads_them() {
        let mut attrs = Vec::new();
        let tag = b"<a =x b = 'q>' c d=e>rest";
        assert_eq!(lex_start_tag(tag, 0, &mut attrs), Some(21));
        let names: Vec<&[u8]> = attrs.iter().map(|a| &tag[a.name.clone()]).collect();
        assert_eq!(names, [&b"=x"[..], b"b", b"c", b"d"]);
        assert_eq!(&tag[attrs[1].name.start..attrs[1].end], b"b = 'q>'");
        assert_eq!(lex_start_tag(b"<a b='never closed>", 0, &mut Vec::new()), None);
    }

    #[test]
    fn year_dates() {
        for yes in ["2019-03-02", "x 02.03.2019 y", "2020/1/1", "July 5, 2019", "20190302", "2019"] {
            assert!(holds_year_date(yes.as_bytes()), "{yes}");
        }
        for no in ["id-12019", "201903021", "1800-01-01", "v1.20", "x7", ""] {
            assert!(!holds_year_date(no.as_bytes()), "{no}");
        }
    }
}
