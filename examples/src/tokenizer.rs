//! A real use: a lexer that yields tokens borrowed from the input, written as straight-line code
//! instead of a hand-written `Iterator` with an explicit cursor state.

use coro_core::{generator, yield_};

/// A token of a tiny expression language.
#[derive(Debug, Clone, PartialEq)]
pub enum Token<'a> {
    Ident(&'a str),
    Number(f64),
    Str(&'a str),
    Punct(char),
}

/// Why tokenizing stopped early.
#[derive(Debug, Clone, PartialEq)]
pub struct LexError {
    pub offset: usize,
    pub message: String,
}

/// Yields the tokens of `src`; the return value says whether the whole input was valid.
#[generator(yield = Token<'a>)]
pub fn tokenize<'a>(src: &'a str) -> Result<usize, LexError> {
    let bytes = src.as_bytes();
    let mut i = 0;
    let mut count = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_alphabetic() || c == b'_' {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            yield_!(Token::Ident(&src[start..i]));
        } else if c.is_ascii_digit() {
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                i += 1;
            }
            let n = src[start..i].parse().map_err(|e| LexError {
                offset: start,
                message: format!("bad number: {e}"),
            })?;
            yield_!(Token::Number(n));
        } else if c == b'"' {
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                i += 1;
            }
            if i == bytes.len() {
                return Err(LexError {
                    offset: start,
                    message: "unterminated string".into(),
                });
            }
            i += 1;
            yield_!(Token::Str(&src[start + 1..i - 1]));
        } else if b"+-*/()=,".contains(&c) {
            i += 1;
            yield_!(Token::Punct(c as char));
        } else {
            return Err(LexError {
                offset: i,
                message: format!("unexpected {:?}", c as char),
            });
        }
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use coro_core::GeneratorExt;

    #[test]
    fn tokens_borrow_from_the_input() {
        let src = String::from(r#"total = price * 1.5 + f("x")"#);
        let mut it = tokenize(&src).into_iter_with_return();
        let tokens: Vec<_> = (&mut it).collect();
        assert_eq!(
            tokens,
            [
                Token::Ident("total"),
                Token::Punct('='),
                Token::Ident("price"),
                Token::Punct('*'),
                Token::Number(1.5),
                Token::Punct('+'),
                Token::Ident("f"),
                Token::Punct('('),
                Token::Str("x"),
                Token::Punct(')'),
            ]
        );
        assert_eq!(it.into_return_value(), Some(Ok(10)));
    }

    #[test]
    fn errors_end_the_stream_with_a_return_value() {
        let mut it = tokenize("a 1.2.3 b").into_iter_with_return();
        assert_eq!((&mut it).collect::<Vec<_>>(), [Token::Ident("a")]);
        let err = it.into_return_value().unwrap().unwrap_err();
        assert_eq!(err.offset, 2);
        let mut it = tokenize("x \"open").into_iter_with_return();
        assert_eq!((&mut it).count(), 1);
        assert_eq!(
            it.into_return_value().unwrap().unwrap_err().message,
            "unterminated string"
        );
    }
}
