import EntityTagModel
import EntityTagRules
import LedeText


/// Where the words around a name show that the model's span stops short or runs long (issue #21), settled
/// after the model's names and the rules' are merged. Each repair is a structure, not a list of names:
///
/// - `'s` that closes a name (`Moody's downgraded the bank`, `at Sainsbury's.`) rather than a possessive
///   (`Google's CEO`): nothing after it could be what it possesses.
/// - `'s` inside a name (`Chinese People's Liberation Army`, `Valemont Children's Hospital`, `McDonald's
///   Corp`): an everyday noun's possessive followed by words that end on an organization's head, or a
///   legal form after the possessive.
/// - a title phrase with `of` before a person (`Commissioner of Police Rusiate Tudravu`, `Secretary of State
///   Antony Blinken`): the person is the name at the end, and `Title of X` is no part of it.
extension Recognizer {
    /// Runs the repairs below where they may apply: at the capitalized possessives the rules noted, and
    /// where they saw a title before an `of`; most texts have few of the one and none of the other. Returns
    /// whether it may have changed anything.
    package func repairSpans(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) -> Bool {
        if !a.possessives.isEmpty {
            addClosingPossessives(&kept, b, a, a.possessives)
            joinPossessives(&kept, b, a, a.possessives, input: input)
        }
        staffAfterPossessives(&kept, b, a)
        if a.titleOf { dropTitlePhrases(&kept, b, a, input: input) }
        let joined = joinParticles(&kept, b, a)
        return !a.possessives.isEmpty || a.titleOf || joined
    }

    /// A person's name runs on over particles to the capitalized family name after them, taking in what the
    /// model made of that name alone (`Lex` and `Drooge` of `Lex van Drooge`). Returns whether it joined any.
    package func joinParticles(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) -> Bool {
        let words = a.words
        // Most documents have no particle after a name: look for one first, by binary search, before finding
        // every name's words.
        let any = kept.contains { c in
            guard c.label.isName else { return false }
            var lo = 0, hi = words.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if words[mid].start < c.end { lo = mid + 1 } else { hi = mid }
            }
            guard lo < words.count, !words[lo].capitalized else { return false }
            // The lexicon's joiners hold every particle but `abu`: one flag test spares most words the list.
            return words[lo].flags & Feature.joiners.rawValue != 0 && WordMatch.isAny(b, words[lo], RepairWords.particles)
                || Self.hyphenedParticle(b, words[lo])
        }
        guard any else { return false }
        var ranges = a.wordIndex.ranges(words, kept)
        var joined = false
        var n = 0
        while n < kept.count {
            defer { n += 1 }
            guard let r = ranges[n], r.upperBound < words.count else { continue }
            // A given name the model took for a place before a hyphened particle (`Karim al-Masri`) is a person's
            // too; a place keeps its own (`Sharm el-Sheikh`).
            let given = r.count == 1 && words[r.lowerBound].flags & Feature.given.rawValue != 0
                && Self.hyphenedParticle(b, words[r.upperBound])
            guard kept[n].label == .person || given else { continue }
            var i = r.upperBound
            while i < words.count, i < r.upperBound + 3, !words[i].capitalized, Self.joinedBySpace(b, words[i - 1], words[i]),
                  words[i].flags & Feature.joiners.rawValue != 0, WordMatch.isAny(b, words[i], RepairWords.particles) { i += 1 }
            var end = r.upperBound
            if i > r.upperBound, i < words.count, words[i].capitalized, !words[i].digit, Self.joinedBySpace(b, words[i - 1], words[i]) {
                end = i + 1
            } else if Self.hyphenedParticle(b, words[r.upperBound]), Self.joinedBySpace(b, words[r.upperBound - 1], words[r.upperBound]) {
                end = r.upperBound + 1
            }
            guard end > r.upperBound else { continue }
            // A person the model found right after the family name is the rest of it (`Zine al-Abidine` +
            // `Ben Ali`).
            // So is a person the model found from the family name on (`Mohamed bin` + `Zayed Al Nahyan`).
            var newEnd = words[end - 1].end
            if n + 1 < kept.count, kept[n + 1].label == .person, let next = ranges[n + 1],
               end < words.count && next.lowerBound == end && Self.joinedBySpace(b, words[end - 1], words[end])
                || next.lowerBound == end - 1 && next.upperBound > end {
                newEnd = kept[n + 1].end
                end = next.upperBound
            }
            // What stands over the added words must be one name, wholly inside them, or nothing.
            var inside: [Int] = []
            var k = n + 1
            while k < kept.count, kept[k].start < newEnd {
                if kept[k].end > newEnd || !kept[k].label.isName { inside = [-1]; break }
                inside.append(k)
                k += 1
            }
            guard inside.first != -1 else { continue }
            for k in inside.reversed() { kept.remove(at: k); ranges.remove(at: k) }
            kept[n].end = newEnd
            kept[n].label = .person
            kept[n].canonical = .text(start: kept[n].start, end: newEnd)
            ranges[n] = r.lowerBound..<end
            joined = true
        }
        return joined
    }

    /// `al-Saadani`, `el-Sisi`, `bin-Salman`: a lower-case particle, a hyphen and a capital.
    package static func hyphenedParticle(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        var h = w.start
        while h < w.end, h < w.start + 4, b[h] &- 0x61 < 26 { h += 1 }
        guard h > w.start + 1, h + 1 < w.end, b[h] == 0x2D, b[h + 1] &- 0x41 < 26 else { return false }
        let p = UnsafeBufferPointer(rebasing: b[w.start..<h])
        return p.elementsEqual("al".utf8) || p.elementsEqual("el".utf8) || p.elementsEqual("bin".utf8) || p.elementsEqual("abu".utf8)
    }

    /// The byte after the `'s` (or `’s`) of a possessive word.
    package static func possessiveEnd(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Int {
        w.end + (b[w.end] == 0x27 ? 2 : 4)
    }

    /// Whether the `'s` of `words[i]` ends a name (`Moody's`, `Macy's`) instead of making it the possessor
    /// of what follows: nothing that could be a possessed noun comes after it, only punctuation, the end
    /// of the text, a verb of saying, an auxiliary (`Macy's has`, `Lloyd's will`), or a past tense with its
    /// object or a preposition after it (`Moody's downgraded the bank`, `Macy's sold 12 stores`).
    package static func possessiveClosesName(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ i: Int) -> Bool {
        let after = possessiveEnd(b, words[i])
        guard i + 1 < words.count else { return true }
        let next = words[i + 1]
        switch next.gap {
        case .comma, .stop:
            return true
        case .other:
            // A closing bracket, a semicolon or a colon, or a line break; not a quotation mark, which may
            // open the possessed thing's name (`Google's "moonshot"`).
            var k = after
            while k < next.start, b[k] == 0x20 { k += 1 }
            return k < next.start && (b[k] == 0x29 || b[k] == 0x3B || b[k] == 0x3A || b[k] == 0x0A || b[k] == 0x0D)
        case .space:
            break
        }
        if next.capitalized || next.digit { return false }
        if next.flags & Feature.cues.rawValue != 0, !WordMatch.isWord(b, next, "notes") { return true }
        if WordMatch.isAny(b, next, RepairWords.auxiliaries) { return true }
        // A past tense, then what a verb takes: `downgraded the`, `sold 12`, `rose to`. A participle used as an
        // adjective (`Google's revised forecast`) has a noun after it instead.
        let past = next.count >= 4 && b[next.end - 2] == 0x65 && b[next.end - 1] == 0x64
            || WordMatch.isAny(b, next, RepairWords.irregularPasts)
        guard past, i + 2 < words.count else { return false }
        let object = words[i + 2]
        guard object.gap == .space else { return object.gap != .other }
        return object.digit || object.capitalized
            || WordMatch.isAny(b, object, RepairWords.objectStarts)
    }

    /// Words whose `'s` is a contracted `is` or `has` (`Nothing's changed`, `Let's`), never a name's.
    package static func takesContraction(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        WordMatch.isAny(b, w, RepairWords.contracting)
    }

    /// `Moody's downgraded the bank`, `Shares of Macy's fell`: a capitalized word whose `'s` closes it and that
    /// no name covers is an organization's name, `'s` and all. Pronouns and other words that take a
    /// contracted `is` or `has` (`It's`, `Nothing's changed`) are none.
    package func addClosingPossessives(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis,
                               _ possessives: [Int]) {
        let words = a.words
        let notNames = Feature.functionWords.rawValue | Feature.sentenceStarters.rawValue | Feature.months.rawValue
            | Feature.weekdays.rawValue | Feature.dayWords.rawValue | Feature.titles.rawValue | Feature.addresses.rawValue
            | Feature.timeWords.rawValue | Feature.relativeStarts.rawValue
        var added: [Candidate] = []
        var n = 0
        for i in possessives where words[i].flags & notNames == 0 {
            let w = words[i]
            while n < kept.count, kept[n].end <= w.start { n += 1 }
            if n < kept.count, kept[n].start < Self.possessiveEnd(b, w) { continue }
            if i > 0, words[i - 1].capitalized, w.gap == .space { continue } // the end of a longer name, not found
            guard !Self.takesContraction(b, w), Self.possessiveClosesName(b, words, i) else { continue }
            let end = Self.possessiveEnd(b, w)
            let match = Self.match(a.matches, w.start, end)
            added.append(Candidate(start: w.start, end: end, label: match?.label ?? .org, canonical: match?.canonical, priority: 1))
        }
        if !added.isEmpty { kept = (kept + added).sorted { $0.start < $1.start } }
    }

    /// `Chinese People's Liberation Army`, `Valemont Children's Hospital`, `McDonald's Corp`: a name that goes
    /// on over a possessive is one. The possessive is an everyday noun's (`People's`, `Children's`, `Women's`),
    /// not a name's (`Google's Android Team`, `Nigeria's Central Bank`), and the words after it end on an
    /// organization's word; or, whatever the possessor, they end on a legal form (`Corp`, `Inc.`, `Ltd`).
    package func joinPossessives(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis,
                         _ possessives: [Int], input: NameInput) {
        let words = a.words
        var ranges: [Range<Int>?]?
        var joinedTo = -1
        for i in possessives where i > joinedTo && i + 1 < words.count {
            let w = words[i]
            guard words[i + 1].gap == .space, words[i + 1].capitalized, !words[i + 1].digit,
                  w.flags & (Feature.functionWords.rawValue | Feature.orgSuffixes.rawValue | Feature.orgHeads.rawValue) == 0
            else { continue }
            // The capitalized words after the possessive.
            var last = i + 1
            while last + 1 < words.count, words[last + 1].gap == .space, words[last + 1].capitalized, !words[last + 1].digit,
                  !words[last].possessive { last += 1 }
            let legal = WordMatch.isAny(b, words[last], RepairWords.legalForms)
            let head = words[last].flags & (Feature.orgSuffixes.rawValue | Feature.orgHeads.rawValue) != 0
            guard legal || head && input.common(w) && Self.match(a.matches, w.start, w.end) == nil else { continue }
            if ranges == nil { ranges = a.wordIndex.ranges(words, kept) }
            guard let r = ranges else { continue }
            // The capitalized words before it (`New People's Party`), and the names on either side that the
            // joined one takes in whole: the one before it (`Chinese`, `Valemont Children`) and those after it
            // (`Bank of China` after `People's`).
            var first = i, end = last
            let notFront = Feature.functionWords.rawValue | Feature.titles.rawValue | Feature.months.rawValue | Feature.weekdays.rawValue
            while first > 0, words[first].gap == .space, words[first - 1].capitalized, !words[first - 1].possessive,
                  !words[first - 1].digit, words[first - 1].flags & notFront == 0,
                  !a.initial[first - 1] || words[first - 1].flags & Feature.sentenceStarters.rawValue == 0 { first -= 1 }
            var taken: [Int] = []
            for (n, span) in r.enumerated() {
                guard let span, kept[n].label.isName, span.overlaps(first...last) else { continue }
                first = min(first, span.lowerBound)
                end = max(end, span.upperBound - 1)
                taken.append(n)
            }
            // A person's name is no part of one (`Ana Ruiz's Hospital Trust`), but for a word the model misread
            // between the possessive and the head (`Queen's University`); and nothing but names joins.
            if taken.contains(where: { kept[$0].label == .person && (r[$0]!.lowerBound <= i || r[$0]!.upperBound - 1 > last) }) {
                continue
            }
            let start = words[first].start, stop = words[end].end
            let match = Self.match(a.matches, start, stop)
            let joined = Candidate(start: start, end: stop, label: match?.label ?? .org, canonical: match?.canonical, priority: 4)
            for n in taken.sorted(by: >) { kept.remove(at: n) }
            let at = kept.firstIndex { $0.start > start } ?? kept.count
            kept.insert(joined, at: at)
            ranges = nil
            joinedTo = end
        }
    }

    /// `NPR's Dana Whitfield reported`, `the BBC's Tom Lang said`: two or three capitalized words right after an
    /// organization's possessive, read by the model as more of the organization, are a person on its staff
    /// when they open with a known given name or a verb of saying follows them. Not a name that ends on an
    /// organization's word (`Google's Android Team`), nor one the lists hold.
    package func staffAfterPossessives(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        let orgWords = Feature.orgSuffixes.rawValue | Feature.orgHeads.rawValue
        // Most documents have no organization followed at once by another: nothing to map then.
        guard kept.indices.dropFirst().contains(where: { kept[$0].label == .org && kept[$0 - 1].label == .org }) else { return }
        let ranges = a.wordIndex.ranges(words, kept)
        for n in kept.indices.dropFirst() where kept[n].label == .org && kept[n - 1].label == .org {
            guard let owner = ranges[n - 1], let r = ranges[n], r.lowerBound == owner.upperBound,
                  words[owner.upperBound - 1].possessive, words[r.lowerBound].gap == .space,
                  (2...3).contains(r.count), Self.match(a.matches, kept[n].start, kept[n].end) == nil,
                  words[r].allSatisfy({ $0.capitalized && !$0.digit && $0.flags & orgWords == 0 }) else { continue }
            let given = words[r.lowerBound].flags & Feature.given.rawValue != 0
            let saying = r.upperBound < words.count
                && (words[r.upperBound].flags & Feature.cues.rawValue != 0 || WordMatch.isAny(b, words[r.upperBound], RepairWords.reporting))
            guard given || saying else { continue }
            kept[n].label = .person
            kept[n].canonical = nil
        }
    }

    /// `Commissioner of Police Rusiate Tudravu`, `Secretary of State Antony Blinken`, `Governor of the Central Bank
    /// Tomas Verhulst`, `Minister for Social Protection Aoife Byrne`: after a title and `of` or `for`, a name that holds what the title is of and a person is the
    /// person at its end. The person starts at a known given name, else at the first word from which on
    /// every word is no everyday English word; a span the model called a person with neither keeps its last
    /// word or two. What the title is of stays an organization when it reads as one (`Central Bank`) and is
    /// left out otherwise (`Police`, `State`).
    package func dropTitlePhrases(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        var ranges: [Range<Int>?]?
        var out: [Candidate] = []
        var changed = false
        for (n, c) in kept.enumerated() {
            guard c.label.isName, c.label != .norp else { out.append(c); continue }
            if ranges == nil { ranges = a.wordIndex.ranges(words, kept) }
            guard let r = ranges?[n], let split = titlePhraseSplit(b, words, r, person: c.label == .person, matches: a.matches, input: input) else {
                out.append(c)
                continue
            }
            changed = true
            let x = split.of..<split.person
            if !x.isEmpty {
                let start = words[x.lowerBound].start, end = words[x.upperBound - 1].end
                let match = Self.match(a.matches, start, end)
                if let match, match.label != .person {
                    out.append(Candidate(start: start, end: end, label: match.label, canonical: match.canonical, priority: c.priority))
                } else if x.count >= 2, words[x.upperBound - 1].flags & Feature.orgSuffixes.rawValue != 0 {
                    out.append(Candidate(start: start, end: end, label: .org, canonical: nil, priority: c.priority))
                }
            }
            let start = words[split.person].start
            out.append(Candidate(start: start, end: c.end, label: .person,
                                 canonical: .text(start: start, end: c.end),
                                 priority: c.priority))
        }
        if changed { kept = out }
    }

    /// For a name over `words[r]` that follows or holds `Title of [the] X`: where X starts inside it and where
    /// the person starts (both its start when X stands before it), or nil.
    package func titlePhraseSplit(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ r: Range<Int>, person: Bool,
                          matches: [Candidate], input: NameInput) -> (of: Int, person: Int)? {
        let last = r.upperBound - 1
        // The last `of` inside the name, or just before it (with `the` between), with a title before it.
        var o = last - 1
        while o >= max(1, r.lowerBound - 4) {
            if WordMatch.isWord(b, words[o], "of") || WordMatch.isWord(b, words[o], "for"), !words[o].capitalized, words[o].gap == .space,
               words[o - 1].capitalized, words[o - 1].flags & Feature.titles.rawValue != 0 { break }
            o -= 1
        }
        guard o >= max(1, r.lowerBound - 4) else { return nil }
        var x = o + 1
        if x < last, WordMatch.isWord(b, words[x], "the") { x += 1 }
        // Only the name's own words between `of` and it, and `and` between two of them (`Minister of Works and Transport
        // Rohan Sinanan`).
        guard x < last, (x...last).allSatisfy({ words[$0].gap == .space && (words[$0].capitalized
            || $0 > x && $0 < r.lowerBound && WordMatch.isWord(b, words[$0], "and") && words[$0 - 1].capitalized) }) else { return nil }
        if x < r.lowerBound, !person, r.count >= 3, input.common(words[r.lowerBound]),
           let k = (r.lowerBound + 1...last).first(where: { k in (k...last).allSatisfy { !input.common(words[$0]) && words[$0].count > 1 } }),
           last - k + 1 >= 2, Self.match(matches, words[k].start, words[last].end) == nil {
            // The model's span opens with the last words of what the title is of (`Transport` of `Works and Transport`).
            return (r.lowerBound, k)
        }
        if x < r.lowerBound {
            // The name follows `Title of X` whole: a person's name that the model typed otherwise (`Commissioner of
            // Police Tevita Lagi` as an organization), when no list knows it and none of its words is everyday English.
            guard !person, r.count >= 2, r.count <= 3, Self.match(matches, words[r.lowerBound].start, words[last].end) == nil,
                  r.allSatisfy({ !input.common(words[$0]) && words[$0].count > 1 }) else { return nil }
            return (r.lowerBound, r.lowerBound)
        }
        if let k = ((x + 1)...last).first(where: { words[$0].flags & Feature.given.rawValue != 0 }), person || k < last {
            return (x, k)
        }
        var k = last + 1
        while k > x + 1, !input.common(words[k - 1]), words[k - 1].count > 1 { k -= 1 }
        if k <= last, person || k < last && (x..<k).allSatisfy({ input.common(words[$0]) }) { return (x, k) }
        guard person else { return nil }
        return (x, last - x + 1 >= 3 ? last - 1 : last)
    }
}
