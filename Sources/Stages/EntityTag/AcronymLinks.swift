import EntityTagModel
import EntityTagRules
import LedeText

/// The bundled gazetteer links acronyms to one organization each (`CCTV` → China Central Television, `DPP` →
/// Democratic Progressive Party), but an acronym names different things in different countries' news
/// (closed-circuit cameras; a Director of Public Prosecutions). A link that nothing in the document
/// confirms is a silent error, so a bundled acronym keeps its canonical form only when the document writes
/// that form; the acronyms of a user's own gazetteer keep theirs.
extension EntityTagStage {
    /// The acronyms a user's gazetteer names, whose links are kept as the user wrote them.
    static func userAcronyms(_ user: Gazetteer) -> Set<String> {
        Set(user.entries.map(\.text).filter { Self.isAcronym(Array($0.utf8)[...]) })
    }

    /// Drops the canonical form of each acronym in `found` that the document does not write and the user did not
    /// link.
    static func unlinkAcronyms(_ found: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, keeping user: Set<String>,
                               gazetteer: Gazetteer) {
        var written: [String: Bool] = [:]
        for n in found.indices {
            guard let link = found[n].canonical, found[n].length <= 8, isAcronym(b[found[n].start..<found[n].end]) else { continue }
            let canonical = link.string(b, gazetteer: gazetteer)
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[found[n].start..<found[n].end]), as: UTF8.self)
            guard text != canonical, !user.contains(text) else { continue }
            if written[canonical] == nil { written[canonical] = contains(b, Array(canonical.utf8)) }
            if written[canonical] == false { found[n].canonical = nil }
        }
    }

    /// Two to eight capitals, digits, `&` or `-`, with at least two capitals.
    static func isAcronym<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        guard bytes.count >= 2, bytes.count <= 8 else { return false }
        var capitals = 0
        for c in bytes {
            if c >= 0x41 && c <= 0x5A { capitals += 1 } else if !(c >= 0x30 && c <= 0x39) && c != 0x26 && c != 0x2D { return false }
        }
        return capitals >= 2
    }

    /// Whether `needle` occurs in `b`.
    static func contains(_ b: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= b.count else { return false }
        var i = 0
        while i + needle.count <= b.count {
            if b[i] == first, needle.indices.allSatisfy({ b[i + $0] == needle[$0] }) { return true }
            i += 1
        }
        return false
    }
}
