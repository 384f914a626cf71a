/// A stable 64-bit FNV-1a fingerprint, written out as 16 hex digits. It tells whether content
/// changed between two starts; it is not a security measure, so a tiny hand-written hash beats
/// pulling in a cryptographic crate.
pub fn fingerprint<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for part in parts {
        // A separator keeps ["ab", "c"] and ["a", "bc"] apart.
        for byte in part.bytes().chain(std::iter::once(0xff)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn fingerprint_is_stable_and_sensitive_to_boundaries() {
        assert_eq!(fingerprint(["abc"]), fingerprint(["abc"]));
        assert_ne!(fingerprint(["ab", "c"]), fingerprint(["a", "bc"]));
        assert_eq!(fingerprint(["abc"]).len(), 16);
    }
}
