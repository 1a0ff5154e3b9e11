import LedeInput
import LedeIO

/// The journal as a cache in front of the per-document stages: for a batch of inputs, the results the
/// journal already holds under the same key (with `--resume` or `--incremental`) are taken from it, and only
/// the others are computed; the records of every result that should be kept are packed into one block,
/// which the ordered consumer files. Used on the worker tasks.
struct JournalCache: Sendable {
    /// The journal of the output folder; nil when the run keeps none.
    let store: JournalStore?
    /// Whether results found in the journal are reused.
    let reuse: Bool
    /// How many per-document stages a record counts, to refuse a record of another pipeline's shape.
    let stages: Int

    /// The results for `batch`, in its order: reused where the journal has them, from `compute` otherwise;
    /// and the block of their records for the journal (nil without one). `compute` is called once, with the
    /// inputs that were not found, in batch order.
    func results(for batch: [RawInput], compute: ([RawInput]) async -> [Engine.Result]) async -> (results: [Engine.Result], block: JournalBlock?) {
        guard let store else {
            return (await compute(batch), nil)
        }
        var results: [Engine.Result?] = []
        results.reserveCapacity(batch.count)
        var keys: [JournalKey?] = []
        var records: [[UInt8]?] = []
        var fresh: [Int] = []
        var cache = JournalBlockCache()
        for (n, raw) in batch.enumerated() {
            let key = store.key(for: raw)
            keys.append(key)
            if reuse, let key, let record = store.load(key, cache: &cache),
               var restored = try? Engine.result(from: record, at: raw.position, stages: stages) {
                restored.reused = true
                results.append(restored)
                records.append(record)
            } else {
                results.append(nil)
                records.append(nil)
                fresh.append(n)
            }
        }
        let computed = await compute(fresh.map { batch[$0] })
        for (n, result) in zip(fresh, computed) {
            if keys[n] != nil, result.failure == nil { records[n] = Engine.record(of: result) }
            results[n] = result
        }
        var filed: [(JournalKey, [UInt8])] = []
        for n in batch.indices {
            if let key = keys[n], let record = records[n] { filed.append((key, record)) }
        }
        let block = filed.isEmpty ? nil : JournalBlock(records: filed, deflater: Deflater())
        return (results.enumerated().map { n, result in
            var result = result!
            result.key = keys[n]
            return result
        }, block)
    }
}
