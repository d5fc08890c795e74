//! A self-contained HTML view of an article for notebooks: entities, figures
//! and quotes highlighted in distinct colours with a legend, each item's tag
//! (label, kind, speaker) written after it, details on hover. All article
//! text is escaped.

use std::fmt::Write;

use crate::text::Form;

fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
}

/// What a highlight marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layer {
    Quote,
    /// An entity with its label ("PER", "DATE", ...).
    Entity(String),
    Figure,
}

/// One highlighted span (`text[start..end]` in bytes) with the tag written
/// after it and its hover title.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    pub start: usize,
    pub end: usize,
    pub layer: Layer,
    pub tag: String,
    pub title: String,
}

/// The legend's entries: what each colour marks.
const LEGEND: [(&str, &str); 7] = [
    ("PER", "person"),
    ("ORG", "organisation"),
    ("LOC", "place"),
    ("MISC", "other name"),
    ("DATE", "date"),
    ("figure", "figure"),
    ("quote", "quote"),
];

impl Layer {
    fn of_legend(key: &str) -> Layer {
        match key {
            "figure" => Layer::Figure,
            "quote" => Layer::Quote,
            label => Layer::Entity(label.into()),
        }
    }

    fn style(&self) -> &'static str {
        match self {
            Layer::Quote => "border-bottom:2px solid #e76f51;",
            Layer::Figure => "outline:1px solid #2a9d8f;border-radius:3px;",
            Layer::Entity(label) => match label.as_str() {
                "PER" => "background:#ffd6a5;border-radius:3px;",
                "ORG" => "background:#bde0fe;border-radius:3px;",
                "LOC" => "background:#caffbf;border-radius:3px;",
                "DATE" => "background:#fdffb6;border-radius:3px;",
                _ => "background:#e0c3fc;border-radius:3px;",
            },
        }
    }
}

/// Renders `text` with `highlights` as an HTML fragment.
pub fn html(text: &str, form: Form, highlights: &[Highlight]) -> String {
    let count = |f: fn(&Layer) -> bool| highlights.iter().filter(|h| f(&h.layer)).count();
    // Cut the text at every boundary; style each piece by the highlights over it.
    let mut cuts: Vec<usize> = highlights.iter().flat_map(|h| [h.start, h.end]).collect();
    cuts.extend([0, text.len()]);
    cuts.retain(|&c| c <= text.len() && text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() * 2 + 512);
    out.push_str(
        "<div class=\"newsmine-article\" style=\"font-family:sans-serif;line-height:1.7\">",
    );
    let _ = write!(
        out,
        "<div style=\"font-size:smaller;color:#666\">{} text \u{b7} {} entities \u{b7} {} figures \u{b7} {} quotes</div>",
        form.as_str(),
        count(|l| matches!(l, Layer::Entity(_))),
        count(|l| *l == Layer::Figure),
        count(|l| *l == Layer::Quote),
    );
    out.push_str("<div style=\"font-size:smaller;margin:2px 0 6px\">");
    for (key, what) in LEGEND {
        let _ = write!(
            out,
            "<span style=\"{}padding:0 4px;margin-right:6px\">{key}: {what}</span>",
            Layer::of_legend(key).style()
        );
    }
    out.push_str("</div>");
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let mut over = highlights
            .iter()
            .filter(|h| h.start <= a && b <= h.end)
            .peekable();
        if over.peek().is_none() {
            escape(&mut out, &text[a..b]);
            continue;
        }
        let mut style = String::new();
        let mut title = String::new();
        for h in over {
            style.push_str(h.layer.style());
            if !title.is_empty() {
                title.push_str(" | ");
            }
            title.push_str(&h.title);
        }
        let _ = write!(out, "<span style=\"{style}\" title=\"");
        escape(&mut out, &title);
        out.push_str("\">");
        escape(&mut out, &text[a..b]);
        out.push_str("</span>");
        // Tags of the items ending here, innermost (entities, figures) first.
        let ending = highlights.iter().filter(|h| h.end == b && h.start < b);
        let (quotes, items): (Vec<&Highlight>, Vec<&Highlight>) =
            ending.partition(|h| h.layer == Layer::Quote);
        for h in items.into_iter().chain(quotes) {
            out.push_str("<sup style=\"font-size:0.65em;color:#555;margin-left:1px\">");
            escape(&mut out, &h.tag);
            out.push_str("</sup>");
        }
    }
    out.push_str("</div>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_marks_entities() {
        let text = "<script>alert(1)</script> Paris";
        let marks = [Highlight {
            start: 26,
            end: 31,
            layer: Layer::Entity("LOC".into()),
            tag: "LOC".into(),
            title: "LOC \u{2192} Paris".into(),
        }];
        let html = html(text, Form::Ordinary, &marks);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("title=\"LOC \u{2192} Paris\">Paris</span><sup"));
        assert!(
            html.contains(">LOC</sup>"),
            "the label shows without hovering"
        );
        for (key, what) in LEGEND {
            assert!(
                html.contains(&format!("{key}: {what}</span>")),
                "legend has {key}"
            );
        }
    }
}
