//! A ratatui Backend that writes the fewest bytes: see ../shared/BANDWIDTH.md. (placeholder)
