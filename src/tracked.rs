//! A deserializer over a parsed JSON value that remembers where it failed.
//!
//! It gives the same errors, in the same words, as reading the value with
//! serde_json, plus the path of the member that caused them. One small layer
//! instead of a wrapper around every visitor keeps the WebAssembly module small.
//! Unlike serde_json it never reads a list as an object by position.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    self, DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Unexpected, Visitor,
};
use serde::forward_to_deserialize_any;
use serde_json::{Error, Map, Value};
use std::cell::RefCell;

/// One step into the document: an object member or a list element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathStep {
    Member(String),
    Element(usize),
}

/// A step while reading, borrowing the member's name from the document.
enum Segment<'a> {
    Member(&'a str),
    Element(usize),
}

/// The path from the root to where reading stopped: segments are pushed on
/// the way in and popped once a member reads cleanly, so after an error the
/// path is the innermost member that failed.
#[derive(Default)]
pub struct Track<'a> {
    path: RefCell<Vec<Segment<'a>>>,
}

impl<'a> Track<'a> {
    pub fn into_path(self) -> Vec<PathStep> {
        let path = self.path.into_inner();
        path.into_iter()
            .map(|segment| match segment {
                Segment::Member(key) => PathStep::Member(key.to_string()),
                Segment::Element(index) => PathStep::Element(index),
            })
            .collect()
    }

    fn push(&self, segment: Segment<'a>) {
        self.path.borrow_mut().push(segment);
    }

    fn pop(&self) {
        self.path.borrow_mut().pop();
    }
}

pub struct Tracked<'a, 't> {
    value: &'a Value,
    track: &'t Track<'a>,
}

impl<'a, 't> Tracked<'a, 't> {
    pub fn new(value: &'a Value, track: &'t Track<'a>) -> Self {
        Tracked { value, track }
    }

    fn wrong_type(&self, expected: &dyn de::Expected) -> Error {
        Error::invalid_type(unexpected(self.value), expected)
    }

    fn object<V: Visitor<'a>>(
        &self,
        map: &'a Map<String, Value>,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let mut access = Members {
            entries: map.iter(),
            pending: None,
            track: self.track,
        };
        let read = visitor.visit_map(&mut access)?;
        match access.entries.len() {
            0 => Ok(read),
            _ => Err(Error::invalid_length(map.len(), &"fewer elements in map")),
        }
    }

    fn list<V: Visitor<'a>>(&self, items: &'a [Value], visitor: V) -> Result<V::Value, Error> {
        let mut access = Elements {
            items: items.iter().enumerate(),
            track: self.track,
        };
        let read = visitor.visit_seq(&mut access)?;
        match access.items.len() {
            0 => Ok(read),
            _ => Err(Error::invalid_length(
                items.len(),
                &"fewer elements in array",
            )),
        }
    }
}

/// How serde_json names a value in "invalid type" errors.
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => Unexpected::Unsigned(u),
            (None, Some(i), _) => Unexpected::Signed(i),
            (None, None, f) => Unexpected::Float(f.unwrap_or_default()),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

impl<'a> Deserializer<'a> for Tracked<'a, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => n.deserialize_any(visitor),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => self.list(items, visitor),
            Value::Object(map) => self.object(map, visitor),
        }
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.value {
            Value::Object(map) => self.object(map, visitor),
            _ => Err(self.wrong_type(&visitor)),
        }
    }

    fn deserialize_map<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Object(map) => self.object(map, visitor),
            _ => Err(self.wrong_type(&visitor)),
        }
    }

    fn deserialize_seq<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Array(items) => self.list(items, visitor),
            _ => Err(self.wrong_type(&visitor)),
        }
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // Every enum in the documents is a plain word. serde_json would also
        // read `{"word": null}` as the word: refused here, since no document
        // means it and reading it costs 5 KB of the page (every enum's code).
        match self.value {
            Value::String(s) => visitor.visit_enum(BorrowedStrDeserializer::new(s)),
            Value::Object(_) => Err(self.wrong_type(&"string")),
            _ => Err(self.wrong_type(&"string or map")),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    // Scalars: a value of another type reaches the visitor's default method,
    // which words the error exactly as serde_json would.
    forward_to_deserialize_any! {
        <W: Visitor<'a>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct tuple tuple_struct identifier
    }
}

struct Members<'a, 't> {
    entries: serde_json::map::Iter<'a>,
    pending: Option<(&'a str, &'a Value)>,
    track: &'t Track<'a>,
}

impl<'a> MapAccess<'a> for Members<'a, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.pending = Some((key, value));
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
            .inspect_err(|_| self.track.push(Segment::Member(key)))
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some((key, value)) = self.pending.take() else {
            return Err(Error::custom("a value without its key"));
        };
        // Written out here and for elements: a shared generic helper is
        // compiled once per type read, 5 KB more of the module.
        self.track.push(Segment::Member(key));
        let read = seed.deserialize(Tracked::new(value, self.track))?;
        self.track.pop();
        Ok(read)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

struct Elements<'a, 't> {
    items: std::iter::Enumerate<std::slice::Iter<'a, Value>>,
    track: &'t Track<'a>,
}

impl<'a> SeqAccess<'a> for Elements<'a, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some((index, value)) = self.items.next() else {
            return Ok(None);
        };
        self.track.push(Segment::Element(index));
        let read = seed.deserialize(Tracked::new(value, self.track))?;
        self.track.pop();
        Ok(Some(read))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}
