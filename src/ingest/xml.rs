//! News XML: the vocabularies news archives and feeds are delivered in, recognised by the root
//! element.
//!
//! * NITF (`<nitf>`, the IPTC News Industry Text Format; The New York Times Annotated Corpus is
//!   written in it): one article per file.
//! * Reuters `<newsitem>` (the Reuters Corpus, RCV1 and RCV2): one article per file.
//! * NewsML 1 (`<NewsML>`, or a lone `<NewsItem>`): one article per text item.
//! * RSS 2.0 (`<rss>`), RSS 1.0 (`<rdf:RDF>`) and Atom (`<feed>`): one article per item or entry,
//!   with the source `path#N` (N counts items from 1); the feed's title is the outlet.
//!
//! Each vocabulary's elements are mapped to the fields they state and set through
//! [`record::apply`], the same code that reads JSON records: dates, bylines and languages are
//! parsed alike for every format. HTML inside a feed (`content:encoded`, an HTML `description`)
//! is rendered as paragraphs. Other XML is reported as not an article, naming its root element.

use roxmltree::{Document, Node, ParsingOptions};

use crate::article::{Article, Format};
use crate::error::{ParseError, ParseErrorKind};
use crate::extract::byline;
use crate::ingest::html::{body::html_to_paragraphs, charset};
use crate::ingest::record::{self, RecordKey, Value};
use crate::ingest::{text, Input, Parser};

/// Reads news XML files.
#[derive(Debug, Clone, Copy, Default)]
pub struct XmlParser;

impl Parser for XmlParser {
    fn format(&self) -> Format {
        Format::Xml
    }

    fn parse(&self, input: &Input, bytes: &[u8]) -> Vec<Result<Article, ParseError>> {
        // The XML declaration's encoding (`<?xml … encoding="iso-8859-1"?>`, as RCV1 writes)
        // is honoured like a page's charset.
        let (text, _) = charset::decode_html(bytes);
        let options = ParsingOptions { allow_dtd: true, ..ParsingOptions::default() };
        let doc = match Document::parse_with_options(&text, options) {
            Ok(d) => d,
            Err(e) => {
                return vec![Err(ParseError::new(&input.path, ParseErrorKind::InvalidXml(e.to_string())))]
            }
        };
        let source = input.path.display().to_string();
        let root = doc.root_element();
        let one = |article: Result<Article, ParseErrorKind>| {
            vec![article.map_err(|k| ParseError::new(&input.path, k))]
        };
        match root.tag_name().name() {
            "nitf" => one(nitf(root, &source)),
            "newsitem" => one(newsitem(root, &source)),
            "newsItem" => one(g2_item(root, &source)),
            // A NewsML-G2 message, or a NewsML 1 document: its text items, one article each
            // (pictures and packages are not articles).
            "newsMessage" | "NewsML" => {
                let g2 = root.tag_name().name() == "newsMessage";
                let items: Vec<Node> = if g2 {
                    root.descendants().filter(|n| n.has_tag_name("newsItem") && g2_is_text(*n)).collect()
                } else {
                    root.descendants().filter(|n| n.has_tag_name("NewsItem") && newsml1_text(*n).is_some()).collect()
                };
                if items.is_empty() {
                    let what = if g2 { "a NewsML-G2 message" } else { "a NewsML document" };
                    return one(Err(ParseErrorKind::NotAnArticle(format!("{what} without text items"))));
                }
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, item)| {
                        let source = format!("{source}#{}", i + 1);
                        let article = if g2 { g2_item(item, &source) } else { newsml1_item(item, &source) };
                        article.map_err(|k| ParseError::new(&input.path, k).at_record(i + 1))
                    })
                    .collect()
            }
            "NewsItem" => one(newsml1_item(root, &source)),
            "rss" | "RDF" | "feed" => {
                let items = feed_items(root);
                if items.is_empty() {
                    return one(Err(ParseErrorKind::NotAnArticle("a feed without items".into())));
                }
                let outlet = feed_title(root);
                let language = feed_language(root);
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, item)| {
                        feed_item(item, &format!("{source}#{}", i + 1), outlet.as_deref(), language.as_deref())
                            .map_err(|k| ParseError::new(&input.path, k).at_record(i + 1))
                    })
                    .collect()
            }
            other => one(Err(ParseErrorKind::NotAnArticle(format!(
                "XML with root <{other}> is none of the news vocabularies morgue reads (NITF, NewsML-G2, NewsML 1, Reuters newsitem, RSS, Atom)"
            )))),
        }
    }
}

/// The first descendant element of `node` with this local name.
fn find<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.descendants().find(|n| n.is_element() && n.tag_name().name() == name)
}

/// The child elements of `node` with this local name.
fn children<'a, 'i>(node: Node<'a, 'i>, name: &'a str) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children().filter(move |n| n.is_element() && n.tag_name().name() == name)
}

/// All the text under `node`, whitespace collapsed; `None` when there is none. Text nodes are
/// joined as written: inline markup splits words (`Pe<em>ña</em>`) without spaces.
fn text_of(node: Node) -> Option<String> {
    let text: String = node.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// The text of every `<p>` under `node`, one paragraph each, separated by blank lines.
fn paragraphs<'a, 'i: 'a>(nodes: impl Iterator<Item = Node<'a, 'i>>) -> String {
    let paras: Vec<String> = nodes
        .flat_map(|n| n.descendants().filter(|d| d.is_element() && d.tag_name().name() == "p"))
        .filter_map(text_of)
        .collect();
    paras.join("\n\n")
}

/// The text under `node` as written (no markup), paragraphs at its blank lines.
fn plain_paragraphs(node: Option<Node>) -> String {
    let plain: String = node
        .map(|d| d.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect())
        .unwrap_or_default();
    plain.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("\n\n")
}

/// An attribute by local name (ignoring its namespace).
fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes().find(|a| a.name() == name).map(|a| a.value()).map(str::trim).filter(|v| !v.is_empty())
}

/// Sets the fields in `stated` on a new article, first value per field winning, in the order
/// given (so callers list their stronger sources first).
fn article_from(source: &str, stated: Vec<(RecordKey, Value)>) -> Article {
    let mut article = Article::new(source);
    let mut set: Vec<RecordKey> = Vec::new();
    for (key, value) in stated {
        if !set.contains(&key) {
            record::apply(&mut article, key, &value);
            set.push(key);
        }
    }
    article
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

/// An ISO 8601 basic-format stamp, as NITF writes them (`20070101T000000`, `19960820`), in the
/// extended form the date parser reads. A stamp at midnight without a zone states only the day,
/// which is how archives date a print issue.
fn iso_basic(norm: &str) -> String {
    let norm = norm.trim();
    let (day, time) = norm.split_once('T').unwrap_or((norm, ""));
    if day.len() != 8 || !day.bytes().all(|b| b.is_ascii_digit()) {
        return norm.to_string();
    }
    let day = format!("{}-{}-{}", &day[..4], &day[4..6], &day[6..]);
    let digits = time.bytes().take_while(u8::is_ascii_digit).count();
    if digits < 4 || time.trim_start_matches('0').is_empty() {
        return day;
    }
    let (clock, zone) = time.split_at(digits);
    let clock: Vec<&str> = clock.as_bytes().chunks(2).filter_map(|c| std::str::from_utf8(c).ok()).collect();
    let zone = match zone.len() {
        5 if zone.starts_with(['+', '-']) => format!("{}:{}", &zone[..3], &zone[3..]),
        _ => zone.to_string(),
    };
    format!("{day}T{}{zone}", clock.join(":"))
}

/// A NITF document: `hedline/hl1`, the print `byline` (or its `person` parts), `dateline`,
/// `abstract`, the paragraphs of `body.content` (only its `full_text` block when it has one, since
/// The New York Times repeats the lead paragraph in a block of its own), media captions and
/// credits, the issue date (`date.issue@norm`, else `pubdata@date.publication`, else
/// `date.release@norm`), the publication (`pubdata@name`, else the copyright holder), its URL
/// (`pubdata@ex-ref`, else `alternate_url`), section (`online_sections`, else `dsk`) and
/// `xml:lang`.
fn nitf(root: Node, source: &str) -> Result<Article, ParseErrorKind> {
    let mut stated: Vec<(RecordKey, Value)> = Vec::new();
    let meta = |name: &str| {
        root.descendants()
            .find(|n| n.has_tag_name("meta") && attr(*n, "name") == Some(name))
            .and_then(|n| attr(n, "content"))
    };
    if let Some(h) = find(root, "hl1").and_then(text_of).or_else(|| find(root, "title").and_then(text_of)) {
        stated.push((RecordKey::Headline, text(h)));
    }
    let bylines: Vec<Node> = root.descendants().filter(|n| n.has_tag_name("byline")).collect();
    let normalized = |b: &Node| attr(*b, "class") == Some("normalized_byline");
    if let Some(b) = bylines.iter().find(|b| !normalized(b)) {
        let persons: Vec<String> =
            b.descendants().filter(|n| n.has_tag_name("person")).filter_map(text_of).collect();
        let names = if persons.is_empty() {
            text_of(*b)
                .and_then(|t| byline::parse_byline_line(&t).or_else(|| byline::parse_byline_element(&t)))
                .unwrap_or_default()
        } else {
            persons
        };
        stated.push((RecordKey::Byline, Value::List(names)));
    } else if let Some(b) = bylines.iter().find(|b| normalized(b)).and_then(|b| text_of(*b)) {
        stated.push((RecordKey::Byline, Value::List(uninverted(&b))));
    }
    let date = find(root, "date.issue")
        .and_then(|n| attr(n, "norm"))
        .or_else(|| find(root, "pubdata").and_then(|n| attr(n, "date.publication")))
        .or_else(|| find(root, "date.release").and_then(|n| attr(n, "norm")));
    if let Some(d) = date {
        stated.push((RecordKey::Published, text(iso_basic(d))));
    }
    let pubdata = find(root, "pubdata");
    let outlet = pubdata
        .and_then(|p| attr(p, "name"))
        .or_else(|| find(root, "doc.copyright").and_then(|n| attr(n, "holder")));
    if let Some(o) = outlet {
        stated.push((RecordKey::Outlet, text(o)));
    }
    let url = pubdata
        .and_then(|p| attr(p, "ex-ref"))
        .filter(|u| u.starts_with("http"))
        .or_else(|| meta("alternate_url"));
    if let Some(u) = url {
        stated.push((RecordKey::Url, text(u)));
    }
    if let Some(s) = meta("online_sections").and_then(|s| s.split(';').next()).or_else(|| meta("dsk")) {
        stated.push((RecordKey::Section, text(s.trim())));
    }
    if let Some(l) = attr(root, "lang") {
        stated.push((RecordKey::Language, text(l)));
    }
    if let Some(d) = find(root, "dateline").and_then(text_of) {
        stated.push((RecordKey::Dateline, text(d)));
    }
    if let Some(a) = find(root, "abstract").and_then(text_of) {
        stated.push((RecordKey::Description, text(a)));
    }
    let content = find(root, "body.content");
    let full_text: Vec<Node> = content
        .map(|c| {
            c.descendants()
                .filter(|n| n.has_tag_name("block") && attr(*n, "class") == Some("full_text"))
                .collect()
        })
        .unwrap_or_default();
    let body = if full_text.is_empty() {
        paragraphs(content.into_iter())
    } else {
        paragraphs(full_text.into_iter())
    };
    stated.push((RecordKey::Body, text(body)));
    let mut article = article_from(source, stated);
    article.captions =
        root.descendants().filter(|n| n.has_tag_name("media-caption")).filter_map(text_of).collect();
    article.credits =
        root.descendants().filter(|n| n.has_tag_name("media-producer")).filter_map(text_of).collect();
    record::require_text(article)
}

/// The names of a byline written surname first ("Doe, Jane"; several joined by ";" or "and"),
/// in reading order ("Jane Doe").
fn uninverted(byline: &str) -> Vec<String> {
    byline
        .split(';')
        .flat_map(|part| part.split(" and "))
        .filter_map(|name| {
            let (last, first) = name.split_once(',').unwrap_or(("", name));
            let full = format!("{} {}", first.trim(), last.trim());
            let full = full.trim();
            (!full.is_empty()).then(|| full.to_string())
        })
        .collect()
}

/// True for a NewsML-G2 item that holds text: its `itemClass` is `ninat:text` or unstated.
fn g2_is_text(item: Node) -> bool {
    find(item, "itemClass").and_then(|c| attr(c, "qcode")).is_none_or(|q| q.ends_with(":text"))
}

/// A NewsML-G2 `newsItem`, as agencies deliver text: `contentMeta/headline`, the `by` line (else
/// the `creator` names), `dateline`, `description`; the first version's time (`firstCreated`,
/// else `contentCreated`, else `versionCreated`) as the publication and `versionCreated` as the
/// modification; the `provider` as the outlet; `xml:lang` or `language@tag`; and the paragraphs
/// of the inline content (NITF or XHTML in `inlineXML`, or plain `inlineData`).
fn g2_item(item: Node, source: &str) -> Result<Article, ParseErrorKind> {
    let meta = children(item, "contentMeta").next();
    let item_meta = children(item, "itemMeta").next();
    let in_meta = |name: &'static str| meta.and_then(|m| children(m, name).next());
    let in_item_meta = |name: &'static str| item_meta.and_then(|m| children(m, name).next());
    let name_of = |n: Node| {
        attr(n, "literal").map(str::to_string).or_else(|| children(n, "name").next().and_then(text_of))
    };
    let mut stated: Vec<(RecordKey, Value)> = Vec::new();
    stated.extend(in_meta("headline").and_then(text_of).map(|h| (RecordKey::Headline, text(h))));
    let by = in_meta("by")
        .and_then(text_of)
        .and_then(|t| byline::parse_byline_line(&t).or_else(|| byline::parse_byline_element(&t)));
    let creators: Vec<String> =
        meta.map(|m| children(m, "creator").filter_map(name_of).collect()).unwrap_or_default();
    match by {
        Some(names) => stated.push((RecordKey::Byline, Value::List(names))),
        None if !creators.is_empty() => stated.push((RecordKey::Byline, Value::List(creators))),
        None => {}
    }
    let first = in_item_meta("firstCreated")
        .or_else(|| in_meta("contentCreated"))
        .or_else(|| in_item_meta("versionCreated"));
    stated.extend(first.and_then(text_of).map(|d| (RecordKey::Published, text(d))));
    stated.extend(in_item_meta("versionCreated").and_then(text_of).map(|d| (RecordKey::Modified, text(d))));
    let provider = in_item_meta("provider").and_then(|p| {
        name_of(p).or_else(|| attr(p, "qcode").map(|q| q.rsplit(':').next().unwrap_or(q).to_string()))
    });
    stated.extend(provider.map(|p| (RecordKey::Outlet, text(p))));
    let language = attr(item, "lang").or_else(|| in_meta("language").and_then(|l| attr(l, "tag")));
    stated.extend(language.map(|l| (RecordKey::Language, text(l))));
    stated.extend(in_meta("dateline").and_then(text_of).map(|d| (RecordKey::Dateline, text(d))));
    stated.extend(in_meta("description").and_then(text_of).map(|d| (RecordKey::Description, text(d))));
    let content = children(item, "contentSet").next();
    let inline_xml: Vec<Node> = content.map(|c| children(c, "inlineXML").collect()).unwrap_or_default();
    let mut body = paragraphs(inline_xml.into_iter());
    if body.is_empty() {
        let data = content.and_then(|c| children(c, "inlineData").next());
        body = plain_paragraphs(data);
    }
    stated.push((RecordKey::Body, text(body)));
    record::require_text(article_from(source, stated))
}

/// The text content of a NewsML 1 `NewsItem`: the `DataContent` of its first `ContentItem` whose
/// `MediaType` is text (or unstated) and that holds any.
fn newsml1_text<'a, 'i>(item: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
    item.descendants().filter(|n| n.has_tag_name("ContentItem")).find_map(|c| {
        let media = children(c, "MediaType").next().and_then(|m| attr(m, "FormalName"));
        let data = children(c, "DataContent").next()?;
        (media.is_none_or(|m| m.eq_ignore_ascii_case("text")) && text_of(data).is_some()).then_some(data)
    })
}

/// A NewsML 1 `NewsItem` (IPTC's agency format before G2, in which AFP and other agencies
/// delivered and archived their wires): `NewsLines` give the `HeadLine`, `ByLine`, `DateLine`
/// and `CopyrightLine` (its holder is the outlet, else the `ProviderId`); `FirstCreated` (else
/// `ThisRevisionCreated`) is the publication time, in ISO 8601 basic form; the `Language`
/// `FormalName`; the text is the paragraphs of the text content (NITF or XHTML), else its
/// plain text.
fn newsml1_item(item: Node, source: &str) -> Result<Article, ParseErrorKind> {
    let line = |name: &str| find(item, name).and_then(text_of);
    let mut stated: Vec<(RecordKey, Value)> = Vec::new();
    stated.extend(line("HeadLine").map(|h| (RecordKey::Headline, text(h))));
    if let Some(b) = line("ByLine") {
        let names =
            byline::parse_byline_line(&b).or_else(|| byline::parse_byline_element(&b)).unwrap_or_default();
        stated.push((RecordKey::Byline, Value::List(names)));
    }
    let created = line("FirstCreated").or_else(|| line("ThisRevisionCreated"));
    stated.extend(created.map(|d| (RecordKey::Published, text(iso_basic(&d)))));
    stated.extend(line("ThisRevisionCreated").map(|d| (RecordKey::Modified, text(iso_basic(&d)))));
    let holder = line("CopyrightLine").and_then(|c| text::copyright_holder(&c));
    stated.extend(holder.or_else(|| line("ProviderId")).map(|o| (RecordKey::Outlet, text(o))));
    let language = find(item, "Language").and_then(|l| attr(l, "FormalName"));
    stated.extend(language.map(|l| (RecordKey::Language, text(l))));
    stated.extend(line("DateLine").map(|d| (RecordKey::Dateline, text(d))));
    let data = newsml1_text(item);
    let mut body = paragraphs(data.into_iter());
    if body.is_empty() {
        body = plain_paragraphs(data);
    }
    stated.push((RecordKey::Body, text(body)));
    record::require_text(article_from(source, stated))
}

/// A Reuters `newsitem` (RCV1): `headline` (else `title`), `byline`, `dateline`, the `date`
/// attribute (else `dc.date.published`), the paragraphs of `text`, the publisher
/// (`dc.publisher`) and `xml:lang`.
fn newsitem(root: Node, source: &str) -> Result<Article, ParseErrorKind> {
    let dc = |element: &str| {
        root.descendants()
            .find(|n| n.has_tag_name("dc") && attr(*n, "element") == Some(element))
            .and_then(|n| attr(n, "value"))
    };
    let mut stated: Vec<(RecordKey, Value)> = Vec::new();
    if let Some(h) = children(root, "headline")
        .next()
        .and_then(text_of)
        .or_else(|| children(root, "title").next().and_then(text_of))
    {
        stated.push((RecordKey::Headline, text(h)));
    }
    if let Some(b) = children(root, "byline").next().and_then(text_of) {
        stated.push((RecordKey::Byline, text(b)));
    }
    if let Some(d) = attr(root, "date").or_else(|| dc("dc.date.published")) {
        stated.push((RecordKey::Published, text(d)));
    }
    if let Some(p) = dc("dc.publisher") {
        stated.push((RecordKey::Outlet, text(p)));
    }
    if let Some(l) = attr(root, "lang") {
        stated.push((RecordKey::Language, text(l)));
    }
    if let Some(d) = children(root, "dateline").next().and_then(text_of) {
        stated.push((RecordKey::Dateline, text(d)));
    }
    stated.push((RecordKey::Body, text(paragraphs(children(root, "text")))));
    record::require_text(article_from(source, stated))
}

/// The items of an RSS 2.0 channel, an RSS 1.0 document, or an Atom feed's entries.
fn feed_items<'a, 'i>(root: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    let channel = children(root, "channel").next();
    let from_channel = channel.map(|c| children(c, "item").collect::<Vec<_>>()).unwrap_or_default();
    if !from_channel.is_empty() {
        return from_channel;
    }
    // RSS 1.0 lists its items beside the channel; Atom calls them entries.
    root.children().filter(|n| n.is_element() && matches!(n.tag_name().name(), "item" | "entry")).collect()
}

/// The feed's own title: the outlet of its items.
fn feed_title(root: Node) -> Option<String> {
    let channel = children(root, "channel").next().unwrap_or(root);
    children(channel, "title").next().and_then(text_of)
}

fn feed_language(root: Node) -> Option<String> {
    let channel = children(root, "channel").next().unwrap_or(root);
    children(channel, "language").next().and_then(text_of).or_else(|| attr(root, "lang").map(str::to_string))
}

/// One RSS item or Atom entry. Its full text is `content:encoded` or Atom `content`; without
/// one, the `description` or `summary` is the text (the excerpt is all the feed gives).
fn feed_item(
    item: Node,
    source: &str,
    outlet: Option<&str>,
    language: Option<&str>,
) -> Result<Article, ParseErrorKind> {
    let mut stated: Vec<(RecordKey, Value)> = Vec::new();
    let mut authors: Vec<String> = Vec::new();
    let mut content: Option<String> = None;
    let mut summary: Option<String> = None;
    for child in item.children().filter(Node::is_element) {
        let name = child.tag_name().name();
        match name {
            "title" => stated.extend(text_of(child).map(|t| (RecordKey::Headline, text(t)))),
            // Atom: the alternate link's address; RSS: the element's text.
            "link" => {
                let rel = attr(child, "rel").unwrap_or("alternate");
                let href = attr(child, "href").map(str::to_string).or_else(|| text_of(child));
                if rel == "alternate" {
                    stated.extend(href.map(|h| (RecordKey::Url, text(h))));
                }
            }
            "pubDate" | "published" | "issued" | "date" => {
                stated.extend(text_of(child).map(|t| (RecordKey::Published, text(t))))
            }
            "updated" | "modified" => stated.extend(text_of(child).map(|t| (RecordKey::Modified, text(t)))),
            // RSS `author` is "jdoe@example.com (Jane Doe)"; Atom's holds a `name`.
            "author" | "creator" => {
                let value = children(child, "name").next().and_then(text_of).or_else(|| text_of(child));
                authors.extend(value.map(|v| rss_author(&v)));
            }
            "category" => stated.extend(
                attr(child, "term")
                    .map(str::to_string)
                    .or_else(|| text_of(child))
                    .map(|c| (RecordKey::Section, text(c))),
            ),
            // An aggregator's item names its own publication (RSS 2.0 `source`).
            "source" => stated.extend(text_of(child).map(|t| (RecordKey::Outlet, text(t)))),
            "encoded" | "content" => content = content.or_else(|| rendered(child)),
            "description" | "summary" => summary = summary.or_else(|| rendered(child)),
            _ => {}
        }
    }
    if !authors.is_empty() {
        stated.push((RecordKey::Byline, Value::List(authors)));
    }
    match (content, summary) {
        (Some(body), summary) => {
            stated.push((RecordKey::Body, text(body)));
            stated.extend(summary.map(|s| (RecordKey::Description, text(s))));
        }
        (None, Some(summary)) => stated.push((RecordKey::Body, text(summary))),
        (None, None) => {}
    }
    stated.extend(outlet.map(|o| (RecordKey::Outlet, text(o))));
    stated.extend(language.map(|l| (RecordKey::Language, text(l))));
    record::require_text(article_from(source, stated))
}

/// The text of an element that may hold HTML (escaped, in CDATA, or as Atom `type="xhtml"`
/// markup): rendered as paragraphs.
fn rendered(node: Node) -> Option<String> {
    let kind = attr(node, "type").unwrap_or("html");
    let raw: String = if kind == "xhtml" {
        let doc_text = node.document().input_text();
        let r = node.range();
        doc_text.get(r).unwrap_or("").to_string()
    } else {
        node.children().filter_map(|c| c.text()).collect()
    };
    let text = if kind == "text" || !raw.contains('<') {
        raw.trim().to_string()
    } else {
        // One line per block element: each is a paragraph.
        html_to_paragraphs(&raw)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    (!text.trim().is_empty()).then_some(text)
}

/// An RSS `author` value, "jdoe@example.com (Jane Doe)", as the name alone.
fn rss_author(value: &str) -> String {
    match value.split_once('(') {
        Some((mail, rest)) if mail.contains('@') => rest.trim_end_matches(')').trim().to_string(),
        _ => value.trim().to_string(),
    }
}

/// An article needs a headline or some text.
#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn parse(xml: &[u8]) -> Vec<Result<Article, ParseError>> {
        XmlParser.parse(&Input::new(PathBuf::from("news.xml"), Format::Xml), xml)
    }

    fn one(xml: &str) -> Article {
        let mut out = parse(xml.as_bytes());
        assert_eq!(out.len(), 1);
        out.remove(0).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn iso_basic_stamps() {
        assert_eq!(iso_basic("20070101T000000"), "2007-01-01");
        assert_eq!(iso_basic("19960820"), "1996-08-20");
        assert_eq!(iso_basic("20070101T153000Z"), "2007-01-01T15:30:00Z");
        assert_eq!(iso_basic("20070101T1530+0100"), "2007-01-01T15:30+01:00");
        assert_eq!(iso_basic("2007-01-01"), "2007-01-01");
    }

    #[test]
    fn nitf_fields_and_the_repeated_lead() {
        let a = one(r#"<?xml version="1.0"?>
            <!DOCTYPE nitf SYSTEM "nitf-3-3.dtd">
            <nitf><head><title>Head title</title><meta name="online_sections" content="World; Americas"/>
            <docdata><date.issue norm="20070101T000000"/><doc.copyright holder="The Paper" year="2007"/></docdata>
            <pubdata ex-ref="http://paper.example/a.html" date.publication="20061231T000000"/></head>
            <body><body.head><hedline><hl1>Real headline</hl1></hedline>
            <byline class="print_byline">By JANE DOE and JOHN ROE</byline><byline class="normalized_byline">Doe, Jane</byline>
            <dateline>LIMA, Peru, Dec. 31</dateline></body.head>
            <body.content><block class="lead_paragraph"><p>First paragraph.</p></block>
            <block class="full_text"><p>First paragraph.</p><p>Second   paragraph.</p></block></body.content></body></nitf>"#);
        assert_eq!(a.headline.as_deref(), Some("Real headline"));
        assert_eq!(a.byline, ["Jane Doe", "John Roe"]);
        assert_eq!(a.published.map(|p| p.to_iso()).as_deref(), Some("2007-01-01"));
        assert_eq!(a.outlet.as_deref(), Some("The Paper"));
        assert_eq!(a.url.as_deref(), Some("http://paper.example/a.html"));
        assert_eq!(a.section.as_deref(), Some("World"));
        assert_eq!(a.dateline.as_deref(), Some("LIMA, Peru, Dec. 31"));
        assert_eq!(a.body, "First paragraph.\n\nSecond paragraph.");
    }

    #[test]
    fn a_normalized_byline_alone_is_read_in_reading_order() {
        let a = one(
            "<nitf><body><body.head><hedline><hl1>H</hl1></hedline><byline class=\"normalized_byline\">Doe, Jane; \
             Roe, John</byline></body.head><body.content><p>Text.</p></body.content></body></nitf>",
        );
        assert_eq!(a.byline, ["Jane Doe", "John Roe"]);
        assert_eq!(uninverted("Kifner, John"), ["John Kifner"]);
    }

    #[test]
    fn nitf_byline_persons() {
        let a = one(
            "<nitf><body><body.head><hedline><hl1>H</hl1></hedline><byline>By <person>Ana Ruiz</person>, \
             <byttl>Reuters</byttl></byline></body.head><body.content><p>Text.</p></body.content></body></nitf>",
        );
        assert_eq!(a.byline, ["Ana Ruiz"]);
    }

    #[test]
    fn reuters_newsitem_in_latin1() {
        let xml = b"<?xml version=\"1.0\" encoding=\"iso-8859-1\" ?>\n<newsitem itemid=\"2286\" date=\"1996-08-20\" xml:lang=\"en\">\
            <title>MEXICO: Markets rise.</title><headline>Markets rise.</headline><byline>Henry Tricks</byline>\
            <dateline>MEXICO CITY 1996-08-20</dateline><text><p>Pe<b>\xf1a</b> said so.</p><p>Second.</p></text>\
            <metadata><dc element=\"dc.publisher\" value=\"Reuters Holdings Plc\"/></metadata></newsitem>"
            .to_vec();
        let out = parse(&xml);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.headline.as_deref(), Some("Markets rise."));
        assert_eq!(a.byline, ["Henry Tricks"]);
        assert_eq!(a.published.map(|p| p.to_iso()).as_deref(), Some("1996-08-20"));
        assert_eq!(a.outlet.as_deref(), Some("Reuters Holdings Plc"));
        assert_eq!(a.language.as_deref(), Some("en"));
        assert_eq!(a.body, "Peña said so.\n\nSecond.");
    }

    #[test]
    fn newsml_g2_message_with_text_and_picture_items() {
        let out = parse(
            br#"<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2024-05-06T10:05:00Z</sent></header>
            <itemSet>
              <newsItem guid="urn:x:1" xml:lang="en"><itemMeta><itemClass qcode="ninat:text"/><provider literal="Example Wire"/>
                <versionCreated>2024-05-06T11:00:00Z</versionCreated><firstCreated>2024-05-06T10:00:00Z</firstCreated></itemMeta>
                <contentMeta><headline>Council passes budget</headline><by>By JANE DOE</by><dateline>SPRINGFIELD (EW) --</dateline>
                  <description role="drol:summary">The vote was close.</description></contentMeta>
                <contentSet><inlineXML contenttype="application/nitf+xml"><nitf><body><body.content>
                  <p>The council passed the budget.</p><p>It takes effect in July.</p></body.content></body></nitf></inlineXML></contentSet>
              </newsItem>
              <newsItem guid="urn:x:2"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta>
                <contentSet><remoteContent href="photo.jpg"/></contentSet></newsItem>
              <newsItem guid="urn:x:3"><itemMeta><provider qcode="nprov:EW"/><versionCreated>2024-05-07T09:00:00Z</versionCreated></itemMeta>
                <contentMeta><headline>Plain item</headline><creator><name>John Roe</name></creator><language tag="en-GB"/></contentMeta>
                <contentSet><inlineData contenttype="text/plain">First part.

Second part.</inlineData></contentSet></newsItem>
            </itemSet></newsMessage>"#,
        );
        assert_eq!(out.len(), 2, "the picture item is no article");
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.source, "news.xml#1");
        assert_eq!(
            (a.headline.as_deref(), a.byline.as_slice()),
            (Some("Council passes budget"), &["Jane Doe".to_string()][..])
        );
        assert_eq!(a.published.map(|p| p.to_iso()).as_deref(), Some("2024-05-06T10:00:00Z"));
        assert_eq!(a.modified.map(|p| p.to_iso()).as_deref(), Some("2024-05-06T11:00:00Z"));
        assert_eq!(a.outlet.as_deref(), Some("Example Wire"));
        assert_eq!(a.dateline.as_deref(), Some("SPRINGFIELD (EW) --"));
        assert_eq!(a.description.as_deref(), Some("The vote was close."));
        assert_eq!(a.body, "The council passed the budget.\n\nIt takes effect in July.");
        let b = out[1].as_ref().unwrap();
        assert_eq!(b.byline, ["John Roe"]);
        assert_eq!((b.outlet.as_deref(), b.language.as_deref()), (Some("EW"), Some("en")));
        assert_eq!(b.published.map(|p| p.to_iso()).as_deref(), Some("2024-05-07T09:00:00Z"));
        assert_eq!(b.body, "First part.\n\nSecond part.");
    }

    #[test]
    fn atom_entries() {
        let out = parse(
            br#"<feed xmlns="http://www.w3.org/2005/Atom"><title>The Blog</title>
            <entry><title>First</title><link rel="alternate" href="https://b.example/1"/><link rel="edit" href="https://b.example/e/1"/>
              <author><name>Jane Doe</name></author><published>2024-05-06T10:00:00Z</published><updated>2024-05-07T10:00:00Z</updated>
              <category term="politics"/><summary>Short.</summary>
              <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One.</p><p>Two.</p></div></content></entry>
            <entry><title>Second</title><link href="https://b.example/2"/><content type="text">Plain &lt;b&gt; text.</content></entry>
            </feed>"#,
        );
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.source, "news.xml#1");
        assert_eq!((a.headline.as_deref(), a.url.as_deref()), (Some("First"), Some("https://b.example/1")));
        assert_eq!(a.byline, ["Jane Doe"]);
        assert_eq!(a.published.map(|p| p.to_iso()).as_deref(), Some("2024-05-06T10:00:00Z"));
        assert!(a.modified.is_some());
        assert_eq!(a.section.as_deref(), Some("politics"));
        assert_eq!(a.outlet.as_deref(), Some("The Blog"));
        assert_eq!(a.body, "One.\n\nTwo.");
        assert_eq!(a.description.as_deref(), Some("Short."));
        let b = out[1].as_ref().unwrap();
        assert_eq!((b.source.as_str(), b.body.as_str()), ("news.xml#2", "Plain <b> text."));
    }

    #[test]
    fn rss_1_items_and_a_bad_item() {
        let out = parse(
            br#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Old Feed</title></channel>
            <item><title>Item one</title><link>https://o.example/1</link><dc:date>2004-03-02</dc:date><dc:creator>Ana Ruiz</dc:creator>
              <description>&lt;p&gt;Escaped &lt;em&gt;HTML&lt;/em&gt; text.&lt;/p&gt;</description></item>
            <item><link>https://o.example/2</link></item>
            </rdf:RDF>"#,
        );
        assert_eq!(out.len(), 2);
        let a = out[0].as_ref().unwrap();
        assert_eq!((a.headline.as_deref(), a.body.as_str()), (Some("Item one"), "Escaped HTML text."));
        assert_eq!(a.byline, ["Ana Ruiz"]);
        assert_eq!(a.outlet.as_deref(), Some("Old Feed"));
        let err = out[1].as_ref().unwrap_err();
        assert_eq!(err.location(), "news.xml#2");
        assert!(err.kind.to_string().contains("no headline and no text"));
    }

    #[test]
    fn an_aggregated_item_names_its_own_publication() {
        let out = parse(
            br#"<rss><channel><title>News about cartels - Aggregator</title>
            <item><title>A story</title><source url="https://ledger.example/rss">The Harbor Ledger</source>
            <description>Its excerpt.</description></item></channel></rss>"#,
        );
        assert_eq!(out[0].as_ref().unwrap().outlet.as_deref(), Some("The Harbor Ledger"));
    }

    #[test]
    fn other_xml_and_broken_xml_are_reported() {
        let out = parse(b"<?xml version=\"1.0\"?><invoice><total>3</total></invoice>");
        assert!(matches!(&out[..], [Err(e)] if e.kind.to_string().contains("root <invoice>")));
        let out = parse(b"<nitf><head><title>T</title></head><body>");
        assert!(matches!(&out[..], [Err(e)] if matches!(e.kind, ParseErrorKind::InvalidXml(_))));
        let out = parse(b"<rss><channel><title>Empty</title></channel></rss>");
        assert!(matches!(&out[..], [Err(e)] if e.kind.to_string().contains("without items")));
    }
    #[test]
    fn newsml1_text_items() {
        let doc = |items: &str| {
            format!("<?xml version=\"1.0\"?><NewsML Version=\"1.2\"><NewsEnvelope/>{items}</NewsML>")
        };
        let text = r#"<NewsItem><Identification><NewsIdentifier><ProviderId>wire.example</ProviderId></NewsIdentifier></Identification>
            <NewsManagement><FirstCreated>20250807T181500+0200</FirstCreated></NewsManagement>
            <NewsComponent><NewsLines><HeadLine>Grid strained</HeadLine><ByLine>By Jane Doe</ByLine></NewsLines>
            <DescriptiveMetadata><Language FormalName="de"/></DescriptiveMetadata>
            <ContentItem><MediaType FormalName="Text"/><DataContent>First paragraph.

Second paragraph.</DataContent></ContentItem></NewsComponent></NewsItem>"#;
        let photo = r#"<NewsItem><NewsComponent><NewsLines><HeadLine>A photo</HeadLine></NewsLines>
            <ContentItem Href="p.jpg"><MediaType FormalName="Photo"/></ContentItem></NewsComponent></NewsItem>"#;
        let out = parse(doc(&format!("{photo}{text}")).as_bytes());
        assert_eq!(out.len(), 1, "the photo item is no article");
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.source, "news.xml#1");
        assert_eq!(a.headline.as_deref(), Some("Grid strained"));
        assert_eq!(a.byline, ["Jane Doe"]);
        assert_eq!(a.published.map(|d| d.to_iso()).as_deref(), Some("2025-08-07T18:15:00+02:00"));
        // No copyright line: the provider is the outlet.
        assert_eq!(a.outlet.as_deref(), Some("wire.example"));
        assert_eq!(a.language.as_deref(), Some("de"));
        assert_eq!(a.body, "First paragraph.\n\nSecond paragraph.");

        let out = parse(doc(photo).as_bytes());
        assert!(out[0].as_ref().unwrap_err().to_string().contains("a NewsML document without text items"));
    }
}
