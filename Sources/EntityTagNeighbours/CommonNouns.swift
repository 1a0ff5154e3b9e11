import EntityTagModel
import EntityTagRecognizer
import EntityTagRules
import LedeText

/// Capitalized everyday words the model read as names:
/// - a lone noun of a body, an office, a people or a place, capitalized as some outlets capitalize it (`the Lawyers
///   stayed away`, `the various Registrars' chambers`, `the Association says`, `contrary to the Government's goal`,
///   `crime in the City`, `the Lord Mayor`), is a description, no name; a legislature's word alone (`the House`,
///   `the Senate`) names its chamber and stays; an acronym's plural (`MPs`, `MDCs`) names no one either;
/// - a day of the week is no part of a name, nor a name alone (`from Province House Wednesday`, `the League
///   Saturday 14th`), and a month's short name before a date is none either (`Srinagar Mar 8:`, a dateline).
///
/// A person read over a seat holder's initials is the seat and the person (`Sohra MDC Titosstarwell Chyne`).
/// And a name opens with no joiner (`and`, `or`, `of`), which a repair cutting an office off its front may leave.
///
/// Run after the document's names are settled, which would give a dropped word back the label of a name it ends.
extension Recognizer {
    package static func dropCommonNouns(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        let names = EntityLabel.person.bit | EntityLabel.org.bit | EntityLabel.gpe.bit | EntityLabel.loc.bit | EntityLabel.fac.bit
            | EntityLabel.norp.bit
        var dropped = false
        var seats: [Candidate] = []
        for n in kept.indices where kept[n].label.bit & names != 0 {
            // `and Sohra MDC ...`, what a repair left after cutting an office off the front: a name opens with no joiner.
            if Self.opensWithJoiner(b, kept[n].start, kept[n].end) {
                kept[n].start = (kept[n].start..<kept[n].end).first(where: { b[$0] == 0x20 })! + 1
                if kept[n].label == .person { kept[n].canonical = .text(start: kept[n].start, end: kept[n].end) }
            }
            // `Sohra MDC Titosstarwell Chyne`: a seat's holder's initials inside a person name the seat before them, and the
            // person after.
            if kept[n].label == .person, let cut = Self.seatInside(b, kept[n].start, kept[n].end) {
                // (The word before is the seat's place where the lists or the document's other names say it is a place.)
                if let r = a.wordIndex.range(words, kept[n]), case let w = words[r.lowerBound], w.end + 1 == cut.lowerBound, w.capitalized,
                   Self.match(a.matches, w.start, w.end)?.label == .gpe
                    || kept.contains(where: { $0.label == .gpe && b[$0.start..<$0.end].elementsEqual(b[w.start..<w.end]) }) {
                    seats.append(Candidate(start: w.start, end: w.end, label: .gpe, priority: Candidate.byContext))
                }
                kept[n].start = cut.upperBound + 1
                kept[n].canonical = .text(start: kept[n].start, end: kept[n].end)
            }
            let s = kept[n].start, e = kept[n].end
            if Self.isAcronymPlural(b, s, e) {
                kept[n].end = kept[n].start
                dropped = true
                continue
            }
            // A capital first and a small letter last; one word, or a last word in `day`: checked on the bytes first.
            guard e - s >= 3, b[s] &- 0x41 < 26, b[e - 1] &- 0x61 < 26 else { continue }
            let day = b[e - 1] == 0x79 && b[e - 2] == 0x61 && b[e - 3] == 0x64
            // A month's short name before a day's number: `Srinagar Mar 8:`.
            let month = e - s >= 6 && (b[e - 4] == 0x20 || b[e - 5] == 0x20) && e + 1 < b.count && b[e] == 0x20 && b[e + 1] &- 0x30 < 10
            guard day || month || !(s..<e).contains(where: { b[$0] == 0x20 }), let r = a.wordIndex.range(words, kept[n]) else { continue }
            let last = words[r.upperBound - 1]
            if month, r.count >= 2, last.gap == .space, WordMatch.isAny(b, last, RepairWords.monthAbbreviations) {
                kept[n].end = words[r.upperBound - 2].end
                // (A name opening its line before the date is the dateline's place.)
                if s == 0 || b[s - 1] == 0x0A { kept[n].label = .gpe }
                kept[n].canonical = kept[n].label == .person ? .text(start: kept[n].start, end: kept[n].end) : nil
                continue
            }
            if last.flags & Feature.weekdays.rawValue != 0, last.capitalized {
                if r.count == 1 {
                    kept[n].end = kept[n].start
                    dropped = true
                } else if last.gap == .space {
                    kept[n].end = words[r.upperBound - 2].end
                    kept[n].canonical = kept[n].label == .person ? .text(start: kept[n].start, end: kept[n].end) : nil
                }
                continue
            }
            // (The word without a plural's bare apostrophe, `the Registrars' offices`, which the name leaves out.)
            var noun = last
            noun.end = min(noun.end, e)
            guard r.count == 1, !last.possessive || kept[n].label != .person, WordMatch.isAny(b, noun, Self.commonNouns),
                  Self.match(a.matches, s, e) == nil, !Self.nameGoesOn(b, words, after: r.upperBound) else { continue }
            kept[n].end = kept[n].start
            dropped = true
        }
        if dropped { kept.removeAll { $0.end == $0.start } }
        if !seats.isEmpty { kept = (kept + seats).sorted { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// Whether a name the model cut short goes on after the word: `of`, `on` or `for` and a capital (`the Council on
    /// American-Islamic Relations`).
    private static func nameGoesOn(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], after k: Int) -> Bool {
        guard k + 1 < words.count, words[k].gap == .space, words[k + 1].capitalized else { return false }
        return WordMatch.isWord(b, words[k], "of") || WordMatch.isWord(b, words[k], "on") || WordMatch.isWord(b, words[k], "for")
    }

    /// Nouns of bodies, offices, people and places that name no one alone, however capitalized.
    static let commonNouns: WordList = [
        "lawyer", "lawyers", "registrar", "registrars", "mayor", "mayors", "councillor", "councillors", "magistrate",
        "magistrates", "judges", "ministers", "officials", "residents", "members", "council", "councils", "court",
        "courts", "commission", "commissions", "association", "associations", "government", "governments", "ministry",
        "ministries", "department", "departments", "authority", "authorities", "committee", "committees", "agency",
        "agencies", "facility", "facilities", "city", "cities", "town", "towns", "country", "countries", "nation",
        "republic", "province", "provinces", "district", "districts", "county", "counties", "municipality",
        "cup", "trophy", "shield", "rural", "urban", "state", "member", "library", "libraries", "route", "universities",
    ]

    /// Whether the name `s..<e` opens with `and`, `or` or `of` in lower case and has a word after it.
    private static func opensWithJoiner(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e - s > 4, b[s] &- 0x61 < 26 else { return false }
        if b[s + 3] == 0x20 { return b[s] == 0x61 && b[s + 1] == 0x6E && b[s + 2] == 0x64 }
        return b[s + 2] == 0x20 && b[s] == 0x6F && (b[s + 1] == 0x72 || b[s + 1] == 0x66)
    }

    /// The bytes of a seat holder's initials (`MP`, `MLA`, `MDC`) standing between words inside the name `s..<e`, with a
    /// word before them and two after.
    private static func seatInside(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Range<Int>? {
        guard e - s >= 12 else { return nil }
        var k = s
        while k < e - 8 {
            guard b[k] == 0x20, b[k + 1] == 0x4D else { k += 1; continue }
            var j = k + 1
            while j < e, b[j] &- 0x41 < 26 { j += 1 }
            if j - k - 1 >= 2, j - k - 1 <= 3, j < e, b[j] == 0x20, (j + 1..<e).contains(where: { b[$0] == 0x20 }),
               seatInitials.contains(where: { $0.utf8.elementsEqual(b[(k + 1)..<j]) }) {
                return (k + 1)..<j
            }
            k = j
        }
        return nil
    }

    /// The initials of those who hold a seat.
    static let seatInitials = ["MP", "MPP", "MLA", "MLC", "MDC", "MCA", "MNA", "MPA", "MSP", "MHA"]

    /// Whether `s..<e` is an acronym's plural (`MPs`, `MLAs`, `MDCs`, `NGOs`): two to six capitals and an `s`, which
    /// counts holders of an office or bodies of a kind, and names none.
    static func isAcronymPlural(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e - s >= 3, e - s <= 7, b[e - 1] == 0x73 else { return false }
        return (s..<(e - 1)).allSatisfy { b[$0] &- 0x41 < 26 }
    }
}

/// The people of a listed place, named by the place and `-ns` or `-ers` (`Nova Scotians`, `Albertans`,
/// `Queenslanders`, `Aucklanders`), are a people, not the place or a body, where the lists do not hold the word itself.
extension Recognizer {
    package func repairPeoplesOfPlaces(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let misread = EntityLabel.gpe.bit | EntityLabel.org.bit | EntityLabel.person.bit
        for n in kept.indices where kept[n].label.bit & misread != 0 {
            // `-ns` or `-ers` at the end, read off the bytes first.
            let s = kept[n].start, e = kept[n].end
            guard e - s >= 7, b[e - 1] == 0x73, b[e - 2] == 0x6E || b[e - 2] == 0x72 && b[e - 3] == 0x65,
                  b[s] &- 0x41 < 26, Self.match(a.matches, s, e) == nil else { continue }
            let stem = b[e - 2] == 0x6E ? e - 2 : e - 3
            let first = (s..<stem).first(where: { b[$0] == 0x20 }) ?? stem
            guard let hit = tagger.index.longest(in: b, word: s..<first, key: WordFlags.hash(b, s..<first), hyphen: stem),
                  hit.end == stem, tagger.gazetteer.entries[hit.entry].label == .gpe else { continue }
            kept[n].label = .norp
            kept[n].canonical = nil
        }
    }
}
