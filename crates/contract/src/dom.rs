//! The names in the prerendered HTML that the browser app looks for: element ids, classes, form fields
//! and data attributes. The components write them from these constants and the browser app reads them
//! from the same ones; a rendering test checks that every page carries the ones it needs.
//!
//! Architecture Invariant: the browser app names no element, class or attribute of the page other than
//! through this module.

use model::Track;

/// Id of the letter page's notes column (`<aside>`), where the open note's article goes.
pub const NOTES: &str = "notes";
/// Class of a note's `<article>` (in the notes column, and on the note's own page).
pub const NOTE: &str = "note";
/// Id of the open note's heading, focused when it opens.
pub const NOTE_TITLE: &str = "note-title";
/// Class of the prompt the notes column shows when no note is open.
pub const NO_NOTE: &str = "no-note";
/// Class of a note's close link.
pub const NOTE_CLOSE: &str = "note-close";
/// Class of the letter's text (and of its parallel original and translation).
pub const LETTER_TEXT: &str = "letter-text";
/// Class of a note page's link to the whole letter at the note's mark: a note page holds only the passages
/// marking its note, so closing the note there goes to this link.
pub const WHOLE_LETTER: &str = "whole-letter";
/// Class of a mark: a link from the letter's text to a note.
pub const MARK: &str = "mark";
/// Id of the timeline's filter form.
pub const TIMELINE_FILTER: &str = "timeline-filter";
/// Name of the filter's checkboxes (one per track; the value is the track's slug), also the URL
/// parameter (`?tracks=`).
pub const TRACKS_FIELD: &str = "tracks";
/// Class of a year's section on the timeline.
pub const YEAR: &str = "year";
/// The id of a year's section on a timeline page (`year-2024`), a link target of the overview.
pub fn year_id(year: u16) -> String {
    format!("{YEAR_ID_PREFIX}{year}")
}
/// What a year section's id starts with (see [`year_id`]).
const YEAR_ID_PREFIX: &str = "year-";
/// The year a year section's id names (see [`year_id`]).
pub fn year_of_id(id: &str) -> Option<u16> {
    id.strip_prefix(YEAR_ID_PREFIX)?.parse().ok()
}
/// Attribute of an overview's year link: the year (the app reads it for `?from=`).
pub const AXIS_YEAR: &str = "data-year";
/// The URL parameter that opens the timeline at a year's first event (`?from=2024`).
pub const FROM_FIELD: &str = "from";
/// Attribute of the timeline's `<main>` on a page that does not hold every event: the URL of the event map
/// (see `route::EVENT_MAP_FILE`), which the app reads to send a fragment it cannot find to its year's page.
pub const EVENT_MAP: &str = "data-event-map";
/// Class of the timeline's `<main>` while its filter is CSS alone (`:has()` over the checkboxes, in a
/// browser without scripting); the app takes it away and marks each event it leaves out with
/// [`FILTERED_OUT`] instead.
pub const CSS_FILTER: &str = "css-filter";
/// Class the app gives an event the filter leaves out: it takes no room and is hidden from everyone, but
/// keeps its rendering, so showing it again rebuilds nothing (the CSS: `content-visibility: hidden`).
pub const FILTERED_OUT: &str = "filtered-out";
/// Class the app gives the timeline's `<main>` once the page has rendered (before its second frame): from
/// then on, events far from the view skip style, layout and paint (the CSS: `content-visibility: auto`),
/// so a filter change costs about the events on screen. Not before: by then every event has rendered and
/// its size is remembered, so a skipped event keeps its true size and links into the page land where they
/// should. Not at the first filter change either: restyling every event then would be paid on that click.
pub const LAZY_EVENTS: &str = "lazy-events";
/// Id of the timeline's polite live region, where moving between events by key is announced.
pub const TIMELINE_ANNOUNCE: &str = "timeline-announce";
/// Class of an event's title (the announcement reads it).
pub const EVENT_TITLE: &str = "event-title";
/// Class of an event on the timeline (its id is the event's).
pub const EVENT: &str = "event";
/// The attribute that names a timeline event by its id (in embeds its only name: an `id` would let the
/// browser scroll the host page to a fragment). Written as `data-event` by `pages/timeline.rs`.
pub const EVENT_ID: &str = "data-event";
/// Class of the filter's live count; its [`TEMPLATE`] attribute holds the text with [`SHOWN`] and
/// [`TOTAL`] to fill in.
pub const FILTER_STATUS: &str = "filter-status";
/// Attribute with a text template for the browser to fill in.
pub const TEMPLATE: &str = "data-template";
/// Placeholder for the number of events shown, in a [`TEMPLATE`].
pub const SHOWN: &str = "{shown}";
/// Placeholder for the number of events, in a [`TEMPLATE`].
pub const TOTAL: &str = "{total}";
/// Class of an embed snippet's `<textarea>` (the browser fills in the origin when the build did not).
pub const EMBED_SNIPPET: &str = "embed-snippet";
/// Attribute of the link to the same page in the other edition.
pub const LANGUAGE_SWITCH: &str = "data-language-switch";
/// Attribute the browser app sets on `<html>` once the page is interactive (tests wait for it).
pub const READY: &str = "data-ready";
/// Class of a button that copies a URL ([`COPY_URL`]) or a field's text ([`COPY_FROM`]) to the clipboard;
/// the stylesheet shows it only under [`CAN_COPY`].
pub const COPY_BUTTON: &str = "copy-button";
/// Attribute of a copy button: the URL it copies (site-relative or absolute; resolved against the page).
pub const COPY_URL: &str = "data-copy-url";
/// Attribute of a copy button: the id of the field whose text it copies.
pub const COPY_FROM: &str = "data-copy-from";
/// Attribute the browser app sets on `<html>` where it can write to the clipboard (not in a frame).
pub const CAN_COPY: &str = "data-can-copy";
/// Id of the polite live region that announces a copy.
pub const COPY_STATUS: &str = "copy-status";
/// Attribute of [`COPY_STATUS`]: the message for a copy made.
pub const COPY_DONE: &str = "data-done";
/// Attribute of [`COPY_STATUS`]: the message for a copy that failed.
pub const COPY_FAILED: &str = "data-failed";
/// The event the browser app, inside a frame, dispatches at an element to ask the host page to scroll to it
/// (it does not bubble: `public/embed-frame.js` catches it on its way down and passes it on to the host).
pub const SHOW_EVENT: &str = "letter-explainer:show";
/// Attribute of each button of the header's theme control: the theme it chooses (`auto`, `light`,
/// `dark`). Read by `public/display.js`, which also sets `data-theme` on `<html>` (the stylesheet shows the
/// control only then, and marks the chosen button by it).
pub const THEME_CHOICE: &str = "data-theme-choice";
/// The URL parameter of clean reading: `?annotations=off` shows the letter's marks unstyled.
pub const ANNOTATIONS_PARAM: &str = "annotations";
/// The value of [`ANNOTATIONS_PARAM`] for clean reading.
pub const ANNOTATIONS_OFF: &str = "off";
/// Attribute on `<html>`: `off` in clean reading, `on` otherwise (set by `public/display.js` before the
/// first paint, then by the browser app).
pub const ANNOTATIONS_STATE: &str = "data-annotations";
/// Attribute of the letter's clean-reading links ("Hide annotations", "Show annotations"): the state each
/// leads to (`off`, `on`). The stylesheet shows the one that changes the current state.
pub const ANNOTATIONS_TO: &str = "data-annotations-to";
/// Open Graph property holding the site's name: the letter page's title with no note open.
pub const SITE_NAME_PROPERTY: &str = "og:site_name";

/// Id of the search page's form (hidden until its script runs: without JavaScript the page is an index).
pub const SEARCH_FORM: &str = "search-form";
/// Id of the search box.
pub const SEARCH_INPUT: &str = "search-q";
/// The search box's name, also the URL parameter (`?q=`).
pub const SEARCH_FIELD: &str = "q";
/// Id of the search page's polite live region (the count of results).
pub const SEARCH_STATUS: &str = "search-status";
/// Id of the element the search page's results go in.
pub const SEARCH_RESULTS: &str = "search-results";
/// Id of the "no results" message with its links on (hidden until a query finds nothing).
pub const SEARCH_NONE: &str = "search-none";

/// Id of the search page's A–Z index (set aside while a query shows results).
pub const SEARCH_INDEX: &str = "search-index";

/// The id of the letter's passage at `n`, counted from 1 in the reader's text (a search result's target).
pub fn passage_id(n: usize) -> String {
    format!("{PASSAGE_PREFIX}{n}")
}

/// What every passage id starts with.
pub const PASSAGE_PREFIX: &str = "p-";

/// The id of a note's mark in the letter (the one focus returns to when the note closes).
pub fn mark_id(note_id: &str) -> String {
    format!("mark-{note_id}")
}

/// The class an event carries for each of its tracks (`t-us`); the filter's CSS and the browser read it.
pub fn track_class(track: Track) -> String {
    format!("t-{}", track.slug())
}

/// The tracks named by an element's classes (see [`track_class`]).
pub fn tracks_of(has_class: impl Fn(&str) -> bool) -> Vec<Track> {
    Track::ALL
        .into_iter()
        .filter(|&t| has_class(&track_class(t)))
        .collect()
}

/// The `rel` of a link that opens one of the site's own pages in a new tab (inside embeds).
pub const NEW_TAB_REL: &str = "noopener noreferrer";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn track_classes_read_back() {
        let classes = [
            track_class(Track::Us),
            track_class(Track::China),
            "event".into(),
        ];
        assert_eq!(
            tracks_of(|c| classes.iter().any(|k| k == c)),
            vec![Track::Us, Track::China]
        );
        assert_eq!(mark_id("market-share"), "mark-market-share");
        assert_eq!(year_of_id(&year_id(2024)), Some(2024));
        assert_eq!(year_of_id("y2024"), None);
    }
}
