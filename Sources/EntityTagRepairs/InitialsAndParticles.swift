import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// Bodies the model read as people or places, and people it cut at a particle:
/// - a name of three words or more whose initials follow it in brackets is a body's (`Yacimientos Petrolíferos
///   Fiscales Bolivianos (YPFB)`), not a person's, and the initials take its label;
/// - a body's head inside a name, before `of`, makes the name a body's (`Namibia Institute of Pathology`), not a
///   place's or a person's;
/// - `bin`, `bint` and `ibn` join a given name to the person after them (`Kamal bin Ahmed Mohammed`), and to what is
///   named after that person (`Maktoum bin Rashid Al Maktoum Stadium`), whatever the model made of the given name alone;
///   so do `Bin` and `Bint` capitalized, which the model reads as the name's first word (`Hind Bint Salman`).
extension Recognizer {
    package func repairInitialsAndParticles(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var removed: [Int] = []
        for n in kept.indices where (kept[n].label == .person || kept[n].label == .gpe) && kept[n].end - kept[n].start >= 8 {
            guard let r = a.wordIndex.range(words, kept[n]), r.count >= 3, Self.match(a.matches, kept[n].start, kept[n].end) == nil
            else { continue }
            let headBeforeOf = ((r.lowerBound + 1)..<(r.upperBound - 1)).contains { k in
                words[k].capitalized && words[k].flags & Feature.orgHeads.rawValue != 0 && WordMatch.isWord(b, words[k + 1], "of")
            }
            if headBeforeOf || kept[n].label == .person && initialsFollow(b, words, r) {
                kept[n].label = .org
                kept[n].canonical = nil
                kept[n].priority = Candidate.byContext
            }
        }
        // `Kamal bin Ahmed Mohammed`: the word before the particle opens the person's name, and the name of a place or a
        // body named after them (`Maktoum bin Rashid Al Maktoum Stadium`).
        for n in kept.indices where kept[n].label == .person || kept[n].label == .fac || kept[n].label == .org {
            // (Read off the bytes first: `bin `, `ibn ` or `bint ` right before the name.)
            // (`Hind Bint Salman Al Khalifa`: the particle capitalized, which the model read as the name's first word.)
            let s0 = kept[n].start
            let inside = s0 + 4 < b.count && b[s0] == 0x42 && b[s0 + 1] == 0x69 && b[s0 + 2] == 0x6E
                && (b[s0 + 3] == 0x20 || b[s0 + 3] == 0x74 && b[s0 + 4] == 0x20)
            guard inside || s0 >= 5 && b[s0 - 1] == 0x20 && (b[s0 - 2] == 0x6E || b[s0 - 2] == 0x74 || b[s0 - 2] == 0x69),
                  let r0 = a.wordIndex.range(words, kept[n]), case let r = inside ? (r0.lowerBound + 1)..<r0.upperBound : r0,
                  r.count >= 1, r.lowerBound >= 2, case let particle = words[r.lowerBound - 1],
                  !particle.capitalized || inside, particle.gap == .space, words[r.lowerBound].gap == .space,
                  WordMatch.isAny(b, particle, ["bin", "bint", "binti", "ibn"]), case let given = words[r.lowerBound - 2],
                  given.capitalized, !given.possessive, !given.digit,
                  given.flags & (Feature.titles.rawValue | Feature.ranks.rawValue | Feature.functionWords.rawValue) == 0 else { continue }
            if n > 0, kept[n - 1].end > given.start {
                guard kept[n - 1].start >= given.start, kept[n - 1].label.isName else { continue }
                removed.append(n - 1)
            }
            kept[n].start = given.start
            kept[n].canonical = kept[n].label == .person ? .text(start: kept[n].start, end: kept[n].end) : nil
        }
        for n in removed.reversed() { kept.remove(at: n) }
    }

    /// Whether `(XYZ)` right after the words of `r` spells their initials: every capitalized word's first letter, in
    /// order, three letters or more, the lower-case particles and joiners (`de`, `of`) left out.
    /// `Georgios N Yannakakis`: a person whose name the model opened at a middle initial written without its full stop
    /// starts at the capitalized word before the initial, when no other name holds that word and it is no title, no
    /// function word and no everyday word.
    package func joinBareMiddleInitials(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        let barred = Feature.titles.rawValue | Feature.ranks.rawValue | Feature.functionWords.rawValue | Feature.months.rawValue
            | Feature.weekdays.rawValue
        for n in kept.indices where kept[n].label == .person && kept[n].start >= 4 && kept[n].start + 2 < kept[n].end
            && b[kept[n].start + 1] == 0x20 && b[kept[n].start - 1] == 0x20 {
            guard let r = a.wordIndex.range(words, kept[n]), r.count >= 2, r.lowerBound >= 1, words[r.lowerBound].count == 1,
                  b[words[r.lowerBound].start] &- 0x41 < 26, words[r.lowerBound + 1].gap == .space, words[r.lowerBound].gap == .space
            else { continue }
            let before = words[r.lowerBound - 1]
            guard before.capitalized, before.count >= 3, !before.possessive, before.flags & barred == 0, !input.common(before),
                  n == 0 || kept[n - 1].end <= before.start else { continue }
            kept[n].start = before.start
            kept[n].canonical = nil
        }
    }

    /// `Major-General Tun Tun Nyi`: `Tun`, a Malaysian honorific before a name, is a word of a Burmese name when a rank
    /// or a title stands before it or it is doubled; it belongs to the person.
    package func joinNamesAfterTun(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        let ranked = Feature.titles.rawValue | Feature.ranks.rawValue
        // (`Tun ` right before the name, or the name opening with it: four bytes turn nearly every person away.)
        func tun(_ i: Int) -> Bool { i >= 0 && i + 3 < b.count && b[i] == 0x54 && b[i + 1] == 0x75 && b[i + 2] == 0x6E && b[i + 3] == 0x20 }
        for n in kept.indices where kept[n].label == .person && (tun(kept[n].start - 4) || tun(kept[n].start)) {
            guard let r = a.wordIndex.range(words, kept[n]) else { continue }
            var s = r.lowerBound
            while s > 0, words[s].gap == .space, words[s - 1].capitalized, WordMatch.isWord(b, words[s - 1], "tun") { s -= 1 }
            guard s < r.lowerBound, n == 0 || kept[n - 1].end <= words[s].start else { continue }
            let doubled = r.lowerBound - s >= 2 || WordMatch.isWord(b, words[r.lowerBound], "tun")
            let afterRank = s > 0 && words[s].gap == .space && words[s - 1].capitalized && words[s - 1].flags & ranked != 0
                && !WordMatch.isWord(b, words[s - 1], "tun")
            guard doubled || afterRank else { continue }
            kept[n].start = words[s].start
            kept[n].canonical = nil
        }
    }

    /// `Hj Md Rozan Dato Paduka Hj Md Yunos`, `Pg Hj Md Sariffuddien Pg Hj Aaji`: a Bruneian or Malaysian name gives the
    /// father's name with his honorifics after the person's, without `bin`; the honorifics inside are no cut, and both
    /// halves are one person.
    package func joinHonorificNames(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        var n = 0
        while n + 1 < kept.count {
            defer { n += 1 }
            guard kept[n].label == .person || kept[n].label == .org, kept[n + 1].label == .person,
                  let r1 = a.wordIndex.range(words, kept[n]), let r2 = a.wordIndex.range(words, kept[n + 1]),
                  r2.lowerBound - r1.upperBound >= 1, r2.lowerBound - r1.upperBound <= 4, r1.count <= 3,
                  (r1.upperBound..<r2.lowerBound).allSatisfy({ words[$0].capitalized && words[$0].gap == .space
                      && WordMatch.isAny(b, words[$0], Self.malayHonorifics) }),
                  words[r2.lowerBound].gap == .space,
                  // (The person's own name opens with one of them too, or `Md`/`Mohd`: the form is Malay.)
                  r1.lowerBound > 0 && WordMatch.isAny(b, words[r1.lowerBound - 1], Self.malayHonorifics)
                    || WordMatch.isAny(b, words[r1.lowerBound], ["md", "mohd", "muhd", "muhammad", "mohammad"])
            else { continue }
            kept[n].end = kept[n + 1].end
            kept[n].label = .person
            kept[n].canonical = nil
            kept.remove(at: n + 1)
        }
    }

    /// Honorifics of Brunei and Malaysia, which may stand inside a name before the father's.
    static let malayHonorifics: WordList = ["pg", "pengiran", "hj", "hjh", "haji", "hajah", "dato", "datuk", "datin", "paduka",
                                            "pehin", "awg", "dk", "dyg", "seri", "setia", "tan", "sri"]

    private func initialsFollow(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ r: Range<Int>) -> Bool {
        guard r.upperBound < words.count, case let acronym = words[r.upperBound], acronym.count >= 3, acronym.start >= 2,
              b[acronym.start - 1] == 0x28, acronym.end < b.count, b[acronym.end] == 0x29,
              (acronym.start..<acronym.end).allSatisfy({ b[$0] &- 0x41 < 26 }) else { return false }
        var k = acronym.start
        for w in r where words[w].capitalized {
            guard k < acronym.end, b[words[w].start] == b[k] else { return false }
            k += 1
        }
        return k == acronym.end
    }
}
