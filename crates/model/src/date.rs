//! Dates at the precision a source gives: a year, a month or a day.

use std::fmt;

/// A calendar date known to the year, the month or the day. `month` and `day` are 0 when unknown, so
/// dates order naturally: a month sorts before the days within it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year.
    pub year: u16,
    /// The month, 1–12, or 0 when only the year is known.
    pub month: u8,
    /// The day, 1–31, or 0 when only the month (or year) is known.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists in that month.
    pub fn parse(text: &str) -> Result<Date, String> {
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str, len: usize| -> Option<u32> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
        };
        let bad = || format!("`{text}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
        if parts.is_empty() || parts.len() > 3 {
            return Err(bad());
        }
        let year = number(parts[0], 4).ok_or_else(bad)?;
        let month = match parts.get(1) {
            Some(m) => number(m, 2).ok_or_else(bad)?,
            None => 0,
        };
        let day = match parts.get(2) {
            Some(d) => number(d, 2).ok_or_else(bad)?,
            None => 0,
        };
        if parts.len() >= 2 && !(1..=12).contains(&month) {
            return Err(format!("`{text}`: month {month} does not exist"));
        }
        if parts.len() == 3 && (day == 0 || day > days_in_month(year, month)) {
            return Err(format!("`{text}`: day {day} does not exist in that month"));
        }
        Ok(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// True when the day is known.
    pub fn has_day(&self) -> bool {
        self.day != 0
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// ISO 8601 at the date's own precision, as `<time datetime>` wants it.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month != 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day != 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_round_trips() {
        for text in ["2024", "2024-09", "2024-09-30", "2024-02-29"] {
            assert_eq!(Date::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for text in [
            "2023-02-29",
            "2024-13",
            "2024-00",
            "2024-9-30",
            "24",
            "2024-09-31",
            "2024-09-30-1",
            "",
            "abcd",
        ] {
            assert!(Date::parse(text).is_err(), "{text} should fail");
        }
    }

    #[test]
    fn a_month_sorts_before_its_days_and_after_the_previous_month() {
        let d = |s| Date::parse(s).unwrap();
        assert!(d("2024") < d("2024-01"));
        assert!(d("2024-09") < d("2024-09-01"));
        assert!(d("2024-08-31") < d("2024-09"));
    }
}
