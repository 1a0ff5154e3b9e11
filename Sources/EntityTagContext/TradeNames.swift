import EntityTagModel
import EntityTagRecognizer
import EntityTagRepairs
import EntityTagRules
import LedeText

/// Names read off what is said of them, where the model had only the word to go on:
/// - a firm by its trade: what has shares, a stake or a share price, is bought or taken over, reports a profit, rises
///   7%, or is called a firm (`shares of Jabil`, `Seagate's acquisition of Maxtor`, `Tibco rose 7%`, `chipmaker Jabil`,
///   `Rites, a state-owned firm`) is a firm, not a person or a place, unless the document names a person of that name
///   in full or with a title; one mention settles the others;
/// - an analyst's, an economist's or a strategist's employer, named before the job (`Wedbush analyst Dan Ives`,
///   `Caris & Co. analyst`), is a firm;
/// - a unit of a force or an office after `the` or a possessive, with the capitalized words before its last word
///   (`the force's Major Crime Team`, `the Serious and Organised Crime Unit`), is one body, where a rank (`Major`)
///   or an everyday word had made a person or nothing of it;
/// - a person's name holds no `in` or `for` (`Research In Motion`): it is a firm's;
/// - `of` and a place after a firm's trade say where the firm is from (`Brellin Rail of France`).
extension Recognizer {
    func repairTradeNames(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, input: NameInput) {
        let words = a.words
        guard words.count > 2 else { return }
        var added: [Candidate] = []
        var covered: [Range<Int>] = []
        // Units and employers: found from their last word, in one pass over the words. (The sets in locals: a static
        // read in the loop is a call to check it was made, per word.)
        let unitKeys = Self.unitKeys, jobKeys = Self.jobKeys, firmNounKeys = Self.firmNounKeys
        var brands: [UInt64] = []
        // (No pass at all where no word of the document is a unit's, a job's or a firm's noun: a few reads of its key bits.)
        let from = unitKeys.mayOccur(in: a.wordIndex) || jobKeys.mayOccur(in: a.wordIndex) || firmNounKeys.mayOccur(in: a.wordIndex)
            ? 1 : words.count
        for h in from..<words.count {
            let w = words[h]
            // `national airline airBaltic`: a brand written with a small first letter after a firm's noun.
            if !w.capitalized, w.count >= 4, h + 1 < words.count, firmNounKeys.contains(w.key), words[h + 1].gap == .space,
               Self.lowerCamel(b, words[h + 1]), !brands.contains(words[h + 1].key) {
                brands.append(words[h + 1].key)
            }
            if w.capitalized, w.count >= 4, unitKeys.contains(w.key), let first = unitStart(b, a, h, kept) {
                covered.append(words[first].start..<w.end)
                added.append(Candidate(start: words[first].start, end: w.end, label: .org, canonical: nil, priority: Candidate.byContext))
            } else if !w.capitalized, w.count >= 7, jobKeys.contains(w.key), let first = employerStart(b, a, input, h, kept) {
                // A legal form's full stop is the name's (`Caris & Co.`).
                let last = words[h - 1]
                let end = last.end < b.count && b[last.end] == 0x2E && WordMatch.isAny(b, last, RepairWords.legalForms) ? last.end + 1 : last.end
                covered.append(words[first].start..<end)
                added.append(Candidate(start: words[first].start, end: end, label: .org, canonical: nil, priority: Candidate.byContext))
            }
        }
        if !added.isEmpty {
            kept.removeAll { c in c.label.isName && covered.contains { c.start < $0.upperBound && c.end > $0.lowerBound } }
            kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        }
        if !brands.isEmpty { addLowerCaseBrands(&kept, brands, a) }
        // `Brellin Rail of France`: `of` and a place the lists know after a firm's trade say where the firm is from.
        var places: [Candidate] = []
        for n in kept.indices where kept[n].label == .org && kept[n].end - kept[n].start >= 12 {
            guard let r = a.wordIndex.range(words, kept[n]), r.count >= 4, Self.match(a.matches, kept[n].start, kept[n].end) == nil,
                  let of = (r.lowerBound + 2..<(r.upperBound - 1)).first(where: { WordMatch.isWord(b, words[$0], "of") }),
                  WordMatch.isAny(b, words[of - 1], Self.trades),
                  let place = Self.match(a.matches, words[of + 1].start, kept[n].end), place.label == .gpe else { continue }
            places.append(place)
            kept[n].end = words[of - 1].end
            kept[n].canonical = nil
        }
        if !places.isEmpty { kept = (kept + places).sorted { ($0.start, $0.end) < ($1.start, $1.end) } }
        // Firms by their trade, and persons' names that hold a firm's joiner.
        var firms: [UInt64] = []
        for n in kept.indices where kept[n].label == .person || kept[n].label == .gpe || kept[n].label == .org {
            guard let r = a.wordIndex.range(words, kept[n]), Self.match(a.matches, kept[n].start, kept[n].end) == nil else { continue }
            if kept[n].label == .person, r.count >= 3,
               words[(r.lowerBound + 1)..<(r.upperBound - 1)].contains(where: { WordMatch.isAny(b, $0, "in", "for") }) {
                kept[n].label = .org
                kept[n].canonical = nil
                continue
            }
            // `Chipmaker Quistel` opening a sentence: the firm's noun is no part of its name.
            if kept[n].label != .org, r.count >= 2, words[r.lowerBound].capitalized, WordMatch.isAny(b, words[r.lowerBound], Self.firmNouns),
               words[r.lowerBound + 1].gap == .space {
                kept[n].start = words[r.lowerBound + 1].start
                kept[n].label = .org
                kept[n].canonical = nil
                kept[n].priority = Candidate.byContext
                firms.append(Consistency.phraseKey(words[(r.lowerBound + 1)..<r.upperBound]))
                continue
            }
            guard tradedFirm(b, a, r), !namedAsPerson(b, a, kept, r) else { continue }
            firms.append(Consistency.phraseKey(words[r]))
        }
        // One mention's trade settles every mention written the same way, which the model may have read as a person's
        // name (`Jabil said`).
        guard !firms.isEmpty else { return }
        for n in kept.indices where kept[n].label == .person || kept[n].label == .gpe || kept[n].label == .org {
            guard let r = a.wordIndex.range(words, kept[n]), firms.contains(Consistency.phraseKey(words[r])) else { continue }
            kept[n].label = .org
            kept[n].canonical = nil
            kept[n].priority = Candidate.byContext
        }
    }

    /// `national airline airBaltic`, `the retailer eMart`: a brand written with a small first letter and a capital inside,
    /// after a firm's noun, is the firm, in every mention (`AirBaltic` opening a sentence too). The model never sees a
    /// name in a word that starts in lower case. `brands` are the words' hashes.
    private func addLowerCaseBrands(_ kept: inout [Candidate], _ brands: [UInt64], _ a: EntityTagger.Analysis) {
        var added: [Candidate] = []
        for w in a.words where brands.contains(w.key) && !kept.contains(where: { $0.start < w.end && $0.end > w.start }) {
            added.append(Candidate(start: w.start, end: w.end, label: .org, canonical: nil, priority: Candidate.byContext))
        }
        if !added.isEmpty { kept = (kept + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) } }
    }

    /// A word of five letters or more, ASCII, whose first letter is small and which has a capital after a small letter
    /// (`airBaltic`, `eMart`): no digits, no hyphen.
    static func lowerCamel(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        guard w.count >= 5, b[w.start] &- 0x61 < 26 else { return false }
        var inner = false
        for i in w.start..<w.end {
            let c = b[i]
            guard c &- 0x61 < 26 || c &- 0x41 < 26 else { return false }
            if c &- 0x41 < 26, i > w.start, b[i - 1] &- 0x61 < 26 { inner = true }
        }
        return inner
    }

    /// The first word of a unit's name whose last word is `words[h]`: the capitalized words before it, two joined by
    /// `and` or `&` among them, after `the` or a possessive; nil when there is none, or when a name the model or the
    /// lists found runs past the unit's ends.
    private func unitStart(_ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, _ h: Int, _ kept: [Candidate]) -> Int? {
        let words = a.words
        var first = h
        while first > 0 {
            let w = words[first - 1]
            guard words[first].gap == .space, !w.possessive, !w.digit else { break }
            if w.capitalized, w.flags & Feature.functionWords.rawValue == 0 {
                first -= 1
            } else if first - 2 >= 0, first < h, WordMatch.isAny(b, w, "and", "&"), words[first - 2].capitalized,
                      !words[first - 2].possessive, w.gap == .space {
                first -= 2
            } else {
                break
            }
        }
        // A capitalized `The` opens the sentence: the unit's name starts after it.
        if first < h, WordMatch.isWord(b, words[first], "the") { first += 1 }
        guard first < h, first > 0 else { return nil }
        let before = words[first - 1]
        guard WordMatch.isWord(b, before, "the") || before.possessive && !before.capitalized else { return nil }
        let start = words[first].start, end = words[h].end
        // A longer name that holds the unit's words, or runs past either end, is left alone.
        let runsPast: (Candidate) -> Bool = { $0.label.isName && ($0.start < start && $0.end > start || $0.start < end && $0.end > end) }
        if a.matches.contains(where: runsPast) || kept.contains(where: runsPast) { return nil }
        return first
    }

    /// The first word of an employer's name before the market job `words[h]` (`Wedbush analyst`, `Caris & Co.
    /// analyst`): one to four capitalized words right before it, none a place's or a people's name the lists know,
    /// not an everyday word alone at a sentence's start (`Senior analyst`); nil if there are none, or if a name
    /// other than a person's already holds them.
    private func employerStart(_ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, _ input: NameInput, _ h: Int,
                               _ kept: [Candidate]) -> Int? {
        let words = a.words
        guard joined(b, words[h - 1], words[h]) else { return nil }
        var first = h
        while first > 0, h - first < 4 {
            let w = words[first - 1]
            guard first == h || joined(b, w, words[first]), w.capitalized, !w.possessive, !w.digit,
                  w.flags & Feature.functionWords.rawValue == 0 else { break }
            first -= 1
        }
        guard first < h else { return nil }
        let start = words[first].start, end = words[h - 1].end
        if WordMatch.isWord(b, words[first], "the") { return nil }
        if first == h - 1, a.initial[first] || words[first].gap != .space, input.common(words[first]) { return nil }
        if words[first..<h].contains(where: { $0.flags & (Feature.titles.rawValue | Feature.months.rawValue | Feature.weekdays.rawValue) != 0 }) {
            return nil
        }
        // Places and peoples (`Wall Street analysts`, `Chinese economists`) and names that run past are left alone.
        if a.matches.contains(where: { $0.start < end && $0.end > start && ($0.label != .org || $0.start < start || $0.end > end) }) { return nil }
        if kept.contains(where: { $0.start < end && $0.end > start && ($0.label != .person && $0.label != .org || $0.start < start || $0.end > end) }) {
            return nil
        }
        return first
    }

    /// Only spaces between two words of an employer's name, or an ampersand (`Caris & Co`), or a legal form's full
    /// stop (`Co. analyst`).
    private func joined(_ b: UnsafeBufferPointer<UInt8>, _ w: Word, _ next: Word) -> Bool {
        var k = w.end
        if k < next.start, b[k] == 0x2E, WordMatch.isAny(b, w, RepairWords.legalForms) { k += 1 }
        var ampersand = false
        while k < next.start {
            if b[k] == 0x26, !ampersand { ampersand = true } else if b[k] != 0x20 { return false }
            k += 1
        }
        return true
    }

    /// Whether the words around the name over `words[r]` say it is a firm.
    /// Verbs after a name that a move's word may also be (`were`, `has`), and a firm's results' verbs (`reported`): lists
    /// made once, where one written in place was an array allocated at each call.
    private static let tradedAuxiliaries: WordList = ["were", "are", "was", "is", "have", "has"]
    private static let tradedReports: WordList = ["reported", "posted", "booked", "recorded", "reports", "posts"]

    private func tradedFirm(_ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, _ r: Range<Int>) -> Bool {
        let words = a.words
        let last = words[r.upperBound - 1]
        // Before: `shares of`, `stake in`, `acquisition of`, `analysts at`.
        if r.lowerBound >= 2, words[r.lowerBound].gap == .space {
            let w1 = words[r.lowerBound - 1], w2 = words[r.lowerBound - 2]
            if w1.gap == .space, Self.ownedKeys.contains(w2.key), WordMatch.isAny(b, w1, "of", "in") { return true }
            if w1.gap == .space, Self.jobKeys.contains(w2.key), WordMatch.isWord(b, w1, "at") { return true }
        }
        // `chipmaker Quistel`, `the Medellín-based utility Quistel`: a firm's noun right before the name.
        // (Not `carrier`, which is a ship's before its name: `the aircraft carrier Carl Vinson`.)
        if r.lowerBound >= 1, words[r.lowerBound].gap == .space, case let w = words[r.lowerBound - 1], !w.capitalized,
           Self.firmNounKeys.contains(w.key), !WordMatch.isWord(b, w, "carrier") { return true }
        // `local news site Haipo`; `CEO of Dasco`, `the founder of Atarim`: a firm's chief before `of`.
        if r.lowerBound >= 2, words[r.lowerBound].gap == .space, words[r.lowerBound - 1].gap == .space {
            let w1 = words[r.lowerBound - 1], w2 = words[r.lowerBound - 2]
            if !w1.capitalized, WordMatch.isWord(b, w1, "site"), WordMatch.isWord(b, w2, "news") { return true }
            if WordMatch.isWord(b, w1, "of"), !w1.capitalized, WordMatch.isAny(b, w2, Self.firmChiefs), r.count <= 2 { return true }
        }
        // `Quistel, a state-owned Indian firm,`: a firm's noun within five words after a comma and an article, before
        // any preposition (`Grant Oakes, the former chief executive of retailer Woolworths`, is no firm), and not after a
        // given name.
        if r.upperBound + 2 < words.count, words[r.upperBound].gap == .comma, !last.possessive,
           words[r.lowerBound].flags & Feature.given.rawValue == 0, WordMatch.isAny(b, words[r.upperBound], "a", "an", "the") {
            for k in (r.upperBound + 1)..<min(words.count, r.upperBound + 6) {
                guard words[k].gap == .space, words[k].flags & Feature.functionWords.rawValue == 0 else { break }
                if !words[k].capitalized, Self.firmNounKeys.contains(words[k].key) { return true }
            }
        }
        guard r.upperBound + 1 < words.count, words[r.upperBound].gap == .space else { return false }
        let w1 = words[r.upperBound], w2 = words[r.upperBound + 1]
        // After: `Jabil shares rose`, `Jabil's share price`, `Jabil's revenue`.
        if !last.possessive, WordMatch.isAny(b, w1, "shares", "stock"), w2.gap == .space, Self.moveKeys.contains(w2.key) {
            return true
        }
        if last.possessive, Self.firmsThingKeys.contains(w1.key) { return true }
        if last.possessive, WordMatch.isWord(b, w1, "share"), WordMatch.isWord(b, w2, "price") { return true }
        if last.possessive, WordMatch.isWord(b, w1, "chief"), WordMatch.isAny(b, w2, "executive", "financial", "operating") { return true }
        // `Tibco rose 7%`, `Jabil fell 2 per cent`: a percentage right after a move.
        if !last.possessive, Self.moveKeys.contains(w1.key), !WordMatch.isAny(b, w1, Self.tradedAuxiliaries),
           a.ruled.contains(where: { $0.label == .percent && $0.start == w2.start }) {
            return true
        }
        // `Jabil reported a quarterly profit`, `Tibco posted record revenue`.
        if !last.possessive, WordMatch.isAny(b, w1, Self.tradedReports) {
            let stop = min(words.count, r.upperBound + 6)
            for k in (r.upperBound + 1)..<stop {
                if words[k].gap != .space { break }
                if Self.resultKeys.contains(words[k].key) { return true }
            }
        }
        return false
    }

    /// Whether the document names a person with the words over `words[r]`: in a longer person's name, or after a
    /// title (`Mr Ford`).
    private func namedAsPerson(_ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, _ kept: [Candidate], _ r: Range<Int>) -> Bool {
        let words = a.words
        let keys = Set(words[r].map(\.key))
        for c in kept where c.label == .person {
            guard let q = a.wordIndex.range(words, c), q != r else { continue }
            if q.count > r.count, words[q].contains(where: { keys.contains($0.key) }) { return true }
            if q.count == r.count, zip(words[q], words[r]).allSatisfy({ $0.key == $1.key }), q.lowerBound > 0,
               words[q.lowerBound - 1].flags & (Feature.titles.rawValue | Feature.ranks.rawValue) != 0 { return true }
        }
        return r.lowerBound > 0 && words[r.lowerBound - 1].flags & (Feature.titles.rawValue | Feature.ranks.rawValue) != 0
    }

    /// The last words of a force's or an office's units (`Major Crime Team`, `Special Branch`).
    static let unitHeads: WordList = ["unit", "team", "squad", "taskforce", "command", "branch", "cell"]

    /// Jobs whose holders are named with their employer before them (`Wedbush analyst`).
    static let marketJobs: WordList = ["analyst", "analysts", "economist", "economists", "strategist", "strategists"]

    /// What a firm has or undergoes, before `of` or `in` (`shares of Jabil`, `stake in Tibco`).
    static let ownedThings: WordList = ["shares", "stock", "stake", "stakes", "shareholders", "stockholders", "acquisition",
                                        "takeover", "buyout", "subsidiary", "subsidiaries", "bondholders", "privatisation",
                                        "privatization", "board"]

    /// What a firm has or does, after its possessive (`Jabil's revenue`, `Seagate's acquisition`).
    static let firmsThings: WordList = ["revenue", "revenues", "shareholders", "stockholders", "subsidiary", "subsidiaries",
                                        "headquarters", "ceo", "cfo", "coo", "acquisition", "takeover", "buyout", "merger"]

    /// How shares move, or stand (`Jabil shares rose`, `Tibco shares were`).
    static let marketMoves: WordList = ["rose", "fell", "jumped", "slipped", "climbed", "gained", "lost", "dropped", "soared",
                                        "tumbled", "surged", "sank", "plunged", "slid", "rallied", "dipped", "edged", "advanced",
                                        "declined", "closed", "ended", "traded", "were", "are", "have", "rise", "fall", "jump"]

    /// Nouns that name a firm and nothing else, before its name or in an apposition after it (`chipmaker Quistel`,
    /// `Quistel, a state-owned firm`). Not `developer`, `producer` or `contractor`, which are people's trades too.
    static let firmNouns: WordList = ["firm", "firms", "company", "conglomerate", "carrier", "lender", "insurer", "retailer",
                                      "miner", "utility", "manufacturer", "automaker", "carmaker", "chipmaker", "drugmaker",
                                      "airline", "broadcaster", "newspaper", "startup", "start-up", "consultancy", "brewer",
                                      "telco", "subsidiary", "multinational", "bank", "giant", "website", "portal", "magazine",
                                      "tabloid", "outlet", "publication"]

    /// A firm's chiefs, before `of` and its name (`CEO of Dasco`): no office of a country or a town among them.
    static let firmChiefs: WordList = ["ceo", "cfo", "coo", "cto", "founder", "co-founder", "cofounder", "owner", "co-owner",
                                       "shareholder", "shareholders"]

    /// What a firm reports (`a quarterly profit`).
    static let results: WordList = ["profit", "profits", "loss", "losses", "revenue", "revenues", "earnings", "sales", "income"]

    /// The lists above as sets of the words' hashes: one probe of a word's own hash each, as the repair asks of every
    /// word and of the words around every name.
    static let unitKeys = keys(unitHeads), jobKeys = keys(marketJobs), ownedKeys = keys(ownedThings)
    static let firmNounKeys = keys(firmNouns), firmsThingKeys = keys(firmsThings), moveKeys = keys(marketMoves)
    static let resultKeys = keys(results)

    private static func keys(_ list: WordList) -> KeySet { KeySet(list.words.map { wordKey($0.description) }) }
}
