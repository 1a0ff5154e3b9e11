import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// Names that run on into what follows them:
/// - an office after a body's or a place's name is no part of it (`SEDD Chairman`, `Supreme Council Member`, `Barrick
///   Lumwana Country Manager`, `Stellar Quines' Artistic Director`, `Tonota North Member of Parliament`): the name ends
///   before the office and the words that qualify it (`Country`, `Artistic`, `Managing`);
/// - two bodies joined by `and` that the model read as one are two when the document also writes one of them alone
///   (`MPower and Stellar Quines` beside `Stellar Quines`), or when the first ends in a place after `of`
///   (`Government of Botswana and De Beers`). A name whose second part alone ends in a body's head stays one
///   (`Scarborough and Whitby Local Area Committee`, `Liquor and Cannabis Board`), and two that each end in a body's
///   last word are two (`Dorrance Tunnel Engineering and Brellin Rail`);
/// - a union of two trades is one body (`Queensland Nurses and Midwives Union`), where the model read two;
/// - a person set off by a comma before an office and `of` or `at` is a person (`Kelli Hamilton, interim CEO at`);
/// - a title's initials before a firm's name are the firm's (`TD Securities Inc`, `MP Materials`), not an office;
/// - a sentence's or a clause's opening `The` is no part of a name of two words or more after it (`The Red Devils
///   recorded`, `(TAP) - The Ministry of Health`), as
///   OntoNotes has it, unless the lists know the name with it (`The New York Times`).
extension Recognizer {
    package func cutTrailingOffices(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        let ranges = a.wordIndex.ranges(words, kept)
        var added: [Candidate] = []
        defer { if !added.isEmpty { kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) } } }
        for n in kept.indices where kept[n].label == .org || kept[n].label == .gpe {
            guard let r = ranges[n], r.count >= 2, Self.match(a.matches, kept[n].start, kept[n].end) == nil else { continue }
            var end = r.upperBound
            // `Corvane Holdings Country` before `Manager Ada Pell`: the words that qualify an office after the name.
            if end < words.count, words[end].gap == .space, words[end].capitalized, WordMatch.isAny(b, words[end], RepairWords.trailingOffices) {
                while end > r.lowerBound + 1, words[end - 1].capitalized, WordMatch.isAny(b, words[end - 1], RepairWords.officeQualifiers) { end -= 1 }
                if end < r.upperBound {
                    kept[n].end = words[end - 1].end
                    kept[n].canonical = nil
                }
                continue
            }
            // `Kentucky Republican`, `Ohio Democrat`: a party's member after a place is the place and a people's name.
            // (`Senate Republicans`, `House Democrats`: a chamber's party members are the chamber and a people's name.)
            if kept[n].label == .gpe || kept[n].label == .org, WordMatch.isAny(b, words[end - 1], RepairWords.partyMembers),
               words[end - 1].capitalized {
                let party = words[end - 1]
                kept[n].end = words[end - 2].end
                kept[n].canonical = nil
                added.append(Candidate(start: party.start, end: party.end, label: .norp, canonical: nil, priority: kept[n].priority))
                continue
            }
            // `Member of Parliament` after a constituency.
            if r.count >= 4, WordMatch.isWord(b, words[end - 1], "parliament"), WordMatch.isWord(b, words[end - 2], "of") { end -= 2 }
            // (`U.N. High Commissioner for Refugees`: an office named with what it is for is a name of its own.)
            if end == r.upperBound, end < words.count, words[end].gap == .space, WordMatch.isAny(b, words[end], ["for", "of"]) { continue }
            let office = words[end - 1]
            guard office.capitalized, !office.possessive, WordMatch.isAny(b, office, RepairWords.trailingOffices) else { continue }
            end -= 1
            while end > r.lowerBound, words[end - 1].capitalized, !words[end - 1].possessive,
                  WordMatch.isAny(b, words[end - 1], RepairWords.officeQualifiers) { end -= 1 }
            // (A span of nothing but an office is left to the other repairs; `Office of the Secretary` keeps its office.)
            guard end > r.lowerBound, case let last = words[end - 1], last.possessive || last.flags & Feature.functionWords.rawValue == 0
            else { continue }
            var e = last.end
            // `Stellar Quines'`: a plural's apostrophe is no part of the name.
            if b[e - 1] == 0x27 { e -= 1 } else if e - last.start > 3, b[e - 3] == 0xE2, b[e - 2] == 0x80, b[e - 1] == 0x99 { e -= 3 }
            kept[n].end = e
            kept[n].canonical = nil
        }
    }

    package func splitJoinedBodies(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        // (Read off the bytes first: most documents join no body's name with ` and `.)
        guard kept.contains(where: { $0.label == .org && Rules.contains(b, $0.start..<$0.end, " and ") }) else { return }
        let ranges = a.wordIndex.ranges(words, kept)
        var added: [Candidate] = []
        for n in kept.indices where kept[n].label == .org {
            guard let r = ranges[n], r.count >= 3, r.count <= 8, Self.match(a.matches, kept[n].start, kept[n].end) == nil,
                  let and = (r.lowerBound + 1..<(r.upperBound - 1)).first(where: { WordMatch.isWord(b, words[$0], "and") }),
                  words[and + 1].capitalized || WordMatch.isWord(b, words[and + 1], "the") && words[and + 2].capitalized,
                  words[and - 1].capitalized, !words[and - 1].possessive,
                  !(r.lowerBound..<r.upperBound).contains(where: { $0 != and && WordMatch.isWord(b, words[$0], "and") })
            else { continue }
            let left = r.lowerBound..<and, right = (and + 1)..<r.upperBound
            let leftKey = Consistency.phraseKey(words[left]), rightKey = Consistency.phraseKey(words[right])
            // (Written alone as a body: `Scarborough` alone is the town, and `Scarborough and Whitby Local Area Committee`
            // one body.)
            let writtenAlone = kept.indices.contains { m in
                guard m != n, let s = ranges[m], kept[m].label == .org else { return false }
                let key = Consistency.phraseKey(words[s])
                return key == leftKey || key == rightKey
            }
            // `Hong Kong Centre for Medical Products Regulation and the Greater Bay Area International Clinical Trial
            // Institute`: `and the` before a second name that ends in a body's head.
            let secondBody = WordMatch.isWord(b, words[and + 1], "the") && and + 3 < r.upperBound
                && words[r.upperBound - 1].flags & (Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue) != 0
            let placeAfterOf = left.count >= 3 && WordMatch.isWord(b, words[left.upperBound - 2], "of")
                && (Self.match(a.matches, words[left.upperBound - 1].start, words[left.upperBound - 1].end)?.label == .gpe)
            // (`Scarborough and Whitby Local Area Committee`, `Liquor and Cannabis Board`: a head ends the second part
            // alone, so the whole is one body whatever the document writes alone.)
            let heads = Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue
            let oneBody = words[r.upperBound - 1].flags & heads != 0 && words[and - 1].flags & heads == 0
            // `Dorrance Tunnel Engineering and Brellin Rail (of France)`: two names of two words or more, each ending in a
            // body's last word (the second's before `of`), the second not opening with one (`Bank and Trust Company`).
            let rightHead = (right.lowerBound + 1..<right.upperBound).first(where: { WordMatch.isWord(b, words[$0], "of") }).map { $0 - 1 }
                ?? right.upperBound - 1
            let twoFirms = left.count >= 2 && rightHead > right.lowerBound && Self.bodies.contains(b, words[and - 1].range)
                && Self.bodies.contains(b, words[rightHead].range) && !Self.bodies.contains(b, words[right.lowerBound].range)
            guard placeAfterOf || secondBody || twoFirms || writtenAlone && !oneBody else { continue }
            let second = secondBody ? right.lowerBound + 1 : right.lowerBound
            added.append(Candidate(start: words[second].start, end: kept[n].end, label: .org, canonical: nil, priority: kept[n].priority))
            kept[n].end = words[left.upperBound - 1].end
            kept[n].canonical = nil
        }
        guard !added.isEmpty else { return }
        kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    package func joinPossessiveBodies(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        guard kept.count >= 2 else { return }
        let words = a.words
        // (Read off the bytes first: a possessive's `s` and a space, then the next name.)
        guard (0..<(kept.count - 1)).contains(where: { n in
            let e = kept[n].end
            return e + 3 <= kept[n + 1].start && kept[n + 1].start - e <= 5 && (b[e] == 0x27 || b[e] == 0xE2) && b[kept[n + 1].start - 1] == 0x20
        }) else { return }
        let ranges = a.wordIndex.ranges(words, kept)
        var removed: [Int] = []
        for n in 0..<(kept.count - 1) where kept[n].label == .person || kept[n].label == .gpe {
            guard kept[n + 1].label == .org || kept[n + 1].label == .fac, let r = ranges[n], let s = ranges[n + 1], r.count >= 2,
                  s.lowerBound == r.upperBound, case let last = words[r.upperBound - 1], last.possessive,
                  WordMatch.isAny(b, last, RepairWords.possessingNouns),
                  // The possessive's `'s` and one space between the two.
                  b[last.end] == 0x27 || b[last.end] == 0xE2, case let gap = b[last.end..<words[s.lowerBound].start],
                  gap.last == 0x20, gap.count <= 5 else { continue }
            kept[n + 1].start = kept[n].start
            kept[n + 1].canonical = nil
            removed.append(n)
        }
        for n in removed.reversed() { kept.remove(at: n) }
    }

    package func trimDanglingJoiners(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        // (Read off the bytes first: a name ending in a lower-case word, or a lone `The`.)
        guard kept.contains(where: { c in
            guard let space = (c.start..<c.end).last(where: { b[$0] == 0x20 }) else { return c.end - c.start == 3 && b[c.start] == 0x54 }
            return b[space + 1] &- 0x61 < 26
        }) else { return }
        let ranges = a.wordIndex.ranges(words, kept)
        var removed: [Int] = []
        for n in kept.indices where kept[n].label.isName {
            // (A lone `The` or `A` the model began a name with and ended at once is no name.)
            if let r = ranges[n], r.count == 1, words[r.lowerBound].key == Self.theKey, b[words[r.lowerBound].start + 1] == 0x68,
               kept[n].end == words[r.lowerBound].end {
                removed.append(n)
                continue
            }
            guard let r = ranges[n], r.count >= 2, !words[r.upperBound - 1].capitalized,
                  WordMatch.isAny(b, words[r.upperBound - 1], ["of", "the", "and", "for", "in", "on", "at", "to"]) else { continue }
            var end = r.upperBound - 1
            while end > r.lowerBound, !words[end - 1].capitalized, words[end - 1].flags & Feature.functionWords.rawValue != 0 { end -= 1 }
            if end == r.lowerBound { removed.append(n); continue }
            kept[n].end = words[end - 1].end
            kept[n].canonical = nil
        }
        for n in removed.reversed() { kept.remove(at: n) }
    }

    package func trimOpeningThe(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        // (Read off the bytes first: a name that starts with `The ` or `the `.)
        guard kept.contains(where: { c in c.end - c.start > 8 && (b[c.start] == 0x54 || b[c.start] == 0x74) && b[c.start + 1] == 0x68
            && b[c.start + 2] == 0x65 && b[c.start + 3] == 0x20 }) else { return }
        let words = a.words
        // `the University of Dayton`: a `the` in lower case opens no name.
        for n in kept.indices where kept[n].label.isName && kept[n].end - kept[n].start > 8 && b[kept[n].start] == 0x74
            && b[kept[n].start + 1] == 0x68 && b[kept[n].start + 2] == 0x65 && b[kept[n].start + 3] == 0x20 {
            guard let r = a.wordIndex.range(words, kept[n]), r.count >= 2 else { continue }
            kept[n].start = words[r.lowerBound + 1].start
            if kept[n].label == .person { kept[n].canonical = .text(start: kept[n].start, end: kept[n].end) } else { kept[n].canonical = nil }
        }
        let ranges = a.wordIndex.ranges(words, kept)
        for n in kept.indices where kept[n].label.isName && kept[n].label != .workOfArt {
            // (At a sentence's start, after a dash (`(TAP) - The Ministry of Health`) or a dateline's colon (`KARACHI: The
            // Stock Exchange`), or where a quotation opens with the name and goes on (`“The City Council of X has`); not in a
            // quoted title that ends with the name: `“The Crying Game”`.)
            // (And anywhere before a newspaper's name: `told The Hans Courier`.) Of two words, only before a newspaper's
            // name or a body the lists hold (`“The Parliament ratified`).
            guard let r = ranges[n], r.count >= 3 || r.count == 2 && kept[n].label == .org, words[r.lowerBound].key == Self.theKey,
                  a.initial[r.lowerBound] || words[r.lowerBound].gap == .other && (Self.afterDash(b, words[r.lowerBound].start)
                      || Self.afterColon(b, words[r.lowerBound].start) || Self.opensQuotation(b, kept[n].start, kept[n].end))
                      || kept[n].label == .org && WordMatch.isAny(b, words[r.upperBound - 1], Self.newspaperWords),
                  r.count >= 3 || WordMatch.isAny(b, words[r.upperBound - 1], Self.newspaperWords)
                      || kept[n].label == .org && Self.match(a.matches, words[r.lowerBound + 1].start, kept[n].end)?.label == .org,
                  words[r.lowerBound + 1].gap == .space, Self.match(a.matches, kept[n].start, kept[n].end) == nil else { continue }
            kept[n].start = words[r.lowerBound + 1].start
            if let known = Self.match(a.matches, kept[n].start, kept[n].end) {
                kept[n].label = known.label
                kept[n].canonical = known.canonical
            } else if kept[n].label != .person {
                kept[n].canonical = nil
            } else {
                kept[n].canonical = .text(start: kept[n].start, end: kept[n].end)
            }
        }
    }

    /// `Jones' attorney`, `AFC Leopards' coach`: the apostrophe of a plural's or an `s`-name's possessive is no part of
    /// the name.
    package func trimPluralPossessives(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>) {
        for n in kept.indices where kept[n].label.isName && kept[n].end - kept[n].start >= 3 {
            let e = kept[n].end
            if b[e - 1] == 0x27, b[e - 2] == 0x73 {
                kept[n].end = e - 1
            } else if e - kept[n].start >= 5, b[e - 3] == 0xE2, b[e - 2] == 0x80, b[e - 1] == 0x99, b[e - 4] == 0x73 {
                kept[n].end = e - 3
            } else {
                continue
            }
            if kept[n].label == .person { kept[n].canonical = .text(start: kept[n].start, end: kept[n].end) }
        }
    }

    /// Last words of newspapers' names, which news writes after a capitalized `The` that is no part of the name as
    /// annotated.
    static let newspaperWords: WordList = ["times", "post", "herald", "tribune", "gazette", "observer", "courier", "mirror",
                                           "guardian", "gleaner", "examiner", "chronicle", "telegraph", "independent", "journal",
                                           "sentinel", "dispatch", "enquirer", "inquirer", "advertiser", "bulletin", "monitor"]

    /// Whether a colon and a space stand right before byte `start` (`KARACHI: The`).
    static func afterColon(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        start >= 2 && b[start - 1] == 0x20 && b[start - 2] == 0x3A
    }

    /// Whether an opening quotation mark stands right before byte `start` and no closing one right after `end`: the
    /// name opens quoted speech rather than being a quoted title.
    static func opensQuotation(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let opened = start >= 1 && b[start - 1] == 0x22
            || start >= 3 && b[start - 3] == 0xE2 && b[start - 2] == 0x80 && b[start - 1] == 0x9C
        guard opened else { return false }
        if end < b.count && (b[end] == 0x22 || b[end] == 0x27) { return false }
        if end + 2 < b.count && b[end] == 0xE2 && b[end + 1] == 0x80 && (b[end + 2] == 0x9D || b[end + 2] == 0x99) { return false }
        // (A comma or stop inside the marks, right after the name, closes it too: `“The Crying Game,” she said`.)
        if end + 1 < b.count && (b[end] == 0x2C || b[end] == 0x2E) && (b[end + 1] == 0x22 || b[end + 1] == 0xE2) { return false }
        return true
    }

    /// Whether a dash and a space stand right before byte `start` (` - `, ` – `, ` — `).
    static func afterDash(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        guard start >= 2, b[start - 1] == 0x20 else { return false }
        if b[start - 2] == 0x2D { return true }
        return start >= 4 && b[start - 4] == 0xE2 && b[start - 3] == 0x80 && (b[start - 2] == 0x93 || b[start - 2] == 0x94)
    }

    package func repairPersonsAfterThe(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        // (Read off the bytes first: `The ` right before a person.)
        guard kept.contains(where: { $0.label == .person && $0.start >= 4 && b[$0.start - 4] == 0x54 && b[$0.start - 3] == 0x68
            && b[$0.start - 2] == 0x65 && b[$0.start - 1] == 0x20 }) else { return }
        let ranges = a.wordIndex.ranges(words, kept)
        for n in kept.indices where kept[n].label == .person {
            guard let r = ranges[n], r.count >= 2, r.lowerBound >= 2, case let the = words[r.lowerBound - 1], the.key == Self.theKey,
                  the.capitalized, the.gap == .space, !a.initial[r.lowerBound - 1], b[the.start] == 0x54, b[the.start + 1] == 0x68
            else { continue }
            kept[n].label = .org
            kept[n].canonical = nil
        }
    }

    package func splitLeadingOffices(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        let ranges = a.wordIndex.ranges(words, kept)
        for n in kept.indices where kept[n].label.isName && kept[n].label != .person {
            guard let r = ranges[n], r.count >= 3,
                  let office = (r.lowerBound..<(r.upperBound - 2)).first(where: { WordMatch.isAny(b, words[$0], RepairWords.portfolioOffices) }),
                  words[office].capitalized, (r.lowerBound..<office).allSatisfy({ WordMatch.isAny(b, words[$0], RepairWords.portfolios) }),
                  ((office + 1)..<r.upperBound).allSatisfy({ words[$0].capitalized && words[$0].flags & Feature.functionWords.rawValue == 0 }),
                  Self.match(a.matches, kept[n].start, kept[n].end) == nil else { continue }
            kept[n].start = words[office + 1].start
            kept[n].label = .person
            kept[n].canonical = .text(start: kept[n].start, end: kept[n].end)
        }
    }

    package func joinTitleInitials(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        for n in kept.indices where kept[n].label == .org {
            // (Read off the bytes first: a space and a capital right before the name.)
            let s = kept[n].start
            guard s >= 3, b[s - 1] == 0x20, b[s - 2] &- 0x41 < 26, b[s - 3] &- 0x41 < 26,
                  let r = a.wordIndex.range(words, kept[n]), r.lowerBound > 0, case let w = words[r.lowerBound - 1], w.count >= 2, w.count <= 4,
                  w.flags & Feature.titles.rawValue != 0, Self.capitals(b, w) != nil, words[r.lowerBound].gap == .space,
                  n == 0 || kept[n - 1].end <= w.start,
                  case let last = words[r.upperBound - 1], last.flags & Feature.orgSuffixes.rawValue != 0 || Self.bodies.contains(b, last.range)
                    || WordMatch.isAny(b, last, RepairWords.legalForms) else { continue }
            kept[n].start = w.start
            kept[n].canonical = nil
        }
    }

    package func repairApposedPeople(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        // (Read off the bytes first: a body's name right before a comma.)
        guard kept.contains(where: { $0.label == .org && $0.end < b.count && b[$0.end] == 0x2C }) else { return }
        let ranges = a.wordIndex.ranges(words, kept)
        let heads = Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue | Feature.facilityHeads.rawValue
        // (Only what the model called a body: a place before `, the governor of` is the governor's, `Surigao del Sur`.)
        for n in kept.indices where kept[n].label == .org {
            guard let r = ranges[n], r.count >= 2, r.count <= 3, r.upperBound + 2 < words.count, r.allSatisfy({ words[$0].capitalized }),
                  words[r.upperBound].gap == .comma, !words[r.upperBound - 1].possessive,
                  r.allSatisfy({ words[$0].flags & heads == 0 && !words[$0].digit }),
                  words[r.lowerBound].flags & Feature.given.rawValue != 0 || words[r.upperBound - 1].flags & Feature.surnames.rawValue != 0
                    || !r.contains(where: { a.initial[$0] }) || r.allSatisfy({ !input.common(words[$0]) }),
                  Self.match(a.matches, kept[n].start, kept[n].end) == nil,
                  // Up to three words in lower case, then an office, then `of` or `at`: `national general secretary of`,
                  // `interim CEO at` (an office's initials in capitals).
                  let office = (r.upperBound..<min(words.count - 1, r.upperBound + 4)).first(where: {
                      WordMatch.isAny(b, words[$0], RepairWords.apposedOffices) && WordMatch.isAny(b, words[$0 + 1], ["of", "at"]) }),
                  (r.upperBound...office).allSatisfy({ (!words[$0].capitalized || $0 == office && Self.capitals(b, words[$0]) != nil)
                      && ($0 == r.upperBound || words[$0].gap == .space) })
            else { continue }
            kept[n].label = .person
            kept[n].canonical = .text(start: kept[n].start, end: kept[n].end)
        }
    }

    package func joinTradeUnions(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        guard kept.count >= 2 else { return }
        let words = a.words
        // (Read off the bytes first: two bodies with ` and ` between them.)
        guard (0..<(kept.count - 1)).contains(where: { kept[$0].label == .org && kept[$0 + 1].label == .org
            && kept[$0 + 1].start - kept[$0].end == 5 && Rules.contains(b, kept[$0].end..<kept[$0 + 1].start, " and ") }) else { return }
        let ranges = a.wordIndex.ranges(words, kept)
        var removed: [Int] = []
        for n in 0..<(kept.count - 1) where kept[n].label == .org && kept[n + 1].label == .org && kept[n + 1].start - kept[n].end == 5 {
            guard let left = ranges[n], let right = ranges[n + 1], right.count >= 2, right.lowerBound == left.upperBound + 1,
                  WordMatch.isWord(b, words[left.upperBound], "and"),
                  Self.capitalizedPlural(b, words[left.upperBound - 1]), Self.capitalizedPlural(b, words[right.lowerBound]),
                  WordMatch.isAny(b, words[right.upperBound - 1], ["union", "unions", "association", "federation", "guild", "society",
                                                               "council", "congress", "alliance", "institute"]),
                  Self.match(a.matches, kept[n].start, kept[n].end) == nil, !removed.contains(n) else { continue }
            kept[n + 1].start = kept[n].start
            kept[n + 1].canonical = nil
            removed.append(n)
        }
        for n in removed.reversed() { kept.remove(at: n) }
    }

    /// `Nurses`, `Midwives`: a capitalized plural of four letters or more, no possessive.
    private static func capitalizedPlural(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        w.capitalized && !w.possessive && w.count >= 4 && b[w.end - 1] == 0x73 && b[w.end - 2] != 0x73
    }

    /// A firm's last words that name its trade (`Egis Rail`, `Tata Steel`), after which `of` and a place say where it is
    /// from, not whose body it is.
    package static let trades: WordList = ["engineering", "construction", "rail", "consulting", "cement", "chemicals", "telecom",
                                   "telecoms", "shipping", "motors", "steel", "energy", "mining", "oil", "gas", "airlines",
                                   "airways", "holdings", "industries", "electronics", "technologies", "pharmaceuticals"]

    package func joinBodiesOfPlaces(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        guard kept.count >= 2 else { return }
        var removed: [Int] = []
        for n in 0..<(kept.count - 1) where kept[n].label == .org && kept[n + 1].label == .gpe {
            let gap = kept[n + 1].start - kept[n].end
            // ` of ` (4 bytes) or ` of the ` (8), read off the bytes before the words.
            guard gap == 4 || gap == 8, b[kept[n].end] == 0x20, b[kept[n].end + 1] == 0x6F, b[kept[n].end + 2] == 0x66,
                  b[kept[n].end + 3] == 0x20, gap == 4 || b[kept[n].end + 4] == 0x74 && b[kept[n].end + 5] == 0x68 && b[kept[n].end + 6] == 0x65,
                  let last = Consistency.firstWord(a.words, at: kept[n].start).flatMap({ f in
                      (f..<a.words.count).last(where: { a.words[$0].start < kept[n].end }) }),
                  a.words[last].capitalized, !a.words[last].possessive,
                  a.words[last].flags & (Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue) != 0 || Self.bodies.contains(b, a.words[last].range),
                  a.words[last].flags & Feature.titles.rawValue == 0,
                  // A firm's trade is no body of a place: `Egis Rail of France` is a firm from France.
                  !WordMatch.isAny(b, a.words[last], Self.trades) else { continue }
            kept[n + 1].start = kept[n].start
            kept[n + 1].label = .org
            kept[n + 1].canonical = nil
            removed.append(n)
        }
        for n in removed.reversed() { kept.remove(at: n) }
        // `the Court of Bosnia and Herzegovina`, where the model named the place alone: the capitalized words before
        // `of`, ending in a body's word, open the body's name.
        var added = false
        for n in kept.indices where kept[n].label == .gpe {
            guard let f = Consistency.firstWord(a.words, at: kept[n].start), f >= 2 else { continue }
            var o = f - 1
            if WordMatch.isWord(b, a.words[o], "the"), o >= 2 { o -= 1 }
            guard WordMatch.isWord(b, a.words[o], "of"), !a.words[o].capitalized, a.words[o].gap == .space else { continue }
            let head = a.words[o - 1]
            guard head.capitalized, !head.possessive, head.flags & Feature.titles.rawValue == 0,
                  head.flags & (Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue) != 0 || Self.bodies.contains(b, head.range),
                  !WordMatch.isAny(b, head, Self.trades), !WordMatch.isAny(b, head, ["board", "members", "member"]) else { continue }
            var s = o - 1
            while s > 0, o - s < 4, a.words[s - 1].capitalized, a.words[s].gap == .space, !a.words[s - 1].possessive,
                  a.words[s - 1].flags & (Feature.titles.rawValue | Feature.functionWords.rawValue) == 0 { s -= 1 }
            // (Not where a name was already read.)
            let start = a.words[s].start
            guard n == 0 || kept[n - 1].end <= start else { continue }
            kept[n].start = start
            kept[n].label = .org
            kept[n].canonical = nil
            kept[n].priority = Candidate.byContext
            added = true
        }
        if added { kept.sort { ($0.start, $0.end) < ($1.start, $1.end) } }
    }
}
