//! The author cascade: JSON-LD authors, `<meta>` authors, author markup, byline elements, a
//! "By …" line at the start of the body, then unmarked bylines near the headline; the site's
//! own name ([`SiteNames`]) is never an author.

use super::{host_of, norm, Signals};
use crate::extract::byline;

impl Signals {
    /// Authors, strongest source first; the first source that yields a person who is not the
    /// site itself wins (a meta author naming the outlet gives way to the byline markup).
    pub(super) fn authors(&self, body_byline: &[String], site: &SiteNames) -> Vec<String> {
        // "Daniel Lemire's blog": a site named for its owner is signed by that person.
        let owner = [&self.site_name, &self.title].into_iter().flatten().find_map(|t| possessive_owner(t));
        let is_owner = |n: &str| owner.as_deref().is_some_and(|o| norm(o) == norm(n));
        let keep = |names: Vec<String>| -> Option<Vec<String>> {
            let names: Vec<String> = names.into_iter().filter(|n| is_owner(n) || !site.is_site(n)).collect();
            (!names.is_empty()).then_some(names)
        };
        let structured = std::iter::once(self.ld.authors.clone())
            .chain(self.meta_authors.iter().map(|a| byline::split_authors(a)))
            .chain(self.markup_authors.iter().map(|a| byline::split_authors(strip_label(a))));
        // Byline elements: names, or a sentence-like stamp ("Erstellt von Jane Doe",
        // "Veröffentlicht am 8. Februar 2022 von jdoe").
        let marked = self
            .byline_texts
            .iter()
            .filter_map(|t| byline::parse_byline_element(t).or_else(|| byline::parse_visible_byline(t)));
        // Unmarked bylines in the visible lines around the headline come last: the page's own
        // markup, when it has any, knows better.
        let visible = self.header_lines.iter().enumerate().filter_map(|(i, l)| {
            byline::parse_visible_byline(l).or_else(|| {
                // A label on a line of its own ("Autor:") names the author on the next.
                self.header_lines.get(i + 1).and_then(|next| byline::parse_labelled_byline(l, next))
            })
        });
        if let Some(names) = structured
            .chain(marked)
            .chain(std::iter::once(body_byline.to_vec()))
            .chain(visible)
            .find_map(keep)
        {
            return names;
        }
        if let Some(owner) = owner {
            return vec![owner];
        }
        // Blogs sign with one word ("von Heiko"): taken only from author markup, and only
        // when no fuller byline exists.
        self.markup_authors
            .iter()
            .chain(&self.byline_texts)
            .filter_map(|t| byline::parse_handle(strip_label(t)))
            .find(|n| !site.is_site(n))
            .into_iter()
            .collect()
    }
}

/// The owner a site or page title names in the possessive ("Daniel Lemire's blog", "Jane
/// Doe’s Digital Home | Post title"): a person's name of two words or more, since one word
/// ("Tom's Hardware", "Reader's Digest") is as often a brand.
fn possessive_owner(title: &str) -> Option<String> {
    // What a personal site calls itself after the owner's name.
    const SITE_WORDS: &[&str] = &[
        "blog",
        "weblog",
        "home",
        "homepage",
        "site",
        "website",
        "page",
        "journal",
        "notes",
        "notebook",
        "corner",
        "diary",
        "musings",
        "thoughts",
        "log",
        "space",
        "place",
        "world",
        "ramblings",
    ];
    let parts = title.split(['|', '«', '»', '·', '•']).chain(title.split(" - ")).chain(title.split(" – "));
    parts.into_iter().find_map(|part| {
        let part = part.trim();
        let (name, rest) = part.split_once("'s ").or_else(|| part.split_once("’s "))?;
        // The possessive heads a short site name, not a headline ("Jane Doe's plan to …").
        let rest: Vec<String> = rest.split_whitespace().map(|w| w.to_lowercase()).collect();
        if rest.len() > 3 || !rest.iter().any(|w| SITE_WORDS.contains(&w.as_str())) {
            return None;
        }
        let names = byline::parse_byline_element(name)?;
        match names.as_slice() {
            [one] if one.contains(' ') => Some(one.clone()),
            _ => None,
        }
    })
}

/// "Author: Jane Doe" → "Jane Doe".
fn strip_label(s: &str) -> &str {
    for label in ["author:", "autor:", "autorin:", "written by", "posted by", "von:"] {
        if s.len() > label.len()
            && s.is_char_boundary(label.len())
            && s[..label.len()].eq_ignore_ascii_case(label)
        {
            return s[label.len()..].trim();
        }
    }
    s
}

/// The names a site goes by (outlet, publisher, host), to tell its own signature from an
/// author's.
pub(super) struct SiteNames {
    names: Vec<String>,
    host: Option<String>,
    platform_blog: bool,
}

impl SiteNames {
    pub(super) fn new(outlet: Option<&str>, publisher: Option<&str>, url: Option<&str>) -> Self {
        let host = url.and_then(host_of);
        SiteNames {
            names: [outlet, publisher].into_iter().flatten().map(|o| norm(o).replace(' ', "")).collect(),
            // On a blog platform the subdomain and the blog's title are the blogger's own
            // name ("zahlenzauberin.wordpress.com" signed "zahlenzauberin").
            platform_blog: host.as_deref().is_some_and(is_blog_platform),
            host: host.map(|h| norm(&h).replace(' ', "")),
        }
    }

    /// True when `author` is the site's own name: the outlet or publisher, a prefix of it
    /// ("Der Postillon" for "Der Postillon – Satire"), or the whole host. A first name heading
    /// its owner's blog title ("Heiko" on "Heiko Adams") is an author.
    fn is_site(&self, author: &str) -> bool {
        if self.platform_blog {
            return false;
        }
        let words = norm(author);
        let key = words.replace(' ', "");
        if key.is_empty() || self.host.as_deref() == Some(key.as_str()) {
            return true;
        }
        let first_name = !words.contains(' ') && is_plain_name_word(author.trim());
        let prefix = !first_name && key.len() >= 5;
        self.names.iter().any(|o| *o == key || prefix && o.starts_with(&key))
    }
}

/// "Heiko", not "SeglerBlog" or "Scout24": one capital, then lowercase letters.
fn is_plain_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && w.chars().count() >= 3 && chars.all(char::is_lowercase)
}

/// Hosts that give each blogger a subdomain.
fn is_blog_platform(host: &str) -> bool {
    const PLATFORMS: &[&str] = &[
        ".wordpress.com",
        ".blogspot.",
        ".tumblr.com",
        ".over-blog.",
        ".wixsite.com",
        ".substack.com",
        ".medium.com",
        ".blog.de",
        ".jimdo",
        ".typepad.com",
        ".livejournal.com",
        ".hatenablog.",
        ".ghost.io",
    ];
    PLATFORMS.iter().any(|p| host.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use trafilatura::dom::Document;

    #[test]
    fn possessive_site_names() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Jane Doe's blog", Some("Jane Doe")),
            ("A post title – Jane Doe’s Digital Home", Some("Jane Doe")),
            ("Jane Doe's Blog | A post title", Some("Jane Doe")),
            ("Tom's Hardware", None),
            ("Joe Biden's plan to end the war | News", None),
            ("Jane Doe's speech | News", None),
        ];
        for (title, want) in cases {
            assert_eq!(possessive_owner(title).as_deref(), *want, "{title}");
        }
        // The owner named by the site is its author even though it is the site's name too.
        let s = Signals {
            site_name: Some("Jane Doe's blog".into()),
            meta_authors: vec!["Jane Doe".into()],
            ..Signals::default()
        };
        let site = SiteNames::new(Some("Jane Doe's blog"), None, None);
        assert_eq!(s.authors(&[], &site), vec!["Jane Doe".to_string()]);
    }

    #[test]
    fn author_in_the_article_footer() {
        // The post signs in its own <footer> (itemprop=author with a nested name); a hidden
        // vcard, a comment's footer and the site footer name others.
        let html = include_str!("../../../../tests/fixtures/html/meta-author-footer.html");
        let s = super::super::gather(&Document::parse(html));
        assert_eq!(s.markup_authors, vec!["Renate Kolbinger".to_string()]);
        assert!(s.byline_texts.iter().all(|t| !t.contains("wpadmin7") && !t.contains("Otto Brenner")));
        assert_eq!(s.resolve(None, &[], None).byline, vec!["Renate Kolbinger".to_string()]);
    }

    #[test]
    fn site_names_and_authors() {
        let site = SiteNames::new(Some("Heiko Adams"), None, Some("https://www.heiko-adams.de/x"));
        assert!(!site.is_site("Heiko"), "a first name heading its owner's blog");
        assert!(site.is_site("Heiko Adams"));
        let site = SiteNames::new(Some("SeglerBlog - Segeln"), None, None);
        assert!(site.is_site("SeglerBlog"));
        let site =
            SiteNames::new(Some("Zahlenzauberin"), None, Some("https://zahlenzauberin.wordpress.com/a"));
        assert!(!site.is_site("zahlenzauberin"), "a blog platform's subdomain is the blogger");
        // A meta author naming the site gives way to the byline markup.
        let s = Signals {
            meta_authors: vec!["Interscenario".into()],
            markup_authors: vec!["Gabor Munier".into()],
            ..Signals::default()
        };
        let site = SiteNames::new(Some("Interscenario"), None, None);
        assert_eq!(s.authors(&[], &site), vec!["Gabor Munier".to_string()]);
        // One-word signatures come from author markup only when nothing fuller exists.
        let s = Signals { byline_texts: vec!["von Heiko".into()], ..Signals::default() };
        assert_eq!(s.authors(&[], &SiteNames::new(None, None, None)), vec!["Heiko".to_string()]);
    }
}
