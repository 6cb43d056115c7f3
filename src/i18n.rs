//! Every piece of interface text, in one catalog per language, and the date formats that go with it.
//! Components never write interface text inline: they read [`t()`], the catalog of the edition being
//! rendered.

use model::{Date, Lang, NoteKind, Status, Track, Verdict};

/// The interface text of one language.
pub struct Strings {
    /// BCP 47 tag for `<html lang>`.
    pub lang: &'static str,
    /// Open Graph locale (`og:locale`).
    pub locale: &'static str,
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
    /// Navigation: search (a link to the search page).
    pub nav_search: &'static str,
    /// Search page title.
    pub search_title: &'static str,
    /// Search page introduction.
    pub search_intro: &'static str,
    /// Label of the search box.
    pub search_label: &'static str,
    /// How to reach search from any page (shown under the box).
    pub search_keys: &'static str,
    /// Headings of the result groups: passages, notes, events, sources.
    pub search_groups: [&'static str; 4],
    /// The live count of one result.
    pub search_one: &'static str,
    /// The live count of several results, with `{n}`.
    pub search_many: &'static str,
    /// Said when nothing matches.
    pub search_none: &'static str,
    /// After "nothing matches": where to go instead (before links to the timeline and the sources).
    pub search_none_hint: &'static str,
    /// Said when the search code or index cannot load.
    pub search_failed: &'static str,
    /// Heading of the A–Z index.
    pub search_index: &'static str,
    /// What the A–Z index is.
    pub search_index_intro: &'static str,
    /// Heading of the A–Z index's years.
    pub search_years: &'static str,
    /// A year's number of events, with `{n}`.
    pub search_year_events: &'static str,
    /// A results group's button for the rest of its results, with `{n}` (how many) and `{kind}` (the
    /// group's name).
    pub search_more: &'static str,
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
    /// Above the passages a note page shows from the letter.
    pub excerpt_label: &'static str,
    /// A note page's link to the whole letter, at the note's mark.
    pub read_whole_letter: &'static str,
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
    /// Name of the timeline's overview (its years, each a link into the list).
    pub axis_label: &'static str,
    /// An overview year's number of events, with `{n}`, before its count per track.
    pub axis_events: &'static str,
    /// An overview year's one event, before its count per track.
    pub axis_one_event: &'static str,
    /// Marks the letter's date on the overview.
    pub axis_letter: &'static str,
    /// Before the link to the latest event.
    pub timeline_latest: &'static str,
    /// On a large site's timeline page, before its events: `{n}` the number listed.
    pub timeline_latest_events: &'static str,
    /// A year's link to its own page where a page lists only some of its events: `{n}` events, `{y}` year.
    pub timeline_whole_year: &'static str,
    /// The visible hint for moving between events by key.
    pub timeline_keys: &'static str,
    /// Under the timeline's embed snippets: how to open the frame at a year or an event.
    pub embed_timeline_at: &'static str,
    /// What moving to an event by key announces after its date and title, with `{shown}` and `{total}`.
    pub event_position: &'static str,
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
    /// The link a framed page of the full site offers, to open it on the site itself.
    pub open_on_site: &'static str,
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
    /// Corrections page title (also its link in the footer).
    pub corrections_title: &'static str,
    /// Corrections page introduction.
    pub corrections_intro: &'static str,
    /// Shown when the log has no entry.
    pub corrections_none: &'static str,
    /// Label before what a correction changed (notes, events, the letter).
    pub correction_changed: &'static str,
    /// Heading: what changed.
    pub correction_what: &'static str,
    /// Heading: why.
    pub correction_why: &'static str,
    /// Link to the Atom feed of corrections.
    pub corrections_feed: &'static str,
    /// The about page's heading of the corrections policy.
    pub corrections_policy_heading: &'static str,
    /// The corrections policy, in a few sentences.
    pub corrections_policy: &'static str,
    /// Link from the policy to the log.
    pub corrections_log_link: &'static str,
    /// Before the date a note was last reviewed.
    pub last_reviewed: &'static str,
    /// Before the date a correction changed a note.
    pub updated: &'static str,
    /// The link that reports an error in a note.
    pub report_error: &'static str,
    /// The subject of an error report, before the note's title.
    pub report_subject: &'static str,
    /// The language's own name, for the language switch ("English", "Español").
    pub language_name: &'static str,
    /// Name of the language switch (a `nav` landmark).
    pub language_label: &'static str,
    // Theme and clean reading (issue #15).
    /// The theme control's name (shown before its three buttons).
    pub theme_label: &'static str,
    /// The theme control's choices: automatic (the system's), light, dark.
    pub theme_choices: [&'static str; 3],
    /// The letter's clean-reading control while the marks are styled.
    pub annotations_hide: &'static str,
    /// The letter's clean-reading control while the marks are plain text.
    pub annotations_show: &'static str,
    /// Shown where a text is not yet translated and the English original stands in.
    pub fallback_notice: &'static str,
    /// Label of the letter's original text, beside its translation.
    pub original_label: &'static str,
    /// Label of the letter's unofficial translation.
    pub translation_label: &'static str,
    /// Explains the translation.
    pub translation_note: &'static str,
    /// The Cite control's summary.
    pub cite_summary: &'static str,
    /// What the Cite control offers, and what its date is.
    pub cite_intro: &'static str,
    /// Label of the APA-style citation.
    pub cite_apa: &'static str,
    /// Label of the Chicago-style citation.
    pub cite_chicago: &'static str,
    /// A button that copies a field's text (followed, for screen readers, by the field's name).
    pub copy: &'static str,
    /// Announced when a copy is made.
    pub copied: &'static str,
    /// Announced when the clipboard refused a copy.
    pub copy_failed: &'static str,
    /// A button that copies the link to a note or an event.
    pub copy_link: &'static str,
    /// A button that copies the link to a note's passage in the letter.
    pub copy_passage_link: &'static str,
    /// Offline notice: the whole site is saved.
    pub offline_ready: &'static str,
    /// Offline notice: the network is gone.
    pub offline_offline: &'static str,
    /// Offline notice: a new version waits.
    pub offline_update: &'static str,
    /// The button that switches to the new version.
    pub offline_reload: &'static str,
    /// The offline notice page's title (shown in place of a page the device cannot open).
    pub offline_page_title: &'static str,
    /// Why the page cannot be shown.
    pub offline_page_text: &'static str,
    /// What to do when a new version is offered.
    pub offline_page_update: &'static str,
    /// The link that tries the page again.
    pub offline_page_retry: &'static str,
    /// Heading over the site's other pages.
    pub offline_page_pages: &'static str,
    // Offline reading of a large site, saved in two steps (issue #16).
    /// Offline notice: the reading core is saved (a large site), not yet every note.
    pub offline_ready_core: &'static str,
    /// Heading of the "save everything" control on the about page.
    pub save_offline_heading: &'static str,
    /// What was saved and what the button does.
    pub save_offline_text: &'static str,
    /// The button.
    pub save_offline_button: &'static str,
    /// What the button would download, with `{size}` (megabytes), shown after it.
    pub save_offline_size: &'static str,
    /// Said while saving.
    pub save_offline_saving: &'static str,
    /// Said when everything is saved.
    pub save_offline_done: &'static str,
    /// Said when some files could not be saved.
    pub save_offline_failed: &'static str,
    /// The timeline filter's count, with `{shown}` and `{total}`.
    pub showing: &'static str,
    // The print edition and the scorecard (issue #15).
    /// The link to the print edition, and its title.
    pub print_title: &'static str,
    /// What the print edition holds.
    pub print_intro: &'static str,
    /// Before the site's address in the print edition.
    pub print_online: &'static str,
    /// Heading of the print edition's endnotes.
    pub print_notes: &'static str,
    /// Hidden words before a reference's number ("Note 3").
    pub print_note_word: &'static str,
    /// Hidden words after an endnote's number: its link goes back to the reference in the text.
    pub print_back: &'static str,
    /// Heading of the scorecard.
    pub scorecard_heading: &'static str,
    /// The scorecard's claims, by verdict.
    pub scorecard_claims: &'static str,
    /// The scorecard's requests, by status.
    pub scorecard_requests: &'static str,
    /// Note kinds: claim, request, context.
    pub kinds: [&'static str; 3],
    /// Verdicts: supported, needs context, disputed, unverifiable.
    pub verdicts: [&'static str; 4],
    /// Request statuses: met, partly met, not met, unclear.
    pub statuses: [&'static str; 4],
    /// Timeline tracks, in [`Track::ALL`] order.
    pub tracks: [&'static str; 6],
    /// A date known to the day, with `{d}`, `{m}` and `{y}`.
    pub date_day: &'static str,
    /// A date known to the month, with `{m}` and `{y}`.
    pub date_month: &'static str,
    /// Month names, January first.
    pub months: [&'static str; 12],
    /// How this language's citations are written (see [`crate::citation`]).
    pub citing: Citing,
}

/// How citations are written in one language: APA and Chicago dates and quotation, biblatex's language.
/// Dates are patterns with `{d}`, `{m}` (the month's name) and `{y}`.
pub struct Citing {
    /// "No date", as APA and Chicago write it.
    pub no_date: &'static str,
    /// APA's date known to the day.
    pub apa_day: &'static str,
    /// Chicago's date known to the month.
    pub chicago_month: &'static str,
    /// Chicago's date known to the day.
    pub chicago_day: &'static str,
    /// Chicago's quotation marks around a title.
    pub quotes: [&'static str; 2],
    /// Chicago's full stop after a title goes inside the quotation marks (English), not after them.
    pub stop_inside_quotes: bool,
    /// biblatex's `langid`.
    pub langid: &'static str,
}

/// English.
pub const EN: Strings = Strings {
    lang: "en",
    locale: "en_US",
    skip_to_content: "Skip to content",
    nav_label: "Site",
    nav_letter: "The letter",
    nav_timeline: "Timeline",
    nav_sources: "Sources",
    nav_about: "About",
    nav_search: "Search",
    search_title: "Search",
    search_intro: "Find any passage of the letter, note, timeline event or source.",
    search_label: "Search the letter, notes, timeline and sources",
    search_keys: "From any page, press / or Ctrl+K to search.",
    search_groups: ["Passages of the letter", "Notes", "Timeline events", "Sources"],
    search_one: "1 result",
    search_many: "{n} results",
    search_none: "No results.",
    search_none_hint: "Try other words, or browse:",
    search_failed: "Search could not load here. The index below lists every note, source and year.",
    search_index: "Index A–Z",
    search_index_intro: "Every note and source in alphabetical order, and the timeline by year.",
    search_years: "The timeline by year",
    search_year_events: "{n} events",
    search_more: "Show {n} more ({kind})",
    letter_from: "From",
    letter_to: "To",
    letter_dated: "Dated",
    letter_published: "Made public",
    letter_partial: "The full text of the letter has not been published. Shown here are the passages quoted in public reporting, in the letter's order; the text between them is marked as not published.",
    letter_sources: "Passages published by",
    context_heading: "Background",
    legend_heading: "How to read the marks",
    legend_claim: "a claim, checked against sources",
    legend_request: "a request in the letter, numbered, with what has happened since",
    legend_context: "background",
    gap: "Passage not published",
    close_note: "Close note",
    excerpt_label: "From the letter:",
    read_whole_letter: "Read the whole letter",
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
    axis_label: "Years",
    axis_events: "{n} events",
    axis_one_event: "1 event",
    axis_letter: "The letter",
    timeline_latest: "Latest event:",
    timeline_latest_events: "Below are the latest {n} events; every year above is a link to a page with all its events.",
    timeline_whole_year: "All {n} events of {y}",
    timeline_keys: "Keys: j for the next event, k for the previous one.",
    event_position: "event {shown} of {total}",
    embed_timeline_at: "To open the frame at a year or at an event, end its address with ?from=2024 or with #event-id (the end of the event's Copy link).",
    embed_summary: "Embed",
    embed_intro: "Put this in your page. The first snippet sizes itself to its content; the second is a plain iframe that needs no script.",
    embed_responsive: "Self-sizing (recommended)",
    embed_plain: "Plain iframe",
    open_full: "Open the full explainer",
    new_tab: " (opens in a new tab)",
    open_on_site: "Open on the site",
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
    corrections_title: "Corrections",
    corrections_intro: "Every change to what this site has told its readers: when, what changed and why, newest first.",
    corrections_none: "No corrections so far.",
    correction_changed: "Changed",
    correction_what: "What changed",
    correction_why: "Why",
    corrections_feed: "Follow the corrections (Atom feed)",
    corrections_policy_heading: "Corrections",
    corrections_policy: "When we find a mistake, or a reader shows us one, we fix it and say so. Every change to a fact, a figure, a date, a source, a verdict or a status is logged with its date, what changed and why, and the note it touches says when it was updated. Typos and layout are fixed without an entry. An entry is never deleted or rewritten to hide a mistake: a correction of a correction is a new entry. Every note also shows when it was last reviewed.",
    corrections_log_link: "Read the corrections log",
    last_reviewed: "Last reviewed",
    updated: "Updated",
    report_error: "Report an error in this note",
    report_subject: "Error in a note",
    language_name: "English",
    language_label: "Language",
    theme_label: "Theme",
    theme_choices: ["Automatic", "Light", "Dark"],
    annotations_hide: "Hide annotations",
    annotations_show: "Show annotations",
    fallback_notice: "Not yet translated; shown in the original English.",
    original_label: "Original (English)",
    translation_label: "Unofficial translation",
    translation_note: "The translation was made for this site; only the English text is the letter.",
    cite_summary: "Cite",
    cite_intro: "Cite this note in the style you need, or import it into a reference manager (BibTeX, RIS). Its date is when the site's facts were last checked against the sources.",
    cite_apa: "APA style",
    cite_chicago: "Chicago style",
    copy: "Copy",
    copied: "Copied to the clipboard.",
    copy_failed: "Could not copy. Select the text and copy it.",
    copy_link: "Copy link",
    copy_passage_link: "Copy link to this passage",
    offline_ready: "Available offline: this site is saved on this device.",
    offline_offline: "You are offline. Every page of this site still opens.",
    offline_update: "A new version is available.",
    offline_reload: "Reload",
    offline_page_title: "This page cannot be shown",
    offline_page_text: "The copy of this page saved on this device is missing or damaged, and the network did not give this version of it: you may be offline, or a new version of the site has been published since this one was saved.",
    offline_page_update: "If a notice on this page says that a new version is available, press Reload to read it.",
    offline_page_retry: "Try again",
    offline_page_pages: "Pages of the site",
    offline_ready_core: "Available offline: the letter, the timeline, the sources and every page you open are saved on this device.",
    save_offline_heading: "Offline reading",
    save_offline_text: "This site is large, so this device has saved what you need to read it offline: the letter, the timeline, the sources and every page you have opened. Each note is saved when you open it, or all at once here.",
    save_offline_button: "Save everything for offline",
    save_offline_size: "{size} MB",
    save_offline_saving: "Saving everything for offline…",
    save_offline_done: "Everything is saved for offline reading on this device.",
    save_offline_failed: "Some files could not be saved. Try again when you are online.",
    showing: "Showing {shown} of {total} events",
    print_title: "Print edition",
    print_intro: "The letter with every note as a numbered endnote, then the timeline and the sources: for printing, or saving as PDF.",
    print_online: "Online at",
    print_notes: "Notes",
    print_note_word: "Note",
    print_back: " (back to the text)",
    scorecard_heading: "At a glance",
    scorecard_claims: "Claims, by verdict",
    scorecard_requests: "Requests, by status",
    kinds: ["Claim", "Request", "Background"],
    verdicts: ["Supported", "Needs context", "Disputed", "Unverifiable"],
    statuses: ["Met", "Partly met", "Not met", "Unclear"],
    tracks: [
        "The letter and its authors", "United States", "Mexico", "Canada", "China", "Industry and technology",
    ],
    date_day: "{d} {m} {y}",
    date_month: "{m} {y}",
    months: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ],
    citing: Citing {
        no_date: "n.d.",
        apa_day: "{y}, {m} {d}",
        chicago_month: "{m} {y}",
        chicago_day: "{m} {d}, {y}",
        quotes: ["\u{201c}", "\u{201d}"],
        stop_inside_quotes: true,
        langid: "english",
    },
};

/// Spanish, for readers in Mexico: dates as "30 de septiembre de 2024".
pub const ES: Strings = Strings {
    lang: "es",
    locale: "es_MX",
    skip_to_content: "Ir al contenido",
    nav_label: "Sitio",
    nav_letter: "La carta",
    nav_timeline: "Cronología",
    nav_sources: "Fuentes",
    nav_about: "Acerca de",
    nav_search: "Buscar",
    search_title: "Buscar",
    search_intro: "Encuentre cualquier pasaje de la carta, nota, hecho de la cronología o fuente.",
    search_label: "Buscar en la carta, las notas, la cronología y las fuentes",
    search_keys: "Desde cualquier página, pulse / o Ctrl+K para buscar.",
    search_groups: ["Pasajes de la carta", "Notas", "Hechos de la cronología", "Fuentes"],
    search_one: "1 resultado",
    search_many: "{n} resultados",
    search_none: "No hay resultados.",
    search_none_hint: "Pruebe con otras palabras o consulte:",
    search_failed: "La búsqueda no pudo cargarse aquí. El índice de abajo incluye cada nota, fuente y año.",
    search_index: "Índice de la A a la Z",
    search_index_intro: "Cada nota y cada fuente en orden alfabético, y la cronología por año.",
    search_years: "La cronología por año",
    search_year_events: "{n} hechos",
    search_more: "Mostrar {n} más ({kind})",
    letter_from: "De",
    letter_to: "Para",
    letter_dated: "Fechada el",
    letter_published: "Se hizo pública el",
    letter_partial: "El texto completo de la carta no se ha publicado. Aquí aparecen los pasajes citados en la prensa, en el orden de la carta; lo que falta entre ellos se señala como no publicado.",
    letter_sources: "Pasajes publicados por",
    context_heading: "Contexto",
    legend_heading: "Cómo leer las marcas",
    legend_claim: "una afirmación, contrastada con fuentes",
    legend_request: "una petición de la carta, numerada, con lo que ha ocurrido desde entonces",
    legend_context: "contexto",
    gap: "Pasaje no publicado",
    close_note: "Cerrar la nota",
    excerpt_label: "De la carta:",
    read_whole_letter: "Leer la carta completa",
    verdict_label: "Veredicto",
    status_label: "Estado",
    as_of: "al",
    passage_heading: "La carta dice",
    note_events_heading: "En la cronología",
    note_sources_heading: "Fuentes",
    via: "vía",
    notes_region: "Notas",
    no_note_open: "Elija un pasaje marcado para leer su nota: las pruebas, un veredicto o estado, y las fuentes.",
    sources_title: "Fuentes",
    sources_intro: "Cada fuente citada en este sitio, una sola vez, con los lugares donde se cita. Los títulos están en su idioma original; cuando una página reproduce la nota de otro medio, se nombran ambos.",
    cited_in: "Citada en",
    cited_letter: "La carta",
    timeline_title: "Cronología",
    timeline_intro: "Lo que ocurrió antes y después de la carta, en orden. Las fechas son tan precisas como lo permiten las fuentes.",
    filter_label: "Filtrar la cronología",
    filter_legend: "Mostrar hechos sobre",
    filter_letter_always: "Los hechos de la carta misma se muestran siempre.",
    last_checked: "Datos contrastados con las fuentes por última vez el",
    in_time_heading: "La carta en el tiempo",
    in_time_all: "Toda la cronología",
    axis_label: "Años",
    axis_events: "{n} hechos",
    axis_one_event: "1 hecho",
    axis_letter: "La carta",
    timeline_latest: "Hecho más reciente:",
    timeline_latest_events: "Abajo están los {n} hechos más recientes; cada año de arriba es un enlace a una página con todos sus hechos.",
    timeline_whole_year: "Los {n} hechos de {y}",
    timeline_keys: "Teclas: j para el hecho siguiente, k para el anterior.",
    event_position: "hecho {shown} de {total}",
    embed_timeline_at: "Para abrir el marco en un año o en un hecho, termine su dirección con ?from=2024 o con #id-del-hecho (el final del enlace que copia «Copiar el enlace» en cada hecho).",
    embed_summary: "Insertar",
    embed_intro: "Ponga esto en su página. El primer código ajusta su altura al contenido; el segundo es un iframe simple que no necesita ningún script.",
    embed_responsive: "Con altura automática (recomendado)",
    embed_plain: "Iframe simple",
    open_full: "Abrir la guía completa",
    new_tab: " (se abre en una pestaña nueva)",
    open_on_site: "Abrir en el sitio",
    event_notes: "Notas",
    event_sources: "Fuentes",
    not_found_title: "Página no encontrada",
    not_found_text: "No hay ninguna página en esta dirección. Quizá se escribió mal, o una nota cambió de nombre.",
    not_found_path: "Dirección",
    not_found_back: "Leer la carta anotada",
    not_found_notes: "Todas las notas",
    mark_claim: "afirmación",
    mark_context: "contexto",
    request_word: "Petición",
    footer: "Una guía independiente. Sin cookies, sin rastreo, sin peticiones a otros sitios; funciona sin conexión.",
    corrections_title: "Correcciones",
    corrections_intro: "Cada cambio en lo que este sitio ha dicho a sus lectores: cuándo, qué cambió y por qué, de lo más reciente a lo más antiguo.",
    corrections_none: "Hasta ahora no hay correcciones.",
    correction_changed: "Cambió",
    correction_what: "Qué cambió",
    correction_why: "Por qué",
    corrections_feed: "Seguir las correcciones (canal Atom)",
    corrections_policy_heading: "Correcciones",
    corrections_policy: "Cuando encontramos un error, o un lector nos lo señala, lo corregimos y lo decimos. Cada cambio en un dato, una cifra, una fecha, una fuente, un veredicto o un estado queda registrado con su fecha, qué cambió y por qué, y la nota afectada indica cuándo se actualizó. Las erratas y los cambios de formato se corrigen sin entrada. Ninguna entrada se borra ni se reescribe para ocultar un error: la corrección de una corrección es una entrada nueva. Cada nota indica además cuándo se revisó por última vez.",
    corrections_log_link: "Leer el registro de correcciones",
    last_reviewed: "Revisada por última vez el",
    updated: "Actualizada el",
    report_error: "Informar de un error en esta nota",
    report_subject: "Error en una nota",
    language_name: "Español",
    language_label: "Idioma",
    theme_label: "Tema",
    theme_choices: ["Automático", "Claro", "Oscuro"],
    annotations_hide: "Ocultar anotaciones",
    annotations_show: "Mostrar anotaciones",
    fallback_notice: "Aún sin traducir: se muestra el original en inglés.",
    original_label: "Original (inglés)",
    translation_label: "Traducción no oficial",
    translation_note: "La traducción se hizo para este sitio; solo el texto en inglés es la carta.",
    cite_summary: "Citar",
    cite_intro: "Elija el estilo en que citar esta nota, o impórtela en un gestor de referencias (BibTeX, RIS). Su fecha es la última vez que los datos del sitio se contrastaron con las fuentes.",
    cite_apa: "Estilo APA",
    cite_chicago: "Estilo Chicago",
    copy: "Copiar",
    copied: "Copiado al portapapeles.",
    copy_failed: "No se pudo copiar. Seleccione el texto y cópielo.",
    copy_link: "Copiar el enlace",
    copy_passage_link: "Copiar el enlace a este pasaje",
    offline_ready: "Disponible sin conexión: este sitio está guardado en este dispositivo.",
    offline_offline: "No hay conexión. Todas las páginas de este sitio siguen abriéndose.",
    offline_update: "Hay una versión nueva.",
    offline_reload: "Actualizar",
    offline_page_title: "Esta página no se puede mostrar",
    offline_page_text: "La copia de esta página guardada en este dispositivo falta o está dañada, y la red no dio esta versión de ella: quizá no haya conexión, o se haya publicado una versión nueva del sitio desde que se guardó esta.",
    offline_page_update: "Si un aviso en esta página dice que hay una versión nueva, pulse Actualizar para leerla.",
    offline_page_retry: "Volver a intentarlo",
    offline_page_pages: "Páginas del sitio",
    offline_ready_core: "Disponible sin conexión: la carta, la cronología, las fuentes y cada página que abra quedan guardadas en este dispositivo.",
    save_offline_heading: "Lectura sin conexión",
    save_offline_text: "Este sitio es grande, así que este dispositivo guardó lo necesario para leerlo sin conexión: la carta, la cronología, las fuentes y cada página que haya abierto. Cada nota se guarda al abrirla, o todas a la vez aquí.",
    save_offline_button: "Guardar todo para leer sin conexión",
    save_offline_size: "{size} MB",
    save_offline_saving: "Guardando todo para leer sin conexión…",
    save_offline_done: "Todo está guardado en este dispositivo para leer sin conexión.",
    save_offline_failed: "Algunos archivos no se pudieron guardar. Vuelva a intentarlo cuando tenga conexión.",
    showing: "Se muestran {shown} de {total} hechos",
    print_title: "Edición para imprimir",
    print_intro: "La carta con cada nota como nota final numerada, seguida de la cronología y las fuentes: para imprimir o guardar como PDF.",
    print_online: "En línea en",
    print_notes: "Notas",
    print_note_word: "Nota",
    print_back: " (volver al texto)",
    scorecard_heading: "De un vistazo",
    scorecard_claims: "Afirmaciones, por veredicto",
    scorecard_requests: "Peticiones, por estado",
    kinds: ["Afirmación", "Petición", "Contexto"],
    verdicts: ["Respaldada", "Necesita contexto", "Controvertida", "No verificable"],
    statuses: ["Cumplida", "Cumplida en parte", "No cumplida", "Sin determinar"],
    tracks: [
        "La carta y sus autores", "Estados Unidos", "México", "Canadá", "China", "Industria y tecnología",
    ],
    date_day: "{d} de {m} de {y}",
    date_month: "{m} de {y}",
    months: [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
        "noviembre", "diciembre",
    ],
    citing: Citing {
        no_date: "s.f.",
        apa_day: "{y}, {d} de {m}",
        chicago_month: "{m} de {y}",
        chicago_day: "{d} de {m} de {y}",
        quotes: ["«", "»"],
        stop_inside_quotes: false,
        langid: "spanish",
    },
};

impl Strings {
    /// A date at its own precision: "30 September 2024", "30 de septiembre de 2024", "2024".
    pub fn date(&self, d: Date) -> String {
        match (d.month, d.day) {
            (0, _) => d.year.to_string(),
            (_, 0) => self.fill(self.date_month, d),
            _ => self.fill(self.date_day, d),
        }
    }

    /// A date pattern of this catalog (`{d}`, `{m}`, `{y}`) filled in with `d`.
    pub fn fill(&self, pattern: &str, d: Date) -> String {
        pattern
            .replace("{d}", &d.day.to_string())
            .replace("{m}", self.months[usize::from(d.month.clamp(1, 12)) - 1])
            .replace("{y}", &d.year.to_string())
    }

    /// The filter's count: "Showing 12 of 83 events".
    pub fn showing(&self, shown: usize, total: usize) -> String {
        self.showing
            .replace(contract::dom::SHOWN, &shown.to_string())
            .replace(contract::dom::TOTAL, &total.to_string())
    }

    /// The label of a note kind.
    pub fn kind(&self, kind: NoteKind) -> &'static str {
        self.kinds[kind as usize]
    }

    /// The label of a verdict.
    pub fn verdict(&self, v: Verdict) -> &'static str {
        self.verdicts[v as usize]
    }

    /// The label of a request status.
    pub fn status(&self, s: Status) -> &'static str {
        self.statuses[s as usize]
    }

    /// The label of a timeline track.
    pub fn track(&self, t: Track) -> &'static str {
        self.tracks[t as usize]
    }
}

/// The made-up third edition's catalog (feature `made-up-edition`, for `tests/third_edition.rs`): the
/// English text under its own tag and name, the way a new edition's catalog starts before it is translated.
#[cfg(feature = "made-up-edition")]
pub const QAA: Strings = Strings {
    lang: "qaa",
    locale: "qaa",
    language_name: "Madeupese",
    ..EN
};

/// The catalog of a language.
pub fn catalog(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
        #[cfg(feature = "made-up-edition")]
        Lang::Qaa => &QAA,
    }
}

/// The catalog of the edition being rendered (see [`crate::edition`]).
pub fn t() -> &'static Strings {
    catalog(crate::edition::lang())
}

#[cfg(test)]
mod tests {
    use super::EN;
    use model::Date;

    #[test]
    fn spanish_dates_read_the_mexican_way() {
        let d = |s| super::ES.date(Date::parse(s).unwrap());
        assert_eq!(d("2024-09-30"), "30 de septiembre de 2024");
        assert_eq!(d("2024-09"), "septiembre de 2024");
        assert_eq!(d("2024-01-01"), "1 de enero de 2024");
        assert_eq!(d("2024"), "2024");
    }

    #[test]
    fn dates_keep_their_precision() {
        let d = |s| EN.date(Date::parse(s).unwrap());
        assert_eq!(d("2024-09-30"), "30 September 2024");
        assert_eq!(d("2024-09"), "September 2024");
        assert_eq!(d("2024"), "2024");
    }
}
