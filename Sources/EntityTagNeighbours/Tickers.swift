import EntityTagModel
import EntityTagRecognizer
import EntityTagRules

/// A firm's stock symbol, as business and mining news writes it after the firm's name, is no name of its own:
/// - after an exchange's capitals and a colon in brackets (`Aston Minerals (ASX: ASO)`, `(NYSE: GOLD, TSX: ABX)`,
///   `(Nasdaq:AAPL)`): the exchange stays a body, the symbol goes;
/// - alone in brackets right after a firm, when it mixes capitals and digits (`Golden Mile Resources (G88)`), which no
///   acronym of the firm's words does.
extension Recognizer {
    package func dropTickers(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>) {
        var dropped: [Int] = []
        for n in kept.indices where kept[n].label.isName {
            let s = kept[n].start, e = kept[n].end
            guard e - s <= 6, e - s >= 1, Self.symbolShaped(b, s, e) else { continue }
            if Self.afterExchange(b, s) {
                dropped.append(n)
            } else if n > 0, kept[n - 1].label == .org, s >= 2, b[s - 1] == 0x28, b[s - 2] == 0x20, kept[n - 1].end == s - 2,
                      e < b.count, b[e] == 0x29, (s..<e).contains(where: { b[$0] &- 0x30 < 10 }),
                      (s..<e).contains(where: { b[$0] &- 0x41 < 26 }) {
                dropped.append(n)
            }
        }
        for n in dropped.reversed() { kept.remove(at: n) }
    }

    /// Capitals and digits only (a full stop or hyphen inside: `BRK.B`), no small letter.
    static func symbolShaped(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard b[s] &- 0x41 < 26 || b[s] &- 0x30 < 10 else { return false }
        return (s..<e).allSatisfy { b[$0] &- 0x41 < 26 || b[$0] &- 0x30 < 10 || b[$0] == 0x2E || b[$0] == 0x2D }
    }

    /// Whether `EXCHANGE:` (two to eight capitals, a hyphen and a capital allowed: `TSX-V`; or `Nasdaq`) stands right
    /// before byte `s`, inside a bracket opened at most 40 bytes before.
    static func afterExchange(_ b: UnsafeBufferPointer<UInt8>, _ s: Int) -> Bool {
        var i = s - 1
        if i >= 0, b[i] == 0x20 { i -= 1 }
        guard i >= 2, b[i] == 0x3A else { return false }
        var j = i - 1
        while j >= 0, b[j] &- 0x41 < 26 || b[j] == 0x2D || b[j] &- 0x61 < 26 { j -= 1 }
        let word = j + 1..<i
        guard (2...8).contains(word.count), b[word.lowerBound] &- 0x41 < 26 else { return false }
        let capitals = word.allSatisfy { b[$0] &- 0x41 < 26 || b[$0] == 0x2D }
        let nasdaq = word.count == 6 && Array(b[word]) == Array("Nasdaq".utf8)
        guard capitals || nasdaq else { return false }
        var k = j
        while k >= 0, k > s - 40 {
            if b[k] == 0x28 { return true }
            if b[k] == 0x29 || b[k] == 0x0A { return false }
            k -= 1
        }
        return false
    }
}
