//! Everything a reader sees named, as data: the registry's rules, the kinds
//! of inaccuracy, the causes, the field words and the values each field can
//! take. The page reads it at start-up (`vocabulary()`); `docs/rules.md` is
//! written from it.

use crate::fields::json_name;
use crate::fields::{self, Choice, FieldInfo};
use crate::policy::{Anchor, OffenceGroup, ReviewIntervals, Status, Unit};
use crate::registry::{
    status_text, Cause, CheckAgainst, Citation, CitationId, Inaccuracy, RuleId, RuleKind,
    KIND_IS_READING,
};
use crate::report::{CauseText, InaccuracyKind};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Vocabulary {
    pub rules: Vec<RuleView>,
    pub inaccuracy_kinds: Vec<InaccuracyKind>,
    /// Said of a flag whose kind of inaccuracy is sfo-check's reading.
    pub kind_is_reading: &'static str,
    pub causes: Vec<CauseText>,
    pub citations: Vec<Citation>,
    pub fields: &'static [FieldInfo],
    /// List paths with the name of one item, e.g. `supervision` → "supervision period".
    pub lists: Vec<ListName>,
    /// The values of each field with fixed values, by field pattern.
    pub choices: Vec<FieldChoices>,
    /// The status words, by what a default value should be checked against.
    pub status_texts: Vec<StatusText>,
    /// Words for a policy profile: the events a step counts from, the units
    /// of an offset, the offence groups and the review intervals.
    pub anchors: Vec<Named>,
    pub units: Vec<UnitWords>,
    pub offence_groups: Vec<Named>,
    pub review_intervals: Vec<Named>,
    /// Where each step state puts a step in a calendar file, by state kind.
    pub calendar_places: Vec<CalendarPlaceOf>,
    /// The formats' ids, as a file's `schema` names them.
    pub schemas: Schemas,
}

#[derive(Debug, Clone, Serialize)]
pub struct CalendarPlaceOf {
    pub kind: &'static str,
    pub place: crate::ics::CalendarPlace,
}

#[derive(Debug, Clone, Serialize)]
pub struct Schemas {
    pub case: &'static str,
    pub draft: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Named {
    pub value: String,
    pub label: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnitWords {
    pub value: String,
    pub one: &'static str,
    pub many: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct ListName {
    pub path: &'static str,
    pub item: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct FieldChoices {
    pub path: &'static str,
    pub choices: Vec<Choice>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusText {
    pub status: Status,
    pub check_against: CheckAgainst,
    pub text: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleView {
    pub id: RuleId,
    pub kind: RuleKind,
    /// The heading its kind is listed under.
    pub heading: &'static str,
    pub title: &'static str,
    pub statement: &'static str,
    pub needs: Vec<Need>,
    pub inaccuracy_kinds: Vec<InaccuracyKind>,
    pub kind_is_reading: bool,
    pub causes: Vec<CauseText>,
    pub citations: Vec<Citation>,
    pub status: Status,
    pub status_text: &'static str,
    /// For a step someone must do: what it is, for a calendar event's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendar_noun: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Need {
    pub field: &'static str,
    pub label: String,
}

impl RuleView {
    pub fn of(id: RuleId) -> RuleView {
        let e = id.entry();
        RuleView {
            id,
            kind: e.kind,
            heading: e.kind.heading(),
            title: e.title,
            statement: e.statement,
            needs: e
                .needs
                .iter()
                .map(|field| Need {
                    field,
                    label: fields::pattern_label(field),
                })
                .collect(),
            inaccuracy_kinds: e.inaccuracy.iter().map(|k| (*k).into()).collect(),
            kind_is_reading: e.inaccuracy_is_reading,
            causes: e.causes.iter().map(|c| (*c).into()).collect(),
            citations: e.cited(),
            status: e.status,
            status_text: e.status_text(),
            calendar_noun: e.calendar_noun,
        }
    }
}

pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        calendar_places: crate::ics::CalendarPlace::table()
            .into_iter()
            .map(|(kind, place)| CalendarPlaceOf { kind, place })
            .collect(),
        schemas: Schemas {
            case: crate::case::CASE_SCHEMA,
            draft: crate::case::DRAFT_SCHEMA,
        },
        rules: RuleId::ALL.iter().map(|id| RuleView::of(*id)).collect(),
        inaccuracy_kinds: Inaccuracy::ALL.iter().map(|k| (*k).into()).collect(),
        kind_is_reading: KIND_IS_READING,
        causes: Cause::ALL.iter().map(|c| (*c).into()).collect(),
        citations: CitationId::ALL
            .iter()
            .map(|id| Citation::new(id.id().into(), id.work().into(), None, None))
            .collect(),
        fields: fields::FIELDS,
        lists: fields::LISTS
            .iter()
            .map(|(path, item)| ListName { path, item })
            .collect(),
        choices: fields::field_choices()
            .into_iter()
            .map(|(path, choices)| FieldChoices { path, choices })
            .collect(),
        status_texts: [Status::Confirmed, Status::Default]
            .iter()
            .flat_map(|status| {
                [
                    CheckAgainst::RegionalTimescales,
                    CheckAgainst::PolicyFramework,
                ]
                .into_iter()
                .map(|against| StatusText {
                    status: *status,
                    check_against: against,
                    text: status_text(*status, against),
                })
            })
            .collect(),
        anchors: Anchor::ALL
            .iter()
            .map(|a| Named {
                value: json_name(a),
                label: a.label(),
            })
            .collect(),
        units: Unit::ALL
            .iter()
            .map(|u| UnitWords {
                value: json_name(u),
                one: u.words().0,
                many: u.words().1,
            })
            .collect(),
        offence_groups: [OffenceGroup::A, OffenceGroup::B]
            .iter()
            .map(|g| Named {
                value: json_name(g),
                label: g.label(),
            })
            .collect(),
        review_intervals: ReviewIntervals::NAMES
            .iter()
            .map(|(key, label)| Named {
                value: key.to_string(),
                label,
            })
            .collect(),
    }
}
