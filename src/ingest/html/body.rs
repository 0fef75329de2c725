//! The main text of an HTML page: runs a content extractor (trafilatura, or dom_smoothie), then
//! adds what they lack: one paragraph per block separated by blank lines, figure captions and
//! photo credits moved out of the text, a leading headline, byline or date line removed (the
//! byline's names are handed back to the metadata cascade), trailing teasers dropped, and a
//! fallback (the other extractor, JSON-LD `articleBody`) when the first gives too little.
//!
//! It does not read metadata (see `meta`) and does not decide what a caption or teaser looks
//! like in general (`extract::boilerplate`, shared with the other formats).

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use trafilatura::dom::Document;

use crate::article::PubDate;
use crate::extract::{boilerplate, byline, date};

use super::embedded;
use super::meta::{norm, Signals};

/// Which extractor finds the main text first; the other is the fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BodyExtractor {
    /// trafilatura 0.6 (a port of go-trafilatura): the better text on news pages.
    #[default]
    Trafilatura,
    /// dom_smoothie 0.19 (a readability.js port): faster, a little less precise.
    DomSmoothie,
}

/// Deeper element nesting than this is taken as pathological (real pages stay under ~60).
const MAX_DEPTH: usize = 256;

/// More elements than this is taken as pathological (the largest real news pages seen have
/// about a third of it).
const MAX_ELEMENTS: usize = 30_000;

/// True when the tree is deeper than [`MAX_DEPTH`] or larger than [`MAX_ELEMENTS`].
fn is_pathological(doc: &Document) -> bool {
    let mut count = 0;
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((id, depth)) = stack.pop() {
        count += 1;
        if depth > MAX_DEPTH || count > MAX_ELEMENTS {
            return true;
        }
        stack.extend(doc.children(id).into_iter().map(|c| (c, depth + 1)));
    }
    false
}

/// A body shorter than this many words is taken as a failed extraction and a fallback tried.
const MIN_WORDS: usize = 60;

/// The cleaned main text and what was moved out of it.
#[derive(Debug, Default)]
pub struct Body {
    pub text: String,
    pub captions: Vec<String>,
    pub credits: Vec<String>,
    /// Teasers and boilerplate removed from the end of the text.
    pub teasers: Vec<String>,
    /// Names from a "By …" line the text started with.
    pub byline: Vec<String>,
    /// The extractor's own publication-date guess (trafilatura reads visible dates).
    pub extractor_date: Option<PubDate>,
}

/// Extracts and cleans the main text. `doc` is the parsed page (copied for dom_smoothie,
/// then consumed by trafilatura).
///
/// Both extractors run and their outputs are compared paragraph by paragraph (trafilatura's
/// own "compare with a baseline" idea, with a second real extractor as the baseline): where
/// the two agree is article text; what only the primary found at the head or tail of its
/// output, outside the span where they agree, is usually a teaser list, comment box or
/// navigation that one extractor took in; a secondary output several times longer that
/// contains the primary's means the primary stopped early.
///
/// `page` is the page's HTML as sent, scripts included: when neither extractor nor JSON-LD
/// finds an article, a client-rendered page may still carry it in a script (see
/// [`embedded`]).
pub fn extract(mut doc: Document, page: &str, signals: &Signals, first: BodyExtractor) -> Body {
    // Both extractors slow down badly on pathological nesting (20,000 nested <div>s took
    // minutes) and on giant trees (40,000 paragraphs: seconds); such a page gets a plain
    // block-by-block rendering instead.
    if is_pathological(&doc) {
        let root = doc.body().unwrap_or_else(|| doc.root());
        return clean(&render_blocks(&doc, root), signals, &HashSet::new());
    }
    remove_side_blocks(&mut doc);
    let listed = link_list_items(&doc);
    let lead = signals
        .description
        .as_deref()
        .or(signals.ld.description.as_deref())
        .and_then(|d| visible_lead(&doc, d));
    // dom_smoothie reads its own tree type; building it from the tree at hand costs a fraction
    // of parsing the page a second time.
    let smoothie_doc = smoothie_document(&doc);
    let (traf, extractor_date) = run_trafilatura(doc);
    let smoothie = run_dom_smoothie(smoothie_doc);
    let (primary, secondary) = match first {
        BodyExtractor::Trafilatura => (traf, smoothie),
        BodyExtractor::DomSmoothie => (smoothie, traf),
    };
    let mut best = combine(&primary, &secondary);
    if let Some(lead) = lead {
        let lines: Vec<&str> = best.lines().collect();
        if !supported(&[lead.as_str()], &Witness::new(&lines))[0] {
            best = format!("{lead}\n{best}");
        }
    }
    if word_count(&best) < MIN_WORDS {
        // Structured article text beats a layout guess that found next to nothing.
        if let Some(ld) = signals.ld.body.as_deref() {
            if word_count(ld) > word_count(&best) {
                best = ld.to_string();
            }
        }
    }
    if word_count(&best) < MIN_WORDS {
        // A page rendered in the browser: the article is a string in a script.
        if let Some(raw) = embedded::embedded_body(page, MIN_EMBEDDED_CHARS) {
            let text = if raw.contains('<') { html_to_paragraphs(&raw) } else { raw };
            if word_count(&text) > word_count(&best) {
                best = text;
            }
        }
    }
    let mut body = clean(&best, signals, &listed);
    body.extractor_date = extractor_date;
    body
}

/// Parts of class names that mark a block set beside the article's prose that the
/// extractors take in with the text around it: a fact box (a framed list set into the article:
/// "What else is in the bill?", a full transcript, key figures) and the author's biography
/// under the text. "infobox" is not among them: pages use it for the article's own
/// highlighted passages as often.
const SIDE_BLOCK_CLASS_PARTS: &[&str] = &["factbox", "fact-box", "author-bio", "authorbio", "author__bio"];

/// True when a class attribute marks an element whose text is not the article's (see
/// [`remove_side_blocks`]).
fn is_side_block(class: &str) -> bool {
    // The parts hold no spaces, so a part in the whole attribute is a part in one of its
    // words. This runs for every element of the page: one lowercased copy at most.
    let lower;
    let class = if class.bytes().any(|b| b.is_ascii_uppercase()) {
        lower = class.to_ascii_lowercase();
        lower.as_str()
    } else {
        class
    };
    SIDE_BLOCK_CLASS_PARTS.iter().any(|p| class.contains(p))
}

/// A list needs this many items to be taken for a list of links to other pages.
const LINK_LIST_MIN_ITEMS: usize = 3;

/// True for a `<ul>`/`<ol>` of [`LINK_LIST_MIN_ITEMS`] or more items that are each mostly a
/// link's text: a "more on this" list of other stories set into the article.
fn is_link_list(doc: &Document, id: trafilatura::dom::NodeId) -> bool {
    if !matches!(doc.tag_name(id), "ul" | "ol") {
        return false;
    }
    let items: Vec<_> = doc.children(id).into_iter().filter(|&c| doc.tag_name(c) == "li").collect();
    items.len() >= LINK_LIST_MIN_ITEMS
        && items.iter().all(|&li| {
            let all = letters(&doc.text_content(li));
            // Links within the page (a table of contents) point to the article's own
            // headings, which must stay.
            let linked: usize = doc
                .iter_descendants(li, &["a"])
                .into_iter()
                .filter(|&a| doc.get_attribute(a, "href").is_some_and(|h| !h.trim_start().starts_with('#')))
                .map(|a| letters(&doc.text_content(a)))
                .sum();
            all > 0 && 2 * linked >= all
        })
}

/// The items of the page's link lists ([`is_link_list`]), normalised ([`norm`]): an extractor
/// line that is one of them is a link to another story, wherever it stands.
fn link_list_items(doc: &Document) -> HashSet<String> {
    let mut items = HashSet::new();
    let mut stack = vec![doc.root()];
    while let Some(id) = stack.pop() {
        if doc.is_element(id) && is_link_list(doc, id) {
            // The heading right above the list is its title ("More on this").
            if let Some(prev) = doc.prev_element_sibling(id) {
                if matches!(doc.tag_name(prev), "h2" | "h3" | "h4" | "h5" | "h6") {
                    let key = norm(&doc.text_content(prev));
                    if !key.is_empty() {
                        items.insert(key);
                    }
                }
            }
            for li in doc.children(id) {
                let key = norm(&doc.text_content(li));
                if !key.is_empty() {
                    items.insert(key);
                }
            }
            continue;
        }
        stack.extend(doc.children(id));
    }
    items
}

/// Characters of a text that are not whitespace.
fn letters(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// Removes from the page, before the extractors see it, the blocks they take in with the
/// article though they are not its text (fact boxes, author biographies: see
/// [`SIDE_BLOCK_CLASS_PARTS`]).
fn remove_side_blocks(doc: &mut Document) {
    let mut found = Vec::new();
    let mut stack = vec![doc.root()];
    while let Some(id) = stack.pop() {
        if doc.is_element(id) && is_side_block(&doc.class_name(id)) {
            found.push(id);
            continue;
        }
        stack.extend(doc.children(id));
    }
    for id in found {
        // Keep the text after the block: it belongs to the enclosing paragraph.
        doc.remove(id, true);
    }
}

/// An article string in a page's scripts is at least this long (characters); shorter ones
/// are teasers, summaries or settings.
const MIN_EMBEDDED_CHARS: usize = 500;

/// A description shorter than this many words is a slogan, not a lead paragraph.
const MIN_LEAD_WORDS: usize = 8;

/// The page's lead paragraph (standfirst): the block of visible text that holds the page's
/// meta description. Pages show it between headline and text, often in markup both
/// extractors skip, yet it is the article's opening; a description that is not shown on
/// the page (only in `<meta>`) is not article text and is not returned.
fn visible_lead(doc: &Document, description: &str) -> Option<String> {
    let desc = LowerWords::new(description);
    if desc.len() < MIN_LEAD_WORDS {
        return None;
    }
    let key = desc.first_words(MIN_LEAD_WORDS);
    let first = desc.first_words(1);
    let text = render_blocks(doc, doc.body()?);
    text.lines()
        .filter(|line| line.to_lowercase().contains(first))
        .find(|line| LowerWords::new(line).joined.contains(key))
        .map(|line| {
            // A block much longer than the description is a container (a teaser list that
            // repeats it), not the lead itself.
            if word_count(line) <= 2 * desc.len() + 20 {
                line.to_string()
            } else {
                description.split_whitespace().collect::<Vec<_>>().join(" ")
            }
        })
}

/// When the secondary output is this many times longer than the primary's and contains it,
/// the primary stopped early (one block of a split article body).
const SECONDARY_LONGER: f64 = 2.5;

/// Share of the secondary's words that must lie in paragraphs the primary also has before
/// the primary is trimmed to the agreed span: below it the secondary is itself unreliable
/// (it took in a different block) and is no witness.
const MIN_AGREEMENT: f64 = 0.8;

/// Combines the two extractors' outputs (one paragraph per line): see [`extract`].
fn combine(primary: &str, secondary: &str) -> String {
    let p: Vec<&str> = primary.lines().filter(|l| !l.trim().is_empty()).collect();
    let s: Vec<&str> = secondary.lines().filter(|l| !l.trim().is_empty()).collect();
    let (p_words, s_words) = (word_count(primary), word_count(secondary));
    if p_words < MIN_WORDS && s_words > p_words {
        return without_fragment_tail(&s);
    }
    if p.is_empty() || s.is_empty() {
        return primary.to_string();
    }
    // A primary without paragraph breaks (a page's whole text run together) cannot be
    // trimmed to the lines the secondary agrees with; a secondary with paragraphs that it
    // holds is the article.
    if p.len() < 3
        && s.len() >= 3
        && p_words > 2 * s_words
        && agreed_words(&s, &p) as f64 >= MIN_AGREEMENT * s_words as f64
    {
        return without_fragment_tail(&s);
    }
    let p_in_s = supported(&p, &Witness::new(&s));
    if !p_in_s.iter().any(|&x| x) {
        return primary.to_string();
    }
    // The secondary shares text with a primary it is several times longer than: the primary
    // stopped early or took a side block (a caption, a teaser list) for the article.
    if s_words as f64 >= SECONDARY_LONGER * p_words as f64 {
        return without_fragment_tail(&s);
    }
    // The primary kept a page's headings, buttons and link lists but not the paragraphs
    // between them (they sit in markup it discarded), while the secondary has those
    // paragraphs around the primary's headings and its few paragraphs.
    let held_lines = p_in_s.iter().filter(|&&x| x).count();
    let (p_prose, s_prose) = (prose_words(&p), prose_words(&s));
    let held_prose: usize = p
        .iter()
        .zip(&p_in_s)
        .filter(|(_, &held)| held)
        .map(|(l, _)| word_count(l))
        .filter(|&n| n >= PROSE_LINE_WORDS)
        .sum();
    if s_prose >= MIN_WORDS
        && s_prose >= PROSE_RATIO * p_prose
        && 2 * held_prose >= p_prose
        && held_lines >= MIN_HELD_LINES
    {
        return without_fragment_tail(&s);
    }
    if (agreed_words(&s, &p) as f64) < MIN_AGREEMENT * s_words as f64 {
        return primary.to_string();
    }
    // Symmetrically, a secondary holding a small part of a primary that is several times
    // longer stopped early: trimming the primary to it would lose most of the article.
    if p_words as f64 >= SECONDARY_LONGER * s_words as f64 {
        return primary.to_string();
    }
    let mut first = p_in_s.iter().position(|&x| x).unwrap_or(0);
    let last = p_in_s.iter().rposition(|&x| x).unwrap_or(p.len() - 1);
    // A head of full paragraphs is more often an intro the secondary skipped than clutter;
    // clutter above an article (breadcrumbs, kickers, captions) comes in short lines.
    if first > 0 && word_count(&p[..first].join(" ")) > HEAD_MAX_WORDS_PER_LINE * first {
        first = 0;
    }
    p[first..=last].join("\n")
}

/// A line of at least this many words is a paragraph of prose rather than a heading, button
/// or link.
const PROSE_LINE_WORDS: usize = 15;

/// See [`combine`]: the secondary has this many times the primary's words of prose.
const PROSE_RATIO: usize = 3;

/// See [`combine`]: the secondary has at least this many of the primary's lines, so that both
/// read the same article.
const MIN_HELD_LINES: usize = 3;

/// Words in the lines that are paragraphs of prose ([`PROSE_LINE_WORDS`]).
fn prose_words(lines: &[&str]) -> usize {
    lines.iter().map(|l| word_count(l)).filter(|&n| n >= PROSE_LINE_WORDS).sum()
}

/// A trailing run of at least this many lines, nearly all fragments, is page furniture.
const FRAGMENT_TAIL_MIN_LINES: usize = 10;

/// A fragment: a line of at most this many words that does not end a sentence.
const FRAGMENT_MAX_WORDS: usize = 12;

/// True for a fragment ([`FRAGMENT_MAX_WORDS`]): a button, a counter, a menu entry, a title.
fn is_fragment(line: &str) -> bool {
    let t = line.trim_end();
    word_count(t) <= FRAGMENT_MAX_WORDS
        && !t.ends_with(['.', '!', '?', '。', '！', '？', '"', '”', '»', ')', '…'])
}

/// The lines without a closing run of [`FRAGMENT_TAIL_MIN_LINES`] or more lines of which nine
/// in ten are fragments (menus, counters, app badges, other stories' titles), when what stays
/// is at least half the text: used on an extractor's output that no second extractor
/// witnessed.
fn without_fragment_tail(lines: &[&str]) -> String {
    let n = lines.len();
    let mut cut = n;
    let mut fragments = 0;
    for i in (0..n).rev() {
        if is_fragment(lines[i]) {
            fragments += 1;
        }
        let run = n - i;
        if run >= FRAGMENT_TAIL_MIN_LINES && 10 * fragments >= 9 * run && is_fragment(lines[i]) {
            cut = i;
        } else if 10 * fragments < 9 * run && run > FRAGMENT_TAIL_MIN_LINES {
            break;
        }
    }
    let kept: usize = lines[..cut].iter().map(|l| l.len()).sum();
    let all: usize = lines.iter().map(|l| l.len()).sum();
    if 2 * kept < all {
        cut = n;
    }
    lines[..cut].join("\n")
}

/// The words of the `lines` that the `witness` lines hold.
fn agreed_words(lines: &[&str], witness: &[&str]) -> usize {
    let held = supported(lines, &Witness::new(witness));
    lines.iter().zip(&held).filter(|(_, &x)| x).map(|(l, _)| word_count(l)).sum()
}

/// An unagreed head is only cut when its lines average at most this many words.
const HEAD_MAX_WORDS_PER_LINE: usize = 15;

/// Lines with fewer words than this are matched whole rather than by shingles.
const SHORT_LINE: usize = 6;

/// The text of one extractor's output, indexed to tell which of another's lines it has.
struct Witness {
    shingles: HashSet<u64, BuildHasherDefault<PreHashed>>,
    /// All words, lowercased, one space apart, with a space at both ends.
    flat: String,
}

impl Witness {
    fn new(lines: &[&str]) -> Self {
        let mut shingles = HashSet::default();
        let mut flat = String::from(" ");
        for line in lines {
            let words = LowerWords::new(line);
            shingles.extend(words.shingles());
            if !words.is_empty() {
                flat.push_str(&words.joined);
                flat.push(' ');
            }
        }
        Witness { shingles, flat }
    }
}

/// For each line, whether the witness has it: half its 4-word shingles, or the whole line
/// for short ones.
fn supported(lines: &[&str], witness: &Witness) -> Vec<bool> {
    let mut key = String::new();
    lines
        .iter()
        .map(|line| {
            let words = LowerWords::new(line);
            if words.is_empty() {
                return false;
            }
            if words.len() < SHORT_LINE {
                key.clear();
                key.push(' ');
                key.push_str(&words.joined);
                key.push(' ');
                return witness.flat.contains(key.as_str());
            }
            let hashes: Vec<u64> = words.shingles().collect();
            let found = hashes.iter().filter(|h| witness.shingles.contains(h)).count();
            found * 2 >= hashes.len()
        })
        .collect()
}

/// The words of a line (runs of letters and digits), lowercased: one string, and a hash per
/// word for the shingles. One allocation per line instead of one per word — this runs on every
/// line of both extractors' outputs, several times.
struct LowerWords {
    /// The words one space apart.
    joined: String,
    hashes: Vec<u64>,
}

impl LowerWords {
    fn new(line: &str) -> Self {
        let mut joined = String::with_capacity(line.len());
        let mut hashes = Vec::new();
        for word in line.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            if !joined.is_empty() {
                joined.push(' ');
            }
            let start = joined.len();
            if word.is_ascii() {
                joined.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                // `str::to_lowercase` knows context rules (a final sigma) that single
                // characters do not.
                joined.push_str(&word.to_lowercase());
            }
            hashes.push(word_hash(&joined.as_bytes()[start..]));
        }
        LowerWords { joined, hashes }
    }

    fn len(&self) -> usize {
        self.hashes.len()
    }

    fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// The first `n` words, one space apart (all of them when there are fewer).
    fn first_words(&self, n: usize) -> &str {
        match self.joined.match_indices(' ').nth(n.saturating_sub(1)) {
            Some((end, _)) if n > 0 => &self.joined[..end],
            _ if n == 0 => "",
            _ => &self.joined,
        }
    }

    /// Hashes of the runs of four consecutive words.
    fn shingles(&self) -> impl Iterator<Item = u64> + '_ {
        self.hashes.windows(4).map(|w| w.iter().fold(0u64, |h, &x| mix(h ^ x)))
    }
}

/// FNV-1a over a word's bytes, finished by [`mix`].
fn word_hash(bytes: &[u8]) -> u64 {
    let h = bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    mix(h)
}

/// A 64-bit finalizer (splitmix64): spreads every input bit over the output, so that the
/// order-dependent fold in [`LowerWords::shingles`] keeps word order apart.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Hasher for keys that are hashes already.
#[derive(Default)]
struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

/// Runs trafilatura on a parsed page: its text (one block per line) and its date guess.
/// Readers' comment sections are pruned before it reads the page (it keeps them on forum
/// threads, where the posts are the text): otherwise its fallbacks for a short article (the
/// whole page's text) take the thread in, and extracting the comments apart costs time for
/// text morgue never keeps.
pub fn run_trafilatura(doc: Document) -> (String, Option<PubDate>) {
    let opts = trafilatura::Options::default().with_exclude_comments(true);
    match trafilatura::extract_document(doc, &opts) {
        Ok(r) => (html_to_paragraphs(&r.content_html), r.metadata.date.map(PubDate::day)),
        Err(_) => (String::new(), None),
    }
}

/// Runs dom_smoothie on a page's tree (see [`smoothie_document`]): its text, one block per line.
pub fn run_dom_smoothie(doc: dom_query::Document) -> String {
    match dom_smoothie::Readability::with_document(doc, None, None) {
        Ok(mut r) => r.parse().map(|a| html_to_paragraphs(&a.content)).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// Copies a parsed page into dom_smoothie's tree type: elements with their attributes, and
/// text, in document order. It is the tree dom_smoothie's own parse of the page would build
/// (the same HTML5 tree construction ran once already); left out are what readability drops or
/// never sees: comments and the doctype (removed before scoring), and `<template>` contents
/// (kept outside the document tree by dom_query's parser too).
pub fn smoothie_document(doc: &Document) -> dom_query::Document {
    let out = dom_query::Document::default();
    let tree = &out.tree;
    let root = tree.root().id;
    // (source node, parent in the copy); children are pushed in reverse to pop in order.
    let mut stack: Vec<(trafilatura::dom::NodeId, dom_query::NodeId)> =
        doc.child_nodes(doc.root()).into_iter().rev().map(|c| (c, root)).collect();
    while let Some((id, parent)) = stack.pop() {
        if doc.is_text(id) {
            let text = tree.new_text(doc.text_content(id));
            tree.append_child_of(&parent, &text.id);
            continue;
        }
        if !doc.is_element(id) {
            continue;
        }
        let tag = doc.tag_name(id);
        let node = tree.new_element(tag);
        for name in doc.attribute_names(id) {
            if let Some(value) = doc.get_attribute(id, &name) {
                node.set_attr(&name, &value);
            }
        }
        tree.append_child_of(&parent, &node.id);
        if tag == "template" {
            continue;
        }
        let copy = node.id;
        stack.extend(doc.child_nodes(id).into_iter().rev().map(|c| (c, copy)));
    }
    out
}

/// Block elements: each starts a new paragraph of the output text.
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
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "br",
    "hr",
    "main",
    "aside",
    "address",
    "details",
    "summary",
];

/// Renders an extractor's HTML output as text, one line per block element (the paragraph
/// breaks the extractors' own plain-text output loses).
pub(crate) fn html_to_paragraphs(html: &str) -> String {
    let doc = Document::parse(html);
    let start = doc.body().unwrap_or_else(|| doc.root());
    render_blocks(&doc, start)
}

/// Renders the text under `start`, one line per block element.
fn render_blocks(doc: &Document, start: trafilatura::dom::NodeId) -> String {
    let mut out = String::new();
    let mut line = String::new();
    // Iterative walk: (node, entering) — extractor output can be deeply nested.
    let mut stack = vec![(start, true)];
    while let Some((id, entering)) = stack.pop() {
        if doc.is_text(id) {
            line.push_str(&doc.text_content(id));
            continue;
        }
        if !doc.is_element(id) {
            continue;
        }
        // The parser lowercases the names of HTML elements.
        let tag = doc.tag_name(id);
        if matches!(tag, "script" | "style" | "noscript" | "template") {
            continue;
        }
        let block = BLOCK_TAGS.contains(&tag);
        if block {
            flush_line(&mut line, &mut out);
        }
        if entering {
            stack.push((id, false));
            for child in doc.child_nodes(id).into_iter().rev() {
                stack.push((child, true));
            }
        }
    }
    flush_line(&mut line, &mut out);
    out
}

/// Appends the words of `line`, one space apart, as a line of `out`, and empties `line`.
fn flush_line(line: &mut String, out: &mut String) {
    let mut words = line.split_whitespace();
    if let Some(first) = words.next() {
        out.push_str(first);
        for w in words {
            out.push(' ');
            out.push_str(w);
        }
        out.push('\n');
    }
    line.clear();
}

/// Words in `s`: whitespace-separated tokens, where a run of Chinese or Japanese characters
/// (written without spaces) counts one word per two characters, so that the thresholds on
/// text length mean the same in those languages.
fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .map(|token| {
            if token.is_ascii() {
                return 1;
            }
            let cjk = token.chars().filter(|&c| is_cjk(c)).count();
            if cjk > 2 {
                cjk.div_ceil(2)
            } else {
                1
            }
        })
        .sum()
}

/// Han ideographs, kana and CJK punctuation: scripts written without spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// A repeated paragraph this long (in words) is dropped; shorter ones ("Advertisement", a
/// subheading, "Buy now" buttons) may recur in a real text and count little either way.
const MIN_REPEATED_WORDS: usize = 5;

/// Splits the extractor's text into paragraphs and moves captions, credits, a leading
/// headline/byline/date line and trailing teasers out of it.
fn clean(raw: &str, signals: &Signals, listed: &HashSet<String>) -> Body {
    let mut body = Body::default();
    let caption_keys: Vec<String> = signals.captions.iter().map(|c| norm(c)).collect();
    let credit_keys: Vec<String> = signals.credits.iter().map(|c| norm(c)).collect();
    let headline_keys: Vec<String> = [&signals.ld.headline, &signals.og_title]
        .into_iter()
        .flatten()
        .chain(signals.h1.iter())
        .map(|h| norm(h))
        .collect();
    let mut paras: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for line in raw.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        let key = norm(&line);
        if key.is_empty() || is_markup(&line) {
            continue;
        }
        // Not kept as a teaser either: it names another story, whose people and places
        // are not this article's entities.
        if listed.contains(&key) {
            continue;
        }
        if caption_keys.contains(&key) {
            push_unique(&mut body.captions, &line);
            continue;
        }
        if credit_keys.contains(&key) || boilerplate::is_photo_credit(&line) {
            push_unique(&mut body.credits, &line);
            continue;
        }
        // Lines at the top: the headline repeated, the byline, a date stamp.
        if paras.len() < 3 {
            if headline_keys.contains(&key) {
                continue;
            }
            if let Some(names) = byline::parse_byline_line(&line) {
                if body.byline.is_empty() {
                    body.byline = names;
                }
                continue;
            }
            if line.chars().count() <= 60 && date::parse_date(&line).is_some() {
                continue;
            }
        }
        // A paragraph of several words that the text already has is a widget the page
        // repeats (a reactions box, a sign-up pitch under each section, a pull quote shown
        // twice): an article does not say the same sentence twice.
        if word_count(&line) >= MIN_REPEATED_WORDS && !seen.insert(key) {
            continue;
        }
        paras.push(line);
    }
    for c in &signals.captions {
        match boilerplate::split_inline_credit(c) {
            Some((caption, credit)) => {
                if !caption.is_empty() {
                    push_unique(&mut body.captions, &caption);
                }
                push_unique(&mut body.credits, &credit);
            }
            None => push_unique(&mut body.captions, c),
        }
    }
    body.captions.retain(|c| !boilerplate::is_photo_credit(c));
    for c in &signals.credits {
        push_unique(&mut body.credits, c);
    }
    let (text, teasers) = boilerplate::split_trailing_teasers(&paras.join("\n\n"));
    body.text = text;
    body.teasers = teasers;
    body
}

/// True for a line that is markup rather than text (`<iframe …>` from a `<noscript>` the
/// parser kept as raw text, a template fragment).
fn is_markup(line: &str) -> bool {
    let t = line.trim();
    if t.starts_with('<')
        && t.ends_with('>')
        && t[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/')
    {
        return true;
    }
    // An unfilled template slot ("$$ARTICLEAD$$", "%%AD_SLOT%%"): an ad or widget marker the
    // page's scripts replace.
    ["$$", "%%"].iter().any(|m| {
        t.strip_prefix(m).and_then(|r| r.strip_suffix(m)).is_some_and(|name| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        })
    })
}

fn push_unique(list: &mut Vec<String>, s: &str) {
    if !list.iter().any(|x| x == s) {
        list.push(s.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &[&str] = &[
        "The council voted on Tuesday to reopen the old bridge to walkers after two years of repairs.",
        "Engineers replaced the rusted beams and laid a new deck of oak planks over the river.",
        "The mayor said the bridge would stay closed to cars and bicycles for good.",
    ];

    #[test]
    fn combine_trims_the_primary_to_the_agreed_span() {
        let teasers = ["Related stories", "Flower show opens", "Sign up for our newsletter today"];
        let breadcrumb = ["Home", "News", "Local"];
        let primary = [&breadcrumb[..], ARTICLE, &teasers[..]].concat().join("\n");
        let secondary = ARTICLE.join("\n");
        assert_eq!(combine(&primary, &secondary), ARTICLE.join("\n"));
        // A head of full paragraphs the secondary skipped is kept (an intro, not clutter).
        let intro = "In a long and careful introduction the reporter explains how the river town came to depend on one narrow footbridge for its daily life.";
        let primary = [&[intro][..], ARTICLE].concat().join("\n");
        assert_eq!(combine(&primary, &secondary), primary);
    }

    #[test]
    fn combine_takes_a_much_longer_secondary_that_contains_the_primary() {
        let long: Vec<String> =
            (0..12).map(|i| format!("{} Paragraph {i} adds more detail.", ARTICLE[i % 3])).collect();
        let secondary = long.join("\n");
        assert_eq!(combine(&long[..2].join("\n"), &secondary), secondary);
        // Without shared text the primary stays.
        assert_eq!(combine("Nothing in common here at all, just some other words.", &secondary), secondary);
        let unrelated: Vec<String> = (0..12)
            .map(|i| format!("Unrelated sentence number {i} about the weather and the sea."))
            .collect();
        let primary = [ARTICLE, ARTICLE, ARTICLE].concat().join("\n");
        assert_eq!(combine(&primary, &unrelated.join("\n")), primary);
    }

    #[test]
    fn combine_takes_the_paragraphs_of_a_secondary_inside_a_run_together_primary() {
        let article = [
            "The council voted on Monday to close the old bridge to cars.",
            "Cyclists and walkers may still cross it until the repairs begin in spring.",
            "The mayor said the decision was overdue after years of warnings.",
        ];
        let menu = "Home News Sport Weather Culture Contact About Privacy Terms Jobs Advertise ".repeat(6);
        let primary = format!("{menu} {} {menu}", article.join(" "));
        assert_eq!(combine(&primary, &article.join("\n")), article.join("\n"));
    }

    #[test]
    fn combine_keeps_a_primary_several_times_longer_than_the_secondary() {
        let more = ["The second part of the list covers kitchen gadgets that save time on busy mornings and evenings alike.", "The third part covers garden tools, from a folding rake to a watering can that measures what it pours."];
        let primary = [ARTICLE, &more[..], &more[..], &more[..]].concat().join("\n");
        let secondary = ARTICLE[..1].join("\n");
        assert_eq!(combine(&primary, &secondary), primary);
    }

    #[test]
    fn combine_takes_the_secondary_when_the_primary_kept_only_headings_and_links() {
        let headings = ["Bridge reopens", "What changes for walkers", "The cost", "What comes next"];
        let paragraphs: Vec<String> = (0..3)
            .map(|i| format!("{} It was {i} years in the making, the engineers said.", ARTICLE[i]))
            .collect();
        let links: Vec<String> = (0..12).map(|i| format!("Other story number {i} here")).collect();
        let primary = headings.iter().map(|h| h.to_string()).chain(links).collect::<Vec<_>>().join("\n");
        let secondary = [
            headings[0],
            &paragraphs[0],
            headings[1],
            &paragraphs[1],
            headings[2],
            &paragraphs[2],
            headings[3],
        ]
        .join("\n");
        assert_eq!(combine(&primary, &secondary), secondary);
    }

    #[test]
    fn a_secondary_taken_alone_loses_its_tail_of_fragments() {
        let paragraphs: Vec<String> = (0..4)
            .map(|i| {
                format!("{} It was {i} years in the making, the engineers said on Monday.", ARTICLE[i % 3])
            })
            .collect();
        let furniture = [
            "Next",
            "Ferry prices rise again",
            "Previous",
            "Subscribe",
            "0",
            "0",
            "0",
            "0",
            "0",
            "Download our app",
            "Google Play",
            "App Store",
        ];
        let secondary = [paragraphs.iter().map(String::as_str).collect::<Vec<_>>(), furniture.to_vec()]
            .concat()
            .join("\n");
        assert_eq!(combine("Home News Sport", &secondary), paragraphs.join("\n"));
        // A short list at the end (under ten lines) is the article's.
        let list = ["Oak planks", "Steel beams", "New railings"];
        let secondary =
            [paragraphs.iter().map(String::as_str).collect::<Vec<_>>(), list.to_vec()].concat().join("\n");
        assert_eq!(combine("Home News Sport", &secondary), secondary);
    }

    #[test]
    fn words_of_text_written_without_spaces() {
        assert_eq!(word_count("The council voted on Monday."), 5);
        // 32 characters of Japanese: about 16 words, not one.
        assert_eq!(word_count("１３日午後９時１９分ごろ、宮崎県で震度５弱の地震があった。気象庁"), 16);
        assert_eq!(word_count("東京 is big"), 3);
    }

    #[test]
    fn combine_keeps_the_primary_when_the_secondary_is_no_witness() {
        // The secondary mostly holds text the primary lacks: it took another block.
        let other: Vec<String> = (0..6)
            .map(|i| format!("Comment {i}: I walked across that bridge as a child and loved it."))
            .collect();
        let secondary = [vec![ARTICLE[1].to_string()], other].concat().join("\n");
        let more: Vec<String> = (0..3).map(|i| format!("{} Part {i}.", ARTICLE[i])).collect();
        let primary = [vec!["Home".to_string()], ARTICLE.iter().map(|s| s.to_string()).collect(), more]
            .concat()
            .join("\n");
        assert_eq!(combine(&primary, &secondary), primary);
    }

    #[test]
    fn lead_is_taken_only_when_visible() {
        let desc = "The council voted to reopen the old bridge to walkers after two years of repairs.";
        let shown = format!("<html><head><meta name=description content=\"{desc}\"></head><body><h1>Bridge</h1><p class=standfirst>{desc}</p><p>Text.</p></body></html>");
        assert_eq!(visible_lead(&Document::parse(&shown), desc).as_deref(), Some(desc));
        let hidden = format!("<html><head><meta name=description content=\"{desc}\"></head><body><h1>Bridge</h1><p>Text.</p></body></html>");
        assert_eq!(visible_lead(&Document::parse(&hidden), desc), None);
        // Too short to be a lead.
        assert_eq!(visible_lead(&Document::parse("<body><p>Local news</p></body>"), "Local news"), None);
    }

    #[test]
    fn a_repeated_paragraph_is_kept_once() {
        let widget = "React to this story: members can leave a reaction here.";
        let raw = [ARTICLE[0], widget, ARTICLE[1], widget, ARTICLE[2], "Share", "Share", widget].join("\n");
        let body = clean(&raw, &Signals::default(), &HashSet::new());
        let want = [ARTICLE[0], widget, ARTICLE[1], ARTICLE[2], "Share", "Share"].join("\n\n");
        assert_eq!(body.text, want);
    }

    #[test]
    fn a_fact_box_is_no_article_text() {
        let html = format!(
            "<body><article><p>{}</p><div class=\"site-factbox green\"><h2>What else is planned?</h2><p>A new border command.</p></div> after the box<p>{}</p></article></body>",
            ARTICLE[0], ARTICLE[1]
        );
        let mut doc = Document::parse(&html);
        remove_side_blocks(&mut doc);
        let body = doc.body().map(|b| render_blocks(&doc, b)).unwrap_or_default();
        assert_eq!(body, format!("{}\nafter the box\n{}\n", ARTICLE[0], ARTICLE[1]));
        assert!(!is_side_block("infobox article-body"));
        assert!(is_side_block("Fact-Box"));
        assert!(is_side_block("slice-author-bio wide"));
        assert!(!is_side_block("author byline"));
    }

    #[test]
    fn readers_comments_are_no_article_text() {
        // A short notice above a long comment thread: trafilatura falls back to the whole
        // page's text when the article is short, and that must not bring the thread in.
        let comment = "I have lived by the old ferry landing for forty years and I can tell you that \
            the council has promised a new pier at least three times before this one.";
        let thread: String = (0..6)
            .map(|i| format!("<div class=\"comment-item\"><p>Reader {i} wrote:</p><p>{comment}</p></div>"))
            .collect();
        let html = format!(
            "<html><body><article><h1>Ferry pier closed</h1><p>The pier closes on Monday for repairs.</p></article>\
             <section class=\"comments-area\"><h2>Comments</h2>{thread}</section></body></html>"
        );
        let (text, _) = run_trafilatura(Document::parse(&html));
        assert!(!text.contains("forty years"), "{text}");
    }

    #[test]
    fn lines_of_a_link_list_are_no_article_text() {
        let related = [
            "Flower show opens: record crowds expected",
            "Ferry prices rise again",
            "Council elects new mayor",
        ];
        let items: String = related
            .iter()
            .map(|r| format!("<li><b>Local:</b> <a href=\"/news/{}\">{r}</a></li>", r.len()))
            .collect();
        // A table of contents links to the article's own headings: they stay.
        let toc = "<ul><li><a href=\"#a\">Why now</a></li><li><a href=\"#b\">What it costs</a></li><li><a href=\"#c\">Next steps</a></li></ul>";
        // A list with one item of plain text is the article's list.
        let mixed = "<ol><li><a href=\"/x\">First link here</a></li><li>Second item is plain text</li><li><a href=\"/y\">Third</a></li></ol>";
        let html = format!(
            "<body><article><p>{}</p><h3>More on this</h3><ul>{items}</ul><h3>Contents</h3>{toc}{mixed}<p>{}</p></article></body>",
            ARTICLE[0], ARTICLE[1]
        );
        let listed = link_list_items(&Document::parse(&html));
        let mut want: Vec<String> = related.iter().map(|r| norm(&format!("Local: {r}"))).collect();
        want.push(norm("More on this"));
        want.sort();
        let mut got: Vec<String> = listed.iter().cloned().collect();
        got.sort();
        assert_eq!(got, want);
        let raw = [ARTICLE[0], "Local: Ferry prices rise again", "Why now", ARTICLE[1]].join("\n");
        let body = clean(&raw, &Signals::default(), &listed);
        assert_eq!(body.text, [ARTICLE[0], "Why now", ARTICLE[1]].join("\n\n"));
    }

    #[test]
    fn markup_lines() {
        let cases = [
            ("<iframe src=\"https://example.com/ns.html\" height=\"0\"></iframe>", true),
            ("</div>", true),
            ("<3 this bridge, she wrote>", false),
            ("The vote was 5 < 7 > 3.", false),
            ("$$ARTICLEAD$$", true),
            ("%%AD_SLOT_2%%", true),
            ("$$ cost $$", false),
            ("$$", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_markup(line), want, "{line}");
        }
    }

    #[test]
    fn smoothie_reads_the_copied_tree_as_its_own_parse() {
        let paras: String = ARTICLE
            .iter()
            .map(|p| format!("<p class=\"txt\" data-x='1'>{p} <b>Bold</b> &amp; more.</p>"))
            .collect();
        let pages = [
            format!("<!DOCTYPE html><html lang=en><head><title>T</title></head><body><nav><a href=/>Home</a></nav><article><h1>Bridge</h1>{paras}{paras}</article><template><p>hidden</p></template><footer>(c) Paper</footer></body></html>"),
            // Markup the HTML5 tree builder repairs: unclosed paragraphs, a table in a paragraph.
            format!("<body><div id=main><p>{}<p>{}<table><tr><td>cell<p>{}</div>", ARTICLE[0], ARTICLE[1], ARTICLE[2]),
        ];
        for html in &pages {
            let own = dom_smoothie::Readability::new(html.as_str(), None, None)
                .and_then(|mut r| r.parse())
                .map(|a| a.content.to_string())
                .ok();
            let copied = dom_smoothie::Readability::with_document(
                smoothie_document(&Document::parse(html)),
                None,
                None,
            )
            .and_then(|mut r| r.parse())
            .map(|a| a.content.to_string())
            .ok();
            assert_eq!(copied, own, "{html}");
        }
        let doc =
            smoothie_document(&Document::parse("<p class=a id=b>x<!-- c --><template><i>t</i></template>"));
        assert_eq!(doc.select("p").attr("class").as_deref(), Some("a"));
        assert_eq!(doc.select("p").attr("id").as_deref(), Some("b"));
        assert_eq!(doc.select("template i").length(), 0);
        assert_eq!(doc.select("body").text().as_ref(), "x");
    }

    #[test]
    fn lower_words() {
        let w = LowerWords::new("The Bridge, re-opened: ÉTÉ ΟΔΟΣ 2024!");
        assert_eq!(w.joined, "the bridge re opened été οδος 2024");
        assert_eq!(w.len(), 7);
        assert_eq!(w.first_words(1), "the");
        assert_eq!(w.first_words(3), "the bridge re");
        assert_eq!(w.first_words(7), w.joined);
        assert_eq!(w.first_words(9), w.joined);
        assert!(LowerWords::new(" ,;. ").is_empty());
        // Shingles depend on word order and ignore case and punctuation.
        let a: Vec<u64> = LowerWords::new("one two three four five").shingles().collect();
        let b: Vec<u64> = LowerWords::new("One, two; THREE four five").shingles().collect();
        let c: Vec<u64> = LowerWords::new("two one three four five").shingles().collect();
        assert_eq!(a.len(), 2);
        assert_eq!(a, b);
        assert!(a.iter().all(|h| !c.contains(h)));
    }

    #[test]
    fn witness_supports_lines_it_holds() {
        let witness = Witness::new(ARTICLE);
        let lines = [
            ARTICLE[1],
            "ENGINEERS replaced the rusted beams and laid a new deck",
            "The mayor said",
            "The mayor spoke",
            "Flower show opens on Sunday in the park",
            "",
        ];
        assert_eq!(supported(&lines, &witness), [true, true, true, false, false, false]);
    }
}
