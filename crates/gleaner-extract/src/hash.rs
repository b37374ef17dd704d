//! The hashes the trained models and the lexicons share: a word's key and the mixer that
//! combines feature parts. Never change them: they are part of the model files' meaning.

use xxhash_rust::xxh3::xxh3_64;

/// Mixes two 64-bit values into a well-spread key (splitmix64's finalizer): a feature template
/// with its parts, a word sequence.
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let mut z = a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b.rotate_left(17) ^ 0x2545_F491_4F6C_DD1D;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Hash of a lower-case word form: the key of clusters, lexicons and the document history.
#[inline]
pub(crate) fn word_hash(lower: &str) -> u64 {
    xxh3_64(lower.as_bytes())
}

/// FNV-1a: the gate hashes short words, where SipHash's setup dominates.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}
