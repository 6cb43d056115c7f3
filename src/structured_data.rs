//! Structured data (JSON-LD, schema.org) for a page's `<head>`, built with serde_json.

use crate::i18n::t;
use crate::route::{href, Route};
use contract::{absolute, ORIGIN};

/// Structured data (JSON-LD, schema.org) for a page, built with serde_json: the letter page as a
/// `NewsArticle`, each claim note as a `ClaimReview` (the properties Google's ClaimReview documentation
/// requires: `claimReviewed`, `reviewRating` with `alternateName`, `itemReviewed` a `Claim` whose
/// `appearance` is the letter, `author`, `datePublished` and, with an origin, `url`). The review's
/// `datePublished` is the day the note was last reviewed (see CONTENT.md); its rating is the verdict on
/// the about page's four-step scale. Safe inside `<script>`: `<` is written as `\u003c`.
pub fn json_ld(route: Route) -> Option<String> {
    let value = match route {
        Route::Letter(None) => Some(news_article()),
        Route::Letter(Some(id)) => claim_review(id),
        _ => None,
    }?;
    Some(script_safe(&value))
}

/// JSON for a `<script>` element: `<` escaped (inside JSON strings, the only place it can be), so no
/// text can close the element.
fn script_safe(value: &serde_json::Value) -> String {
    serde_json::to_string(value)
        .expect("a JSON value always serialises")
        .replace('<', "\\u003c")
}

/// An absolute URL when the build knows the origin.
fn absolute_url(route: Route) -> Option<String> {
    (!ORIGIN.is_empty()).then(|| absolute(&href(route)))
}

/// The organisation that wrote the letter (its `from` line).
fn letter_author() -> serde_json::Value {
    serde_json::json!({ "@type": "Organization", "name": crate::content::letter().from.as_ref() })
}

/// The letter page: a `NewsArticle` about the letter.
fn news_article() -> serde_json::Value {
    let l = crate::content::letter();
    let mut article = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": l.title.as_ref(),
        "description": crate::content::info().description,
        "dateCreated": l.date.to_string(),
        "datePublished": l.published.to_string(),
        "author": letter_author(),
        "inLanguage": t().lang,
    });
    if let Some(url) = absolute_url(Route::Letter(None)) {
        article["url"] = url.into();
    }
    article
}

/// A claim note: a `ClaimReview` of the marked passage, rated by its verdict.
fn claim_review(id: &str) -> Option<serde_json::Value> {
    use model::{Assessment, Verdict};
    let n = crate::content::note(id)?;
    let Assessment::Verdict { verdict, reason } = &n.assessment else {
        return None;
    };
    let rating = match verdict {
        Verdict::Supported => 4,
        Verdict::NeedsContext => 3,
        Verdict::Unverifiable => 2,
        Verdict::Disputed => 1,
    };
    let l = crate::content::letter();
    let mut letter = serde_json::json!({
        "@type": "CreativeWork",
        "headline": l.title.as_ref(),
        "author": letter_author(),
        "datePublished": l.published.to_string(),
    });
    if let Some(url) = absolute_url(Route::Letter(None)) {
        letter["url"] = url.into();
    }
    let mut review = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": n.passage.as_deref().unwrap_or(&n.title),
        "reviewBody": reason.as_ref(),
        "itemReviewed": {
            "@type": "Claim",
            "author": letter_author(),
            "datePublished": l.published.to_string(),
            "appearance": letter,
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating,
            "bestRating": 4,
            "worstRating": 1,
            "alternateName": t().verdict(*verdict),
        },
        "author": { "@type": "Organization", "name": crate::content::info().name },
        "datePublished": n.reviewed.to_string(),
        "inLanguage": t().lang,
    });
    if let Some(url) = absolute_url(Route::Letter(Some(&n.id))) {
        review["url"] = url.into();
    }
    Some(review)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_notes_carry_a_claim_review_rated_by_their_verdict() {
        crate::edition::in_english(|| {
            use model::{Assessment, NoteKind};
            for (i, n) in crate::content::notes().iter().enumerate() {
                let ld = json_ld(Route::Letter(Some(crate::route::note_id(i))));
                match (&n.assessment, n.kind) {
                    (Assessment::Verdict { verdict, .. }, NoteKind::Claim) => {
                        let ld = ld.expect("a claim has a ClaimReview");
                        assert!(ld.contains("\"@type\":\"ClaimReview\""));
                        let value: serde_json::Value = serde_json::from_str(&ld).unwrap();
                        assert_eq!(value["itemReviewed"]["appearance"]["@type"], "CreativeWork");
                        assert_eq!(value["datePublished"], n.reviewed.to_string());
                        assert!(
                            ld.contains(&format!(
                                "\"alternateName\":\"{}\"",
                                t().verdict(*verdict)
                            )),
                            "{ld}"
                        );
                    }
                    _ => assert!(ld.is_none(), "{} is not a claim", n.id),
                }
            }
            assert!(json_ld(Route::Letter(None))
                .unwrap()
                .contains("NewsArticle"));
        })
    }

    #[test]
    fn structured_data_cannot_close_its_script_element() {
        let value = serde_json::json!({ "a": "</script><script>alert(1)</script>" });
        let json = script_safe(&value);
        assert!(!json.contains('<'), "{json}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back, value);
    }
}
