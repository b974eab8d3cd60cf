//! Stable identifiers. Ids are random (not counters) so two people adding items on two git
//! branches never mint the same id, and a deleted item's id is never handed out again.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// Identifies a business goal, e.g. `g-7f3kq2mz`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct GoalId(pub String);

/// Identifies an IT initiative, e.g. `i-b4x9p0ce`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct InitiativeId(pub String);

impl fmt::Display for GoalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for InitiativeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Lower-case Crockford base32: no i, l, o, u, so ids read aloud without confusion.
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
const ID_CHARS: usize = 8;

/// A small deterministic id generator (splitmix64). Seeded from the clock in the app and with a
/// fixed seed in tests, so ids in test output are reproducible.
#[derive(Debug, Clone)]
pub struct IdGen {
    state: u64,
}

impl IdGen {
    /// A generator that yields the same ids for the same seed.
    pub fn with_seed(seed: u64) -> Self {
        Self { state: seed }
    }

    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn token(&mut self, prefix: char, taken: &BTreeSet<&str>) -> String {
        loop {
            let mut bits = self.next_u64();
            let mut id = String::with_capacity(ID_CHARS + 2);
            id.push(prefix);
            id.push('-');
            for _ in 0..ID_CHARS {
                id.push(char::from(ALPHABET[(bits & 31) as usize]));
                bits >>= 5;
            }
            if !taken.contains(id.as_str()) {
                return id;
            }
        }
    }

    /// A goal id not in `taken`.
    pub fn goal(&mut self, taken: &BTreeSet<&str>) -> GoalId {
        GoalId(self.token('g', taken))
    }

    /// A decision (`d-…`) or action (`a-…`) id not in `taken`.
    pub fn entry(&mut self, prefix: char, taken: &BTreeSet<&str>) -> String {
        self.token(prefix, taken)
    }

    /// An initiative id not in `taken`.
    pub fn initiative(&mut self, taken: &BTreeSet<&str>) -> InitiativeId {
        InitiativeId(self.token('i', taken))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_prefixed_and_skip_taken_ones() {
        let mut first = IdGen::with_seed(7);
        let a = first.goal(&BTreeSet::new());
        assert!(a.0.starts_with("g-") && a.0.len() == 10, "{a}");
        let mut again = IdGen::with_seed(7);
        let taken = BTreeSet::from([a.0.as_str()]);
        let b = again.goal(&taken);
        assert_ne!(a, b, "a taken id must not be handed out again");
        assert!(
            IdGen::with_seed(1)
                .initiative(&BTreeSet::new())
                .0
                .starts_with("i-")
        );
    }
}
