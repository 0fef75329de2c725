//! The author cascade: JSON-LD authors, `<meta>` authors, author markup, byline elements, a
//! "By …" line at the start of the body, then unmarked bylines near the headline; the site's
//! own name ([`SiteNames`]) is never an author.

use super::{host_of, lone_full_name, norm, Signals};
use crate::extract::byline;

impl Signals {
    /// Authors, strongest source first; the first source that yields a person who is not the
    /// site itself wins (a meta author naming the outlet gives way to the byline markup).
    pub(super) fn authors<'a>(&'a self, body_byline: &[String], site: &SiteNames) -> Vec<String> {
        // "Daniel Lemire's blog": a site named for its owner is signed by that person.
        // "Zeitphilosophie – Dr. Alexander Klier": a site named for a doctor or professor.
        let owner = [&self.site_name, &self.title]
            .into_iter()
            .flatten()
            .find_map(|t| possessive_owner(t).or_else(|| titled_owner(t)))
            .or_else(|| self.site_named_for_author());
        let is_owner = |n: &str| owner.as_deref().is_some_and(|o| norm(o) == norm(n));
        // "Editor: Jane Doe" beside the byline: the editor is no author, even where the
        // page's metadata names her.
        let editors: Vec<String> = self
            .byline_texts
            .iter()
            .chain(&self.header_lines)
            .filter_map(|l| byline::parse_editor_line(l))
            .flatten()
            .collect();
        // The editor's user name ("sarah-indra" for "Sarah-Indra Jungblut") is hers too.
        let is_editor = |n: &str| {
            editors.iter().any(|e| {
                norm(e) == norm(n)
                    || (!n.trim().contains(' ')
                        && e.split_whitespace().next().is_some_and(|f| fold(f) == fold(n)))
            })
        };
        // "Greentech.LIVE Redaktion", "HLNF Staff Report": a desk that another author field
        // names by its brand alone ("Greentech.LIVE", "HLNF") is no person there either.
        let desks: Vec<String> = self
            .meta_authors
            .iter()
            .chain(&self.markup_authors)
            .chain(&self.byline_texts)
            .filter_map(|t| desk_brand(strip_label(t)))
            .collect();
        let keep = |names: Vec<String>| -> Option<Vec<String>> {
            let names: Vec<String> = names
                .into_iter()
                .filter(|n| (is_owner(n) || !site.is_site(n)) && !is_editor(n) && !desks.contains(&norm(n)))
                .collect();
            (!names.is_empty()).then_some(names)
        };
        // "Jobs & Hire": a field naming the site as a whole is dropped before it is split.
        let fields = |values: &'a [String]| {
            values.iter().filter(|a| !site.is_site(a)).map(|a| byline::split_authors(strip_label(a)))
        };
        let structured = std::iter::once(self.ld.authors.clone())
            .chain(fields(&self.meta_authors))
            .chain(fields(&self.markup_authors));
        // "Von Jane Doe" under the headline names the writer; metadata that names nobody of
        // hers (the user who posted the text) gives way to it.
        let signed = self.header_lines.iter().find_map(|l| byline::parse_signed_line(l)).and_then(keep);
        if let Some(signed) = signed {
            let named: Vec<String> =
                structured.clone().filter_map(keep).flatten().map(|n| norm(&n)).collect();
            // Full names only: a user name in the metadata may be the writer's own account.
            let full = named.iter().all(|n| n.contains(' '));
            if !named.is_empty() && full && !signed.iter().any(|n| named.contains(&norm(n))) {
                return signed;
            }
        }
        // Byline elements: names, or a sentence-like stamp ("Erstellt von Jane Doe",
        // "Veröffentlicht am 8. Februar 2022 von jdoe").
        let marked = self.byline_texts.iter().filter_map(|t| {
            // A user name alone in the first byline element signs the article, before the
            // full names of later elements (teasers, author boxes of other posts).
            byline::parse_byline_element(t)
                .or_else(|| byline::parse_visible_byline(t))
                .or_else(|| byline::parse_handle(strip_label(t)).map(|h| vec![h]))
        });
        // Unmarked bylines in the visible lines around the headline come last: the page's own
        // markup, when it has any, knows better.
        let visible = visible_bylines(&self.header_lines).chain(visible_bylines(&self.title_lines));
        // A signature closing the article ("Von Jane Doe", "© 2019 Jane Doe") is the weakest,
        // with the link to the author's other texts in her box there ("Alle Artikel von X").
        let foot = self.foot_lines.iter().enumerate().filter_map(|(i, l)| {
            byline::parse_copyright_line(l)
                .or_else(|| signature(&self.foot_lines, i))
                .or_else(|| byline::parse_archive_link(l))
        });
        // A name alone closing the text, which no line around the text mentions (read only
        // when every stronger source came up empty, like the excerpt's byline below).
        let foot =
            foot.chain(std::iter::once_with(|| closing_name(&self.header_lines, &self.foot_lines)).flatten());
        // A description that opens with its byline ("Posted by Jane Doe - Security team …").
        let described = self.description.as_deref().and_then(byline::parse_lead_byline);
        let mut found = structured
            .chain(marked)
            .chain(std::iter::once(body_byline.to_vec()))
            .chain(visible)
            .chain(described)
            // A byline that opens the text, as its excerpt in the description shows.
            .chain(std::iter::once_with(|| self.excerpt_byline()).flatten())
            .chain(foot)
            .filter_map(keep);
        if let Some(names) = found.next() {
            // A user name or first name ("arianschlichenmayer", "Todd") gives way to the full
            // name a weaker source writes out for the same person ("Arian Schlichenmayer").
            if let [one] = names.as_slice() {
                if !one.contains(' ') {
                    if let Some(full) = found.flatten().find(|full| spells_out(one, full)) {
                        return vec![full];
                    }
                    // An author box or line that opens with the full name ("Stefanus Stahl -
                    // Maschinenbauer, Abenteurer …").
                    if let Some(full) = self
                        .byline_texts
                        .iter()
                        .chain(&self.header_lines)
                        .chain(&self.foot_lines)
                        .filter_map(|t| leading_name(t))
                        .chain(self.author_spellings.iter().cloned())
                        .find(|f| spells_out(one, f))
                    {
                        return vec![full];
                    }
                    // A user name made of the writer's first and last name
                    // ("christian.stadtfeld"), written out in the lines around the text
                    // ("… bleibt spannend. (Christian P. Stadtfeld)").
                    if let Some(full) = self
                        .header_lines
                        .iter()
                        .chain(&self.foot_lines)
                        .chain(&self.title_lines)
                        .find_map(|l| spelled_in(one, l))
                    {
                        return vec![full];
                    }
                    // Initials ("DT") are no name: the licence line of a blog spells them out
                    // ("… von Donald Townsend steht unter einer Creative Commons-Lizenz"). A
                    // first name stays: it is how a blogger chose to sign.
                    let initials = one.chars().count() <= 3 && one.chars().all(char::is_uppercase);
                    if let Some(full) = self.licence_holders.iter().find(|f| initials && spells_out(one, f)) {
                        return vec![full.clone()];
                    }
                }
            }
            return names;
        }
        if let Some(owner) = owner {
            return vec![owner];
        }
        // Blogs sign with one word ("von Heiko"): from author markup taken only when no
        // fuller byline exists.
        let handle = self
            .markup_authors
            .iter()
            .chain(&self.byline_texts)
            .filter_map(|t| byline::parse_handle(strip_label(t)))
            .find(|n| !site.is_site(n));
        // Last, a desk that the byline markup shows as the article's signer ("von Redaktion",
        // "Greentech.LIVE Redaktion"): the page's own byline, though no person's.
        handle
            .or_else(|| {
                self.byline_texts
                    .iter()
                    .chain(&self.markup_authors)
                    .find_map(|t| byline::parse_desk_signature(t))
            })
            .into_iter()
            .collect()
    }
}

impl Signals {
    /// The name that the page's description opens with, when it also stands alone as a line
    /// under the headline: the description is an excerpt the site cut from the start of the
    /// text, and the text starts with its byline ("Jane Doe" above "In the heart of …", the
    /// description "Jane Doe In the heart of …"). A line that titles the page is no byline.
    fn excerpt_byline(&self) -> Option<Vec<String>> {
        let desc = norm(self.description.as_deref()?);
        let titles: Vec<String> =
            [&self.title, &self.og_title].into_iter().flatten().chain(&self.h1).map(|t| norm(t)).collect();
        self.header_lines.iter().find_map(|l| {
            let key = norm(l);
            let opens = desc == key || desc.strip_prefix(key.as_str()).is_some_and(|r| r.starts_with(' '));
            if key.is_empty() || !opens || titles.iter().any(|t| t.contains(&key)) {
                return None;
            }
            lone_full_name(l).map(|one| vec![one])
        })
    }

    /// A site named after a person whom its metadata names as the author ("Wolfgang Schmale"
    /// both as `og:site_name` and as the JSON-LD author): a personal site, signed by its owner.
    fn site_named_for_author(&self) -> Option<String> {
        let site = self.site_name.as_deref()?;
        let person = leading_name(site).filter(|n| norm(n) == norm(site))?;
        let named = self.ld.authors.iter().chain(&self.meta_authors).any(|a| norm(a) == norm(&person));
        named.then_some(person)
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

/// The owner a site or page title names with an academic title ("Post title – Dr. Jane Doe",
/// "Prof. Dr. Jane Doe | Blog"): the person's name of two words or more without the title
/// (a title before one word, "Dr. Oetker", is as often a brand).
fn titled_owner(title: &str) -> Option<String> {
    let parts = title.split(['|', '«', '»', '·', '•']).chain(title.split(" - ")).chain(title.split(" – "));
    parts.into_iter().find_map(|part| {
        let mut rest = part.trim();
        let mut titled = false;
        while let Some(r) = rest.strip_prefix("Dr. ").or_else(|| rest.strip_prefix("Prof. ")) {
            rest = r.trim_start();
            titled = true;
        }
        if !titled {
            return None;
        }
        // The whole part is the name ("Dr. Jane Doe und die Folgen" is a headline).
        match byline::parse_byline_element(rest)?.as_slice() {
            [one] if one.contains(' ') && norm(one) == norm(rest) => Some(one.clone()),
            _ => None,
        }
    })
}

/// Bylines among visible lines: each line read alone, or a label line ("Autor:") with the next.
fn visible_bylines(lines: &[String]) -> impl Iterator<Item = Vec<String>> + '_ {
    (0..lines.len()).filter_map(|i| signature(lines, i))
}

/// The byline that line `i` of `lines` states, alone, as a label for the next line, or as a
/// name that a lone joint ("am", "|") ties to the stamp after it.
fn signature(lines: &[String], i: usize) -> Option<Vec<String>> {
    let l = lines.get(i)?;
    byline::parse_visible_byline(l)
        .or_else(|| lines.get(i + 1).and_then(|next| byline::parse_labelled_byline(l, next)))
        .or_else(|| {
            // "Jane Doe" / "am" / "Mittwoch, 26.01.2022": a name and its stamp in elements of
            // their own, joined by a word that stands alone between them.
            let (joint, stamp) = (lines.get(i + 1)?, lines.get(i + 2)?);
            let joint = matches!(
                joint.trim().to_lowercase().as_str(),
                "am" | "on" | "le" | "el" | "|" | "-" | "–" | "—" | "/" | "·" | "•"
            );
            joint.then(|| byline::parse_visible_byline(&format!("{l} | {stamp}"))).flatten()
        })
}

/// The full name that stands alone as the last line of the article after a paragraph of
/// running text ("… im Endspiel zu ermitteln." / "Jane Doe"): how many papers sign. The
/// surname must appear in no other line around the text, since a name the text speaks of
/// (the interviewee in a box under the text, a caption) is no signature.
fn closing_name(header: &[String], foot: &[String]) -> Option<Vec<String>> {
    /// Words of the paragraph before the name: running text, not a list entry or a link.
    const PARAGRAPH_WORDS: usize = 20;
    let [.., before, last] = foot else {
        return None;
    };
    let ends_sentence = before.trim_end().ends_with(['.', '!', '?', '"', '“', '”', '»', '«', '…']);
    if before.split_whitespace().count() < PARAGRAPH_WORDS || !ends_sentence {
        return None;
    }
    let name = lone_full_name(last)?;
    let key = norm(&name);
    let surname = format!(" {} ", key.rsplit(' ').next()?);
    let mentioned =
        header.iter().chain(&foot[..foot.len() - 1]).any(|l| format!(" {} ", norm(l)).contains(&surname));
    (!mentioned).then(|| vec![name])
}

/// The brand that a desk's signature puts before its desk word ("Greentech.LIVE Redaktion",
/// "by HLNF Staff Report" → "greentech live", "hlnf"), normalised; `None` for other texts.
fn desk_brand(text: &str) -> Option<String> {
    const DESK_TAILS: &[&str] =
        &[" redaktion", " staff", " staff report", " staff reports", " newsroom", " desk", " team"];
    let lower = text.trim().to_lowercase();
    let lower = lower.strip_prefix("by ").or_else(|| lower.strip_prefix("von ")).unwrap_or(&lower);
    let brand = DESK_TAILS.iter().find_map(|t| lower.strip_suffix(t))?.trim();
    // One word: a brand or acronym ("Jane Doe Staff" would be a person's odd signature).
    (!brand.is_empty() && !brand.contains(' ')).then(|| norm(brand))
}

/// The full name that opens a text before a dash or comma ("Jane Doe - Engineer, traveller
/// …", "Jane Doe, Engineer"), if that part is one person's name.
fn leading_name(text: &str) -> Option<String> {
    let head = text.split([',', '|', '–', '—']).next()?.split(" - ").next()?.trim();
    match byline::parse_byline_element(head)?.as_slice() {
        [one] if one.contains(' ') && norm(one) == norm(head) => Some(one.clone()),
        _ => None,
    }
}

/// True when `full` (two words or more) is the name that the one-word `short` abbreviates: the
/// same letters ("arianschlichenmayer", "christian.stadtfeld"), its first word ("Todd"), or its
/// initials in capitals ("DT" for "Donald Townsend").
fn spells_out(short: &str, full: &str) -> bool {
    let words: Vec<&str> = full.split_whitespace().collect();
    if words.len() < 2 {
        return false;
    }
    let s = fold(short);
    let first = fold(words[0]);
    let last = fold(words[words.len() - 1]);
    let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
    let all_caps = short.chars().all(|c| c.is_uppercase());
    s.len() >= 2
        && (s == fold(full)
            || s == format!("{first}{last}")
            || (s == first && is_plain_name_word(short))
            || (all_caps && short.chars().count() <= 3 && short == initials))
}

/// The full name in `text` that a user name joins from its first and last name
/// ("christian.stadtfeld", "jdoe" is too short to tell): a run of two to four name words
/// (middle initials allowed) whose first and last word make the user name's letters.
fn spelled_in(handle: &str, text: &str) -> Option<String> {
    let letters = fold(handle);
    // A first name ("Todd") names too many people; a user name is lowercase or joined.
    if letters.chars().count() < 8 || is_plain_name_word(handle) {
        return None;
    }
    const FRAME: &[char] = &['(', ')', '[', ']', ',', ';', ':', '"', '“', '”', '„', '«', '»', '–', '—'];
    let toks: Vec<&str> =
        text.split_whitespace().map(|t| t.trim_matches(FRAME)).filter(|t| !t.is_empty()).collect();
    (0..toks.len()).find_map(|i| {
        (2..=4).filter_map(|n| toks.get(i..i + n)).find_map(|run| {
            let (first, last) = (run.first()?, run.last()?);
            // Both ends are name words ("· Von Campact-Team" holds the letters too).
            let word =
                |w: &str| w.chars().next().is_some_and(char::is_uppercase) && fold(w).chars().count() >= 2;
            if !word(first) || !word(last) || format!("{}{}", fold(first), fold(last)) != letters {
                return None;
            }
            let run = run.join(" ");
            match byline::parse_byline_element(&run)?.as_slice() {
                [one] if norm(one) == norm(&run) => Some(one.clone()),
                _ => None,
            }
        })
    })
}

/// Lowercase letters and digits of a name, accents dropped ("Gàbor Muniér" → "gabormunier").
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            other => other,
        })
        .collect()
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
    /// Initials of the multi-word names ("lto" for "Legal Tribune Online").
    initials: Vec<String>,
    host: Option<String>,
    /// The host's name without its suffix ("dw" for dw.com).
    host_base: Option<String>,
    platform_blog: bool,
}

impl SiteNames {
    pub(super) fn new(outlet: Option<&str>, publisher: Option<&str>, url: Option<&str>) -> Self {
        let host = url.and_then(host_of);
        // "Automobilwoche.de", "Fischerhütte | hejfish.com": the parts of a site name and each
        // without its domain suffix.
        let mut names = Vec::new();
        let mut inits = Vec::new();
        for o in [outlet, publisher].into_iter().flatten() {
            names.push(norm(o).replace(' ', ""));
            for part in o.split(['|', '•', '·']).chain(o.split(" - ")).chain(o.split(" – ")) {
                let part = strip_domain_suffix(part.trim());
                let words = norm(part);
                let key = words.replace(' ', "");
                if key.chars().count() >= 3 && !names.contains(&key) {
                    names.push(key);
                }
                let i = initials(&words);
                if i.len() >= 2 {
                    inits.push(i);
                }
            }
        }
        let host_base = host.as_deref().map(|h| {
            let labels: Vec<&str> = h.split('.').collect();
            labels.get(labels.len().saturating_sub(2)).copied().unwrap_or(h).to_string()
        });
        SiteNames {
            names,
            initials: inits,
            host_base,
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
        // "LTO" for "Legal Tribune Online", "Deutsche Welle" on dw.com: a name and its
        // initials.
        let author_initials = initials(&words);
        if self.initials.contains(&key)
            || (author_initials.len() >= 2
                && (self.names.contains(&author_initials)
                    || self.host_base.as_deref() == Some(&author_initials)))
        {
            return true;
        }
        let first_name = !words.contains(' ') && is_plain_name_word(author.trim());
        // "Frau Sabienes" heading the blog "Frau Sabienes sagt": an honorific makes a person.
        let honorific =
            ["frau ", "herr ", "mr ", "mrs ", "ms ", "dr ", "prof "].iter().any(|h| words.starts_with(h));
        let prefix = !first_name && !honorific && key.len() >= 5;
        // "Noticias El Comercio Perú" for "El Comercio Perú": the site's name with a word before.
        self.names.iter().any(|o| {
            *o == key
                || (prefix && o.starts_with(&key))
                || (o.chars().count() >= 8 && key.ends_with(o.as_str()))
        })
    }
}

/// The first letters of the words of a multi-word name ("legal tribune online" → "lto");
/// empty for one word.
fn initials(words: &str) -> String {
    let ws: Vec<&str> = words.split_whitespace().collect();
    if ws.len() < 2 {
        return String::new();
    }
    ws.iter().filter_map(|w| w.chars().next()).collect()
}

/// "hejfish.com" → "hejfish": a site name written as its domain.
fn strip_domain_suffix(name: &str) -> &str {
    match name.rsplit_once('.') {
        Some((base, tld)) if (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic()) => {
            base
        }
        _ => name,
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
    use super::super::LdArticle;
    use super::*;
    use trafilatura::dom::Document;

    #[test]
    fn site_names_initials_and_domains() {
        let site = SiteNames::new(Some("Legal Tribune Online"), None, Some("https://www.lto.de/a"));
        assert!(site.is_site("LTO"), "the site's initials");
        assert!(!site.is_site("Max Kolter"));
        let site = SiteNames::new(Some("DW.COM"), None, Some("https://www.dw.com/de/a"));
        assert!(site.is_site("Deutsche Welle"), "a name whose initials are the host");
        let site = SiteNames::new(Some("Fischerhütte | hejfish.com"), None, None);
        assert!(site.is_site("hejfish"), "one part of the site name, without its domain suffix");
        let site = SiteNames::new(Some("Automobilwoche.de"), None, None);
        assert!(site.is_site("Automobilwoche"));
        let site = SiteNames::new(Some("Frau Sabienes sagt"), None, None);
        assert!(!site.is_site("Frau Sabienes"), "an honorific heading the blog's name is its owner");
    }

    #[test]
    fn short_names_give_way_to_full_ones() {
        let cases: &[(&str, &str, bool)] = &[
            ("arianschlichenmayer", "Arian Schlichenmayer", true),
            ("christian.stadtfeld", "Christian P. Stadtfeld", true),
            ("gabor_munier", "Gàbor Muniér", true),
            ("Todd", "Todd Bates", true),
            ("DT", "Donald Townsend", true),
            ("Todd", "Jane Doe", false),
            ("NDR", "NDR Info", false),
            ("todd", "Todd Bates", false),
            ("Jane", "Jane", false),
        ];
        for (short, full, want) in cases {
            assert_eq!(spells_out(short, full), *want, "{short} / {full}");
        }
        let s = Signals {
            ld: LdArticle { authors: vec!["arianschlichenmayer".into()], ..LdArticle::default() },
            byline_texts: vec!["von Arian Schlichenmayer".into()],
            ..Signals::default()
        };
        assert_eq!(
            s.authors(&[], &SiteNames::new(None, None, None)),
            vec!["Arian Schlichenmayer".to_string()]
        );
        // A field that is the site's name as a whole is not split into "authors".
        // The full name opening an author box.
        let s = Signals {
            ld: LdArticle { authors: vec!["Todd".into()], ..LdArticle::default() },
            byline_texts: vec![
                "Todd".into(),
                "Todd Bates - Engineer, traveller and writer since 2002".into(),
            ],
            ..Signals::default()
        };
        assert_eq!(s.authors(&[], &SiteNames::new(None, None, None)), vec!["Todd Bates".to_string()]);
        let s = Signals { meta_authors: vec!["Jobs & Hire".into()], ..Signals::default() };
        assert!(s.authors(&[], &SiteNames::new(Some("Jobs & Hire"), None, None)).is_empty());
        let site = SiteNames::new(Some("El Comercio Perú"), None, None);
        assert!(site.is_site("Noticias El Comercio Perú"), "the site's name with a word before it");
    }

    #[test]
    fn a_user_name_written_out_beside_the_text() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("jane.doerfler", "… bleibt spannend. (Jane K. Doerfler) +++", Some("Jane K. Doerfler")),
            ("jane_doerfler", "Text: Jane Doerfler, 3. März", Some("Jane Doerfler")),
            // A first name names too many people; other names or a desk stay unread.
            ("Jane", "Jane Doerfler", None),
            ("jane.doerfler", "John Roe sagt", None),
            ("Acme-Team", "31. Oktober 2023 · Von Acme-Team", None),
        ];
        for (handle, line, want) in cases {
            assert_eq!(spelled_in(handle, line).as_deref(), *want, "{handle} / {line}");
        }
        // The metadata's user name gives way to the full name closing the text.
        let s = Signals {
            ld: LdArticle { authors: vec!["jane.doerfler".into()], ..LdArticle::default() },
            foot_lines: vec!["Der letzte Absatz. (Jane K. Doerfler)".into()],
            ..Signals::default()
        };
        assert_eq!(s.authors(&[], &SiteNames::new(None, None, None)), vec!["Jane K. Doerfler".to_string()]);
    }

    #[test]
    fn a_byline_opening_the_excerpt() {
        let head = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        // (description, lines around the headline, title, byline)
        type Case<'a> = (&'a str, &'a [&'a str], Option<&'a str>, Option<&'a str>);
        let cases: &[Case] = &[
            (
                "Jane Doe In the heart of the city, a lawyer …",
                &["May 14, 2025", "Jane Doe", "In the heart of the city, a lawyer …"],
                None,
                Some("Jane Doe"),
            ),
            ("JANE DOE", &["5 May 2024", "JANE DOE", "Der Text."], None, Some("Jane Doe")),
            // The line that titles the page, a name the excerpt does not open with, a name cut
            // off inside a word.
            ("Jane Doe is a painter.", &["Jane Doe", "Der Text."], Some("Jane Doe – Ein Porträt"), None),
            ("In the heart of the city …", &["Jane Doe", "In the heart of the city …"], None, None),
            ("Jane Doerr writes …", &["Jane Do", "Der Text."], None, None),
        ];
        for (desc, lines, title, want) in cases {
            let s = Signals {
                description: Some(desc.to_string()),
                header_lines: head(lines),
                title: title.map(str::to_string),
                ..Signals::default()
            };
            assert_eq!(s.excerpt_byline(), want.map(|w| vec![w.to_string()]), "{desc}");
            assert_eq!(
                s.authors(&[], &SiteNames::new(None, None, None)),
                s.excerpt_byline().unwrap_or_default()
            );
        }
    }

    #[test]
    fn a_name_closing_the_text() {
        let para =
            "Die Mannschaft verlor am Abend in der Halle mit null zu drei und verpasst damit das Endspiel, \
                    das im März im Norden des Landes ausgetragen wird.";
        let lines = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let cases: &[(&[&str], &[&str], Option<&str>)] = &[
            (&["Eine Schlagzeile"], &[para, "Jane Doerfler"], Some("Jane Doerfler")),
            // A book's facts before the name, a link, a paragraph without its sentence end.
            (&[], &[para, "Verlag, 816 Seiten", "Jane Doerfler"], None),
            (&[], &[para, "Zur Startseite"], None),
            (&[], &[para.trim_end_matches('.'), "Jane Doerfler"], None),
            // The text speaks of her: an interviewee's box, not a signature.
            (&["Die Expertin Jane Doerfler erklärt, warum."], &[para, "Jane Doerfler"], None),
        ];
        for (header, foot, want) in cases {
            assert_eq!(
                closing_name(&lines(header), &lines(foot)),
                want.map(|w| vec![w.to_string()]),
                "{foot:?}"
            );
        }
        let s = Signals { foot_lines: lines(&[para, "Jane Doerfler"]), ..Signals::default() };
        assert_eq!(s.authors(&[], &SiteNames::new(None, None, None)), vec!["Jane Doerfler".to_string()]);
    }

    #[test]
    fn author_box_link_at_the_foot() {
        let s = Signals {
            foot_lines: vec!["The last paragraph.".into(), "Jane Doe".into(), "Alles von Jane Doe".into()],
            ..Signals::default()
        };
        assert_eq!(s.authors(&[], &SiteNames::new(None, None, None)), vec!["Jane Doe".to_string()]);
    }

    #[test]
    fn byline_heading_the_description() {
        let s = Signals {
            description: Some("Posted by Jane Doe and John Roe - Security team Over the past years …".into()),
            ..Signals::default()
        };
        let want: Vec<String> = ["Jane Doe", "John Roe"].iter().map(|n| n.to_string()).collect();
        assert_eq!(s.authors(&[], &SiteNames::new(None, None, None)), want);
        // A byline the page sets in markup comes first.
        let s = Signals { byline_texts: vec!["Ana Ruiz".into()], ..s };
        assert_eq!(s.authors(&[], &SiteNames::new(None, None, None)), vec!["Ana Ruiz".to_string()]);
    }

    #[test]
    fn byline_under_the_headline_beats_the_poster() {
        // WordPress names the user who posted the text; the text is signed by its writer.
        let s = Signals {
            meta_authors: vec!["Ana Ruiz".into()],
            markup_authors: vec!["Ana Ruiz".into()],
            header_lines: vec![
                "Ana Ruiz 2022-12-07T10:10:52+01:00 25. Dezember 2022 |".into(),
                "Von Jane Doe".into(),
            ],
            ..Signals::default()
        };
        assert_eq!(s.authors(&[], &SiteNames::new(None, None, None)), vec!["Jane Doe".to_string()]);
        // When the metadata names her, or only a user name, it stands.
        let s = Signals { header_lines: vec!["Von Jane Doe und Ana Ruiz".into()], ..s };
        assert_eq!(s.authors(&[], &SiteNames::new(None, None, None)), vec!["Ana Ruiz".to_string()]);
        let s = Signals {
            ld: LdArticle { authors: vec!["jdoe1984".into()], ..LdArticle::default() },
            header_lines: vec!["Interview: Ana Ruiz".into()],
            ..Signals::default()
        };
        assert_eq!(s.authors(&[], &SiteNames::new(None, None, None)), vec!["jdoe1984".to_string()]);
    }

    #[test]
    fn a_desk_signs_when_no_person_does() {
        let site = SiteNames::new(Some("Tennis Weekly"), None, None);
        let s = Signals { byline_texts: vec!["von Redaktion, 24. Januar 2022".into()], ..Signals::default() };
        assert_eq!(s.authors(&[], &site), vec!["Redaktion".to_string()]);
        // A person anywhere in the cascade comes first.
        let s = Signals {
            byline_texts: vec!["von Redaktion".into()],
            header_lines: vec!["Von Jane Doe".into()],
            ..Signals::default()
        };
        assert_eq!(s.authors(&[], &site), vec!["Jane Doe".to_string()]);
        // Metadata alone does not sign with a desk: the page must show it.
        let s = Signals { meta_authors: vec!["Redaktion".into()], ..Signals::default() };
        assert!(s.authors(&[], &site).is_empty());
    }

    #[test]
    fn name_and_stamp_in_elements_of_their_own() {
        let cases: &[(&[&str], Option<&str>)] = &[
            (&["Jane Doe", "am", "Mittwoch, 26.01.2022 - 14:30"], Some("Jane Doe")),
            (&["Jane Doe", "|", "03.03.2023"], Some("Jane Doe")),
            // A name beside a date without a joint stays unread, as does a joint before no stamp.
            (&["Jane Doe", "Mittwoch, 26.01.2022 - 14:30"], None),
            (&["Jane Doe", "am", "Ufer der Elbe"], None),
        ];
        for (lines, want) in cases {
            let lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            assert_eq!(signature(&lines, 0), want.map(|w| vec![w.to_string()]), "{lines:?}");
        }
    }

    #[test]
    fn sites_named_for_their_author() {
        let site = SiteNames::new(Some("Wolfgang Schmale"), None, None);
        let mut s = Signals {
            site_name: Some("Wolfgang Schmale".into()),
            ld: LdArticle { authors: vec!["Wolfgang Schmale".into()], ..LdArticle::default() },
            ..Signals::default()
        };
        assert_eq!(s.authors(&[], &site), vec!["Wolfgang Schmale".to_string()]);
        // A site's name alone, without metadata naming it the author, signs nothing.
        s.ld.authors.clear();
        assert!(s.authors(&[], &site).is_empty());
    }

    #[test]
    fn desks_named_by_their_brand() {
        let s = Signals {
            ld: LdArticle { authors: vec!["HLNF".into()], ..LdArticle::default() },
            meta_authors: vec!["HLNF Staff Report".into()],
            ..Signals::default()
        };
        assert!(s.authors(&[], &SiteNames::new(None, None, None)).is_empty());
        let s = Signals {
            ld: LdArticle { authors: vec!["Greentech.LIVE".into()], ..LdArticle::default() },
            byline_texts: vec!["Greentech.LIVE Redaktion".into(), "Jane Doe".into()],
            ..Signals::default()
        };
        assert_eq!(s.authors(&[], &SiteNames::new(None, None, None)), vec!["Jane Doe".to_string()]);
    }

    #[test]
    fn editors_are_not_authors() {
        let s = Signals {
            ld: LdArticle { authors: vec!["Ed Itor".into()], ..LdArticle::default() },
            byline_texts: vec!["Jane Doe".into(), "Editor : Ed Itor".into()],
            ..Signals::default()
        };
        assert_eq!(s.authors(&[], &SiteNames::new(None, None, None)), vec!["Jane Doe".to_string()]);
        // The translator's user name in the metadata, her full name beside the byline; a
        // one-word editor.
        let s = Signals {
            ld: LdArticle { authors: vec!["sarah-indra".into()], ..LdArticle::default() },
            byline_texts: vec!["Jane Doe".into(), "Übersetzung Sarah-Indra Jungblut, 12.12.22".into()],
            ..Signals::default()
        };
        assert_eq!(s.authors(&[], &SiteNames::new(None, None, None)), vec!["Jane Doe".to_string()]);
        let s = Signals {
            ld: LdArticle { authors: vec!["Heryadi".into()], ..LdArticle::default() },
            byline_texts: vec!["Jane Doe".into(), "Editor : Heryadi".into()],
            ..Signals::default()
        };
        assert_eq!(s.authors(&[], &SiteNames::new(None, None, None)), vec!["Jane Doe".to_string()]);
    }

    #[test]
    fn signature_at_the_article_foot() {
        // No byline near the headline; the text closes with its author's signature, and a
        // sidebar signs for someone else.
        let html = include_str!("../../../../tests/fixtures/html/meta-author-signature.html");
        let s = super::super::gather(&Document::parse(html));
        assert!(s.foot_lines.iter().all(|l| !l.contains("Kaltwasser")));
        assert_eq!(s.resolve(None, &[], None).byline, vec!["Hedwig Sarnow".to_string()]);
    }

    #[test]
    fn byline_under_a_post_title_without_h1() {
        let html = r#"<html><head><title>Why the plan fails - A Site</title></head><body>
            <nav><p>By Nav Person | 01/02/2020</p></nav>
            <h2 class="title-block">Why the plan fails</h2>
            <h4>By Jane Doe | 12/10/2020</h4><p>Text of the post.</p></body></html>"#;
        let s = super::super::gather(&Document::parse(html));
        assert!(s.header_lines.is_empty());
        assert_eq!(s.resolve(None, &[], None).byline, vec!["Jane Doe".to_string()]);
    }

    #[test]
    fn bylines_in_post_containers_despite_layout_classes() {
        // Blogger sets posts inside a "widget"; some themes call the content column "sidebar".
        let blogger = r#"<html><body><div class="widget Blog" id="Blog1">
            <div class="post hentry" itemprop="blogPost"><h3 class="post-title">A post title here</h3>
            <span class="post-author vcard"><a rel="author" href="/p"><span itemprop="name">Jane Doe</span></a></span>
            <div class="post-body"><p>Text.</p></div>
            <div class="comments"><span class="comment-author">Gerd Wallner</span></div></div></div></body></html>"#;
        let s = super::super::gather(&Document::parse(blogger));
        assert_eq!(s.markup_authors, vec!["Jane Doe".to_string()]);
        let themed = r#"<html><body><article><div id="sidebar" class="content-area">
            <header class="entry-header"><h1>Experts in the crisis</h1>
            <span class="author vcard"><a rel="author" href="/a">Jane Doe</a></span></header>
            <p>Text.</p></div></article></body></html>"#;
        let s = super::super::gather(&Document::parse(themed));
        assert_eq!(s.resolve(None, &[], None).byline, vec!["Jane Doe".to_string()]);
    }

    #[test]
    fn names_in_sibling_elements() {
        // Three names in sibling spans run together as six words in the element's text.
        let html = r#"<html><body><article><h1>Eine Schlagzeile für den Test</h1>
            <div class="article-byline"><span>Jane Doe</span> <span>John Roe</span> <span>Ana Ruiz</span></div>
            <p>Text.</p></article></body></html>"#;
        let s = super::super::gather(&Document::parse(html));
        let want: Vec<String> = ["Jane Doe", "John Roe", "Ana Ruiz"].iter().map(|n| n.to_string()).collect();
        assert_eq!(s.resolve(None, &[], None).byline, want);
    }

    #[test]
    fn article_classes_read_as_words() {
        // "ngart--preview" holds "review" but marks no review; a real comment article does.
        let html = r#"<html><body><article class="node ngart ngart--preview"><h1>Goats ruled this island</h1>
            <div class="sharekit__contributors--author">By <span>Jane Doe</span></div><p>Text.</p></article>
            <article class="comment-item"><div class="author">John Roe</div></article></body></html>"#;
        let s = super::super::gather(&Document::parse(html));
        assert_eq!(s.byline_texts, vec!["By Jane Doe".to_string(), "By, Jane Doe".to_string()]);
        assert_eq!(s.resolve(None, &[], None).byline, vec!["Jane Doe".to_string()]);
    }

    #[test]
    fn byline_block_under_the_headline_and_listings() {
        // The block right after the <h1> is the article's, though a layout class calls it a
        // teaser; a listing of other articles signs them, not this one.
        let html = r#"<html><body><div class="listing"><div class="fachartikel-listing__item__author">Von John Roe am 08.12.2022</div></div>
            <article><h1>Es kommt darauf an</h1>
            <div class="teaser-small__metadata"><p class="byline__author"> VON <a href="/a">JANE DOE</a> am 21. April 2020 </p></div>
            <p>Text.</p></article></body></html>"#;
        let s = super::super::gather(&Document::parse(html));
        assert!(s.byline_texts.iter().all(|t| !t.contains("John Roe")));
        assert_eq!(s.resolve(None, &[], None).byline, vec!["Jane Doe".to_string()]);
    }

    #[test]
    fn capitalised_author_classes() {
        // CSS selectors match class text case-sensitively; camel-case classes count too.
        let html = r#"<html><body><article><header><h1>Venezuela nach der Wahl</h1>
            <ul class="metaInfoAuthorList"><li class="metaInfoAuthorList-item"><a href="/a">Jane Doe</a></li></ul>
            </header><p>Text.</p></article></body></html>"#;
        let s = super::super::gather(&Document::parse(html));
        assert!(s.byline_texts.contains(&"Jane Doe".to_string()));
        assert_eq!(s.resolve(None, &[], None).byline, vec!["Jane Doe".to_string()]);
    }

    #[test]
    fn autor_classes_mark_bylines() {
        // German and Spanish pages mark the byline "autor"; the photo's author, a related list
        // and an author's photo are marked so too.
        let html = r#"<html><body><article><h1>Una noticia de prueba aquí</h1>
            <span class="foto-autor">Foto: John Roe</span>
            <div class="tools"><div class="autor"><h6>Jane Doe | Publicado hace 3 horas</h6></div></div>
            <p>Texto.</p><ul class="kontextliste-autor"><li>Nachricht</li></ul></article></body></html>"#;
        let s = super::super::gather(&Document::parse(html));
        assert_eq!(s.byline_texts, vec!["Jane Doe | Publicado hace 3 horas".to_string()]);
        assert_eq!(s.resolve(None, &[], None).byline, vec!["Jane Doe".to_string()]);
    }

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
    fn sites_named_for_a_doctor() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Zeitphilosophie – Dr. Jane Doe", Some("Jane Doe")),
            ("Prof. Dr. Jane Doe | Blog", Some("Jane Doe")),
            ("Backrezepte | Dr. Oetker", None),
            ("Dr. Jane Doe und die Folgen der Reform", None),
        ];
        for (title, want) in cases {
            assert_eq!(titled_owner(title).as_deref(), *want, "{title}");
        }
        let s = Signals { title: Some("Zeitphilosophie – Dr. Jane Doe".into()), ..Signals::default() };
        assert_eq!(s.authors(&[], &SiteNames::new(None, None, None)), vec!["Jane Doe".to_string()]);
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
        // A user name in the first byline element beats a full name in a later one (a teaser).
        let s = Signals { byline_texts: vec!["jdoe".into(), "Ana Ruiz".into()], ..Signals::default() };
        assert_eq!(s.authors(&[], &SiteNames::new(None, None, None)), vec!["jdoe".to_string()]);
    }

    #[test]
    fn a_heading_spells_out_the_first_name() {
        // The byline gives a first name; a sidebar widget "Mehr von …" the full one.
        let html = "<html><body><article><h1>Einmal zahlen</h1>\
            <p class=\"byline\">Von <span class=\"author\">Jane</span></p><p>Der Text.</p></article>\
            <aside class=\"widget\"><h3 class=\"widget-title\">MEHR VON JANE DOE</h3></aside></body></html>";
        let s = super::super::gather(&Document::parse(html));
        assert_eq!(s.author_spellings, vec!["Jane Doe".to_string()]);
        assert_eq!(s.authors(&[], &SiteNames::new(None, None, None)), vec!["Jane Doe".to_string()]);
        // Another person's name in such a heading leaves the byline alone.
        let s = Signals {
            byline_texts: vec!["Von Jane".into()],
            author_spellings: vec!["John Roe".into()],
            ..Signals::default()
        };
        assert_eq!(s.authors(&[], &SiteNames::new(None, None, None)), vec!["Jane".to_string()]);
    }

    #[test]
    fn a_licence_line_spells_out_initials() {
        let html = "<html><body><article><h1>Nach langer Zeit</h1>\
            <p>Posted by <span class=\"author\">JD</span></p><p>Der Text.</p></article>\
            <footer><span>Ein Tagebuch</span> von <a href=\"/\" rel=\"cc:attributionURL\">Jane Doe</a> \
            steht unter einer <a rel=\"license\" href=\"/l\">Lizenz</a></footer></body></html>";
        let s = super::super::gather(&Document::parse(html));
        assert_eq!(s.licence_holders, vec!["Jane Doe".to_string()]);
        assert_eq!(s.authors(&[], &SiteNames::new(None, None, None)), vec!["Jane Doe".to_string()]);
        // A first name is how the blogger signs: it stays.
        let s = Signals {
            byline_texts: vec!["Jane".into()],
            licence_holders: vec!["Jane Doe".into()],
            ..Signals::default()
        };
        assert_eq!(s.authors(&[], &SiteNames::new(None, None, None)), vec!["Jane".to_string()]);
    }

    #[test]
    fn a_labelled_sidebar_name_spells_out_the_metadata_first_name() {
        let html = "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \
            \"author\": {\"@type\": \"Person\", \"name\": \"Jane\"}}</script></head><body>\
            <h1>New Robot Samples Blood</h1><section class=\"article-sidebar\"><div><p>By</p></div>\
            <div><p class=\"full-name\">Jane Doe</p></div></section><article><p>The text.</p></article></body></html>";
        let s = super::super::gather(&Document::parse(html));
        assert_eq!(s.author_spellings, vec!["Jane Doe".to_string()]);
        assert_eq!(s.resolve(None, &[], None).byline, vec!["Jane Doe".to_string()]);
    }
}
