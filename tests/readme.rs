//! The README's keys table is generated from the keymap the dispatcher uses, so it cannot
//! drift: this test fails when they differ, and `UPDATE_README=1 cargo test --test readme`
//! rewrites the table.

use lectern::input::{Context, Keymap};

const START: &str = "<!-- keys:start -->";
const END: &str = "<!-- keys:end -->";

fn table() -> String {
    let km = Keymap::default_map();
    let mut out = String::new();
    for ctx in [Context::Reader, Context::Global, Context::Tree, Context::List, Context::Field] {
        let rows: Vec<_> = km.bindings.iter().filter(|b| b.context == ctx).collect();
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!("\n**{}**\n\n| keys | does |\n|---|---|\n", ctx.title()));
        for b in rows {
            let keys: Vec<String> = b.key_names.iter().map(|k| format!("`{}`", k.replace('|', "\\|"))).collect();
            out.push_str(&format!("| {} | {} |\n", keys.join(" "), b.help.replace('|', "\\|")));
        }
    }
    out
}

#[test]
fn readme_keys_table_matches_the_keymap() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let (Some(s), Some(e)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md has no {START} … {END} section");
    };
    let current = &readme[s + START.len()..e];
    let wanted = format!("{}\n", table());
    if current != wanted {
        if std::env::var_os("UPDATE_README").is_some() {
            let updated = format!("{}{START}{wanted}{}", &readme[..s], &readme[e..]);
            std::fs::write(&path, updated).unwrap();
        } else {
            panic!("README keys table is out of date: run UPDATE_README=1 cargo test --test readme");
        }
    }
}
