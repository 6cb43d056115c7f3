//! Where readers report an error in a note: a contact fixed at build time (`SITE_CONTACT`, or `cargo xtask
//! build --contact …`), checked by `build.rs` (`mailto:` one address, or an `https://` address). Without
//! one, notes show no "Report an error" link.

use crate::content::notes;
use crate::i18n::t;
use crate::route::note_href;

/// The contact for error reports, or empty.
pub const CONTACT: &str = env!("SITE_CONTACT");

/// The "Report an error" link of a note, prefilled with the note's address (absolute when the build knows
/// the origin), or `None` when the build has no contact.
pub fn report_href(note: usize) -> Option<String> {
    let address = contract::absolute(&note_href(note));
    report_link(CONTACT, &address, &notes()[note].title)
}

/// A report link to `contact` about the page at `address` titled `title`: for `mailto:`, a subject naming
/// the note and a body starting with its address; for `https:`, the address as the `note` query parameter.
fn report_link(contact: &str, address: &str, title: &str) -> Option<String> {
    if contact.is_empty() {
        return None;
    }
    if contact.starts_with("mailto:") {
        let subject = format!("{}: {title}", t().report_subject);
        return Some(format!(
            "{contact}?subject={}&body={}",
            percent_encode(&subject),
            percent_encode(&format!("{address}\n\n"))
        ));
    }
    let separator = if contact.contains('?') { '&' } else { '?' };
    Some(format!(
        "{contact}{separator}note={}",
        percent_encode(address)
    ))
}

/// Percent-encodes everything but RFC 3986's unreserved characters (UTF-8 bytes, upper-case hex).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_contact_no_link() {
        assert_eq!(report_link("", "https://x.org/notes/a/", "A"), None);
    }

    #[test]
    fn mail_reports_name_the_note_and_start_with_its_address() {
        crate::edition::in_english(|| {
            let link = report_link(
                "mailto:fix@example.org",
                "https://x.org/notes/a/",
                "Who & why?",
            )
            .unwrap();
            assert_eq!(
            link,
            format!(
                "mailto:fix@example.org?subject={}%3A%20Who%20%26%20why%3F&body=https%3A%2F%2Fx.org%2Fnotes%2Fa%2F%0A%0A",
                percent_encode(t().report_subject)
            )
        );
        })
    }

    #[test]
    fn web_reports_carry_the_address_as_a_query_parameter() {
        assert_eq!(
            report_link(
                "https://example.org/report",
                "https://x.org/notes/a/?q=1&r=2",
                "A"
            )
            .unwrap(),
            "https://example.org/report?note=https%3A%2F%2Fx.org%2Fnotes%2Fa%2F%3Fq%3D1%26r%3D2"
        );
        assert_eq!(
            report_link("https://example.org/new?labels=fix", "/notes/a/", "A").unwrap(),
            "https://example.org/new?labels=fix&note=%2Fnotes%2Fa%2F"
        );
    }

    #[test]
    fn percent_encoding_keeps_only_unreserved_characters() {
        assert_eq!(percent_encode("aZ0-._~"), "aZ0-._~");
        assert_eq!(percent_encode("é <>\"#"), "%C3%A9%20%3C%3E%22%23");
    }
}
