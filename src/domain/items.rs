//! [`Items`]: the list the roadmap keeps its initiatives in. A copy shares every item with
//! the original (the items sit in chunks behind `Arc`), so an undo step or the saver's
//! snapshot costs one pointer per chunk instead of a deep copy of every item; changing an
//! item copies only its chunk (copy-on-write). Comparing a copy with its original skips the
//! chunks they still share, which is how an edit learns what it changed. Items are also found
//! by key through an index that is checked on every use, so it can never give a wrong answer.

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeSeq, Serializer};
use std::collections::HashMap;
use std::fmt;
use std::hash::Hash;
use std::marker::PhantomData;
use std::ops::{Index, IndexMut};
use std::sync::Arc;

/// Items per chunk: the most a change to one item copies.
const CHUNK: usize = 64;

/// An item with a key that identifies it (an id that never changes).
pub trait Keyed {
    /// The key type.
    type Key: Eq + Hash + Clone;
    /// This item's key.
    fn key(&self) -> &Self::Key;
}

/// A list of keyed items with cheap copies; see the module documentation.
#[derive(Clone)]
pub struct Items<T: Keyed> {
    /// The items in order, in chunks of at most [`CHUNK`], none empty.
    chunks: Vec<Arc<Vec<T>>>,
    /// The position of each chunk's first item.
    starts: Vec<usize>,
    len: usize,
    /// Where each key was when last indexed; checked against the item before it is trusted.
    index: Arc<HashMap<T::Key, usize>>,
}

impl<T: Keyed + Clone> Items<T> {
    /// An empty list.
    pub fn new() -> Self {
        Self {
            chunks: Vec::new(),
            starts: Vec::new(),
            len: 0,
            index: Arc::default(),
        }
    }

    /// How many items there are.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Which chunk holds position `at` (which must be in range), and where in it.
    fn locate(&self, at: usize) -> (usize, usize) {
        let chunk = self.starts.partition_point(|&s| s <= at) - 1;
        (chunk, at - self.starts[chunk])
    }

    /// The item at position `at`.
    pub fn get(&self, at: usize) -> Option<&T> {
        if at >= self.len {
            return None;
        }
        let (chunk, offset) = self.locate(at);
        self.chunks[chunk].get(offset)
    }

    /// The item at position `at`, to change (its chunk is copied first if shared).
    pub fn get_mut(&mut self, at: usize) -> Option<&mut T> {
        if at >= self.len {
            return None;
        }
        let (chunk, offset) = self.locate(at);
        Arc::make_mut(&mut self.chunks[chunk]).get_mut(offset)
    }

    /// The first item.
    pub fn first(&self) -> Option<&T> {
        self.get(0)
    }

    /// The last item.
    pub fn last(&self) -> Option<&T> {
        self.chunks.last().and_then(|c| c.last())
    }

    /// Every item in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + Clone {
        self.chunks.iter().flat_map(|c| c.iter())
    }

    /// Every item in order, to change: this copies every shared chunk, so prefer
    /// [`Items::update_where`] when only some items change.
    pub fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut T> {
        self.chunks
            .iter_mut()
            .flat_map(|c| Arc::make_mut(c).iter_mut())
    }

    /// Applies `change` to the items that `which` selects, copying only the chunks that hold
    /// one. Returns how many were selected.
    pub fn update_where(
        &mut self,
        which: impl Fn(&T) -> bool,
        mut change: impl FnMut(&mut T),
    ) -> usize {
        let mut count = 0;
        for chunk in &mut self.chunks {
            if !chunk.iter().any(&which) {
                continue;
            }
            for item in Arc::make_mut(chunk).iter_mut().filter(|i| which(i)) {
                change(item);
                count += 1;
            }
        }
        count
    }

    /// The position of the item with this key.
    pub fn position_of(&self, key: &T::Key) -> Option<usize> {
        if let Some(&at) = self.index.get(key)
            && self.get(at).is_some_and(|i| i.key() == key)
        {
            return Some(at);
        }
        // Only when a key was changed in place since it was indexed.
        self.iter().position(|i| i.key() == key)
    }

    /// The item with this key.
    pub fn find(&self, key: &T::Key) -> Option<&T> {
        self.position_of(key).and_then(|at| self.get(at))
    }

    /// The item with this key, to change.
    pub fn find_mut(&mut self, key: &T::Key) -> Option<&mut T> {
        let at = self.position_of(key)?;
        self.get_mut(at)
    }

    /// Adds an item at the end.
    pub fn push(&mut self, item: T) {
        // The first item with a key is the one found, as a linear search would.
        let len = self.len;
        Arc::make_mut(&mut self.index)
            .entry(item.key().clone())
            .or_insert(len);
        match self.chunks.last_mut() {
            Some(chunk) if chunk.len() < CHUNK => Arc::make_mut(chunk).push(item),
            _ => {
                self.starts.push(self.len);
                let mut chunk = Vec::with_capacity(CHUNK);
                chunk.push(item);
                self.chunks.push(Arc::new(chunk));
            }
        }
        self.len += 1;
    }

    /// Removes the item at position `at` (which must be in range) and returns it; the
    /// positions after it move up by one.
    ///
    /// # Panics
    /// When `at` is out of range, as `Vec::remove` does.
    pub fn remove(&mut self, at: usize) -> T {
        assert!(at < self.len, "remove at {at} from {} items", self.len);
        let (chunk, offset) = self.locate(at);
        let item = Arc::make_mut(&mut self.chunks[chunk]).remove(offset);
        if self.chunks[chunk].is_empty() {
            self.chunks.remove(chunk);
        }
        self.len -= 1;
        self.reindex();
        item
    }

    /// Keeps only the items `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        if self.iter().all(&mut keep) {
            return;
        }
        let kept: Vec<T> = self.iter().filter(|i| keep(i)).cloned().collect();
        *self = Self::from(kept);
    }

    /// Keeps the first `len` items.
    pub fn truncate(&mut self, len: usize) {
        if len < self.len {
            let kept: Vec<T> = self.iter().take(len).cloned().collect();
            *self = Self::from(kept);
        }
    }

    /// Rebuilds the chunk starts and the key index after items were removed.
    fn reindex(&mut self) {
        self.starts.clear();
        let mut at = 0;
        for chunk in &self.chunks {
            self.starts.push(at);
            at += chunk.len();
        }
        let mut index = HashMap::with_capacity(self.len);
        for (at, item) in self.iter().enumerate() {
            index.entry(item.key().clone()).or_insert(at);
        }
        self.index = Arc::new(index);
    }

    /// The positions whose items differ from `before`, found by comparing only the chunks
    /// the two lists no longer share. None when items were added or removed (positions no
    /// longer correspond).
    pub fn changed_since(&self, before: &Self) -> Option<Vec<usize>>
    where
        T: PartialEq,
    {
        if self.len != before.len || self.starts != before.starts {
            return None;
        }
        let mut changed = Vec::new();
        for ((start, now), then) in self.starts.iter().zip(&self.chunks).zip(&before.chunks) {
            if Arc::ptr_eq(now, then) {
                continue;
            }
            let differ = now.iter().zip(then.iter()).enumerate();
            changed.extend(differ.filter(|(_, (a, b))| a != b).map(|(i, _)| start + i));
        }
        Some(changed)
    }
}

impl<T: Keyed + Clone> Default for Items<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Keyed + Clone> From<Vec<T>> for Items<T> {
    fn from(items: Vec<T>) -> Self {
        items.into_iter().collect()
    }
}

impl<T: Keyed + Clone> FromIterator<T> for Items<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut items = Self::new();
        for item in iter {
            items.push(item);
        }
        items
    }
}

impl<T: Keyed + Clone> Extend<T> for Items<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for item in iter {
            self.push(item);
        }
    }
}

impl<T: Keyed + Clone> Index<usize> for Items<T> {
    type Output = T;
    fn index(&self, at: usize) -> &T {
        match self.get(at) {
            Some(item) => item,
            None => panic!("index {at} out of range for {} items", self.len),
        }
    }
}

impl<T: Keyed + Clone> IndexMut<usize> for Items<T> {
    fn index_mut(&mut self, at: usize) -> &mut T {
        let len = self.len;
        match self.get_mut(at) {
            Some(item) => item,
            None => panic!("index {at} out of range for {len} items"),
        }
    }
}

impl<'a, T: Keyed + Clone> IntoIterator for &'a Items<T> {
    type Item = &'a T;
    type IntoIter = std::iter::FlatMap<
        std::slice::Iter<'a, Arc<Vec<T>>>,
        std::slice::Iter<'a, T>,
        fn(&'a Arc<Vec<T>>) -> std::slice::Iter<'a, T>,
    >;
    fn into_iter(self) -> Self::IntoIter {
        let each: fn(&'a Arc<Vec<T>>) -> std::slice::Iter<'a, T> = |c| c.iter();
        self.chunks.iter().flat_map(each)
    }
}

impl<'a, T: Keyed + Clone> IntoIterator for &'a mut Items<T> {
    type Item = &'a mut T;
    type IntoIter = std::iter::FlatMap<
        std::slice::IterMut<'a, Arc<Vec<T>>>,
        std::slice::IterMut<'a, T>,
        fn(&'a mut Arc<Vec<T>>) -> std::slice::IterMut<'a, T>,
    >;
    fn into_iter(self) -> Self::IntoIter {
        let each: fn(&'a mut Arc<Vec<T>>) -> std::slice::IterMut<'a, T> =
            |c| Arc::make_mut(c).iter_mut();
        self.chunks.iter_mut().flat_map(each)
    }
}

impl<T: Keyed + Clone + PartialEq> PartialEq for Items<T> {
    fn eq(&self, other: &Self) -> bool {
        if self.len != other.len {
            return false;
        }
        if self.starts == other.starts {
            return self
                .chunks
                .iter()
                .zip(&other.chunks)
                .all(|(a, b)| Arc::ptr_eq(a, b) || a == b);
        }
        self.iter().eq(other.iter())
    }
}

impl<T: Keyed + Clone + fmt::Debug> fmt::Debug for Items<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: Keyed + Clone + Serialize> Serialize for Items<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len))?;
        for item in self.iter() {
            seq.serialize_element(item)?;
        }
        seq.end()
    }
}

impl<T: Keyed + Clone> Items<T>
where
    T::Key: Ord,
{
    /// The items in key order, the order [`by_key`] writes them in (and a file reads back in).
    pub fn sorted_by_key(&self) -> Self {
        let mut sorted: Vec<&T> = self.iter().collect();
        sorted.sort_unstable_by(|a, b| a.key().cmp(b.key()));
        sorted.into_iter().cloned().collect()
    }
}

/// Writes the items sorted by key instead of in list order (the roadmap file's initiatives
/// and review marks): an item added anywhere lands at its own place in the file, so two people
/// adding items rarely touch the same lines, and moving a card never moves its text.
pub fn by_key<T, S>(items: &Items<T>, serializer: S) -> Result<S::Ok, S::Error>
where
    T: Keyed + Clone + Serialize,
    T::Key: Ord,
    S: Serializer,
{
    let mut sorted: Vec<&T> = items.iter().collect();
    sorted.sort_unstable_by(|a, b| a.key().cmp(b.key()));
    let mut seq = serializer.serialize_seq(Some(sorted.len()))?;
    for item in sorted {
        seq.serialize_element(item)?;
    }
    seq.end()
}

impl<'de, T: Keyed + Clone + Deserialize<'de>> Deserialize<'de> for Items<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Seq<T>(PhantomData<T>);
        impl<'de, T: Keyed + Clone + Deserialize<'de>> Visitor<'de> for Seq<T> {
            type Value = Items<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Items<T>, A::Error> {
                let mut items = Items::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(items)
            }
        }
        deserializer.deserialize_seq(Seq(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone, PartialEq)]
    struct Item {
        key: u32,
        value: u32,
    }

    impl Keyed for Item {
        type Key = u32;
        fn key(&self) -> &u32 {
            &self.key
        }
    }

    fn items(n: u32) -> Items<Item> {
        (0..n).map(|key| Item { key, value: 0 }).collect()
    }

    #[derive(Debug, Clone)]
    enum Op {
        Push(u32),
        Remove(usize),
        Set(usize, u32),
        Retain(u32),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0..1000u32).prop_map(Op::Push),
            (0..300usize).prop_map(Op::Remove),
            (0..300usize, 0..5u32).prop_map(|(a, v)| Op::Set(a, v)),
            (2..9u32).prop_map(Op::Retain),
        ]
    }

    proptest! {
        /// Whatever is done to it, the list holds what a plain Vec would, finds every key
        /// where the Vec has it, and its copy taken at the start is unchanged.
        #[test]
        fn behaves_like_a_vec(start in 0..200u32, ops in proptest::collection::vec(op(), 0..60)) {
            let mut list = items(start);
            let mut model: Vec<Item> = list.iter().cloned().collect();
            let copy = list.clone();
            let mut next = 10_000;
            for op in ops {
                match op {
                    Op::Push(value) => {
                        next += 1;
                        list.push(Item { key: next, value });
                        model.push(Item { key: next, value });
                    }
                    Op::Remove(at) if at < model.len() => {
                        prop_assert_eq!(list.remove(at), model.remove(at));
                    }
                    Op::Set(at, value) if at < model.len() => {
                        list[at].value = value;
                        model[at].value = value;
                    }
                    Op::Retain(m) => {
                        list.retain(|i| i.key % m != 0);
                        model.retain(|i| i.key % m != 0);
                    }
                    _ => {}
                }
                prop_assert_eq!(list.len(), model.len());
                prop_assert!(list.iter().eq(model.iter()));
                for (at, item) in model.iter().enumerate() {
                    prop_assert_eq!(list.position_of(&item.key), Some(at));
                    prop_assert_eq!(list.get(at), Some(item));
                }
                prop_assert_eq!(list.get(model.len()), None);
            }
            prop_assert!(copy.iter().eq(items(start).iter()));
            prop_assert_eq!(copy == list, items(start).iter().eq(model.iter()));
        }
    }

    #[test]
    fn a_copy_shares_its_chunks_until_one_is_changed() {
        let a = items(1_000);
        let mut b = a.clone();
        assert_eq!(b.changed_since(&a), Some(vec![]));
        b[700].value = 5;
        b[3].value = 1;
        assert_eq!(b.changed_since(&a), Some(vec![3, 700]));
        assert_ne!(a, b);
        let shared = a
            .chunks
            .iter()
            .zip(&b.chunks)
            .filter(|(x, y)| Arc::ptr_eq(x, y));
        assert_eq!(
            shared.count(),
            a.chunks.len() - 2,
            "only the two changed chunks were copied"
        );
        assert_eq!(a[700].value, 0, "the original is untouched");
    }

    #[test]
    fn setting_an_item_to_what_it_was_is_no_change() {
        let a = items(100);
        let mut b = a.clone();
        b[10].value = 0;
        assert_eq!(b.changed_since(&a), Some(vec![]));
        assert_eq!(a, b);
    }

    #[test]
    fn adding_or_removing_is_a_structural_change() {
        let a = items(100);
        let mut b = a.clone();
        b.push(Item { key: 500, value: 0 });
        assert_eq!(b.changed_since(&a), None);
        let mut c = a.clone();
        c.remove(0);
        assert_eq!(c.changed_since(&a), None);
    }

    #[test]
    fn update_where_copies_only_the_chunks_it_changes() {
        let a = items(640);
        let mut b = a.clone();
        assert_eq!(
            b.update_where(|i| i.key == 5 || i.key == 600, |i| i.value = 9),
            2
        );
        let copied = a
            .chunks
            .iter()
            .zip(&b.chunks)
            .filter(|(x, y)| !Arc::ptr_eq(x, y));
        assert_eq!(copied.count(), 2);
        assert_eq!(b.find(&600).map(|i| i.value), Some(9));
    }

    #[test]
    fn with_a_key_twice_the_first_is_found_as_by_a_linear_search() {
        let mut a = items(10);
        a.push(Item { key: 3, value: 7 });
        assert_eq!(a.position_of(&3), Some(3));
        a.remove(0);
        assert_eq!(a.position_of(&3), Some(2));
    }

    #[test]
    fn a_key_changed_in_place_is_still_found() {
        let mut a = items(100);
        a[40].key = 4_000;
        assert_eq!(a.position_of(&4_000), Some(40));
        assert_eq!(a.position_of(&40), None);
    }

    #[test]
    fn round_trips_through_ron_as_a_plain_list() {
        #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq, Clone)]
        struct K(u32);
        impl Keyed for K {
            type Key = u32;
            fn key(&self) -> &u32 {
                &self.0
            }
        }
        let list: Items<K> = (0..130).map(K).collect();
        let text = ron::to_string(&list).unwrap();
        let plain: Vec<K> = ron::from_str(&text).unwrap();
        assert_eq!(plain.len(), 130);
        let back: Items<K> = ron::from_str(&text).unwrap();
        assert_eq!(back, list);
        assert_eq!(back.position_of(&129), Some(129));
    }
}
