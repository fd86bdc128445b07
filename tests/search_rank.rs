//! Fuzzy ranking over a document built from the model types with the real titles of seed
//! 000 (the plain reader's outline for it is being rewritten, so the tree is spelled out).

use lectern::doc::{Anchor, Block, BlockKind, Document, Format, Origin, Section, assign_section_ids};
use lectern::search::{Candidate, CandidateKind, Hit, Index, Ranker, Scope, rank};

const SEED: &str = include_str!("../seeds/000_23fd5533f6104e14.txt");
const ROOT: &str = "Security Sector Reform Integrated Technical Guidance Notes";

fn chapters() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        (
            "Introduction to the United Nations Approach to Security Sector Reform",
            vec![
                "The United Nations’ conceptual framework for SSR",
                "The United Nations’ role in SSR",
                "Overview of the ITGNs",
            ],
        ),
        (
            "National Ownership of Security Sector Reform",
            vec![
                "Conceptual Framework and Guiding Principles for Supporting National Ownership",
                "Guidance on the Main Components of National Ownership",
                "Addressing Operational Challenges",
            ],
        ),
        ("Gender-Responsive Security Sector Reform", vec!["Gender-responsive SSR", "Challenges and Opportunities"]),
        (
            "Peace Processes and Security Sector Reform",
            vec![
                "Understanding the Necessity of Addressing SSR in Peace Processes",
                "Understanding the Need for All Actors to Synchronize Mediation Requirements with SSR Implementation",
                "Addressing SSR in the Peace Process",
                "Preparing the Case for SSR – Mapping the Context",
                "Strategies for Addressing SSR in Peace Processes",
                "Technical Approaches to Integrating SSR into Peace Agreements",
            ],
        ),
        (
            "Democratic Governance of the Security Sector",
            vec![
                "Differing Rationales in Different Contexts",
                "Principle and Foundations of Security Sector Governance",
                "Support to the Democratic Governance of the Security Sector",
                "Approaches for United Nations Support",
            ],
        ),
        (
            "United Nations Support to National Security Policy and Strategy-Making Processes",
            vec![
                "Overview: National Security Policies and Strategies",
                "Guidance Framework",
                "Support Strategies and Roles",
                "Challenges and Opportunities",
            ],
        ),
    ]
}

struct Builder {
    blocks: Vec<Block>,
    outline: Vec<Section>,
}

impl Builder {
    fn heading(&mut self, title: &str, level: u8, parent: Option<usize>) -> usize {
        self.blocks.push(Block::new(BlockKind::Heading { level }, title));
        self.outline.push(Section {
            id: String::new(),
            title: title.into(),
            level,
            parent,
            block: self.blocks.len() - 1,
            number: None,
        });
        self.outline.len() - 1
    }
    fn para(&mut self, text: &str) {
        self.blocks.push(Block::new(BlockKind::Paragraph, text));
    }
}

/// The seed's tree: root > "Table of Contents" > six chapters > their sections, with the
/// seed's four foreword paragraphs under the root and a body paragraph per section.
fn seed_doc() -> Document {
    let mut b = Builder { blocks: Vec::new(), outline: Vec::new() };
    let root = b.heading(ROOT, 1, None);
    let paras: Vec<&str> = SEED.split("\n\n").map(str::trim).filter(|p| p.len() > 200 && !p.contains('•')).collect();
    assert_eq!(paras.len(), 4, "seed foreword paragraphs");
    for p in paras {
        b.para(&p.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    let toc = b.heading("Table of Contents", 2, Some(root));
    for (chapter, sections) in chapters() {
        let c = b.heading(chapter, 3, Some(toc));
        for s in sections {
            b.heading(s, 4, Some(c));
            b.para(&format!("This section of the guidance note discusses {}.", s.to_lowercase()));
        }
    }
    // Body text that mentions both words of a title query must still rank below the title.
    b.para("Gender equality brings challenges for every national security sector institution.");
    assign_section_ids(&mut b.outline);
    Document {
        title: ROOT.into(),
        origin: Origin::Bundled("000_23fd5533f6104e14.txt".into()),
        format: Format::Plain,
        blocks: b.blocks,
        outline: b.outline,
        notices: Vec::new(),
    }
}

fn never() -> bool {
    false
}

fn search(index: &Index, q: &str) -> Vec<Hit> {
    rank(index, q, Scope::Library, 20, &never).unwrap_or_default()
}

fn highlighted(h: &Hit) -> String {
    let chars: Vec<char> = h.display.chars().collect();
    h.positions.iter().filter_map(|&p| chars.get(p)).collect()
}

#[test]
fn natl_ownrship_puts_the_national_ownership_chapter_first() {
    let index = Index::build(&[seed_doc()]);
    let hits = search(&index, "natl ownrship");
    let first = &hits[0];
    assert_eq!(first.kind, CandidateKind::Title);
    assert_eq!(index.candidates()[first.candidate].text, "National Ownership of Security Sector Reform");
    assert!(first.display.ends_with("› National Ownership of Security Sector Reform"), "{}", first.display);
    assert_eq!(highlighted(first).to_lowercase(), "natlownrship");
    // Highlights fall in the title part of the path, not in an ancestor.
    let title_from = first.display.chars().count() - "National Ownership of Security Sector Reform".chars().count();
    assert!(first.positions.iter().all(|&p| p >= title_from));
}

#[test]
fn gendr_chal_finds_challenges_under_the_gender_chapter_first() {
    let index = Index::build(&[seed_doc()]);
    let hits = search(&index, "gendr chal");
    let label = |h: &Hit| index.candidates()[h.candidate].label.clone();
    assert!(
        label(&hits[0]).ends_with("Gender-Responsive Security Sector Reform › Challenges and Opportunities"),
        "{hits:#?}"
    );
    let other =
        hits.iter().position(|h| label(h).ends_with("Strategy-Making Processes › Challenges and Opportunities"));
    if let Some(i) = other {
        assert!(i > 0 && hits[i].score < hits[0].score);
    }
    // "gendr" is highlighted in the chapter part of the path, "chal" in the title.
    let lit = highlighted(&hits[0]).to_lowercase();
    assert_eq!(lit, "gendrchal");
}

#[test]
fn titles_rank_above_body_text_with_the_same_words() {
    let index = Index::build(&[seed_doc()]);
    let hits = search(&index, "challenges");
    let first_text = hits.iter().position(|h| h.kind == CandidateKind::Text).unwrap_or(usize::MAX);
    let last_title = hits.iter().rposition(|h| h.kind == CandidateKind::Title).unwrap_or(0);
    assert!(hits[0].kind == CandidateKind::Title);
    assert!(last_title < first_text || first_text == usize::MAX, "{hits:#?}");
}

#[test]
fn every_term_must_match() {
    let index = Index::build(&[seed_doc()]);
    assert!(!search(&index, "gendr").is_empty());
    assert!(search(&index, "gendr qqqq").is_empty());
    assert!(search(&index, "   ").is_empty());
}

#[test]
fn text_hits_show_a_snippet_and_anchor_at_the_match() {
    let doc = seed_doc();
    let index = Index::build(std::slice::from_ref(&doc));
    let hits = search(&index, "peacekeping");
    let hit = hits.iter().find(|h| h.kind == CandidateKind::Text).expect("text hit");
    let block = &doc.blocks[hit.anchor.block].text;
    assert_eq!(hit.anchor.byte, block.find("peacekeeping").unwrap_or(usize::MAX));
    assert!(hit.display.contains("multidimensional peacekeeping"), "{}", hit.display);
    assert!(hit.display.starts_with('…'), "{}", hit.display);
    assert!(hit.display.chars().count() <= 80, "{}", hit.display);
    assert_eq!(highlighted(hit), "peacekeping");
}

#[test]
fn positions_line_up_with_display_for_every_hit() {
    let index = Index::build(&[seed_doc()]);
    for q in ["ssr", "sec sect", "unitd natns", "support roles", "framewrk", "é"] {
        for h in search(&index, q) {
            let chars: Vec<char> = h.display.chars().collect();
            assert!(h.positions.windows(2).all(|w| w[0] < w[1]), "{q}: {h:?}");
            assert!(h.positions.iter().all(|&p| p < chars.len()), "{q}: {h:?}");
            let lit: String = highlighted(&h).to_lowercase();
            let want: String = q.split_whitespace().collect::<String>();
            // Every highlighted char belongs to the query, and the first term is highlighted.
            assert!(lit.chars().all(|c| want.contains(c)), "{q}: {lit} in {}", h.display);
            let first_term = q.split_whitespace().next().unwrap_or_default();
            assert!(lit.len() >= first_term.len(), "{q}: {lit} in {}", h.display);
        }
    }
}

#[test]
fn scope_limits_to_one_document() {
    let mut other = seed_doc();
    other.blocks.push(Block::new(BlockKind::Paragraph, "zebra crossings"));
    let index = Index::build(&[seed_doc(), other]);
    let all = rank(&index, "zebra", Scope::Library, 10, &never).unwrap_or_default();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].doc, 1);
    assert!(rank(&index, "zebra", Scope::Document(0), 10, &never).unwrap_or_default().is_empty());
    assert!(rank(&index, "zebra", Scope::Document(7), 10, &never).unwrap_or_default().is_empty());
    let in_one = rank(&index, "natl ownrship", Scope::Document(1), 50, &never).unwrap_or_default();
    assert!(!in_one.is_empty() && in_one.iter().all(|h| h.doc == 1));
}

#[test]
fn limit_is_respected_and_order_is_by_score() {
    let index = Index::build(&[seed_doc()]);
    let hits = rank(&index, "s", Scope::Library, 5, &never).unwrap_or_default();
    assert_eq!(hits.len(), 5);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn cancel_returns_none() {
    let index = Index::build(&[seed_doc()]);
    assert!(rank(&index, "security", Scope::Library, 10, &|| true).is_none());
    // A cancelled run must not poison the incremental state.
    let mut r = Ranker::default();
    assert!(r.rank(&index, "sec", Scope::Library, 10, &|| true).is_none());
    let after = r.rank(&index, "secu", Scope::Library, 100, &never).unwrap_or_default();
    assert_eq!(after, rank(&index, "secu", Scope::Library, 100, &never).unwrap_or_default());
}

#[test]
fn typing_incrementally_gives_the_same_hits_as_ranking_afresh() {
    let index = Index::build(&[seed_doc()]);
    let mut r = Ranker::default();
    for q in ["gendr chal", "natl ownrship", "support str", "Peace Pro"] {
        for end in 1..=q.len() {
            let prefix = &q[..end];
            let typed = r.rank(&index, prefix, Scope::Library, 30, &never).unwrap_or_default();
            let fresh = rank(&index, prefix, Scope::Library, 30, &never).unwrap_or_default();
            assert_eq!(typed, fresh, "prefix {prefix:?}");
        }
    }
    // Backspacing (not an extension) must widen the results again.
    let narrow = r.rank(&index, "gendr chal", Scope::Library, 100, &never).unwrap_or_default().len();
    let wide = r.rank(&index, "gendr", Scope::Library, 100, &never).unwrap_or_default().len();
    assert!(wide > narrow);
}

#[test]
fn notes_are_searchable_and_replaceable() {
    let mut index = Index::build(&[seed_doc()]);
    let note = |text: &str| Candidate {
        kind: CandidateKind::Note,
        doc: 0,
        anchor: Anchor::new(3, 10),
        label: "Foreword".into(),
        text: text.into(),
    };
    index.set_notes(vec![note("ask about the xylophone budget")]);
    let hits = search(&index, "xylo");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, CandidateKind::Note);
    assert_eq!(hits[0].anchor, Anchor::new(3, 10 + "ask about the ".len()));
    index.set_notes(vec![note("nothing here")]);
    assert!(search(&index, "xylo").is_empty());
    let mut r = Ranker::default();
    assert_eq!(r.rank(&index, "nothng", Scope::Document(0), 5, &never).unwrap_or_default().len(), 1);
    assert!(r.rank(&index, "nothng", Scope::Document(1), 5, &never).unwrap_or_default().is_empty());
}

#[test]
fn non_ascii_queries_fold_case() {
    let mut doc = seed_doc();
    doc.blocks.push(Block::new(BlockKind::Paragraph, "Une réforme ÉLABORÉE avec soin"));
    let index = Index::build(&[doc]);
    let hits = search(&index, "élaborée");
    let hit = hits.iter().find(|h| h.kind == CandidateKind::Text).expect("hit");
    assert_eq!(highlighted(hit), "ÉLABORÉE");
}
