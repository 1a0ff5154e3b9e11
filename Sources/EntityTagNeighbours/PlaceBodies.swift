import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// Bodies named by the place they govern, which the model reads as the place:
/// - a state's or a country's legislature, the listed place and its chamber (`the Missouri Senate`, `the Iowa House`,
///   `the Iowa Legislature's session`, `the Ohio House of Representatives`), is the body, not the place;
/// - an Australian shire, `Shire of` and its town (`the Shire of Coolgardie`), is the council, not the town;
/// - a station, `Radio` and its name (`Radio Omid`, `Radio Tamazuj`), is the broadcaster, not a person or a place;
/// - a newspaper, its place and its title's word (`Cameroon Tribune`, `Fiji Sun`, `Kalgoorlie Miner`), is the paper;
/// - a place and a plural of bodies (`Buea Courts remained open`, `Lagos Hospitals`) is the place, and the plural
///   no name.
extension Recognizer {
    package func repairPlaceBodies(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        let misread = EntityLabel.gpe.bit | EntityLabel.person.bit | EntityLabel.loc.bit | EntityLabel.org.bit
        for n in kept.indices where kept[n].label.bit & misread != 0 {
            // A chamber's capital after a space at or after the name's end, or `of ` or `Radio ` before it: read off the
            // bytes before the name's words are asked for.
            let s = kept[n].start, e = kept[n].end
            let capitalAfter = e + 1 < b.count && b[e] == 0x20 && Self.chamberInitial(b[e + 1])
            let lastCapital = e - s > 4 && (e - 12..<e - 2).contains(where: { $0 > s && b[$0 - 1] == 0x20 && b[$0] &- 0x41 < 26 })
            let before = s >= 6 && b[s - 1] == 0x20 && (b[s - 2] == 0x66 && b[s - 3] == 0x6F || b[s - 2] == 0x6F && b[s - 6] == 0x52)
            guard capitalAfter || lastCapital || before, let r = a.wordIndex.range(words, kept[n]) else { continue }
            let last = words[r.upperBound - 1]
            // (The place is one word, or one the lists hold: `Marvale County Public Schools` are a school district.)
            if r.count >= 2, kept[n].label != .person, last.capitalized, !last.possessive, WordMatch.isAny(b, last, Self.pluralBodies),
               words[r.lowerBound..<(r.upperBound - 1)].allSatisfy({ $0.capitalized && !$0.possessive }),
               r.count == 2 || Self.match(a.matches, s, words[r.upperBound - 2].end)?.label == .gpe {
                kept[n].end = words[r.upperBound - 2].end
                kept[n].label = .gpe
                kept[n].canonical = nil
                continue
            }
            if kept[n].label != .org, let end = chamberEnd(b, a, words, r, kept, n) {
                kept[n].end = words[end - 1].end
            } else if kept[n].label != .org, r.count >= 2, last.capitalized, WordMatch.isAny(b, last, Self.papers) {
                // (the name as it stands)
            } else if kept[n].label == .gpe, r.upperBound < words.count, case let next = words[r.upperBound], next.gap == .space,
                      next.capitalized, !last.possessive, WordMatch.isAny(b, next, Self.papers), Self.free(kept, next),
                      r.upperBound + 1 == words.count || !words[r.upperBound + 1].capitalized || words[r.upperBound + 1].gap != .space {
                kept[n].end = next.end
            } else if r.lowerBound >= 2, words[r.lowerBound - 1].gap == .space, WordMatch.isWord(b, words[r.lowerBound - 1], "of"),
                      words[r.lowerBound - 2].capitalized, WordMatch.isWord(b, words[r.lowerBound - 2], "shire"),
                      words[r.lowerBound].gap == .space, Self.free(kept, words[r.lowerBound - 2]) {
                kept[n].start = words[r.lowerBound - 2].start
            } else if kept[n].label != .org, r.lowerBound >= 1, case let radio = words[r.lowerBound - 1], radio.capitalized,
                      words[r.lowerBound].gap == .space, WordMatch.isWord(b, radio, "radio"), Self.free(kept, radio),
                      Self.match(a.matches, kept[n].start, kept[n].end)?.label != .gpe {
                kept[n].start = radio.start
            } else {
                continue
            }
            kept[n].label = .org
            kept[n].canonical = nil
            kept[n].priority = max(kept[n].priority, Candidate.byContext)
        }
    }

    /// Where the body ends when the name at `r` is a listed place and a legislature's chamber, the chamber within the
    /// name or right after it (with `of` and one capitalized word: `House of Delegates`); nil when it is not.
    private func chamberEnd(_ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, _ words: [Word], _ r: Range<Int>,
                            _ kept: [Candidate], _ n: Int) -> Int? {
        let last = words[r.upperBound - 1]
        var end: Int
        if r.count >= 2, last.capitalized, WordMatch.isAny(b, last, Self.chambers),
           Self.match(a.matches, words[r.lowerBound].start, words[r.upperBound - 2].end)?.label == .gpe {
            end = r.upperBound
        } else if r.upperBound < words.count, case let next = words[r.upperBound], next.gap == .space, next.capitalized, !last.possessive,
                  WordMatch.isAny(b, next, Self.chambers), Self.free(kept, next),
                  Self.match(a.matches, kept[n].start, kept[n].end)?.label == .gpe {
            end = r.upperBound + 1
        } else {
            return nil
        }
        if end + 1 < words.count, !words[end - 1].possessive, WordMatch.isWord(b, words[end], "of"), words[end].gap == .space,
           words[end + 1].capitalized, words[end + 1].gap == .space, Self.free(kept, words[end + 1]) {
            end += 2
        }
        return end
    }

    /// The capitals the words of ``chambers`` start with.
    private static func chamberInitial(_ c: UInt8) -> Bool {
        c == 0x53 || c == 0x48 || c == 0x4C || c == 0x41 || c == 0x50 || c == 0x43
    }

    /// The last words of newspapers' titles that name nothing else after a place.
    static let papers: WordList = ["tribune", "gazette", "chronicle", "herald", "telegraph", "courier", "observer", "examiner",
                                   "gleaner", "miner", "mail", "sun", "times", "post", "express", "mirror"]

    /// Plurals of bodies that a place before them does not make a name (`Buea Courts`).
    static let pluralBodies: WordList = ["courts", "councils", "ministries", "hospitals", "schools", "authorities"]

    /// The words of a legislature's chambers.
    static let chambers: WordList = ["senate", "house", "legislature", "assembly", "parliament", "congress"]
}
