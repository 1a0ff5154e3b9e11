import LedeCore
import LedeText
import QuoteLexicon
import QuoteScanning

/// People and offices a phrase names: a person inside it or after its office, an office a role noun or a possessive
/// names, a person described by age, the owner of a written statement.
extension QuoteText {
    /// `Lawyer Ace Annan Akomah` when entity-tag found `Annan Akomah`: the person with the first name it left out between
    /// an office word and the name (as ``describeName`` reads the speaker), so that `he` stands for the same name.
    package func withFirstName(_ person: Range<Int>, within r: Range<Int>) -> Range<Int> {
        guard person.lowerBound > r.lowerBound, person.lowerBound - r.lowerBound <= 40 else { return person }
        let words = tokenizer.tokens(r.lowerBound..<person.lowerBound)
        guard words.count >= 2, case let w = words[words.count - 1], case let office = words[words.count - 2], w.kind == .word,
              office.kind == .word, isCapitalized(w), !isAcronym(w), !isAcronym(office), !isIn(w, lists.roles), !isIn(w, lists.titles),
              !isIn(w, lists.personNouns), !isIn(w, lists.determiners), isIn(office, lists.roles) || isIn(office, lists.personNouns)
        else { return person }
        return w.start..<person.upperBound
    }

    /// The names in `Judge Ann Mary Bello of the High Court`: an office, two capitalized names or more and a
    /// preposition name the person, whatever label entity-tag gave the phrase (an ORG, for the court's words). The
    /// office may stand just before `r`, and the preposition just after it.
    package func namesAfterRole(_ r: Range<Int>) -> Range<Int>? {
        // Only where entity-tag tagged an ORG over the phrase: checked on the entities before anything is allocated.
        var e = entities.firstIndex(startingAtOrAfter: max(0, r.lowerBound - 16))
        while e < entities.count, entities[e].start < r.upperBound, entities[e].label != "ORG" { e += 1 }
        guard e < entities.count, entities[e].start < r.upperBound else { return nil }
        let words = tokenizer.tokens(max(0, r.lowerBound - 16)..<min(b.count, r.upperBound + 4)).filter { $0.kind == .word }
        guard let i = words.firstIndex(where: { $0.start >= r.lowerBound }) else { return nil }
        let role = isIn(words[i], lists.roles) ? i : i - 1
        guard role >= 0, isCapitalized(words[role]), isIn(words[role], lists.roles), role == i || words[role].end + 1 == words[i].start,
              let p = words[(role + 1)...].firstIndex(where: { isIn($0, lists.prepositions) }), p - role >= 3, words[p - 1].end <= r.upperBound
        else { return nil }
        let names = words[(role + 1)..<p]
        guard names.allSatisfy({ isCapitalized($0) && !isIn($0, lists.roles) && !isIn($0, lists.orgSuffixes)
            && !isIn($0, lists.groupNouns) && !isAcronym($0) }) else { return nil }
        return names.first!.start..<names.last!.end
    }

    /// A PERSON entity inside a phrase (`Lead actress Bae Yoon-ji` gives `Bae Yoon-ji`). A possessor is not the
    /// phrase's person: `Yuan's aunt, a younger sister of the dead man` is the aunt, not Yuan.
    package func personInside(_ r: Range<Int>) -> Range<Int>? {
        var i = entities.firstIndex(startingAtOrAfter: r.lowerBound)
        while i < entities.count, entities[i].start < r.upperBound {
            if entities[i].label == "PERSON", entities[i].end <= r.upperBound, !possessed(entities[i].end, within: r) { return entities[i].range }
            i += 1
        }
        return nil
    }

    /// Whether a name ending at `end` is followed by a possessive `'s` (or `’s`) and more words of the phrase `r`.
    package func possessed(_ end: Int, within r: Range<Int>) -> Bool {
        var k = end
        if k + 1 < r.upperBound, b[k] == 0x27 { k += 1 } else if k + 3 < r.upperBound, b[k] == 0xE2, b[k + 1] == 0x80, b[k + 2] == 0x99 { k += 3 } else { return false }
        return k < r.upperBound && (b[k] == UInt8(ascii: "s") || b[k] == UInt8(ascii: "S")) && k + 1 < r.upperBound && b[k + 1] == 0x20
    }

    /// `Minister in the Prime Minister's Office and Second Minister for Finance Indranee Rajah`: a lone office
    /// word opening a long title, and the person the title ends with.
    package func personAfterOffice(_ r: Range<Int>) -> Range<Int>? {
        let words = tokenizer.tokens(r)
        guard words.count == 1, words[0].kind == .word, isIn(words[0], lists.roles), isCapitalized(words[0]) else { return nil }
        for t in tokenizer.tokens(r.upperBound..<min(b.count, r.upperBound + 160), untilStop: true).prefix(16) {
            guard t.kind == .word, isCapitalized(t) || isIn(t, lists.nameParticles) || isWord(t, "in") else { return nil }
            let i = entities.firstIndex(startingAtOrAfter: t.start)
            if i < entities.count, entities[i].start == t.start, entities[i].label == "PERSON" { return entities[i].range }
        }
        return nil
    }

    /// `the chief minister`, `The CM`, `the Premier`: a determiner, modifiers and an office.
    package func isRole(_ r: Range<Int>) -> Bool { roleParts(r) != nil }

    package func roleParts(_ r: Range<Int>) -> (head: String, modifiers: [String])? {
        // `'We will not back down,' says PM`: a headline's office in capitals, without `the`.
        if r.count == 2, b[r.lowerBound + 1] == 0x4D, b[r.lowerBound] == 0x50 || b[r.lowerBound] == 0x43 { // PM, CM
            return Self.spelled(b[r.lowerBound] == 0x50 ? "pm" : "cm", [])
        }
        // `"...," minister said.`: an office in lower case alone, its article dropped as headlines drop it.
        if r.count >= 5, r.count <= 14, b[r.lowerBound] &- 0x61 < 26, !r.contains(where: { b[$0] == 0x20 }),
           lists.roles.contains(b, r), !lists.titles.contains(b, r) {
            return Self.spelled(String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self), [])
        }
        // `the ` first, checked on the bytes before anything is allocated.
        guard r.count > 4, WordSet.lower(b[r.lowerBound]) == 0x74, WordSet.lower(b[r.lowerBound + 1]) == 0x68,
              WordSet.lower(b[r.lowerBound + 2]) == 0x65, b[r.lowerBound + 3] == 0x20 else { return nil }
        let words = tokenizer.tokens(r)
        guard words.count >= 2, words.count <= 6, words.allSatisfy({ $0.kind == .word }), isWord(words[0], "the"),
              isIn(words[words.count - 1], lists.roles), !isIn(words[words.count - 1], lists.titles) else { return nil }
        // `the Rt Hon Jane Pellow MP` is a person with letters after the name, not an office.
        // (A party's initials before it are the office's: `the SNP MSP`.)
        if words.count >= 3, isIn(words[words.count - 1], lists.postNominals), isNameWord(words[words.count - 2]),
           !isAcronym(words[words.count - 2]) { return nil }
        return Self.spelled(text(words[words.count - 1]).lowercased(), words[1..<(words.count - 1)].map { text($0).lowercased() })
    }

    package static func spelled(_ head: String, _ modifiers: [String]) -> (head: String, modifiers: [String]) {
        switch head {
        case "cm": return ("minister", modifiers + ["chief"])
        case "pm": return ("minister", modifiers + ["prime"])
        // `Gov. Paul LePage` holds the office `the governor` names.
        case "gov", "gov.": return ("governor", modifiers)
        case "sen", "sen.": return ("senator", modifiers)
        case "supt", "supt.": return ("superintendent", modifiers)
        case "insp", "insp.": return ("inspector", modifiers)
        case "det", "det.": return ("detective", modifiers)
        case "cllr", "cllr.", "clr", "clr.", "cr", "cr.": return ("councillor", modifiers)
        // `the CC` and `the DCC` hold the offices `County Commissioner Ann Wairimu` and `Deputy County Commissioner` name.
        case "cp", "cp.": return ("commissioner", modifiers)
        case "cc": return ("commissioner", modifiers + ["county"])
        case "dcc": return ("commissioner", modifiers + ["deputy", "county"])
        case "sp", "sp.": return ("superintendent", modifiers)
        case "ssp", "ssp.": return ("superintendent", modifiers + ["senior"])
        case "asp", "asp.": return ("superintendent", modifiers + ["assistant"])
        case "dsp", "dsp.": return ("superintendent", modifiers + ["deputy"])
        case "dcp": return ("commissioner", modifiers + ["deputy"])
        case "acp": return ("commissioner", modifiers + ["assistant"])
        case "cop": return ("commissioner", modifiers)
        case "capt", "capt.": return ("captain", modifiers)
        case "cpl", "cpl.": return ("corporal", modifiers)
        default: return (head, modifiers)
        }
    }

    /// `the 45-year-old`, `the 72-year-old grandmother`, `the 38-year-old father of two`: the person entity-tag
    /// found whom the text gave that age before (`Grace Mwangi, 45,`, `Grace Mwangi (45)`, `45-year-old Grace
    /// Mwangi`), the latest one.
    package func personOfAge(_ r: Range<Int>) -> Range<Int>? {
        // `the ` and a digit, checked on the bytes before anything is allocated.
        guard tagged, r.count > 14, WordSet.lower(b[r.lowerBound]) == 0x74, b[r.lowerBound + 3] == 0x20,
              WordScanner.isDigit(b[r.lowerBound + 4]) else { return nil }
        let words = tokenizer.tokens(r)
        // `the 45-year-old`, `the 45-year-old farmer`, `the 45-year-old mother of two`.
        guard words.count >= 2, words.count <= 6, words.allSatisfy({ $0.kind == .word }), isWord(words[0], "the"),
              words.dropFirst(2).allSatisfy({ !isCapitalized($0) && !isCue($0) && !looksLikeVerb($0) }) else { return nil }
        let age = words[1]
        var d = age.start
        while d < age.end, WordScanner.isDigit(b[d]) { d += 1 }
        let suffix = Array("-year-old".utf8)
        guard d > age.start, d - age.start <= 3, age.end - d == suffix.count,
              (0..<suffix.count).allSatisfy({ WordSet.lower(b[d + $0]) == suffix[$0] }) else { return nil }
        let digits = age.start..<d
        func isAge(at k: Int) -> Bool {
            k + digits.count <= b.count && (0..<digits.count).allSatisfy { b[k + $0] == b[digits.lowerBound + $0] }
                && (k + digits.count == b.count || !WordScanner.isDigit(b[k + digits.count]))
        }
        var i = entities.firstIndex(startingAtOrAfter: r.lowerBound)
        while i > 0 {
            i -= 1
            let e = entities[i]
            guard e.label == "PERSON", e.end <= r.lowerBound else { continue }
            // `Grace Mwangi, 45,`, `Grace Mwangi (45)`.
            if e.end + 2 < b.count, b[e.end] == 0x2C || b[e.end] == 0x20, b[e.end + 1] == 0x20 || b[e.end + 1] == 0x28,
               isAge(at: e.end + 2) { return e.range }
            // `45-year-old Grace Mwangi`, `45-year-old farmer Grace Mwangi`.
            let window = max(0, e.start - 40)..<e.start
            if let k = window.first(where: { isAge(at: $0) && ($0 == 0 || b[$0 - 1] == 0x20) }),
               !b[k..<e.start].contains(where: { $0 == 0x2E || $0 == 0x0A }), b[(k + digits.count)...].starts(with: suffix) { return e.range }
        }
        return nil
    }

    /// `the finance minister's statement`: the office a possessive phrase names, when what it owns is no person.
    package func possessiveRole(_ r: Range<Int>) -> Range<Int>? {
        // `the ` and an apostrophe, checked on the bytes before anything is allocated.
        guard r.count > 6, WordSet.lower(b[r.lowerBound]) == 0x74, b[r.lowerBound + 3] == 0x20,
              b[r].contains(where: { $0 == 0x27 || $0 == 0x99 }) else { return nil }
        let words = tokenizer.tokens(r)
        guard words.count >= 3, words.allSatisfy({ $0.kind == .word }), let p = words.dropLast().lastIndex(where: { isPossessive($0) }),
              p >= 1, words[(p + 1)...].allSatisfy({ !isIn($0, lists.personNouns) && !isIn($0, lists.roles) }) else { return nil }
        let cut = b[words[p].end - 1] == 0x73 && b[words[p].end - 2] == 0x27 ? 2 : 4
        let role = words[0].start..<(words[p].end - cut)
        return isRole(role) ? role : nil
    }

    /// `the chiefs’ letter said`, `the union's statement said`: whose the document is (`the chiefs`), when the words before
    /// the possessive name no office (``possessiveRole(_:)`` looks those up).
    package func documentOwner(_ r: Range<Int>) -> Range<Int>? {
        guard r.count > 8, WordSet.lower(b[r.lowerBound]) == 0x74, b[r.lowerBound + 3] == 0x20,
              b[r].contains(where: { $0 == 0x27 || $0 == 0x99 }) else { return nil }
        let words = tokenizer.tokens(r)
        guard words.count >= 3, words.count <= 5, words.allSatisfy({ $0.kind == .word }), isWord(words[0], "the"),
              Self.documentNouns.contains(where: { isWord(words[words.count - 1], $0) }) else { return nil }
        let owner = words[words.count - 2]
        // `chiefs’`, `chiefs'` (a plural's bare apostrophe) or `union's`, `union’s`.
        let e = owner.end
        let cut: Int
        if b[e - 1] == 0x27 { cut = 1 } else if e - owner.start > 3, b[e - 3] == 0xE2, b[e - 2] == 0x80, b[e - 1] == 0x99 { cut = 3 }
        else if isPossessive(owner) { cut = b[e - 2] == 0x27 ? 2 : 4 } else { return nil }
        return words[0].start..<(e - cut)
    }

    /// Whether the bytes between a name and a document's noun are a verb that issues it and an article (` entered a `,
    /// ` has issued the `), with at most one auxiliary before the verb.
    package func issuesDocument(_ between: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard between.count <= 24, between.first == 0x20 else { return false }
        let parts = between.split(separator: 0x20)
        guard parts.count == 2 || parts.count == 3, let article = parts.last,
              article.elementsEqual([0x61]) || article.elementsEqual([0x61, 0x6E]) || article.elementsEqual([0x74, 0x68, 0x65]) else { return false }
        let verb = parts[parts.count - 2]
        let start = verb.startIndex, end = verb.endIndex
        return lists.sendingVerbs.contains(b, start..<end)
    }

    /// Whether a person entity-tag found starts among `tokens`.
    package func hasPersonEntity(_ tokens: ArraySlice<Token>) -> Bool {
        guard tagged, let first = tokens.first, let last = tokens.last else { return false }
        let i = entities.firstIndex(startingAtOrAfter: first.start)
        return (i..<entities.count).prefix(while: { entities[$0].start < last.end }).contains { entities[$0].label == "PERSON" }
    }

    /// The words a written release goes by, after `the` (`the statement said`).
    package static let documentNouns: [StaticString] = ["statement", "release", "letter", "notice", "communique", "submission", "report",
                                                "memo", "memorandum"]

    /// Whether `c` follows a noun of a place and `of` (`the town of Ashby`, `the community of Pond Hill`).
    package func namesPlace(_ c: Range<Int>) -> Bool {
        var end = c.lowerBound
        guard end >= 4, b[end - 1] == 0x20, b[end - 2] == 0x66, b[end - 3] == 0x6F, b[end - 4] == 0x20 else { return false }
        end -= 4
        var start = end
        while start > 0, b[start - 1] &- 0x61 < 26 { start -= 1 }
        return end > start && lists.placeNouns.contains(b, start..<end)
    }
}
