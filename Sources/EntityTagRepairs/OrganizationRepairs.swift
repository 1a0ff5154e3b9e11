import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// Where the form of a name says it is an organization, whatever the model called it (issue #21). Each is a
/// structure of news writing, not a list of names:
///
/// - a head word that is a structure's (`Rectory Lane`, `Buckingham Palace`) or an institution's (`High Court`):
///   no person, and for an institution no place either;
/// - a legal form at the end (`Jones Medical Industries Inc`, `Schroder Wertheim & Co`): no person or place
///   is incorporated; a legal form right after a name joins it (`Magna International` + `Inc`);
/// - two names joined by `&` (`Douglas & Lomason`, `Procter & Gamble`): a firm's, where two people are
///   joined by `and`;
/// - the words before an acronym in brackets whose initials it spells (`Organisation for Security and
///   Cooperation in Europe (OSCE)`): one name, however the model cut it, and the acronym is that name.
extension Recognizer {
    /// Applies the three repairs to `kept` (in text order), then sorts it again.
    package func repairOrganizations(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        guard !kept.isEmpty else { return }
        let words = a.words
        var ranges = a.wordIndex.ranges(words, kept)
        var changed = false
        // Legal forms: relabel, or join the form that follows.
        for n in kept.indices where kept[n].label.isName {
            guard var r = ranges[n] else { continue }
            // A legal form ends the name: what follows it is where the firm is (`Daniels Pharmaceuticals Inc of
            // St. Petersburg`). `Co` is left out, which some names run on after (`Aluminum Co of America`).
            if r.count >= 3 {
                for k in (r.lowerBound + 1)..<(r.upperBound - 1) where Self.mayBeLegalForm(b, words[k])
                    && !WordMatch.isWord(b, words[k], "co") && !WordMatch.isWord(b, words[k], "co.") && WordMatch.isAny(b, words[k], RepairWords.legalForms)
                    && !words[k + 1].capitalized {
                    kept[n].end = words[k].end
                    kept[n].label = .org
                    kept[n].canonical = nil
                    r = r.lowerBound..<(k + 1)
                    ranges[n] = r
                    break
                }
            }
            let last = r.upperBound - 1
            // `Clive Edwards SC`: a senior counsel's letters after a person's name (read as a person, or opening with a
            // given name) are no club's form.
            if r.count >= 3, WordMatch.isWord(b, words[last], "sc"), b[words[last].start + 1] == 0x43,
               kept[n].label == .person || words[r.lowerBound].flags & Feature.given.rawValue != 0 {
                kept[n].end = words[last - 1].end
                kept[n].label = .person
                kept[n].canonical = .text(start: kept[n].start, end: kept[n].end)
                ranges[n] = r.lowerBound..<last
                continue
            }
            if r.count >= 2, Self.mayBeLegalForm(b, words[last]) && WordMatch.isAny(b, words[last], RepairWords.legalForms)
                || Self.clubForm(b, words[last]) && words[last].gap == .space {
                if kept[n].label != .org { kept[n].label = .org; kept[n].canonical = nil }
            } else if r.upperBound < words.count, Self.mayBeLegalForm(b, words[r.upperBound]),
                      WordMatch.isAny(b, words[r.upperBound], RepairWords.legalForms),
                      Self.joinedBySpace(b, words[last], words[r.upperBound]),
                      n + 1 >= kept.count || kept[n + 1].start >= words[r.upperBound].end {
                kept[n].end = words[r.upperBound].end
                kept[n].label = .org
                kept[n].canonical = nil
                ranges[n] = r.lowerBound..<(r.upperBound + 1)
            }
        }
        // The head word decides: a road, a palace or a station is no person or organization (`Rectory Lane`,
        // `Buckingham Palace`, `Sussex Street`),
        // and a court, a council or a ministry is no person or place (`High Court`, `Luthuli House`), unless a
        // given name opens a name of two words (`Charlotte Church`) or the gazetteer says what the model said.
        for n in kept.indices where kept[n].label == .person || kept[n].label == .gpe || kept[n].label == .org {
            guard let r = ranges[n], r.count >= 2 else { continue }
            let head = words[r.upperBound - 1]
            guard head.capitalized, !(r.count == 2 && words[r.lowerBound].flags & Feature.given.rawValue != 0),
                  Self.match(a.matches, kept[n].start, kept[n].end)?.label != kept[n].label else { continue } // `Soviet Union`
            let structure = head.flags & Feature.facilityHeads.rawValue != 0 || WordMatch.isAny(b, head, RepairWords.streetHeads)
            // An organization keeps a head that is also an institution's or a company's (`Anglican Church`,
            // `Cunard Line`).
            let firmToo = head.flags & Feature.orgHeads.rawValue != 0 || WordMatch.isWord(b, head, "line")
            // A law is named by its head too (`Pakistan Penal Code`, `Official Secrets Act`).
            if head.flags & Feature.lawSuffixes.rawValue != 0, WordMatch.isAny(b, head, RepairWords.lawHeads) {
                kept[n].label = .law
                kept[n].canonical = nil
                continue
            }
            // A street, a palace or an observatory is no town either (`Rectory Lane`, `McDonald Observatory`),
            // unless the gazetteer says so.
            if kept[n].label == .person && structure || kept[n].label == .org && structure && !firmToo
                || kept[n].label == .gpe && (structure || WordMatch.isAny(b, head, RepairWords.groundHeads)) {
                kept[n].label = .fac
                kept[n].canonical = nil
            } else if kept[n].label != .org, head.flags & Feature.orgHeads.rawValue != 0,
                      kept[n].label == .person || !WordMatch.isWord(b, head, "house") && !WordMatch.isWord(b, head, "union") { // `Soviet Union`
                kept[n].label = .org
                kept[n].canonical = nil
            }
        }
        // `Hospital Kuala Lumpur`, `Hospital Sultanah Aminah`: an institution's or a structure's head before a name
        // read as a town makes it the institution or the structure, as in Malaysian and French usage.
        for n in kept.indices where kept[n].label == .gpe {
            guard let r = ranges[n], r.count >= 2, words[r.lowerBound].capitalized,
                  Self.match(a.matches, kept[n].start, kept[n].end)?.label != .gpe else { continue }
            let first = words[r.lowerBound]
            if first.flags & Feature.orgHeads.rawValue != 0 && !WordMatch.isWord(b, first, "house") || WordMatch.isAny(b, first, RepairWords.institutionsFirst) {
                kept[n].label = .org
                kept[n].canonical = nil
            } else if first.flags & Feature.facilityHeads.rawValue != 0 {
                kept[n].label = .fac
                kept[n].canonical = nil
            }
        }
        // A street's head alone (`Street` of `42nd Street`, `Tell Street`) is no one: with the ordinal or the
        // capitalized word before it, it is the street.
        // A direction may follow (`8th Street Northeast`).
        for n in kept.indices.reversed() where kept[n].label.isName && kept[n].label != .fac {
            guard let r = ranges[n], r.count <= 3 else { continue }
            let w = words[r.lowerBound]
            guard w.capitalized, w.flags & Feature.facilityHeads.rawValue != 0, WordMatch.isAny(b, w, RepairWords.roadWords),
                  r.dropFirst().allSatisfy({ WordMatch.isAny(b, words[$0], RepairWords.directions) }) else { continue }
            if r.lowerBound > 0, case let v = words[r.lowerBound - 1], Self.joinedBySpace(b, v, w), v.capitalized || v.digit {
                // The ordinal the rules read (`42nd`) is the street's number.
                if n > 0, kept[n - 1].start == v.start, kept[n - 1].end == v.end, !kept[n - 1].label.isName {
                    kept.remove(at: n - 1)
                    ranges.remove(at: n - 1)
                    continue
                }
                guard n == 0 || kept[n - 1].end <= v.start else { continue }
                kept[n].start = v.start
                kept[n].label = .fac
                kept[n].canonical = nil
                ranges[n] = (r.lowerBound - 1)..<r.upperBound
            } else {
                kept.remove(at: n)
                ranges.remove(at: n)
            }
        }
        // An ordinal in digits the rules read before a road's head the model left alone is the street (`51st
        // Street`; not `first Road Safety Week`).
        for n in kept.indices where kept[n].label == .ordinal {
            guard let r = ranges[n], r.count == 1, words[r.lowerBound].digit, r.upperBound < words.count,
                  case let w = words[r.upperBound], w.capitalized,
                  Self.joinedBySpace(b, words[r.lowerBound], w), w.flags & Feature.facilityHeads.rawValue != 0,
                  WordMatch.isAny(b, w, RepairWords.roadWords),
                  n + 1 >= kept.count || kept[n + 1].start >= w.end else { continue }
            kept[n].end = w.end
            kept[n].label = .fac
            kept[n].canonical = nil
            ranges[n] = r.lowerBound..<(r.upperBound + 1)
        }
        // One word after a title that is an institution's or a structure's head, or a kinship word (`Sheriff's
        // Office`, `Queen Mother`), is part of an office, not a person.
        let heads = Feature.orgHeads.rawValue | Feature.facilityHeads.rawValue
        var office: [Int] = []
        for n in kept.indices where kept[n].label == .person {
            guard let r = ranges[n], r.count == 1, r.lowerBound > 0 else { continue }
            let w = r.lowerBound
            guard words[w - 1].flags & Feature.titles.rawValue != 0, words[w - 1].flags & Feature.addresses.rawValue == 0 else { continue }
            if words[w].flags & heads != 0 || WordMatch.isAny(b, words[w], RepairWords.kinship) { office.append(n) }
        }
        for n in office.reversed() {
            kept.remove(at: n)
            ranges.remove(at: n)
        }
        // `X & Y`: one organization.
        var n = 0
        while n + 1 < kept.count {
            defer { n += 1 }
            guard kept[n].label.isName, kept[n + 1].label.isName, let r = ranges[n], let s = ranges[n + 1],
                  s.lowerBound == r.upperBound, ampersandBetween(b, words[r.upperBound - 1], words[s.lowerBound]),
                  words[s.lowerBound].capitalized else { continue }
            kept[n].end = kept[n + 1].end
            kept[n].label = .org
            kept[n].canonical = nil
            ranges[n] = r.lowerBound..<s.upperBound
            kept.remove(at: n + 1)
            ranges.remove(at: n + 1)
            n -= 1
            changed = true
        }
        // `Kerr County Sheriff’s Office`, `Cook County State’s Attorney’s Office`: a name, an office's title with
        // its possessive, and an institution's head are one organization.
        n = 0
        while n < kept.count {
            defer { n += 1 }
            guard kept[n].label.isName, let r = ranges[n], r.upperBound + 1 < words.count else { continue }
            var k = r.upperBound
            while k < r.upperBound + 3, k + 1 < words.count, words[k].capitalized, words[k].flags & Feature.titles.rawValue != 0,
                  !words[k].possessive, Self.joinedBySpace(b, words[k - 1], words[k]) { k += 1 }
            guard k + 1 < words.count, words[k].capitalized, words[k].flags & Feature.titles.rawValue != 0, words[k].possessive,
                  Self.joinedBySpace(b, words[k - 1], words[k]), words[k + 1].capitalized,
                  words[k + 1].flags & Feature.orgHeads.rawValue != 0 else { continue }
            let end = words[k + 1].end
            while n + 1 < kept.count, kept[n + 1].start < end {
                kept.remove(at: n + 1)
                ranges.remove(at: n + 1)
            }
            kept[n].end = end
            kept[n].label = .org
            kept[n].canonical = nil
            ranges[n] = r.lowerBound..<(k + 2)
            changed = true
        }
        // `Pruett & Maddox` where only one side was read as a name: the capitalized word on the other side of
        // the `&` joins it.
        n = 0
        while n < kept.count {
            defer { n += 1 }
            guard kept[n].label.isName, let r = ranges[n] else { continue }
            if r.lowerBound >= 1, words[r.lowerBound - 1].capitalized,
               words[r.lowerBound - 1].flags & Feature.functionWords.rawValue == 0,
               ampersandBetween(b, words[r.lowerBound - 1], words[r.lowerBound]),
               n == 0 || kept[n - 1].end <= words[r.lowerBound - 1].start {
                kept[n].start = words[r.lowerBound - 1].start
                ranges[n] = (r.lowerBound - 1)..<r.upperBound
            } else if r.upperBound < words.count, words[r.upperBound].capitalized,
                      ampersandBetween(b, words[r.upperBound - 1], words[r.upperBound]),
                      n + 1 >= kept.count || kept[n + 1].start >= words[r.upperBound].end {
                kept[n].end = words[r.upperBound].end
                ranges[n] = r.lowerBound..<(r.upperBound + 1)
            } else { continue }
            kept[n].label = .org
            kept[n].canonical = nil
            changed = true
        }
        // Acronyms in brackets and the words they spell: found at the opening brackets, which are few.
        var offices: [Slice<UnsafeBufferPointer<UInt8>>] = []
        var open = 0
        while let at = Self.nextByte(0x28, in: b, from: open) {
            open = at + 1
            guard let i = Consistency.firstWord(words, at: at + 1), i > 0 else { continue }
            let w = words[i]
            guard w.end < b.count, b[w.end] == 0x29, let first = spelled(b, words, acronym: i) else { continue }
            let start = words[first].start, end = words[i - 1].end
            // What the model and rules found over those words: one of them exactly, or pieces to replace.
            let inside = kept.indices.filter { kept[$0].start < end && kept[$0].end > start && kept[$0].label.isName }
            // `Provincial Police Commander (PPC)`: the initials of an office are a title, here and wherever the
            // document writes them again (`PPC Rau`), and name no one.
            if words[i - 1].flags & Feature.titles.rawValue != 0 {
                offices.append(b[w.start..<w.end])
                for k in inside.reversed() where kept[k].end <= end { kept.remove(at: k) }
                changed = true
                continue
            }
            // What the model ran in from the left over nothing but titles is the name's (`Deputy-Director of the` of
            // `Deputy-Director of the Criminal Investigation and Detection Group (CIDG)`).
            guard inside.allSatisfy({ m in
                kept[m].end <= end && (kept[m].start >= start
                    || words[..<first].lastIndex(where: { $0.start <= kept[m].start }).map { k in
                        (k..<first).allSatisfy { isTitleOrJoiner(b, words[$0]) } } ?? false)
            }) else { continue }
            let exact = inside.first { kept[$0].start == start && kept[$0].end == end }
            // (A name of a law spelled by its acronym is the law: `Promotion of Administrative Justice Act (PAJA)`.)
            let label = exact.map { kept[$0].label }
                ?? (WordMatch.isAny(b, words[i - 1], RepairWords.lawHeads) || inside.contains { kept[$0].label == .law } ? .law : .org)
            if exact == nil {
                for k in inside.reversed() { kept.remove(at: k) }
                kept.append(Candidate(start: start, end: end, label: label, canonical: nil, priority: 4))
            }
            if let k = kept.firstIndex(where: { $0.start == w.start && $0.end == w.end }) {
                kept[k].label = label
                kept[k].canonical = nil
            } else if !kept.contains(where: { $0.start < w.end && $0.end > w.start }) {
                kept.append(Candidate(start: w.start, end: w.end, label: label, canonical: nil, priority: 4))
            }
            changed = true
        }
        if !offices.isEmpty { Self.dropOffices(offices, &kept, b, words) }
        if changed { kept.sort { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// Takes the initials of offices out of the names: a name that is one goes, and one that opens with one
    /// and a space starts after it (an organization's words after a title are a person's: `PPC Jo Rau`).
    private static func dropOffices(_ offices: [Slice<UnsafeBufferPointer<UInt8>>], _ kept: inout [Candidate],
                                    _ b: UnsafeBufferPointer<UInt8>, _ words: [Word]) {
        var dropped: [Int] = []
        for n in kept.indices where kept[n].label.isName {
            guard let office = offices.first(where: { o in
                kept[n].length >= o.count && (0..<o.count).allSatisfy { b[kept[n].start + $0] == o[o.startIndex + $0] }
                    && (kept[n].length == o.count || b[kept[n].start + o.count] == 0x20)
            }) else { continue }
            guard kept[n].length > office.count, let next = Consistency.firstWord(words, at: kept[n].start + office.count + 1),
                  words[next].start < kept[n].end else {
                dropped.append(n)
                continue
            }
            kept[n].start = words[next].start
            if kept[n].label == .org, words[next].capitalized { kept[n].label = .person }
            kept[n].canonical = kept[n].label == .person
                ? .text(start: kept[n].start, end: kept[n].end) : nil
        }
        for n in dropped.reversed() { kept.remove(at: n) }
    }

    /// Whether `w` is one of ``RepairWords/clubForms``, in capitals (`FC`, not the `Sc` of `M.Sc`).
    @inline(__always) static func clubForm(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        guard w.count <= 6, b[w.start] >= 0x41, b[w.start] <= 0x5A, b[w.end - 1] < 0x61 else { return false }
        return WordMatch.isAny(b, w, RepairWords.clubForms)
    }

    /// Whether `w` could be one of ``RepairWords.legalForms``: capitalized, at most 12 bytes, and its first letter one
    /// they start with. Most last words of names are not, and this spares them the list.
    @inline(__always) static func mayBeLegalForm(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        guard w.capitalized, w.end - w.start <= 12 else { return false }
        switch b[w.start] {
        case 0x41, 0x43, 0x47, 0x49, 0x4C, 0x50: return true // A C G I L P
        default: return false
        }
    }

    /// Only ` & ` (or `&`) between two words.
    private func ampersandBetween(_ b: UnsafeBufferPointer<UInt8>, _ x: Word, _ y: Word) -> Bool {
        var amp = false
        for k in x.end..<y.start {
            switch b[k] {
            case 0x20: continue
            case 0x26 where !amp: amp = true
            default: return false
            }
        }
        return amp
    }

    /// The first word of the capitalized words right before the bracket at word `i` whose initials are the
    /// acronym's capitals, in order, with lower-case joiners (`of`, `for`, `and`, `the`, `in`, `de`) passed
    /// over; nil when they spell something else.
    private func spelled(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], acronym i: Int) -> Int? {
        let w = words[i]
        var letters: [UInt8] = []
        for k in w.range {
            let c = b[k]
            if c >= 0x41 && c <= 0x5A { letters.append(c) } else if !(c >= 0x61 && c <= 0x7A) && c != 0x26 && c != 0x2D { return nil }
        }
        guard letters.count >= 2, letters.count <= 8 else { return nil }
        var k = i - 1
        var need = letters.count - 1
        var first: Int?
        while k >= 0, need >= 0 {
            let v = words[k]
            // Nothing but spaces (or the joiner's hyphen) between the words of the name.
            if k < i - 1, !Self.joinedBySpace(b, v, words[k + 1]) { return nil }
            if v.capitalized {
                guard b[v.start] == letters[need] else { return nil }
                first = k
                need -= 1
            } else if !WordMatch.isAny(b, v, RepairWords.acronymJoiners) || k == i - 1 {
                return nil
            }
            k -= 1
        }
        guard need < 0, let first, first < i - 1 else { return nil }
        return first
    }

}
