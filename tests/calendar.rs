//! The engine's calendar against the independent reference (`reference/`):
//! the published bank-holiday list for 1995–2027, the rules for every other
//! year it supports, and every single day from 1900 to 2200.

use chrono::{Datelike, NaiveDate};
use sfo_check::calendar::{bank_holidays, Calendar, MAX_YEAR, MIN_YEAR};

mod reference;
use reference::{date, listed_holidays, Reference, LISTED_YEARS, RULED_YEARS};

fn engine_dates(year: i32) -> Vec<NaiveDate> {
    bank_holidays(year).iter().map(|h| h.date).collect()
}

#[test]
fn the_published_list_covers_every_confirmed_year() {
    let listed = listed_holidays();
    for year in LISTED_YEARS {
        let count = listed.iter().filter(|d| d.year() == year).count();
        assert!((8..=10).contains(&count), "{year}: {count} holidays listed");
    }
    assert!(listed.iter().all(|d| LISTED_YEARS.contains(&d.year())));
}

#[test]
fn bank_holidays_match_the_published_list_1995_to_2027() {
    let listed = listed_holidays();
    for year in LISTED_YEARS {
        let expected: Vec<NaiveDate> = listed
            .iter()
            .copied()
            .filter(|d| d.year() == year)
            .collect();
        assert_eq!(engine_dates(year), expected, "{year}");
        assert!(bank_holidays(year).iter().all(|h| h.confirmed), "{year}");
    }
}

#[test]
fn bank_holidays_follow_the_rules_in_every_other_year() {
    let reference = Reference::new();
    for year in RULED_YEARS.filter(|y| !LISTED_YEARS.contains(y)) {
        assert_eq!(engine_dates(year), reference.holidays_in(year), "{year}");
        assert!(bank_holidays(year).iter().all(|h| !h.confirmed), "{year}");
    }
    assert!(bank_holidays(MIN_YEAR - 1).is_empty());
    assert!(bank_holidays(MAX_YEAR + 1).is_empty());
}

#[test]
fn predicted_years_by_date() {
    // Worked out by hand from the rules: New Year's Day 2028 and 2033 fall on a
    // Saturday; Christmas 2032 on a Saturday, 2033 on a Sunday, and Boxing Day
    // 2037 on a Saturday; Easter Sundays 16 Apr 2028, 1 Apr 2029, 21 Apr 2030.
    let expected: &[(i32, [(u32, u32); 8])] = &[
        (
            2028,
            [
                (1, 3),
                (4, 14),
                (4, 17),
                (5, 1),
                (5, 29),
                (8, 28),
                (12, 25),
                (12, 26),
            ],
        ),
        (
            2029,
            [
                (1, 1),
                (3, 30),
                (4, 2),
                (5, 7),
                (5, 28),
                (8, 27),
                (12, 25),
                (12, 26),
            ],
        ),
        (
            2030,
            [
                (1, 1),
                (4, 19),
                (4, 22),
                (5, 6),
                (5, 27),
                (8, 26),
                (12, 25),
                (12, 26),
            ],
        ),
        (
            2032,
            [
                (1, 1),
                (3, 26),
                (3, 29),
                (5, 3),
                (5, 31),
                (8, 30),
                (12, 27),
                (12, 28),
            ],
        ),
        (
            2033,
            [
                (1, 3),
                (4, 15),
                (4, 18),
                (5, 2),
                (5, 30),
                (8, 29),
                (12, 26),
                (12, 27),
            ],
        ),
        (
            2037,
            [
                (1, 1),
                (4, 3),
                (4, 6),
                (5, 4),
                (5, 25),
                (8, 31),
                (12, 25),
                (12, 28),
            ],
        ),
    ];
    for (year, days) in expected {
        let days: Vec<NaiveDate> = days.iter().map(|&(m, d)| date(*year, m, d)).collect();
        assert_eq!(engine_dates(*year), days, "{year}");
    }
}

#[test]
fn every_day_from_1900_to_2200_is_classified_as_the_reference_does() {
    let reference = Reference::new();
    let calendar = Calendar::default();
    let mut day = date(MIN_YEAR, 1, 1);
    let last = date(MAX_YEAR, 12, 31);
    let mut checked = 0;
    while day <= last {
        let working = reference.is_working(day);
        assert_eq!(calendar.is_working_day(day), working, "{day}");
        assert_eq!(
            calendar.non_working_reason(day).is_none(),
            working,
            "{day}: the reason disagrees"
        );
        checked += 1;
        day = day.succ_opt().unwrap();
    }
    // 301 years of 365 days and 73 leap days (not 1900, 2100 or 2200).
    assert_eq!(checked, 109_938);
}

#[test]
fn the_oracle_agrees_with_known_easter_sundays() {
    // Published dates, to check the reference itself.
    for (y, m, d) in [
        (1900, 4, 15),
        (1943, 4, 25),
        (1954, 4, 18),
        (2000, 4, 23),
        (2008, 3, 23),
        (2019, 4, 21),
        (2024, 3, 31),
        (2038, 4, 25),
        (2049, 4, 18),
        (2200, 4, 6),
    ] {
        assert_eq!(reference::easter(y), date(y, m, d), "{y}");
        assert_eq!(sfo_check::calendar::easter_sunday(y), Some(date(y, m, d)));
    }
}
