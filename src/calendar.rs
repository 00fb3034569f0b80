//! England and Wales bank holidays and working-day arithmetic (rulebook §2).
//!
//! Semantics, fixed here and tested:
//! - a working day is Monday to Friday and neither a bank holiday nor an extra
//!   non-working day added by the policy profile;
//! - `add_working_days(d, n)` is the n-th working day after `d`; `d` itself is
//!   day 0 whether or not it is a working day, so `add_working_days(d, 0) == d`;
//! - `working_days_between(from, to)` counts the working days after `from` up to
//!   and including `to` (negative when `to` is before `from`), so
//!   `working_days_between(d, add_working_days(d, n)) == n`;
//! - `next_working_day(d)` is the first working day strictly after `d`.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::Serialize;
use std::collections::BTreeMap;

/// Years whose bank holidays are confirmed against proclamations (rulebook §2).
pub const FIRST_CONFIRMED_YEAR: i32 = 1995;
pub const LAST_CONFIRMED_YEAR: i32 = 2027;

/// Years the calendar will compute at all; outside them a date is an input error.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;

/// Largest working-day offset accepted (about 400 years), so no loop runs away.
pub const MAX_WORKING_DAYS: u32 = 100_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BankHoliday {
    pub date: NaiveDate,
    pub name: String,
    /// False for years outside the confirmed range: computed by rule only.
    pub confirmed: bool,
}

/// One-off changes since 1995 (rulebook §2): `Moved` replaces a regular holiday's
/// date, `Extra` adds a day.
enum OneOff {
    Moved(Regular, (i32, u32, u32)),
    Extra((i32, u32, u32), &'static str),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Regular {
    EarlyMay,
    Spring,
}

const ONE_OFFS: &[OneOff] = &[
    OneOff::Moved(Regular::EarlyMay, (1995, 5, 8)),
    OneOff::Extra((1999, 12, 31), "Millennium celebrations"),
    OneOff::Moved(Regular::Spring, (2002, 6, 4)),
    OneOff::Extra((2002, 6, 3), "Golden Jubilee bank holiday"),
    OneOff::Extra((2011, 4, 29), "Royal wedding"),
    OneOff::Moved(Regular::Spring, (2012, 6, 4)),
    OneOff::Extra((2012, 6, 5), "Queen’s Diamond Jubilee"),
    OneOff::Moved(Regular::EarlyMay, (2020, 5, 8)),
    OneOff::Moved(Regular::Spring, (2022, 6, 2)),
    OneOff::Extra((2022, 6, 3), "Platinum Jubilee bank holiday"),
    OneOff::Extra(
        (2022, 9, 19),
        "Bank holiday for the State Funeral of Queen Elizabeth II",
    ),
    OneOff::Extra(
        (2023, 5, 8),
        "Bank holiday for the coronation of King Charles III",
    ),
];

fn ymd((y, m, d): (i32, u32, u32)) -> NaiveDate {
    // The table above holds only real dates; the fallback keeps this total.
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// Gregorian Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

fn first_weekday_of_month(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, 1)
}

fn last_weekday_of_month(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    let first_of_next =
        NaiveDate::from_ymd_opt(year, month, 1)?.checked_add_months(Months::new(1))?;
    let mut day = first_of_next.pred_opt()?;
    while day.weekday() != weekday {
        day = day.pred_opt()?;
    }
    Some(day)
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// True when `year`'s bank holidays are confirmed rather than computed by rule.
pub fn is_confirmed_year(year: i32) -> bool {
    (FIRST_CONFIRMED_YEAR..=LAST_CONFIRMED_YEAR).contains(&year)
}

/// England and Wales bank holidays for `year`, in date order: the days off,
/// substitute days included, never the weekend dates they replace.
/// Empty outside `MIN_YEAR..=MAX_YEAR`.
pub fn bank_holidays(year: i32) -> Vec<BankHoliday> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Vec::new();
    }
    let moved = |regular: Regular| {
        ONE_OFFS.iter().find_map(|o| match o {
            OneOff::Moved(r, date) if *r == regular && date.0 == year => Some(ymd(*date)),
            _ => None,
        })
    };
    let easter = easter_sunday(year);
    let fixed = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    // Holidays in their nominal order; weekend ones are substituted below.
    let nominal: Vec<(Option<NaiveDate>, &str)> = vec![
        (fixed(1, 1), "New Year’s Day"),
        (
            easter.and_then(|e| e.checked_sub_days(Days::new(2))),
            "Good Friday",
        ),
        (
            easter.and_then(|e| e.checked_add_days(Days::new(1))),
            "Easter Monday",
        ),
        (
            moved(Regular::EarlyMay).or_else(|| first_weekday_of_month(year, 5, Weekday::Mon)),
            "Early May bank holiday",
        ),
        (
            moved(Regular::Spring).or_else(|| last_weekday_of_month(year, 5, Weekday::Mon)),
            "Spring bank holiday",
        ),
        (
            last_weekday_of_month(year, 8, Weekday::Mon),
            "Summer bank holiday",
        ),
        (fixed(12, 25), "Christmas Day"),
        (fixed(12, 26), "Boxing Day"),
    ];
    let confirmed = is_confirmed_year(year);
    let mut days: Vec<BankHoliday> = ONE_OFFS
        .iter()
        .filter_map(|o| match o {
            OneOff::Extra(date, name) if date.0 == year => Some(BankHoliday {
                date: ymd(*date),
                name: (*name).to_string(),
                confirmed,
            }),
            _ => None,
        })
        .collect();
    // Days already taken by a holiday on its own weekday date.
    for (date, name) in nominal.iter() {
        if let Some(date) = date.filter(|d| !is_weekend(*d)) {
            days.push(BankHoliday {
                date,
                name: (*name).to_string(),
                confirmed,
            });
        }
    }
    // A weekend holiday moves to the next weekday not already a holiday.
    for (date, name) in nominal.iter() {
        if let Some(date) = date.filter(|d| is_weekend(*d)) {
            let mut substitute = date;
            while is_weekend(substitute) || days.iter().any(|h| h.date == substitute) {
                match substitute.succ_opt() {
                    Some(next) => substitute = next,
                    None => break,
                }
            }
            days.push(BankHoliday {
                date: substitute,
                name: format!("{name} (substitute day)"),
                confirmed,
            });
        }
    }
    days.sort_by_key(|h| h.date);
    days
}

/// Working days counted once for every day the calendar supports, so that
/// questions about a day or a span are lookups, not walks: `counts[i]` is the
/// number of working days (bank holidays and weekends excluded) from
/// `MIN_YEAR`-01-01 up to and including day `i`.
struct Table {
    first: NaiveDate,
    counts: Vec<u32>,
}

impl Table {
    fn build() -> Table {
        let first = NaiveDate::from_ymd_opt(MIN_YEAR, 1, 1).unwrap_or(NaiveDate::MIN);
        let mut counts = Vec::with_capacity(110_000);
        let mut total = 0u32;
        for year in MIN_YEAR..=MAX_YEAR {
            let holidays: Vec<NaiveDate> = bank_holidays(year).iter().map(|h| h.date).collect();
            let mut day = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(first);
            while day.year() == year {
                if !is_weekend(day) && !holidays.contains(&day) {
                    total += 1;
                }
                counts.push(total);
                match day.succ_opt() {
                    Some(next) => day = next,
                    None => break,
                }
            }
        }
        Table { first, counts }
    }

    fn get() -> &'static Table {
        static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
        TABLE.get_or_init(Table::build)
    }

    fn index(&self, date: NaiveDate) -> Option<usize> {
        let i = usize::try_from((date - self.first).num_days()).ok()?;
        (i < self.counts.len()).then_some(i)
    }

    fn date(&self, index: usize) -> Option<NaiveDate> {
        self.first.checked_add_days(Days::new(index as u64))
    }

    /// Working days up to and including day `i` (0 before the first day).
    fn count(&self, i: usize) -> u32 {
        self.counts[i]
    }

    fn is_working(&self, i: usize) -> bool {
        self.counts[i] > if i == 0 { 0 } else { self.counts[i - 1] }
    }
}

/// The working-day calendar: bank holidays plus extra non-working days.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    extra: BTreeMap<NaiveDate, String>,
    /// Table indexes of the extra days that would otherwise be working days,
    /// in order: each takes one off the table's counts from that day on.
    closures: Vec<usize>,
}

impl Calendar {
    pub fn new<I: IntoIterator<Item = (NaiveDate, String)>>(extra_non_working_days: I) -> Self {
        let extra: BTreeMap<NaiveDate, String> = extra_non_working_days.into_iter().collect();
        let table = Table::get();
        let closures = extra
            .keys()
            .filter_map(|d| table.index(*d))
            .filter(|i| table.is_working(*i))
            .collect();
        Calendar { extra, closures }
    }

    /// Working days from the table's first day up to and including day `i`.
    fn count(&self, table: &Table, i: usize) -> u32 {
        let closed = self.closures.partition_point(|c| *c <= i) as u32;
        table.count(i) - closed
    }

    pub fn is_bank_holiday(&self, date: NaiveDate) -> bool {
        let table = Table::get();
        match table.index(date) {
            Some(i) => !is_weekend(date) && !table.is_working(i),
            None => bank_holidays(date.year()).iter().any(|h| h.date == date),
        }
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        let table = Table::get();
        match table.index(date) {
            Some(i) => table.is_working(i) && !self.extra.contains_key(&date),
            None => !is_weekend(date) && !self.is_bank_holiday(date),
        }
    }

    /// Why `date` is not a working day, if it is not. Only here are holiday
    /// names worked out.
    pub fn non_working_reason(&self, date: NaiveDate) -> Option<String> {
        if let Some(h) = bank_holidays(date.year())
            .into_iter()
            .find(|h| h.date == date)
        {
            return Some(h.name);
        }
        if let Some(name) = self.extra.get(&date) {
            return Some(name.clone());
        }
        is_weekend(date).then(|| {
            crate::date::WEEKDAYS[date.weekday().num_days_from_monday() as usize].to_string()
        })
    }

    /// The n-th working day after `start` (`start` is day 0). `None` outside
    /// the supported years, so beyond `MAX_WORKING_DAYS` too: that many never
    /// fit between `MIN_YEAR` and `MAX_YEAR`.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Option<NaiveDate> {
        let table = Table::get();
        let from = table.index(start)?;
        if n == 0 {
            return Some(start);
        }
        let target = self.count(table, from) + n;
        let day = self.first_reaching(table, from + 1, table.counts.len(), target);
        (day < table.counts.len())
            .then(|| table.date(day))
            .flatten()
    }

    /// The first day in `low..high` whose running count of working days
    /// reaches `target` (`high` if none does): that day is a working day.
    fn first_reaching(&self, table: &Table, mut low: usize, mut high: usize, target: u32) -> usize {
        while low < high {
            let mid = low + (high - low) / 2;
            if self.count(table, mid) >= target {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        low
    }

    /// The n-th working day before `end` (`end` is day 0), so that
    /// `add_working_days(result, n) == end` when `end` is a working day: the
    /// day a reminder n working days ahead falls on. `None` outside the
    /// supported years.
    pub fn working_days_before(&self, end: NaiveDate, n: u32) -> Option<NaiveDate> {
        let table = Table::get();
        let to = table.index(end)?;
        if n == 0 {
            return Some(end);
        }
        // Working days strictly before `end`; the n-th back is the day that count reaches.
        let before = self.count(table, to) - u32::from(self.is_working_day(end));
        let target = (before + 1).checked_sub(n).filter(|t| *t >= 1)?;
        let day = self.first_reaching(table, 0, to, target);
        (day < to).then(|| table.date(day)).flatten()
    }

    /// Working days after `from` up to and including `to`; negative when `to`
    /// comes first (then it counts the working days after `to` up to `from`).
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let table = Table::get();
        match (table.index(from), table.index(to)) {
            (Some(a), Some(b)) => i64::from(self.count(table, b)) - i64::from(self.count(table, a)),
            _ => self.working_days_between_by_walking(from, to),
        }
    }

    /// The same count day by day, for dates outside the table.
    fn working_days_between_by_walking(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let (low, high, sign) = if from <= to {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let mut count = 0i64;
        let mut day = low;
        while day < high {
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
            if self.is_working_day(day) {
                count += 1;
            }
        }
        sign * count
    }

    /// The first working day strictly after `date`.
    pub fn next_working_day(&self, date: NaiveDate) -> Option<NaiveDate> {
        self.add_working_days(date, 1)
    }

    /// `date` itself if it is a working day, else the next one.
    pub fn working_day_on_or_after(&self, date: NaiveDate) -> Option<NaiveDate> {
        if self.is_working_day(date) {
            Some(date)
        } else {
            self.next_working_day(date)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn dates(year: i32) -> Vec<String> {
        bank_holidays(year)
            .iter()
            .map(|h| h.date.to_string())
            .collect()
    }

    #[test]
    fn easter_known_years() {
        assert_eq!(easter_sunday(2024), Some(d(2024, 3, 31)));
        assert_eq!(easter_sunday(2025), Some(d(2025, 4, 20)));
        assert_eq!(easter_sunday(2019), Some(d(2019, 4, 21)));
        assert_eq!(easter_sunday(2038), Some(d(2038, 4, 25)));
        assert_eq!(easter_sunday(2008), Some(d(2008, 3, 23)));
    }

    #[test]
    fn published_years_match() {
        // As published for England and Wales.
        assert_eq!(
            dates(2022),
            [
                "2022-01-03",
                "2022-04-15",
                "2022-04-18",
                "2022-05-02",
                "2022-06-02",
                "2022-06-03",
                "2022-08-29",
                "2022-09-19",
                "2022-12-26",
                "2022-12-27"
            ]
        );
        assert_eq!(
            dates(2023),
            [
                "2023-01-02",
                "2023-04-07",
                "2023-04-10",
                "2023-05-01",
                "2023-05-08",
                "2023-05-29",
                "2023-08-28",
                "2023-12-25",
                "2023-12-26"
            ]
        );
        assert_eq!(
            dates(2020),
            [
                "2020-01-01",
                "2020-04-10",
                "2020-04-13",
                "2020-05-08",
                "2020-05-25",
                "2020-08-31",
                "2020-12-25",
                "2020-12-28"
            ]
        );
        assert_eq!(
            dates(2026),
            [
                "2026-01-01",
                "2026-04-03",
                "2026-04-06",
                "2026-05-04",
                "2026-05-25",
                "2026-08-31",
                "2026-12-25",
                "2026-12-28"
            ]
        );
        assert_eq!(
            dates(2027),
            [
                "2027-01-01",
                "2027-03-26",
                "2027-03-29",
                "2027-05-03",
                "2027-05-31",
                "2027-08-30",
                "2027-12-27",
                "2027-12-28"
            ]
        );
    }

    #[test]
    fn one_offs() {
        assert!(dates(1995).contains(&"1995-05-08".to_string()));
        assert!(!dates(1995).contains(&"1995-05-01".to_string()));
        assert!(dates(1999).contains(&"1999-12-31".to_string()));
        let y2002 = dates(2002);
        assert!(y2002.contains(&"2002-06-03".to_string()));
        assert!(y2002.contains(&"2002-06-04".to_string()));
        assert!(!y2002.contains(&"2002-05-27".to_string()));
        assert!(dates(2011).contains(&"2011-04-29".to_string()));
        let y2012 = dates(2012);
        assert!(y2012.contains(&"2012-06-04".to_string()));
        assert!(y2012.contains(&"2012-06-05".to_string()));
        assert!(!y2012.contains(&"2012-05-28".to_string()));
    }

    #[test]
    fn christmas_substitution_rules() {
        // Christmas on Saturday (2021): Monday 27 and Tuesday 28.
        let y2021 = dates(2021);
        assert!(y2021.ends_with(&["2021-12-27".to_string(), "2021-12-28".to_string()]));
        // Christmas on Sunday (2022): Boxing Day Monday 26, Christmas Tuesday 27.
        let names: Vec<_> = bank_holidays(2022)
            .into_iter()
            .filter(|h| h.date.month() == 12)
            .map(|h| (h.date.day(), h.name))
            .collect();
        assert_eq!(
            names,
            [
                (26, "Boxing Day".to_string()),
                (27, "Christmas Day (substitute day)".to_string())
            ]
        );
        // Boxing Day on Saturday (2020): Monday 28.
        assert!(dates(2020).contains(&"2020-12-28".to_string()));
        // New Year's Day on Saturday (2022) and Sunday (2023): the Monday.
        assert_eq!(dates(2022)[0], "2022-01-03");
        assert_eq!(dates(2023)[0], "2023-01-02");
    }

    #[test]
    fn confirmed_flag_follows_range() {
        assert!(bank_holidays(2027).iter().all(|h| h.confirmed));
        assert!(bank_holidays(2028).iter().all(|h| !h.confirmed));
        assert!(bank_holidays(1994).iter().all(|h| !h.confirmed));
        assert!(bank_holidays(1899).is_empty());
        assert_eq!(bank_holidays(2028).len(), 8);
    }

    #[test]
    fn working_day_arithmetic() {
        let cal = Calendar::default();
        // Day 0 is the start, even on a weekend.
        assert_eq!(cal.add_working_days(d(2024, 6, 8), 0), Some(d(2024, 6, 8)));
        // Friday + 1 = Monday.
        assert_eq!(cal.add_working_days(d(2024, 6, 7), 1), Some(d(2024, 6, 10)));
        // Across Easter 2024 (29 March and 1 April).
        assert_eq!(cal.add_working_days(d(2024, 3, 28), 1), Some(d(2024, 4, 2)));
        assert_eq!(cal.working_days_between(d(2024, 3, 28), d(2024, 4, 2)), 1);
        assert_eq!(cal.working_days_between(d(2024, 4, 2), d(2024, 3, 28)), -1);
        assert_eq!(cal.working_days_between(d(2024, 4, 2), d(2024, 4, 2)), 0);
        // Christmas 2024: 24 Dec + 1 = 27 Dec; + 4 = 2 Jan 2025 (1 Jan off).
        assert_eq!(
            cal.add_working_days(d(2024, 12, 24), 1),
            Some(d(2024, 12, 27))
        );
        assert_eq!(
            cal.add_working_days(d(2024, 12, 24), 4),
            Some(d(2025, 1, 2))
        );
        assert_eq!(cal.next_working_day(d(2024, 12, 24)), Some(d(2024, 12, 27)));
        assert_eq!(
            cal.working_day_on_or_after(d(2024, 12, 25)),
            Some(d(2024, 12, 27))
        );
        assert_eq!(
            cal.working_day_on_or_after(d(2024, 12, 24)),
            Some(d(2024, 12, 24))
        );
        assert_eq!(
            cal.add_working_days(d(2024, 1, 1), MAX_WORKING_DAYS + 1),
            None
        );
    }

    #[test]
    fn add_working_days_stays_within_the_supported_years() {
        let cal = Calendar::default();
        assert_eq!(cal.add_working_days(d(1899, 12, 29), 1), None);
        assert_eq!(cal.add_working_days(d(2201, 1, 1), 0), None);
        // Wed 1 Jan 2200 is New Year's Day.
        assert_eq!(
            cal.add_working_days(d(2199, 12, 31), 1),
            Some(d(2200, 1, 2))
        );
        assert_eq!(cal.add_working_days(d(2200, 12, 30), 5), None);
        assert_eq!(
            cal.add_working_days(d(MIN_YEAR, 1, 1), MAX_WORKING_DAYS),
            None
        );
    }

    #[test]
    fn working_days_before_counts_back_over_holidays_and_closures() {
        let cal = Calendar::default();
        // Thu 2 Jan 2025: New Year's Day, Christmas and Boxing Day are skipped.
        assert_eq!(
            cal.working_days_before(d(2025, 1, 2), 1),
            Some(d(2024, 12, 31))
        );
        assert_eq!(
            cal.working_days_before(d(2025, 1, 2), 5),
            Some(d(2024, 12, 23))
        );
        assert_eq!(
            cal.working_days_before(d(2025, 1, 2), 0),
            Some(d(2025, 1, 2))
        );
        // From a Saturday, the first working day before is the Friday.
        assert_eq!(
            cal.working_days_before(d(2024, 6, 8), 1),
            Some(d(2024, 6, 7))
        );
        // An office closure on Tue 31 Dec 2024 is skipped too.
        let closed = Calendar::new([(d(2024, 12, 31), "Office closure".to_string())]);
        assert_eq!(
            closed.working_days_before(d(2025, 1, 2), 1),
            Some(d(2024, 12, 30))
        );
        // Before the first year covered: none.
        assert_eq!(cal.working_days_before(d(MIN_YEAR, 1, 3), 5), None);
        assert_eq!(cal.working_days_before(d(1899, 12, 30), 1), None);
        // The inverse of add_working_days for every working day of 2024.
        let mut day = d(2024, 1, 1);
        while day.year() == 2024 {
            if cal.is_working_day(day) {
                for n in [1, 5, 20] {
                    let before = cal.working_days_before(day, n).unwrap();
                    assert_eq!(cal.add_working_days(before, n), Some(day), "{day} {n}");
                }
            }
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn an_extra_day_on_a_holiday_or_a_weekend_takes_nothing_more_off() {
        // After Mon 22 Dec 2025 up to Wed 31 Dec: 23, 24, 29, 30, 31 are working days.
        let plain = Calendar::default();
        assert_eq!(
            plain.working_days_between(d(2025, 12, 22), d(2025, 12, 31)),
            5
        );
        let cal = Calendar::new(
            [d(2025, 12, 24), d(2025, 12, 25), d(2025, 12, 27)]
                .map(|day| (day, "Closed".to_string())),
        );
        assert_eq!(
            cal.working_days_between(d(2025, 12, 22), d(2025, 12, 31)),
            4
        );
        assert_eq!(
            cal.working_days_between(d(2025, 12, 31), d(2025, 12, 22)),
            -4
        );
        assert_eq!(
            cal.add_working_days(d(2025, 12, 22), 2),
            Some(d(2025, 12, 29))
        );
    }

    #[test]
    fn extra_days_are_not_working() {
        let cal = Calendar::new([(d(2025, 12, 24), "Office closure".to_string())]);
        assert!(!cal.is_working_day(d(2025, 12, 24)));
        assert_eq!(
            cal.non_working_reason(d(2025, 12, 24)).as_deref(),
            Some("Office closure")
        );
        assert_eq!(
            cal.add_working_days(d(2025, 12, 23), 1),
            Some(d(2025, 12, 29))
        );
        assert_eq!(
            cal.non_working_reason(d(2025, 12, 25)).as_deref(),
            Some("Christmas Day")
        );
        assert_eq!(
            cal.non_working_reason(d(2025, 12, 27)).as_deref(),
            Some("Saturday")
        );
        assert_eq!(cal.non_working_reason(d(2025, 12, 29)), None);
    }
}
