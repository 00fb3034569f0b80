//! Property tests. The calendar and the timetable are checked against the
//! independent reference in `reference/` (published holidays, rules written
//! out separately, days counted one by one), never against the engine itself.

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use serde_json::Value;
use sfo_check::calendar::Calendar;
use sfo_check::date::Date;
use sfo_check::policy::{ExtraDay, PolicyProfile, PolicySet, Status};
use sfo_check::report::{Finding, QualificationStatus, Report, State};
use sfo_check::{check_json, Options};
use std::sync::OnceLock;

mod reference;
use reference::Reference;

fn reference() -> &'static Reference {
    static REFERENCE: OnceLock<Reference> = OnceLock::new();
    REFERENCE.get_or_init(Reference::new)
}

/// 1900 to about 2190: every year the calendar supports, with room to count on.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0u64..106_000).prop_map(|d| NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + Days::new(d))
}

/// 1995 to about 2040, where cases live.
fn case_date() -> impl Strategy<Value = NaiveDate> {
    (0u64..16_500).prop_map(|d| NaiveDate::from_ymd_opt(1995, 1, 1).unwrap() + Days::new(d))
}

/// Up to eight extra non-working days within about 600 days of `near`.
fn extra_days_near(near: NaiveDate) -> impl Strategy<Value = Vec<NaiveDate>> {
    prop::collection::vec(0u64..600, 0..8)
        .prop_map(move |offsets| offsets.iter().map(|o| near + Days::new(*o)).collect())
}

fn calendar_with(extra: &[NaiveDate]) -> Calendar {
    Calendar::new(extra.iter().map(|d| (*d, "Office closure".to_string())))
}

fn date_and_extra_days() -> impl Strategy<Value = (NaiveDate, Vec<NaiveDate>)> {
    any_date().prop_flat_map(|d| (Just(d), extra_days_near(d)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn add_working_days_matches_the_reference((start, extra) in date_and_extra_days(), n in 0u32..400) {
        let reference = reference().with_extra(extra.iter().copied());
        prop_assert_eq!(calendar_with(&extra).add_working_days(start, n), Some(reference.add(start, n)));
    }

    #[test]
    fn working_days_between_matches_the_reference(
        (from, extra) in date_and_extra_days(), span in -700i64..700,
    ) {
        let to = from.checked_add_signed(chrono::Duration::days(span)).unwrap();
        let reference = reference().with_extra(extra.iter().copied());
        prop_assert_eq!(calendar_with(&extra).working_days_between(from, to), reference.between(from, to));
    }

    #[test]
    fn next_working_day_is_the_first_working_day_after((day, extra) in date_and_extra_days()) {
        let reference = reference().with_extra(extra.iter().copied());
        let calendar = calendar_with(&extra);
        let first_after = day.iter_days().skip(1).find(|d| reference.is_working(*d));
        prop_assert_eq!(calendar.next_working_day(day), first_after);
        let on_or_after = day.iter_days().find(|d| reference.is_working(*d));
        prop_assert_eq!(calendar.working_day_on_or_after(day), on_or_after);
    }

    #[test]
    fn add_working_days_lands_on_a_working_day_with_none_skipped(start in any_date(), n in 1u32..400) {
        let calendar = Calendar::default();
        let end = calendar.add_working_days(start, n).unwrap();
        let before = calendar.add_working_days(start, n - 1).unwrap();
        prop_assert!(reference().is_working(end));
        // Every day strictly between the (n-1)-th and the n-th working day is not one.
        for day in before.iter_days().skip(1).take_while(|d| *d < end) {
            prop_assert!(!reference().is_working(day), "{} was skipped", day);
        }
        prop_assert_eq!(calendar.working_days_between(start, end), i64::from(n));
        prop_assert_eq!(calendar.working_days_between(end, start), -i64::from(n));
    }

    #[test]
    fn add_working_days_is_monotonic_in_both_arguments(
        (start, extra) in date_and_extra_days(), later in 0u64..60, n in 0u32..300, more in 1u32..60,
    ) {
        let calendar = calendar_with(&extra);
        let add = |d, n| calendar.add_working_days(d, n).unwrap();
        prop_assert!(add(start, n) <= add(start + Days::new(later), n));
        prop_assert!(add(start, n) < add(start, n + more));
    }

    #[test]
    fn working_days_between_is_additive(base in case_date(), x in 0u64..1500, y in 0u64..1500, z in 0u64..1500) {
        let (a, b, c) = (base + Days::new(x), base + Days::new(y), base + Days::new(z));
        let cal = Calendar::default();
        prop_assert_eq!(
            cal.working_days_between(a, b) + cal.working_days_between(b, c),
            cal.working_days_between(a, c)
        );
    }

    #[test]
    fn random_json_never_panics_and_is_deterministic(doc in json_value()) {
        let text = doc.to_string();
        let policies = PolicySet::default();
        let clock = NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
        let first = check_json(&text, &policies, &Options::default(), clock);
        let second = check_json(&text, &policies, &Options::default(), clock);
        prop_assert_eq!(&first, &second);
        if let Err(errors) = first {
            prop_assert!(!errors.is_empty());
            prop_assert!(errors.iter().all(|e| !e.message.trim().is_empty()));
        }
    }
}

// ------------------------------------------------------------ whole cases

/// A random case with a real shape: one supervision period (maybe ended
/// early), a group B offence (a single day or a range), charge and court, an
/// assessment at the start of supervision and a recall on the offence day,
/// checked under a profile with random extra non-working days.
#[derive(Debug, Clone)]
struct RandomCase {
    kind: &'static str,
    start: NaiveDate,
    scheduled_end: NaiveDate,
    terminated: Option<NaiveDate>,
    offence: NaiveDate,
    offence_to: Option<NaiveDate>,
    court: NaiveDate,
    today: NaiveDate,
    level: usize,
    extra: Vec<NaiveDate>,
}

const LEVELS: [&str; 4] = ["low", "medium", "high", "very-high"];

fn random_case() -> impl Strategy<Value = RandomCase> {
    (
        case_date(),
        0u64..2000,
        prop::option::of(0u64..2000),
        0u64..2600,
        prop::option::of(0u64..40),
        (0u64..30, 0u64..400, 0usize..4, prop::bool::ANY),
    )
        .prop_flat_map(
            |(start, len, cut, offset, range, (court_gap, today_gap, level, community))| {
                let scheduled_end = start + Days::new(len);
                let terminated = cut.map(|c| start + Days::new(c.min(len)));
                let offence = start + Days::new(offset);
                let offence_to = range.map(|r| offence + Days::new(r));
                let court = offence_to.unwrap_or(offence) + Days::new(court_gap);
                let today = court + Days::new(today_gap);
                let kind = if community {
                    "community-order"
                } else {
                    "licence"
                };
                (
                    extra_days_near(scheduled_end),
                    Just(RandomCase {
                        kind,
                        start,
                        scheduled_end,
                        terminated,
                        offence,
                        offence_to,
                        court,
                        today,
                        level,
                        extra: Vec::new(),
                    }),
                )
            },
        )
        .prop_map(|(extra, case)| RandomCase { extra, ..case })
}

impl RandomCase {
    fn json(&self) -> String {
        let mut period = serde_json::json!({
            "type": self.kind, "start": self.start.to_string(),
            "scheduled_end": self.scheduled_end.to_string(),
        });
        if let Some(t) = self.terminated {
            period["terminated"] = t.to_string().into();
        }
        let mut case = serde_json::json!({
            "schema": "sfo-check/case@1",
            "today": self.today.to_string(),
            "supervision": [period],
            "offence": {"id": "kidnapping", "alleged_from": self.offence.to_string(),
                        "charged": self.court.to_string(), "first_court_appearance": self.court.to_string()},
            "rosh": {"date": self.start.to_string(), "overall": LEVELS[self.level]},
            "events": [{"type": "recall", "date": self.offence.to_string()}],
        });
        if let Some(to) = self.offence_to {
            case["offence"]["alleged_to"] = to.to_string().into();
        }
        case.to_string()
    }

    fn policies(&self) -> PolicySet {
        let mut profile = PolicyProfile::default_profile();
        profile.id = "with-closures".into();
        profile.extra_non_working_days = self
            .extra
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .map(|d| ExtraDay {
                date: Date(*d),
                name: "Office closure".into(),
                status: Status::Confirmed,
                sources: vec![sfo_check::policy::SourceRef {
                    title: Some("Test".into()),
                    ..Default::default()
                }],
            })
            .collect();
        let mut set = PolicySet::default();
        set.add(profile).unwrap();
        set
    }

    fn check(&self) -> Result<Report, Vec<sfo_check::input::FieldError>> {
        let options = Options {
            policy: Some("with-closures".into()),
            ..Options::default()
        };
        let clock = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        check_json(&self.json(), &self.policies(), &options, clock)
    }
}

fn state_on(reference: &Reference, today: NaiveDate, due: NaiveDate) -> State {
    if today < due {
        State::DueIn {
            working_days: reference.between(today, due),
        }
    } else if today == due {
        State::DueToday
    } else {
        State::Overdue {
            working_days: reference.between(due, today),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The whole answer for a random case, worked out from the rulebook with
    /// the reference calendar.
    #[test]
    fn random_cases_get_the_rulebooks_answer(case in random_case()) {
        let report = case.check().map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let reference = reference().with_extra(case.extra.iter().copied());
        let end = case.terminated.unwrap_or(case.scheduled_end);
        let close = reference.add(end, 28);

        // Q-WINDOW: every day of the offence from the start of supervision to
        // the window's last day.
        let to = case.offence_to.unwrap_or(case.offence);
        let days: Vec<NaiveDate> = case.offence.iter_days().take_while(|d| *d <= to).collect();
        let inside = days.iter().filter(|d| **d >= case.start && **d <= close).count();
        let window = if inside == days.len() {
            Finding::Met
        } else if inside == 0 {
            Finding::NotMet
        } else {
            Finding::Check
        };
        let finding = |rule: &str| {
            report.qualification.reasons.iter().find(|r| r.rule.as_str() == rule).map(|r| r.finding)
        };
        prop_assert_eq!(finding("Q-WINDOW"), Some(window));
        // Q-CONDITIONAL (kidnapping is group B): High or above at the time of
        // the offence; MAPPA is not recorded, so a lower level needs checking.
        let conditional = if case.level >= 2 { Finding::Met } else { Finding::Check };
        prop_assert_eq!(finding("Q-CONDITIONAL"), Some(conditional));
        let status = match (window, conditional) {
            (Finding::NotMet, _) => QualificationStatus::DoesNotQualify,
            (Finding::Met, Finding::Met) => QualificationStatus::Qualifies,
            _ => QualificationStatus::Check,
        };
        prop_assert_eq!(report.qualification.status, status);

        // The timetable.
        let steps: Vec<&str> = report.deadlines.iter().map(|d| d.id.as_str()).collect();
        prop_assert_eq!(steps, ["D-WINDOW-CLOSE", "D-NOTIFY", "D-REVIEW", "D-QA"]);
        let [window_close, notify, review, qa] = &report.deadlines[..] else { unreachable!() };
        prop_assert_eq!(window_close.current_due, Some(close));
        let open = if case.today <= close {
            State::Open { working_days: reference.between(case.today, close) }
        } else {
            State::Closed { working_days: reference.between(close, case.today) }
        };
        prop_assert_eq!(&window_close.state, &open);
        let notify_due = reference.add(case.court, 5);
        let review_due = reference.add(notify_due, 60);
        prop_assert_eq!(notify.current_due, Some(notify_due));
        prop_assert_eq!(review.current_due, Some(review_due));
        prop_assert!(review.counts_from.projected);
        prop_assert_eq!(qa.current_due, None);
        if status == QualificationStatus::DoesNotQualify {
            prop_assert_eq!(&notify.state, &State::NotRequired);
            prop_assert_eq!(&review.state, &State::NotRequired);
        } else {
            prop_assert_eq!(&notify.state, &state_on(&reference, case.today, notify_due));
            prop_assert_eq!(&review.state, &state_on(&reference, case.today, review_due));
        }
        prop_assert_eq!(&qa.state, &if status == QualificationStatus::DoesNotQualify {
            State::NotRequired
        } else {
            State::Waiting
        });

        // Flags, judged on the offence date: the recall that day comes after
        // the assessment unless they share a day; the assessment is overdue
        // past 13 weeks at High or above, 26 weeks below; a licence assessed
        // on release day was assessed in time.
        let weeks = if case.level >= 2 { 13 } else { 26 };
        let mut flags = Vec::new();
        if case.offence > case.start {
            flags.push("F-NOT-REASSESSED");
        }
        if case.offence > case.start + Days::new(7 * weeks) {
            flags.push("F-ASSESSMENT-OVERDUE");
        }
        let raised: Vec<&str> = report.flags.iter().map(|f| f.id.as_str()).collect();
        prop_assert_eq!(raised, flags);
        prop_assert_eq!(report.stamp.today.year(), case.today.year());
    }
}

// ------------------------------------------------------------ random JSON

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[a-z0-9 -]{0,12}".prop_map(Value::String),
        case_date().prop_map(|d| Value::String(d.to_string())),
        Just(Value::String("2024-02-31".into())),
        // Text with control and bidirectional characters, for the text report.
        "[\\x00-\\x1f\\u{202e}a-z\\n]{0,8}".prop_map(Value::String),
        Just(Value::from("sfo-check/case@1")),
        Just(Value::from("murder")),
        Just(Value::from("licence")),
        Just(Value::from("granted")),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(field_name(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Real field names as well as junk, so random documents reach deep code.
fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "supervision",
            "type",
            "start",
            "scheduled_end",
            "terminated",
            "offence",
            "id",
            "alleged_from",
            "alleged_to",
            "charged",
            "first_court_appearance",
            "charges_dropped",
            "review",
            "extensions",
            "step",
            "requested",
            "decision",
            "new_due",
            "rosh",
            "date",
            "overall",
            "groups",
            "children",
            "circumstances",
            "mappa",
            "level",
            "events",
            "today",
            "inchoate",
            "orders",
            "protects",
            "custody_incidents",
            "previous",
            "schema",
            "reference",
            "policy",
            "notification_submitted",
            "review_submitted",
            "qa_completed",
            "decided",
            "extra_working_days",
            "public",
            "assessor",
            "role",
            "note",
            "notes",
            "non_convicted_behaviour",
            "category",
        ])
        .prop_map(String::from),
        "[a-z_]{1,8}",
    ]
}

// ------------------------------------------------------------ fuzzing

// The readers and the text report under random documents (`json_value`), cut
// short or with a key given twice: nothing panics; every failure is a list of
// errors, each with a path made of keys and indexes; the text report carries
// no control character but its own line breaks. `make test` runs a short pass;
// `make fuzz` a long one (`SFO_FUZZ_CASES`).

fn fuzz_cases() -> u32 {
    std::env::var("SFO_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

/// A document's text, sometimes cut short or given a key twice.
fn fuzz_text(doc: &Value, cut: usize, twice: bool) -> String {
    let mut text = doc.to_string();
    if twice && text.starts_with('{') && text.len() > 2 {
        text.insert_str(1, r#""today":"2024-01-01","today":"2024-01-02","#);
        if text.ends_with(",}") {
            text = text.replace(",}", "}");
        }
    }
    if cut > 0 && cut < text.len() && text.is_char_boundary(cut) {
        text.truncate(cut);
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(fuzz_cases()))]

    #[test]
    fn fuzz_the_case_reader_and_text_report(doc in json_value(), cut in 0usize..400, twice in any::<bool>()) {
        let text = fuzz_text(&doc, cut, twice);
        let clock = NaiveDate::from_ymd_opt(2024, 7, 1).unwrap();
        match check_json(&text, &PolicySet::default(), &Options::default(), clock) {
            Ok(report) => {
                let rendered = sfo_check::text::render(&report);
                let clean = !rendered.chars().any(|c| (c.is_control() && c != '\n') || c == '\u{202e}');
                prop_assert!(clean, "{}", rendered);
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                prop_assert!(errors.len() <= sfo_check::input::MAX_ERRORS + 1);
                for e in errors {
                    prop_assert!(!e.message.is_empty());
                    let place = e.path.chars().all(|c| c.is_ascii_alphanumeric() || "._[]-".contains(c));
                    prop_assert!(place, "{}", e.path);
                }
            }
        }
    }

    #[test]
    fn fuzz_the_policy_reader(doc in json_value(), cut in 0usize..400, twice in any::<bool>()) {
        let text = fuzz_text(&doc, cut, twice);
        if let Err(errors) = PolicyProfile::from_json(&text) {
            prop_assert!(!errors.is_empty());
            for e in errors {
                prop_assert!(!e.message.is_empty());
            }
        }
    }
}

/// Profile ids the selection test draws from: the built-in one (which an
/// added profile may not take) and three more.
const PROFILE_IDS: [&str; 4] = ["ew-default-2024", "north", "south", "east"];

/// Effective dates few enough that ties happen often.
fn effective_date() -> impl Strategy<Value = NaiveDate> {
    (0u32..8).prop_map(|i| NaiveDate::from_ymd_opt(1996 + 4 * i as i32, 1 + i % 12, 1).unwrap())
}

/// The selection rule written plainly: the named profile; else the latest
/// in force on the date, a later addition winning a tie; else the earliest.
fn reference_selection(
    added: &[(usize, NaiveDate)],
    named: Option<usize>,
    on: NaiveDate,
) -> Option<&'static str> {
    let mut loaded: Vec<(usize, NaiveDate)> =
        vec![(0, NaiveDate::from_ymd_opt(1995, 1, 1).unwrap())];
    // A profile with the built-in id is refused; one with a loaded id replaces it.
    for &(id, from) in added.iter().filter(|(id, _)| *id != 0) {
        loaded.retain(|(other, _)| *other != id);
        loaded.push((id, from));
    }
    let pick = match named {
        Some(id) => loaded.iter().find(|(other, _)| *other == id),
        None => {
            let mut in_force: Option<&(usize, NaiveDate)> = None;
            for entry in loaded.iter().filter(|(_, from)| *from <= on) {
                if in_force.is_none_or(|best| entry.1 >= best.1) {
                    in_force = Some(entry);
                }
            }
            in_force.or_else(|| {
                let mut earliest: Option<&(usize, NaiveDate)> = None;
                for entry in &loaded {
                    if earliest.is_none_or(|best| entry.1 < best.1) {
                        earliest = Some(entry);
                    }
                }
                earliest
            })
        }
    };
    pick.map(|(id, _)| PROFILE_IDS[*id])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// A kept Checker, given profiles in any order (ids repeated, dates
    /// tied), checks each case against the profile the plain rule picks, and
    /// the same one a PolicySet built in that order picks.
    #[test]
    fn a_checker_selects_the_profile_the_rule_and_a_policy_set_select(
        added in prop::collection::vec((0usize..4, effective_date()), 0..7),
        named in prop::option::weighted(0.25, 0usize..4),
        on in (0i64..11_000).prop_map(|d| NaiveDate::from_ymd_opt(1996, 6, 1).unwrap() + chrono::Duration::days(d)),
    ) {
        let mut checker = sfo_check::Checker::new();
        let mut set = PolicySet::default();
        for &(id, from) in &added {
            let mut profile = PolicyProfile::default_profile();
            profile.id = PROFILE_IDS[id].into();
            profile.effective_from = Date(from);
            let refused = id == 0;
            prop_assert_eq!(checker.add_policy(profile.clone()).is_err(), refused);
            prop_assert_eq!(set.add(profile).is_err(), refused);
        }
        let case = serde_json::json!({
            "today": (on + chrono::Duration::days(10)).to_string(),
            "supervision": [{"type": "licence",
                "start": (on - chrono::Duration::days(400)).to_string(),
                "scheduled_end": (on + chrono::Duration::days(400)).to_string()}],
            "offence": {"id": "murder", "alleged_from": (on - chrono::Duration::days(3)).to_string(),
                "charged": on.to_string(), "first_court_appearance": on.to_string()},
        })
        .to_string();
        let options = Options { policy: named.map(|i| PROFILE_IDS[i].to_string()), ..Options::default() };
        let clock = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        let kept = checker.check(&case, &options, clock).ok().map(|r| r.stamp.policy.id);
        let from_set = check_json(&case, &set, &options, clock).ok().map(|r| r.stamp.policy.id);
        let expected = reference_selection(&added, named, on);
        prop_assert_eq!(kept.as_deref(), expected);
        prop_assert_eq!(from_set.as_deref(), expected);
    }
}
