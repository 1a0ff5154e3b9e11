import LedeInput
import LedeIO

/// The journal as a cache in front of the per-document stages: for a batch of inputs, the results the
/// journal already holds under the same key (with `--resume` or `--incremental`) are taken from it, and only
/// the others are computed; every result that should be kept goes into one ``JournalBatch``, which the
/// ordered consumer hands to the ``JournalFiler``. Used on the worker tasks.
struct JournalCache: Sendable {
    /// The journal of the output folder; nil when the run keeps none.
    let store: JournalStore?
    /// Whether results found in the journal are reused.
    let reuse: Bool
    /// How many per-document stages a record counts, to refuse a record of another pipeline's shape.
    let stages: Int

    /// The results for `batch`, in its order: reused where the journal has them, from `compute` otherwise;
    /// and what the journal keeps of them (nil without one). `compute` is called once, with the inputs that
    /// were not found, in batch order.
    func results(for batch: [RawInput], compute: ([RawInput]) async -> [Engine.Result]) async -> (results: [Engine.Result], kept: JournalBatch?) {
        guard let store else {
            return (await compute(batch), nil)
        }
        var results: [Engine.Result?] = []
        results.reserveCapacity(batch.count)
        var keys: [JournalKey?] = []
        var records: [JournalBatch.Content?] = []
        var fresh: [Int] = []
        var cache = JournalBlockCache()
        for (n, raw) in batch.enumerated() {
            let key = store.key(for: raw)
            keys.append(key)
            if reuse, let key, let record = store.load(key, cache: &cache),
               var restored = try? Engine.result(from: record, at: raw.position, stages: stages) {
                restored.reused = true
                results.append(restored)
                records.append(.record(record))
            } else {
                results.append(nil)
                records.append(nil)
                fresh.append(n)
            }
        }
        let computed = await compute(fresh.map { batch[$0] })
        for (n, result) in zip(fresh, computed) {
            // Encoded later, off the workers (``JournalFiler``), from the result as computed: before any
            // collector's `prepare` changes its documents.
            if keys[n] != nil, result.failure == nil { records[n] = .result(result) }
            results[n] = result
        }
        var filed: [(key: JournalKey, content: JournalBatch.Content)] = []
        for n in batch.indices {
            if let key = keys[n], let record = records[n] { filed.append((key, record)) }
        }
        let kept = filed.isEmpty ? nil : JournalBatch(entries: filed)
        return (results.enumerated().map { n, result in
            var result = result!
            result.key = keys[n]
            return result
        }, kept)
    }
}

/// What the journal keeps of one batch: each result to file, under its key, in batch order, either as the
/// record read back from the journal or as the result computed, not yet encoded.
struct JournalBatch: Sendable {
    enum Content: Sendable {
        case record([UInt8])
        case result(Engine.Result)

        /// The record as the journal stores it.
        var record: [UInt8] {
            switch self {
            case .record(let bytes): bytes
            case .result(let result): Engine.record(of: result)
            }
        }
    }

    let entries: [(key: JournalKey, content: Content)]

    /// The keys, in batch order.
    var keys: [JournalKey] { entries.map(\.key) }

    /// The records encoded and packed into one block. Each is encoded where it lies in the block, rather than
    /// into an array of its own that is then copied there.
    func block(deflater: Deflater) -> JournalBlock {
        var all = ByteWriter(capacity: 16 << 10)
        var placed: [(key: JournalKey, offset: Int, length: Int)] = []
        placed.reserveCapacity(entries.count)
        for (key, content) in entries {
            let start = all.bytes.count
            switch content {
            case .record(let bytes): all.raw(bytes)
            case .result(let result): Engine.record(of: result, into: &all)
            }
            placed.append((key, start, all.bytes.count - start))
        }
        return JournalBlock(packing: all.bytes, entries: placed, deflater: deflater)
    }
}
