import LedeText

/// Word classes learned from how words are used in a large text (`Resources/word-clusters.tsv`: the 100,000
/// most frequent lower-case words of English Wikipedia, each in one of 1,024 fine classes nested in 256
/// coarse ones, made by `scripts/entity-tag/clusters/build_clusters.py`). A name no list holds still falls
/// in a class with names of its kind (`pittsburgh` with `cleveland`, `inc` with `ltd`), which the recognizer
/// learns from as one of its features.
///
/// The classes live in the high bits of a word's ``WordFlags`` entry, beside the flags of the same table, so
/// the one probe that asks whether a word is common also gives its classes.
package enum WordClusters {
    /// The lowest bit of the classes in a flags value (a constant, not a stored global, so that reading it
    /// inline costs no lazy-initialization check).
    @inlinable static var shift: UInt64 { 44 }

    /// The classes in `flags`: 2^18, plus the coarse class times 1,024, plus the fine class; 0 for a word in none.
    @inlinable @inline(__always) package static func classes(_ flags: UInt64) -> UInt64 {
        flags >> shift & 0x7_FFFF
    }

    /// Adds every `word<TAB>coarse<TAB>fine` line of `tsv` (`#` lines are comments) to `table`.
    package static func insert(tsv: String, into table: inout WordFlags) {
        var tsv = tsv
        tsv.withUTF8 { b in
            table.reserve(b.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) })
            var start = 0
            while start < b.count {
                var end = start
                while end < b.count, b[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                guard b[start] != 0x23, let tab = (start..<end).first(where: { b[$0] == 0x09 }) else { continue }
                // Two numbers after the tab; a line with fewer or more is passed over.
                var fields = (UInt64(0), UInt64(0))
                var count = 0
                var value: UInt64 = 0
                for i in (tab + 1)...end {
                    if i == end || b[i] == 0x09 || b[i] == 0x0D {
                        if count == 0 { fields.0 = value } else { fields.1 = value }
                        count += 1
                        value = 0
                        if i == end || b[i] == 0x0D { break }
                    } else {
                        value = value &* 10 &+ UInt64(b[i] &- 0x30)
                    }
                }
                guard count == 2, fields.0 < 256, fields.1 < 1024 else { continue }
                table.insert(b, start..<tab, (1 << 18 | fields.0 << 10 | fields.1) << shift)
            }
        }
    }
}
