import Foundation
@testable import LedeCore
@testable import LedeEngine
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

    @Test("A journaled result is reused, the others are computed once, in batch order, with their records")
    func reuseAndCompute() async throws {
        let dir = NSTemporaryDirectory() + "lede-cache-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let output = OutputFolder(path: dir)
        let fingerprint = Array(repeating: UInt8(7), count: 32)
        let batch = (0..<4).map(input)

        // A first run computes everything and files the records of inputs 0 and 2.
        let first = JournalCache(store: JournalStore(output: output, fingerprint: fingerprint, mode: .write), reuse: false, stages: 1)
        let all = await first.results(for: batch) { $0.map(computed) }
        #expect(all.allSatisfy { $0.record != nil && $0.key != nil && !$0.reused })
        let writer = try JournalWriter(store: JournalStore(output: output, fingerprint: fingerprint, mode: .write))
        for n in [0, 2] { try writer.append(all[n].key!, all[n].record!) }
        try writer.commit()

        // A second run takes 0 and 2 from the journal and computes only 1 and 3.
        let second = JournalCache(store: JournalStore(output: output, fingerprint: fingerprint, mode: .reuse), reuse: true, stages: 1)
        var asked: [String] = []
        let again = await second.results(for: batch) { fresh in
            asked = fresh.map(\.id)
            return fresh.map(computed)
        }
        #expect(asked == ["doc-1", "doc-3"])
        #expect(again.map(\.reused) == [true, false, true, false])
        #expect(again.map(\.record) == all.map(\.record), "a reused result is the one computed")
        #expect(again.map(\.position) == batch.map(\.position))

        // Another fingerprint (another build or pipeline) reuses nothing.
        let other = JournalCache(store: JournalStore(output: output, fingerprint: Array(repeating: 8, count: 32), mode: .reuse),
                                 reuse: true, stages: 1)
        #expect(await other.results(for: batch) { $0.map(computed) }.allSatisfy { !$0.reused })
        // Without a journal nothing is keyed or recorded.
        let none = JournalCache(store: nil, reuse: false, stages: 1)
        #expect(await none.results(for: batch) { $0.map(computed) }.allSatisfy { $0.key == nil && $0.record == nil })
    }
}
