//! A self-contained HTML view of an article for notebooks: entities, figures
//! and quotes highlighted in distinct colours, details on hover. All article
//! text is escaped.

use std::fmt::Write;

use crate::entities::EntityLabel;
use crate::Article;

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

fn entity_colour(label: EntityLabel) -> &'static str {
    match label {
        EntityLabel::Per => "#ffd6a5",
        EntityLabel::Org => "#bde0fe",
        EntityLabel::Loc => "#caffbf",
        EntityLabel::Misc => "#e0c3fc",
        EntityLabel::Date => "#fdffb6",
    }
}

/// One highlighted piece of text: style and hover title.
struct Mark {
    start: usize,
    end: usize,
    style: &'static str,
    colour: &'static str,
    title: String,
}

/// Renders `article` (extracted from `text`) as an HTML fragment.
pub fn article_html(text: &str, article: &Article) -> String {
    let mut marks = Vec::new();
    for q in &article.quotes {
        let speaker = q.speaker.as_deref().unwrap_or("unknown");
        marks.push(Mark {
            start: q.start,
            end: q.end,
            style: "border-bottom:2px solid #e76f51;",
            colour: "",
            title: format!("quote by {speaker}"),
        });
    }
    for e in &article.entities {
        marks.push(Mark {
            start: e.start,
            end: e.end,
            style: "padding:0 2px;border-radius:3px;",
            colour: entity_colour(e.label),
            title: format!("{} \u{2192} {}", e.label.as_str(), e.canonical),
        });
    }
    for f in &article.figures {
        let value = f.value.map_or("?".to_string(), |v| v.to_string());
        marks.push(Mark {
            start: f.start,
            end: f.end,
            style: "outline:1px solid #2a9d8f;border-radius:3px;",
            colour: "",
            title: format!("{} {value} {}", f.kind.as_str(), f.unit.unwrap_or("")),
        });
    }
    // Cut the text at every mark boundary; style each piece by the marks over it.
    let mut cuts: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    cuts.extend([0, text.len()]);
    cuts.retain(|&c| c <= text.len() && text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() * 2 + 512);
    out.push_str(
        "<div class=\"newsmine-article\" style=\"font-family:sans-serif;line-height:1.7;white-space:normal\">",
    );
    let _ = write!(
        out,
        "<div style=\"font-size:smaller;color:#666\">{} text \u{b7} {} entities \u{b7} {} figures \u{b7} {} quotes</div>",
        article.form.as_str(),
        article.entities.len(),
        article.figures.len(),
        article.quotes.len()
    );
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let over: Vec<&Mark> = marks
            .iter()
            .filter(|m| m.start <= a && b <= m.end)
            .collect();
        if over.is_empty() {
            escape(&mut out, &text[a..b]);
            continue;
        }
        let mut style = String::new();
        let mut title = String::new();
        for m in &over {
            style.push_str(m.style);
            if !m.colour.is_empty() {
                let _ = write!(style, "background:{};", m.colour);
            }
            if !title.is_empty() {
                title.push_str(" | ");
            }
            title.push_str(&m.title);
        }
        out.push_str("<span style=\"");
        out.push_str(&style);
        out.push_str("\" title=\"");
        escape(&mut out, &title);
        out.push_str("\">");
        escape(&mut out, &text[a..b]);
        out.push_str("</span>");
    }
    out.push_str("</div>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Entity;

    #[test]
    fn escapes_text_and_marks_entities() {
        let text = "<script>alert(1)</script> Paris";
        let article = Article {
            entities: vec![Entity {
                start: 26,
                end: 31,
                label: EntityLabel::Loc,
                canonical: "Paris".into(),
            }],
            ..Article::default()
        };
        let html = article_html(text, &article);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("title=\"LOC \u{2192} Paris\">Paris</span>"));
    }
}
