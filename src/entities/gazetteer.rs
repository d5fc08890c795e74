//! Gazetteers: name lists matched against a document's words.
//!
//! Entries and text are compared in the *stripped* normal form (lowercase,
//! every character outside `[0-9a-z]` a separator), so "U.S. Army" in
//! ordinary text and "u s army" in stripped text match the same entry. The
//! compiled lexicon (`data/gazetteers.txt`, built by `newsmine-train ner
//! --gazetteers`) holds one `FLAGS<TAB>K REST` line per normalized entry in
//! sorted order, front coded: the entry is the first `K` bytes of the one
//! before (`K` one base-36 digit) followed by `REST`; `FLAGS` is a hex bit set
//! of [`GazClass`]es.

use crate::learn::{hash_bytes, mix, FeatureMap};
#[cfg(feature = "training")]
use crate::text::Doc;

/// The lists a gazetteer entry can belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
// The name lists are read as bits: only their compiler (`training`) names
// every class.
#[cfg_attr(not(feature = "training"), allow(dead_code))]
pub enum GazClass {
    Loc = 0,
    Country = 1,
    Org = 2,
    Corp = 3,
    Agency = 4,
    University = 5,
    FirstName = 6,
    LastName = 7,
    Title = 8,
    /// Full names of world leaders and officials.
    Person = 9,
    /// Places of every size (GeoNames places of 1,000 people or more,
    /// subdivisions of every country).
    Place = 10,
}

/// Number of [`GazClass`]es.
pub const GAZ_CLASSES: usize = 11;

#[cfg(feature = "training")]
impl GazClass {
    /// Every class, in the order of their bits.
    pub const ALL: [GazClass; GAZ_CLASSES] = {
        use GazClass::*;
        [
            Loc, Country, Org, Corp, Agency, University, FirstName, LastName, Title, Person, Place,
        ]
    };
}

/// Longest entry kept, in normalized words.
pub const MAX_WORDS: usize = 4;

/// A compiled lexicon: hashes of normalized entries (and of their proper
/// prefixes, so matching stops early) to class bits.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Entry hash -> class bits; bit 15 marks "a longer entry starts so".
    map: FeatureMap<u16>,
}

const PREFIX: u16 = 1 << 15;

/// Splits `s` into normalized words (see the module docs), calling `f` on each.
pub fn normalized_words(s: &str, mut f: impl FnMut(&str)) {
    let mut buf = String::new();
    for ch in s.chars().flat_map(char::to_lowercase) {
        if ch.is_ascii_alphanumeric() {
            buf.push(ch);
        } else if !buf.is_empty() {
            f(&buf);
            buf.clear();
        }
    }
    if !buf.is_empty() {
        f(&buf);
    }
}

/// Appends the hashes of `s`'s normalized words to `out` (no allocation for
/// words up to 64 characters).
pub fn normalized_word_hashes(s: &str, out: &mut Vec<u64>) {
    let mut buf = [0u8; 64];
    let mut len = 0;
    let mut long = Vec::new();
    let flush = |buf: &[u8], long: &mut Vec<u8>, out: &mut Vec<u64>| {
        if long.is_empty() {
            out.push(word_hash(buf));
        } else {
            out.push(word_hash(long));
            long.clear();
        }
    };
    for ch in s.chars().flat_map(char::to_lowercase) {
        if ch.is_ascii_alphanumeric() {
            if len < buf.len() {
                buf[len] = ch as u8;
                len += 1;
            } else {
                if long.is_empty() {
                    long.extend_from_slice(&buf);
                }
                long.push(ch as u8);
            }
        } else if len > 0 {
            flush(&buf[..len], &mut long, out);
            len = 0;
        }
    }
    if len > 0 {
        flush(&buf[..len], &mut long, out);
    }
}

fn word_hash(w: &[u8]) -> u64 {
    hash_bytes(0x5151, w)
}

/// The key of a word sequence: `START`, then one [`step`] per word hash, so
/// the key of each word's hash can be computed once per word type.
fn step(h: u64, word: u64) -> u64 {
    mix(h, word)
}

const START: u64 = 0x00C0_FFEE;

/// The non-empty lines of a compiled-in table (split with `memchr`: the
/// tables have hundreds of thousands of short lines, and load time counts).
pub(crate) fn table_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .chain(std::iter::once(text.len()))
        .filter_map(move |end| {
            let line = text.get(start..end)?;
            start = end + 1;
            Some(line.strip_suffix('\r').unwrap_or(line)).filter(|l| !l.is_empty())
        })
}

impl Lexicon {
    /// Parses the compiled text format.
    pub fn parse(text: &str) -> Lexicon {
        let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
        let mut map = FeatureMap::with_capacity_and_hasher(lines * 3 / 2, Default::default());
        let mut entry = String::new();
        for line in table_lines(text) {
            let Some((flags, coded)) = line.split_once('\t') else {
                continue;
            };
            let Ok(flags) = u16::from_str_radix(flags, 16) else {
                continue;
            };
            let mut chars = coded.chars();
            let Some(shared) = chars.next().and_then(|c| c.to_digit(36)) else {
                continue;
            };
            if shared as usize > entry.len() || !entry.is_char_boundary(shared as usize) {
                continue;
            }
            entry.truncate(shared as usize);
            entry.push_str(chars.as_str());
            let mut h = START;
            let mut words = entry.as_bytes().split(|&b| b == b' ').peekable();
            while let Some(w) = words.next() {
                h = step(h, word_hash(w));
                let v = map.entry(h).or_insert(0u16);
                if words.peek().is_some() {
                    *v |= PREFIX;
                } else {
                    *v |= flags & !PREFIX;
                }
            }
        }
        Lexicon { map }
    }

    /// The classes (bit `c` for [`GazClass`] `c`) of the entry `name`, in any
    /// case and punctuation; 0 for a name no list has.
    pub fn classes(&self, name: &str) -> u16 {
        let mut hashes = Vec::new();
        normalized_word_hashes(name, &mut hashes);
        let h = hashes.iter().fold(START, |h, &w| step(h, w));
        self.map.get(&h).map_or(0, |v| v & !PREFIX)
    }

    /// Number of hashed keys (entries and prefixes).
    #[cfg(feature = "training")]
    pub fn len(&self) -> usize {
        self.map.len()
    }

    #[cfg(feature = "training")]
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// For each token of `doc`, for each class, the BILOU position (1..=4 for
    /// B, I, L, U; 0: none) of the longest match of that class covering it.
    #[cfg(feature = "training")]
    pub fn matches(&self, doc: &Doc) -> Vec<[u8; GAZ_CLASSES]> {
        let mut words = Vec::with_capacity(doc.tokens.len() + 8);
        let mut hashes = Vec::new();
        for (i, t) in doc.tokens.iter().enumerate() {
            hashes.clear();
            normalized_word_hashes(t.text(doc.text), &mut hashes);
            words.extend(hashes.iter().map(|&h| (h, i as u32)));
        }
        let (mut out, mut best) = (Vec::new(), Vec::new());
        self.match_words(&words, doc.tokens.len(), &mut out, &mut best);
        out
    }

    /// [`Lexicon::matches`] over normalized-word hashes, each with the token
    /// it comes from (ascending), for `n` tokens: one left-to-right scan
    /// that follows each start as far as some entry continues (the lexicon
    /// keeps every entry's prefixes). `out` gets `n` entries; `best` is scratch.
    pub fn match_words(
        &self,
        words: &[(u64, u32)],
        n: usize,
        out: &mut Vec<[u8; GAZ_CLASSES]>,
        best_len: &mut Vec<[u8; GAZ_CLASSES]>,
    ) {
        out.clear();
        out.resize(n, [0; GAZ_CLASSES]);
        best_len.clear();
        best_len.resize(n, [0; GAZ_CLASSES]);
        if self.map.is_empty() {
            return;
        }
        for s in 0..words.len() {
            let mut h = START;
            for e in s..words.len().min(s + MAX_WORDS) {
                h = step(h, words[e].0);
                let Some(&v) = self.map.get(&h) else { break };
                let flags = v & !PREFIX;
                if flags != 0 {
                    let (t0, t1) = (words[s].1 as usize, words[e].1 as usize);
                    // A match must cover whole tokens.
                    let whole = (s == 0 || words[s - 1].1 as usize != t0)
                        && (e + 1 == words.len() || words[e + 1].1 as usize != t1);
                    if whole {
                        let len = (t1 - t0 + 1).min(255) as u8;
                        for c in 0..GAZ_CLASSES {
                            if flags & (1 << c) == 0 {
                                continue;
                            }
                            for t in t0..=t1 {
                                if len > best_len[t][c] {
                                    best_len[t][c] = len;
                                    out[t][c] = if t0 == t1 {
                                        4
                                    } else if t == t0 {
                                        1
                                    } else if t == t1 {
                                        3
                                    } else {
                                        2
                                    };
                                }
                            }
                        }
                    }
                }
                if v & PREFIX == 0 {
                    break;
                }
            }
        }
    }
}

/// Builds the compiled lexicon text from the raw lists in `dirs` (the layout
/// of `../shared/data/ner/gazetteers`, and the `extra.*` lists that
/// `gazetteer_lists.py` writes; each list is read from the first folder that
/// has it). `common` says whether a single word is
/// a common lowercase word (in ordinary news text); such single-word entries
/// ("will", "may", "home") are dropped from the name lists.
#[cfg(feature = "training")]
pub fn compile(
    dirs: &[std::path::PathBuf],
    common: &dyn Fn(&str) -> bool,
) -> std::io::Result<String> {
    use std::collections::BTreeMap;
    use GazClass::*;
    const LISTS: &[(&str, &[GazClass])] = &[
        ("WikiLocations.lst", &[Loc]),
        ("cities15000.txt", &[Loc]),
        ("location.country", &[Loc, Country]),
        ("WikiOrganizations.lst", &[Org]),
        ("government.government_agency", &[Org, Agency]),
        ("education.university", &[Org, University]),
        ("known_corporations.lst", &[Org, Corp]),
        ("venture_capital.venture_funded_company", &[Corp]),
        ("firstname.5k", &[FirstName]),
        ("names.female", &[FirstName]),
        ("names.male", &[FirstName]),
        ("lastname.5k", &[LastName]),
        ("names.family", &[LastName]),
        ("people.family_name", &[LastName]),
        ("VincentNgPeopleTitles.txt", &[Title]),
        ("extra.places", &[Place]),
        ("extra.orgs", &[Org]),
        ("extra.universities", &[Org, University]),
        ("extra.corporations", &[Org, Corp]),
        ("extra.people", &[Person]),
    ];
    // Left out by measurement (src/entities/README.md): corporations.txt,
    // people.person.lastnames and the Wikipedia redirect lists (mostly
    // run-together junk: "AbensbergGermany").
    const JUNK_PREFIXES: &[&str] = &[
        "list of",
        "economy of",
        "history of",
        "geography of",
        "politics of",
        "demographics of",
        "culture of",
        "transport in",
        "transportation in",
        "communications in",
        "foreign relations of",
        "military of",
        "flag of",
        "education in",
    ];
    let mut entries: BTreeMap<String, u16> = BTreeMap::new();
    for (file, classes) in LISTS {
        let Some(bytes) = dirs.iter().find_map(|d| std::fs::read(d.join(file)).ok()) else {
            eprintln!("lexicon: {file} missing, skipped");
            continue;
        };
        // Some lists are Latin-1.
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
        };
        let bits = classes.iter().fold(0u16, |b, c| b | 1 << (*c as u8));
        let person = classes.iter().any(|c| matches!(c, FirstName | LastName));
        let loc = classes.contains(&Loc) || classes.contains(&Place);
        for raw in text.lines() {
            let raw = raw.trim_start_matches('\u{feff}').trim();
            if raw.contains(':') || raw.contains('/') || raw.contains('(') || !raw.is_ascii() {
                continue; // Wikipedia namespaces, paths, disambiguations
            }
            // "West Seneca, NY" -> "West Seneca" for places.
            let raw = if loc {
                raw.split(',').next().unwrap_or("")
            } else {
                raw
            };
            let mut words = Vec::new();
            normalized_words(raw, |w| words.push(w.to_string()));
            if words.is_empty() || words.len() > MAX_WORDS {
                continue;
            }
            let joined = words.join(" ");
            if joined.len() < 2
                || joined.len() > 30
                || JUNK_PREFIXES.iter().any(|p| joined.starts_with(p))
            {
                continue;
            }
            if words.iter().all(|w| w.bytes().all(|b| b.is_ascii_digit())) {
                continue;
            }
            if classes != &[Title] && words.len() == 1 && common(&joined) {
                continue;
            }
            // Person-name lists hold single words only; long lists of rare
            // surnames help little, so very long ones are cut.
            if person && (words.len() > 1 || joined.len() > 14) {
                continue;
            }
            *entries.entry(joined).or_insert(0) |= bits;
        }
    }
    let mut out = String::new();
    let mut prev = String::new();
    for (e, bits) in entries {
        // Front coding: the entries are sorted, so each shares a prefix
        // with the one before; write its length and the rest.
        let shared = e
            .bytes()
            .zip(prev.bytes())
            .take_while(|(a, b)| a == b)
            .count()
            .min(35);
        let k = char::from_digit(shared as u32, 36).unwrap_or('0');
        out.push_str(&format!("{bits:x}\t{k}{}\n", &e[shared..]));
        prev = e;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "training")]
    #[test]
    fn all_classes_in_bit_order() {
        for (i, c) in GazClass::ALL.iter().enumerate() {
            assert_eq!(*c as usize, i, "{c:?}");
        }
    }

    #[test]
    fn front_coded_entries() {
        let lex = Lexicon::parse("1\t0new york\n4\t5ork times\n1\t4zealand\n");
        let doc = Doc::new("new york times and new zealand");
        let m = lex.matches(&doc);
        assert_eq!(m[2][GazClass::Org as usize], 3);
        assert_eq!(m[5][GazClass::Loc as usize], 3);
    }

    #[test]
    fn matches_across_forms() {
        let lex = Lexicon::parse("4\t0u s army\n1\t0paris\n1\t0united states\n");
        let doc = Doc::new("The U.S. Army left Paris for the United States.");
        let m = lex.matches(&doc);
        let toks: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.token_text(i)).collect();
        let at = |w: &str| m[toks.iter().position(|t| *t == w).unwrap()];
        assert_eq!(at("U.S.")[GazClass::Org as usize], 1);
        assert_eq!(at("Army")[GazClass::Org as usize], 3);
        assert_eq!(at("Paris")[GazClass::Loc as usize], 4);
        assert_eq!(at("United")[GazClass::Loc as usize], 1);
        let doc = Doc::new("the u s army left paris");
        let m = lex.matches(&doc);
        assert_eq!(m[1][GazClass::Org as usize], 1);
        assert_eq!(m[2][GazClass::Org as usize], 2);
        assert_eq!(m[3][GazClass::Org as usize], 3);
    }
}
