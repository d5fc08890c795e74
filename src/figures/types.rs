//! The figure types the crate exposes.

use std::ops::Range;

/// What kind of number a figure is.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FigureKind {
    Count,
    Percent,
    Money,
    Quantity,
    Ordinal,
    Fraction,
    Multiplier,
    Tally,
    Range,
    Duration,
}

impl FigureKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::Count => "count",
            FigureKind::Percent => "percent",
            FigureKind::Money => "money",
            FigureKind::Quantity => "quantity",
            FigureKind::Ordinal => "ordinal",
            FigureKind::Fraction => "fraction",
            FigureKind::Multiplier => "multiplier",
            FigureKind::Tally => "tally",
            FigureKind::Range => "range",
            FigureKind::Duration => "duration",
        }
    }
}

/// Words that bound or approximate a figure ("more than 10 000").
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    About,
    MoreThan,
    LessThan,
    AtLeast,
    AtMost,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::About => "about",
            Qualifier::MoreThan => "more_than",
            Qualifier::LessThan => "less_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
        }
    }
}

/// One figure: `text[start..end]` in bytes, qualifier words included.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub start: usize,
    pub end: usize,
    /// The normalised value; a range's lower end, a tally's first number.
    pub value: Option<f64>,
    /// A range's upper end or a tally's second number.
    pub value_to: Option<f64>,
    pub kind: FigureKind,
    /// A short canonical unit code ("USD", "kg", "year"); percents carry
    /// "percent" (or "pp" for percentage points) so a range of percents
    /// keeps its unit.
    // `std::primitive::str`, not `str`: serde's derive would borrow a `&str`
    // from the input (requiring `'de: 'static`); `crate::interned` interns it.
    #[cfg_attr(feature = "serde", serde(deserialize_with = "crate::interned::unit"))]
    pub unit: Option<&'static std::primitive::str>,
    pub qualifier: Option<Qualifier>,
    /// Byte span of the noun phrase the number counts, where the text says.
    pub counted: Option<Range<usize>>,
}
