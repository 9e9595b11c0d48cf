//! The two languages of a site, [`Lang`]. The type lives with the message catalogue
//! (`messages`), the lowest module, because every message is written in both; it is named here
//! too, beside the other text helpers, where the pages and the domain find it.

pub use crate::messages::Lang;
