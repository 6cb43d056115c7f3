//! URL queries the site writes: one parameter set or removed, every other one kept as it was, where it was
//! (a host's `?theme=`, pym.js's `childId`…). Used for `?tracks=` (the timeline) and `?annotations=` (clean
//! reading).

/// `query` (`location.search`, with or without its `?`) with the parameter `name` made `value` (in the
/// place of its first occurrence, else last), or removed when `value` is `None`. Empty when no parameter
/// is left, else starting with `?`. The value is written as given (callers pass URL-safe values).
pub fn with_param(query: &str, name: &str, value: Option<&str>) -> String {
    let ours = value.map(|v| format!("{name}={v}"));
    let mut pairs = Vec::new();
    let mut placed = false;
    for pair in query.trim_start_matches('?').split('&') {
        if pair.is_empty() {
            continue;
        }
        let key = pair.split('=').next().unwrap_or_default();
        if key != name {
            pairs.push(pair);
        } else if !placed {
            placed = true;
            pairs.extend(ours.as_deref());
        }
    }
    if !placed {
        pairs.extend(ours.as_deref());
    }
    if pairs.is_empty() {
        return String::new();
    }
    format!("?{}", pairs.join("&"))
}

/// The value of the parameter `name` in `query` (the first one), as written.
pub fn param<'q>(query: &'q str, name: &str) -> Option<&'q str> {
    query.trim_start_matches('?').split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then_some(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parameter_is_set_replaced_or_removed_and_the_others_stay_in_place() {
        assert_eq!(with_param("", "a", Some("off")), "?a=off");
        assert_eq!(with_param("?", "a", None), "");
        assert_eq!(
            with_param("?x=1&a=on&y=2", "a", Some("off")),
            "?x=1&a=off&y=2"
        );
        assert_eq!(with_param("x=1&a=off&a=on", "a", None), "?x=1");
        assert_eq!(with_param("?x=1", "a", Some("off")), "?x=1&a=off");
        assert_eq!(
            with_param("?ab=1", "a", None),
            "?ab=1",
            "only the name itself"
        );
        assert_eq!(with_param("?a", "a", Some("off")), "?a=off");
    }

    #[test]
    fn a_parameter_is_read_as_written() {
        assert_eq!(param("?annotations=off", "annotations"), Some("off"));
        assert_eq!(param("x=1&annotations=&y", "annotations"), Some(""));
        assert_eq!(param("?annotationsx=off", "annotations"), None);
        assert_eq!(param("", "annotations"), None);
    }
}
