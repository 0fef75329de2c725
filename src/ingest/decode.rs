//! Bytes to text for the text-based formats (plain text, JSON, JSONL): UTF-8 with or without a
//! byte-order mark, and UTF-16 with one. Anything else is reported with the byte offset of the
//! first invalid sequence, since guessing a legacy charset for a JSON or text record silently
//! garbles names. (HTML, which declares its charset, is decoded by its own parser.)

use std::borrow::Cow;

use crate::error::ParseErrorKind;

/// Decodes bytes as UTF-8 (BOM stripped) or BOM-marked UTF-16.
pub fn utf8_text(bytes: &[u8]) -> Result<Cow<'_, str>, ParseErrorKind> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(Cow::Borrowed)
            .map_err(|e| ParseErrorKind::InvalidUtf8(e.valid_up_to() + 3));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let enc = if bytes[0] == 0xFF { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[2..]);
        if had_errors {
            return Err(ParseErrorKind::InvalidUtf8(0));
        }
        return Ok(Cow::Owned(text.into_owned()));
    }
    std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| ParseErrorKind::InvalidUtf8(e.valid_up_to()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_and_boms() {
        assert_eq!(utf8_text("héllo".as_bytes()).unwrap(), "héllo");
        assert_eq!(utf8_text(b"\xEF\xBB\xBFhi").unwrap(), "hi");
        assert_eq!(utf8_text(b"\xFF\xFEh\0i\0").unwrap(), "hi");
        assert_eq!(utf8_text(b"ab\xC3\x28cd"), Err(ParseErrorKind::InvalidUtf8(2)));
    }
}
