import EntityTagModel
import EntityTagRecognizer
import EntityTagRepairs
import EntityTagRules
import LedeText

/// Ireland's counties as Irish and Northern Irish copy writes them, `Co` and the county (`Castlebar, Co Mayo`,
/// `Kiltegan, Co Wicklow`, `Co. Cork`): the two words are one place, whatever the model made of them (a person,
/// or a firm's `Co`), and the name set off by a comma before them is a town in that county.
extension Recognizer {
    func repairIrishCounties(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) {
        let words = a.words
        // (Nothing to do where no word of the document is one of the words the loop looks for: a few reads, not a pass.)
        guard words.count >= 2, Self.countyLeadKeys.mayOccur(in: a.wordIndex) else { return }
        var places: [(range: Range<Int>, town: Int?)] = []
        for k in 0..<(words.count - 1) where words[k].capitalized && (words[k].count == 2 || words[k].count == 3) {
            // `Co` or `Co.`, then a county with only a space between.
            guard WordMatch.isAny(b, words[k], ["co", "co."]), words[k + 1].gap == .space, words[k + 1].capitalized,
                  WordMatch.isAny(b, words[k + 1], Self.irishCounties) else { continue }
            let town = k > 0 && words[k].gap == .comma && words[k - 1].capitalized && !words[k - 1].possessive ? k - 1 : nil
            places.append((k..<(k + 2), town))
        }
        guard !places.isEmpty else { return }
        for place in places {
            let start = words[place.range.lowerBound].start, end = words[place.range.upperBound - 1].end
            kept.removeAll { $0.label.isName && $0.start < end && $0.end > start }
            kept.append(Candidate(start: start, end: end, label: .gpe, canonical: nil, priority: Candidate.byContext))
            // The town before the county: a name the model read as a firm or a person is the town (`Kiltegan`).
            if let town = place.town, let n = kept.firstIndex(where: { $0.end == words[town].end }),
               kept[n].label == .org || kept[n].label == .person, Self.match(a.matches, kept[n].start, kept[n].end) == nil {
                kept[n].label = .gpe
                kept[n].canonical = nil
                kept[n].priority = Candidate.byContext
            }
        }
        kept.sort { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// `Co` and `Co.` before an Irish county, as the document's key bits are asked for them.
    static let countyLeadKeys = KeySet(["co", "co."].map { wordKey($0) })

    /// The island's 32 counties, and `Derry`'s other name.
    static let irishCounties: WordList = ["antrim", "armagh", "carlow", "cavan", "clare", "cork", "derry", "londonderry", "donegal",
                                          "down", "dublin", "fermanagh", "galway", "kerry", "kildare", "kilkenny", "laois", "leitrim",
                                          "limerick", "longford", "louth", "mayo", "meath", "monaghan", "offaly", "roscommon",
                                          "sligo", "tipperary", "tyrone", "waterford", "westmeath", "wexford", "wicklow"]
}
