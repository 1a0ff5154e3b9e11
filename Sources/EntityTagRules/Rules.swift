import EntityTagModel
import LedeText


/// The rules for one text: numbers and dates, and capitalized names, over its words.
package struct Rules {
    let b: UnsafeBufferPointer<UInt8>
    let words: [Word]
    let tagger: EntityTagger
    /// Gazetteer matches, sorted: a name rule never claims a run that one of them spans exactly.
    let known: [Range<Int>]
    /// Whether each word opens a sentence.
    private(set) var initial: [Bool]
    /// Name parts of the people found (`Park` of `Park Ji-hoon`): the part's hash, the full name and where it
    /// stands.
    private var parts: [(key: UInt64, full: Canonical, at: Int)] = []
    /// Single capitalized words left untagged, and whether one would stand as a name on its own evidence.
    private var leftovers: [(word: Int, alone: Bool)] = []
    /// The capitalized words with a possessive `'s` (each ends the run of capitals it is in), and whether a
    /// title stands before an `of`: for the recognizer's span repairs (``EntityTagger/Analysis``).
    private(set) var possessives: [Int] = []
    private(set) var titleOf = false

    init(b: UnsafeBufferPointer<UInt8>, words: [Word], tagger: EntityTagger, sentenceStarts: [Int], known: [Range<Int>]) {
        self.b = b
        self.words = words
        self.tagger = tagger
        self.known = known
        var initial = [Bool](filled: false, count: words.count)
        if sentenceStarts.isEmpty {
            for (i, w) in words.enumerated() where i == 0 || w.gap == .stop { initial[i] = true }
        } else {
            var w = 0
            for start in sentenceStarts {
                while w < words.count, words[w].start < start { w += 1 }
                if w < words.count { initial[w] = true }
            }
        }
        self.initial = initial
        // Room for what a news article usually gives: grown from nothing they were reallocated three times a
        // document.
        leftovers.reserveCapacity(16)
        parts.reserveCapacity(8)
    }

    mutating func run(into found: inout [Candidate]) {
        // Read once: a static of another module is a call at each use, and this loop visits every word.
        let triggers = Feature.triggers.rawValue
        var i = 0
        while i < words.count {
            let w = words[i]
            if (w.digit || w.capitalized || w.flags & triggers != 0), let (c, next) = numberOrDate(at: i) {
                found.append(c)
                i = next
                continue
            }
            if w.capitalized {
                i = names(at: i, into: &found)
                continue
            }
            i += 1
        }
    }

    // MARK: Numbers, dates and times

    private func numberOrDate(at i: Int) -> (Candidate, Int)? {
        let w = words[i]
        if !w.digit {
            if w.capitalized {
                if has(w, .months) { return month(at: i) }
                if let found = numberAhead(at: i) { return found }
                if has(w, .weekdays) { return weekday(at: i) }
                if has(w, .holidays), let found = holiday(at: i) { return found }
                guard has(w, .triggers) else { return nil }
            }
            if has(w, .relativeStarts), let relative = relativeDate(at: i) { return relative }
            if has(w, .ordinals) { return (Candidate(start: w.start, end: w.end, label: .ordinal, priority: 1), i + 1) }
            if has(w, .dayWords) { return (candidate(i, i, .date), i + 1) }
            if has(w, .timeWords) { return (candidate(i, i, .time), i + 1) }
            if isWord(w, "a") || isWord(w, "an"), i > 0, i + 1 < words.count, has(words[i - 1], .durationLeads),
               has(words[i + 1], .dateUnits), words[i + 1].gap == .space {
                return (candidate(i, i + 1, .date), i + 2) // within a decade
            }
            if isWord(w, "for"), i + 1 < words.count, has(words[i + 1], .pluralDurations) {
                return (candidate(i + 1, i + 1, .date), i + 2)
            }
            if isWord(w, "early") || isWord(w, "mid") || isWord(w, "late"), i + 1 < words.count, decadeWord(words[i + 1]) {
                return (candidate(i, i + 1, .date), i + 2) // early twenties
            }
        }
        // A count, with its qualifier, unit and currency.
        var start = i
        var k = i
        if has(w, .qualifiers), k + 1 < words.count, isNumber(k + 1), isQualifier(at: k) {
            k += 1
        } else if has(w, .qualifierHeads), k + 2 < words.count, isSecondQualifierWord(words[k + 1]), isNumber(k + 2) {
            k += 2
        } else if k + 3 < words.count, isWord(w, "as"), isWord(words[k + 1], "many"), isWord(words[k + 2], "as"), isNumber(k + 3) {
            k += 3
        }
        guard isNumber(k) else { return nil }
        if k == i, let clock = clockTimeOrDate(at: k) { return clock }
        if k == i, let date = dayFirstDate(at: k) { return date }
        if k > i, words[k].gap != .space { start = k }
        let numberIndex = k
        let number = words[k]
        // `one` counts only in `one of`; `no one`, `one person` are no numbers worth a span.
        if isWord(number, "one") && !(k + 1 < words.count && isWord(words[k + 1], "of")) { return nil }
        var end = k
        while end + 1 < words.count, words[end + 1].gap == .space, has(words[end + 1], .scales) || isNumberWord(words[end + 1]) {
            end += 1
        }
        let next = end + 1 < words.count && words[end + 1].gap == .space ? end + 1 : nil
        let currencyBefore = Self.currencyBefore(b, words[start].start)
        // `Rs 5,000`, `KSh 2,000`, `USD 40 million`: a currency's code as a word before the amount, written with a
        // capital (which turns away `the 2020 season` before the list is asked).
        if currencyBefore == 0, start > 0, words[start].gap == .space || words[start].gap == .stop, words[start - 1].capitalized,
           WordMatch.isAny(b, words[start - 1], RepairWords.currencyCodes) {
            return (candidate(start - 1, end, .money), end + 1)
        }

        // Percent: `7 percent`, `15%`, `8 per cent` and `17-per-cent` (Commonwealth copy), `3 pct` (wire copy).
        if let n = next, isWord(words[n], "percent") || isWord(words[n], "pct") { return (candidate(start, n, .percent), n + 1) }
        if let n = next, isWord(words[n], "per"), n + 1 < words.count, words[n + 1].gap == .space, isWord(words[n + 1], "cent") {
            return (candidate(start, n + 1, .percent), n + 2)
        }
        if number.digit, end == k, Self.endsWith(b, number.range, "-per-cent") || Self.endsWith(b, number.range, "-percent") {
            return (candidate(start, k, .percent), k + 1)
        }
        if number.end < b.count, b[number.end] == 0x25 {
            return (Candidate(start: words[start].start, end: number.end + 1, label: .percent, priority: 2), end + 1)
        }
        // Money: `$14.2 billion`, `about 40 billion won`.
        if let n = next, has(words[n], .currencies) { return (candidate(start, n, .money), n + 1) }
        if currencyBefore > 0 {
            let c = Candidate(start: words[start].start - (start == numberIndex ? currencyBefore : 0), end: words[end].end,
                              label: .money, priority: 2)
            return (c, end + 1)
        }
        // Durations and times: `two years`, `ten years ago`, `30 minutes`, `2 hours, 6 minutes and 41 seconds`.
        if let n = next, has(words[n], .dateUnits) {
            var last = n
            if last + 1 < words.count, isWord(words[last + 1], "ago") || isWord(words[last + 1], "old") { last += 1 }
            return (candidate(start, last, .date), last + 1)
        }
        if let n = next, has(words[n], .timeUnits) {
            var last = n
            var m = n + 1
            // More parts joined by a comma or `and`.
            while m + 1 < words.count, isNumber(m) || (isWord(words[m], "and") && m + 2 < words.count && isNumber(m + 1)) {
                let num = isWord(words[m], "and") ? m + 1 : m
                guard num + 1 < words.count, has(words[num + 1], .timeUnits) else { break }
                last = num + 1
                m = num + 2
            }
            return (candidate(start, last, .time), last + 1)
        }
        if let n = next, has(words[n], .quantityUnits) { return (candidate(start, n, .quantity), n + 1) }
        if let n = next, isWord(words[n], "p.m.") || isWord(words[n], "a.m.") || isWord(words[n], "pm") || isWord(words[n], "am") {
            return (candidate(start, n, .time), n + 1)
        }

        if number.digit {
            let digits = b[number.start..<number.end]
            // `1930s`, `15th-century`, `30-year-old`.
            if Self.endsWith(b, number.range, "s"), number.count == 5 { return (candidate(k, k, .date), k + 1) }
            if Self.contains(b, number.range, "-century") || Self.contains(b, number.range, "-year") {
                return (candidate(k, k, .date), k + 1)
            }
            // `the 19th`: a date in news copy; other ordinals stay ordinals.
            if Self.isOrdinalNumber(b, number.range) {
                if k > 0, isWord(words[k - 1], "the"), words[k].gap == .space { return (candidate(k - 1, k, .date), k + 1) }
                return (Candidate(start: number.start, end: number.end, label: .ordinal, priority: 1), k + 1)
            }
            // A year: four digits, 1900 to 2099, no separators.
            if number.count == 4, k == end, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
               (digits.first == 0x31 && digits[digits.startIndex + 1] == 0x39) || (digits.first == 0x32 && digits[digits.startIndex + 1] == 0x30) {
                return (candidate(k, k, .date), k + 1)
            }
            // An age between commas after a name: `Lee Eun-ha, 72, said`.
            if start == k, k > 0, words[k].gap == .comma, number.count <= 3, words[k - 1].capitalized,
               k + 1 == words.count || words[k + 1].gap == .comma || words[k + 1].gap == .stop {
                return (candidate(k, k, .date), k + 1)
            }
        }
        return (candidate(start, end, .cardinal), end + 1)
    }

    /// `15:28`, `9:30 a.m.`, `06:54:10`, `10.45am`, `7pm` (TIME) and `2025-01-08` (DATE): one span each, not two counts.
    private func clockTimeOrDate(at k: Int) -> (Candidate, Int)? {
        let w = words[k]
        guard w.digit else { return nil }
        // `7pm`, `10.45am`, `9.30pm`: a time whose `am` or `pm` is part of the word.
        if w.count >= 3, w.count <= 7 {
            let m = WordSet.lower(b[w.end - 2]), last = WordSet.lower(b[w.end - 1])
            if (m == 0x61 || m == 0x70) && last == 0x6D {
                let digits = w.start..<(w.end - 2)
                var d = 0, sep = 0, after = 0
                for i in digits {
                    if b[i] >= 0x30 && b[i] <= 0x39 { if sep > 0 { after += 1 } else { d += 1 } } else if b[i] == 0x2E || b[i] == 0x3A { sep += 1 } else { d = 9 }
                }
                if d >= 1, d <= 2, sep == 0 || (sep == 1 && after == 2) { return (candidate(k, k, .time), k + 1) }
            }
        }
        // `10.45` before `am` or `pm` (`9.30 pm`), as UK copy writes the clock.
        if w.count >= 4, w.count <= 5, k + 1 < words.count, words[k + 1].gap == .space,
           isWord(words[k + 1], "am") || isWord(words[k + 1], "pm") || isWord(words[k + 1], "a.m.") || isWord(words[k + 1], "p.m."),
           b[w.end - 3] == 0x2E || b[w.end - 3] == 0x3A {
            return (candidate(k, k + 1, .time), k + 2)
        }
        // An ISO date: four digits, two, two.
        if w.count == 10, b[w.start + 4] == 0x2D, b[w.start + 7] == 0x2D,
           (w.start..<w.end).allSatisfy({ b[$0] == 0x2D || (b[$0] >= 0x30 && b[$0] <= 0x39) }) {
            return (candidate(k, k, .date), k + 1)
        }
        guard w.count <= 2, w.end < b.count, b[w.end] == 0x3A, k + 1 < words.count, words[k + 1].start == w.end + 1,
              words[k + 1].digit, words[k + 1].count == 2 else { return nil }
        var last = k + 1
        if last + 1 < words.count, words[last].end < b.count, b[words[last].end] == 0x3A, words[last + 1].start == words[last].end + 1,
           words[last + 1].digit, words[last + 1].count == 2 {
            last += 1
        }
        if last + 1 < words.count, words[last + 1].gap == .space,
           isWord(words[last + 1], "a.m.") || isWord(words[last + 1], "p.m.") || isWord(words[last + 1], "am") || isWord(words[last + 1], "pm") {
            last += 1
        }
        return (candidate(k, last, .time), last + 1)
    }

    /// The date or amount a capitalized word opens by the two rules below (`Oct 24`, `N390,000`), or nil. Asked of
    /// every capitalized word of a name, so it looks at a few bytes before either rule runs: a digit word right
    /// after a short word, or a digit among the word's first five bytes.
    @inline(__always) private func numberAhead(at i: Int) -> (Candidate, Int)? {
        let w = words[i]
        if i + 1 < words.count, words[i + 1].digit, w.end - w.start <= 4 { return abbreviatedMonth(at: i) ?? prefixedAmount(at: i) }
        var k = w.start + 1
        while k < w.end, k < w.start + 5 {
            if b[k] >= 0x30 && b[k] <= 0x39 { return prefixedAmount(at: i) }
            k += 1
        }
        return nil
    }

    /// `Oct 24`, `Sept 3, 2024`: a month's abbreviation without its full stop, a date only with a day after it
    /// (`Jan` alone is a name).
    private func abbreviatedMonth(at i: Int) -> (Candidate, Int)? {
        guard i + 1 < words.count, words[i + 1].gap == .space, words[i + 1].digit, words[i + 1].count <= 4,
              WordMatch.isAny(b, words[i], RepairWords.monthAbbreviations) else { return nil }
        var last = i + 1
        if last + 1 < words.count, words[last + 1].digit, words[last + 1].count == 4,
           words[last + 1].gap == .comma || words[last + 1].gap == .space, words[last].count <= 2 {
            last += 1
        }
        return (candidate(i, last, .date), last + 1)
    }

    /// `5 August 2023`, `12 September`, `1 Oct`: a day before its month, as most of the world writes dates.
    private func dayFirstDate(at k: Int) -> (Candidate, Int)? {
        let w = words[k]
        guard w.digit, w.count <= 4, k + 1 < words.count, words[k + 1].gap == .space, words[k + 1].capitalized else { return nil }
        let digits = w.count - (Self.isOrdinalNumber(b, w.range) ? 2 : 0)
        guard digits >= 1, digits <= 2, (w.start..<(w.start + digits)).allSatisfy({ b[$0] >= 0x30 && b[$0] <= 0x39 }) else { return nil }
        let month = words[k + 1]
        guard has(month, .months) || WordMatch.isAny(b, month, RepairWords.monthAbbreviations) else { return nil }
        var last = k + 1
        if last + 1 < words.count, words[last + 1].digit, words[last + 1].count == 4,
           words[last + 1].gap == .space || words[last + 1].gap == .comma {
            last += 1
        }
        return (candidate(k, last, .date), last + 1)
    }

    /// `N390,000`, `R2 billion`, `RM5 million`, `Sh50 million`, `Rs500`: a currency's letters joined to an amount
    /// that is written as money (grouped by commas, or with a scale after it), so that `N95` or `P500` stay
    /// names of things.
    private func prefixedAmount(at i: Int) -> (Candidate, Int)? {
        let w = words[i]
        var d = w.start
        while d < w.end, d - w.start < 4, (b[d] >= 0x41 && b[d] <= 0x5A) || (b[d] >= 0x61 && b[d] <= 0x7A) || b[d] == 0x2E { d += 1 }
        guard d > w.start, d < w.end, b[d] >= 0x30, b[d] <= 0x39 else { return nil }
        var code: [UInt8] = []
        for k in w.start..<d where b[k] != 0x2E { code.append(WordSet.lower(b[k])) }
        guard Self.currencyLetters.contains(where: { $0.elementsEqual(code) }) else { return nil }
        var grouped = false
        for k in d..<w.end {
            let c = b[k]
            if c == 0x2C { grouped = true } else if !(c >= 0x30 && c <= 0x39) && c != 0x2E { return nil }
        }
        var end = i
        // `N390,000`: the scanner may end the word at its first comma; the groups after it are the amount's.
        while end + 1 < words.count, words[end + 1].start == words[end].end + 1, b[words[end].end] == 0x2C,
              words[end + 1].digit, words[end + 1].count == 3 {
            end += 1
            grouped = true
        }
        while end + 1 < words.count, words[end + 1].gap == .space, has(words[end + 1], .scales) { end += 1 }
        guard grouped || end > i else { return nil }
        return (candidate(i, end, .money), end + 1)
    }

    /// Currency letters joined to an amount (`N390,000`, `R2 billion`; `K955,000` is Zambia's and Papua New Guinea's,
    /// `MK` Malawi's, `Shs`, `USh` and `TSh` East Africa's, `Le` Sierra Leone's).
    static let currencyLetters: [[UInt8]] = ["n", "r", "p", "rm", "rs", "sh", "ksh", "rp", "tk", "gh", "k", "mk", "shs", "ush", "tsh", "le"]
        .map { Array($0.utf8) }

    /// `Oct. 28`, `December 24th`, `August 2025`, `Nov. 3 this year`, `February of this year`.
    private func month(at i: Int) -> (Candidate, Int)? {
        var last = i
        var next = i + 1
        let followsNumber = next < words.count && words[next].gap == .space && words[next].digit
        // `May` is a month only with a day or a year after it, or a preposition before it.
        if isWord(words[i], "may") && !followsNumber && !(i > 0 && has(words[i - 1], .monthLeads)) {
            return nil
        }
        if followsNumber, words[next].count <= 4 {
            last = next
            next += 1
            if next < words.count, words[next].digit, words[next].count == 4, words[next].gap == .comma || words[next].gap == .space {
                last = next
                next += 1
            }
        }
        if let tail = yearTail(after: last) {
            last = tail
            next = tail + 1
        }
        return (candidate(i, last, .date), next)
    }

    /// Each of ``Lexicon/holidayPhrases`` as the bytes of its words.
    private static let holidayWords: [[[UInt8]]] = Lexicon.holidayPhrases.map { $0.split(separator: " ").map { Array($0.utf8) } }

    /// `Christmas`, `Eid al-Adha`, `Yom Kippur`, `Easter Sunday`, `Christmas Eve`: a holiday or a festival is a
    /// date, as OntoNotes tags it. One inside a longer name is left to the names (`Christmas Island`, `Easter
    /// Road`, `Father Christmas`, `Macy's Thanksgiving Parade`).
    private func holiday(at i: Int) -> (Candidate, Int)? {
        func same(_ w: Word, _ word: [UInt8]) -> Bool {
            guard w.count == word.count else { return false }
            for k in 0..<word.count where WordSet.lower(b[w.start + k]) != word[k] { return false }
            return true
        }
        var last = -1
        for phrase in Self.holidayWords where same(words[i], phrase[0]) && i + phrase.count <= words.count && phrase.count - 1 > last - i {
            if (1..<phrase.count).allSatisfy({ words[i + $0].gap == .space && words[i + $0].capitalized && same(words[i + $0], phrase[$0]) }) {
                last = i + phrase.count - 1
            }
        }
        guard last >= 0 else { return nil }
        // `Eid al-Fitr`, `Eid ul-Adha`; `Christmas Day`, `Christmas Eve`, `Easter Sunday`.
        if last + 1 < words.count, words[last + 1].gap == .space, words[last + 1].count > 3,
           WordMatch.isAny(b, words[last + 1], ["al-fitr", "al-adha", "ul-fitr", "ul-adha", "ul-azha", "ul-zuha"]) {
            last += 1
        }
        if last + 1 < words.count, words[last + 1].gap == .space, words[last + 1].capitalized,
           WordMatch.isAny(b, words[last + 1], ["day", "eve", "sunday", "monday"]) {
            last += 1
        }
        if last + 1 < words.count, words[last + 1].gap == .space, words[last + 1].capitalized, !has(words[last + 1], .functionWords) {
            return nil
        }
        if i > 0, !initial[i], words[i].gap == .space, words[i - 1].capitalized,
           !has(words[i - 1], .functionWords), !isWord(words[i - 1], "the"), !has(words[i - 1], .months), !has(words[i - 1], .weekdays) {
            return nil
        }
        return (candidate(i, last, .date), last + 1)
    }

    /// `Wednesday`, and `Thursday, December 18th` as one date.
    private func weekday(at i: Int) -> (Candidate, Int)? {
        if i + 1 < words.count, words[i + 1].gap == .comma, words[i + 1].capitalized, has(words[i + 1], .months),
           let (m, next) = month(at: i + 1) {
            return (Candidate(start: words[i].start, end: m.end, label: .date, priority: 2), next)
        }
        return (candidate(i, i, .date), i + 1)
    }

    /// `this year`, `of last year` after a date.
    private func yearTail(after k: Int) -> Int? {
        var m = k + 1
        if m < words.count, isWord(words[m], "of") { m += 1 }
        guard m + 1 < words.count, words[m].gap == .space, isWord(words[m], "this") || isWord(words[m], "last") || isWord(words[m], "next"),
              isWord(words[m + 1], "year") else { return nil }
        return m + 1
    }

    /// `this year`, `last week`, `earlier this month`, `next spring`.
    private func relativeDate(at i: Int) -> (Candidate, Int)? {
        var k = i
        if isWord(words[k], "earlier") || isWord(words[k], "later") || isWord(words[k], "early") || isWord(words[k], "late") { k += 1 }
        guard k + 1 < words.count, k == i || words[k].gap == .space,
              isWord(words[k], "this") || isWord(words[k], "last") || isWord(words[k], "next") || isWord(words[k], "past") || isWord(words[k], "coming"),
              words[k + 1].gap == .space, has(words[k + 1], .dateUnits) || has(words[k + 1], .seasons) else { return nil }
        return (candidate(i, k + 1, .date), k + 2)
    }

    private func decadeWord(_ w: Word) -> Bool { has(w, .decades) }

    /// `about` and `over` are prepositions as often as qualifiers: `over 10 days` is a span of time, and
    /// `a film about two sisters` counts no one approximately.
    private func isQualifier(at k: Int) -> Bool {
        let w = words[k]
        guard isWord(w, "about") || isWord(w, "over") else { return true }
        if isWord(w, "over"), k + 2 < words.count, has(words[k + 2], .dateUnits) || has(words[k + 2], .timeUnits) {
            return false
        }
        if words[k + 1].digit { return true }
        return k == 0 || words[k].gap != .space || has(words[k - 1], .qualifierLeads)
    }

    private func isSecondQualifierWord(_ w: Word) -> Bool {
        isWord(w, "than") || isWord(w, "least") || isWord(w, "to") || isWord(w, "many") || isWord(w, "most")
    }

    private func isNumber(_ k: Int) -> Bool {
        guard k < words.count else { return false }
        return words[k].digit || isNumberWord(words[k]) || isWord(words[k], "one")
    }

    private func isNumberWord(_ w: Word) -> Bool {
        if has(w, .numberWords) { return true }
        // twenty-five
        guard let dash = (w.start..<w.end).first(where: { b[$0] == 0x2D }) else { return false }
        return tagger.lex.flags.flags(b, w.start..<dash) & Feature.numberWords.rawValue != 0
    }

    // MARK: Names

    /// Classifies the capitalized run starting at word `i`; returns the index after it.
    private mutating func names(at i: Int, into found: inout [Candidate]) -> Int {
        var end = i + 1
        while end < words.count, words[end].gap == .space, words[end].capitalized, !words[end].digit, !words[end - 1].possessive,
              !isDate(words[end]), !(has(words[end], .holidays) && holiday(at: end) != nil), numberAhead(at: end) == nil {
            end += 1
        }
        // What the word that stopped the run says: a possessive ends it, a title before `of` and a run before
        // `and` or a comma may need a second look (the recognizer's repairs, `coordinatedOrganization`).
        var joins = false
        if words[end - 1].possessive {
            possessives.append(end - 1)
        } else if end < words.count {
            let next = words[end]
            if next.gap == .comma {
                joins = next.capitalized
            } else if next.count <= 3, has(next, .connectors) {
                joins = true
                if has(words[end - 1], .titles), isWord(next, "of") || isWord(next, "for") { titleOf = true }
            }
        }
        var run = i..<end
        // Organization names that go on over `of`, `for`, `and` (`Ministry of Oceans and Fisheries`,
        // `Korea Institute for Industrial Economics and Trade`, `Ministry of Trade, Industry and Energy`).
        while let longer = extendOrganization(run) { run = longer }
        if joins, run.upperBound == end, let joined = coordinatedOrganization(run) {
            run = joined
            while let longer = extendOrganization(run) { run = longer }
        }
        classify(run, into: &found)
        return run.upperBound
    }

    private func extendOrganization(_ run: Range<Int>) -> Range<Int>? {
        let last = run.upperBound - 1
        guard !words[last].possessive, run.upperBound + 1 < words.count else { return nil }
        // A name that opens with a capitalized `The` mid-sentence is an organization's or a work's name
        // (`the foundation The Light of the River Valley`), so it too runs on across `of the`.
        let theName = run.count >= 2 && !initial[run.lowerBound] && words[run.lowerBound].capitalized && isWord(words[run.lowerBound], "the")
        let organization = theName || run.contains { has(words[$0], .orgHeads) || has(words[$0], .orgSuffixes) }
        guard organization else { return nil }
        var k = run.upperBound
        let connector = words[k]
        if connector.gap == .space, has(connector, .connectors) {
            if isWord(connector, "and") || isWord(connector, "&"),
               !run.contains(where: { isWord(words[$0], "of") || isWord(words[$0], "for") }) { return nil }
            k += 1
            if k < words.count, isWord(words[k], "the"), words[k].gap == .space { k += 1 }
        } else if connector.gap == .comma, connector.capitalized, run.contains(where: { isWord(words[$0], "of") }) {
            // A list inside the name: `..., Industry and Energy`, only if it ends in `and` + a capitalized word.
            var m = k
            while m < words.count, words[m].capitalized, words[m].gap == .comma || words[m].gap == .space { m += 1 }
            guard m + 1 < words.count, isWord(words[m], "and"), words[m + 1].capitalized else { return nil }
            return run.lowerBound..<(m + 2)
        } else {
            return nil
        }
        // (Not over `and` to a title: `Museum of Natural History and Dr. Jane Okoth`; `Office of the Attorney General` is
        // one name.)
        guard k < words.count, words[k].capitalized, words[k].gap == .space, !isDate(words[k]),
              !(isWord(connector, "and") && has(words[k], .titles)),
              !(isWord(connector, "and") && overlapsKnown(words[k].range)) else { return nil }
        var end = k + 1
        while end < words.count, words[end].gap == .space, words[end].capitalized, !words[end - 1].possessive { end += 1 }
        return run.lowerBound..<end
    }

    /// `Liquor and Cannabis Board`, `Fish and Wildlife Service`, `Alcohol, Tobacco and Firearms Bureau`: words
    /// joined by `and` (and commas) before the words that end on an organization's head are the front of
    /// that organization's name. A run that holds no head (`Smith and Jones said`, `France and Germany`), or
    /// one the gazetteer or the given names know (`Japan and Korea Development Bank`), stays apart.
    private func coordinatedOrganization(_ run: Range<Int>) -> Range<Int>? {
        guard run.upperBound + 1 < words.count else { return nil }
        let after = words[run.upperBound]
        guard after.gap == .comma || isWord(after, "and") || isWord(after, "&") else { return nil }
        var front = run
        if front.count >= 2, isWord(words[front.lowerBound], "the") { front = (front.lowerBound + 1)..<front.upperBound }
        guard front.count <= 3, !words[run.upperBound - 1].possessive,
              !front.contains(where: { k in
                  has(words[k], .orgSuffixes) || has(words[k], .orgHeads) || has(words[k], .titles) || has(words[k], .given)
                      || has(words[k], .functionWords) || has(words[k], .sentenceStarters) || isDate(words[k]) || words[k].digit
                      || overlapsKnown(words[k].range)
              }) else { return nil }
        var k = run.upperBound
        var items = 1
        while k + 1 < words.count, items <= 5 {
            let w = words[k]
            if isWord(w, "and") || isWord(w, "&") {
                guard w.gap == .space || w.gap == .comma, words[k + 1].gap == .space, words[k + 1].capitalized else { return nil }
                // The last item, ending on the head.
                var end = k + 1
                while end < words.count, words[end].gap == .space, words[end].capitalized, !words[end].digit, !isDate(words[end]),
                      !words[end - 1].possessive { end += 1 }
                let head = words[end - 1]
                let headed = has(head, .orgHeads) && has(head, .orgSuffixes) || isWord(head, "administration")
                    || isWord(head, "authority") || isWord(head, "corporation")
                guard headed else { return nil }
                return run.lowerBound..<end
            }
            // Another item of a list: `, Tobacco`.
            guard w.gap == .comma, w.capitalized, !w.digit else { return nil }
            var end = k + 1
            while end < words.count, words[end].gap == .space, words[end].capitalized, end - k < 3 { end += 1 }
            guard !(k..<end).contains(where: { has(words[$0], .orgSuffixes) || has(words[$0], .titles) || overlapsKnown(words[$0].range) })
            else { return nil }
            k = end
            items += 1
        }
        return nil
    }

    private mutating func classify(_ whole: Range<Int>, into found: inout [Candidate]) {
        var run = whole
        while !run.isEmpty, initial[run.lowerBound], has(words[run.lowerBound], .sentenceStarters) {
            run = (run.lowerBound + 1)..<run.upperBound
        }
        guard !run.isEmpty else { return }
        // `St. Louis-based Mercantile Bancorp Inc.`: where a firm is based, or who owns it, is no part of its name.
        if let k = run.dropLast().last(where: { words[$0].count > 5 && WordMatch.isDescribedBy(b, words[$0]) }) {
            run = (k + 1)..<run.upperBound
        }
        if isKnown(run) { return }
        let last = words[run.upperBound - 1]
        if run.count >= 2, !initial[run.lowerBound], isWord(words[run.lowerBound], "the") {
            found.append(candidate(run.lowerBound, run.upperBound - 1, .org)) // The Onion, The Independent
            return
        }
        if run.count >= 2, has(words[run.lowerBound], .eventHeads) {
            found.append(candidate(run.lowerBound, run.upperBound - 1, .event)) // Typhoon Hinnamnor
            return
        }
        if run.count >= 2 {
            let label: EntityLabel? = has(last, .lawSuffixes) ? .law
                : has(last, .eventSuffixes) ? .event
                : has(last, .orgSuffixes) || run.contains(where: { isWord(words[$0], "of") || isWord(words[$0], "for") }) ? .org
                : has(last, .gpeSuffixes) ? .gpe : nil
            if let label, !startsWithTitle(run) {
                found.append(candidate(run.lowerBound, run.upperBound - 1, label))
                return
            }
        }
        // A title before a name stays outside it: `Culture Minister Kang Hye-rim`, `Gov. Kim`. Not a word between
        // a given name and more of the name, which is part of it (`John Major Brown`, `Cathy Baron Tamraz`).
        if let t = run.last(where: { has(words[$0], .titles)
            && !($0 > run.lowerBound && $0 + 1 < run.upperBound && has(words[$0 - 1], .given) && !has(words[$0 - 1], .titles)) }) {
            if t + 1 < run.upperBound { person((t + 1)..<run.upperBound, into: &found) }
            if t > run.lowerBound { classify(run.lowerBound..<t, into: &found) }
            return
        }
        person(run, into: &found)
    }

    private func startsWithTitle(_ run: Range<Int>) -> Bool {
        has(words[run.lowerBound], .titles) && run.count >= 2
            && !has(words[run.upperBound - 1], .orgSuffixes)
    }

    /// A person's name, or a word for consistency to decide later.
    private mutating func person(_ run: Range<Int>, into found: inout [Candidate]) {
        // A listed word before two more (`Democrat Elaine Dufresne`, `Kenyan Tigist Alemu`) is a party or a
        // nationality, and the name follows it.
        if run.count >= 3, overlapsKnown(words[run.lowerBound].range),
           !(run.lowerBound + 1..<run.upperBound).contains(where: { overlapsKnown(words[$0].range) }) {
            person((run.lowerBound + 1)..<run.upperBound, into: &found)
            return
        }
        // `Kim Young-mi`, `Tanaka Hiroshi`: a family name first, then a hyphenated or known given name.
        for k in run where k + 1 < run.upperBound && has(words[k], .surnames) {
            let given = words[k + 1]
            if isHyphenatedGiven(given) || has(given, .given) {
                let last = k + 2 < run.upperBound && isHyphenatedGiven(words[k + 2]) ? k + 2 : k + 1
                addPerson(k..<(last + 1), surname: k, strong: true, into: &found)
                if k > run.lowerBound { person(run.lowerBound..<k, into: &found) }
                if last + 1 < run.upperBound { person((last + 1)..<run.upperBound, into: &found) }
                return
            }
        }
        let titleCase = run.allSatisfy { isTitleCase(words[$0]) || isInitial(words[$0]) } && isTitleCase(words[run.upperBound - 1])
        // `Daniel Kiprop`: a known given name, then a family name.
        if run.count >= 2, run.count <= 3, has(words[run.lowerBound], .given), titleCase {
            addPerson(run, surname: run.upperBound - 1, into: &found)
            return
        }
        // Two or three capitalized words that nothing else claims read as a name in news copy.
        // Two to four capitalized words that nothing else claims read as a name when none of them is an
        // everyday word (`Tigist Alemu`, not `Grand Mosque`), or when the sentence says so (`runner Ko Sang`).
        if run.count >= 2, run.count <= 4, titleCase, !run.contains(where: { overlapsKnown(words[$0].range) }),
           !run.contains(where: { isNumber($0) }),
           looksLikePerson(run) || !run.contains(where: { isCommon(words[$0]) }) {
            addPerson(run, surname: run.upperBound - 1, into: &found)
            return
        }
        // A single word waits for the end of the document: the part of a full name (`Park` of `Park Ji-hoon`),
        // or one unknown name before a verb of saying (`Gorbachev said`).
        if run.count == 1 {
            let w = run.lowerBound
            let alone = isTitleCase(words[w]) && !overlapsKnown(words[w].range) && !isCommon(words[w])
                && !has(words[w], .sentenceStarters) && looksLikePerson(run)
            leftovers.append((w, alone))
        }
    }

    /// A person's name; `strong` for a pattern that is a name whatever the context (`Kim Young-mi`), which
    /// the recognizer then does not overrule (``Candidate/strong``).
    private mutating func addPerson(_ run: Range<Int>, surname: Int, strong: Bool = false, into found: inout [Candidate]) {
        let c = candidate(run.lowerBound, run.upperBound - 1, .person)
        let full = Canonical.text(start: c.start, end: c.end)
        found.append(Candidate(start: c.start, end: c.end, label: .person, canonical: full, priority: strong ? Candidate.strong : 2))
        parts.append((words[surname].key, full, c.start))
    }

    /// What a reader takes as a sign that unknown capitalized words name a person: a person noun or a
    /// possessive place before them (`runner Daniel Kiprop`, `Ethiopia's Tigist Alemu`), or a cue verb, an
    /// apposition or an age after them (`... said`, `..., a curator`, `..., 34,`).
    private func looksLikePerson(_ run: Range<Int>) -> Bool {
        let first = words[run.lowerBound]
        if run.lowerBound > 0, first.gap == .space {
            let before = words[run.lowerBound - 1]
            if !before.capitalized, has(before, .personNouns) { return true }
            if before.possessive, overlapsKnown(before.range) { return true }
        }
        guard run.upperBound < words.count, !words[run.upperBound - 1].possessive else { return false }
        let after = words[run.upperBound]
        if after.gap == .space, has(after, .cues) { return true }
        if after.gap == .comma {
            if after.digit, after.count <= 3 { return true }
            if isWord(after, "a") || isWord(after, "an") || isWord(after, "who") || isWord(after, "the") { return true }
        }
        return false
    }

    /// Decides the single words: once `Park Ji-hoon` is a PERSON, a bare `Park` anywhere in the document is too
    /// (with `consistency`), its canonical form the nearest full name before it (or the first after it); a
    /// single unknown name with a verb of saying is a PERSON of its own.
    func addSingleNames(_ kept: inout [Candidate], consistency: Bool) {
        guard !leftovers.isEmpty else { return }
        // Sorted by part, then position, once: each lone word is then two binary searches, so a long
        // document costs no more per name than a short one.
        let parts = self.parts.sorted { ($0.key, $0.at) < ($1.key, $1.at) }
        var added: [Candidate] = []
        for (i, alone) in leftovers {
            let w = words[i]
            var full: Canonical?
            if consistency, !parts.isEmpty {
                // The first entry of this part, then the nearest full name before the word, else the first after it.
                let key = w.key
                var lo = 0, hi = parts.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if (parts[mid].key, parts[mid].at) < (key, w.start) { lo = mid + 1 } else { hi = mid }
                }
                if lo > 0, parts[lo - 1].key == key {
                    full = parts[lo - 1].full
                } else if lo < parts.count, parts[lo].key == key {
                    full = parts[lo].full
                }
            }
            guard full != nil || alone else { continue }
            var lo = 0, hi = kept.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if kept[mid].end <= w.start { lo = mid + 1 } else { hi = mid }
            }
            if lo < kept.count, kept[lo].start < w.end { continue }
            added.append(Candidate(start: w.start, end: w.end, label: .person,
                                   canonical: full ?? .text(start: w.start, end: w.end), priority: 1))
        }
        guard !added.isEmpty else { return }
        kept = (kept + added).sorted { $0.start < $1.start }
    }

    // MARK: Words

    private func isDate(_ w: Word) -> Bool { has(w, .months) || has(w, .weekdays) }

    private func isKnown(_ run: Range<Int>) -> Bool {
        let start = words[run.lowerBound].start, end = words[run.upperBound - 1].end
        var lo = 0, hi = known.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if known[mid].lowerBound < start { lo = mid + 1 } else { hi = mid }
        }
        return lo < known.count && known[lo].lowerBound == start && known.dropFirst(lo).prefix { $0.lowerBound == start }.contains { $0.upperBound >= end }
    }

    private func overlapsKnown(_ r: Range<Int>) -> Bool {
        var lo = 0, hi = known.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if known[mid].upperBound <= r.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        // Matches are sorted by start; a match ending after r's start and starting before its end overlaps.
        var k = max(0, lo - 8)
        while k < known.count, known[k].lowerBound < r.upperBound {
            if known[k].overlaps(r) { return true }
            k += 1
        }
        return false
    }

    /// `Young-mi`: a capital, lower-case letters, a hyphen, lower-case letters.
    private func isHyphenatedGiven(_ w: Word) -> Bool {
        guard w.capitalized, let dash = (w.start..<w.end).first(where: { b[$0] == 0x2D }), dash > w.start + 1, dash + 1 < w.end else { return false }
        return b[(w.start + 1)..<w.end].allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D }
    }

    /// `M.`: an initial inside a name.
    private func isInitial(_ w: Word) -> Bool { w.count == 2 && w.capitalized && b[w.start + 1] == 0x2E }

    /// `Keller`, `O'Brien`, `Kiprop`: a capital, then letters not all capitals.
    private func isTitleCase(_ w: Word) -> Bool {
        guard w.capitalized, w.count >= 2 else { return false }
        var lower = false
        for i in (w.start + 1)..<w.end {
            let c = b[i]
            if c >= 0x61 && c <= 0x7A || c >= 0x80 { lower = true } else if c >= 0x30 && c <= 0x39 || c == 0x2E { return false }
        }
        return lower
    }

    private func candidate(_ first: Int, _ last: Int, _ label: EntityLabel) -> Candidate {
        Candidate(start: words[first].start, end: words[last].end, label: label, priority: 2)
    }

    @inline(__always) private func has(_ w: Word, _ feature: Feature) -> Bool { w.flags & feature.rawValue != 0 }

    /// A capitalized word that is an everyday English word (`Grand`, `Mosque`). Asked only of the few runs
    /// that might be names: the 40,000 words' table does not stay in the cache, so the scanner does not
    /// look every capitalized word up in it.
    private func isCommon(_ w: Word) -> Bool {
        w.capitalized && tagger.scanner.common.flags(key: w.key) & Feature.common.rawValue != 0
    }

    /// Whether `w` is `word` (lower case), ignoring case. Inlined: with the word a constant, the length test
    /// settles most calls in a compare or two.
    @inline(__always) private func isWord(_ w: Word, _ word: StaticString) -> Bool {
        guard w.count == word.utf8CodeUnitCount else { return false }
        let p = word.utf8Start
        for k in 0..<word.utf8CodeUnitCount where WordSet.lower(b[w.start + k]) != p[k] { return false }
        return true
    }

    static func currencyBefore(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        if start >= 1, b[start - 1] == 0x24 {                                                       // $
            // `US$`, `S$`, `A$`, `NZ$`, `HK$`: the country's capitals joined to the sign are the currency's.
            var k = start - 1
            while k > 0, start - 1 - k < 3, b[k - 1] >= 0x41, b[k - 1] <= 0x5A { k -= 1 }
            let letters = start - 1 - k
            if letters > 0, k == 0 || !(b[k - 1] >= 0x41 && b[k - 1] <= 0x5A || b[k - 1] >= 0x61 && b[k - 1] <= 0x7A) { return 1 + letters }
            return 1
        }
        if start >= 2, b[start - 2] == 0xC2, b[start - 1] == 0xA3 || b[start - 1] == 0xA5 { return 2 } // £ ¥
        // The currency signs block, U+20A0 to U+20BF: € ₩ ₹ ₦ ₱ ₽ ₺ ₪ ₫ ...
        if start >= 3, b[start - 3] == 0xE2, b[start - 2] == 0x82, b[start - 1] >= 0xA0, b[start - 1] <= 0xBF { return 3 }
        return 0
    }

    static func isOrdinalNumber(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard r.count >= 3 else { return false }
        let s1 = WordSet.lower(b[r.upperBound - 2]), s2 = WordSet.lower(b[r.upperBound - 1])
        let d = b[r.upperBound - 3]
        guard d >= 0x30 && d <= 0x39 else { return false }
        return (s1 == 0x73 && s2 == 0x74) || (s1 == 0x6E && s2 == 0x64) || (s1 == 0x72 && s2 == 0x64) || (s1 == 0x74 && s2 == 0x68)
    }

    static func endsWith(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard r.count >= n else { return false }
        for k in 0..<n where b[r.upperBound - n + k] != suffix.utf8Start[k] { return false }
        return true
    }

    /// Whether `b[r]` holds `needle` (ASCII, compared as written).
    package static func contains(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard r.count >= n else { return false }
        outer: for s in r.lowerBound...(r.upperBound - n) {
            for k in 0..<n where b[s + k] != needle.utf8Start[k] { continue outer }
            return true
        }
        return false
    }
}
