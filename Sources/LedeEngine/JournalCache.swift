import LedeInput

/// The journal as a cache in front of the per-document stages: for a batch of inputs, the results the
/// journal already holds under the same key (with `--resume` or `--incremental`) are taken from it, and only
/// the others are computed; every result that should be kept gets its key and its journal record, which the
/// ordered consumer files. Used on the worker tasks.
struct JournalCache: Sendable {
    /// The journal of the output folder; nil when the run keeps none.
    let store: JournalStore?
    /// Whether results found in the journal are reused.
    let reuse: Bool
    /// How many per-document stages a record counts, to refuse a record of another pipeline's shape.
    let stages: Int

    /// The results for `batch`, in its order: reused where the journal has them, from `compute` otherwise.
    /// `compute` is called once, with the inputs that were not found, in batch order.
    func results(for batch: [RawInput], compute: ([RawInput]) async -> [Engine.Result]) async -> [Engine.Result] {
        var results: [Engine.Result?] = []
        results.reserveCapacity(batch.count)
        var keys: [JournalKey?] = []
        var fresh: [Int] = []
        for (n, raw) in batch.enumerated() {
            let key = store?.key(for: raw)
            keys.append(key)
            if reuse, let store, let key, let record = store.load(key),
               var restored = try? Engine.result(from: record, at: raw.position, stages: stages) {
                restored.record = record
                restored.reused = true
                results.append(restored)
            } else {
                results.append(nil)
                fresh.append(n)
            }
        }
        let computed = await compute(fresh.map { batch[$0] })
        for (n, var result) in zip(fresh, computed) {
            if keys[n] != nil, result.failure == nil { result.record = Engine.record(of: result) }
            results[n] = result
        }
        return results.enumerated().map { n, result in
            var result = result!
            result.key = keys[n]
            return result
        }
    }
}
