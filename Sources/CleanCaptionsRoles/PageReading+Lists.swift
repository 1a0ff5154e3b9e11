import CleanCaptionsFeatures
import CleanCaptionsLines
import LedeCore
import LedeText

/// Lists of links outside the text: a menu of bulleted section names above the headline, the page's tags run together
/// in lowercase below the text.
extension PageReading {
    /// Above the text's top, a menu pasted one link a paragraph behind bullets: three lines or more in a row, each
    /// `•` and one to four words with no closing punctuation (`• Latest news`, `• Business`, `• Sport`). A list of the
    /// text stands under its headline.
    mutating func readBulletMenu() {
        let f = textTop
        var i = 0
        while i < f {
            var j = i
            while j < f, bulletLink(j) { j += 1 }
            if j - i >= 3 {
                for k in i..<j where verdicts[k].map({ !$0.decided || $0.role.isRemoved }) ?? true {
                    verdicts[k] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.beforeContent])
                }
            }
            i = j + 1
        }
    }

    /// Whether paragraph `j` is one bulleted link: `• ` and one to four words, no closing punctuation, 40 bytes at most.
    func bulletLink(_ j: Int) -> Bool {
        guard case .none = ruled[j], let s = scans[j], !s.plain, (1...4).contains(s.words) else {
            // (A bulleted link a rule removed keeps the run going.)
            if case .other(let reason) = ruled[j] { return reason == "chrome" && startsWithBullet(j) }
            return false
        }
        let p = TextLayout.trim(b, paragraphs[j])
        return p.count <= 40 && startsWithBullet(j) && s.features[.noEndPunct]
    }

    /// Whether paragraph `j` opens with `•` (E2 80 A2) and a space.
    func startsWithBullet(_ j: Int) -> Bool {
        let p = TextLayout.trim(b, paragraphs[j])
        guard p.count >= 5 else { return false }
        return b[p.lowerBound] == 0xE2 && b[p.lowerBound + 1] == 0x80 && b[p.lowerBound + 2] == 0xA2 && b[p.lowerBound + 3] == 0x20
    }

    /// Closing the page, among removed lines only, the page's tags run together: five to twenty words in lowercase ASCII
    /// letters and figures, nothing else (`harbour board pier ferry fares portpol`). The text's sentences have capitals
    /// and stops.
    mutating func readLowercaseTagsBelow() {
        var i = n - 1
        while i >= 0 {
            defer { i -= 1 }
            guard case .none = ruled[i], let s = scans[i] else { continue }
            if let v = verdicts[i], v.decided, v.role.isRemoved { continue }
            guard !s.plain, (5...20).contains(s.words), s.features[.noEndPunct] else { return }
            let p = TextLayout.trim(b, paragraphs[i])
            guard b[p.lowerBound] >= 0x61 && b[p.lowerBound] <= 0x7A,
                  p.allSatisfy({ b[$0] >= 0x61 && b[$0] <= 0x7A || b[$0] >= 0x30 && b[$0] <= 0x39 || b[$0] == 0x20 }) else { return }
            verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.afterBody])
        }
    }
}
