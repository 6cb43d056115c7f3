//! Every piece of interface text, in one catalog per language (English now; Spanish is planned), and the
//! date formats that go with it. Components never write interface text inline.

use model::{Date, NoteKind, Status, Track, Verdict};

/// The interface text of one language.
pub struct Strings {
    /// BCP 47 tag for `<html lang>`.
    pub lang: &'static str,
    /// The site's name.
    pub site_name: &'static str,
    /// What the site is, for search engines and link previews.
    pub site_description: &'static str,
    /// The installed app's name under its icon (a dozen characters or so).
    pub app_short_name: &'static str,
    /// Link that skips to the main content.
    pub skip_to_content: &'static str,
    /// Navigation landmark name.
    pub nav_label: &'static str,
    /// Navigation: the letter.
    pub nav_letter: &'static str,
    /// Navigation: the timeline.
    pub nav_timeline: &'static str,
    /// Navigation: the sources.
    pub nav_sources: &'static str,
    /// Navigation: about.
    pub nav_about: &'static str,
    /// Label before the letter's authors.
    pub letter_from: &'static str,
    /// Label before the letter's addressee.
    pub letter_to: &'static str,
    /// Label before the letter's date.
    pub letter_dated: &'static str,
    /// Label before the date it was made public.
    pub letter_published: &'static str,
    /// Explains that only published passages exist.
    pub letter_partial: &'static str,
    /// Label for where the passages were published.
    pub letter_sources: &'static str,
    /// Heading of the context notes list.
    pub context_heading: &'static str,
    /// How to read the marks.
    pub legend_heading: &'static str,
    /// Legend: claims.
    pub legend_claim: &'static str,
    /// Legend: requests.
    pub legend_request: &'static str,
    /// Legend: context.
    pub legend_context: &'static str,
    /// Shown in place of a gap in the published text.
    pub gap: &'static str,
    /// Close button of a note.
    pub close_note: &'static str,
    /// Label before a claim's verdict.
    pub verdict_label: &'static str,
    /// Label before a request's status.
    pub status_label: &'static str,
    /// Between a status and its as-of date.
    pub as_of: &'static str,
    /// Heading: the passage a note is about.
    pub passage_heading: &'static str,
    /// Heading: a note's events.
    pub note_events_heading: &'static str,
    /// Heading: a note's sources.
    pub note_sources_heading: &'static str,
    /// Between publisher and the repost site.
    pub via: &'static str,
    /// The letter page's main heading for screen readers and the notes region label.
    pub notes_region: &'static str,
    /// Prompt shown beside the letter when no note is open.
    pub no_note_open: &'static str,
    /// Sources page title.
    pub sources_title: &'static str,
    /// Sources page introduction.
    pub sources_intro: &'static str,
    /// Label before where a source is cited.
    pub cited_in: &'static str,
    /// Name of the letter when listed as a citation.
    pub cited_letter: &'static str,
    /// Timeline page title.
    pub timeline_title: &'static str,
    /// Timeline page introduction.
    pub timeline_intro: &'static str,
    /// Name of the timeline's filter form.
    pub filter_label: &'static str,
    /// Legend of the timeline's track checkboxes.
    pub filter_legend: &'static str,
    /// Says the letter's own events are never hidden.
    pub filter_letter_always: &'static str,
    /// Before the date the facts were last checked.
    pub last_checked: &'static str,
    /// Heading of the letter page's strip of nearby events.
    pub in_time_heading: &'static str,
    /// Link from the strip to the whole timeline.
    pub in_time_all: &'static str,
    /// The embed control's summary.
    pub embed_summary: &'static str,
    /// What the embed control offers.
    pub embed_intro: &'static str,
    /// Label of the self-sizing snippet.
    pub embed_responsive: &'static str,
    /// Label of the plain snippet.
    pub embed_plain: &'static str,
    /// Link from an embed to the full site.
    pub open_full: &'static str,
    /// Hidden text: the link opens a new tab.
    pub new_tab: &'static str,
    /// Label before an event's related notes.
    pub event_notes: &'static str,
    /// Label before an event's sources.
    pub event_sources: &'static str,
    /// Not-found page title.
    pub not_found_title: &'static str,
    /// Not-found page text.
    pub not_found_text: &'static str,
    /// Not-found page: the address that was asked for.
    pub not_found_path: &'static str,
    /// Not-found page: link back to the letter.
    pub not_found_back: &'static str,
    /// Not-found page: heading of the list of notes.
    pub not_found_notes: &'static str,
    /// Visually hidden text after a claim mark.
    pub mark_claim: &'static str,
    /// Visually hidden text after a context mark.
    pub mark_context: &'static str,
    /// Word before a request's number.
    pub request_word: &'static str,
    /// Footer text.
    pub footer: &'static str,
    /// Month names, January first.
    pub months: [&'static str; 12],
}

/// English.
pub const EN: Strings = Strings {
    lang: "en",
    site_name: "The Slotkin–Brown letter to Sheinbaum, annotated",
    site_description: "The September 2024 letter from members of the U.S. Congress to Mexico's President Claudia Sheinbaum on Chinese connected vehicles, with every claim and request checked against sources.",
    app_short_name: "Letter notes",
    skip_to_content: "Skip to content",
    nav_label: "Site",
    nav_letter: "The letter",
    nav_timeline: "Timeline",
    nav_sources: "Sources",
    nav_about: "About",
    letter_from: "From",
    letter_to: "To",
    letter_dated: "Dated",
    letter_published: "Made public",
    letter_partial: "The full text of the letter has not been published. Shown here are the passages quoted in public reporting, in the letter's order; the text between them is marked as not published.",
    letter_sources: "Passages published by",
    context_heading: "Background",
    legend_heading: "How to read the marks",
    legend_claim: "a claim, checked against sources",
    legend_request: "a request to Mexico, numbered, with what has happened since",
    legend_context: "background",
    gap: "Passage not published",
    close_note: "Close note",
    verdict_label: "Verdict",
    status_label: "Status",
    as_of: "as of",
    passage_heading: "The letter says",
    note_events_heading: "On the timeline",
    note_sources_heading: "Sources",
    via: "via",
    notes_region: "Notes",
    no_note_open: "Select a marked passage to read its note: the evidence, a verdict or status, and the sources.",
    sources_title: "Sources",
    sources_intro: "Every source cited on this site, once, with where it is cited. Titles are in their original language; where a page is a repost of another outlet's story, both are named.",
    cited_in: "Cited in",
    cited_letter: "The letter",
    timeline_title: "Timeline",
    timeline_intro: "What happened before and after the letter, in order. Dates are given as precisely as the sources give them.",
    filter_label: "Filter the timeline",
    filter_legend: "Show events about",
    filter_letter_always: "Events of the letter itself are always shown.",
    last_checked: "Facts last checked against the sources:",
    in_time_heading: "The letter in time",
    in_time_all: "The whole timeline",
    embed_summary: "Embed",
    embed_intro: "Put this in your page. The first snippet sizes itself to its content; the second is a plain iframe that needs no script.",
    embed_responsive: "Self-sizing (recommended)",
    embed_plain: "Plain iframe",
    open_full: "Open the full explainer",
    new_tab: " (opens in a new tab)",
    event_notes: "Notes",
    event_sources: "Sources",
    not_found_title: "Page not found",
    not_found_text: "There is no page at this address. It may have been mistyped, or a note may have been renamed.",
    not_found_path: "Address",
    not_found_back: "Read the annotated letter",
    not_found_notes: "All notes",
    mark_claim: "claim",
    mark_context: "background",
    request_word: "Request",
    footer: "An independent explainer. No cookies, no tracking, no requests to other sites; it works offline.",
    months: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ],
};

impl Strings {
    /// A date at its own precision: "30 September 2024", "September 2024" or "2024".
    pub fn date(&self, d: Date) -> String {
        let month = || self.months[usize::from(d.month.clamp(1, 12)) - 1];
        match (d.month, d.day) {
            (0, _) => d.year.to_string(),
            (_, 0) => format!("{} {}", month(), d.year),
            _ => format!("{} {} {}", d.day, month(), d.year),
        }
    }

    /// The filter's count: "Showing 12 of 83 events".
    pub fn showing(&self, shown: usize, total: usize) -> String {
        format!("Showing {shown} of {total} events")
    }

    /// The label of a note kind.
    pub fn kind(&self, kind: NoteKind) -> &'static str {
        match kind {
            NoteKind::Claim => "Claim",
            NoteKind::Request => "Request",
            NoteKind::Context => "Background",
        }
    }

    /// The label of a verdict.
    pub fn verdict(&self, v: Verdict) -> &'static str {
        match v {
            Verdict::Supported => "Supported",
            Verdict::NeedsContext => "Needs context",
            Verdict::Disputed => "Disputed",
            Verdict::Unverifiable => "Unverifiable",
        }
    }

    /// The label of a request status.
    pub fn status(&self, s: Status) -> &'static str {
        match s {
            Status::Met => "Met",
            Status::PartlyMet => "Partly met",
            Status::NotMet => "Not met",
            Status::Unclear => "Unclear",
        }
    }

    /// The label of a timeline track.
    pub fn track(&self, t: Track) -> &'static str {
        match t {
            Track::Letter => "The letter and its authors",
            Track::Us => "United States",
            Track::Mexico => "Mexico",
            Track::Canada => "Canada",
            Track::China => "China",
            Track::Industry => "Industry and technology",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::EN;
    use model::Date;

    #[test]
    fn dates_keep_their_precision() {
        let d = |s| EN.date(Date::parse(s).unwrap());
        assert_eq!(d("2024-09-30"), "30 September 2024");
        assert_eq!(d("2024-09"), "September 2024");
        assert_eq!(d("2024"), "2024");
    }
}
