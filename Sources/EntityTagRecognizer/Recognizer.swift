#if canImport(Glibc)
import Glibc
#endif
import EntityTagModel
import EntityTagRules
import LedeText


/// Names from the learned model, with the rules' numbers and dates, settled once per document.
///
/// The model tags words with the labels it was trained on. A model trained on CoNLL-style data knows `LOC`
/// and `MISC`, which OntoNotes splits: a `LOC` becomes `GPE` unless the gazetteer or its head word says it
/// is a natural place (`LOC`) or a structure (`FAC`), and a `MISC` becomes `NORP`, `EVENT`, `LAW` or
/// `PRODUCT` by the gazetteer, its head word or its form, or is dropped when nothing says which.
package struct Recognizer {
    package let tagger: EntityTagger
    package let model: NameModel

    package init(tagger: EntityTagger, model: NameModel) {
        self.tagger = tagger
        self.model = model
    }

    /// The input the model sees for an analysed text.
    package static func input(_ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis, tagger: EntityTagger) -> NameInput {
        NameInput(b: b, words: a.words, initial: a.initial,
                  gazetteer: codes(a.words, a.matches),
                  rules: codes(a.words, a.ruled),
                  common: { w in tagger.scanner.common.flags(key: w.key) & Feature.common.rawValue != 0 },
                  cluster: { w in WordClusters.classes(tagger.scanner.common.flags(key: w.key)) })
    }

    /// Each word's tag code in `spans` (sorted by start, not overlapping much): `B-` for the first word of a
    /// span, `I-` for the rest, 0 outside.
    package static func codes(_ words: [Word], _ spans: [Candidate]) -> [UInt8] {
        var out = [UInt8](filled: 0, count: words.count)
        // By index: a copy of each candidate would retain and release its canonical name. The walk gallops
        // from one span to the next (``UnsafeBufferPointer/firstWord(from:startingAtOrAfter:)``).
        out.withUnsafeMutableBufferPointer { out in
            words.withUnsafeBufferPointer { words in
                var w = 0
                for n in spans.indices where spans[n].label.isName {
                    let (start, end, label) = (spans[n].start, spans[n].end, spans[n].label)
                    w = words.firstWord(from: w, startingAtOrAfter: start)
                    var k = w
                    while k < words.count, words[k].start < end {
                        if out[k] == 0 { out[k] = NameFeatures.tagCode(label: label, begin: k == w) }
                        k += 1
                    }
                }
            }
        }
        return out
    }

    /// The model's names typed, with the rules' numbers and the gazetteer's names beside them, overlaps
    /// resolved and each span's own extent repaired (``repairSpans(_:_:_:input:)``). What is left for
    /// `EntityTagRepairs` and `EntityTagContext` is what needs the neighbours of a name: offices, lists, places, the document.
    /// `titleInside` says whether some name has a title inside it.
    package func names(_ b: UnsafeBufferPointer<UInt8>, _ a: EntityTagger.Analysis) -> (kept: [Candidate], input: NameInput, titleInside: Bool) {
        let input = Self.input(b, a, tagger: tagger)
        let tags = NameFeatures.decode(input, weights: model, classes: model.classes)
        let spans = NameFeatures.spans(tags)
        // The closures below read the words through this array: one that named `a` copied the whole analysis (its
        // seven arrays retained and released) at each use, twice per span.
        let words = a.words
        var names: [Candidate] = []
        names.reserveCapacity(spans.count + 4)
        for (found, label) in spans {
            let kind = model.kinds[label]
            // `Leeds-based Harcastle Mutual`, `state-owned Veroni Energy`: what is based or owned is a firm, or a
            // person (`Irish-born`), and the words before it are no part of its name.
            var whole = found
            var described = false
            if let k = found.dropLast().last(where: { words[$0].count > 5 && WordMatch.isDescribedBy(b, words[$0]) }) {
                whole = (k + 1)..<found.upperBound
                described = true
            }
            // A name never crosses a line break or a spaced dash (`Sri Lanka - Arjuna Ranatunga`, a byline over
            // a dateline): each side is a name of its own.
            // The model's label was for the whole, so a piece keeps it only where the gazetteer agrees; the rules
            // and the gazetteer name the others.
            let cut = whole.count > 1 && whole.dropFirst().contains { words[$0].gap == .other }
            let pieces = cut ? Self.pieces(b, a.words, whole) : []
            for p in 0..<(cut ? pieces.count : 1) {
                let span = cut ? pieces[p] : whole
                // A nationality or a party before a person's full name is no part of it (`Democrat Walter Mondale`).
                var range = span
                if kind.isPerson, range.count >= 3, Self.match(a.matches, a.words[range.lowerBound].start, a.words[range.lowerBound].end)?.label == .norp {
                    range = (range.lowerBound + 1)..<range.upperBound
                }
                var numbered = false
                if case .miscellaneous = kind { numbered = true }
                var (start, end) = Self.trimmed(b, a.words, range, person: kind.isPerson, numbered: numbered)
                // A word that takes a number takes the one after it (`League Two`, `Channel 4`, `Formula One`).
                if !kind.isPerson, range.upperBound < a.words.count, a.words[range.upperBound - 1].end == end,
                   case let next = a.words[range.upperBound], next.gap == .space,
                   next.digit && next.count <= 3 && Self.allDigits(b, next)
                    || next.capitalized && next.flags & Feature.numberWords.rawValue != 0,
                   Self.takesNumber(b, a.words[range.upperBound - 1]) {
                    end = next.end
                }
                let match = Self.match(a.matches, start, end)
                if cut, pieces.count > 1, match == nil { continue }
                // A holiday the rules read as a date is no one's name (`Diwali`, `Eid al-Adha`).
                if a.words[range.lowerBound].flags & Feature.holidays.rawValue != 0,
                   a.ruled.contains(where: { $0.label == .date && $0.start <= start && end <= $0.end }) { continue }
                // In a sentence written in capitals, everyday words alone are no name (`FERRIES HALT`), whatever the
                // model read; a listed name (`BANK OF ENGLAND`) or a word no dictionary holds (`MESSI`) may be.
                if input.shouted[range.lowerBound], match == nil, range.allSatisfy({ input.common(words[$0]) }) { continue }
                // A title alone is no one (`Sheriff` of `Kerr County Sheriff’s Office`).
                if kind.isPerson, range.allSatisfy({ words[$0].flags & (Feature.titles.rawValue | Feature.ranks.rawValue) != 0 }) { continue }
                // One everyday word opening a sentence or a clause (`According`, `-- Meanwhile`) is no name on the
                // model's word alone: the gazetteer has to know it.
                if range.count == 1, a.initial[range.lowerBound] || a.words[range.lowerBound].gap != .space, match == nil,
                   input.common(a.words[range.lowerBound]) { continue }
                // (What is described is a firm unless the lists know the name: `British-ruled Northern Ireland`.)
                guard let typed = described && !kind.isPerson ? (match.map { $0.label.isName ? $0.label : .org } ?? .org)
                        : type(kind, b, a.words, range, match: match) else {
                    // A miscellaneous name nothing types may hold a person after an office (`Director of Public
                    // Prosecutions Mary Poe`): the person is kept.
                    if a.titleOf, let split = titlePhraseSplit(b, a.words, range, person: false, matches: a.matches, input: input) {
                        let from = a.words[split.person].start
                        names.append(Candidate(start: from, end: end, label: .person,
                                               canonical: .text(start: from, end: end), priority: 4))
                    }
                    continue
                }
                // An everyday word before a title is a portfolio, not a name (`Agriculture Secretary`, `Health
                // Minister`).
                if range.count == 1, typed != .person, match == nil, range.upperBound < a.words.count,
                   a.words[range.upperBound].flags & Feature.titles.rawValue != 0, a.words[range.upperBound].capitalized,
                   input.common(a.words[range.lowerBound]) { continue }
                // A person's canonical form is the name itself until consistency finds a fuller one.
                let canonical = match?.canonical ?? (typed == .person ? .text(start: start, end: end) : nil)
                names.append(Candidate(start: start, end: end, label: typed, canonical: canonical, priority: 4))
            }
        }
        // Numbers, dates and amounts from the rules; a name that covers one wins (`Theresa May`).
        var all: [Candidate] = []
        all.reserveCapacity(names.count + a.ruled.count + a.matches.count + 4)
        all.append(contentsOf: names)
        for k in a.ruled.indices where !a.ruled[k].label.isName { all.append(a.ruled[k]) }
        // The gazetteer's and the rules' names where the model found nothing (`Kenyan`, which some training
        // sets leave untagged; `Park Ji-hoon`, a form the training text seldom shows), and a longer name of
        // theirs that holds the model's whole (`Bank of Korea` over `Bank` and `Korea`): a longer name beats
        // the place inside it.
        // `names` is in text order and its spans do not overlap, so each test below starts at a binary search:
        // the first name that ends after `c` starts. They take a span, not a candidate, which the caller would
        // have to copy (retaining its canonical name). They read a constant copy of `names`: a `var` that
        // local functions capture is checked for exclusive access at every read (a runtime call each).
        let modelNames = names
        func firstName(endingAfter c: (start: Int, end: Int)) -> Int {
            var lo = 0, hi = modelNames.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if modelNames[mid].end <= c.start { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        func overlapsName(_ c: (start: Int, end: Int)) -> Bool {
            let n = firstName(endingAfter: c)
            return n < modelNames.count && modelNames[n].start < c.end
        }
        /// Whether `c` holds a name of the model that is shorter than it, and cuts none in two.
        func holdsNamesWhole(_ c: (start: Int, end: Int)) -> Bool {
            var n = firstName(endingAfter: c)
            var holds = false
            while n < modelNames.count, modelNames[n].start < c.end {
                if modelNames[n].start < c.start || modelNames[n].end > c.end { return false }
                if modelNames[n].length < c.end - c.start { holds = true }
                n += 1
            }
            return holds
        }
        // By index, as below: a copy of each candidate tested would retain and release its canonical name.
        func span(_ c: Candidate) -> (start: Int, end: Int) { (c.start, c.end) }
        // In a sentence written in capitals (a headline, a table) a capital says nothing, and the rules read
        // names from capitals: there the model and the gazetteer alone decide.
        func shouted(_ start: Int) -> Bool {
            guard let w = Consistency.firstWord(a.words, at: start) else { return false }
            return input.shouted[w]
        }
        for k in a.matches.indices where a.matches[k].label.isName && !overlapsName(span(a.matches[k])) { all.append(a.matches[k]) }
        for k in a.ruled.indices where a.ruled[k].label.isName && !overlapsName(span(a.ruled[k])) && !shouted(a.ruled[k].start) {
            let (start, end) = (a.ruled[k].start, a.ruled[k].end)
            // A lone capitalized word opening a sentence that the model left alone (`Medics said`) is no name
            // on the rules' word alone.
            if a.ruled[k].label == .person, let w = Consistency.firstWord(a.words, at: start), a.initial[w],
               w + 1 >= a.words.count || a.words[w + 1].start >= end { continue }
            all.append(a.ruled[k])
        }
        // A capitalized word after a form of address is a person (`Dr Ng`, `Mr. Messi`).
        // `addresses` read once: a static of another module is a call at each use, and this visits every word.
        // So are two capitalized words after a title (`Labour MP Dawn Fry`) that nothing else named.
        let addresses = Feature.addresses.rawValue
        let titles = Feature.titles.rawValue
        for (i, w) in a.words.enumerated() where w.flags & (addresses | titles) != 0 && i + 1 < a.words.count {
            let next = a.words[i + 1]
            guard next.capitalized, Self.joinedBySpace(b, w, next) else { continue }
            if w.flags & addresses == 0 {
                // Two capitalized words that are no office, institution, place or date of their own, and nothing
                // capitalized after them.
                guard w.capitalized, i + 2 < a.words.count, !input.shouted[i] else { continue }
                let last = a.words[i + 2]
                let notName = titles | Feature.orgSuffixes.rawValue | Feature.orgHeads.rawValue | Feature.facilityHeads.rawValue
                    | Feature.functionWords.rawValue | Feature.months.rawValue | Feature.weekdays.rawValue
                guard last.capitalized, Self.joinedBySpace(b, next, last), (next.flags | last.flags) & notName == 0,
                      i + 3 >= a.words.count || !a.words[i + 3].capitalized || !Self.joinedBySpace(b, last, a.words[i + 3])
                else { continue }
            }
            var last = i + 1
            while last + 1 < a.words.count, last < i + 3, a.words[last + 1].capitalized, Self.joinedBySpace(b, a.words[last], a.words[last + 1]),
                  !a.words[last].possessive { last += 1 }
            // `Commissioner Rod Cleveland`, `Sheriff Chris Lancaster`: a family name that is also a place's, which
            // the model named alone, is the person's when nothing named the words before it.
            if overlapsName((next.start, a.words[last].end)) {
                let n = firstName(endingAfter: (next.start, next.end))
                guard last > i + 1, n < modelNames.count, modelNames[n].start == a.words[last].start, modelNames[n].end == a.words[last].end,
                      modelNames[n].label == .gpe || modelNames[n].label == .loc, !overlapsName((next.start, a.words[last - 1].end))
                else { continue }
            }
            all.append(Candidate(start: next.start, end: a.words[last].end, label: .person,
                                 canonical: .text(start: next.start, end: a.words[last].end),
                                 priority: 1))
        }
        for k in a.ruled.indices where a.ruled[k].priority == Candidate.strong && overlapsName(span(a.ruled[k])) { all.append(a.ruled[k]) }
        for k in a.ruled.indices where a.ruled[k].label.isName && holdsNamesWhole(span(a.ruled[k])) && !shouted(a.ruled[k].start) {
            var c = a.ruled[k]
            c.priority = 5
            all.append(c)
        }
        for k in a.matches.indices where a.matches[k].label.isName && holdsNamesWhole(span(a.matches[k])) {
            var m = a.matches[k]
            m.priority = 5
            all.append(m)
        }
        var kept = EntityTagger.resolve(all)
        let ranges = a.wordIndex.ranges(a.words, kept)
        let titleOrRank = Feature.titles.rawValue | Feature.ranks.rawValue
        // Whether a title stands inside a name, which only `splitAtTitles` below is for: it need not look
        // again at every name (a walk over all the words) when none has one.
        var titleInside = false
        var dropped: [Int] = []
        for n in kept.indices where kept[n].label.isName {
            guard let r = ranges[n] else { continue }
            let first = r.lowerBound, last = r.upperBound - 1
            if !titleInside, last - first >= 2 {
                for k in (first + 1)..<last where a.words[k].flags & Feature.titles.rawValue != 0 { titleInside = true }
            }
            // A name that opens with a rank or a title is the person after it, whatever the model called it
            // (`SP Adaeze Okafor` read as a place); not a lone letter after it (`Gen Z`), nor a name the
            // gazetteer holds whole (`Premier League`, `General Motors`).
            // (`Sri Abdul Rahman` of `Tan Sri Abdul Rahman` read as a place.)
            if kept[n].label != .person, first < last, a.words[first].flags & titleOrRank != 0 || WordMatch.isHonourPair(b, a.words, first) && first + 1 < last
                || first > 0 && WordMatch.isHonourPair(b, a.words, first - 1) && Self.joinedBySpace(b, a.words[first - 1], a.words[first]),
               a.words[first + 1].capitalized, a.words[first + 1].count > 1,
               Self.match(a.matches, kept[n].start, kept[n].end) == nil {
                kept[n].label = .person
                kept[n].canonical = nil
            } else if kept[n].label != .person, first < last, first > 0, a.words[first].flags & Feature.given.rawValue != 0,
                      a.words[first - 1].flags & titleOrRank != 0, a.words[first - 1].capitalized,
                      Self.joinedBySpace(b, a.words[first - 1], a.words[first]) {
                // A given name and more right after a title (`Constable Victoria Hazlewood`) is a person, though
                // the given name is also a place's.
                kept[n].label = .person
                kept[n].canonical = nil
            }
            let numbered = kept[n].label == .event || kept[n].label == .law || kept[n].label == .product || kept[n].label == .workOfArt
            var (start, end) = Self.trimmed(b, a.words, first..<(last + 1), person: kept[n].label == .person, numbered: numbered)
            // What a title leaves of a person may be an everyday word (`Mother` of `Queen Mother`): no one's name,
            // though after a form of address it is (`Mr Hope`).
            if kept[n].label == .person, first < last, a.words[first].flags & Feature.addresses.rawValue == 0,
               let w = Consistency.firstWord(a.words, at: start), a.words[w].end == end,
               input.common(a.words[w]), a.words[w].flags & (Feature.given.rawValue | Feature.surnames.rawValue) == 0 {
                dropped.append(n)
            }
            // `Moody's`: a possessive that is part of the name, because the gazetteer writes it so under the
            // same label, or because nothing after it could be what it possesses (`Macy's said`). A person's
            // name of two words and more keeps it out (`Ana Ruiz's said` is a contraction), and so do the
            // words whose `'s` is a contracted `is` (`Nothing's changed`).
            if a.words[last].possessive {
                let closes = Self.possessiveClosesName(b, a.words, last)
                let withS = Self.possessiveEnd(b, a.words[last])
                if let m = Self.match(a.matches, start, withS), m.label == kept[n].label || closes {
                    end = withS
                    kept[n].label = m.label
                    kept[n].canonical = m.canonical
                } else if closes, kept[n].label != .person || first == last, !Self.takesContraction(b, a.words[last]) {
                    end = withS
                    // No person or place has a name in `'s` that no list holds (`at Quarry's`): a shop's or a firm's.
                    if [.person, .gpe, .loc, .norp].contains(kept[n].label) { kept[n].label = .org }
                    kept[n].canonical = nil
                }
            }
            if (start, end) != (kept[n].start, kept[n].end) {
                (kept[n].start, kept[n].end) = (start, end)
                if kept[n].label == .person { kept[n].canonical = .text(start: start, end: end) }
            }
        }
        for n in dropped.reversed() { kept.remove(at: n) }
        if repairSpans(&kept, b, a, input: input) { titleInside = true }
        return (kept, input, titleInside)
    }

    /// A name that runs over a title into a person (`Bank of Korea Governor Kim Choong-soo`, `Bulloo Shire
    /// Council Mayor John Ferguson`) is two: what stands before the title (an organization unless the
    /// gazetteer says otherwise) and the person after it; the title belongs to neither.
    package static func splitAtTitles(_ kept: inout [Candidate], _ b: UnsafeBufferPointer<UInt8>, _ words: [Word], matches: [Candidate],
                              index: WordIndex) {
        var out: [Candidate] = []
        out.reserveCapacity(kept.count)
        let ranges = index.ranges(words, kept)
        for (n, c) in kept.enumerated() {
            guard c.label.isName, let r = ranges[n] else { out.append(c); continue }
            let first = r.lowerBound, last = r.upperBound - 1
            // The last title inside the name with a capitalized word after it.
            var title = last - 1
            while title > first, words[title].flags & Feature.titles.rawValue == 0 { title -= 1 }
            // Nothing but offices after it is no person (`Office of the Attorney General`), and a law's name holds
            // none (`Promotion of Administrative Justice Act`).
            guard title > first, c.label != .law, !WordMatch.isAny(b, words[last], RepairWords.lawHeads), words[title].flags & Feature.titles.rawValue != 0, words[title + 1].capitalized,
                  ((title + 1)...last).contains(where: { words[$0].flags & Feature.titles.rawValue == 0 }) else {
                out.append(c)
                continue
            }
            // `Salt Lake County Sheriff's Office`: an institution's head after the title makes the whole an organization.
            if title + 1 == last, words[last].flags & (Feature.orgHeads.rawValue | Feature.facilityHeads.rawValue) != 0 {
                var whole = c
                if whole.label == .person || whole.label == .gpe { whole.label = .org; whole.canonical = nil }
                out.append(whole)
                continue
            }
            var before = title - 1
            while before >= first, words[before].flags & Feature.titles.rawValue != 0 { before -= 1 }
            if before >= first {
                let start = words[first].start, end = words[before].end
                let match = match(matches, start, end)
                let label: EntityLabel = match?.label ?? (c.label == .person ? .org : c.label)
                out.append(Candidate(start: start, end: end, label: label == .person ? .org : label,
                                     canonical: match?.canonical, priority: c.priority))
            }
            let start = words[title + 1].start
            out.append(Candidate(start: start, end: c.end, label: .person,
                                 canonical: .text(start: start, end: c.end),
                                 priority: c.priority))
        }
        kept = out
    }

    /// Only spaces (or a title's full stop) between two words.
    package static func joinedBySpace(_ b: UnsafeBufferPointer<UInt8>, _ a: Word, _ c: Word) -> Bool {
        (a.end..<c.start).allSatisfy { b[$0] == 0x20 }
    }

    /// The bytes of a name over `words[r]`, without a bare possessive apostrophe at its end (`Mega Millions'`)
    /// and, for a person, without the titles before it (`Mr Cameron`, `Commissioner of Police X` keeps `X`).
    package static func trimmed(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ r: Range<Int>, person: Bool, numbered: Bool = false) -> (Int, Int) {
        var first = r.lowerBound
        if person {
            var moved = true
            while moved {
                moved = false
                while first + 1 < r.upperBound, words[first].flags & (Feature.titles.rawValue | Feature.ranks.rawValue) != 0 || words[first + 1].gap == .other {
                    first += 1
                    moved = true
                }
                // `Datuk Seri Dr Ahmad Zahid`, `Dato' Sri X`: the second word of a Malaysian honour, after its first
                // (alone, `Seri` opens towns: `Seri Manjung`); `Tan Sri X`, whose first word alone is a family name.
                if first + 1 < r.upperBound, first > 0, words[first - 1].flags & Feature.titles.rawValue != 0,
                   WordMatch.isAny(b, words[first], "seri", "sri") {
                    first += 1
                    moved = true
                } else if first + 2 < r.upperBound, WordMatch.isHonourPair(b, words, first) {
                    first += 2
                    moved = true
                }
            }
        }
        // A name ends on a capitalized word or a number, not on a joiner (`Nobody on`), nor on the capitals of a
        // currency (`Canberra A` of `Canberra A$30 million`), nor on a preposition or pronoun in capitals (`Ip
        // In` where a line break was lost; `Elizabeth I` keeps its numeral).
        var last = r.upperBound - 1
        while last > first, !words[last].capitalized && !words[last].digit
                || words[last].count <= 3 && words[last].end < b.count && b[words[last].end] == 0x24
                || words[last].count > 1 && words[last].flags & Feature.functionWords.rawValue != 0 { last -= 1 }
        // Nor runs over a bare number, unless the name is of a kind that numbers (`Windows 95`, `Euro 2016`) or
        // the word before it takes one (`Route 66`, `Radio 4`): a score, a count or a date after a name is no part
        // of it (`Glamorgan 259 and 207`, `IRVINE, Calif 1996-08-30 The ...`).
        if !numbered, last > first {
            for k in (first + 1)...last where words[k].digit && Self.allDigits(b, words[k]) && !Self.takesNumber(b, words[k - 1]) {
                last = k - 1
                break
            }
        }
        let start = words[first].start
        var end = words[last].end
        // `Nairobi-bound`, `Al-Shabaab-linked`: the name is what stands before the hyphen.
        if words[last].count > 5, WordMatch.isDescribedBy(b, words[last]),
           let dash = (words[last].start..<end).last(where: { b[$0] == 0x2D }), dash > start {
            end = dash
        }
        if end - start > 1, b[end - 1] == 0x27 { end -= 1 }
        if end - start > 3, b[end - 3] == 0xE2, b[end - 2] == 0x80, b[end - 1] == 0x99 { end -= 3 }
        return (start, end)
    }

    /// `r` cut at every line break and spaced dash between its words; most names have none, and are one piece.
    package static func pieces(_ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ r: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var from = r.lowerBound
        for k in (r.lowerBound + 1)..<max(r.upperBound, r.lowerBound + 1) where words[k].gap == .other {
            var cut = false
            var i = words[k - 1].end
            while i < words[k].start {
                let c = b[i]
                if c == 0x0A || c == 0x0D { cut = true; break }
                // `-`, or an en or em dash (E2 80 93/94), with a space before it.
                if i > words[k - 1].end, b[i - 1] == 0x20, c == 0x2D || c == 0xE2 && i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0x93 || b[i + 2] == 0x94) {
                    cut = true
                    break
                }
                i += 1
            }
            if cut {
                out.append(from..<k)
                from = k
            }
        }
        out.append(from..<r.upperBound)
        return out
    }

    /// Whether `w` is digits with at most the separators of a number or a date (`259`, `1,200`, `1996-08-30`).
    package static func allDigits(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        for i in w.start..<w.end {
            let c = b[i]
            guard c &- 0x30 < 10 || c == 0x2C || c == 0x2E || c == 0x2D || c == 0x2F else { return false }
        }
        return true
    }

    @inline(__always) package static func takesNumber(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        w.count <= 12 && WordMatch.isAny(b, w, RepairWords.numberTakers)
    }

    /// The offset of the first `byte` at or after `from`, found by `memchr`: how repairs that start from a rare byte
    /// (a bracket, a capital `L`) visit those bytes without a pass over every word.
    package static func nextByte(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = b.baseAddress, from < b.count, let found = memchr(base + from, Int32(byte), b.count - from) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The gazetteer's match of exactly `start..<end`, found by binary search (matches are in text order).
    /// Inlined: most callers ask only whether there is one, or its label, and a call returned a copy of the
    /// candidate (retaining its canonical name) for that.
    @inline(__always) package static func match(_ matches: [Candidate], _ start: Int, _ end: Int) -> Candidate? {
        var lo = 0, hi = matches.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if matches[mid].start < start { lo = mid + 1 } else { hi = mid }
        }
        while lo < matches.count, matches[lo].start == start {
            if matches[lo].end == end { return matches[lo] }
            lo += 1
        }
        return nil
    }

    /// Whether a name is made of two compass points or more alone (`North East`, `South-South`, `North Central`): a
    /// region of whatever country the text is about, no governed place.
    package static func compassOnly(_ b: UnsafeBufferPointer<UInt8>, _ words: ArraySlice<Word>) -> Bool {
        // (Most names open with another letter than N, S, E, W or C.)
        guard let first = words.first, b[first.start] == 0x4E || b[first.start] == 0x53 || b[first.start] == 0x45 || b[first.start] == 0x57
                || b[first.start] == 0x43 else { return false }
        var point = false, parts = 0
        for w in words {
            guard w.capitalized, w.count <= 16 else { return false }
            var k = w.start
            while k < w.end {
                var e = k
                while e < w.end, b[e] != 0x2D { e += 1 }
                func isPart(_ p: StaticString) -> Bool {
                    e - k == p.utf8CodeUnitCount && (0..<(e - k)).allSatisfy { WordSet.lower(b[k + $0]) == p.utf8Start[$0] }
                }
                if Self.compassPoints.contains(where: isPart) { point = true } else if !isPart("central") { return false }
                parts += 1
                k = e + 1
            }
        }
        return point && parts >= 2 // (`the South` alone is often a country: South Korea, Sudan)
    }

    static let compassPoints: [StaticString] = ["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"]

    /// The OntoNotes label of a span the model tagged `label`.
    package func type(_ kind: NameModel.Kind, _ b: UnsafeBufferPointer<UInt8>, _ words: [Word], _ r: Range<Int>,
              match: Candidate?) -> EntityLabel? {
        let first = words[r.lowerBound], last = words[r.upperBound - 1]
        func has(_ w: Word, _ f: Feature) -> Bool { w.flags & f.rawValue != 0 }
        switch kind {
        case .label(let label):
            // (No body is named by compass points alone.)
            if label == .org, r.count <= 3, Self.compassOnly(b, words[r]) { return .loc }
            return label
        case .place:
            if let match, [.gpe, .loc, .fac].contains(match.label) { return match.label }
            if has(last, .facilityHeads) { return .fac }
            if has(last, .placeHeads) || has(first, .placeHeads) || Self.compassOnly(b, words[r]) { return .loc }
            return .gpe
        case .miscellaneous:
            if let match, match.label != .person, match.label != .org { return match.label }
            if has(last, .lawSuffixes) { return .law }
            if has(last, .eventSuffixes) || has(first, .eventHeads) { return .event }
            if has(last, .productHeads) { return .product }
            if r.count == 1, Self.demonym(b, first) { return .norp }
            return nil
        case .unknown:
            return nil
        }
    }

    /// `Korean`, `Filipinos`, `Timorese`, `Israeli`, `Kenyan`: the endings of nationalities and peoples. Not an
    /// acronym (`OSBI`), nor an office in `-sman` (`Ombudsman`, `Spokesman`).
    package static func demonym(_ b: UnsafeBufferPointer<UInt8>, _ w: Word) -> Bool {
        guard w.count >= 4, capitals(b, w) == nil else { return false }
        var tail: [UInt8] = []
        for i in max(w.start, w.end - 4)..<w.end { tail.append(WordSet.lower(b[i])) }
        let s = String(decoding: tail, as: UTF8.self)
        guard !s.hasSuffix("sman"), !s.hasSuffix("smen") else { return false }
        for ending in ["an", "ans", "ese", "ish", "ian", "ians", "i", "is", "ic", "ch", "ek", "eks", "ot", "ots"] where s.hasSuffix(ending) {
            return true
        }
        return false
    }
}
