//! Word tables of the figure grammar. Every lookup takes a lowercase ASCII
//! word and is a `match` (compiled to length and byte comparisons), so a
//! lookup costs a few nanoseconds and needs no allocation or global state;
//! the units those tables do not name come from `data/units.tsv`, generated
//! from pint's unit registry by `units_table.py` ([`table_unit`]).

use std::sync::LazyLock;

use crate::learn::{hash_str, FeatureMap};
use crate::text::lexicon as text_lx;
pub use crate::text::lexicon::is_clock_word;

/// How a number word combines with its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cls {
    /// 0-9.
    Ones,
    /// 10-19.
    Teen,
    /// 20, 30, ... 90.
    Tens,
    /// "hundred".
    Hundred,
    /// thousand, million, billion, trillion (a multiplier of everything before).
    Scale,
    /// "dozen": times twelve.
    Dozen,
}

/// A cardinal number word: its value and class. Plural scale words
/// ("millions") are included: the grammar accepts them only after a number.
pub fn cardinal(w: &str) -> Option<(f64, Cls)> {
    use Cls::*;
    Some(match w {
        "zero" | "nought" | "naught" => (0.0, Ones),
        "one" => (1.0, Ones),
        "two" => (2.0, Ones),
        "three" => (3.0, Ones),
        "four" => (4.0, Ones),
        "five" => (5.0, Ones),
        "six" => (6.0, Ones),
        "seven" => (7.0, Ones),
        "eight" => (8.0, Ones),
        "nine" => (9.0, Ones),
        "ten" => (10.0, Teen),
        "eleven" => (11.0, Teen),
        "twelve" => (12.0, Teen),
        "thirteen" => (13.0, Teen),
        "fourteen" => (14.0, Teen),
        "fifteen" => (15.0, Teen),
        "sixteen" => (16.0, Teen),
        "seventeen" => (17.0, Teen),
        "eighteen" => (18.0, Teen),
        "nineteen" => (19.0, Teen),
        "twenty" => (20.0, Tens),
        "thirty" => (30.0, Tens),
        "forty" | "fourty" => (40.0, Tens),
        "fifty" => (50.0, Tens),
        "sixty" => (60.0, Tens),
        "seventy" => (70.0, Tens),
        "eighty" => (80.0, Tens),
        "ninety" => (90.0, Tens),
        "hundred" | "hundreds" => (100.0, Hundred),
        "thousand" | "thousands" => (1e3, Scale),
        "million" | "millions" => (1e6, Scale),
        "billion" | "billions" => (1e9, Scale),
        "trillion" | "trillions" => (1e12, Scale),
        "quadrillion" | "quadrillions" => (1e15, Scale),
        "quintillion" | "quintillions" => (1e18, Scale),
        // The Indian scales: a lakh is 100 000, a crore 10 000 000.
        "lakh" | "lakhs" | "lac" | "lacs" => (1e5, Scale),
        "crore" | "crores" => (1e7, Scale),
        "dozen" | "dozens" | "doz" | "dozs" | "dz" | "dzs" => (12.0, Dozen),
        _ => return glued_tens(w),
    })
}

/// Tens and ones written as one word without a hyphen ("twentyone",
/// "fortyfive"): one compound, which nothing under ten may follow.
fn glued_tens(w: &str) -> Option<(f64, Cls)> {
    let split = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ]
    .iter()
    .find(|t| w.len() > t.len() && w.starts_with(*t))?
    .len();
    let (tens, ones) = w.split_at(split);
    match (cardinal(tens)?, cardinal(ones)?) {
        ((t, Cls::Tens), (o, Cls::Ones)) if o >= 1.0 => Some((t + o, Cls::Teen)),
        _ => None,
    }
}

/// Abbreviated scale words that follow digits ("1.2 bn", "2 5m", "10k").
pub fn scale_abbrev(w: &str) -> Option<f64> {
    Some(match w {
        "k" | "thou" => 1e3,
        "m" | "mn" | "mln" | "mil" | "mio" | "mm" => 1e6,
        "b" | "bn" | "bln" | "g" => 1e9,
        "tn" | "trn" | "tln" | "t" => 1e12,
        _ => return None,
    })
}

/// An ordinal word: its value, and whether it is the plural (fraction) form.
pub fn ordinal(w: &str) -> Option<(f64, bool)> {
    let (base, plural) = match w.strip_suffix('s') {
        Some(b) => (b, true),
        None => (w, false),
    };
    let v = match base {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" | "nineth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return glued_ordinal(base, plural),
    };
    Some((v, plural))
}

/// Tens and a unit ordinal written as one word: "twentyfifth", "thirtyfirst".
fn glued_ordinal(base: &str, plural: bool) -> Option<(f64, bool)> {
    // The shortest is ten letters ("fiftyfirst"); most words stop here.
    if base.len() < 10 {
        return None;
    }
    const TENS: [(&str, f64); 8] = [
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("sixty", 60.0),
        ("seventy", 70.0),
        ("eighty", 80.0),
        ("ninety", 90.0),
    ];
    let (rest, tens) = TENS
        .iter()
        .find_map(|&(t, v)| Some((base.strip_prefix(t)?, v)))?;
    match ordinal(rest)? {
        (v, false) if v < 10.0 => Some((tens + v, plural)),
        _ => None,
    }
}

/// Fraction denominators that are not ordinals ("half", "quarters").
pub fn denominator(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "quarter" | "quarters" => 4.0,
        _ => return None,
    })
}

/// Month names and their abbreviations ("may" and "march" included: next to
/// a day number they are months).
pub fn is_month(w: &str) -> bool {
    text_lx::month(w).is_some()
}

/// Day names and their abbreviations, singular and plural ("friday the
/// 13th", "two sundays from now").
pub fn is_weekday(w: &str) -> bool {
    let w = w.strip_suffix('s').unwrap_or(w);
    text_lx::weekday(w).is_some() || text_lx::is_weekday_abbreviation(w)
}

/// Words after which a number is part of a name or a label, not a figure
/// ("covid 19", "boeing 737", "section 230", "f 16", "g 7", "flight 370").
pub fn is_label_word(w: &str) -> bool {
    if w.len() == 1 && w.as_bytes()[0].is_ascii_alphabetic() {
        // Single letters of model names ("f 16", "b 52", "g 20"); not the
        // article "a", the pronoun "i" or the possessive "s" of stripped text.
        return !matches!(w, "a" | "i" | "s" | "x");
    }
    w.len() > 1
        && matches!(
            w,
            "covid"
                | "sars"
                | "mers"
                | "boeing"
                | "airbus"
                | "section"
                | "article"
                | "chapter"
                | "clause"
                | "amendment"
                | "paragraph"
                | "route"
                | "highway"
                | "interstate"
                | "flight"
                | "room"
                | "gate"
                | "platform"
                | "page"
                | "version"
                | "phase"
                | "category"
                | "tier"
                | "episode"
                | "title"
                | "proposition"
                | "prop"
                | "district"
                | "precinct"
                | "ward"
                | "terminal"
                | "pier"
                | "exit"
                | "model"
                | "no"
                | "number"
                | "nos"
                | "mig"
                | "su"
                | "ak"
                | "iphone"
                | "galaxy"
                | "windows"
                | "xbox"
                | "playstation"
                | "apollo"
                | "artemis"
                | "soyuz"
                | "formula"
                | "fifa"
                | "pixel"
                | "uss"
                | "mh"
                | "ps"
                | "psalm"
                | "psalms"
                | "verse"
                | "vol"
                | "level"
                | "grade"
                | "channel"
                | "bus"
                | "rule"
                | "resolution"
                | "unit"
                | "block"
                | "lot"
                | "week"
                | "day"
                | "game"
                | "matchday"
                | "stage"
                | "act"
                | "scene"
                | "part"
                | "dr"
                | "ww"
                | "wwii"
                | "mk"
                | "type"
                | "class"
                | "ii"
                | "iii"
                | "sky"
                | "bbc"
                | "radio"
                | "studio"
                | "cabin"
                | "hangar"
                | "suite"
        )
}

/// Words after a tally ("a 227-186 vote", "a 2 1 win").
pub fn is_tally_after(w: &str) -> bool {
    matches!(
        w,
        "vote"
            | "votes"
            | "victory"
            | "victories"
            | "win"
            | "wins"
            | "defeat"
            | "defeats"
            | "loss"
            | "losses"
            | "margin"
            | "decision"
            | "ruling"
            | "majority"
            | "score"
            | "scoreline"
            | "draw"
            | "lead"
            | "verdict"
            | "aggregate"
            | "thrashing"
            | "drubbing"
            | "triumph"
            | "tie"
            | "split"
    )
}

/// Words shortly before a tally ("voted 51 to 49", "won 3-1").
pub fn is_tally_before(w: &str) -> bool {
    matches!(
        w,
        "voted"
            | "vote"
            | "votes"
            | "won"
            | "win"
            | "wins"
            | "beat"
            | "beats"
            | "beating"
            | "lost"
            | "lose"
            | "loses"
            | "losing"
            | "defeated"
            | "defeating"
            | "drew"
            | "draw"
            | "trailed"
            | "trailing"
            | "led"
            | "leading"
            | "edged"
            | "thrashed"
            | "routed"
            | "passed"
            | "approved"
            | "rejected"
            | "score"
            | "scoreline"
            | "tally"
    )
}

/// Verbs of change: a bare number after one in stripped text lost its "%"
/// ("has dropped about 50 so far this year").
pub fn is_change_verb(w: &str) -> bool {
    matches!(
        w,
        "rose"
            | "risen"
            | "rise"
            | "rises"
            | "rising"
            | "fell"
            | "fallen"
            | "fall"
            | "falls"
            | "falling"
            | "dropped"
            | "drop"
            | "drops"
            | "dropping"
            | "declined"
            | "declines"
            | "declining"
            | "climbed"
            | "climbs"
            | "jumped"
            | "jumps"
            | "surged"
            | "surges"
            | "soared"
            | "slumped"
            | "plunged"
            | "plummeted"
            | "tumbled"
            | "slid"
            | "slipped"
            | "sank"
            | "gained"
            | "gains"
            | "increased"
            | "increases"
            | "decreased"
            | "decreases"
            | "grew"
            | "grown"
            | "grows"
            | "shrank"
            | "shrunk"
            | "shrinks"
            | "eased"
            | "rallied"
            | "advanced"
            | "retreated"
            | "dipped"
            | "edged"
            | "crashed"
            | "spiked"
    )
}

/// What a price or rate is per, beside the units ("$6.75 a share").
pub fn is_rate_noun(w: &str) -> bool {
    matches!(
        w,
        "share" | "head" | "person" | "unit" | "piece" | "ticket" | "vote" | "visit" | "night"
    )
}

/// Whether a word of temperature comes shortly before token `i` ("cooled
/// to 4 K", "a temperature of 300 K"): there a capital K is kelvin.
pub fn temperature_before(cx: &super::cx::Cx, i: usize) -> bool {
    (i.saturating_sub(6)..i).any(|k| {
        matches!(
            &*cx.lw(k),
            "temperature"
                | "temperatures"
                | "cooled"
                | "heated"
                | "warmed"
                | "chilled"
                | "kelvin"
                | "degrees"
                | "thermal"
                | "cryogenic"
        )
    })
}

/// A dash between numbers: the hyphen, its Unicode forms, the figure, en,
/// em and horizontal-bar dashes ("5–10", "5‒10").
pub fn is_dash(w: &str) -> bool {
    matches!(w, "-" | "‐" | "‑" | "‒" | "–" | "—" | "―")
}

/// Unit classes, which decide a figure's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitCls {
    Time,
    Physical,
    Currency,
    Percent,
    Times,
}

/// A unit word written after a number, as a separate token: its canonical
/// code and class, from the news usages listed here, else from the table
/// generated from pint and ISO 4217 ([`table_unit`]). Currency words are
/// here too ("dollars" -> USD).
pub fn unit_word(w: &str) -> Option<(&'static str, UnitCls)> {
    listed_unit(w).or_else(|| table_unit(w))
}

/// The units whose news usage the generated table does not give: spellings
/// and abbreviations it lacks ("kilos", "kmh"), codes the figures have
/// always given ("calories" are kcal, "tons" metric), and the currencies.
fn listed_unit(w: &str) -> Option<(&'static str, UnitCls)> {
    use UnitCls::*;
    Some(match w {
        // time
        "min" | "mins" => ("minute", Time),
        "h" => ("hour", Time),
        "wk" | "wks" => ("week", Time),
        // "87 yo": years old, as clinical notes write it
        "yo" => ("year", Time),
        "decade" | "decades" => ("decade", Time),
        // multiplier
        "times" | "fold" => ("times", Times),
        // percent
        "percent" | "percents" | "per_cent" | "pct" | "pc" | "percentage" => ("percent", Percent),
        // mass
        "kgs" | "kilogramme" | "kilogrammes" | "kilo" | "kilos" | "k.g" | "k.g." | "k.gs" => {
            ("kg", Physical)
        }
        "g" | "gramme" | "grammes" | "gs" => ("g", Physical),
        "milligramme" | "milligrammes" => ("mg", Physical),
        "microgram" | "micrograms" | "mcg" | "microgrammes" | "μg" | "µg" => ("ug", Physical),
        "ton" | "tons" => ("t", Physical),
        "lbs" => ("lb", Physical),
        // length
        "kms" => ("km", Physical),
        "dm" | "decimetre" | "decimetres" | "decimeter" | "decimeters" => ("dm", Physical),
        "mm" => ("mm", Physical),
        "yds" => ("yd", Physical),
        // area
        "sqkm" => ("km2", Physical),
        // volume
        "l" => ("l", Physical),
        "mls" => ("ml", Physical),
        "gals" => ("gal", Physical),
        "bpd" => ("barrel", Physical),
        "cup" | "cups" => ("cup", Physical),
        // temperature and angle
        "centigrade" | "celcius" => ("C", Physical),
        "farenheit" => ("F", Physical),
        "degree" | "degrees" | "deg" => ("deg", Physical),
        // speed, power, energy, data
        "mph" => ("mph", Physical),
        "kph" | "kmh" | "kmph" => ("km/h", Physical),
        "knots" | "knot" => ("kn", Physical),
        "mbps" => ("Mbps", Physical),
        "calories" => ("kcal", Physical),
        "points" | "point" | "pts" => ("point", Physical),
        // currency
        "dollar" | "dollars" | "usd" | "bucks" => ("USD", Currency),
        "euro" | "euros" | "eur" => ("EUR", Currency),
        "pound" | "pounds" | "sterling" | "gbp" | "quid" => ("GBP", Currency),
        "pence" | "p" => ("GBX", Currency),
        "cent" | "cents" => ("cent", Currency),
        "yen" | "jpy" => ("JPY", Currency),
        "yuan" | "renminbi" | "rmb" | "cny" => ("CNY", Currency),
        "rupee" | "rupees" | "inr" | "rs" => ("INR", Currency),
        "rouble" | "roubles" | "ruble" | "rubles" | "rub" => ("RUB", Currency),
        "franc" | "francs" | "chf" => ("CHF", Currency),
        "riyal" | "riyals" | "sar" => ("SAR", Currency),
        "rial" | "rials" | "irr" => ("IRR", Currency),
        "dinar" | "dinars" => ("dinar", Currency),
        "shekel" | "shekels" | "ils" => ("ILS", Currency),
        "peso" | "pesos" => ("peso", Currency),
        "lira" | "lire" => ("TRY", Currency),
        "rand" => ("ZAR", Currency),
        "naira" => ("NGN", Currency),
        "ringgit" | "ringgits" | "myr" => ("MYR", Currency),
        "baht" => ("THB", Currency),
        "krona" | "kronor" => ("SEK", Currency),
        "krone" | "kroner" => ("NOK", Currency),
        "zloty" => ("PLN", Currency),
        "cad" => ("CAD", Currency),
        "aud" => ("AUD", Currency),
        "hkd" => ("HKD", Currency),
        "kwd" => ("KWD", Currency),
        "qar" => ("QAR", Currency),
        "egp" => ("EGP", Currency),
        "bitcoin" | "bitcoins" | "btc" => ("BTC", Currency),
        "satoshi" | "satoshis" => ("sat", Currency),
        // Finance writes millions as an M before the code ("30 MUSD").
        "musd" => ("USD", Currency),
        "meur" => ("EUR", Currency),
        "mgbp" => ("GBP", Currency),
        "penny" | "pennies" => ("GBX", Currency),
        "markka" | "markkaa" => ("FIM", Currency),
        "guilder" | "guilders" => ("NLG", Currency),
        "peseta" | "pesetas" => ("ESP", Currency),
        "escudo" | "escudos" => ("PTE", Currency),
        "schilling" | "schillings" => ("ATS", Currency),
        "drachmas" => ("GRD", Currency),
        "shilling" | "shillings" => ("shilling", Currency),
        "forint" | "forints" => ("HUF", Currency),
        "rupiah" => ("IDR", Currency),
        "dong" => ("VND", Currency),
        "hryvnia" | "hryvnias" => ("UAH", Currency),
        "reais" => ("BRL", Currency),
        "kwacha" => ("kwacha", Currency),
        "cedi" | "cedis" => ("GHS", Currency),
        "taka" => ("BDT", Currency),
        _ => return None,
    })
}

/// The unit tables generated by `units_table.py`, from pint's registry and
/// from pycountry's ISO 4217 currencies: lowercase form -> code and class.
/// Multi-word forms join their words with one space ("square miles",
/// "kenyan shillings"), quotients with "/" ("km/h").
struct Table {
    /// By [`hash_str`] of the form: the form, its code and class.
    units: FeatureMap<(&'static str, &'static str, UnitCls)>,
    /// [`hash_str`] of the first words of the forms of more than one token
    /// ("square", "km").
    heads: FeatureMap<()>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut units = FeatureMap::default();
    let mut heads = FeatureMap::default();
    let files = [
        ("units.tsv", include_str!("data/units.tsv")),
        ("currencies.tsv", include_str!("data/currencies.tsv")),
    ];
    for (file, text) in files {
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut f = line.split('\t');
            let (Some(form), Some(code)) = (f.next(), f.next()) else {
                panic!("{file}: a line without a form and a code: {line:?}");
            };
            let cls = match f.next() {
                None => UnitCls::Currency,
                Some("time") => UnitCls::Time,
                Some("physical") => UnitCls::Physical,
                Some(_) => panic!("{file}: unknown class in {line:?}"),
            };
            units.insert(hash_str(form), (form, code, cls));
            if let Some(cut) = form.find([' ', '/']) {
                heads.insert(hash_str(&form[..cut]), ());
            }
        }
    }
    Table { units, heads }
});

/// An ISO 4217 code of the generated table ("kes" -> "KES"), which may
/// stand before a number as after it.
pub fn table_currency_code(w: &str) -> Option<&'static str> {
    match table_unit(w) {
        Some((code, UnitCls::Currency)) if w.len() == 3 && code.eq_ignore_ascii_case(w) => {
            Some(code)
        }
        _ => None,
    }
}

/// A unit of the generated table ([`TABLE`]), by its lowercase form.
pub fn table_unit(form: &str) -> Option<(&'static str, UnitCls)> {
    match TABLE.units.get(&hash_str(form)) {
        Some(&(f, code, cls)) if f == form => Some((code, cls)),
        _ => None,
    }
}

/// Whether a unit of more than one token in the generated table starts with
/// the word `w`.
pub fn opens_table_phrase(w: &str) -> bool {
    TABLE.heads.contains_key(&hash_str(w))
}

/// A unit glued to digits ("300kg", "1.2bn" is a scale, "40C", "10am").
/// Returns the unit word form that [`unit_word`] knows, or a marker.
pub fn glued_unit(s: &str) -> Option<&'static str> {
    Some(match s {
        "kg" | "kgs" => "kg",
        "g" | "gs" => "g",
        "mg" => "mg",
        "t" => "tonne",
        "lb" | "lbs" => "lb",
        "oz" => "oz",
        "km" | "kms" => "km",
        "cm" => "cm",
        "mm" => "mm",
        "mi" => "mi",
        "ft" => "ft",
        "in" => "inch",
        "yd" | "yds" => "yd",
        "ha" => "ha",
        "l" => "l",
        "ml" | "mls" => "ml",
        "gal" | "gals" => "gal",
        "bbl" => "bbl",
        "c" => "celsius",
        "f" => "fahrenheit",
        "mph" => "mph",
        "kph" | "kmh" | "kmph" => "kph",
        "mw" => "mw",
        "gw" => "gw",
        "kw" => "kw",
        "kwh" => "kwh",
        "mwh" => "mwh",
        "twh" => "twh",
        "gb" => "gb",
        "mb" => "mb",
        "tb" => "tb",
        "mbps" => "mbps",
        "h" | "hr" | "hrs" => "hour",
        "min" | "mins" => "min",
        "sec" | "secs" => "sec",
        "day" | "days" => "day",
        "yr" | "yrs" | "year" | "years" => "year",
        "week" | "weeks" => "week",
        "month" | "months" => "month",
        "x" => "times",
        // Currency codes glued after the digits ("115USD", "20eur").
        "usd" => "usd",
        "eur" => "eur",
        "gbp" => "gbp",
        "jpy" => "jpy",
        "cny" => "cny",
        "元" => "yuan",
        "円" => "yen",
        "chf" => "chf",
        "pc" => "pc",
        "p" => "p",
        "pts" => "pts",
        "kcal" => "kcal",
        "m2" => "m2",
        "km2" => "km2",
        _ => return None,
    })
}

/// Currency signs (one character), which may stand before or after the
/// number.
pub fn is_currency_glyph(w: &str) -> bool {
    matches!(
        w,
        "$" | "£"
            | "€"
            | "¥"
            | "₹"
            | "₽"
            | "₩"
            | "₦"
            | "₿"
            | "₡"
            | "₾"
            | "₭"
            | "元"
            | "₺"
            | "₴"
            | "₱"
            | "฿"
            | "₫"
            | "₪"
            | "৳"
            | "₸"
            | "₵"
            | "₲"
            | "₼"
            | "₮"
            | "៛"
            | "₨"
            | "﷼"
    )
}

/// A currency written before the number ("$", "£", "US$", "Rs", "EUR").
pub fn currency_before(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" | "us$" | "u.s$" | "u.s.$" | "usd" => "USD",
        "£" | "gbp" => "GBP",
        "€" | "eur" => "EUR",
        "¥" | "jpy" => "JPY",
        "₹" | "rs" | "inr" => "INR",
        "₽" => "RUB",
        "₩" => "KRW",
        "₦" => "NGN",
        "a$" | "aud" => "AUD",
        "c$" | "cad" => "CAD",
        "hk$" | "hkd" => "HKD",
        "nz$" | "nzd" => "NZD",
        "s$" | "sgd" => "SGD",
        "chf" => "CHF",
        "cny" | "rmb" => "CNY",
        "myr" | "rm" => "MYR",
        "uah" => "UAH",
        "sek" => "SEK",
        "mnt" => "MNT",
        "usd$" => "USD",
        // Finance writes millions as an M before the code ("MAUD 60").
        "musd" => "USD",
        "meur" => "EUR",
        "maud" => "AUD",
        "mgbp" => "GBP",
        "aud$" => "AUD",
        "cad$" => "CAD",
        "nzd$" => "NZD",
        "mex$" | "mxn$" | "mx$" | "mxn" => "MXN",
        "r$" | "brl" => "BRL",
        "₿" => "BTC",
        "₡" => "CRC",
        "₾" => "GEL",
        "₭" => "LAK",
        "元" => "CNY",
        "₺" => "TRY",
        "₴" => "UAH",
        "₱" => "PHP",
        "฿" => "THB",
        "₫" => "VND",
        "₪" => "ILS",
        "৳" => "BDT",
        "₸" => "KZT",
        "₵" => "GHS",
        "₲" => "PYG",
        "₼" => "AZN",
        "₮" => "MNT",
        "៛" => "KHR",
        "₨" => "PKR",
        "﷼" => "SAR",
        _ => return None,
    })
}

/// A currency code for a nationality adjective before a currency word
/// ("australian dollars" -> AUD).
pub fn national_currency(adj: &str, code: &'static str) -> Option<&'static str> {
    Some(match (adj, code) {
        ("us" | "american", "USD") => "USD",
        ("australian", "USD") => "AUD",
        ("canadian", "USD") => "CAD",
        ("kong", "USD") => "HKD",
        ("singapore", "USD") => "SGD",
        ("zealand", "USD") => "NZD",
        ("taiwan" | "taiwanese", "USD") => "TWD",
        ("zimbabwean" | "zimbabwe", "USD") => "ZWL",
        ("swiss", "CHF") => "CHF",
        ("qatari", "SAR") => "QAR",
        ("saudi", "SAR") => "SAR",
        ("iranian", "IRR") => "IRR",
        ("pakistani", "INR") => "PKR",
        ("indian", "INR") => "INR",
        ("egyptian", "GBP") => "EGP",
        ("lebanese", "GBP") => "LBP",
        ("british", "GBP") => "GBP",
        ("kuwaiti", "dinar") => "KWD",
        ("iraqi", "dinar") => "IQD",
        ("jordanian", "dinar") => "JOD",
        ("mexican", "peso") => "MXN",
        ("philippine", "peso") => "PHP",
        ("malaysian" | "malaysia", "MYR") => "MYR",
        ("swedish", "SEK") => "SEK",
        ("norwegian" | "danish", "NOK") => {
            if adj == "danish" {
                "DKK"
            } else {
                "NOK"
            }
        }
        ("south", "ZAR") => "ZAR",
        ("turkish", "TRY") => "TRY",
        _ => return None,
    })
}

/// Qualifier words, one token ("about 50", "over 100").
pub fn qualifier1(w: &str) -> Option<super::Qualifier> {
    use super::Qualifier::*;
    Some(match w {
        "about" | "around" | "roughly" | "approximately" | "approx" | "some" | "nearly"
        | "almost" | "circa" | "estimated" | "~" | "c." | "ca" => About,
        "over" | "above" | "exceeding" | "beyond" | "upwards" | ">" | "exceed" | "exceeds"
        | "exceeded" | "surpass" | "surpasses" | "surpassed" | "surpassing" => MoreThan,
        "under" | "below" | "<" => LessThan,
        "≥" => AtLeast,
        "≤" => AtMost,
        _ => return None,
    })
}

/// Two-token qualifiers, as (first, second).
pub fn qualifier2(a: &str, b: &str) -> Option<super::Qualifier> {
    use super::Qualifier::*;
    Some(match (a, b) {
        (a, "than") if is_more_word(a) => MoreThan,
        ("just" | "well" | "slightly", "over" | "above") => MoreThan,
        ("upwards", "of") => MoreThan,
        (a, "than") if is_less_word(a) => LessThan,
        ("just" | "slightly", "under" | "below") => LessThan,
        ("at", "least") => AtLeast,
        ("at", "most") => AtMost,
        ("up", "to") => AtMost,
        ("close", "to") => About,
        ("an", "estimated") => About,
        ("just", "about") => About,
        _ => return None,
    })
}

/// Three-token qualifiers.
pub fn qualifier3(a: &str, b: &str, c: &str) -> Option<super::Qualifier> {
    use super::Qualifier::*;
    Some(match (a, b, c) {
        ("no" | "not", "more", "than") => AtMost,
        ("no" | "not", "fewer" | "less", "than") => AtLeast,
        ("in", "excess", "of") => MoreThan,
        ("as", "many" | "much", "as") => AtMost,
        ("a", "maximum", "of") => AtMost,
        ("a", "minimum", "of") => AtLeast,
        ("just", "more" | "greater", "than") => MoreThan,
        ("just", "fewer" | "less", "than") => LessThan,
        ("well", "more", "than") => MoreThan,
        _ => return None,
    })
}

/// Function words, pronouns, auxiliaries and frequent verbs and adverbs:
/// none of them belongs to the noun phrase a number counts.
pub fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "by"
            | "with"
            | "without"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "about"
            | "against"
            | "between"
            | "among"
            | "through"
            | "during"
            | "before"
            | "after"
            | "since"
            | "until"
            | "till"
            | "as"
            | "than"
            | "like"
            | "near"
            | "across"
            | "per"
            | "via"
            | "within"
            | "toward"
            | "towards"
            | "upon"
            | "off"
            | "out"
            | "up"
            | "down"
            | "atop"
            | "behind"
            | "beyond"
            | "despite"
            | "amid"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "has"
            | "have"
            | "had"
            | "having"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "who"
            | "whom"
            | "whose"
            | "which"
            | "what"
            | "where"
            | "when"
            | "why"
            | "how"
            | "while"
            | "whereas"
            | "because"
            | "if"
            | "unless"
            | "although"
            | "though"
            | "so"
            | "then"
            | "there"
            | "here"
            | "it"
            | "its"
            | "he"
            | "she"
            | "they"
            | "them"
            | "their"
            | "his"
            | "her"
            | "him"
            | "we"
            | "us"
            | "our"
            | "you"
            | "your"
            | "i"
            | "me"
            | "my"
            | "not"
            | "no"
            | "also"
            | "still"
            | "just"
            | "now"
            | "only"
            | "even"
            | "more"
            | "most"
            | "less"
            | "least"
            | "each"
            | "every"
            | "all"
            | "both"
            | "either"
            | "neither"
            | "ago"
            | "earlier"
            | "later"
            | "too"
            | "very"
            | "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "set"
            | "put"
            | "cut"
            | "hit"
            | "made"
            | "make"
            | "makes"
            | "took"
            | "taken"
            | "take"
            | "gave"
            | "given"
            | "got"
            | "get"
            | "left"
            | "held"
            | "kept"
            | "went"
            | "gone"
            | "came"
            | "come"
            | "seen"
            | "saw"
            | "known"
            | "found"
            | "paid"
            | "sold"
            | "built"
            | "won"
            | "lost"
            | "led"
            | "sent"
            | "spent"
            | "brought"
            | "thought"
            | "shot"
            | "run"
            | "ran"
            | "become"
            | "became"
            | "began"
            | "begun"
            | "done"
            | "met"
            | "felt"
            | "fell"
            | "rose"
            | "hurt"
            | "dead"
            | "died"
            | "die"
            | "remain"
            | "remained"
            | "remains"
            | "fled"
            | "fought"
            | "sought"
            | "stood"
            | "struck"
            | "wrote"
            | "spoke"
            | "drove"
            | "flew"
            | "grew"
            | "knew"
            | "threw"
            | "swept"
            | "slept"
            | "dealt"
            | "meant"
            | "arose"
            | "shook"
            | "broke"
            | "chose"
            | "froze"
            | "stole"
            | "hid"
            | "fed"
            | "hung"
            | "sank"
            | "stuck"
            | "dug"
            | "heard"
            | "live"
            | "work"
            | "face"
            | "need"
            | "want"
            | "go"
            | "goes"
            | "see"
            | "according"
            | "including"
            | "yesterday"
            | "today"
            | "tomorrow"
            | "probably"
            | "however"
            | "already"
            | "again"
            | "ever"
            | "never"
            | "yet"
            | "once"
            | "whether"
            | "respectively"
            | "apiece"
            | "another"
            | "other"
            | "such"
            | "own"
            | "same"
            | "last"
            | "next"
            | "first"
    ) || negated_auxiliary(w)
        || text_lx::weekday(w).is_some()
}

/// Negated auxiliaries: "isn't", "don’t"; stripped text splits them
/// ("isn t", "don t"), leaving the stem.
fn negated_auxiliary(w: &str) -> bool {
    w.ends_with("n't")
        || w.ends_with("n’t")
        || matches!(
            w,
            "isn"
                | "aren"
                | "wasn"
                | "weren"
                | "don"
                | "doesn"
                | "didn"
                | "hasn"
                | "haven"
                | "hadn"
                | "wouldn"
                | "couldn"
                | "shouldn"
        )
}

/// Nouns ending in "-ly", "-ing" or "-ed" that the verb and adverb tests
/// would otherwise reject.
pub fn is_noun_exception(w: &str) -> bool {
    matches!(
        w,
        "family"
            | "families"
            | "assembly"
            | "supply"
            | "ally"
            | "rally"
            | "italy"
            | "july"
            | "reply"
            | "monopoly"
            | "anomaly"
            | "belly"
            | "bully"
            | "building"
            | "meeting"
            | "morning"
            | "evening"
            | "thing"
            | "king"
            | "ring"
            | "spring"
            | "string"
            | "wing"
            | "wedding"
            | "funding"
            | "training"
            | "housing"
            | "bombing"
            | "shooting"
            | "killing"
            | "hearing"
            | "ceiling"
            | "offering"
            | "opening"
            | "landing"
            | "rating"
            | "ruling"
            | "setting"
            | "spending"
            | "clothing"
            | "warning"
            | "uprising"
            | "undertaking"
            | "sibling"
            | "bed"
            | "red"
            | "shed"
            | "seed"
            | "speed"
            | "need"
            | "feed"
            | "hundred"
            | "creed"
            | "breed"
            | "greed"
            | "reed"
            | "weed"
    )
}

/// The indefinite article, which opens "a kilogram" and "a third of".
pub fn is_article(w: &str) -> bool {
    matches!(w, "a" | "an")
}

/// The first letters of the number words (lowercase ASCII): a word that
/// starts with another letter opens no number.
pub fn opens_number_word(first: u8) -> bool {
    matches!(
        first,
        b'z' | b'n' | b'o' | b't' | b'f' | b's' | b'e' | b'h' | b'm' | b'b' | b'd' | b'q'
    )
}

/// Units that "a" or "an" counts once: "a kilogram", "a dollar", "a litre".
/// Time units are left out ("a week" writes no number).
pub fn one_of_unit(w: &str) -> bool {
    matches!(
        w,
        "dollar"
            | "euro"
            | "yen"
            | "yuan"
            | "rupee"
            | "kilogram"
            | "kilo"
            | "kg"
            | "gram"
            | "litre"
            | "liter"
            | "millilitre"
            | "milliliter"
            | "ml"
            | "metre"
            | "meter"
            | "kilometre"
            | "kilometer"
            | "km"
            | "mile"
            | "gallon"
            | "lb"
            | "ounce"
            | "tonne"
            | "acre"
            | "hectare"
    )
}

/// A mark glued before digits that makes them a name or an elided year:
/// "'90", "’s 90s", "#1".
pub fn is_name_mark(w: &str) -> bool {
    matches!(w, "'" | "’" | "#")
}

/// Words before a clock time that lost its colon in stripped text ("at 10
/// 30", "until 9 45").
pub fn is_clock_preposition(w: &str) -> bool {
    matches!(
        w,
        "at" | "by" | "until" | "till" | "from" | "before" | "after" | "around" | "since"
    )
}

/// Words before "the" and a day of the month ("on the 21st", "for the
/// 27th").
pub fn is_day_preposition(w: &str) -> bool {
    matches!(
        w,
        "on" | "for" | "by" | "until" | "till" | "since" | "from" | "before" | "after"
    )
}

/// The words after an amount of time that make it a relative date: "ago",
/// "later", "from now", "before yesterday".
pub fn is_relative_date(a: &str, b: &str) -> bool {
    matches!(a, "ago" | "later" | "earlier" | "hence")
        || (matches!(a, "from" | "before" | "after")
            && matches!(b, "now" | "today" | "tomorrow" | "yesterday" | "then"))
}

/// A word that joins the ends of a range: "3 to 5", "2019 through 2021".
pub fn is_range_word(w: &str) -> bool {
    matches!(w, "to" | "through" | "thru")
}

/// "and" or a comma between the parts of one amount ("5 feet, 2 inches")
/// or two bounds ("more than 10 and less than 20").
pub fn is_list_joiner(w: &str) -> bool {
    matches!(w, "and" | ",")
}

/// Words after a glued m that make it metres: races and sizes ("the 100m
/// final", "1.8m tall", "a 10m fall").
pub fn is_size_word(w: &str) -> bool {
    matches!(
        w,
        "race"
            | "sprint"
            | "final"
            | "hurdles"
            | "freestyle"
            | "breaststroke"
            | "backstroke"
            | "butterfly"
            | "medley"
            | "relay"
            | "high"
            | "long"
            | "tall"
            | "deep"
            | "wide"
            | "away"
            | "fall"
            | "drop"
            | "long-jump"
            | "title"
    )
}

/// The inch after feet: "5 feet 2 inches", "6 ft 1 in".
pub fn is_inch_word(w: &str) -> bool {
    matches!(w, "inch" | "inches" | "in")
}

/// The cents after an amount of money ("3 dollars 50 cents").
pub const CENT_WORDS: &[&str] = &["cent", "cents", "pence"];

/// The smaller time unit after hours ("2 hours 30 minutes") or minutes ("5
/// minutes 10 seconds"); none after any other unit.
pub fn minor_time_words(unit: Option<&str>) -> &'static [&'static str] {
    match unit {
        Some("hour") => &["minute", "minutes", "min", "mins"],
        Some("minute") => &["second", "seconds", "sec", "secs"],
        _ => &[],
    }
}

/// The codes of temperature units, which "below zero" makes negative.
pub fn is_temperature_code(code: &str) -> bool {
    matches!(code, "deg" | "C" | "F")
}

/// How many of the words `a`, `b` after a time unit make it an age: "five
/// years old" (1), "95 years of age" (2), or none (0).
pub fn age_after(a: &str, b: &str) -> usize {
    match (a, b) {
        ("old", _) => 1,
        ("of", "age") => 2,
        _ => 0,
    }
}

/// A word before a number of years of age: "aged 87", "at age 65".
pub fn is_age_word(w: &str) -> bool {
    matches!(w, "age" | "aged")
}

/// "pound" and "pounds", money or weight.
pub fn is_pound_word(w: &str) -> bool {
    matches!(w, "pound" | "pounds")
}

/// Words before a number of pounds that make them weight: "lost 25
/// pounds", "the baby weighed two pounds".
pub fn is_weighing_word(w: &str) -> bool {
    matches!(
        w,
        "weigh"
            | "weighs"
            | "weighed"
            | "weighing"
            | "lose"
            | "loses"
            | "lost"
            | "losing"
            | "gain"
            | "gains"
            | "gained"
            | "gaining"
            | "shed"
            | "drop"
            | "dropped"
            | "dropping"
            | "baby"
            | "heavier"
            | "lighter"
    )
}

/// Words before a lone "one" that make it a pronoun: "the one", "no one",
/// "each one".
pub fn is_one_pronoun_det(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "this"
            | "that"
            | "which"
            | "any"
            | "every"
            | "each"
            | "no"
            | "some"
            | "someone"
            | "anyone"
            | "only"
            | "another"
            | "other"
    )
}

/// "point" or "points" after "percentage".
pub fn is_point_word(w: &str) -> bool {
    matches!(w, "point" | "points")
}

/// A word or sign of degrees ("degrees", "deg", "°").
pub fn is_degree_word(w: &str) -> bool {
    matches!(w, "degrees" | "degree" | "deg" | "°")
}

/// The temperature scale named after degrees: Celsius or Fahrenheit, with
/// their common misspellings.
pub fn degree_scale(w: &str) -> Option<&'static str> {
    match w {
        "celsius" | "c" | "centigrade" | "celcius" => Some("C"),
        "fahrenheit" | "f" | "farenheit" => Some("F"),
        _ => None,
    }
}

/// The area unit of "square" before a length unit ("square miles").
pub fn square_unit(length: &str) -> Option<&'static str> {
    match length {
        "km" => Some("km2"),
        "m" => Some("m2"),
        "mi" => Some("mi2"),
        "ft" => Some("ft2"),
        _ => None,
    }
}

/// The volume unit of "cubic" before a length unit ("cubic feet").
pub fn cubic_unit(length: &str) -> Option<&'static str> {
    match length {
        "m" => Some("m3"),
        "ft" => Some("ft3"),
        _ => None,
    }
}

/// The bracket that closes `open` ("(" -> ")"), for a unit in brackets.
pub fn closing_bracket(open: &str) -> Option<&'static str> {
    match open {
        "(" => Some(")"),
        "[" => Some("]"),
        "{" => Some("}"),
        "<" => Some(">"),
        _ => None,
    }
}

/// Words between a number and a time unit that keep it a duration: "two
/// more years", "5 extra minutes", "2 fewer days".
pub fn is_more_of_word(w: &str) -> bool {
    matches!(
        w,
        "more" | "additional" | "extra" | "further" | "less" | "fewer"
    )
}

/// Whether `w` reads as a nationality adjective by its ending ("finnish",
/// "dutch", "kenyan").
pub fn is_nationality(w: &str) -> bool {
    ["ish", "ian", "ese", "ch", "an", "ic", "i"]
        .iter()
        .any(|s| w.ends_with(s))
}

/// Currency codes that several countries' currencies share under one word
/// ("dollar", "pound", "dinar"): a nationality before them does not keep
/// the code.
pub fn is_shared_currency(code: &str) -> bool {
    matches!(
        code,
        "USD" | "GBP" | "CHF" | "SAR" | "IRR" | "dinar" | "peso"
    )
}

/// Words after a one-letter unit in stripped text that end its figure ("2 m
/// x 3 m", "3 l of water").
pub fn ends_a_letter_unit(w: &str) -> bool {
    matches!(w, "of" | "and" | "x")
}

/// "quarter" or "quarters".
pub fn is_quarter_word(w: &str) -> bool {
    matches!(w, "quarter" | "quarters")
}

/// How many of the words `a`, `b` after a percent make it a rate per year:
/// "annually" (1), "per year", "a year", "per annum" (2), or none (0).
pub fn per_year_words(a: &str, b: &str) -> usize {
    match (a, b) {
        ("annually", _) => 1,
        ("per" | "a" | "each", "year") | ("per", "annum") => 2,
        _ => 0,
    }
}

/// A word that makes "a year" before it a point in the past ("a year ago",
/// "a year earlier").
pub fn looks_back(w: &str) -> bool {
    matches!(w, "ago" | "earlier" | "before")
}

/// "a share", "per security", "a unit": a price per share.
pub fn is_per_share(a: &str, b: &str) -> bool {
    matches!(a, "a" | "per") && matches!(b, "share" | "security" | "unit")
}

/// Words between two prices of a rate ("11c to 17c a share").
pub fn joins_two_prices(w: &str) -> bool {
    matches!(w, "to" | "-" | "and")
}

/// "cent" or "cents" (not "pence", which no sign stands for).
pub fn is_cent_word(w: &str) -> bool {
    matches!(w, "cent" | "cents")
}

/// "per", "a" or "an" before the unit of a rate ("km per hour", "miles an
/// hour").
pub fn is_per_word(w: &str) -> bool {
    matches!(w, "per" | "an" | "a")
}

/// Currency codes that are also words or initials, so taken before a
/// number only in ordinary text ("RM 20", "Rs. 20").
pub fn is_word_in_stripped_text(w: &str) -> bool {
    matches!(w, "rm" | "rs" | "cad" | "sar")
}

/// Multipliers in one word without a number word inside: "twice", "thrice".
pub fn multiplier_word(w: &str) -> Option<f64> {
    match w {
        "twice" => Some(2.0),
        "thrice" => Some(3.0),
        _ => None,
    }
}

/// Words before "one in three" that make it a chart place ("number one").
pub fn is_rank_word(w: &str) -> bool {
    matches!(w, "number" | "no")
}

/// A sign in words: "minus sixty", "negative five".
pub fn is_sign_word(w: &str) -> bool {
    matches!(w, "minus" | "negative")
}

/// Percent words in one token, for the stripped lost decimal point ("9 1
/// percent").
pub fn is_percent_word(w: &str) -> bool {
    matches!(
        w,
        "percent" | "percents" | "pct" | "pc" | "%" | "percentage"
    )
}

/// Scale abbreviations apart from the number that show a stripped decimal
/// point was lost before them ("2 5 bn" = 2.5 billion).
pub fn lost_point_scale(w: &str) -> Option<f64> {
    match w {
        "bn" | "mn" | "mln" | "bln" | "tn" | "trn" => scale_abbrev(w),
        _ => None,
    }
}

/// Scale abbreviations that may stand apart after a number ("1.5 bn", "20
/// k"); a lone "m" is decided by its case.
pub fn is_spaced_scale(w: &str) -> bool {
    matches!(w, "bn" | "mn" | "mln" | "bln" | "tn" | "trn" | "tln" | "k")
}

/// The suffixes of an ordinal in digits ("1st", "4th").
pub fn is_ordinal_suffix(s: &str) -> bool {
    matches!(s, "st" | "nd" | "rd" | "th")
}

/// Glued letters that are a scale or a unit ("m" million or metres, "g"
/// giga or grams, "t" trillion or tonnes): not taken as a scale alone.
pub fn is_scale_or_unit_letter(s: &str) -> bool {
    matches!(s, "m" | "mm" | "g" | "t")
}

/// A glued "m" or "mm": million or metres (millimetres), decided by the
/// case and the words around.
pub fn is_million_or_metre(s: &str) -> bool {
    matches!(s, "m" | "mm")
}

/// "and" or "or" between two numbers or before a bound ("10 or more").
pub fn is_and_or(w: &str) -> bool {
    matches!(w, "and" | "or")
}

/// A word between a tally verb and the tally ("won by 3-1", "won a 2-1
/// victory").
pub fn links_tally_verb(w: &str) -> bool {
    matches!(w, "a" | "by")
}

/// Words after "half" that make it a share ("half of", "half a", "half
/// their").
pub fn is_after_half(w: &str) -> bool {
    matches!(
        w,
        "of" | "a" | "an" | "the" | "its" | "their" | "his" | "her"
    )
}

/// Words before "half" that make it a share ("more than half", "nearly
/// half", "at least half").
pub fn is_before_half(w: &str) -> bool {
    matches!(
        w,
        "than"
            | "about"
            | "nearly"
            | "almost"
            | "around"
            | "roughly"
            | "over"
            | "under"
            | "least"
            | "most"
            | "only"
            | "just"
    )
}

/// Determiners before "second" that may make it an ordinal ("the second
/// round", "its second").
pub fn is_second_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "its" | "his" | "her" | "their" | "our" | "my" | "your" | "a"
    )
}

/// What after "the second" leaves it no ordinal: the end, "of", "that".
pub fn ends_a_lone_second(w: &str) -> bool {
    matches!(w, "" | "of" | "that")
}

/// A verb of placing before an ordinal: "finished second", "came first".
pub fn is_placing_verb(w: &str) -> bool {
    matches!(
        w,
        "finished" | "finish" | "finishes" | "finishing" | "came" | "placed" | "ranked" | "ranks"
    )
}

/// Comparatives of more: "more than", "greater than or equal to".
pub fn is_more_word(w: &str) -> bool {
    matches!(w, "more" | "greater" | "higher" | "larger" | "bigger")
}

/// Comparatives of less: "less than", "fewer than".
pub fn is_less_word(w: &str) -> bool {
    matches!(w, "less" | "fewer" | "lower" | "smaller")
}

/// "than" or "to" closing a comparison ("more than", "equal to").
pub fn is_comparison_link(w: &str) -> bool {
    matches!(w, "than" | "to")
}

/// Bounds that before a duration say a span of time instead ("over three
/// years", "under two hours").
pub fn is_span_word(w: &str) -> bool {
    matches!(w, "over" | "under" | "above" | "below")
}

/// The bound a word after "or" or "and" sets: "10 or more", "65 and over",
/// "500 or fewer".
pub fn qualifier_after(w: &str) -> Option<super::Qualifier> {
    use super::Qualifier::*;
    Some(match w {
        "more" | "greater" | "higher" | "above" | "over" | "older" | "up" | "upwards" => AtLeast,
        "less" | "fewer" | "lower" | "below" | "under" | "younger" => AtMost,
        _ => return None,
    })
}

/// The bound words of [`qualifier_after`] that may follow "and" ("65 and
/// over"; not "and older").
pub fn bound_after_and(w: &str) -> bool {
    matches!(
        w,
        "more" | "above" | "over" | "up" | "upwards" | "less" | "below" | "under"
    )
}

/// Words after a bound that show it opens the next figure's qualifier
/// ("30 and less than or equal to 40").
pub fn continues_a_bound(w: &str) -> bool {
    matches!(w, "or" | "equal" | "than" | "to")
}

/// The possessive ending, a token of its own ("Iran 's", stripped "iran
/// s").
pub fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "’s" | "s")
}

/// Determiners after the "of" of a partitive ("two of the officials").
pub fn is_partitive_determiner(w: &str) -> bool {
    matches!(
        w,
        "the" | "its" | "their" | "his" | "her" | "our" | "these" | "those" | "all" | "them"
    )
}

/// Auxiliaries before a participle after a figure ("100 have reported").
pub fn is_participle_auxiliary(w: &str) -> bool {
    matches!(w, "have" | "has" | "had" | "were" | "are")
}

/// Participles of harm not ending in "-ed" ("have suffered", "have lost").
pub fn is_injury_participle(w: &str) -> bool {
    matches!(w, "suffered" | "lost" | "sustained")
}

/// Prepositions between a verb and an amount ("dropped by 5%", "stood at
/// 4%").
pub fn is_amount_preposition(w: &str) -> bool {
    matches!(w, "by" | "at" | "to")
}

/// Copulas and verbs of amount before a figure, whose subject it counts
/// ("the stockpile was 1,510 kg", "sales totalled $5m").
pub fn is_amount_copula(w: &str) -> bool {
    matches!(
        w,
        "was"
            | "is"
            | "were"
            | "are"
            | "stood"
            | "stands"
            | "totalled"
            | "totaled"
            | "totals"
            | "reached"
            | "hit"
            | "topped"
    )
}

/// The yuan and yen signs, letters glued after digits ("100元").
pub fn is_glued_currency_letter(s: &str) -> bool {
    matches!(s, "元" | "円")
}
