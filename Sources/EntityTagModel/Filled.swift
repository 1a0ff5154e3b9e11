extension Array {
    /// `count` copies of `value`: what `Array(repeating:count:)` makes, allocated another way.
    ///
    /// `Array(repeating:count:)` (and `init(unsafeUninitializedCapacity:)`) allocate in the standard library's
    /// unspecialized code, which looks up the storage class's generic metadata at every call: about 190
    /// instructions, and entity-tag makes a dozen such arrays per document (tags, word flags, tables), 2% of
    /// the stage. Reserving capacity on an empty array allocates in code specialized here, where that
    /// metadata is cached, and the copies are written by a vectorized loop.
    @inlinable package init(filled value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        append(contentsOf: repeatElement(value, count: count))
    }
}
