//! Exports of user data: Markdown that reads well on its own (notes grouped by document and
//! section, with the quoted text as block quotes) and carries machine-readable comments so it
//! can be imported again; JSON; and a plain list of bookmarks.

use serde::{Deserialize, Serialize};

use super::clock::{display_date, now_ms};
use super::schema::{CURRENT_VERSION, DocRecord, StoredAnchor};
use super::{Result, Store};

/// The JSON export file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExportFile {
    pub version: u32,
    pub exported: u64,
    pub documents: Vec<DocRecord>,
}

/// Comment prefixes in the Markdown export (see `import.rs`).
pub const DOC_TAG: &str = "<!-- lectern:doc ";
pub const NOTE_TAG: &str = "<!-- lectern:note ";
pub const BOOKMARK_TAG: &str = "<!-- lectern:bookmark ";

fn selected(store: &Store, fingerprint: Option<&str>) -> Result<Vec<DocRecord>> {
    let (records, _notices) = store.records()?;
    Ok(records
        .into_iter()
        .filter(|r| fingerprint.is_none_or(|f| r.fingerprint == f))
        .filter(|r| !r.notes.is_empty() || !r.bookmarks.is_empty())
        .map(|mut r| {
            // Exports carry content, not delete history: importing never deletes.
            r.deleted.clear();
            r
        })
        .collect())
}

/// All documents' data (or one fingerprint's) as pretty JSON.
pub fn export_json(store: &Store, fingerprint: Option<&str>) -> Result<String> {
    let file = ExportFile { version: CURRENT_VERSION, exported: now_ms(), documents: selected(store, fingerprint)? };
    let mut s = serde_json::to_string_pretty(&file).unwrap_or_default();
    s.push('\n');
    Ok(s)
}

/// One-line JSON safe inside an HTML comment: "--" can only occur inside JSON strings, where
/// "-\u002d" means the same thing, so no "-->" can end the comment early.
pub(crate) fn comment_json<T: Serialize>(tag: &str, value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_default().replace("--", "-\\u002d");
    format!("{tag}{json} -->\n")
}

fn section_title(a: &StoredAnchor) -> String {
    if a.section_path.is_empty() { "(before the first heading)".to_string() } else { a.section_path.join(" › ") }
}

fn block_quote(a: &StoredAnchor) -> String {
    let ellipsis = if a.after.is_empty() { "" } else { "…" };
    let text = format!("{}{ellipsis}", a.quote.trim());
    text.lines().map(|l| format!("> {l}\n")).collect()
}

fn plural(n: usize, one: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {one}s") }
}

#[derive(Serialize)]
struct DocTag<'a> {
    fingerprint: &'a str,
    title: &'a str,
    last_path: &'a Option<String>,
}

/// Notes (and bookmarks) as Markdown, documents by title, notes in reading order under their
/// section path.
pub fn export_markdown(store: &Store, fingerprint: Option<&str>) -> Result<String> {
    let docs = selected(store, fingerprint)?;
    let mut out =
        format!("# Lectern notes\n\nExported {} · {}\n", display_date(now_ms()), plural(docs.len(), "document"));
    for r in &docs {
        let title = if r.title.is_empty() { "(untitled)" } else { r.title.as_str() };
        out.push_str(&format!("\n## {title}\n\n"));
        out.push_str(&comment_json(
            DOC_TAG,
            &DocTag { fingerprint: &r.fingerprint, title: &r.title, last_path: &r.last_path },
        ));
        let mut facts = vec![plural(r.notes.len(), "note"), plural(r.bookmarks.len(), "bookmark")];
        if let Some(p) = &r.last_path {
            facts.insert(0, format!("`{p}`"));
        }
        out.push_str(&format!("\n{}\n", facts.join(" · ")));
        let mut notes: Vec<_> = r.notes.iter().collect();
        notes.sort_by_key(|n| (n.anchor.block, n.anchor.byte, n.id.clone()));
        let mut current: Option<String> = None;
        for n in notes {
            let section = section_title(&n.anchor);
            if current.as_ref() != Some(&section) {
                out.push_str(&format!("\n### {section}\n"));
                current = Some(section);
            }
            out.push('\n');
            out.push_str(&block_quote(&n.anchor));
            out.push_str(&format!("\n{}\n\n_{}_\n", n.text.trim_end(), display_date(n.updated)));
            out.push_str(&comment_json(NOTE_TAG, n));
        }
        if !r.bookmarks.is_empty() {
            out.push_str("\n### Bookmarks\n\n");
            let mut bms: Vec<_> = r.bookmarks.iter().collect();
            bms.sort_by_key(|b| (b.anchor.block, b.anchor.byte, b.id.clone()));
            for b in bms {
                out.push_str(&format!(
                    "- **{}** — {} — “{}”\n",
                    b.name,
                    section_title(&b.anchor),
                    b.anchor.quote.trim()
                ));
                out.push_str(&comment_json(BOOKMARK_TAG, b));
            }
        }
    }
    Ok(out)
}

/// Every bookmark, one per line: `title — name — section — “quote”`.
pub fn bookmarks_list(store: &Store, fingerprint: Option<&str>) -> Result<String> {
    let mut out = String::new();
    for r in selected(store, fingerprint)? {
        let mut bms = r.bookmarks.clone();
        bms.sort_by_key(|b| (b.anchor.block, b.anchor.byte));
        for b in bms {
            out.push_str(&format!(
                "{} — {} — {} — “{}”\n",
                r.title,
                b.name,
                section_title(&b.anchor),
                b.anchor.quote.trim()
            ));
        }
    }
    Ok(out)
}
