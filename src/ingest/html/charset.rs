//! Bytes to text for HTML pages: byte-order mark, then the page's own declaration
//! (`<meta charset>`, `<meta http-equiv="Content-Type">`, `<?xml encoding>`), then detection
//! (chardetng) when nothing is declared and the bytes are not UTF-8.
//!
//! Saved pages lie about their charset now and then (a page declared UTF-8 but saved as
//! windows-1252); when the declared encoding does not decode cleanly and the detector proposes
//! one that does, the detector wins. Decoding never fails: undecodable bytes become U+FFFD.

use encoding_rs::{Encoding, UTF_8};

/// How many leading bytes are searched for a charset declaration; HTML asks for it in the
/// first 1024 bytes, but real pages put long `<head>` scripts first.
const PRESCAN_BYTES: usize = 16 * 1024;

/// How many bytes the detector reads: enough to be confident, cheap on huge pages.
const DETECT_BYTES: usize = 64 * 1024;

/// Decodes a page to text and names the encoding used.
pub fn decode_html(bytes: &[u8]) -> (String, &'static Encoding) {
    decode_html_as(bytes, None)
}

/// Decodes a page that its transport labelled (the `charset` of an HTTP `Content-Type`, as a
/// web archive records it): after a byte-order mark, that label outranks the page's own
/// declaration, as in a browser. The same checks as for a declared charset follow.
pub fn decode_html_as(bytes: &[u8], transport: Option<&'static Encoding>) -> (String, &'static Encoding) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), enc);
    }
    let declared = transport.or_else(|| declared_encoding(&bytes[..bytes.len().min(PRESCAN_BYTES)]));
    // Bytes that are valid UTF-8 and not plain ASCII are UTF-8 whatever the page declares:
    // text in a legacy single-byte encoding almost never forms valid multi-byte sequences,
    // while pages re-saved as UTF-8 by a crawler keep their old `<meta charset>`.
    if declared.is_some_and(|enc| enc != UTF_8) && !bytes.is_ascii() {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return (text.to_string(), UTF_8);
        }
    }
    if let Some(enc) = declared {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        if !had_errors {
            return (text.into_owned(), enc);
        }
        let guess = detect(bytes);
        if guess != enc {
            let (alt, alt_errors) = guess.decode_without_bom_handling(bytes);
            if !alt_errors {
                return (alt.into_owned(), guess);
            }
        }
        return (text.into_owned(), enc);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_string(), UTF_8);
    }
    let enc = detect(bytes);
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), enc)
}

/// The encoding a charset label names (`"ISO-8859-1"`, `"utf8"`). A UTF-16 label without a BOM
/// reads as UTF-8, as browsers do: the bytes that carry the label are evidently ASCII-compatible.
pub fn encoding_for_label(label: &[u8]) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(label)?;
    Some(if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE { UTF_8 } else { enc })
}

fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(&bytes[..bytes.len().min(DETECT_BYTES)], bytes.len() <= DETECT_BYTES);
    det.guess(None, chardetng::Utf8Detection::Allow)
}

/// Finds the encoding a page declares in its first bytes. UTF-16 declarations in a page that
/// has no BOM are read as UTF-8, as browsers do (the bytes are evidently ASCII-compatible).
fn declared_encoding(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..].iter().position(|&b| b == b'>').map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(enc) = charset_in_tag(tag).and_then(encoding_for_label) {
            return Some(enc);
        }
        from = end.max(start + 5);
    }
    // An XHTML page may only say it in its XML declaration.
    if lower.starts_with(b"<?xml") {
        let end = find(&lower, b"?>").unwrap_or(lower.len().min(200));
        let decl = &lower[..end];
        if let Some(p) = find(decl, b"encoding=") {
            return Encoding::for_label(attr_value(&decl[p + 9..]));
        }
    }
    None
}

/// The charset of one `<meta …` tag (lowercased bytes): `charset=` anywhere in it covers both
/// `<meta charset="x">` and `content="text/html; charset=x"`.
fn charset_in_tag(tag: &[u8]) -> Option<&[u8]> {
    let p = find(tag, b"charset")?;
    let mut rest = &tag[p + 7..];
    while let [b' ' | b'\t' | b'\n' | b'\r', tail @ ..] = rest {
        rest = tail;
    }
    let rest = rest.strip_prefix(b"=")?;
    let value = attr_value(rest);
    (!value.is_empty()).then_some(value)
}

/// Reads an attribute value: quoted or up to a space, quote, `;` or `/`.
fn attr_value(s: &[u8]) -> &[u8] {
    let s = trim_start(s);
    let s = s.strip_prefix(b"\"").or_else(|| s.strip_prefix(b"'")).unwrap_or(s);
    let end = s
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b' ' | b';' | b'/' | b'>' | b'\t' | b'\n'))
        .unwrap_or(s.len());
    &s[..end]
}

fn trim_start(mut s: &[u8]) -> &[u8] {
    while let [b' ' | b'\t' | b'\n' | b'\r', tail @ ..] = s {
        s = tail;
    }
    s
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations() {
        let cases: &[(&[u8], Option<&str>)] = &[
            (b"<html><head><meta charset=\"iso-8859-1\"></head>", Some("windows-1252")),
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">",
                Some("Shift_JIS"),
            ),
            (b"<META CHARSET=utf-8>", Some("UTF-8")),
            (b"<meta charset='utf-16'>", Some("UTF-8")),
            (b"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><html>", Some("ISO-8859-15")),
            (b"<meta name=\"description\" content=\"charset\">", None),
            (b"<html><head><title>x</title></head>", None),
            (b"<meta charset=bogus>", None),
        ];
        for (head, want) in cases {
            assert_eq!(declared_encoding(head).map(|e| e.name()), *want, "{}", String::from_utf8_lossy(head));
        }
    }

    #[test]
    fn decodes() {
        // BOM wins over the declaration.
        let (t, e) = decode_html(b"\xEF\xBB\xBF<meta charset=latin1>caf\xC3\xA9");
        assert_eq!((t.as_str(), e), ("<meta charset=latin1>café", UTF_8));
        // Declared Latin-1.
        let (t, _) = decode_html(b"<meta charset=iso-8859-1><p>caf\xE9</p>");
        assert_eq!(t, "<meta charset=iso-8859-1><p>café</p>");
        // Undeclared, not UTF-8: detected.
        let page = b"<html><body><p>Der B\xFCrgermeister sagte am Mittwoch, die Stra\xDFe werde f\xFCr den Verkehr gesperrt.</p></body></html>";
        let (t, _) = decode_html(page);
        assert!(t.contains("Bürgermeister") && t.contains("Straße"), "{t}");
        // Declared Latin-1 but saved as UTF-8 (a crawler re-encoded it): UTF-8 wins.
        let (t, e) = decode_html("<meta charset=iso-8859-1><p>Günstige Tarife</p>".as_bytes());
        assert_eq!((t.as_str(), e), ("<meta charset=iso-8859-1><p>Günstige Tarife</p>", UTF_8));
        // Declared UTF-8 but saved as Latin-1: the detector's clean decoding wins.
        let (t, _) = decode_html(
            b"<meta charset=utf-8><p>Se\xF1or Pe\xF1a dijo que la reuni\xF3n fue un \xE9xito.</p>",
        );
        assert!(t.contains("Señor Peña"), "{t}");
    }
}
