//! The metadata cascade of an HTML page: canonical URL, outlet, headline, authors, publication
//! and modification dates, section, language, description, and figure captions and credits.
//!
//! One pass over the parsed page ([`gather`]) collects every signal into [`Signals`]: JSON-LD
//! objects ([`jsonld`]), `<meta>` tags (Open Graph, `article:*`, Dublin Core, Parse.ly,
//! Sailthru …), `<link rel=canonical>`, `rel=author` and `itemprop=author` markup, byline
//! elements, `<time>` elements, `<h1>` and `<title>`, and the visible lines around the
//! headline. [`Signals::resolve`] then applies the cascade in one place, strongest source
//! first, with one submodule per field: [`headline`], [`authors`], [`published`]. Date strings
//! go through `extract::date`, author strings through `extract::byline`; this module parses
//! neither itself. It does not extract the body (see `body`).

mod authors;
mod headline;
mod jsonld;
mod published;

use trafilatura::dom::{Document, NodeId};

use crate::article::PubDate;
use crate::extract::{byline, date};

use authors::SiteNames;
use jsonld::read_json_ld;
pub use jsonld::LdArticle;

/// Everything the page states about itself, before the cascade picks.
#[derive(Debug, Default)]
pub struct Signals {
    pub canonical: Option<String>,
    pub og_url: Option<String>,
    pub og_title: Option<String>,
    pub twitter_title: Option<String>,
    pub meta_title: Option<String>,
    pub title: Option<String>,
    pub h1: Vec<String>,
    /// `<h1>`s that mark a kicker inside them (`<span class="kicker">Klimaschutz</span>
    /// <span>Bohren, bis es heiß wird</span>`): the kicker and the headline proper.
    pub h1_kickers: Vec<(String, String)>,
    /// Titles of the post that blogs set in other elements than `<h1>` (`h2.entry-title`,
    /// `.post-title`, `itemprop=headline`), for pages without an article `<h1>`.
    pub post_titles: Vec<String>,
    /// Texts of `<h2>`/`<h3>` headings outside sidebars and comments, in page order.
    pub sub_heads: Vec<String>,
    /// `<h1>`s that hold the site's name (a logo or `site-title` in the page header).
    pub site_titles: Vec<String>,
    pub site_name: Option<String>,
    pub description: Option<String>,
    pub section: Option<String>,
    pub html_lang: Option<String>,
    pub meta_lang: Option<String>,
    /// Author strings from `<meta>` tags, in priority order.
    pub meta_authors: Vec<String>,
    /// Author names from `rel=author` / `itemprop=author` markup.
    pub markup_authors: Vec<String>,
    /// Texts of byline elements (`class*=byline`, `class*=author`, `class=autor`).
    pub byline_texts: Vec<String>,
    /// Published-date strings from `<meta>` and `itemprop` markup, in priority order.
    pub meta_published: Vec<String>,
    /// Dates of the generic `<meta name=date>` kind (`date`, `dc.date`, `dcterms.date`), which
    /// many sites fill with the day the page was built rather than published.
    pub meta_dates: Vec<String>,
    pub meta_modified: Vec<String>,
    /// `datetime` attributes of `<time>` elements, with whether the element says it is the
    /// publication time (`itemprop=datePublished`, `pubdate`, a "publish" class).
    pub times: Vec<(String, bool)>,
    pub ld: LdArticle,
    /// Visible text lines around the article's `<h1>`: the few just above it and those between
    /// it and the start of the body, where unmarked bylines and dates stand.
    pub header_lines: Vec<String>,
    /// For pages without an article `<h1>`: the lines around the heading that holds the post's
    /// title (an `<h2 class="entry-title">`), read for bylines only.
    pub title_lines: Vec<String>,
    /// The last visible lines of the article element, where signatures ("Von Jane Doe",
    /// "Autorin: Jane Doe", "© 2019 Jane Doe") close the text.
    pub foot_lines: Vec<String>,
    /// The first date the page's visible text labels as the publication's ("Erschienen am:
    /// 13.10.2021", "Posted on September 21, 2020"), wherever it stands.
    pub labelled_published: Option<String>,
    /// The first date the visible text labels as the last change ("Letzte Änderung: …").
    pub labelled_updated: Option<String>,
    /// Short texts of elements whose class or id names a date or time (`<span
    /// class="post-date">`, `<div class="timestamp">`, `<p class="datum">`) outside comments,
    /// sidebars and teasers, in page order: where a page without a headline block shows its
    /// date. Each with the element's class and id, which tell the items of one list apart.
    pub date_texts: Vec<(String, String)>,
    /// The page's visible words (see [`norm`]), space-framed; read only on pages whose
    /// JSON-LD or `<meta>` names authors, to tell whether readers see those names.
    pub page_words: Option<String>,
    pub captions: Vec<String>,
    pub credits: Vec<String>,
    /// Full names the page gives its author in a heading anywhere, sidebars included: a widget
    /// "Mehr von Jane Doe". Read only to write out a first name or initials that a byline
    /// gives ("Jane", "JD").
    pub author_spellings: Vec<String>,
    /// The person a Creative Commons licence line credits (`<a rel="cc:attributionURL">Jane
    /// Doe</a>`): on a blog its writer, read only to write out the initials a byline gives.
    pub licence_holders: Vec<String>,
}

/// The cascade's answer.
#[derive(Debug, Default, Clone)]
pub struct PageMeta {
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub headline: Option<String>,
    pub byline: Vec<String>,
    pub published: Option<PubDate>,
    pub published_text: Option<String>,
    pub modified: Option<PubDate>,
    pub section: Option<String>,
    pub language: Option<String>,
    pub description: Option<String>,
}

/// Gathers the signals of a parsed page in one walk.
pub fn gather(doc: &Document) -> Signals {
    let mut s = Signals::default();
    let root = doc.root();
    for id in doc.iter(root, &[]).into_iter().filter(|&id| carries_signals(doc, id)) {
        let tag = doc.tag_name(id).to_ascii_lowercase();
        match tag.as_str() {
            "html" if s.html_lang.is_none() => {
                s.html_lang = attr(doc, id, "lang").or_else(|| attr(doc, id, "xml:lang"));
            }
            "title" if s.title.is_none() => {
                s.title = clean_text(&doc.text_content(id));
            }
            // A heading only screen readers get ("Navigation und Service") is no headline.
            "h1" if !is_reader_only(doc, id) => {
                if let Some(t) = clean_text(&doc.text_content(id)) {
                    if is_site_title(doc, id) {
                        s.site_titles.push(t);
                    } else {
                        s.h1_kickers.extend(split_kicker(doc, id));
                        s.h1.push(t);
                    }
                }
            }
            "meta" => meta_tag(doc, id, &mut s),
            "link" => {
                let rel = attr(doc, id, "rel").unwrap_or_default().to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && s.canonical.is_none() {
                    s.canonical = attr(doc, id, "href").filter(|h| is_absolute(h));
                }
            }
            "script" => {
                let ty = attr(doc, id, "type").unwrap_or_default().to_ascii_lowercase();
                if ty.contains("ld+json") {
                    // Hand-written scripts break lines inside their strings ("articleBody":
                    // "First paragraph.⏎Second …"), which strict JSON forbids; as whitespace
                    // between values such characters mean the same as a space.
                    let raw = doc.text_content(id).replace(|c: char| c.is_ascii_control(), " ");
                    read_json_ld(&raw, &mut s.ld);
                }
            }
            _ => {}
        }
        if tag == "time" {
            if let Some(dt) = attr(doc, id, "datetime").or_else(|| attr(doc, id, "content")) {
                let marked = attr(doc, id, "itemprop")
                    .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                    || attr(doc, id, "pubdate").is_some()
                    || attr(doc, id, "class").is_some_and(|c| c.to_ascii_lowercase().contains("publish"));
                s.times.push((dt, marked));
            }
        }
        element_markup(doc, id, &tag, &mut s);
        author_spelling(doc, id, &tag, &mut s);
        licence_holder(doc, id, &tag, &mut s);
        if matches!(tag.as_str(), "h2" | "h3") && s.sub_heads.len() < 30 && !outside_article(doc, id) {
            if let Some(t) = clean_text(&doc.text_content(id)).filter(|t| t.chars().count() <= 300) {
                s.sub_heads.push(t);
            }
        }
        if s.date_texts.len() < DATE_TEXTS
            && names_date(doc, id)
            && !outside_article(doc, id)
            && !is_hidden(doc, id)
            && !in_site_header(doc, id)
        {
            if let Some(t) = clean_text(&doc.text_content(id)).filter(|t| t.chars().count() <= 80) {
                let names = format!("{} {}", doc.class_name(id), doc.id_attr(id));
                s.date_texts.push((names, t));
            }
        }
        if is_post_title(doc, id, &tag) && s.post_titles.len() < 4 {
            if let Some(t) = clean_text(&doc.text_content(id)).filter(|t| t.chars().count() <= 300) {
                s.post_titles.push(t);
            }
        }
    }
    s.header_lines = header_lines(doc, &s.site_titles, None);
    if s.header_lines.is_empty() {
        if let Some(anchor) = title_anchor(&s) {
            s.title_lines = header_lines(doc, &s.site_titles, Some(&anchor));
        }
    }
    s.foot_lines = foot_lines(doc, &s.site_titles);
    // Labelled dates are read only on pages whose markup states no publication date, and the
    // page's words only where metadata names authors: the page's whole text is long.
    let want_dates =
        s.ld.published.is_none() && s.meta_published.is_empty() && !s.times.iter().any(|(_, marked)| *marked);
    let mut want_words = !s.ld.authors.is_empty() || !s.meta_authors.is_empty();
    if want_words {
        // Most pages show their byline around the headline or in byline markup: when every
        // name the metadata gives is there, those lines are the words to check against.
        let shown = [&s.header_lines, &s.title_lines, &s.foot_lines, &s.byline_texts, &s.markup_authors];
        let text: Vec<&str> = shown.into_iter().flatten().map(String::as_str).collect();
        let text = text.join(" \n ");
        s.page_words = Some(String::from(" "));
        s.add_page_text(&text);
        let named = s.ld.authors.iter().chain(&s.meta_authors);
        want_words = !named.clone().all(|n| s.shows_name(n));
    }
    if want_dates || want_words {
        let text = visible_text(doc);
        if want_dates {
            s.labelled_published = published::labelled_date(&text, &published::PUBLISHED_LABEL);
            s.labelled_updated = published::labelled_date(&text, &published::UPDATED_LABEL);
        }
        if want_words {
            s.page_words = Some(String::from(" "));
            s.add_page_text(&text);
            s.author_spellings.extend(labelled_names(doc));
        }
    }
    s
}

/// The heading text that titles the post on a page without an article `<h1>`: a marked post
/// title, else the first `<h2>`/`<h3>` that the `<title>` or `og:title` begins with.
fn title_anchor(s: &Signals) -> Option<String> {
    if let Some(t) = s.post_titles.first() {
        return Some(t.clone());
    }
    let titles: Vec<String> = [&s.og_title, &s.title].into_iter().flatten().map(|t| norm(t)).collect();
    s.sub_heads
        .iter()
        .find(|h| {
            let h = norm(h);
            h.split_whitespace().count() >= 3 && titles.iter().any(|t| t.starts_with(&h))
        })
        .cloned()
}

/// Lines kept from the end of the article element.
const FOOT_LINES: usize = 12;
/// True when an element holds an article's text: three paragraphs and 1,000 characters
/// (the walk stops as soon as both are seen).
fn holds_text(doc: &Document, id: NodeId) -> bool {
    let (mut paragraphs, mut chars, mut steps) = (0, 0, 0);
    let mut stack = vec![id];
    while let Some(n) = stack.pop() {
        steps += 1;
        if steps > 50_000 {
            break;
        }
        if doc.is_text(n) {
            chars += doc.text_content(n).len();
        } else {
            paragraphs += usize::from(doc.tag_name(n).eq_ignore_ascii_case("p"));
            stack.extend(doc.child_nodes(n));
        }
        if paragraphs >= 3 && chars >= 1000 {
            return true;
        }
    }
    false
}

/// Children of the article element read for its last lines.
const FOOT_CHILDREN: usize = 60;

/// The last [`FOOT_LINES`] visible lines of the article: the `<article>` around the headline,
/// else the `itemprop=articleBody` element, else the first `<article>` that is no comment.
/// Page chrome inside it (share bars, related lists, comments) is skipped.
fn foot_lines(doc: &Document, site_titles: &[String]) -> Vec<String> {
    let root = doc.root();
    let h1 = doc.query_selector_all(root, "h1").into_iter().find(|&h| {
        !is_reader_only(doc, h) && clean_text(&doc.text_content(h)).is_some_and(|t| !site_titles.contains(&t))
    });
    let around_h1 = h1.and_then(|h| {
        let mut cur = doc.parent(h);
        for _ in 0..40 {
            let n = cur?;
            if doc.tag_name(n).eq_ignore_ascii_case("article") {
                return Some(n);
            }
            cur = doc.parent(n);
        }
        None
    });
    // Without an <article>, the nearest block around the headline that holds the text.
    let text_block = h1.and_then(|h| {
        let mut cur = doc.parent(h);
        for _ in 0..12 {
            let n = cur?;
            if matches!(doc.tag_name(n).to_ascii_lowercase().as_str(), "body" | "html") {
                return None;
            }
            if holds_text(doc, n) {
                return Some(n);
            }
            cur = doc.parent(n);
        }
        None
    });
    let Some(article) = around_h1
        .or_else(|| doc.query_selector(root, "[itemprop=articleBody]"))
        .or_else(|| doc.query_selector_all(root, "article").into_iter().find(|&a| !is_page_chrome(doc, a)))
        .or(text_block)
    else {
        return Vec::new();
    };
    // Only the end matters: past single-child wrappers, the last children of the element are
    // read, so a long article costs no more than a short one.
    let mut top = article;
    for _ in 0..20 {
        match doc.children(top).as_slice() {
            [only] => top = *only,
            _ => break,
        }
    }
    let children = doc.child_nodes(top);
    let tail = &children[children.len().saturating_sub(FOOT_CHILDREN)..];
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    // (node, leaving a block: the line ends here)
    let mut stack: Vec<(NodeId, bool)> = tail.iter().rev().map(|&c| (c, false)).collect();
    let mut visited = 0usize;
    while let Some((id, leaving)) = stack.pop() {
        visited += 1;
        if visited > 100_000 {
            break;
        }
        if leaving {
            lines.extend(clean_text(&cur));
            cur.clear();
            continue;
        }
        if doc.is_text(id) {
            cur.push(' ');
            cur.push_str(&doc.text_content(id));
            continue;
        }
        if !doc.is_element(id) {
            continue;
        }
        let tag = doc.tag_name(id).to_ascii_lowercase();
        // The article's own <footer> is where it signs; other skipped tags stay skipped.
        let skipped = is_skipped(doc, id, &tag) && tag != "footer";
        if skipped || is_page_chrome(doc, id) {
            continue;
        }
        if BLOCK_TAGS.contains(&tag.as_str()) || tag == "footer" {
            lines.extend(clean_text(&cur));
            cur.clear();
            stack.push((id, true));
        }
        for child in doc.child_nodes(id).into_iter().rev() {
            stack.push((child, false));
        }
    }
    lines.extend(clean_text(&cur));
    let start = lines.len().saturating_sub(FOOT_LINES);
    lines.split_off(start)
}

/// Tags whose text is never a byline: scripts, navigation, forms, page chrome.
const SKIPPED_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "footer",
    "aside",
    "form",
    "select",
    "button",
    "iframe",
    "figure",
    "figcaption",
    "head",
    "textarea",
    "label",
];

/// The page's text without scripts, styles and the `<head>`, text nodes joined by spaces; at
/// most [`VISIBLE_TEXT_MAX`] bytes.
fn visible_text(doc: &Document) -> String {
    let mut out = String::new();
    for_each_visible_text(doc, |t| {
        out.push(' ');
        out.push_str(t);
        out.len() <= VISIBLE_TEXT_MAX
    });
    out
}

/// Calls `visit` with each text node a reader sees, in document order (scripts, styles,
/// templates, the head and inline SVG are skipped), until it returns false.
fn for_each_visible_text(doc: &Document, mut visit: impl FnMut(&str) -> bool) {
    let mut stack = vec![doc.root()];
    while let Some(id) = stack.pop() {
        if doc.is_text(id) {
            if !visit(&doc.text_content(id)) {
                return;
            }
            continue;
        }
        if doc.is_element(id)
            && matches!(
                doc.tag_name(id).to_ascii_lowercase().as_str(),
                "script" | "style" | "noscript" | "template" | "head" | "svg"
            )
        {
            continue;
        }
        stack.extend(doc.child_nodes(id).into_iter().rev());
    }
}

/// The full name (two words or more) that a text is and nothing else: "Jane Doe" alone on
/// its line, not "Von Jane Doe" or "Jane".
pub(super) fn lone_full_name(text: &str) -> Option<String> {
    match byline::parse_byline_element(text)?.as_slice() {
        [one] if one.contains(' ') && norm(one) == norm(text) => Some(one.clone()),
        _ => None,
    }
}

/// Full names that stand in an element of their own right after a byline label in one
/// ("<p>By</p><p>Todd Bates</p>"), anywhere on the page: sidebars that hold the article's
/// facts too. Read only to write out a first name the metadata gives (at most 12, among the
/// first 100,000 text nodes).
fn labelled_names(doc: &Document) -> Vec<String> {
    const LABELS: &[&str] = &["by", "von", "autor", "autorin", "author", "written by", "par", "por"];
    let mut out = Vec::new();
    let mut labelled = false;
    let mut steps = 0usize;
    for_each_visible_text(doc, |text| {
        steps += 1;
        let Some(t) = clean_text(text) else {
            return true;
        };
        if labelled {
            out.extend(lone_full_name(&t));
        }
        let label = t.trim_end_matches(':').trim().to_lowercase();
        labelled = LABELS.contains(&label.as_str());
        steps < 100_000 && out.len() < 12
    });
    out
}

/// Bytes of page text read for labelled dates.
const VISIBLE_TEXT_MAX: usize = 400_000;

/// True for an element of the [`SKIPPED_TAGS`], except a `<form>` that holds a `<h1>`: some
/// frameworks (ASP.NET Web Forms) wrap the whole page in one form.
fn is_skipped(doc: &Document, id: NodeId, tag: &str) -> bool {
    SKIPPED_TAGS.contains(&tag) && !(tag == "form" && doc.query_selector(id, "h1").is_some())
}

/// Tags that end a visible line.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "main",
    "br",
    "tr",
    "td",
    "th",
    "table",
    "dd",
    "dt",
    "dl",
    "address",
    "blockquote",
    "hr",
    "pre",
];

/// Lines kept above the `<h1>` (kickers, dates and bylines set over the headline).
const LINES_ABOVE: usize = 3;
/// Lines read below the `<h1>` before giving up on the header zone.
const LINES_BELOW: usize = 14;
/// Characters of body text below the `<h1>` after which the article has surely begun.
const CHARS_BELOW: usize = 1500;

/// The visible lines around the first article `<h1>` (not a site-title one), in reading
/// order: up to [`LINES_ABOVE`] lines before it and the lines after it until
/// [`LINES_BELOW`] lines or [`CHARS_BELOW`] characters. Comment sections, sidebars and page
/// chrome are skipped. Empty when the page has no article `<h1>`. With `anchor`, the heading
/// whose text it is takes the `<h1>`'s place.
fn header_lines(doc: &Document, site_titles: &[String], anchor: Option<&str>) -> Vec<String> {
    enum Step {
        Enter(NodeId, usize),
        Leave,
    }
    let mut above: Vec<String> = Vec::new();
    let mut below: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut seen_h1 = false;
    let mut chars_below = 0;
    let mut stack = vec![Step::Enter(doc.root(), 0)];
    let mut visited = 0usize;
    // Ends the current line, filing it above or below the headline.
    let flush = |cur: &mut String, seen_h1: bool, above: &mut Vec<String>, below: &mut Vec<String>| {
        if let Some(t) = clean_text(cur) {
            if seen_h1 {
                below.push(t);
            } else {
                above.push(t);
                if above.len() > LINES_ABOVE {
                    above.remove(0);
                }
            }
        }
        cur.clear();
    };
    while let Some(step) = stack.pop() {
        visited += 1;
        if visited > 200_000 || below.len() >= LINES_BELOW || chars_below > CHARS_BELOW {
            break;
        }
        match step {
            Step::Enter(id, depth) => {
                if doc.is_text(id) {
                    // Inline elements often stand without spaces between them
                    // ("<span>By</span><a>Jane Doe</a>"); a space keeps their words apart.
                    cur.push(' ');
                    cur.push_str(&doc.text_content(id));
                    continue;
                }
                if !doc.is_element(id) && id != doc.root() {
                    continue;
                }
                let tag = doc.tag_name(id).to_ascii_lowercase();
                if is_skipped(doc, id, &tag) || depth > 200 || is_page_chrome(doc, id) {
                    continue;
                }
                let block = BLOCK_TAGS.contains(&tag.as_str());
                if block {
                    flush(&mut cur, seen_h1, &mut above, &mut below);
                }
                // With an `anchor`, the heading holding that text stands in for the `<h1>`.
                let heading = match anchor {
                    None => tag == "h1",
                    Some(_) => matches!(tag.as_str(), "h1" | "h2" | "h3" | "h4"),
                };
                if heading && !seen_h1 && !is_reader_only(doc, id) {
                    let text = clean_text(&doc.text_content(id));
                    let is_headline = match anchor {
                        None => text.as_ref().is_some_and(|t| !site_titles.contains(t)),
                        Some(a) => text.as_deref() == Some(a),
                    };
                    if is_headline {
                        seen_h1 = true;
                        // The headline itself is neither above nor below.
                        continue;
                    }
                }
                if block {
                    stack.push(Step::Leave);
                }
                for child in doc.child_nodes(id).into_iter().rev() {
                    stack.push(Step::Enter(child, depth + 1));
                }
            }
            Step::Leave => {
                let before = below.len();
                flush(&mut cur, seen_h1, &mut above, &mut below);
                if below.len() > before {
                    chars_below += below.last().map_or(0, |l| l.chars().count());
                }
            }
        }
    }
    if !seen_h1 {
        return Vec::new();
    }
    flush(&mut cur, seen_h1, &mut above, &mut below);
    above.into_iter().chain(below).collect()
}

/// True when an element is a comment section, sidebar, widget, share bar or teaser list
/// (by its class or id), whose names sign other texts.
fn is_page_chrome(doc: &Document, id: NodeId) -> bool {
    const MARKS: &[&str] = &["share", "social", "breadcrumb", "menu", "navigation", "cookie", "newsletter"];
    // An article's own classes describe the layout around it ("sticky-sidebar-parent").
    if matches!(doc.tag_name(id).to_ascii_lowercase().as_str(), "article" | "main" | "body") {
        return has_class_mark(doc, id, &["comment", "review"]);
    }
    has_any_class_mark(doc, id, &[CHROME_MARKS, MARKS, EMBED_MARKS])
}

/// Class words of social posts embedded in an article (Facebook's `fb-post`, X's
/// `twitter-tweet`, Instagram's `instagram-media`): their "Posted by Jane Doe on …" signs the
/// quoted post, not the article.
const EMBED_MARKS: &[&str] = &["fb-post", "twitter-tweet", "instagram-media", "tiktok-embed"];

/// Class and id words of the page parts that hold other texts than the article: comment
/// sections, sidebars, widgets, teaser and related lists.
const CHROME_MARKS: &[&str] = &[
    "comment",
    "widget",
    "sidebar",
    "related",
    "respond",
    "teaser",
    "recommend",
    "popular",
    "trending",
    "listing",
];

/// True when a class or id word of the element starts with one of `marks`, or holds it after a
/// dash ("post-sidebar").
fn has_class_mark(doc: &Document, id: NodeId, marks: &[&str]) -> bool {
    has_any_class_mark(doc, id, &[marks])
}

/// [`has_class_mark`] for several lists of marks at once: the element's names are read once.
fn has_any_class_mark(doc: &Document, id: NodeId, lists: &[&[&str]]) -> bool {
    // Runs for every ancestor of every candidate element: one read of the two attributes, and
    // a word is lowercased only when it has capitals.
    let (class, id_attr) = (doc.class_name(id), doc.id_attr(id));
    class.split_whitespace().chain(id_attr.split_whitespace()).any(|word| {
        let lower;
        let word = if word.chars().any(char::is_uppercase) {
            lower = word.to_ascii_lowercase();
            lower.as_str()
        } else {
            word
        };
        // The word's start and each start after a dash.
        std::iter::once(word)
            .chain(word.match_indices('-').map(|(i, _)| &word[i + 1..]))
            .any(|part| lists.iter().flat_map(|l| l.iter()).any(|m| part.starts_with(m)))
    })
}

/// `<meta>` tags: name, property, itemprop or http-equiv, with content.
fn meta_tag(doc: &Document, id: NodeId, s: &mut Signals) {
    let content = match attr(doc, id, "content").and_then(|c| clean_text(&c)) {
        Some(c) => c,
        None => return,
    };
    let key = attr(doc, id, "property")
        .or_else(|| attr(doc, id, "name"))
        .or_else(|| attr(doc, id, "itemprop"))
        .or_else(|| attr(doc, id, "http-equiv"))
        .unwrap_or_default()
        .to_ascii_lowercase();
    match key.as_str() {
        "og:title" => set_once(&mut s.og_title, content),
        "twitter:title" => set_once(&mut s.twitter_title, content),
        "title" | "dc.title" | "headline" => set_once(&mut s.meta_title, content),
        "og:site_name" => set_once(&mut s.site_name, content),
        "og:url" if is_absolute(&content) => set_once(&mut s.og_url, content),
        "og:description" | "description" | "twitter:description" | "dc.description" => {
            set_once(&mut s.description, content)
        }
        "article:section" | "og:article:section" | "section" | "parsely-section" | "sailthru.section" => {
            set_once(&mut s.section, content)
        }
        "og:locale" | "language" | "content-language" | "dc.language" | "inlanguage" => {
            set_once(&mut s.meta_lang, content)
        }
        "author" | "article:author" | "og:article:author" | "dc.creator" | "dcterms.creator"
        | "sailthru.author" | "parsely-author" | "byl" | "cxenseparse:author" | "citation_author"
        | "dc.contributor" => s.meta_authors.push(content),
        "article:published_time"
        | "og:published_time"
        | "article:published"
        | "published_time"
        | "datepublished"
        | "pubdate"
        | "publishdate"
        | "publish-date"
        | "publish_date"
        | "dc.date.issued"
        | "dcterms.issued"
        | "dcterms.created"
        | "sailthru.date"
        | "parsely-pub-date"
        | "article.published"
        | "originalpublicationdate"
        | "cxenseparse:recs:publishtime"
        | "citation_publication_date"
        | "citation_date"
        | "og:article:published_time"
        | "release_date"
        | "displaydate"
        | "creation_date"
        | "created" => s.meta_published.push(content),
        "date" | "dc.date" | "dcterms.date" => s.meta_dates.push(content),
        "article:modified_time"
        | "og:updated_time"
        | "datemodified"
        | "dcterms.modified"
        | "lastmod"
        | "last-modified"
        | "article:modified"
        | "og:article:modified_time" => s.meta_modified.push(content),
        _ => {}
    }
}

/// Author and figure markup on any element.
fn element_markup(doc: &Document, id: NodeId, tag: &str, s: &mut Signals) {
    let itemprop = attr(doc, id, "itemprop").unwrap_or_default().to_ascii_lowercase();
    let rel = attr(doc, id, "rel").unwrap_or_default().to_ascii_lowercase();
    let class =
        format!("{} {}", attr(doc, id, "class").unwrap_or_default(), attr(doc, id, "id").unwrap_or_default())
            .to_ascii_lowercase();
    let author_markup =
        tag != "meta" && (rel.split_whitespace().any(|r| r == "author") || itemprop == "author");
    let is_byline = class.contains("byline")
        || (class.contains("author") && !class.contains("authorit") && !class.contains("author-bio"))
        || autor_class(&class);
    // Comment sections, sidebars and teaser lists sign other people's texts.
    if (author_markup || is_byline)
        && ((outside_article(doc, id) && !in_article_footer(doc, id) && !in_headline_header(doc, id))
            || is_hidden(doc, id)
            || in_licence_note(doc, id))
    {
        return figure_markup(doc, id, tag, &class, s);
    }
    if author_markup {
        // itemprop=author may wrap a name element and a bio; prefer the name.
        let name_id = doc.query_selector(id, "[itemprop=name]").unwrap_or(id);
        let text = attr(doc, name_id, "content").unwrap_or_else(|| doc.text_content(name_id));
        if let Some(t) = clean_text(&text).filter(|t| t.chars().count() <= 80) {
            s.markup_authors.push(t);
        }
    }
    if matches!(itemprop.as_str(), "datepublished" | "datecreated") && tag != "meta" && tag != "time" {
        if let Some(c) = attr(doc, id, "content").or_else(|| attr(doc, id, "datetime")) {
            s.meta_published.push(c);
        }
    }
    if itemprop == "datemodified" && tag != "meta" {
        if let Some(c) = attr(doc, id, "content").or_else(|| attr(doc, id, "datetime")) {
            s.meta_modified.push(c);
        }
    }
    if is_byline && !matches!(tag, "meta" | "link" | "script" | "html" | "body" | "article" | "main") {
        if let Some(t) = clean_text(&doc.text_content(id)).filter(|t| t.chars().count() <= 120) {
            // Names set in sibling elements run together in the text ("Jane DoeJohn Roe");
            // the element's text pieces joined by commas follow as a second reading, and are
            // the only one where the text misreads the element.
            let pieces = text_pieces(doc, id);
            let joined = pieces.join(", ");
            let split = pieces.len() >= 2 && joined.chars().count() <= 160;
            if !(split && runs_together(&t, &pieces)) {
                s.byline_texts.push(t);
            }
            if split {
                s.byline_texts.push(joined);
            }
        }
    }
    figure_markup(doc, id, tag, &class, s);
}

/// Files the name a licence's attribution link gives (see [`Signals::licence_holders`]).
fn licence_holder(doc: &Document, id: NodeId, tag: &str, s: &mut Signals) {
    let rel = attr(doc, id, "rel").unwrap_or_default().to_ascii_lowercase();
    if tag != "a" || s.licence_holders.len() >= 4 || !rel.split_whitespace().any(|r| r == "cc:attributionurl")
    {
        return;
    }
    let text = clean_text(&doc.text_content(id)).filter(|t| t.chars().count() <= 80);
    if let Some([name]) = text.and_then(|t| byline::parse_byline_element(&t)).as_deref() {
        s.licence_holders.push(name.clone());
    }
}

/// Files a full name a heading gives the page's author (see [`Signals::author_spellings`]).
fn author_spelling(doc: &Document, id: NodeId, tag: &str, s: &mut Signals) {
    if s.author_spellings.len() >= 8 || !matches!(tag, "h2" | "h3") {
        return;
    }
    let Some(text) = clean_text(&doc.text_content(id)).filter(|t| t.chars().count() <= 80) else {
        return;
    };
    if let Some([name]) = byline::parse_archive_link(&text).as_deref() {
        s.author_spellings.push(name.clone());
    }
}

/// True when the element or one of its three nearest ancestors is a picture's licence note
/// (`<div class="license-info">… <a class="license-author">Jane Doe</a>`): its "author" is
/// the photographer.
fn in_licence_note(doc: &Document, id: NodeId) -> bool {
    const MARKS: &[&str] = &["license", "licence", "lizenz"];
    let mut cur = Some(id);
    for _ in 0..4 {
        let Some(n) = cur else {
            return false;
        };
        if doc.is_element(n) && has_class_mark(doc, n, MARKS) {
            return true;
        }
        cur = doc.parent(n);
    }
    false
}

/// True for the German and Spanish byline classes (`class="autor"`, `entry-autor`,
/// `nombre-autor`): a class word with "autor" as one of its parts, in no photo credit
/// (`foto-autor`, `bildautor`), picture, biography, contact or list part (`kontextliste-autor`
/// signs the teasers of a related list).
fn autor_class(class: &str) -> bool {
    const OTHER_PARTS: &[&str] = &[
        "foto",
        "bild",
        "img",
        "image",
        "photo",
        "bio",
        "zitat",
        "email",
        "mail",
        "description",
        "descripcion",
        "folgen",
    ];
    class.split_whitespace().any(|word| {
        let parts: Vec<&str> = word.split(['-', '_']).collect();
        parts.iter().any(|p| matches!(*p, "autor" | "autores" | "autorin" | "autoren"))
            && !parts.iter().any(|p| OTHER_PARTS.contains(p) || p.contains("list"))
    })
}

/// The non-empty text nodes under an element, each cleaned (at most 12).
fn text_pieces(doc: &Document, id: NodeId) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![id];
    let mut steps = 0;
    while let Some(n) = stack.pop() {
        steps += 1;
        if steps > 200 || out.len() >= 12 {
            break;
        }
        if doc.is_text(n) {
            out.extend(clean_text(&doc.text_content(n)));
            continue;
        }
        for child in doc.child_nodes(n).into_iter().rev() {
            stack.push(child);
        }
    }
    out
}

/// Parts of class or id names that mark bylines and author boxes. Matched as written (class
/// names are case-sensitive), in the two spellings pages use.
const AUTHOR_NAME_PARTS: &[&str] = &["byline", "Byline", "author", "Author", "autor", "Autor"];

/// Parts of class names that mark photo credits and captions.
const FIGURE_NAME_PARTS: &[&str] = &["credit", "caption"];

/// True for the elements [`gather`] reads: the page's language, titles and headings, meta and
/// link tags, scripts, times, captions, microdata, author links (`rel~=author`) and elements
/// whose class names a byline, author, credit or caption. A hand-written test rather than a
/// CSS selector list: matching twenty selectors against every element was a tenth of a page's
/// parse time.
fn carries_signals(doc: &Document, id: NodeId) -> bool {
    let has = |name: &str| doc.get_attribute(id, name).is_some();
    match doc.tag_name(id) {
        "html" | "title" | "h1" | "h2" | "h3" | "meta" | "time" | "figcaption" => return true,
        "link" | "a" if has("rel") => return true,
        "script" if has("type") => return true,
        _ => {}
    }
    // Each attribute is read once (reading one copies its value).
    has("itemprop")
        || doc
            .get_attribute(id, "rel")
            .is_some_and(|rel| rel.split_ascii_whitespace().any(|t| t.eq_ignore_ascii_case("author")))
        || doc
            .get_attribute(id, "class")
            .is_some_and(|v| holds_part(&v, &[AUTHOR_NAME_PARTS, FIGURE_NAME_PARTS, DATE_NAME_PARTS]))
        // An author box named by its id ("author_header"). Ids naming credits or captions are
        // mostly the site's footer ("site-credits": "Powered by …"), so only authors count.
        || doc.get_attribute(id, "id").is_some_and(|v| holds_part(&v, &[AUTHOR_NAME_PARTS, DATE_NAME_PARTS]))
}

/// True when a class or id value holds one of the parts, as written.
fn holds_part(value: &str, parts: &[&[&str]]) -> bool {
    parts.iter().flat_map(|p| p.iter()).any(|p| value.contains(p))
}

/// True when the element's attribute `name` holds one of the parts, as written.
fn attr_holds(doc: &Document, id: NodeId, name: &str, parts: &[&[&str]]) -> bool {
    doc.get_attribute(id, name).is_some_and(|v| holds_part(&v, parts))
}

/// Texts kept in [`Signals::date_texts`]: the first few are the article's stamp, later ones
/// belong to lists further down the page.
const DATE_TEXTS: usize = 12;

/// True when an element sits in the page's own header or top bar (a `<header>`, or a block
/// classed `nav…`, `topbar`, `masthead`) that holds no `<h1>`: the date there is today's.
fn in_site_header(doc: &Document, id: NodeId) -> bool {
    let mut cur = Some(id);
    for _ in 0..40 {
        let Some(n) = cur else { break };
        let tag = doc.tag_name(n).to_ascii_lowercase();
        if matches!(tag.as_str(), "article" | "main" | "body") {
            return false;
        }
        if tag == "header" || has_class_mark(doc, n, &["nav", "topbar", "masthead", "site-header"]) {
            return doc.query_selector(n, "h1").is_none();
        }
        cur = doc.parent(n);
    }
    false
}

/// Parts of class or id names that mark an element holding a date or time, as pages write
/// them ("post-date", "entry-date", "timestamp", "article__time", German "datum").
const DATE_NAME_PARTS: &[&str] = &["date", "Date", "time", "Time", "datum", "Datum"];

/// True when an element's class or id names a date or time (see [`DATE_NAME_PARTS`]).
fn names_date(doc: &Document, id: NodeId) -> bool {
    attr_holds(doc, id, "class", &[DATE_NAME_PARTS]) || attr_holds(doc, id, "id", &[DATE_NAME_PARTS])
}

/// True when an element's text runs two of its pieces together where the second starts a word
/// ("SID" + "Nachrichtenagentur" read "SIDNachrichtenagentur", "Jane Doe" + "Jane writes about
/// …" read "Jane DoeJane writes …"): such text names no one, and the pieces are the reading to
/// keep. Pieces that split one word for styling ("Will Knigh" + "t") read as written.
fn runs_together(text: &str, pieces: &[String]) -> bool {
    let mut rest = text;
    let mut glued = false;
    for (i, piece) in pieces.iter().enumerate() {
        let next = rest.trim_start();
        let starts_word = piece.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '@');
        glued |= i > 0 && next.len() == rest.len() && starts_word;
        match next.strip_prefix(piece.as_str()) {
            Some(after) => rest = after,
            // The pieces do not spell the text (the walk stopped early): keep it.
            None => return false,
        }
    }
    glued && rest.trim().is_empty()
}

/// Class words of text set apart for screen readers (skip links, "Navigation und Service"
/// headings, the ": " between a kicker and its headline).
const READER_ONLY_MARKS: &[&str] =
    &["visually-hidden", "visuallyhidden", "hiddendash", "sr-only", "screen-reader", "aural", "navskip"];

/// True when an element is for screen readers only: `aria-hidden="true"` or a class such as
/// `sr-only`, `visually-hidden` or `aural`.
fn is_reader_only(doc: &Document, id: NodeId) -> bool {
    if attr(doc, id, "aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
        return true;
    }
    let class = doc.class_name(id).to_ascii_lowercase();
    class.split_whitespace().any(|c| READER_ONLY_MARKS.iter().any(|m| c.contains(m)))
}

/// True when an element or one of its near ancestors is hidden (`style="display:none"`,
/// `hidden`): themes repeat the author in hidden microformat blocks that no reader sees.
fn is_hidden(doc: &Document, id: NodeId) -> bool {
    let mut cur = Some(id);
    for _ in 0..4 {
        let Some(n) = cur else { break };
        if attr(doc, n, "hidden").is_some()
            || attr(doc, n, "style").is_some_and(|st| {
                let st = st.replace(char::is_whitespace, "").to_ascii_lowercase();
                st.contains("display:none") || st.contains("visibility:hidden")
            })
        {
            return true;
        }
        cur = doc.parent(n);
    }
    false
}

/// True when an element sits in the `<header>` that holds the article's `<h1>` (where the
/// byline stands under the headline) or in a blog post's own container, whatever layout
/// classes wrap them (`<div id="sidebar" class="content-area">` around a post, Blogger's
/// `widget Blog`).
fn in_headline_header(doc: &Document, id: NodeId) -> bool {
    let mut cur = doc.parent(id);
    for _ in 0..10 {
        let Some(n) = cur else { break };
        let tag = doc.tag_name(n).to_ascii_lowercase();
        // The block set right after the headline (`<h1>…</h1><div class="teaser-small__metadata">`)
        // is the article's own, whatever its layout class says.
        if doc.prev_element_sibling(n).is_some_and(|h| doc.tag_name(h).eq_ignore_ascii_case("h1")) {
            return true;
        }
        if matches!(tag.as_str(), "body" | "html" | "aside" | "nav" | "form" | "footer")
            || has_class_mark(doc, n, &["comment", "reply", "respond", "related", "teaser"])
        {
            return false;
        }
        if tag == "header" || has_class_mark(doc, n, &["entry-header", "article-header", "post-header"]) {
            return doc.query_selector(n, "h1").is_some();
        }
        // A blog post's own container (the `hentry` microformat, Blogger's `blogPost`), which
        // platforms set inside a "widget".
        if has_class_mark(doc, n, &["hentry"])
            || attr(doc, n, "itemprop").is_some_and(|p| p.eq_ignore_ascii_case("blogPost"))
        {
            return true;
        }
        cur = doc.parent(n);
    }
    false
}

/// True when an element sits in the footer of the article itself (`<article>…<footer>`), where
/// blogs sign their posts, and in no comment, sidebar or widget on the way there: the one
/// footer that is not page chrome.
fn in_article_footer(doc: &Document, id: NodeId) -> bool {
    let mut in_footer = false;
    let mut cur = Some(id);
    for _ in 0..40 {
        let Some(n) = cur else { break };
        let tag = doc.tag_name(n).to_ascii_lowercase();
        match tag.as_str() {
            "article" if n != id => {
                return in_footer && !has_class_mark(doc, n, &["comment", "review", "reply"]);
            }
            "aside" | "nav" | "form" | "main" | "body" => return false,
            _ => {}
        }
        if has_class_mark(doc, n, CHROME_MARKS) {
            return false;
        }
        in_footer |= tag == "footer" || has_class_mark(doc, n, &["footer"]);
        cur = doc.parent(n);
    }
    false
}

/// True for an element holding a post's title in blog markup: `itemprop=headline`, or a
/// heading (or its link's container) classed `entry-title`, `post-title`, `article-title`,
/// `story-title`; not in a sidebar, teaser list or comment.
fn is_post_title(doc: &Document, id: NodeId, tag: &str) -> bool {
    if matches!(tag, "meta" | "h1" | "link" | "script" | "body" | "article" | "main") {
        return false;
    }
    let class = doc.class_name(id).to_ascii_lowercase();
    let marked = attr(doc, id, "itemprop").is_some_and(|p| p.eq_ignore_ascii_case("headline"))
        || ["entry-title", "post-title", "article-title", "story-title", "posttitle", "entrytitle"]
            .iter()
            .any(|m| class.contains(m));
    marked && !outside_article(doc, id)
}

/// Splits an `<h1>` whose markup sets a kicker apart (a child classed `kicker`, `dachzeile`,
/// `overline` …) into the kicker and the headline proper; text hidden for screen readers
/// (the ": " between them) is dropped. `None` when no kicker is marked.
fn split_kicker(doc: &Document, h1: NodeId) -> Option<(String, String)> {
    const KICKER: &[&str] = &[
        "kicker",
        "dachzeile",
        "overline",
        "topline",
        "roofline",
        "titleheader",
        "supertitle",
        "eyebrow",
        "pretitle",
        "spitzmarke",
        "rubric",
    ];
    let mut kicker = String::new();
    let mut core = String::new();
    // (node, inside a kicker)
    let mut stack = vec![(h1, false)];
    let mut steps = 0;
    while let Some((id, in_kicker)) = stack.pop() {
        steps += 1;
        if steps > 500 {
            return None;
        }
        if doc.is_text(id) {
            let out = if in_kicker { &mut kicker } else { &mut core };
            out.push(' ');
            out.push_str(&doc.text_content(id));
            continue;
        }
        let class = doc.class_name(id).to_ascii_lowercase();
        if id != h1 && is_reader_only(doc, id) {
            continue;
        }
        let marked = id != h1 && KICKER.iter().any(|k| class.contains(k));
        for child in doc.child_nodes(id).into_iter().rev() {
            stack.push((child, in_kicker || marked));
        }
    }
    let kicker = clean_text(&kicker)?;
    let kicker = kicker.trim_end_matches([':', '-', '–', '—', '|', ' ']).to_string();
    let core = clean_text(&core)?;
    let core = core.trim_start_matches([':', '-', '–', '—', '|', ' ']).to_string();
    if kicker.is_empty() {
        return None;
    }
    (core.chars().count() >= 8).then_some((kicker, core))
}

/// True when an `<h1>` is the site's name rather than the article's: marked as a logo or
/// site title, or a link to the site's home page.
fn is_site_title(doc: &Document, id: NodeId) -> bool {
    const MARKS: &[&str] =
        &["site-title", "logo", "site-name", "blog-title", "sitename", "brand", "masthead"];
    let mut cur = Some(id);
    for _ in 0..3 {
        let Some(n) = cur else { break };
        let names = format!("{} {}", doc.class_name(n), doc.id_attr(n)).to_ascii_lowercase();
        if MARKS.iter().any(|m| names.contains(m)) {
            return true;
        }
        cur = doc.parent(n);
    }
    doc.query_selector(id, "a[rel=home]").is_some()
}

/// True when an element sits in a comment section, sidebar, widget, teaser list, form,
/// navigation or footer: the walk up stops at the first `<article>`/`<main>`/`<body>`, so a
/// page-wide layout class ("has-sidebar" on a wrapper) is not taken for a sidebar.
fn outside_article(doc: &Document, id: NodeId) -> bool {
    const MARKS: &[&str] =
        &["footer", "reply", "discussion", "disqus", "more-from", "read-more", "readmore", "also-read"];
    let mut cur = Some(id);
    for _ in 0..40 {
        let Some(n) = cur else { break };
        let tag = doc.tag_name(n).to_ascii_lowercase();
        if matches!(tag.as_str(), "footer" | "aside" | "nav" | "form") {
            return true;
        }
        // The article element's own classes describe the layout around it
        // ("sticky-sidebar-parent"), not a sidebar it sits in, unless it is itself a comment
        // or review (`<article class="comment">`).
        if matches!(tag.as_str(), "article" | "main" | "body") && n != id {
            // Class words, not substrings: "ngart--preview" is no review.
            return has_class_mark(doc, n, &["comment", "reply", "review", "respond", "discussion"]);
        }
        // Schema.org reviews and comments sign their own texts (`itemprop=review`).
        if n != id
            && attr(doc, n, "itemprop").is_some_and(|p| {
                let p = p.to_ascii_lowercase();
                p.contains("review") || p.contains("comment")
            })
        {
            return true;
        }
        if has_any_class_mark(doc, n, &[CHROME_MARKS, MARKS]) {
            return true;
        }
        if matches!(tag.as_str(), "article" | "main" | "body") && n != id {
            break;
        }
        cur = doc.parent(n);
    }
    false
}

/// Figure captions and photo credits on any element.
fn figure_markup(doc: &Document, id: NodeId, tag: &str, class: &str, s: &mut Signals) {
    if tag == "figcaption" || (class.contains("caption") && !class.contains("credit")) {
        if let Some(t) = clean_text(&doc.text_content(id)).filter(|t| t.chars().count() <= 600) {
            if !s.captions.contains(&t) {
                s.captions.push(t);
            }
        }
    } else if class.contains("credit") && !matches!(tag, "body" | "article" | "main") {
        if let Some(t) = clean_text(&doc.text_content(id)).filter(|t| t.chars().count() <= 120) {
            if !s.credits.contains(&t) {
                s.credits.push(t);
            }
        }
    }
}

impl Signals {
    /// Applies the cascade. `page_url` is the address the page was fetched from, when known
    /// (a web archive's record): it stands in for a canonical address the page does not state.
    /// `body_byline` holds the names of a "By …" line the body started with, the weakest author
    /// source; `extractor_date` the body extractor's own date guess
    /// (it reads visible dates near the headline), the weakest date source.
    pub fn resolve(
        &self,
        page_url: Option<&str>,
        body_byline: &[String],
        extractor_date: Option<PubDate>,
    ) -> PageMeta {
        let mut m = PageMeta {
            url: self.canonical.clone().or_else(|| self.og_url.clone()).or_else(|| self.ld.url.clone()),
            ..PageMeta::default()
        };
        let url_for_host = m.url.clone().or_else(|| page_url.map(str::to_string));
        m.outlet = self
            .site_name
            .clone()
            .or_else(|| self.ld.publisher.clone())
            .or_else(|| url_for_host.as_deref().and_then(host_of));
        let host = url_for_host.as_deref().and_then(host_of);
        m.headline = self.headline(m.outlet.as_deref(), host.as_deref());
        // A site signing its own pages ("Der Postillon", "katholisch.at") is not an author.
        let site = SiteNames::new(m.outlet.as_deref(), self.ld.publisher.as_deref(), url_for_host.as_deref());
        m.byline = self.authors(body_byline, &site);
        // A name the page never shows its readers, only its metadata, is more often a CMS
        // account or an SEO field than the writer: fewer authors beat wrong ones.
        m.byline.retain(|name| !self.metadata_names(name) || self.shows_name(name));
        m.modified = self.ld.modified.iter().chain(&self.meta_modified).find_map(|s| date::parse_date(s));
        let (published, text) = self.published(url_for_host.as_deref(), m.modified, extractor_date);
        m.published = published;
        m.published_text = text;
        m.section = self.ld.section.clone().or_else(|| self.section.clone());
        m.language = [&self.html_lang, &self.meta_lang, &self.ld.language]
            .into_iter()
            .flatten()
            .find_map(|l| crate::extract::language::normalize_code(l));
        m.description = self.description.clone().or_else(|| self.ld.description.clone());
        m
    }
}

impl Signals {
    /// Adds text the reader sees to the page's words, when those are read.
    pub fn add_page_text(&mut self, text: &str) {
        if let Some(words) = &mut self.page_words {
            words.push_str(&norm(&text.replace('\u{ad}', "")));
            words.push(' ');
        }
    }

    /// True when JSON-LD or `<meta>` give the name (alone or in a list, in any of its
    /// [`name_forms`]).
    fn metadata_names(&self, name: &str) -> bool {
        let forms = name_forms(name);
        self.ld.authors.iter().chain(&self.meta_authors).any(|m| {
            let words = format!(" {} ", norm(m));
            forms.iter().any(|f| words.contains(f.as_str()))
        })
    }

    /// True when the page's visible text holds the name: whole, as first and last name
    /// (without middle names), or inverted ("Doe Jane" for "Doe, Jane"). True when the page's
    /// words were not read.
    pub fn shows_name(&self, name: &str) -> bool {
        let Some(words) = &self.page_words else {
            return true;
        };
        let forms = name_forms(name);
        forms.is_empty() || forms.iter().any(|f| words.contains(f.as_str()))
    }
}

/// The space-framed [`norm`] forms a name may be written in: whole, first and last name only,
/// inverted ("Doe Jane" for "Doe, Jane"). Empty for a name without words.
fn name_forms(name: &str) -> Vec<String> {
    let key = norm(name);
    let parts: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return Vec::new();
    };
    vec![format!(" {key} "), format!(" {first} {last} "), format!(" {last} {first} ")]
}

/// Lowercased words of a string, punctuation folded to spaces: for comparing titles.
pub fn norm(s: &str) -> String {
    // One pass: runs of anything but letters and digits become one space (this reads whole
    // pages' text).
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c.to_lowercase().next().unwrap_or(c));
        } else {
            gap = true;
        }
    }
    out
}

/// The host of a URL without `www.`.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?.trim_start_matches("www.").to_ascii_lowercase();
    (host.contains('.')).then_some(host)
}

fn is_absolute(u: &str) -> bool {
    u.starts_with("http://") || u.starts_with("https://")
}

fn attr(doc: &Document, id: NodeId, name: &str) -> Option<String> {
    doc.get_attribute(id, name)
}

/// Collapses whitespace and decodes character references left in attribute values and JSON
/// (pages that escape twice show "R&uuml;ckbau" otherwise); `None` when nothing is left.
pub fn clean_text(s: &str) -> Option<String> {
    let decoded;
    let s = if s.contains('&') {
        decoded = decode_entities(s);
        decoded.as_str()
    } else {
        s
    };
    // Soft hyphens and zero-width marks break words for layout only ("Mes\u{ad}sen\u{ad}ger").
    let t = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'], "");
    (!t.is_empty()).then_some(t)
}

/// Named references common in doubly escaped titles; numeric ones are decoded generally.
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("quot", '"'),
    ("apos", '\''),
    ("lt", '<'),
    ("gt", '>'),
    ("nbsp", ' '),
    ("shy", '\u{ad}'),
    ("auml", 'ä'),
    ("ouml", 'ö'),
    ("uuml", 'ü'),
    ("Auml", 'Ä'),
    ("Ouml", 'Ö'),
    ("Uuml", 'Ü'),
    ("szlig", 'ß'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("ecirc", 'ê'),
    ("aacute", 'á'),
    ("agrave", 'à'),
    ("acirc", 'â'),
    ("iacute", 'í'),
    ("oacute", 'ó'),
    ("uacute", 'ú'),
    ("ntilde", 'ñ'),
    ("ccedil", 'ç'),
    ("Eacute", 'É'),
    ("Aacute", 'Á'),
    ("Oacute", 'Ó'),
    ("Ntilde", 'Ñ'),
    ("otilde", 'õ'),
    ("atilde", 'ã'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("bdquo", '„'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("euro", '€'),
];

/// Decodes character references (`&amp;`, `&#233;`, `&#xE9;`) and the common named entities;
/// an unknown or unterminated reference is kept as written.
pub(crate) fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos + 1..];
        let end = tail.find(';').filter(|&e| e > 0 && e <= 10);
        let decoded = end.and_then(|e| {
            let name = &tail[..e];
            let c = if let Some(num) = name.strip_prefix('#') {
                let n = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                };
                n.and_then(char::from_u32)
            } else {
                ENTITIES.iter().find(|(k, _)| *k == name).map(|(_, c)| *c)
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &tail[e + 1..];
            }
            None => {
                out.push('&');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

fn set_once(slot: &mut Option<String>, v: String) {
    if slot.is_none() {
        *slot = Some(v);
    }
}

fn set_once_opt(slot: &mut Option<String>, v: Option<String>) {
    if slot.is_none() {
        *slot = v;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unmarked_byline_below_the_headline() {
        // The byline has no markup; a navigation line above and a comment below also read
        // "Von …", and must not be taken.
        let html = String::from_utf8_lossy(include_bytes!(
            "../../../../tests/fixtures/html/meta-visible-byline.html"
        ));
        let doc = Document::parse(&html);
        let s = gather(&doc);
        assert!(s.header_lines.iter().all(|l| !l.contains("Peter Schmidt") && !l.contains("Hans Müller")));
        let m = s.resolve(None, &[], None);
        assert_eq!(m.byline, vec!["kmeier".to_string()]);
        assert_eq!(m.headline.as_deref(), Some("Neue Brücke eröffnet"));
    }

    #[test]
    fn elements_that_carry_signals() {
        // (element, read by gather)
        let cases = [
            ("<h2>Sub</h2>", true),
            ("<time>3 May</time>", true),
            ("<a rel=\"Author\" href=\"/jd\">Jane Doe</a>", true),
            ("<span rel=\"me author\">Jane Doe</span>", true),
            ("<span itemprop=\"name\">Jane Doe</span>", true),
            ("<div class=\"post-Byline\">Jane Doe</div>", true),
            ("<p class=\"photo-credit\">AP</p>", true),
            ("<div id=\"author_header\">Jane Doe</div>", true),
            ("<div class=\"timestamp\">Updated Mar 3, 2021</div>", true),
            ("<p id=\"artikel-datum\">3. März 2021</p>", true),
            ("<div id=\"site-credits\">Powered by a CMS</div>", false),
            ("<a href=\"/x\">Other story</a>", false),
            ("<span rel=\"authorship\">x</span>", false),
            ("<div class=\"BYLINE\">Jane Doe</div>", false),
            ("<p>Text</p>", false),
        ];
        for (element, want) in cases {
            let doc = Document::parse(&format!("<html><body>{element}</body></html>"));
            let body = doc.body().expect("body");
            let found = doc.iter_descendants(body, &[]).into_iter().any(|id| carries_signals(&doc, id));
            assert_eq!(found, want, "{element}");
        }
    }

    #[test]
    fn texts_of_date_elements() {
        // (page, the date texts gather keeps)
        let cases: [(&str, &[&str]); 5] = [
            ("<div><h2>Post</h2><span class=\"post-date\">4 May 2021</span></div>", &["4 May 2021"]),
            (
                "<main><p class=\"datum\">04.05.2021</p><p class=\"datum\">05.05.2021</p></main>",
                &["04.05.2021", "05.05.2021"],
            ),
            // Today's date in the site's top bar, a comment's and a sidebar's are not the article's.
            ("<header><div class=\"topdate\">Friday, 7 May 2021</div></header><p>Text</p>", &[]),
            ("<div class=\"comment\"><span class=\"comment-time\">5 May 2021</span></div>", &[]),
            ("<aside><span class=\"date\">6 May 2021</span></aside>", &[]),
        ];
        for (page, want) in cases {
            let doc = Document::parse(&format!("<html><body>{page}</body></html>"));
            let texts: Vec<String> = gather(&doc).date_texts.into_iter().map(|(_, t)| t).collect();
            assert_eq!(texts, want.to_vec(), "{page}");
        }
        // A page header that holds the headline is the article's own.
        let doc = Document::parse(
            "<html><body><header><h1>Title</h1><span class=\"date\">4 May 2021</span></header></body></html>",
        );
        assert!(!gather(&doc).date_texts.is_empty());
        // Long texts are blocks that wrap a date element, not the date.
        let long = "word ".repeat(30);
        let doc = Document::parse(&format!("<html><body><div class=\"date-row\">{long}</div></body></html>"));
        assert!(gather(&doc).date_texts.is_empty());
    }

    #[test]
    fn pieces_run_together_at_a_words_start() {
        let pieces = |v: &[&str]| v.iter().map(|p| p.to_string()).collect::<Vec<_>>();
        // (text, pieces, runs together)
        let cases = [
            ("AFPNachrichtenagentur", pieces(&["AFP", "Nachrichtenagentur"]), true),
            ("Jane DoeJane writes on rivers.", pieces(&["Jane Doe", "Jane writes on rivers."]), true),
            ("Von Jane Doe3 Minuten", pieces(&["Von Jane Doe", "3 Minuten"]), true),
            // Spaced pieces, or one word split for styling, read as written.
            ("Von Jane Doe", pieces(&["Von", "Jane Doe"]), false),
            ("Will Knight", pieces(&["Will Knigh", "t"]), false),
            // Pieces that do not spell the text (the walk stopped early) leave it alone.
            ("AFPNachrichtenagentur Berlin", pieces(&["AFP", "Nachrichtenagentur"]), false),
            ("Jane Doe", pieces(&["John Roe"]), false),
        ];
        for (text, pieces, want) in cases {
            assert_eq!(runs_together(text, &pieces), want, "{text}");
        }
    }

    #[test]
    fn a_byline_run_together_is_read_in_pieces() {
        let html = "<html><body><article><h1>Neue Fähre</h1>\
            <div class=\"author\"><span>AFP</span><span>Nachrichtenagentur</span></div>\
            <p>Der Text.</p></article></body></html>";
        let s = gather(&Document::parse(html));
        assert_eq!(s.byline_texts, vec!["AFP, Nachrichtenagentur".to_string()]);
        assert!(s.resolve(None, &[], None).byline.iter().all(|n| !n.contains("Nachrichtenagentur")));
    }

    #[test]
    fn a_pictures_licence_author_is_no_byline() {
        let html = "<html><body><article><h1>Clickbait und CO2</h1><figure><img src=\"a.jpg\">\
            <div class=\"license-info\"><span class=\"license-type\">CC BY-ND</span>\
            <span class=\"author-name\"><a class=\"license-author\" href=\"#\">John Roe</a></span></div></figure>\
            <div class=\"author\"><p>Autor <span>Jane Doe</span></p></div><p>Der Text.</p></article></body></html>";
        let s = gather(&Document::parse(html));
        assert!(s.byline_texts.iter().all(|t| !t.contains("John Roe")), "{:?}", s.byline_texts);
        assert_eq!(s.resolve(None, &[], None).byline, vec!["Jane Doe".to_string()]);
    }

    #[test]
    fn embedded_social_posts_sign_nothing() {
        let html = "<html><body><article><h1>Mieten einfrieren</h1><p>Die Partei fordert mehr.</p>\
            <div class=\"fb-post\"><blockquote><p>Alles wird teurer.</p>\
            <p>Posted by <a href=\"#\">Jane Doe</a> on Sunday, February 6, 2022</p></blockquote></div>\
            <p>Der Text geht weiter.</p></article></body></html>";
        let s = gather(&Document::parse(html));
        assert!(s.header_lines.iter().all(|l| !l.contains("Jane Doe")), "{:?}", s.header_lines);
        assert!(s.resolve(None, &[], None).byline.is_empty());
    }

    #[test]
    fn names_the_page_shows() {
        let mut s = Signals { page_words: Some(" ".into()), ..Signals::default() };
        s.add_page_text("Von Mat\u{ad}thi\u{ad}as Lauerer · André Klein, Redakteur · Doe, Jane");
        let cases = [
            ("Matthias Lauerer", true),
            ("André Oliver Klein", true),
            ("Jane Doe", true),
            ("JOHN ROE", false),
            ("Lüder Hoppe", false),
        ];
        for (name, shown) in cases {
            assert_eq!(s.shows_name(name), shown, "{name}");
        }
        // Only names the metadata gives are checked: "Harm, Robert" gives "Robert Harm".
        let s = Signals { meta_authors: vec!["Harm, Robert".into()], page_words: Some(" ".into()), ..s };
        assert!(s.metadata_names("Robert Harm") && !s.shows_name("Robert Harm"));
        assert_eq!(s.resolve(None, &[], None).byline, Vec::<String>::new());
        assert!(!s.metadata_names("Jane Doe"));
        // Without the page's words read, every name passes.
        assert!(Signals::default().shows_name("Lüder Hoppe"));
    }

    #[test]
    fn a_page_wrapped_in_a_form_is_read() {
        // ASP.NET Web Forms pages sit inside one <form>; a search form holds no headline.
        let html = r#"<html><body><form role="search"><input name="q"> 1. Mai 1990</form>
            <form id="aspnetForm"><article><p class="date">15 августа 2016, 13:43</p><h1>Подольски завершил карьеру</h1>
            <p>Текст.</p></article></form></body></html>"#;
        let s = gather(&Document::parse(html));
        assert_eq!(s.header_lines.first().map(String::as_str), Some("15 августа 2016, 13:43"));
        assert_eq!(s.visible_dates().first().map(|d| d.date().to_string()).as_deref(), Some("2016-08-15"));
    }

    #[test]
    fn headings_for_screen_readers_are_no_headline() {
        let html = r#"<html><head><title>Speech at the convention</title></head><body>
            <h1 class="navSkip">Navigation and service</h1>
            <header><h1 class="aural" aria-hidden="true">Header</h1></header>
            <main><h1>Speech at the convention</h1>
            <p>By Jane Doe</p><p>Text of the speech.</p></main></body></html>"#;
        let s = gather(&Document::parse(html));
        assert_eq!(s.h1, vec!["Speech at the convention".to_string()]);
        let m = s.resolve(None, &[], None);
        assert_eq!(m.headline.as_deref(), Some("Speech at the convention"));
        assert_eq!(m.byline, vec!["Jane Doe".to_string()]);
    }

    #[test]
    fn json_ld_with_line_breaks_inside_strings() {
        // Strict JSON refuses a raw line break inside a string; the script is still read.
        let html = "<html><head><script type=\"application/ld+json\">{\"@type\": \"BlogPosting\",
            \"articleBody\": \"First paragraph.\nSecond\tparagraph.\",
            \"author\": {\"@type\": \"Person\", \"name\": \"Jane Doe\"}}</script></head>
            <body><p>Text.</p></body></html>";
        let s = gather(&Document::parse(html));
        assert_eq!(s.ld.authors, vec!["Jane Doe".to_string()]);
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            clean_text("R&uuml;ckbau &quot;jetzt&quot; &#8211; &#x41;&amp;B").as_deref(),
            Some("Rückbau \"jetzt\" – A&B")
        );
        assert_eq!(clean_text("AT&T & co &bogus;").as_deref(), Some("AT&T & co &bogus;"));
        assert_eq!(
            clean_text("Mes\u{ad}sen\u{ad}ger&shy;\u{200b}dienst").as_deref(),
            Some("Messengerdienst")
        );
    }

    #[test]
    fn hosts() {
        assert_eq!(host_of("https://www.example.com/a/b"), Some("example.com".into()));
        assert_eq!(host_of("http://news.example.co.uk:8080?x"), Some("news.example.co.uk".into()));
        assert_eq!(host_of("not a url"), None);
    }
}
