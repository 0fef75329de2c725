//! Language of an article: normalizes stated codes ("en-US", "es_MX", "English") to ISO 639-1,
//! and detects the language of a text when no code was stated (whatlang).

use whatlang::Lang;

/// Normalizes a stated language tag to its ISO 639-1 code: "en-US" → "en", "spa" → "es".
pub fn normalize_code(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_', ' ', ',']).next().unwrap_or("").to_ascii_lowercase();
    match primary.len() {
        2 if primary.chars().all(|c| c.is_ascii_lowercase()) => Some(primary),
        3 => Lang::from_code(&primary).map(iso639_1).map(str::to_string),
        _ => ENGLISH_NAMES.iter().find(|(name, _)| *name == primary).map(|(_, code)| code.to_string()),
    }
}

const ENGLISH_NAMES: &[(&str, &str)] = &[
    ("english", "en"),
    ("spanish", "es"),
    ("español", "es"),
    ("french", "fr"),
    ("german", "de"),
    ("deutsch", "de"),
    ("italian", "it"),
    ("portuguese", "pt"),
    ("dutch", "nl"),
];

/// Detects the language of `text`, when the detector is confident; `None` for short or mixed text.
pub fn detect(text: &str) -> Option<String> {
    // A sample is enough, and keeps detection cheap on long articles.
    let sample: String = text.chars().take(2000).collect();
    if sample.split_whitespace().count() < 5 {
        return None;
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    Some(iso639_1(info.lang()).to_string())
}

/// Maps whatlang's languages to ISO 639-1 codes (its own codes are ISO 639-3).
fn iso639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Eng => "en",
        Lang::Spa => "es",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ita => "it",
        Lang::Por => "pt",
        Lang::Nld => "nl",
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        Lang::Pol => "pl",
        Lang::Ces => "cs",
        Lang::Slk => "sk",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Bul => "bg",
        Lang::Ron => "ro",
        Lang::Hun => "hu",
        Lang::Fin => "fi",
        Lang::Swe => "sv",
        Lang::Dan => "da",
        Lang::Nob => "nb",
        Lang::Est => "et",
        Lang::Lav => "lv",
        Lang::Lit => "lt",
        Lang::Ell => "el",
        Lang::Tur => "tr",
        Lang::Ara => "ar",
        Lang::Heb => "he",
        Lang::Pes => "fa",
        Lang::Hin => "hi",
        Lang::Ben => "bn",
        Lang::Urd => "ur",
        Lang::Cmn => "zh",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        Lang::Vie => "vi",
        Lang::Tha => "th",
        Lang::Ind => "id",
        Lang::Cat => "ca",
        Lang::Epo => "eo",
        Lang::Afr => "af",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_codes() {
        for (tag, want) in [
            ("en-US", Some("en")),
            ("es_MX", Some("es")),
            ("spa", Some("es")),
            ("English", Some("en")),
            ("", None),
        ] {
            assert_eq!(normalize_code(tag).as_deref(), want, "{tag:?}");
        }
    }

    #[test]
    fn detects_english_and_spanish() {
        assert_eq!(
            detect("The president said on Wednesday that the government would act against the cartels.")
                .as_deref(),
            Some("en")
        );
        assert_eq!(
            detect("El presidente dijo el miércoles que el gobierno no aceptará una intervención militar extranjera.").as_deref(),
            Some("es")
        );
        assert_eq!(detect("Hi"), None);
    }
}
