//! The generated stress pack (2,000 notes, 5,000 events) compiles and keeps its invariants.

use content::{compile, stress};
use model::Track;

#[test]
fn the_stress_pack_compiles() {
    let tree = stress::pack(2_000, 5_000);
    let site = compile(&tree).unwrap_or_else(|d| panic!("the stress pack must compile:\n{d}"));
    assert_eq!(site.notes.len(), 2_000);
    assert_eq!(site.events.len(), 5_000);
    assert!(
        site.events.windows(2).all(|w| w[0].date <= w[1].date),
        "events in date order"
    );
    assert!(site
        .notes
        .iter()
        .all(|n| !n.events.is_empty() || n.passage.is_some()));
}

#[test]
fn a_written_stress_pack_reads_back_the_same() {
    let tree = stress::pack(30, 60);
    let dir = std::env::temp_dir().join(format!("stress-pack-{}", std::process::id()));
    tree.write(&dir).unwrap();
    let read = content::ContentTree::read(&dir).unwrap();
    let a = compile(&tree).unwrap();
    let b = compile(&read).unwrap();
    assert_eq!(a.notes.len(), b.notes.len());
    assert_eq!(a.events.len(), b.events.len());
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn every_year_of_the_stress_timeline_has_events_each_track_alone_hides() {
    let site = compile(&stress::pack(2_000, 5_000)).unwrap();
    let letter = site
        .events
        .iter()
        .filter(|e| e.tracks.contains(&Track::Letter))
        .count();
    assert!(
        letter * 4 < site.events.len(),
        "the letter's events (always shown) are a minority, as in the real timeline: {letter}"
    );
    let mut years: Vec<u16> = site.events.iter().map(|e| e.date.year).collect();
    years.dedup();
    for year in years {
        for track in Track::ALL.into_iter().filter(|&t| t != Track::Letter) {
            assert!(
                site.events
                    .iter()
                    .any(|e| e.date.year == year && e.tracks[..] == [track]),
                "{year}: no event on {track:?} alone, so unchecking it would hide nothing"
            );
        }
    }
}
