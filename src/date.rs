//! `Date`: an ISO 8601 calendar date (`YYYY-MM-DD`) in case and policy files,
//! with error messages a practitioner can act on.

use chrono::{Datelike, NaiveDate};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl Date {
    pub fn get(self) -> NaiveDate {
        self.0
    }
}

impl From<NaiveDate> for Date {
    fn from(date: NaiveDate) -> Self {
        Date(date)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // NaiveDate's own Display is ISO 8601 (YYYY-MM-DD) for these years.
        write!(f, "{}", self.0)
    }
}

fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some((next - first).num_days() as u32)
}

/// Parses `YYYY-MM-DD`, explaining what is wrong when it is not a real date.
pub fn parse_iso_date(text: &str) -> Result<NaiveDate, String> {
    let shape_error = || format!("expected a date as YYYY-MM-DD, got \"{text}\"");
    let bytes = text.as_bytes();
    let well_formed = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !well_formed {
        return Err(shape_error());
    }
    let digits = |range: std::ops::Range<usize>| {
        bytes[range]
            .iter()
            .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'))
    };
    let (year, month, day) = (digits(0..4) as i32, digits(5..7), digits(8..10));
    // Said in words, as a person writes a date: never the ISO text back.
    if !(1..=12).contains(&month) {
        return Err(format!("is not a real date, as there is no month {month}"));
    }
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => Ok(date),
        None => {
            let first = NaiveDate::from_ymd_opt(year, month, 1);
            let month_name = first.map(|f| format!("{} {}", MONTHS[f.month0() as usize], f.year()));
            match (month_name, days_in_month(year, month)) {
                (Some(name), Some(days)) => Err(format!(
                    "{day} {name} is not a real date ({name} has {days} days)"
                )),
                _ => Err("is not a real date".to_string()),
            }
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date as YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Date, E> {
                parse_iso_date(text).map(Date).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD."
        })
    }
}

/// "Mon 3 Jun 2024": the form dates take in sentences.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// "Tue 14 May 2024": the form every sentence uses. (By table, not strftime:
/// it is called for every date in every report.)
pub fn long(date: NaiveDate) -> String {
    let mut text = String::with_capacity(16);
    push_long(&mut text, date);
    text
}

/// Appends [`long`]'s words for `date` to `text`.
pub fn push_long(text: &mut String, date: NaiveDate) {
    text.push_str(&WEEKDAYS[date.weekday().num_days_from_monday() as usize][..3]);
    text.push(' ');
    push_number(text, date.day());
    text.push(' ');
    text.push_str(&MONTHS[date.month0() as usize][..3]);
    text.push(' ');
    push_number(text, date.year().unsigned_abs());
}

/// Appends `20241213`, the date as an iCalendar DATE writes it.
pub fn push_compact(text: &mut String, date: NaiveDate) {
    let mut digits = |n: u32, width: u32| {
        for place in (0..width).rev() {
            text.push(char::from(b'0' + (n / 10u32.pow(place) % 10) as u8));
        }
    };
    digits(date.year().unsigned_abs(), 4);
    digits(date.month(), 2);
    digits(date.day(), 2);
}

fn push_number(text: &mut String, n: u32) {
    if n >= 10 {
        push_number(text, n / 10);
    }
    text.push(char::from(b'0' + (n % 10) as u8));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates() {
        assert_eq!(
            parse_iso_date("2024-02-29"),
            Ok(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap())
        );
    }

    #[test]
    fn explains_impossible_dates() {
        assert_eq!(
            parse_iso_date("2023-02-29").unwrap_err(),
            "29 February 2023 is not a real date (February 2023 has 28 days)"
        );
        assert_eq!(
            parse_iso_date("2024-02-31").unwrap_err(),
            "31 February 2024 is not a real date (February 2024 has 29 days)"
        );
        assert_eq!(
            parse_iso_date("2024-13-01").unwrap_err(),
            "is not a real date, as there is no month 13"
        );
        assert_eq!(
            parse_iso_date("31/02/2024").unwrap_err(),
            "expected a date as YYYY-MM-DD, got \"31/02/2024\""
        );
        assert!(parse_iso_date("2024-1-01").is_err());
        assert!(parse_iso_date("").is_err());
    }

    #[test]
    fn long_form() {
        assert_eq!(
            long(NaiveDate::from_ymd_opt(2024, 6, 3).unwrap()),
            "Mon 3 Jun 2024"
        );
    }
}
