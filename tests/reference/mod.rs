//! An independent working-day calendar for the tests: it shares no code with
//! the engine. Bank holidays for 1995–2027 come from the published list in
//! `tests/data/`; other years follow the rules of the Banking and Financial
//! Dealings Act 1971 as the rulebook states them, written out case by case
//! (and Easter by Oudin's algorithm, not the engine's).
//!
//! Days are counted one at a time: slow, and obviously right.

#![allow(dead_code)] // Each test file uses part of it.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::collections::BTreeSet;

pub const LISTED_YEARS: std::ops::RangeInclusive<i32> = 1995..=2027;
pub const RULED_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

/// The published England and Wales bank holidays, 1995–2027.
pub fn listed_holidays() -> BTreeSet<NaiveDate> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/bank-holidays-england-and-wales.csv"
    );
    let text = std::fs::read_to_string(path).expect("the bank holiday list");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("date"), "the list's header");
    lines
        .map(|line| NaiveDate::parse_from_str(line.trim(), "%Y-%m-%d").expect("an ISO date"))
        .collect()
}

/// Easter Sunday by Oudin's algorithm (1940).
pub fn easter(year: i32) -> NaiveDate {
    let c = year / 100;
    let n = year - 19 * (year / 19);
    let k = (c - 17) / 25;
    let mut i = c - c / 4 - (c - k) / 3 + 19 * n + 15;
    i -= 30 * (i / 30);
    i -= (i / 28) * (1 - (i / 28) * (29 / (i + 1)) * ((21 - n) / 11));
    let mut j = year + year / 4 + i + 2 - c + c / 4;
    j -= 7 * (j / 7);
    let l = i - j;
    let month = 3 + (l + 40) / 44;
    let day = l + 28 - 31 * (month / 4);
    date(year, month as u32, day as u32)
}

fn first_monday(year: i32, month: u32) -> NaiveDate {
    (1..=7)
        .map(|d| date(year, month, d))
        .find(|d| d.weekday() == Weekday::Mon)
        .expect("a Monday in the first week")
}

fn last_monday(year: i32, month: u32) -> NaiveDate {
    (25..=31)
        .rev()
        .filter_map(|d| NaiveDate::from_ymd_opt(year, month, d))
        .find(|d| d.weekday() == Weekday::Mon)
        .expect("a Monday in the last week")
}

/// The regular bank holidays of `year` (no one-off changes).
pub fn ruled_holidays(year: i32) -> BTreeSet<NaiveDate> {
    let mut days = BTreeSet::new();
    days.insert(match date(year, 1, 1).weekday() {
        Weekday::Sat => date(year, 1, 3),
        Weekday::Sun => date(year, 1, 2),
        _ => date(year, 1, 1),
    });
    let e = easter(year);
    days.insert(e - Days::new(2));
    days.insert(e + Days::new(1));
    days.insert(first_monday(year, 5));
    days.insert(last_monday(year, 5));
    days.insert(last_monday(year, 8));
    let (christmas, boxing) = match date(year, 12, 25).weekday() {
        Weekday::Fri => (25, 28), // Boxing Day on Saturday
        Weekday::Sat => (27, 28),
        Weekday::Sun => (27, 26),
        _ => (25, 26),
    };
    days.insert(date(year, 12, christmas));
    days.insert(date(year, 12, boxing));
    days
}

#[derive(Clone)]
pub struct Reference {
    holidays: BTreeSet<NaiveDate>,
    extra: BTreeSet<NaiveDate>,
}

impl Reference {
    pub fn new() -> Self {
        let mut holidays = listed_holidays();
        for year in RULED_YEARS.filter(|y| !LISTED_YEARS.contains(y)) {
            holidays.extend(ruled_holidays(year));
        }
        Reference {
            holidays,
            extra: BTreeSet::new(),
        }
    }

    pub fn with_extra(&self, extra: impl IntoIterator<Item = NaiveDate>) -> Self {
        let mut copy = self.clone();
        copy.extra.extend(extra);
        copy
    }

    pub fn holidays_in(&self, year: i32) -> Vec<NaiveDate> {
        self.holidays
            .range(date(year, 1, 1)..=date(year, 12, 31))
            .copied()
            .collect()
    }

    pub fn is_working(&self, day: NaiveDate) -> bool {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
            && !self.holidays.contains(&day)
            && !self.extra.contains(&day)
    }

    /// The n-th working day after `start`.
    pub fn add(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut day = start;
        let mut left = n;
        while left > 0 {
            day = day.succ_opt().expect("within chrono's range");
            if self.is_working(day) {
                left -= 1;
            }
        }
        day
    }

    /// Working days after `from` up to and including `to`; negative backwards.
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let (low, high, sign) = if from <= to {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let count = low
            .iter_days()
            .skip(1)
            .take_while(|d| *d <= high)
            .filter(|d| self.is_working(*d))
            .count();
        sign * count as i64
    }
}
