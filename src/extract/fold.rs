//! Text folding for comparing names and words: the same pipeline as the index's `folded`
//! tokenizer (words split on non-alphanumeric characters, lowercased, accents folded to ASCII),
//! so that what the extractors merge and what the queries match agree ("López Obrador",
//! "LOPEZ OBRADOR" and "Lopez-Obrador" are one name).

use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, SimpleTokenizer, TextAnalyzer};

/// Folds text for comparison the way the index's `folded` tokenizer does: words split on
/// non-alphanumeric characters, lowercased, accents folded to ASCII ("López Obrador" →
/// `["lopez", "obrador"]`).
pub struct Folder {
    analyzer: TextAnalyzer,
}

impl Default for Folder {
    fn default() -> Self {
        Folder::new()
    }
}

impl Folder {
    /// Builds the folding pipeline.
    pub fn new() -> Folder {
        let analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build();
        Folder { analyzer }
    }

    /// Returns the folded words of `text`.
    pub fn words(&mut self, text: &str) -> Vec<String> {
        let mut stream = self.analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    }

    /// Returns the folded words of `text` joined by single spaces.
    pub fn key(&mut self, text: &str) -> String {
        self.words(text).join(" ")
    }

    /// The key under which two spellings of a name are the same entity: its folded words, dots
    /// dropped first so that "U.S." and "US" are one.
    pub fn name_key(&mut self, name: &str) -> String {
        self.words(&name.replace('.', "")).join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_punctuation() {
        let mut f = Folder::new();
        assert_eq!(f.words("Andrés Manuel López-Obrador"), vec!["andres", "manuel", "lopez", "obrador"]);
        assert_eq!(f.key("  ÉMILE   Zola "), "emile zola");
        assert_eq!(f.key("..."), "");
        assert_eq!(f.name_key("U.S."), f.name_key("US"));
    }
}
