//! Lines that are not the article's own text: photo credits and captions, and the teasers,
//! newsletter pitches and "read more" links that pages and feeds append.
//!
//! Shared by every format: the text parser uses it on the lines around the headline and at the
//! end of the body, the HTML parser on figure captions. It only classifies and splits lines; it
//! does not decide where a caption is (that depends on the format).

use std::sync::LazyLock;

use regex::Regex;

/// Photo agencies and wire services whose names close a credit line ("Name/Agency").
const AGENCIES: &[&str] = &[
    "getty images",
    "getty",
    "ap",
    "ap photo",
    "associated press",
    "reuters",
    "afp",
    "afp via getty images",
    "epa",
    "epa-efe",
    "efe",
    "shutterstock",
    "alamy",
    "bloomberg",
    "bloomberg via getty images",
    "sipa",
    "sipa usa",
    "zuma press",
    "zuma",
    "anadolu",
    "xinhua",
    "pa",
    "pa images",
    "pa wire",
    "dpa",
    "imago",
    "picture alliance",
    "nurphoto",
    "the washington post",
    "the new york times",
    "usa today network",
    "cq-roll call",
    "polaris",
    "redux",
    "eyevine",
    "abaca",
    "wireimage",
    "filmmagic",
    "courtesy",
    "handout",
];

static PHOTO_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\(?\s*(
            (ap|afp|reuters|epa|getty|file|staff|courtesy)?\s*(photo|photograph|foto|image|picture|pictures|video)s?\s*(by|:|/|credit:?|courtesy\s+of)
          | (photo\s+)?credit\s*:
          | (source|bild|fotos?)\s*:\s*(getty|ap|afp|reuters|epa|dpa|imago)
        )",
    )
    .expect("valid regex")
});

/// A parenthesised credit inside a line: "(AP Photo/Jane Doe)", "(Photo by Jane Doe/Getty Images)".
static INLINE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\(\s*(?:AP|AFP|Reuters|EPA|Getty|File)?\s*(?:Photo|Photograph|Image)s?\s*(?:by\s+|/|:\s*)[^()]{2,80}\)")
        .expect("valid regex")
});

/// "Firstname Lastname/Agency" or "Firstname Lastname / Agency via Getty Images".
static NAME_SLASH_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<name>(?:[\p{Lu}][\p{L}'’.\-]*\.?\s+)*[\p{Lu}][\p{L}'’.\-]+)\s*/\s*(?P<agency>[\p{L}][\p{L}&.'’\- ]+)$",
    )
    .expect("valid regex")
});

static TEASER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*[\[(]?\s*(
            also\s+in\s+the\s+news
          | (read|see|watch|listen)(\s+the)?\s+(more|also|next|full|related|story|this)\b
          | more\s+(from|on|stories|coverage|news)\b
          | related(\s+(stories|articles|coverage|content|reading|links))?\s*[:|—–-]
          | recommended(\s+for\s+you)?\s*[:|—–-]
          | (sign\s+up|subscribe)\b
          | follow\s+(us|@|the\s+\w+\s+on)
          | (click|tap)\s+here\b
          | (download|get)\s+(the|our)\s+(app|newsletter)
          | don['’]t\s+miss\b
          | share\s+this\s+(article|story)
          | (copyright|©)\s
          | all\s+rights\s+reserved
          | this\s+(story|article)\s+(was|has\s+been)\s+(updated|corrected)\b
          | (editor['’]s\s+note|trending|top\s+stories|most\s+read|popular)\s*[:|—–-]
          | advertisement\s*$
          | more\s*:
          | for\s+more\s+(stories|news|articles|coverage|information)\b
          | follow\s+\S+\s+on\s+(twitter|facebook|instagram|x|threads|bluesky|linkedin|tiktok|youtube)\b
          | (got|have)\s+a\s+(story|news\s+tip|tip)\b
          # German
          | (mehr|weitere\s+(artikel|nachrichten|beiträge|informationen))\s+zu(m|r)?\s+(thema|themen)\b
          | (lesen\s+sie|lies)\s+(auch|hier|mehr)\b
          | (das|dies)\s+könnte\s+(sie|dich)\s+auch\s+interessieren
          | (auch\s+interessant|zum\s+thema|passend\s+dazu)\s*[:|—–-]
          | folgen\s+sie\s+uns\b
          | folgst\s+du\s+(uns|schon)\b
          | abonniere\s
          | ähnliche\s+(artikel|beiträge|themen|nachrichten)\s*:?\s*$
          | (jetzt\s+)?(abonnieren|newsletter\s+abonnieren)\b
          # French, Spanish, Italian, Portuguese
          | (à\s+)?lire\s+aussi\b
          | (voir|découvrir)\s+aussi\b
          | suivez[-\s]nous\b
          | (lee|lea|leer)\s+también\b
          | (te|le)\s+puede\s+interesar
          | síguenos\b
          | leggi\s+anche\b
          | (leia|veja)\s+também\b
          # Japanese
          | この記事は会員限定
          | 関連(記事|キーワード|ニュース)
          | おすすめ(情報|記事)
        )",
    )
    .expect("valid regex")
});

/// Returns true when the line is a photo or image credit on its own: "Drew Angerer/Getty Images",
/// "Photo: Jane Doe", "(AP Photo/Jane Doe)", "Photograph by Jane Doe for The Outlet".
pub fn is_photo_credit(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 120 {
        return false;
    }
    if PHOTO_PREFIX.is_match(line) {
        return true;
    }
    if let Some(m) = INLINE_CREDIT.find(line) {
        if m.start() == 0 && m.end() == line.len() {
            return true;
        }
    }
    // seed: line 2 is "Drew Angerer/Getty Images"
    // The agency's length (2 to 41 characters) and the name's (at most four words) are checked
    // here rather than by bounded repetitions in the pattern, which copy its Unicode letter
    // classes (the agency's bound made the regex take ~20 ms to compile).
    if let Some(c) = NAME_SLASH_AGENCY
        .captures(line)
        .filter(|c| c["agency"].chars().count() <= 41 && c["name"].split_whitespace().count() <= 4)
    {
        let agency = c["agency"].trim().to_lowercase();
        let words = line.split_whitespace().count();
        if words <= 8
            && (AGENCIES.iter().any(|a| agency == *a || agency.ends_with(&format!(" {a}")))
                || agency.starts_with("the ")
                || agency
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase) || w == "via"))
        {
            return true;
        }
    }
    false
}

/// Splits a parenthesised credit off a caption line: "Trump speaks. (AP Photo/Jane Doe)" gives
/// the caption "Trump speaks." and the credit "(AP Photo/Jane Doe)".
pub fn split_inline_credit(line: &str) -> Option<(String, String)> {
    let m = INLINE_CREDIT.find(line)?;
    let mut rest = String::with_capacity(line.len());
    rest.push_str(line[..m.start()].trim_end());
    let after = line[m.end()..].trim();
    if !after.is_empty() {
        if !rest.is_empty() {
            rest.push(' ');
        }
        rest.push_str(after);
    }
    Some((rest, m.as_str().to_string()))
}

/// Returns true when the line is a teaser or boilerplate that closes an article rather than
/// belonging to it: "ALSO IN THE NEWS: …", "Read more: …", "Related: …", "Sign up for …",
/// "Follow us on …".
pub fn is_teaser(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty() && line.chars().count() <= 300 && TEASER.is_match(line)
}

/// Returns true when the line points the reader to another story, wherever it stands: a
/// "read also" header alone or with the other story's title ("Lesen Sie auch: …", "À lire
/// aussi", "Related: …"), at most [`READ_ALSO_MAX_WORDS`] words. Unlike [`is_teaser`], which
/// is only trusted at the end of a text, these phrases do not occur in article sentences.
pub fn is_read_also(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty() && line.split_whitespace().count() <= READ_ALSO_MAX_WORDS && READ_ALSO.is_match(line)
}

/// Words a "read also" line may have (the header and a headline).
const READ_ALSO_MAX_WORDS: usize = 20;

static READ_ALSO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*[\[(»>]?\s*(
            (also\s+)?read\s+(also|more|next)\s*[:|—–-]
          | (also\s+)?read\s*:
          | see\s+also\s*[:|—–-]
          | related(\s+(stories|articles|coverage|content|reading|links))?\s*[:|—–-]
          | related(\s+(stories|articles|coverage|content|reading|links))\s*$
          | (lesen\s+sie\s+(auch|mehr)|lies\s+auch|auch\s+interessant|mehr\s+zum\s+thema|zum\s+weiterlesen|passend\s+dazu)\b
          | (das|dies)(\s+thema)?\s+könnte\s+(sie|dich)\s+auch\s+interessieren
          | (à\s+)?lire\s+aussi\b
          | (à\s+)?voir\s+aussi\b
          | (lee|lea)\s+también\b
          | (te|le)\s+puede\s+interesar
          | leggi\s+anche\b
          | (leia|veja)\s+também\b
          | saiba\s+mais\s*[:|—–-]
          | (lea|lee)(\s+(más|también))?\s*:
          | (vea|ver|mira)(\s+también)?\s*:
          | (auch\s+lesen|mehr\s+themen)\s*:
          | schon\s+gelesen\s*\?
          | (empfohlene|weitere)\s+(beiträge|artikel)([^.!?]*:|\s*$)
          | czytaj\s+(też|także|również|więcej)\b
        )",
    )
    .expect("valid regex")
});

/// Splits teaser and boilerplate paragraphs off the end of a body (paragraphs separated by
/// blank lines), and "read also" paragraphs ([`is_read_also`]) wherever they stand: returns
/// the kept body and the removed paragraphs (read-also ones first, each group in text order). A teaser is
/// only removed at the end: the same words inside the article ("sign up" in a quote) stay. A
/// paywall notice ("この記事は会員限定です", "Subscribe to continue reading") goes with the
/// short lines after it (sign-up offers, link lists).
pub fn split_trailing_teasers(body: &str) -> (String, Vec<String>) {
    // "Lesen Sie auch: …" between paragraphs points to another story wherever it stands.
    let (read_also, paras): (Vec<&str>, Vec<&str>) =
        body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).partition(|p| is_read_also(p));
    let mut cut = paras.len();
    // A closing block whose first line is a teaser goes with everything after it
    // ("Related:" followed by a list of headlines).
    while cut > 0 && closes_text(paras[cut - 1]) {
        cut -= 1;
    }
    // A comment section's header closes the article: what follows is readers' text.
    let total: usize = paras.iter().map(|p| p.len()).sum();
    let mut before = 0;
    for (i, p) in paras.iter().enumerate().take(cut) {
        if i >= 2 && before * 10 >= total * 3 && p.len() < 100 && COMMENT_HEADER.is_match(p) {
            cut = i;
            break;
        }
        before += p.len();
    }
    let short_tail = paras.iter().rev().take_while(|p| p.chars().count() <= SHORT_TAIL_LINE).count();
    let tail_start = paras.len() - short_tail;
    if let Some(i) = (tail_start..cut).find(|&i| PAYWALL.is_match(paras[i])) {
        cut = i;
    }
    // What the comment section or paywall left at the end may be a teaser header of its own
    // ("Ähnliche Artikel" above the comments).
    while cut > 0 && closes_text(paras[cut - 1]) {
        cut -= 1;
    }
    let removed = read_also.iter().chain(&paras[cut..]).map(|p| p.to_string()).collect();
    (paras[..cut].join("\n\n"), removed)
}

/// True for a paragraph that is boilerplate when it closes a text: its first line is a teaser
/// ([`is_teaser`]), or it is a short pitch for the outlet's newsletter or app
/// ([`CLOSING_PROMO_MAX_WORDS`]): "For the latest news, sign up for our newsletters", "Der
/// BR24 Newsletter informiert Sie …".
fn closes_text(para: &str) -> bool {
    para.lines().find(|l| !l.trim().is_empty()).is_some_and(is_teaser)
        || (para.split_whitespace().count() <= CLOSING_PROMO_MAX_WORDS && CLOSING_PROMO.is_match(para))
}

/// Words a closing newsletter or app pitch may have.
const CLOSING_PROMO_MAX_WORDS: usize = 40;

/// A newsletter or app pitch anywhere in a paragraph.
static CLOSING_PROMO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bnewsletters?\b|\bsign(ing)?\s+up\s+(to|for)\b|\b(app\s+store|google\s+play)\b")
        .expect("valid regex")
});

/// Paragraphs up to this many characters may follow a paywall notice (offers, links).
const SHORT_TAIL_LINE: usize = 120;

/// The header of a comment section: "Kommentare (3)", "12 Comments", "Leave a Reply",
/// "Schreibe einen Kommentar", "Deine E-Mail-Adresse wird nicht veröffentlicht."
static COMMENT_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*(
            (\d+\s+)?(kommentare?|comments?|commentaires?|comentarios?|commenti)(\s*\(\d+\))?\s*:?\s*$
          | (leave\s+a\s+(reply|comment)|add\s+a\s+comment|post\s+a\s+comment|join\s+the\s+(discussion|conversation))\b
          | (schreibe\s+einen\s+kommentar|kommentar\s+schreiben|kommentare\s+(schreiben|geschlossen|insgesamt|anzeigen))\b
          | (deine|ihre)\s+e-mail-adresse\s+wird\s+nicht\s+veröffentlicht
          | your\s+email\s+address\s+will\s+not\s+be\s+published
          | laisser\s+un\s+commentaire | deja\s+un\s+comentario | lascia\s+un\s+commento
        )",
    )
    .expect("valid regex")
});

/// A paywall notice: the rest of the article is for subscribers.
static PAYWALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\s*(
            この記事は(会員|有料会員)限定
          | (this|the\s+rest\s+of\s+this)\s+(article|story)\s+is\s+(only\s+)?(for|available\s+to)\s+(subscribers|members)
          | subscribe\s+to\s+(continue|keep)\s+reading
          | (dieser|der)\s+(artikel|beitrag)\s+ist\s+(nur\s+)?(für|exklusiv\s+für)\s+(abonnenten|abonnentinnen|abonnent|plus)
          | (jetzt\s+)?weiterlesen\s+mit\b
          | to\s+(view|read)\s+the\s+(full|rest\s+of\s+the)\s+(story|article)
          | subscribe\s+now\b.*\bfor\s+the\s+full\s+story
          | pour\s+(lire\s+la\s+suite|accéder\s+en\s+illimité)
          | (cet|la\s+suite\s+de\s+cet)\s+article\s+est\s+réservé\s+aux\s+abonnés
          | (este|el\s+resto\s+de\s+este)\s+(artículo|contenido)\s+es\s+(exclusivo\s+)?para\s+(suscriptores|socios)
        )",
    )
    .expect("valid regex")
});

/// The body without its trailing teasers (see [`split_trailing_teasers`]).
pub fn strip_trailing_teasers(body: &str) -> String {
    split_trailing_teasers(body).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits() {
        let cases = [
            ("Drew Angerer/Getty Images", true),
            ("Mary Ann Van Doren/AP", true),
            // A name has at most four words: five are a sentence with a slash in it.
            ("Rates Rose For The Fifth/AP", false),
            ("Jane Doe / AFP via Getty Images", true),
            ("(AP Photo/Fernando Llano)", true),
            ("Photo: Jane Doe", true),
            ("Photograph by Jane Doe for The Tribune", true),
            ("Photo by John Roe/Reuters", true),
            ("Credit: Jane Doe", true),
            ("Former President Donald Trump", false),
            ("By Jane Doe and John Roe", false),
            ("The price rose 5/8 of a point on Tuesday, traders said.", false),
            ("Donald Trump is asking his advisers for a plan to launch a military invasion.", false),
            ("", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_photo_credit(line), want, "{line:?}");
        }
    }

    #[test]
    fn inline_credit_split() {
        let (cap, credit) =
            split_inline_credit("Police stand guard in Culiacán. (AP Photo/Ana López)").unwrap();
        assert_eq!(cap, "Police stand guard in Culiacán.");
        assert_eq!(credit, "(AP Photo/Ana López)");
        assert!(split_inline_credit("No credit here.").is_none());
    }

    #[test]
    fn teasers() {
        let cases = [
            ("ALSO IN THE NEWS: Trump busted by CNN fact checker", true),
            ("Read more: How the plan took shape", true),
            ("Related: Cartel violence in Sinaloa", true),
            ("Sign up for our morning newsletter", true),
            ("Follow us on Twitter", true),
            ("Click here to subscribe", true),
            ("MORE : The daily cartoon", true),
            ("For more stories like this, check our news page.", true),
            ("Follow Metro.co.uk on Twitter and Facebook for the latest news updates.", true),
            ("Got a story? Get in touch with our news team.", true),
            ("Mehr zum Thema: Die Bahn streikt wieder", true),
            ("Lesen Sie auch: Wie der Plan entstand", true),
            ("Das könnte Sie auch interessieren", true),
            ("À lire aussi : la réforme des retraites", true),
            ("Te puede interesar: la reforma", true),
            ("この記事は会員限定です。", true),
            ("関連キーワード", true),
            ("Follow the money, investigators said.", false),
            ("Folgst du schon 20 Minuten auf Whatsapp?", true),
            ("Abonniere unseren Newsletter", true),
            ("Ähnliche Artikel", true),
            ("Ähnliche Fälle gab es schon 2019 in Bozen.", false),
            ("Lesen ist für Kinder wichtig, sagt die Ministerin.", false),
            ("Mehr als 300 Menschen kamen zur Kundgebung.", false),
            ("This idea is not new.", false),
            ("Readers wrote in to say the plan was reckless.", false),
            ("More recently, some Republicans have called for strikes.", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_teaser(line), want, "{line:?}");
        }
    }

    #[test]
    fn a_paywall_notice_goes_with_the_short_lines_after_it() {
        let body = "Der Text des Artikels geht hier über viele Zeilen und endet mit einem ganzen Satz, wie ihn eine Zeitung druckt, und noch einem Nebensatz dazu.\n\nDieser Artikel ist nur für Abonnenten.\n\nJetzt testen für 1 Euro\n\nSchon Abonnent? Hier anmelden";
        let (kept, removed) = split_trailing_teasers(body);
        assert!(kept.ends_with("Nebensatz dazu."));
        assert_eq!(removed.len(), 3);
        // A notice followed by a full paragraph is not at the end: it stays.
        let body = "Dieser Artikel ist nur für Abonnenten, schrieb der Verlag 2019 unter jeden Text, der online erschien, und die Leser protestierten lange dagegen.\n\nDer Text geht weiter mit einem langen Absatz, der mehr als hundertzwanzig Zeichen hat, damit er als ganzer Absatz zählt.";
        assert!(split_trailing_teasers(body).1.is_empty());
    }

    #[test]
    fn read_also_lines() {
        let cases = [
            ("Lesen Sie auch: Wie die Bahn den Winter plant", true),
            ("Auch interessant", true),
            ("Das Thema könnte dich auch interessieren:", true),
            ("À lire aussi : la réforme des retraites", true),
            ("Related: Cartel violence in Sinaloa", true),
            ("READ MORE: Bridge closed for repairs", true),
            ("Lea más: La reforma avanza en el Congreso", true),
            ("VEA TAMBIÉN: Entre heces y guaricha", true),
            ("Schon gelesen?", true),
            ("Weitere Beiträge aus der Kolumne:", true),
            ("Czytaj też: Były dowódca wojsk USA", true),
            ("Weitere Artikel sind geplant, sagte der Sprecher.", false),
            ("Mira cómo cambió la ciudad en diez años.", false),
            ("Read more about the plan in our explainer, which covers the history of the bridge and the votes.", false),
            ("Lesen Sie auch die Stellungnahme der Stadt, forderte der Sprecher die Kritiker auf, bevor Sie urteilen und weiter protestieren oder Briefe schreiben.", false),
            ("Sign up for the plan, he said.", false),
            ("Related to the mayor, the contractor won the bid.", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_read_also(line), want, "{line:?}");
        }
    }

    #[test]
    fn a_comment_section_closes_the_article() {
        let text = "The council voted on Monday to close the old bridge to cars for the winter.";
        let body = format!("{text}\n\n{text}\n\n{text}\n\n3 Kommentare\n\nHarzer66 31.10.2023\n\nGanz meiner Meinung, endlich.");
        let (kept, removed) = split_trailing_teasers(&body);
        assert_eq!(kept, format!("{text}\n\n{text}\n\n{text}"));
        assert_eq!(removed.len(), 3);
        // A teaser header left above the comment section goes too.
        let body =
            format!("{text}\n\n{text}\n\n{text}\n\nÄhnliche Artikel\n\nKommentare (0)\n\nKommentar abgeben");
        assert_eq!(split_trailing_teasers(&body).0, format!("{text}\n\n{text}\n\n{text}"));
        // A genre label at the top ("Kommentar" = opinion piece) is no comment section.
        let body = format!("Kommentar\n\n{text}\n\n{text}");
        assert!(split_trailing_teasers(&body).1.is_empty());
    }

    #[test]
    fn a_closing_newsletter_pitch_goes() {
        let text = "The council voted on Monday to close the old bridge to cars for the winter.";
        let pitch = "For the latest news from across the region, sign up for our free newsletters.";
        let body = format!("{text}\n\n{text}\n\n{pitch}\n\nDer Newsletter informiert Sie jeden Abend.");
        let (kept, removed) = split_trailing_teasers(&body);
        assert_eq!(kept, format!("{text}\n\n{text}"));
        assert_eq!(removed.len(), 2);
        // Inside the text, or long, such a paragraph is the article's.
        let quote = "The mayor said the newsletter had warned residents weeks before the vote.";
        let body = format!("{text}\n\n{quote}\n\n{text}");
        assert!(split_trailing_teasers(&body).1.is_empty());
        let long = format!("{quote} {text} {text}");
        assert!(split_trailing_teasers(&format!("{text}\n\n{long}")).1.is_empty());
    }

    #[test]
    fn read_also_paragraphs_go_wherever_they_stand() {
        let body = "First paragraph.\n\nLesen Sie auch: Wie die Bahn plant\n\nLast words.";
        let (kept, removed) = split_trailing_teasers(body);
        assert_eq!(kept, "First paragraph.\n\nLast words.");
        assert_eq!(removed, vec!["Lesen Sie auch: Wie die Bahn plant"]);
    }

    #[test]
    fn strips_only_trailing_teasers() {
        let body = "First paragraph.\n\nSign up for the plan, he said.\n\nLast words.\n\nRead more: other story\n\nFollow us on X";
        let (kept, removed) = split_trailing_teasers(body);
        assert_eq!(kept, "First paragraph.\n\nSign up for the plan, he said.\n\nLast words.");
        assert_eq!(removed, vec!["Read more: other story", "Follow us on X"]);
    }
}
