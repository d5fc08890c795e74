//! Closed word classes that more than one extractor reads: calendar and
//! clock words, abbreviations that take a period, the titles that stand
//! before a person's name, function words, and the auxiliaries and adverbs
//! between a subject and its verb. Every word is lowercase; an extractor's
//! own word classes live in its own lexicon (`figures::lexicon`,
//! `quotes::lex`).

/// Weekday names, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Weekday abbreviations ("thurs").
const WEEKDAY_ABBREVIATIONS: &[&str] = &[
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month abbreviations and their month numbers.
const MONTH_ABBREVIATIONS: &[(&str, u8)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Titles abbreviated before a name ("Gen. Smith").
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "adm",
    "cmdr", "gov", "sen", "rep", "rev", "fr", "st", "sr", "jr", "pres", "supt", "insp", "det",
    "hon",
];

/// Other abbreviations that take a period without ending a sentence.
const OTHER_ABBREVIATIONS: &[&str] = &[
    "mt", "ft", "inc", "corp", "co", "ltd", "bros", "no", "nos", "vs", "v", "etc", "approx",
    "dept", "univ", "assn", "est", "fig", "vol", "ave", "blvd", "rd",
];

/// Function words: determiners, pronouns, prepositions, conjunctions and
/// auxiliaries ("s" and "t" are the possessive and negation of stripped
/// text).
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "that", "which", "who", "what", "where", "when",
    "how", "and", "or", "but", "nor", "so", "than", "then", "if", "while", "as", "of", "to", "in",
    "on", "at", "by", "for", "with", "from", "into", "onto", "over", "under", "after", "before",
    "until", "since", "during", "through", "about", "around", "against", "between", "among",
    "amid", "despite", "via", "per", "up", "down", "out", "off", "it", "its", "he", "she", "they",
    "we", "i", "you", "his", "her", "their", "our", "my", "your", "him", "them", "us", "is", "are",
    "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "shall", "should",
    "can", "could", "may", "might", "must", "do", "does", "did", "not", "no", "also", "only",
    "there", "all", "both", "each", "some", "any", "s", "t",
];

/// Words that title a person and are not part of the name ("president",
/// "gen", "ayatollah"), the words of compound titles included ("prime",
/// "foreign", "vice").
const PERSON_TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "gen",
    "general",
    "lt",
    "lieutenant",
    "col",
    "colonel",
    "maj",
    "major",
    "capt",
    "captain",
    "sgt",
    "sergeant",
    "adm",
    "admiral",
    "cmdr",
    "commander",
    "president",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "secretary",
    "minister",
    "prime",
    "chancellor",
    "chairman",
    "sir",
    "lord",
    "dame",
    "rev",
    "reverend",
    "judge",
    "justice",
    "ambassador",
    "officer",
    "gens",
    "marshal",
    "vice",
    "deputy",
    "defense",
    "defence",
    "foreign",
    "state",
    "ayatollah",
    "sheikh",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
];

/// Whether `w`, after a number, makes it a time of day ("10 am", "1030
/// gmt").
pub fn is_clock_word(w: &str) -> bool {
    matches!(
        w,
        "am" | "pm"
            | "a.m"
            | "p.m"
            | "a.m."
            | "p.m."
            | "gmt"
            | "utc"
            | "bst"
            | "est"
            | "edt"
            | "cet"
            | "pst"
            | "pdt"
            | "oclock"
            | "o'clock"
    )
}

/// The month number (January 1) of a month name or abbreviation.
pub fn month(w: &str) -> Option<u8> {
    if let Some(i) = MONTHS.iter().position(|m| *m == w) {
        return Some(i as u8 + 1);
    }
    MONTH_ABBREVIATIONS
        .iter()
        .find(|(a, _)| *a == w)
        .map(|&(_, m)| m)
}

/// Whether `w` is a month abbreviation ("sept").
pub fn is_month_abbreviation(w: &str) -> bool {
    MONTH_ABBREVIATIONS.iter().any(|(a, _)| *a == w)
}

/// The weekday number (Monday 0) of a weekday name.
pub fn weekday(w: &str) -> Option<usize> {
    WEEKDAYS.iter().position(|d| *d == w)
}

/// Whether `w` is a weekday abbreviation ("thurs").
pub fn is_weekday_abbreviation(w: &str) -> bool {
    WEEKDAY_ABBREVIATIONS.contains(&w)
}

/// Whether `w` is a title written before a name and abbreviated ("gen").
pub fn is_title_abbreviation(w: &str) -> bool {
    TITLE_ABBREVIATIONS.contains(&w)
}

/// Whether `w` takes a period without ending a sentence ("Gen.", "Jan.",
/// "Inc."); `w` in any case.
pub fn is_abbreviation(w: &str) -> bool {
    let low;
    let w = if w.bytes().any(|b| b.is_ascii_uppercase()) {
        low = w.to_ascii_lowercase();
        low.as_str()
    } else {
        w
    };
    is_title_abbreviation(w)
        || is_month_abbreviation(w)
        || is_weekday_abbreviation(w)
        || OTHER_ABBREVIATIONS.contains(&w)
}

/// Whether `w` is a function word ("the", "of", "was").
pub fn is_function_word(w: &str) -> bool {
    FUNCTION_WORDS.contains(&w)
}

/// Auxiliaries and adverbs between a subject and its verb ("has also
/// said", "had been saying", "later told", "oil has already dropped").
pub fn is_aux_or_adverb(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "having"
            | "been"
            | "was"
            | "were"
            | "is"
            | "are"
            | "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "also"
            | "later"
            | "then"
            | "again"
            | "recently"
            | "previously"
            | "repeatedly"
            | "reportedly"
            | "publicly"
            | "privately"
            | "once"
            | "often"
            | "earlier"
            | "already"
            | "further"
            | "just"
            | "even"
            | "still"
            | "now"
            | "simply"
            | "flatly"
            | "bluntly"
            | "quietly"
            | "openly"
            | "frequently"
            | "first"
            | "last"
            | "long"
            | "however"
    )
}

/// Whether `w` picks a part of a period ("early 2019", "mid March", "late
/// this year").
pub fn is_period_part(w: &str) -> bool {
    matches!(w, "early" | "mid" | "late")
}

/// Whether `w` is a season ("last summer").
pub fn is_season(w: &str) -> bool {
    matches!(w, "spring" | "summer" | "autumn" | "fall" | "winter")
}

/// Whether `w` puts the clause around a date in the future ("will",
/// "due", "plans to").
pub fn is_future_marker(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "ll"
            | "shall"
            | "due"
            | "scheduled"
            | "expected"
            | "plans"
            | "planned"
            | "upcoming"
            | "until"
            | "next"
            | "tomorrow"
    )
}

/// Whether `w` titles a person without being part of the name.
pub fn is_person_title(w: &str) -> bool {
    PERSON_TITLES.contains(&w)
}

/// Words for landforms that open a place's name ("Mount Kenya", "Lake
/// Biwa", "Cape Town"); `stripped`: those a name may follow in stripped
/// text, where "cape" is as often a garment.
pub fn is_place_prefix(w: &str, stripped: bool) -> bool {
    matches!(w, "mount" | "mt" | "lake") || (!stripped && w == "cape")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_words() {
        assert_eq!(month("march"), Some(3));
        assert_eq!(month("sept"), Some(9));
        assert_eq!(month("mayday"), None);
        assert_eq!(weekday("sunday"), Some(6));
        assert!(is_weekday_abbreviation("thurs") && !is_weekday_abbreviation("thursday"));
    }

    #[test]
    fn abbreviations_in_any_case() {
        for w in ["Gen", "JAN", "inc", "thurs"] {
            assert!(is_abbreviation(w), "{w}");
        }
        assert!(!is_abbreviation("General"));
    }
}
