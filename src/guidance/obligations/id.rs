//! The name of one obligation, as markers and links write it.

/// One obligation of a set, as markers and links name it: `hub-3` is the third obligation of the
/// set `hub`. Parsed once where it is written; the number is 1-based, as readers count.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct ObligationId {
    pub set: String,
    n: std::num::NonZeroU32,
}

impl ObligationId {
    /// The `n`th obligation (from 1) of `set`; `None` for an empty set name or `n` = 0.
    pub fn new(set: &str, n: u32) -> Option<ObligationId> {
        let n = std::num::NonZeroU32::new(n)?;
        (!set.is_empty()).then(|| ObligationId {
            set: set.to_string(),
            n,
        })
    }

    /// `set-N` with a non-empty set name and a positive number.
    pub fn parse(id: &str) -> Option<ObligationId> {
        let (set, n) = id.rsplit_once('-')?;
        ObligationId::new(set, n.parse().ok()?)
    }

    /// The 1-based number within the set.
    pub fn number(&self) -> u32 {
        self.n.get()
    }

    /// The position within the set's list, from 0.
    pub fn index(&self) -> usize {
        self.n.get() as usize - 1
    }
}

impl std::fmt::Display for ObligationId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.set, self.n)
    }
}

impl PartialEq<&str> for ObligationId {
    fn eq(&self, other: &&str) -> bool {
        ObligationId::parse(other).as_ref() == Some(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn obligation_ids_read_back_as_written() {
        let id = ObligationId::parse("hub-3").unwrap();
        assert_eq!((id.set.as_str(), id.number(), id.index()), ("hub", 3, 2));
        assert_eq!(id.to_string(), "hub-3");
        assert_eq!(ObligationId::parse("core-med-12").unwrap().set, "core-med");
        for bad in ["hub", "hub-0", "-3", "hub-x", "hub-", ""] {
            assert!(ObligationId::parse(bad).is_none(), "{bad}");
        }
        assert!(id == "hub-3" && id != "hub-4");
    }
}
