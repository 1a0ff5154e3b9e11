import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// Where a name's written form runs past what the model read, or is no name at all:
/// - a law's year after `of` (`Data Privacy Act of 2012`) is part of the law's name;
/// - a site's domain (`Mothership.sg`, `Rappler.com`) is the outlet's whole name, an organization;
/// - a person's initials before the family name (`MS Dhoni`, `CK Nayudu`), as Indian and some African news
///   writes names, are part of the name, not an organization's acronym;
/// - a name followed by `, who` is a person's, though a firm shares its first word (`Dell Ashcroft, who`);
/// - a Latin genus (`Velociraptor`, `Barosaurus`) and the acronym of a thing (`AI`, `GDP`, `EVs`) name nothing.
extension Recognizer {
    package func repairNameEnds(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        let ranges = a.wordIndex.ranges(words, kept)
        var dropped: [Int] = []
        for n in kept.indices where kept[n].label.isName {
            guard let r = ranges[n] else { continue }
            if kept[n].label == .law, let end = Self.yearOfLaw(b, after: kept[n].end) {
                kept[n].end = end
                continue
            }
            if let end = Self.domainEnd(b, after: kept[n].end) {
                kept[n].end = end
                kept[n].label = .org
                kept[n].canonical = nil
                continue
            }
            // `Dell Ashcroft, who has exhibited ...`: a name that `who` follows, with no body's word, is a person's when
            // the lists know its given name or its family name, or its first word is a firm's and its last no everyday
            // word or plural (a team is `who` too: `Harbour Rovers, who`).
            if kept[n].label != .person, r.count >= 2, r.count <= 3, r.upperBound + 1 < words.count,
               words[r.upperBound].gap == .comma, WordMatch.isWord(b, words[r.upperBound], "who"),
               words[r.lowerBound].flags & Feature.given.rawValue != 0 || words[r.upperBound - 1].flags & Feature.surnames.rawValue != 0
                || Self.match(a.matches, words[r.lowerBound].start, words[r.lowerBound].end)?.label == .org
                    && !input.common(words[r.upperBound - 1]) && b[words[r.upperBound - 1].end - 1] != 0x73,
               !r.contains(where: { words[$0].flags & (Feature.orgHeads.rawValue | Feature.orgSuffixes.rawValue | Feature.placeHeads.rawValue) != 0 }),
               Self.match(a.matches, kept[n].start, kept[n].end) == nil {
                kept[n].label = .person
                kept[n].canonical = .text(start: kept[n].start, end: kept[n].end)
                continue
            }
            if r.count == 1, kept[n].label != .law, Self.isGenus(b, words[r.lowerBound])
                || WordMatch.isAny(b, words[r.lowerBound], RepairWords.commonAcronyms) && Self.match(a.matches, kept[n].start, kept[n].end) == nil {
                dropped.append(n)
                continue
            }
            let initials = r.lowerBound - 1
            if kept[n].label == .person, r.count == 1, initials >= 0, Self.isInitials(b, words, initials, input: input),
               Self.joinedBySpace(b, words[initials], words[r.lowerBound]),
               n == 0 || kept[n - 1].end <= words[initials].start || kept[n - 1].start == words[initials].start && kept[n - 1].end == words[initials].end,
               Self.match(a.matches, words[initials].start, words[initials].end).map({ $0.label != .gpe && $0.label != .norp }) ?? true {
                // `MS Dhoni`: the initials before a family name, however the model read them.
                if n > 0, kept[n - 1].start == words[initials].start { dropped.append(n - 1) }
                kept[n].start = words[initials].start
                kept[n].canonical = .text(start: kept[n].start, end: kept[n].end)
            } else if kept[n].label == .org, r.count == 1, Self.isInitials(b, words, r.lowerBound, input: input), r.upperBound < words.count,
                      Self.isLoneName(b, words, r.upperBound, input: input),
                      n + 1 == kept.count || kept[n + 1].start >= words[r.upperBound].end,
                      Self.match(a.matches, kept[n].start, kept[n].end) == nil {
                // `CK Nayudu's side`: initials the model read as a body, before a family name it did not read.
                kept[n].end = words[r.upperBound].end
                kept[n].label = .person
                kept[n].canonical = .text(start: kept[n].start, end: kept[n].end)
            }
        }
        for n in Set(dropped).sorted(by: >) { kept.remove(at: n) }
    }

    /// The end of ` of 2012` after a law's name ending at `end`: a year of four figures.
    static func yearOfLaw(_ b: UnsafeBufferPointer<UInt8>, after end: Int) -> Int? {
        guard end + 8 <= b.count, b[end] == 0x20, b[end + 1] == 0x6F, b[end + 2] == 0x66, b[end + 3] == 0x20,
              (end + 4..<end + 8).allSatisfy({ b[$0] >= 0x30 && b[$0] <= 0x39 }), b[end + 4] == 0x31 || b[end + 4] == 0x32,
              end + 8 == b.count || !WordScanner.isWordByte(b, end + 8, b.count) else { return nil }
        return end + 8
    }

    /// The end of a domain glued to a name ending at `end` (`.sg`, `.com`, `.co.uk`): a full stop and two to four
    /// lower-case letters, once or twice, and then no letter or figure.
    static func domainEnd(_ b: UnsafeBufferPointer<UInt8>, after end: Int) -> Int? {
        var i = end
        var parts = 0
        while parts < 2, i + 2 < b.count, b[i] == 0x2E {
            var k = i + 1
            while k < b.count, b[k] >= 0x61, b[k] <= 0x7A, k - i <= 5 { k += 1 }
            guard k - i - 1 >= 2, k - i - 1 <= 4 else { break }
            i = k
            parts += 1
        }
        guard parts > 0, i == b.count || !(WordScanner.isWordByte(b, i, b.count) || b[i] == 0x2E && i + 1 < b.count && b[i + 1] > 0x20) else { return nil }
        // The first part is a domain's own (`com`, `sg`), not a word that starts the next sentence without a space.
        let first = UnsafeBufferPointer(rebasing: b[(end + 1)...]).prefix { $0 != 0x2E && $0 >= 0x61 && $0 <= 0x7A }
        guard first.count == 2 || Self.topDomains.contains(where: { first.elementsEqual($0.utf8) }) else { return nil }
        return i
    }

    /// Top-level domains of three or four letters (those of two are countries').
    static let topDomains = ["com", "net", "org", "gov", "edu", "info", "news", "biz"]

    /// Whether `words[i]` reads as a person's initials: two or three capitals and nothing else (`MS`, `CK`), in a
    /// sentence not written in capitals, no title's initials (`PM`, `MP`), no small word in capitals (`BY`), no
    /// ship's prefix (`HMS`), and no article before it (`the RMS Titanic`).
    static func isInitials(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ i: Int, input: NameInput) -> Bool {
        let w = words[i]
        return (2...3).contains(w.count) && !w.possessive && !input.shouted[i] && w.range.allSatisfy { b[$0] >= 0x41 && b[$0] <= 0x5A }
            && w.flags & (Feature.titles.rawValue | Feature.ranks.rawValue | Feature.functionWords.rawValue) == 0
            && !WordMatch.isAny(b, w, ["hms", "uss", "rms", "ss", "mv", "hmas", "hmcs", "hmnzs", "ins", "brp"])
            && (i == 0 || !WordMatch.isAny(b, words[i - 1], ["the", "a", "an"]))
    }

    /// Whether `words[i]` is a capitalized word that reads as a family name standing alone: no everyday word, no
    /// head of a body, a place or a building, no title, month or weekday, and no capitalized word after it.
    static func isLoneName(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ i: Int, input: NameInput) -> Bool {
        let w = words[i]
        let notName = Feature.orgSuffixes.rawValue | Feature.orgHeads.rawValue | Feature.placeHeads.rawValue
            | Feature.facilityHeads.rawValue | Feature.gpeSuffixes.rawValue | Feature.titles.rawValue | Feature.ranks.rawValue
            | Feature.months.rawValue | Feature.weekdays.rawValue | Feature.functionWords.rawValue
        guard w.capitalized, !w.digit, w.count >= 3, w.flags & notName == 0, !input.common(w), capitals(b, w) == nil,
              joinedBySpace(b, words[i - 1], w) else { return false }
        return i + 1 == words.count || !words[i + 1].capitalized || words[i + 1].gap != .space
    }

    /// Whether `w` is a Latin genus by its ending (`-saurus`, `-raptor`, `-ceratops`), longer than the ending alone.
    static func isGenus(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        // (Every ending's last letter is one of `s r n m x`: one byte turns most names away.)
        guard w.capitalized, w.count >= 7, !w.possessive else { return false }
        switch b[w.end - 1] {
        case 0x73, 0x72, 0x6E, 0x6D, 0x78: break
        default: return false
        }
        return genusEndings.contains { e in
            w.count >= e.count + 3 && (0..<e.count).allSatisfy { b[w.end - e.count + $0] == e[$0] }
        }
    }

    static let genusEndings: [[UInt8]] = ["saurus", "raptor", "ceratops", "odon", "therium", "pithecus", "ornis", "suchus",
                                          "opteryx", "nychus", "venator", "mimus", "titan"].map { Array($0.utf8) }
}
