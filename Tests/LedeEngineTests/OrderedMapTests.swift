import Foundation
@testable import LedeEngine
@testable import LedePipeline
import Testing

/// The engine's scheduling on its own: results in item order, however the transforms finish, with bounded
/// work in flight, and a stop that takes no further item.
struct OrderedMapTests {
    /// Counts shared by the transforms and the test.
    final class Gauge: @unchecked Sendable {
        private let lock = NSLock()
        private var running = 0
        private(set) var most = 0
        func enter() { lock.withLock { running += 1; most = max(most, running) } }
        func leave() { lock.withLock { running -= 1 } }
    }

    @Test("Results come back in item order though later items finish first, with at most width in flight")
    func orderAndWidth() async throws {
        let gauge = Gauge()
        var items = (0..<200).makeIterator()
        var taken = 0
        var seen: [Int] = []
        var mostAhead = 0
        try await OrderedMap.run(width: 3, maxAhead: 6, next: { () -> Int? in
            guard let item = items.next() else { return nil }
            taken += 1
            mostAhead = max(mostAhead, taken - seen.count)
            return item
        }, transform: { item in
            gauge.enter()
            // Earlier items take longer, so they finish after later ones.
            try? await Task.sleep(nanoseconds: UInt64((7 - item % 7) * 200_000))
            gauge.leave()
            return item * 2
        }, consume: { seen.append($0 / 2) })
        #expect(seen == Array(0..<200))
        #expect(gauge.most <= 3 && gauge.most >= 2, "in flight at most: \(gauge.most)")
        #expect(mostAhead <= 6, "taken ahead of consumption: \(mostAhead)")
    }

    @Test("An error from consume stops the map: no item is taken after it beyond those already running")
    func consumeErrorStops() async throws {
        struct Stop: Error {}
        var taken = 0
        await #expect(throws: Stop.self) {
            try await OrderedMap.run(width: 2, maxAhead: 4, next: { () -> Int? in
                taken += 1
                return taken <= 1000 ? taken : nil
            }, transform: { $0 }, consume: { item in if item == 10 { throw Stop() } })
        }
        #expect(taken < 20, "took \(taken) items")
    }
}
