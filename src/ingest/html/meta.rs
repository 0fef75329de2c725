//! The metadata cascade of an HTML page: canonical URL, outlet, headline, authors, publication
//! and modification dates, section, language, description, and figure captions and credits.
//!
//! One pass over the parsed page gathers every signal ([`Signals`]): JSON-LD objects, `<meta>`
//! tags (Open Graph, `article:*`, Dublin Core, Parse.ly, Sailthru …), `<link rel=canonical>`,
//! `rel=author` and `itemprop=author` markup, byline elements, `<time>` elements, `<h1>` and
//! `<title>`. [`Signals::resolve`] then applies the cascade in one place, strongest source
//! first. Date strings go through `extract::date`, author strings through `extract::byline`;
//! this module parses neither itself. It does not extract the body (see `body`).

use serde_json::Value;
use trafilatura::dom::{Document, NodeId};

use chrono::Datelike;

use crate::article::{DatePrecision, PubDate};
use crate::extract::{byline, date};

/// JSON-LD types that describe an article (the page's main object).
const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "liveblogposting",
    "report",
    "techarticle",
    "scholarlyarticle",
    "socialmediaposting",
    "posting",
];

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
    /// Texts of byline elements (`class*=byline`, `class*=author`).
    pub byline_texts: Vec<String>,
    /// Published-date strings from `<meta>` and `itemprop` markup, in priority order.
    pub meta_published: Vec<String>,
    pub meta_modified: Vec<String>,
    /// `datetime` attributes of `<time>` elements, with whether the element says it is the
    /// publication time (`itemprop=datePublished`, `pubdate`, a "publish" class).
    pub times: Vec<(String, bool)>,
    pub ld: LdArticle,
    /// Visible text lines around the article's `<h1>`: the few just above it and those between
    /// it and the start of the body, where unmarked bylines and dates stand.
    pub header_lines: Vec<String>,
    pub captions: Vec<String>,
    pub credits: Vec<String>,
}

/// What the page's JSON-LD says about its article.
#[derive(Debug, Default)]
pub struct LdArticle {
    pub headline: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub publisher: Option<String>,
    pub section: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub description: Option<String>,
    pub body: Option<String>,
    /// `datePublished` of a non-article object (a `WebPage`), a weaker signal.
    pub page_published: Option<String>,
    /// True when an article-typed object was found.
    pub is_article: bool,
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
    let selector = "html, title, h1, meta, link[rel], script[type], time, figcaption, \
                    [rel~=author], [itemprop], [class*=byline], [class*=Byline], [class*=author], \
                    [class*=credit], [class*=caption], h2, h3";
    for id in doc.query_selector_all(root, selector) {
        let tag = doc.tag_name(id).to_ascii_lowercase();
        match tag.as_str() {
            "html" if s.html_lang.is_none() => {
                s.html_lang = attr(doc, id, "lang").or_else(|| attr(doc, id, "xml:lang"));
            }
            "title" if s.title.is_none() => {
                s.title = clean_text(&doc.text_content(id));
            }
            "h1" => {
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
                    read_json_ld(&doc.text_content(id), &mut s.ld);
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
        if matches!(tag.as_str(), "h2" | "h3") && s.sub_heads.len() < 30 && !outside_article(doc, id) {
            if let Some(t) = clean_text(&doc.text_content(id)).filter(|t| t.chars().count() <= 300) {
                s.sub_heads.push(t);
            }
        }
        if is_post_title(doc, id, &tag) && s.post_titles.len() < 4 {
            if let Some(t) = clean_text(&doc.text_content(id)).filter(|t| t.chars().count() <= 300) {
                s.post_titles.push(t);
            }
        }
    }
    s.header_lines = header_lines(doc, &s.site_titles);
    s
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
/// chrome are skipped. Empty when the page has no article `<h1>`.
fn header_lines(doc: &Document, site_titles: &[String]) -> Vec<String> {
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
                if SKIPPED_TAGS.contains(&tag.as_str()) || depth > 200 || is_page_chrome(doc, id) {
                    continue;
                }
                let block = BLOCK_TAGS.contains(&tag.as_str());
                if block {
                    flush(&mut cur, seen_h1, &mut above, &mut below);
                }
                if tag == "h1" && !seen_h1 {
                    let text = clean_text(&doc.text_content(id));
                    if text.as_ref().is_some_and(|t| !site_titles.contains(t)) {
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
    has_class_mark(doc, id, CHROME_MARKS) || has_class_mark(doc, id, MARKS)
}

/// Class and id words of the page parts that hold other texts than the article: comment
/// sections, sidebars, widgets, teaser and related lists.
const CHROME_MARKS: &[&str] =
    &["comment", "widget", "sidebar", "related", "respond", "teaser", "recommend", "popular", "trending"];

/// True when a class or id word of the element starts with one of `marks`, or holds it after a
/// dash ("post-sidebar").
fn has_class_mark(doc: &Document, id: NodeId, marks: &[&str]) -> bool {
    let names = format!("{} {}", doc.class_name(id), doc.id_attr(id)).to_ascii_lowercase();
    names.split_whitespace().any(|c| marks.iter().any(|m| c.starts_with(m) || c.contains(&format!("-{m}"))))
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
        | "date"
        | "dc.date"
        | "dc.date.issued"
        | "dcterms.date"
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
        || (class.contains("author") && !class.contains("authorit") && !class.contains("author-bio"));
    // Comment sections, sidebars and teaser lists sign other people's texts.
    if (author_markup || is_byline) && outside_article(doc, id) {
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
            s.byline_texts.push(t);
        }
    }
    figure_markup(doc, id, tag, &class, s);
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
    const HIDDEN: &[&str] = &["visually-hidden", "hiddendash", "sr-only", "screen-reader", "visuallyhidden"];
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
        if id != h1
            && (HIDDEN.iter().any(|h| class.contains(h))
                || attr(doc, id, "aria-hidden").as_deref() == Some("true"))
        {
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
            let names = format!("{} {}", doc.class_name(n), doc.id_attr(n)).to_ascii_lowercase();
            return ["comment", "reply", "review", "respond", "discussion"].iter().any(|m| names.contains(m));
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
        if has_class_mark(doc, n, CHROME_MARKS) || has_class_mark(doc, n, MARKS) {
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

/// Reads one JSON-LD script into `ld`, keeping the first value found for each field.
fn read_json_ld(raw: &str, ld: &mut LdArticle) {
    let raw = raw.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>").trim().trim_end_matches(';');
    let Ok(value) = serde_json::from_str::<Value>(raw) else {
        return;
    };
    let mut objects = Vec::new();
    collect_objects(&value, &mut objects, 0);
    // The article object first; pages list breadcrumbs, organisations and videos beside it.
    for obj in &objects {
        let types = type_names(obj);
        if types.iter().any(|t| ARTICLE_TYPES.contains(&t.as_str())) {
            ld.is_article = true;
            set_once_opt(&mut ld.headline, str_field(obj, "headline").or_else(|| str_field(obj, "name")));
            if ld.authors.is_empty() {
                ld.authors = ld_authors(obj.get("author").or_else(|| obj.get("creator")), &objects);
            }
            set_once_opt(
                &mut ld.published,
                str_field(obj, "datePublished").or_else(|| str_field(obj, "dateCreated")),
            );
            set_once_opt(&mut ld.modified, str_field(obj, "dateModified"));
            set_once_opt(&mut ld.section, first_str(obj.get("articleSection")));
            set_once_opt(&mut ld.url, str_field(obj, "url").filter(|u| is_absolute(u)));
            set_once_opt(&mut ld.language, str_field(obj, "inLanguage"));
            set_once_opt(&mut ld.description, str_field(obj, "description"));
            set_once_opt(&mut ld.body, str_field(obj, "articleBody"));
            if let Some(p) = obj.get("publisher") {
                set_once_opt(&mut ld.publisher, name_of(p));
            }
        } else if types.iter().any(|t| t.ends_with("page")) {
            set_once_opt(&mut ld.page_published, str_field(obj, "datePublished"));
        }
    }
}

/// Flattens arrays and `@graph` lists into the objects they hold (bounded depth).
fn collect_objects<'a>(v: &'a Value, out: &mut Vec<&'a serde_json::Map<String, Value>>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect_objects(i, out, depth + 1)),
        Value::Object(map) => {
            out.push(map);
            if let Some(g) = map.get("@graph") {
                collect_objects(g, out, depth + 1);
            }
            if let Some(m) = map.get("mainEntity") {
                collect_objects(m, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn type_names(obj: &serde_json::Map<String, Value>) -> Vec<String> {
    match obj.get("@type") {
        Some(Value::String(t)) => vec![t.to_ascii_lowercase()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).map(str::to_ascii_lowercase).collect(),
        _ => Vec::new(),
    }
}

fn str_field(obj: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    first_str(obj.get(key))
}

fn first_str(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => clean_text(s),
        Value::Array(items) => items.iter().find_map(|i| first_str(Some(i))),
        _ => None,
    }
}

fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean_text(s),
        Value::Object(o) => str_field(o, "name"),
        Value::Array(items) => items.iter().find_map(name_of),
        _ => None,
    }
}

/// Person names from a JSON-LD `author`: a string, an object or a list of them. Objects typed
/// as organisations are left out: a publisher signing its own copy is not an author.
/// Yoast-style graphs give the author as a reference (`{"@id": "…#/schema/person/…"}`) to a
/// `Person` elsewhere in the graph; `objects` resolves it.
fn ld_authors(v: Option<&Value>, objects: &[&serde_json::Map<String, Value>]) -> Vec<String> {
    let mut out = Vec::new();
    let items: Vec<&Value> = match v {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(other) => vec![other],
        None => return out,
    };
    for item in items.into_iter().take(20) {
        let name = match item {
            Value::String(s) => Some(s.clone()),
            Value::Object(o) => {
                let target = match (o.get("name"), o.get("@id").and_then(Value::as_str)) {
                    (None, Some(r)) => objects
                        .iter()
                        .find(|x| x.get("@id").and_then(Value::as_str) == Some(r) && x.contains_key("name"))
                        .copied()
                        .unwrap_or(o),
                    _ => o,
                };
                let types = type_names(target);
                let person = types.iter().any(|t| t == "person");
                if !person && types.iter().any(|t| t.ends_with("organization")) {
                    None
                } else {
                    str_field(target, "name")
                }
            }
            _ => None,
        };
        if let Some(n) = name {
            for a in byline::split_authors(&n) {
                if !out.contains(&a) {
                    out.push(a);
                }
            }
        }
    }
    out
}

impl Signals {
    /// Applies the cascade. `body_byline` holds the names of a "By …" line the body started
    /// with, the weakest author source; `extractor_date` the body extractor's own date guess
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
        m.modified = self.ld.modified.iter().chain(&self.meta_modified).find_map(|s| date::parse_date(s));
        let (published, text) = self.published(m.url.as_deref(), m.modified, extractor_date);
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

    /// Headline: JSON-LD `headline`, `og:title`, `<h1>`, `<title>`, each with the site name cut
    /// off. When an `<h1>` is the same headline as the metadata's (up to case and a site
    /// suffix), the visible `<h1>` form is kept. Without metadata titles, the `<h1>` that the
    /// `<title>` names wins over a site-wide one, then the `<title>` part that is not the site.
    fn headline(&self, outlet: Option<&str>, host: Option<&str>) -> Option<String> {
        let headline = self.headline_with_kicker(outlet, host)?;
        // A kicker the <h1> marks apart and runs into the headline without punctuation
        // ("Nach Corona-Lockerungen Autohäuser rechnen …") is not part of it; written with a
        // colon or dash ("Klimaschutz: Bohren, bis es heiß wird") the pair is the headline.
        let key = norm(&headline);
        for (kicker, core) in &self.h1_kickers {
            let (k, c) = (norm(kicker), norm(core));
            if !(key.starts_with(&k) && key.ends_with(&c) && key.len() <= k.len() + c.len() + 1) {
                continue;
            }
            let titles = [&self.ld.headline, &self.og_title, &self.twitter_title, &self.meta_title];
            let written = std::iter::once(&headline).chain(titles.into_iter().flatten());
            let sep = written.into_iter().find_map(|t| {
                [":", " -", " –", " —"].into_iter().find(|p| t.contains(&format!("{kicker}{p}")))
            });
            return Some(match sep {
                Some(p) => format!("{kicker}{p} {core}"),
                None => core.clone(),
            });
        }
        Some(headline)
    }

    /// The article's visible titles: its `<h1>`s, or without one the blog's post titles.
    fn visible_titles(&self) -> &[String] {
        if self.h1.is_empty() {
            &self.post_titles
        } else {
            &self.h1
        }
    }

    /// The headline cascade, keeping a kicker the chosen title starts with.
    fn headline_with_kicker(&self, outlet: Option<&str>, host: Option<&str>) -> Option<String> {
        let site: Vec<&str> =
            outlet.into_iter().chain(host).chain(self.site_titles.iter().map(String::as_str)).collect();
        let strip = |t: &str| strip_site_names(t, &site);
        let candidates = [&self.ld.headline, &self.og_title, &self.twitter_title, &self.meta_title];
        let meta = candidates.into_iter().flatten().map(|t| strip(t)).find(|t| !t.is_empty());
        let Some(mut meta) = meta else {
            return self.headline_from_title(&site);
        };
        // Another metadata title that is this one without a suffix ("Headline-정치ㅣ한국일보"
        // beside name=title "Headline") shows where the site's part begins.
        let shorter = [&self.ld.headline, &self.og_title, &self.twitter_title, &self.meta_title, &self.title]
            .into_iter()
            .flatten()
            .filter(|t| t.chars().count() >= 8 && t.len() < meta.len())
            .filter(|t| {
                meta.strip_prefix(t.as_str()).is_some_and(|rest| {
                    rest.trim_start().starts_with(['-', '|', 'ㅣ', '｜', '–', '—', '·', '_', '«', '»'])
                })
            })
            .max_by_key(|t| t.len());
        if let Some(t) = shorter {
            meta = t.clone();
        }
        // Without any <h1>, an <h2>/<h3> that is one part of the metadata title is the post's
        // title, the other parts a blog name the page does not state elsewhere.
        if self.visible_titles().is_empty() {
            let parts = title_parts(&meta);
            let named = self
                .sub_heads
                .iter()
                .filter(|h| {
                    parts.len() >= 2 && parts.iter().any(|p| norm(p) == norm(h) && norm(p).len() >= 8)
                })
                .max_by_key(|h| h.chars().count());
            if let Some(h) = named {
                return Some(h.clone());
            }
        }
        // The visible <h1> is the headline as readers see it; metadata titles often carry a
        // kicker, a site name or an SEO rewording. Take the <h1> that shares most words with
        // the metadata title, when it shares at least half of them.
        let best = self
            .visible_titles()
            .iter()
            .take(8)
            .map(|h| (overlap(&meta, h), h))
            .filter(|(o, h)| *o >= 0.5 && h.chars().count() >= 8)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        match best {
            // An <h1> holding the whole metadata title and more carries a kicker
            // ("Corona-Pandemie - „…“"): the metadata title is the headline itself.
            Some((_, h)) if norm(h).len() > norm(&meta).len() && norm(h).contains(&norm(&meta)) => {
                // …unless the metadata title was cut short ("… for Hong Kong leader...").
                if is_truncated(&meta) {
                    Some(h.clone())
                } else {
                    Some(meta)
                }
            }
            Some((_, h)) => Some(h.clone()),
            None => Some(meta),
        }
    }

    /// The headline of a page without metadata titles, from its `<title>` and `<h1>`s.
    fn headline_from_title(&self, site: &[&str]) -> Option<String> {
        let title = self.title.as_deref().map(|t| strip_site_names(t, site)).filter(|t| !t.is_empty());
        let Some(title) = title else {
            return self.visible_titles().first().cloned();
        };
        let parts = title_parts(&title);
        let title_key = norm(&title);
        // An <h1> the <title> repeats (whole or as one of its parts) is the article's.
        let is_named = |h: &&String| {
            let k = norm(h);
            !k.is_empty() && (k == title_key || parts.iter().any(|p| norm(p) == k))
        };
        let named = self.visible_titles().iter().take(12).filter(is_named).max_by_key(|h| h.chars().count());
        // Without any <h1>, a blog sets its post title in an <h2>/<h3> the <title> repeats.
        let named = named.or_else(|| {
            let sub = self.sub_heads.iter().filter(is_named);
            self.h1.is_empty().then(|| sub.max_by_key(|h| h.chars().count())).flatten()
        });
        if let Some(h) = named {
            if parts.len() < 2 || norm(h).len() * 3 >= title_key.len() / parts.len() {
                return Some(h.clone());
            }
        }
        // An <h1> the <title> does not name is still the visible headline (titles are often
        // the site's SEO text), unless the title names another <h1>.
        self.visible_titles().first().cloned().or(Some(title))
    }

    /// Authors, strongest source first; the first source that yields a person who is not the
    /// site itself wins (a meta author naming the outlet gives way to the byline markup).
    fn authors(&self, body_byline: &[String], site: &SiteNames) -> Vec<String> {
        let keep = |names: Vec<String>| -> Option<Vec<String>> {
            let names: Vec<String> = names.into_iter().filter(|n| !site.is_site(n)).collect();
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
        let visible = self.header_lines.iter().filter_map(|l| byline::parse_visible_byline(l));
        if let Some(names) = structured
            .chain(marked)
            .chain(std::iter::once(body_byline.to_vec()))
            .chain(visible)
            .find_map(keep)
        {
            return names;
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

    /// Publication date: JSON-LD `datePublished`, `<meta>` published times, a marked `<time>`,
    /// the URL path, the first `<time>`, then the extractor's guess. A candidate later than the
    /// page's modification date is skipped (a date in the page's own future is not its
    /// publication date). Returns the raw text too when a string could not be normalised.
    fn published(
        &self,
        url: Option<&str>,
        modified: Option<PubDate>,
        extractor_date: Option<PubDate>,
    ) -> (Option<PubDate>, Option<String>) {
        let mut texts: Vec<&str> = Vec::new();
        texts.extend(self.ld.published.as_deref());
        texts.extend(self.meta_published.iter().map(String::as_str));
        texts.extend(self.times.iter().filter(|(_, marked)| *marked).map(|(t, _)| t.as_str()));
        let mut candidates: Vec<PubDate> = texts.iter().filter_map(|t| date::parse_date(t)).collect();
        // Without a stated publication date, the date the page shows under its headline beats
        // the URL, unmarked <time>s and the extractor's guess.
        // A full day in the URL is stated by the site too, and ranks first.
        let from_url = url.and_then(date::date_from_url);
        let url_day = from_url.filter(|d| d.precision >= DatePrecision::Day);
        candidates.extend(url_day);
        if candidates.is_empty() {
            candidates.extend(self.visible_dates().first());
        }
        candidates.extend(from_url.filter(|_| url_day.is_none()));
        candidates.extend(self.ld.page_published.as_deref().and_then(date::parse_date));
        candidates.extend(self.times.iter().filter_map(|(t, _)| date::parse_date(t)));
        candidates.extend(extractor_date);
        // The page's stated publication dates (JSON-LD, <meta>, a marked <time>) are trusted
        // even when the modification stamp is older (a CMS that stamps the draft's last
        // edit); weaker candidates later than the modification date are in the page's future.
        let stated = texts.iter().filter_map(|t| date::parse_date(t)).count();
        let not_after_modified = |i: usize, d: &PubDate| match modified {
            Some(m) => i < stated || d.date() <= m.date(),
            None => true,
        };
        if let Some((_, d)) = candidates.iter().enumerate().find(|(i, d)| not_after_modified(*i, d)) {
            if let Some(v) = self.visible_correction(d, &candidates, modified) {
                return (Some(v), None);
            }
            // A month from the URL ("/2013/10/") is refined by a weaker source giving a day
            // in that month (a <time>, the visible date).
            if d.precision < DatePrecision::Day {
                let refined = candidates.iter().find(|c| {
                    c.precision >= DatePrecision::Day
                        && c.date().year() == d.date().year()
                        && (d.precision == DatePrecision::Year || c.date().month() == d.date().month())
                });
                if let Some(c) = refined {
                    return (Some(*c), None);
                }
            }
            return (Some(*d), None);
        }
        (candidates.first().copied(), texts.first().map(|t| t.to_string()))
    }
}

impl Signals {
    /// The dates written in the short visible lines around the headline, in reading order
    /// (day precision or finer), up to the second long line: one long line may be the
    /// standfirst, a second is the body, whose dates are quotes and embeds.
    pub fn visible_dates(&self) -> Vec<PubDate> {
        // "02/10/2020" on a British or German page is 2 October: outside US English, numeric
        // dates put the day first.
        let lang = self.html_lang.as_deref().or(self.meta_lang.as_deref()).unwrap_or("").to_ascii_lowercase();
        let order =
            (!lang.is_empty() && lang != "en" && !lang.starts_with("en-us") && !lang.starts_with("en_us"))
                .then_some(date::DayOrder::DayFirst);
        let mut out = Vec::new();
        let mut long = 0;
        let zone = self.header_lines.iter().take_while(|l| {
            long += usize::from(l.chars().count() > 160);
            long < 2
        });
        // A date line is a stamp ("Posted 3 March 2023 | Jane Doe"), not a sentence that
        // mentions a day.
        let stamp = |l: &&String| {
            l.chars().count() <= 160 && VISIBLE_DATE.replace_all(l, "").split_whitespace().count() <= 10
        };
        for line in zone.filter(stamp) {
            for m in VISIBLE_DATE.find_iter(line) {
                let parsed = match order {
                    Some(o) => date::parse_date_with(m.as_str(), o),
                    None => date::parse_date(m.as_str()),
                };
                if let Some(d) = parsed.filter(|d| d.precision >= DatePrecision::Day) {
                    out.push(d);
                }
            }
        }
        out
    }

    /// A visible date that should replace the cascade's pick `d`: the page shows its readers
    /// another day under the headline, and that day is one the metadata knows too (the
    /// modification date, a weaker candidate), or is `d`'s own day seen in the page's local
    /// time (`2018-12-31T23:11Z` shown as "1. Januar 2019"). A visible day no metadata
    /// confirms is not trusted over the metadata.
    fn visible_correction(
        &self,
        d: &PubDate,
        candidates: &[PubDate],
        modified: Option<PubDate>,
    ) -> Option<PubDate> {
        let visible = self.visible_dates();
        if visible.is_empty()
            || d.precision < DatePrecision::Day
            || visible.iter().any(|v| v.date() == d.date())
        {
            return None;
        }
        let first = visible.first()?;
        let known = candidates.iter().chain(modified.as_ref()).find(|c| c.date() == first.date());
        if let Some(c) = known {
            return Some(*c);
        }
        // A UTC time near midnight: the visible day is the same instant in local time.
        let utc_like = d.offset_secs.is_none_or(|o| o == 0);
        let gap = (first.date() - d.date()).num_days().abs();
        (utc_like && gap == 1 && d.precision > DatePrecision::Day).then_some(*first)
    }
}

/// Written dates in a visible line: ISO, numeric day-first or month-first, "3. März 2023",
/// "3 de marzo de 2023", "March 3, 2023". `date::parse_date` judges each match.
static VISIBLE_DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?x)
        \b\d{4}-\d{2}-\d{2}\b
        | \b\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\b
        | \b\d{1,2}/\d{1,2}/\d{4}\b
        | \b\d{1,2}(?:\.|º|er)?\s+(?:de\s+)?\p{L}{3,10}\.?(?:\s+de)?\s+\d{4}\b
        | \b\p{L}{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b",
    )
    .expect("valid regex")
});

/// Cuts an outlet's name off a title: "Headline | The Outlet", "The Outlet - Headline",
/// "Headline - outlet.com". Only a part that is the outlet (or its host) is cut.
pub fn strip_site_name(title: &str, outlet: Option<&str>) -> String {
    let title = title.trim();
    let seps = [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "];
    let Some(outlet) = outlet.map(norm).filter(|o| !o.is_empty()) else {
        return title.to_string();
    };
    let outlet_short = outlet.trim_end_matches(" com").replace(' ', "");
    for sep in seps {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let t = norm(tail);
            if !head.trim().is_empty()
                && (t == outlet
                    || t.replace(' ', "") == outlet_short
                    || outlet.contains(&t)
                    || t.contains(&outlet))
            {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            let h = norm(head);
            if !tail.trim().is_empty() && (h == outlet || h.replace(' ', "") == outlet_short) {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// Separators between a title's parts ("Headline | Site", "Site » Blog » Headline").
const TITLE_SEPARATORS: &[&str] =
    &[" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ", " • ", " : ", " │ "];

/// A title's parts between separators, in order.
fn title_parts(title: &str) -> Vec<String> {
    let mut parts = vec![title.to_string()];
    for sep in TITLE_SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>()).collect();
    }
    parts.into_iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
}

/// Cuts every site name in `site` (outlet, host, site-title `<h1>`s) off a title's ends:
/// "Headline | Site", "Site » Headline", "Headline - lastampa.it" ("La Stampa").
pub fn strip_site_names(title: &str, site: &[&str]) -> String {
    let mut t = title.trim().to_string();
    for _ in 0..3 {
        let before = t.clone();
        for name in site {
            t = strip_site_name(&t, Some(name));
        }
        // A last part squashing to the host's name ("La Stampa" on lastampa.it).
        for sep in TITLE_SEPARATORS.iter().copied().chain(["-", "_", "|"]) {
            if let Some((head, tail)) = t.rsplit_once(sep) {
                let tail_key = norm(tail).replace(' ', "");
                let squashed = site.iter().any(|s| {
                    let k = norm(s).replace(' ', "");
                    tail_key.len() >= 3
                        && (k == tail_key
                            || k.starts_with(&tail_key)
                                && k[tail_key.len()..].starts_with(|c: char| c.is_alphanumeric())
                                && k.len() - tail_key.len() <= 4)
                });
                if squashed && !head.trim().is_empty() {
                    t = head.trim().to_string();
                }
            }
        }
        if t == before {
            break;
        }
    }
    t
}

/// True when a title ends in an ellipsis: a teaser form cut short.
fn is_truncated(t: &str) -> bool {
    let t = t.trim_end();
    t.ends_with("...") || t.ends_with('…')
}

/// Share of the shorter title's words that the other title has too.
fn overlap(a: &str, b: &str) -> f64 {
    let (a, b) = (norm(a), norm(b));
    let wa: Vec<&str> = a.split(' ').filter(|w| !w.is_empty()).collect();
    let wb: Vec<&str> = b.split(' ').filter(|w| !w.is_empty()).collect();
    let (short, long) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
    if short.is_empty() {
        return 0.0;
    }
    short.iter().filter(|w| long.contains(w)).count() as f64 / short.len() as f64
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

/// Lowercased words of a string, punctuation folded to spaces: for comparing titles.
pub fn norm(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The names a site goes by (outlet, publisher, host), to tell its own signature from an
/// author's.
struct SiteNames {
    names: Vec<String>,
    host: Option<String>,
    platform_blog: bool,
}

impl SiteNames {
    fn new(outlet: Option<&str>, publisher: Option<&str>, url: Option<&str>) -> Self {
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

fn decode_entities(s: &str) -> String {
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
    fn site_names_are_cut() {
        let cases = [
            ("Storm hits coast | The Daily Planet", Some("The Daily Planet"), "Storm hits coast"),
            ("The Daily Planet - Storm hits coast", Some("The Daily Planet"), "Storm hits coast"),
            ("Storm hits coast - dailyplanet.com", Some("dailyplanet.com"), "Storm hits coast"),
            ("Storm hits coast - and more", Some("The Daily Planet"), "Storm hits coast - and more"),
            ("Storm hits coast", None, "Storm hits coast"),
        ];
        for (title, outlet, want) in cases {
            assert_eq!(strip_site_name(title, outlet), want, "{title}");
        }
    }

    #[test]
    fn headline_without_metadata_titles() {
        // (title, h1s, site-title h1s, want)
        let cases: &[(&str, &[&str], &[&str], &str)] = &[
            // The <h1> the <title> repeats beats an earlier, site-wide one.
            ("Vegetarisch leben | Ethify", &["Ethify", "Vegetarisch leben"], &[], "Vegetarisch leben"),
            // A logo <h1> is the site, not the article.
            ("seelenradio » Nummer zwei: Leo", &[], &["seelenradio"], "Nummer zwei: Leo"),
            // Without an <h1>, the title without its host-named suffix.
            ("Perturbazione polare al Centro - La Stampa", &[], &[], "Perturbazione polare al Centro"),
            // An <h1> the title does not name is still the visible headline.
            ("Blockhaus Typ 3 in Ludorf | Urlauber", &["Blockhaus 3"], &[], "Blockhaus 3"),
        ];
        for (title, h1, site_h1, want) in cases {
            let s = Signals {
                title: Some(title.to_string()),
                h1: h1.iter().map(|h| h.to_string()).collect(),
                site_titles: site_h1.iter().map(|h| h.to_string()).collect(),
                ..Signals::default()
            };
            assert_eq!(s.headline(None, Some("lastampa.it")).as_deref(), Some(*want), "{title}");
        }
    }

    #[test]
    fn truncated_metadata_title_gives_way_to_h1() {
        let s = Signals {
            og_title: Some("Leader should read the playbook of Taiwan...".into()),
            h1: vec!["Leader should read the playbook of Taiwan's president".into()],
            ..Signals::default()
        };
        assert_eq!(
            s.headline(None, None).as_deref(),
            Some("Leader should read the playbook of Taiwan's president")
        );
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

    #[test]
    fn stated_date_after_the_modification_stamp() {
        let modified = date::parse_date("2022-12-20T16:55:21Z");
        // A stated datePublished a few hours after an older modification stamp is kept.
        let s = Signals {
            ld: LdArticle { published: Some("2022-12-21T05:49:28Z".into()), ..LdArticle::default() },
            ..Signals::default()
        };
        let (d, _) = s.published(None, modified, None);
        assert_eq!(d.map(|d| d.date().to_string()).as_deref(), Some("2022-12-21"));
        // An unmarked <time> in the page's future is not its publication date.
        let s = Signals {
            times: vec![("2023-05-01T10:00:00Z".into(), false), ("2022-12-19T10:00:00Z".into(), false)],
            ..Signals::default()
        };
        let (d, _) = s.published(None, modified, None);
        assert_eq!(d.map(|d| d.date().to_string()).as_deref(), Some("2022-12-19"));
    }

    #[test]
    fn url_month_is_refined_by_a_day_in_it() {
        let s = Signals { times: vec![("2013-10-05T10:00:00".into(), false)], ..Signals::default() };
        let (d, _) = s.published(Some("https://blog.example.org/2013/10/post/"), None, None);
        assert_eq!(d.map(|d| d.date().to_string()).as_deref(), Some("2013-10-05"));
        // A day in another month does not refine it.
        let s = Signals { times: vec![("2014-02-05T10:00:00".into(), false)], ..Signals::default() };
        let (d, _) = s.published(Some("https://blog.example.org/2013/10/post/"), None, None);
        assert_eq!(d.map(|d| d.precision), Some(DatePrecision::Month));
    }

    #[test]
    fn json_ld_author_references() {
        let mut ld = LdArticle::default();
        read_json_ld(
            r#"{"@graph":[{"@type":"Article","headline":"H","author":{"@id":"https://x.org/#/person/1"}},
            {"@type":["Person","Organization"],"@id":"https://x.org/#/person/1","name":"Helge Example"}]}"#,
            &mut ld,
        );
        assert_eq!(ld.authors, vec!["Helge Example".to_string()]);
    }

    #[test]
    fn unmarked_byline_below_the_headline() {
        // The byline has no markup; a navigation line above and a comment below also read
        // "Von …", and must not be taken.
        let html =
            String::from_utf8_lossy(include_bytes!("../../../tests/fixtures/html/meta-visible-byline.html"));
        let doc = Document::parse(&html);
        let s = gather(&doc);
        assert!(s.header_lines.iter().all(|l| !l.contains("Peter Schmidt") && !l.contains("Hans Müller")));
        let m = s.resolve(None, &[], None);
        assert_eq!(m.byline, vec!["kmeier".to_string()]);
        assert_eq!(m.headline.as_deref(), Some("Neue Brücke eröffnet"));
    }

    #[test]
    fn visible_dates_near_the_headline() {
        // No metadata date: the visible day beats the URL month and an unmarked <time> from
        // a teaser; on a British page "02/10/2020" is 2 October.
        let s = Signals {
            html_lang: Some("en-GB".into()),
            header_lines: vec!["Posted 02/10/2020, 10:15".into()],
            times: vec![("2020-02-10T08:00:00Z".into(), false)],
            ..Signals::default()
        };
        let (d, _) = s.published(Some("https://example.org/2020/09/post"), None, None);
        assert_eq!(d.map(|d| d.date().to_string()).as_deref(), Some("2020-10-02"));
        // A UTC stamp just before midnight is the next day where the page is read.
        let s = Signals {
            ld: LdArticle { published: Some("2018-12-31T23:11:59Z".into()), ..LdArticle::default() },
            header_lines: vec!["1. Januar 2019".into()],
            ..Signals::default()
        };
        let (d, _) = s.published(None, None, None);
        assert_eq!(d.map(|d| d.date().to_string()).as_deref(), Some("2019-01-01"));
        // A visible date no metadata confirms does not override the stated date, and a date
        // quoted in the body (a long line after the standfirst) is not read at all.
        let long = "x ".repeat(100);
        let s = Signals {
            ld: LdArticle { published: Some("2023-03-03T10:00:00+01:00".into()), ..LdArticle::default() },
            header_lines: vec![long.clone(), long, "1. Mai 1990".into()],
            ..Signals::default()
        };
        assert!(s.visible_dates().is_empty());
        let (d, _) = s.published(None, None, None);
        assert_eq!(d.map(|d| d.date().to_string()).as_deref(), Some("2023-03-03"));
    }

    #[test]
    fn blog_titles_without_h1() {
        // (page, want): the post title in an <h2> the <title> repeats, an entry-title <h3>,
        // an <h2> that is one part of og:title; a sidebar heading is not taken.
        let cases = [
            (
                r#"<title>Alles neu im Mai | Bibliothek und mehr</title><body><aside><h2>Bibliothek und mehr</h2></aside>
                <h2><a href="/2014/05/mai/">Alles neu im Mai</a></h2><p>Text</p></body>"#,
                "Alles neu im Mai",
            ),
            (
                r#"<title>Krimiblog</title><body><h3 class="entry-title">Das schönste Video der Welt</h3></body>"#,
                "Das schönste Video der Welt",
            ),
            (
                r#"<meta property="og:title" content="Jane's Home | Reflections on Python 3"><body>
                <h2>Reflections on Python 3</h2></body>"#,
                "Reflections on Python 3",
            ),
        ];
        for (page, want) in cases {
            let doc = Document::parse(&format!("<html><head>{page}</html>"));
            let m = gather(&doc).resolve(None, &[], None);
            assert_eq!(m.headline.as_deref(), Some(want), "{page}");
        }
    }

    #[test]
    fn marked_kickers() {
        // (h1 markup, og:title, want)
        let cases = [
            // Kicker run into the headline without punctuation: the headline proper.
            (
                r#"<h1><span class="dachzeile">Interne Unterlagen</span> <span class="headline">Daten gehackt</span></h1>"#,
                "Daten gehackt - Interne Unterlagen",
                "Daten gehackt",
            ),
            // Written "Kicker: Headline" by the metadata: that form, with the hidden colon.
            (
                r#"<h1><span class="x__kicker">Akkutechnik<span class="go-vh">:</span></span> <span>Wie viele Akkus?</span></h1>"#,
                "Akkutechnik: Wie viele Akkus? - Golem",
                "Akkutechnik: Wie viele Akkus?",
            ),
            // No kicker marked: the <h1> as it is.
            ("<h1>Covid-19: Was nun?</h1>", "Covid-19: Was nun?", "Covid-19: Was nun?"),
        ];
        for (h1, og, want) in cases {
            let html = format!(
                "<html><head><meta property=\"og:title\" content=\"{og}\"></head><body>{h1}</body></html>"
            );
            let doc = Document::parse(&html);
            let m = gather(&doc).resolve(None, &[], None);
            assert_eq!(m.headline.as_deref(), Some(want), "{h1}");
        }
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

    #[test]
    fn json_ld_authors_and_graph() {
        let mut ld = LdArticle::default();
        read_json_ld(
            r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},
            {"@type":["NewsArticle"],"headline":"H","datePublished":"2023-03-03T10:00:00Z",
             "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"JOHN ROE"},
                       {"@type":"Organization","name":"Reuters"}],
             "publisher":{"@type":"Organization","name":"The Planet"}}]}"#,
            &mut ld,
        );
        assert_eq!(ld.headline.as_deref(), Some("H"));
        assert_eq!(ld.authors, vec!["Jane Doe".to_string(), "John Roe".to_string()]);
        assert_eq!(ld.publisher.as_deref(), Some("The Planet"));
        assert_eq!(ld.published.as_deref(), Some("2023-03-03T10:00:00Z"));
        // Broken JSON is ignored, not fatal.
        read_json_ld("{not json", &mut ld);
    }
}
