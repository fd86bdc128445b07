//! Raw HTML inside Markdown: what text of it a reader should see. Tags and comments are
//! dropped, the contents of script/style elements too, and common entities are decoded.

/// The visible text of an HTML fragment, whitespace collapsed; empty when there is none
/// (comments such as Node.js's `<!-- YAML ... -->` metadata, `<a id=..>` anchors, `<br>`).
pub fn visible_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let tail = &rest[lt..];
        rest = if let Some(body) = tail.strip_prefix("<!--") {
            body.find("-->").map_or("", |e| &body[e + 3..])
        } else if let Some(skipped) = skip_raw_element(tail) {
            skipped
        } else if looks_like_tag(tail) {
            out.push(' ');
            tail.find('>').map_or("", |e| &tail[e + 1..])
        } else {
            out.push('<');
            &tail[1..]
        };
    }
    out.push_str(rest);
    collapse_whitespace(&decode_entities(&out))
}

/// A tag starts with a letter, '/', '!' or '?' right after '<'; "a < b" is text.
fn looks_like_tag(s: &str) -> bool {
    s[1..].chars().next().is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
}

/// For `<script ...>...</script>` and `<style>`, the text after the element.
fn skip_raw_element(s: &str) -> Option<&str> {
    for name in ["script", "style"] {
        let head = s.get(1..1 + name.len())?;
        if head.eq_ignore_ascii_case(name) {
            let close = format!("</{name}");
            let lower = s.to_ascii_lowercase();
            return Some(match lower.find(&close) {
                Some(i) => s[i..].find('>').map_or("", |e| &s[i + e + 1..]),
                None => "",
            });
        }
    }
    None
}

/// Decode the handful of entities that appear in hand-written HTML blocks.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let semi = tail.find(';').filter(|&i| i <= 10);
        let decoded = semi.and_then(|i| entity(&tail[1..i]));
        match (semi, decoded) {
            (Some(i), Some(c)) => {
                out.push(c);
                rest = &tail[i + 1..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "copy" => '©',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        _ => return None,
    })
}

fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_comments_and_scripts_vanish() {
        assert_eq!(visible_text("<!-- YAML\nadded: v1\n-->\n"), "");
        assert_eq!(visible_text("<details><summary>More &amp; less</summary>"), "More & less");
        assert_eq!(visible_text("<script>alert(1)</script>after"), "after");
        assert_eq!(visible_text("a < b"), "a < b");
        assert_eq!(visible_text("x&#65;&unknown;"), "xA&unknown;");
    }
}
