import Foundation
@testable import LedeCore
@testable import LedeEngine
@testable import LedePipeline
@testable import LedeInput
import LedeIO
import Testing

/// The journal as a cache in front of the stages, on its own: what it holds is reused, only the rest is
/// computed, and everything computed gets the record that the run files.
struct JournalCacheTests {
    func input(_ n: Int) -> RawInput {
        var raw = RawInput(id: "doc-\(n)", source: DocumentSource(path: "in/\(n).txt"), payload: .text(Array("Text \(n).".utf8)))
        raw.position = InputPosition(file: n, line: 0)
        return raw
    }

    func computed(_ raw: RawInput) -> Engine.Result {
        guard case .text(let bytes) = raw.payload else { preconditionFailure() }
        let document = Document(id: raw.id, text: String(decoding: bytes, as: UTF8.self), source: raw.source)
        return Engine.Result(outcomes: [.document(document, prepared: [])], position: raw.position, bytes: bytes.count,
                             seen: [1], passed: [1], failure: nil)
    }

    @Test("A journaled result is reused, the others are computed once, in batch order, and all are filed again")
    func reuseAndCompute() async throws {
        let dir = NSTemporaryDirectory() + "lede-cache-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let output = OutputFolder(path: dir)
        let fingerprint = Array(repeating: UInt8(7), count: 32)
        let batch = (0..<4).map(input)

        // A first run computes everything; the journal keeps the records of inputs 0 and 2 only.
        let first = JournalCache(store: JournalStore(output: output, fingerprint: fingerprint, mode: .write), reuse: false, stages: 1)
        let (all, kept) = await first.results(for: batch) { $0.map(computed) }
        #expect(all.allSatisfy { $0.key != nil && !$0.reused })
        #expect(kept?.keys == all.map { $0.key! }, "every computed result is kept, in order")
        #expect(kept?.entries.map(\.content.record) == all.map(Engine.record(of:)), "kept as the result was computed")
        let writer = try JournalWriter(store: JournalStore(output: output, fingerprint: fingerprint, mode: .write))
        let some = [0, 2].map { (all[$0].key!, Engine.record(of: all[$0])) }
        try writer.append(JournalBlock(records: some, deflater: Deflater()))
        try writer.commit()

        // A second run takes 0 and 2 from the journal and computes only 1 and 3; all four are filed again.
        let second = JournalCache(store: JournalStore(output: output, fingerprint: fingerprint, mode: .reuse), reuse: true, stages: 1)
        var asked: [String] = []
        let (again, kept2) = await second.results(for: batch) { fresh in
            asked = fresh.map(\.id)
            return fresh.map(computed)
        }
        #expect(asked == ["doc-1", "doc-3"])
        #expect(again.map(\.reused) == [true, false, true, false])
        #expect(again.map(Engine.record(of:)) == all.map(Engine.record(of:)), "a reused result is the one computed")
        #expect(again.map(\.position) == batch.map(\.position))
        #expect(kept2?.entries.count == 4)

        // Another fingerprint (another build or pipeline) reuses nothing.
        let other = JournalCache(store: JournalStore(output: output, fingerprint: Array(repeating: 8, count: 32), mode: .reuse),
                                 reuse: true, stages: 1)
        #expect(await other.results(for: batch) { $0.map(computed) }.results.allSatisfy { !$0.reused })
        // Without a journal nothing is keyed or filed.
        let none = JournalCache(store: nil, reuse: false, stages: 1)
        let (plain, noBlock) = await none.results(for: batch) { $0.map(computed) }
        #expect(plain.allSatisfy { $0.key == nil } && noBlock == nil)
    }

    @Test("A block is compressed, reads back record by record, and a damaged block reads as nothing")
    func blocks() throws {
        let records = (0..<16).map { n in (JournalKey(hex: String(repeating: String(format: "%02x", n), count: 32))!,
                                           Array(String(repeating: "The council met on March \(n). ", count: 40).utf8)) }
        let block = JournalBlock(records: records, deflater: Deflater())
        let raw = records.reduce(0) { $0 + $1.1.count }
        #expect(block.stored.count * 4 < raw, "\(block.stored.count) bytes stored for \(raw)")
        var cache = JournalBlockCache()
        for (entry, (_, record)) in zip(block.entries, records) {
            let location = JournalStore.Location(part: 0, offset: 100, length: block.stored.count, checksum: Checksum.of(block.stored),
                                                 record: entry.offset..<(entry.offset + entry.length))
            #expect(cache.record(at: location) { block.stored } == record)
        }
        var damaged = block.stored
        damaged[damaged.count / 2] ^= 0xFF
        var fresh = JournalBlockCache()
        let location = JournalStore.Location(part: 0, offset: 100, length: damaged.count, checksum: Checksum.of(block.stored),
                                             record: 0..<10)
        #expect(fresh.record(at: location) { damaged } == nil)
        // Inflating checks the size too, whatever the checksum says.
        #expect(throws: (any Error).self) { try JournalRecord.unpack([1, 200, 1] + Array(block.stored.dropFirst(3))) }
    }
}
