//! The names a format string captures (`println!("{x}")` mentions `x` only inside a literal).
//!
//! Input:  the text of a string literal, `"{x} {y:?} {0} {{z}}"`
//! Output: `x`, `y`

use proc_macro2::Ident;

/// The names a format string literal captures, as identifiers spanned at the literal.
pub fn capture_idents(lit: &str, span: proc_macro2::Span) -> Vec<Ident> {
    format_captures(lit)
        .into_iter()
        .filter_map(|name| syn::parse_str::<Ident>(&name).ok())
        .map(|mut ident| {
            ident.set_span(span);
            ident
        })
        .collect()
}

/// Names captured by a format string literal: `"{x} {y:?} {0} {{z}}"` -> `x`, `y`.
pub fn format_captures(lit: &str) -> Vec<String> {
    let Some(body) = lit
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .or_else(|| {
            // Raw strings: r"..." / r#"..."#
            let s = lit.strip_prefix('r')?;
            let hashes = s.len() - s.trim_start_matches('#').len();
            let s = &s[hashes..];
            s.strip_prefix('"')?
                .strip_suffix(&format!("\"{}", "#".repeat(hashes)))
        })
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let chars: Vec<char> = body.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '{' {
            if chars.get(i + 1) == Some(&'{') {
                i += 2;
                continue;
            }
            let start = i + 1;
            let mut j = start;
            while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
                j += 1;
            }
            let name: String = chars[start..j].iter().collect();
            let terminated = matches!(chars.get(j), Some('}' | ':'));
            if terminated && !name.is_empty() && !name.starts_with(|c: char| c.is_ascii_digit()) {
                out.push(name);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}
