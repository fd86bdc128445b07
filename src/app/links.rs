//! The links on screen with their targets (`U`): the reading pane shows a link's text only,
//! so its URL is one key away.

use super::{App, Overlay};

/// One link: the text the reader sees and where it points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkItem {
    pub text: String,
    pub url: String,
}

/// Open the list of links in the blocks visible on screen, in reading order.
pub fn open(app: &mut App) {
    let h = app.body_height();
    let (Some(doc), Some(view)) = (app.doc(), app.view()) else { return };
    let layout = view.layout();
    let top = view.top_line();
    let mut blocks: Vec<usize> = (top..(top + h).min(layout.len())).map(|i| layout.line(i).block).collect();
    blocks.dedup();
    let mut items: Vec<LinkItem> = Vec::new();
    for b in blocks {
        let Some(block) = doc.blocks.get(b) else { continue };
        for l in &block.links {
            let text = block.text.get(l.bytes()).unwrap_or("").to_string();
            let item = LinkItem { text, url: l.url.clone() };
            if !items.contains(&item) {
                items.push(item);
            }
        }
    }
    if items.is_empty() {
        app.message = Some("No links on screen".into());
        return;
    }
    app.overlay = Some(Overlay::Links { items, scroll: 0 });
}
