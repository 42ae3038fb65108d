//! A set of locals as a bit vector: liveness unions and compares these sets for every block on
//! every pass, and a body of 2,000 statements has a few hundred locals live at once, where a
//! `BTreeSet` spent most of the macro's time (17 s of it at that size) walking its nodes.

use super::LocalId;

#[derive(Clone, PartialEq, Eq, Default)]
pub struct LocalSet(Vec<u64>);

impl LocalSet {
    /// The empty set, sized for `locals` locals (it grows if asked for more).
    pub fn with_capacity(locals: usize) -> Self {
        LocalSet(vec![0; locals.div_ceil(64)])
    }

    pub fn insert(&mut self, l: LocalId) {
        let (w, b) = (l / 64, l % 64);
        if w >= self.0.len() {
            self.0.resize(w + 1, 0);
        }
        self.0[w] |= 1 << b;
    }

    pub fn remove(&mut self, l: LocalId) {
        if let Some(w) = self.0.get_mut(l / 64) {
            *w &= !(1 << (l % 64));
        }
    }

    pub fn union_with(&mut self, other: &LocalSet) {
        if other.0.len() > self.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    pub fn intersect_with(&mut self, other: &LocalSet) {
        for (i, a) in self.0.iter_mut().enumerate() {
            *a &= other.0.get(i).copied().unwrap_or(0);
        }
    }

    /// Whether every local of `self` is in `other`.
    pub fn is_subset(&self, other: &LocalSet) -> bool {
        self.0
            .iter()
            .enumerate()
            .all(|(i, a)| a & !other.0.get(i).copied().unwrap_or(0) == 0)
    }

    /// The locals, ascending.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = LocalId> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &bits)| {
            (0..64)
                .filter(move |b| bits & (1 << b) != 0)
                .map(move |b| w * 64 + b)
        })
    }
}

impl FromIterator<LocalId> for LocalSet {
    fn from_iter<I: IntoIterator<Item = LocalId>>(iter: I) -> Self {
        let mut s = LocalSet::default();
        for l in iter {
            s.insert(l);
        }
        s
    }
}
