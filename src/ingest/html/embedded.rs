//! Article text that a page carries only in its scripts: sites rendered in the browser
//! (Next.js, Nuxt and similar) ship the article as a JSON string (`"contentHtml": "<p>…"`,
//! `"articleBody": "…"`) inside a `<script>`, and the HTML holds no paragraph of it until a
//! browser runs the code. Read only when the extractors found next to nothing.

use std::sync::LazyLock;

use regex::Regex;

/// Keys under which state objects of client-rendered pages keep the article's text or HTML.
static BODY_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#""(?:articleBody|contentHtml|content_html|bodyHtml|body_html|articleHtml|article_html|htmlContent|html_content|body|content)"\s*:\s*""#,
    )
    .expect("valid regex")
});

/// The longest JSON string stored under a body key in `html` (the page as sent, scripts
/// included), decoded: HTML or text. `None` when no such string has at least `min_chars`
/// characters.
pub fn embedded_body(html: &str, min_chars: usize) -> Option<String> {
    let mut best: Option<String> = None;
    for key in BODY_KEY.find_iter(html) {
        // The match ends on the string's opening quote.
        let start = key.end() - 1;
        let mut values = serde_json::Deserializer::from_str(&html[start..]).into_iter::<String>();
        let Some(Ok(value)) = values.next() else {
            continue;
        };
        let longer = best.as_ref().is_none_or(|b| value.chars().count() > b.chars().count());
        if value.chars().count() >= min_chars && longer {
            best = Some(value);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_longest_body_string_from_a_state_script() {
        let html = r#"<html><body><div id="root"></div><script>window.__STATE__={"detail":{"title":"Bridge closed",
            "summary":"short","contentHtml":"\u003cp\u003eThe council voted on Monday to close the bridge.\u003c/p\u003e\u003cp\u003eRepairs begin in \"spring\".\u003c/p\u003e"}};</script>
            <script>var x = {"content": "menu"};</script></body></html>"#;
        let got = embedded_body(html, 20).expect("found");
        assert_eq!(
            got,
            "<p>The council voted on Monday to close the bridge.</p><p>Repairs begin in \"spring\".</p>"
        );
    }

    #[test]
    fn nothing_long_enough_or_broken_strings() {
        assert_eq!(embedded_body(r#"{"body": "too short"}"#, 20), None);
        assert_eq!(embedded_body(r#"{"body": "never closed"#, 5), None);
        assert_eq!(embedded_body("<p>No scripts at all.</p>", 5), None);
    }
}
