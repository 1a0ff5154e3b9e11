@testable import EntityTagModel
@testable import EntityTagStage
import EntityTagRules
import LedeText
import Testing

/// Settling overlaps cluster by cluster must keep exactly what one greedy pass over every candidate keeps.
struct ResolveTests {
    /// The definition: every candidate in one order (longest, then higher priority, then earlier, then first
    /// found), each kept unless a byte of it is taken.
    static func reference(_ candidates: [Candidate], textLength: Int) -> [Candidate] {
        let order = candidates.indices.sorted { a, b in
            let (x, y) = (candidates[a], candidates[b])
            if x.length != y.length { return x.length > y.length }
            if x.priority != y.priority { return x.priority > y.priority }
            if x.start != y.start { return x.start < y.start }
            return a < b
        }
        var taken = [Bool](repeating: false, count: textLength)
        var kept: [Int] = []
        for i in order where !taken[candidates[i].start..<candidates[i].end].contains(true) {
            for j in candidates[i].start..<candidates[i].end { taken[j] = true }
            kept.append(i)
        }
        return kept.sorted { candidates[$0].start < candidates[$1].start }.map { candidates[$0] }
    }

    @Test("resolve keeps what the greedy definition keeps, for 3,000 random sets of overlapping candidates")
    func matchesTheGreedyDefinition() {
        var rng = SplitMix64(seed: 7)
        let labels: [EntityLabel] = [.person, .org, .gpe, .date, .cardinal]
        var clustered = 0
        for round in 0..<3_000 {
            let textLength = 20 + Int(rng.next() % 200)
            let count = Int(rng.next() % 40)
            var candidates: [Candidate] = []
            for _ in 0..<count {
                let start = Int(rng.next() % UInt64(textLength - 1))
                let end = min(textLength, start + 1 + Int(rng.next() % (round % 3 == 0 ? 30 : 8)))
                candidates.append(Candidate(start: start, end: end, label: labels[Int(rng.next() % 5)],
                                            canonical: rng.next() % 4 == 0 ? .entry(start) : nil, priority: Int(rng.next() % 4)))
            }
            // Most rounds come as the tagger makes them: sorted by start, or two lists each sorted by start.
            if round % 4 == 0 { candidates.sort { $0.start < $1.start } }
            if round % 4 == 1 {
                let half = candidates.count / 2
                candidates = candidates[..<half].sorted { $0.start < $1.start } + candidates[half...].sorted { $0.start < $1.start }
            }
            let got = EntityTagger.resolve(candidates)
            let want = Self.reference(candidates, textLength: textLength)
            #expect(got.map(\.start) == want.map(\.start) && got.map(\.end) == want.map(\.end)
                    && got.map(\.label) == want.map(\.label) && got.map(\.canonical) == want.map(\.canonical),
                    "round \(round)")
            if got.count < candidates.count { clustered += 1 }
        }
        // The rounds must exercise overlaps, not only lone candidates.
        #expect(clustered > 2_000)
    }
}
