//! The timeline's filter: which tracks a reader shows, and how that reads and writes in the URL
//! (`?tracks=us,mexico`; no parameter means every track). Events of the letter itself are never hidden.

use crate::dom::TRACKS_FIELD;
use model::Track;

/// The tracks a reader can switch off (the letter's own track is always shown).
pub const FILTERABLE: [Track; 5] = [
    Track::Us,
    Track::Mexico,
    Track::Canada,
    Track::China,
    Track::Industry,
];

/// A set of tracks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrackSet(u8);

impl TrackSet {
    /// Every track.
    pub fn all() -> Self {
        TrackSet(Track::ALL.iter().fold(0, |bits, &t| bits | bit(t)))
    }

    /// True if the set holds `track`.
    pub fn contains(self, track: Track) -> bool {
        self.0 & bit(track) != 0
    }

    /// The set with `track` switched on or off. The letter's track stays on.
    pub fn with(self, track: Track, on: bool) -> Self {
        if track == Track::Letter {
            return self;
        }
        TrackSet(if on {
            self.0 | bit(track)
        } else {
            self.0 & !bit(track)
        })
    }

    /// True if an event on these tracks is shown.
    pub fn shows_tracks(self, tracks: &[Track]) -> bool {
        tracks
            .iter()
            .any(|&t| t == Track::Letter || self.contains(t))
    }

    /// Reads the `tracks` parameter of a URL query (`?tracks=us,mexico` or `tracks=us,mexico`, also with the
    /// comma encoded, `us%2Cmexico`, as many tools write it). No parameter, or nothing recognisable in it,
    /// means every track; unknown names are ignored.
    pub fn from_query(query: &str) -> Self {
        let value = query
            .trim_start_matches('?')
            .split('&')
            .find_map(|pair| pair.strip_prefix(TRACKS_FIELD)?.strip_prefix('='));
        let Some(value) = value else {
            return Self::all();
        };
        let value = percent_decoded(value);
        let chosen = value
            .split([',', '+'])
            .filter_map(|s| Track::from_slug(s.trim()))
            .fold(bit(Track::Letter), |bits, t| bits | bit(t));
        if chosen == bit(Track::Letter) && !value.is_empty() {
            Self::all()
        } else {
            TrackSet(chosen)
        }
    }

    /// The query string for this set: empty for every track, else `?tracks=…` in display order.
    pub fn to_query(self) -> String {
        if self == Self::all() {
            return String::new();
        }
        let names: Vec<&str> = FILTERABLE
            .iter()
            .filter(|&&t| self.contains(t))
            .map(|t| t.slug())
            .collect();
        format!("?{TRACKS_FIELD}={}", names.join(","))
    }

    /// A URL query (`location.search`, with or without its `?`) with its `tracks` parameter made this set's:
    /// every other parameter (a host's `?theme=`, pym.js's `childId`…) is kept as it was, where it was.
    pub fn in_query(self, query: &str) -> String {
        let ours = self.to_query();
        let value = ours
            .strip_prefix('?')
            .and_then(|q| crate::query::param(q, TRACKS_FIELD));
        crate::query::with_param(query, TRACKS_FIELD, value)
    }
}

/// A query value with its `%XX` escapes decoded (a malformed escape is kept as it is).
fn percent_decoded(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| value.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn bit(track: Track) -> u8 {
    1 << Track::ALL.iter().position(|&t| t == track).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_parameter_means_every_track() {
        assert_eq!(TrackSet::from_query(""), TrackSet::all());
        assert_eq!(TrackSet::from_query("?other=1"), TrackSet::all());
        assert_eq!(TrackSet::all().to_query(), "");
    }

    #[test]
    fn the_query_round_trips_and_ignores_unknown_names() {
        let set = TrackSet::from_query("?tracks=mexico,nonsense,us");
        assert!(
            set.contains(Track::Us) && set.contains(Track::Mexico) && !set.contains(Track::Canada)
        );
        assert_eq!(set.to_query(), "?tracks=us,mexico");
        assert_eq!(TrackSet::from_query(&set.to_query()), set);
        // Only unknown names: show everything rather than nothing.
        assert_eq!(TrackSet::from_query("?tracks=nonsense"), TrackSet::all());
    }

    #[test]
    fn an_encoded_comma_separates_tracks_too() {
        for query in [
            "?tracks=us%2Cmexico",
            "?tracks=us%2cmexico",
            "?tracks=us%2C%20mexico",
        ] {
            let set = TrackSet::from_query(query);
            assert!(
                set.contains(Track::Us)
                    && set.contains(Track::Mexico)
                    && !set.contains(Track::Canada),
                "{query}"
            );
        }
    }

    #[test]
    fn writing_the_filter_keeps_every_other_parameter() {
        let us = TrackSet::from_query("?tracks=us");
        assert_eq!(
            us.in_query("?theme=dark&tracks=us,mexico&childId=x"),
            "?theme=dark&tracks=us&childId=x"
        );
        assert_eq!(us.in_query("?accent=aa0000"), "?accent=aa0000&tracks=us");
        assert_eq!(us.in_query(""), "?tracks=us");
        assert_eq!(
            TrackSet::all().in_query("?theme=dark&tracks=us&tracks=china"),
            "?theme=dark"
        );
        assert_eq!(TrackSet::all().in_query("?tracks=us"), "");
    }

    #[test]
    fn an_event_shows_if_any_of_its_tracks_is_chosen_and_the_letter_always_shows() {
        let only_us = TrackSet::from_query("?tracks=us");
        assert!(only_us.shows_tracks(&[Track::Us]));
        assert!(only_us.shows_tracks(&[Track::Mexico, Track::Us]));
        assert!(!only_us.shows_tracks(&[Track::Canada]));
        assert!(only_us.shows_tracks(&[Track::Letter]));
        let none = FILTERABLE
            .iter()
            .fold(TrackSet::all(), |s, &t| s.with(t, false));
        assert!(none.shows_tracks(&[Track::Letter]));
        assert!(!none.shows_tracks(&[Track::China]));
        assert!(
            none.with(Track::Letter, false).contains(Track::Letter),
            "the letter cannot be switched off"
        );
    }
}
