//! `#[async_gen]`: to be written.

use proc_macro2::TokenStream;

pub fn expand(_args: TokenStream, item: TokenStream) -> TokenStream {
    item
}
