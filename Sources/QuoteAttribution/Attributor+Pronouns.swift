import LedeCore
import LedeText
import QuoteLexicon
import QuotePhrases
import QuoteScanning

/// Pronouns resolved to the speakers before them, and where a speaker's name sits in the document.
extension Attributor {
    /// What a noun phrase can be referred to as.
    mutating func referentKinds(_ r: Range<Int>) -> (person: Bool, plural: Bool, thing: Bool) {
        tokenizer.tokens(r, into: &phraseBuffer)
        phraseBuffer.removeAll { $0.kind != .word }
        let words = phraseBuffer
        guard !words.isEmpty else { return (false, false, false) }
        let head = words.firstIndex(where: { isIn($0, lists.prepositions) }).map { $0 > 0 ? words[$0 - 1] : words[0] } ?? words[words.count - 1]
        // An office and a name with initials (`Minister for Information M. Venkatesh Naidu`), whatever label the
        // whole phrase got.
        if words.count >= 3, let initial = words.firstIndex(where: { phrases.isInitial($0) }), initial > 0, initial < words.count - 1,
           words[initial...].allSatisfy({ isCapitalized($0) }) {
            return (true, false, false)
        }
        // `The Australian's Caroline Overton`: a name after an organization's possessive is its staff member,
        // whatever label the name got.
        if let p = words.dropLast(2).lastIndex(where: { isPossessive($0) }), words[(p + 1)...].allSatisfy({ isCapitalized($0) }),
           !isIn(words[words.count - 1], lists.orgSuffixes), !isIn(words[words.count - 1], lists.groupNouns) {
            return (true, false, false)
        }
        var i = entities.firstIndex(startingAtOrAfter: r.lowerBound)
        var headEntity: String?
        while i < entities.count, entities[i].start < r.upperBound {
            if entities[i].label == "PERSON" { return (true, false, false) }
            if entities[i].start <= head.start, head.end <= entities[i].end { headEntity = entities[i].label }
            i += 1
        }
        if headEntity == "ORG", phrases.namesAfterRole(r) != nil { return (true, false, false) }
        if headEntity == "ORG" || (words.count == 1 && phrases.isAcronym(head)) { return (false, true, true) }
        if headEntity == "GPE" { return (false, false, true) }
        if words.contains(where: { isWord($0, "and") }) { return (false, true, false) }
        if isIn(head, lists.personNouns) { return (true, false, false) }
        if isIn(head, lists.groupNouns) { return (false, true, true) }
        if isCapitalized(head), words.contains(where: { isIn($0, lists.personNouns) }) { return (true, false, false) } // Her colleague Marco Bianchi
        if !isCapitalized(head), phrases.isPlural(head) { return (false, true, false) }
        if words.allSatisfy({ isCapitalized($0) || isIn($0, lists.nameParticles) }) {
            if lists.orgSuffixes.contains(tokenizer.b, head.range) { return (false, true, true) }
            // With entities tagged, capitals that entity-tag did not call a person are no one's name: a word
            // opening a sentence (`Some streets were shut`, `Officers found`, `Twenty-six bodies`, `COVID-19`).
            // (A plural there, `Earnings at ...`, is no `it` either.)
            if tagged { return (false, phrases.isPlural(head), !phrases.isPlural(head)) }
            return (true, false, false)
        }
        return (false, false, !isCapitalized(head))
    }

    /// The nearest earlier referent the pronoun can stand for: in the nearest sentence that has one, the first
    /// (the subject, usually). Candidates are named speakers, PERSON and ORG entities, and the subjects of
    /// reported speech (`The court said the company ...`), all outside quotations.
    mutating func resolve(_ pronoun: Pronoun, at offset: Int, depth: Int = 0, female: Bool? = nil) -> Range<Int>? {
        guard var s = sentenceIndex(offset) else { return nil }
        if openers.isEmpty {
            openers = Array(repeating: nil, count: sentences.count)
            candidates = Array(repeating: nil, count: sentences.count)
            cueSubjects = Array(repeating: nil, count: sentences.count)
        }
        // `she`, or a possessive `her` the caller read.
        let female = female ?? (pronoun == .person && WordSet.lower(b[offset]) == 0x73)
        // An earlier pronoun stands for the same person only if it is the same one: `She said` does not
        // follow a `He added` back to whoever he was.
        func samePronoun(_ c: Range<Int>) -> Bool {
            Pronoun(b, c) == pronoun && (pronoun != .person || (WordSet.lower(b[c.lowerBound]) == 0x73) == female)
        }
        var lowest = max(0, s - 4)
        // `It was not his job to correct reports that misquoted Dr Mahathir, he said.`: a pronoun that attributes
        // the sentence it ends is not anyone that sentence's clause is about, so the sentence is passed over
        // (but not a speaker attributed in it).
        let attributesItsSentence = closesAttribution(at: offset, sentence: sentences[s])
        let own = s
        while s >= lowest {
            let sentence = sentences[s]
            // A crosshead (`Preferential treatment for Imelda Marcos`) names no one a pronoun stands for, and the
            // sentences of a long quotation before `"...," he said` name no one outside it: neither counts
            // among the sentences looked back over.
            if s < own, isHeading(sentence, maxWords: s == 0 ? 20 : 10) || insideQuotation(sentence.lowerBound)
                && insideQuotation(max(sentence.lowerBound, sentence.upperBound - 1)) {
                // (The headline opening the text too: `Resident Loses Appeal Over ...` is no one.)
                if s == 0 { return nil }
                s -= 1
                lowest = max(0, lowest - 1)
                continue
            }
            let limit = min(sentence.upperBound, offset)
            // The subject that opens the sentence comes before every other candidate, and usually fits.
            if openers[s] == nil { readSentence(s) }
            // A speaker named where the opener starts is the same phrase, measured exactly.
            let inSentence = speakers[speakerIndex(sentence.lowerBound)..<speakerIndex(limit)]
            // The last speaker attributed in the sentence, then the subject of its last verb of saying (`While Mr
            // Brennan sees merit in it, Mr Ahern said the plan was flawed.`), before anyone merely mentioned.
            if let last = inSentence.last(where: { $0.upperBound <= limit && fits($0, pronoun, female: female, offset: offset) }) { return referent(last) }
            if attributesItsSentence, s == own {
                s -= 1
                continue
            }
            if candidates[s] == nil { candidates[s] = (entityCandidates(sentence) + cueSubjects[s]!).sorted { $0.lowerBound < $1.lowerBound } }
            if let last = cueSubjects[s]!.last(where: { $0.upperBound <= limit }) {
                // An office nobody holds in the text still speaks for itself when it is the verb's subject.
                if fits(last, pronoun, female: female, offset: offset) || pronoun == .person && phrases.isRole(last) { return referent(last) }
                if samePronoun(last), depth < 3 { return resolve(pronoun, at: last.lowerBound, depth: depth + 1) }
            }
            let opener = openers[s]!.map { o in inSentence.first { $0.lowerBound == o.lowerBound } ?? o }
            if let opener, opener.upperBound <= limit, fits(opener, pronoun, female: female, offset: offset) { return referent(opener) }
            // `He said ...` before: the same person as that pronoun.
            if let opener, opener.upperBound <= limit, samePronoun(opener), depth < 3 {
                return resolve(pronoun, at: opener.lowerBound, depth: depth + 1)
            }
            // In the pronoun's own sentence, a name that is the object of a preposition before it is not who the
            // pronoun is (`However, speaking on Newstalk, he said:`).
            // Nor a name in the possessive there (`In the first year of President Lin's term, the party failed, he said,
            // adding:`): it qualifies a noun, it is no one's subject.
            var found = candidates[s]!.filter { $0.upperBound <= limit && $0 != opener
                && !(s == own && (afterPreposition($0) || phrases.possessed($0.upperBound, within: $0.lowerBound..<limit))) }
            for speaker in inSentence where speaker.upperBound <= limit && speaker != opener {
                found.insert(speaker, at: found.firstIndex { $0.lowerBound > speaker.lowerBound } ?? found.endIndex)
            }
            for c in found where fits(c, pronoun, female: female, offset: offset) { return referent(c) }
            if depth < 3, let same = found.last(where: samePronoun) {
                return resolve(pronoun, at: same.lowerBound, depth: depth + 1)
            }
            s -= 1
        }
        return nil
    }

    /// Whether the candidate `c` can be what `pronoun` at `offset` stands for. A method, mutating, not a function local to
    /// ``resolve(_:at:depth:female:)``: there, each call of the Attributor's own methods copied the whole Attributor.
    private mutating func fits(_ c: Range<Int>, _ pronoun: Pronoun, female: Bool, offset: Int) -> Bool {
        guard Pronoun(b, c) == nil else { return false }
        // `"Pervaiz Rashid ought to have told the journalist ...," he added.`: the speaker is not the person the
        // quotation speaks of.
        // (The name is worked out before `names` is called: an argument calling a mutating method made Swift copy the
        // Attributor for the call.)
        if pronoun == .person, let q = attributing {
            let named = phrases.isRole(c) ? holder(ofRole: c, before: offset) ?? c : referent(c)
            if names(q, named) { return false }
        }
        if pronoun == .person, let titled = titledFemale(c) {
            if titled != female { return false } // `she` is never `Mr Khan`
            if !phrases.isRole(c) { return true } // `Ms Indranee`, whatever label entity-tag gave the name
        }
        // `The CM said ...`: a role noun stands for the person holding the office; unheld, a person named
        // nearby is likelier meant (`Work Secretary Cowley` ... `the minister`).
        // (`Muralidhar Rao, national general secretary of the party,`: a person named in the phrase stands for it.)
        if pronoun == .person, phrases.isRole(c) { return holder(ofRole: c, before: offset) != nil || phrases.personInside(c) != nil }
        // (`his home community of Pond Hill`: a name after a place's noun and `of` is the place, whatever label it got.)
        if pronoun == .person, phrases.namesPlace(c) { return false }
        let kinds = referentKinds(c)
        switch pronoun {
        case .person: return kinds.person
        case .plural: return kinds.plural
        case .thing: return kinds.thing
        case .first: return false
        }
    }

    /// `Sam Reyes, a councillor, posted the video. ... they said:`: a singular `they` that no group before it can be, the
    /// person entity-tag found who opens the sentence before (or the pronoun's own).
    mutating func singularThey(_ np: Range<Int>) -> Range<Int>? {
        guard tagged, let s = sentenceIndex(np.lowerBound), let person = resolve(.person, at: np.lowerBound),
              let ps = sentenceIndex(person.lowerBound), ps + 1 >= s, phrases.personInside(person) != nil,
              case let opener?? = openers[ps], opener.lowerBound == person.lowerBound else { return nil }
        return person
    }

    /// Whether the text `q` holds the last word of the name `r` (a surname of three letters or more) as a word.
    private func names(_ q: Range<Int>, _ r: Range<Int>) -> Bool {
        var e = r.upperBound
        while e > r.lowerBound, !Tokenizer.isLetterOrDigit(b[e - 1]) { e -= 1 }
        var s = e
        while s > r.lowerBound, b[s - 1] != 0x20 { s -= 1 }
        let n = e - s
        guard n >= 3, b[s] >= 0x41, b[s] <= 0x5A, n <= q.count else { return false }
        var k = q.lowerBound
        while k + n <= q.upperBound {
            if b[k] == b[s], k == q.lowerBound || !Tokenizer.isLetterOrDigit(b[k - 1]),
               k + n == q.upperBound || !Tokenizer.isLetterOrDigit(b[k + n]) || b[k + n] == 0xE2 {
                var same = true
                for d in 1..<n where b[k + d] != b[s + d] { same = false; break }
                if same { return true }
            }
            k += 1
        }
        return false
    }

    /// Whether the word right before `c` is a preposition (`on`, `to`, `with`...).
    private func afterPreposition(_ c: Range<Int>) -> Bool {
        var end = c.lowerBound
        while end > 0, b[end - 1] == 0x20 { end -= 1 }
        var start = end
        while start > 0, b[start - 1] &- 0x61 < 26 { start -= 1 }
        guard end - start >= 2, end - start <= 5 else { return false }
        let word = UnsafeBufferPointer(rebasing: b[start..<end])
        return ["on", "to", "with", "at", "from", "for", "by", "about", "into", "onto", "via"].contains { word.elementsEqual($0.utf8) }
    }

    /// Whether the pronoun at `offset` follows a comma and, with its cue verb and at most four words more, ends
    /// its sentence: `..., he said.`, `..., she told reporters on Monday.`
    private func closesAttribution(at offset: Int, sentence: Range<Int>) -> Bool {
        var k = offset
        while k > sentence.lowerBound, b[k - 1] == 0x20 { k -= 1 }
        guard k > sentence.lowerBound, b[k - 1] == 0x2C else { return false }
        let words = tokenizer.tokens(offset..<sentence.upperBound, untilStop: true)
        guard words.count >= 2, words.count <= 6, words.allSatisfy({ $0.kind == .word }) else { return false }
        return isCue(words[1]) && !isParticiple(words[1])
    }

    /// Whether a personal title before or at the start of a phrase says a woman (`Ms`, `Mrs`) or a man (`Mr`,
    /// `Sir`); nil without one.
    private mutating func titledFemale(_ r: Range<Int>) -> Bool? {
        tokenizer.tokens(max(0, r.lowerBound - 6)..<min(r.upperBound, r.lowerBound + 6), into: &phraseBuffer)
        for t in phraseBuffer where t.kind == .word && (t.end < r.lowerBound || t.start == r.lowerBound) {
            if t.end < r.lowerBound, t.end != r.lowerBound - 1 { continue }
            let n = t.end - t.start - (b[t.end - 1] == 0x2E ? 1 : 0)
            let w = (0..<n).map { WordSet.lower(b[t.start + $0]) }
            switch w {
            case [0x6D, 0x72], [0x73, 0x69, 0x72], [0x6C, 0x6F, 0x72, 0x64]: return false // mr, sir, lord
            case [0x6D, 0x73], [0x6D, 0x72, 0x73], [0x6D, 0x69, 0x73, 0x73], [0x64, 0x61, 0x6D, 0x65], [0x6C, 0x61, 0x64, 0x79]: return true
            default: continue
            }
        }
        return nil
    }

        /// Finds a sentence's opener and the subjects of its verbs of saying, from one pass of the tokenizer.
    private mutating func readSentence(_ s: Int) {
        fillSentenceBuffer(sentences[s], maxTokens: 48)
        let tokens = sentenceBuffer[...]
        let opens = !insideQuotation(sentences[s].lowerBound) && tokens.first?.kind == .word
        openers[s] = .some(opens ? phrases.subject(of: tokens) : nil)
        cueSubjects[s] = sayingSubjects(tokens)
    }

    /// The index of the first speaker starting at or after `offset`.
    func speakerIndex(_ offset: Int) -> Int {
        var lo = 0, hi = speakers.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if speakers[mid].lowerBound < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The PERSON and ORG entities of a sentence outside quotations: with the subjects of its verbs of saying,
    /// the candidates other than its opener.
    private func entityCandidates(_ sentence: Range<Int>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = entities.firstIndex(startingAtOrAfter: sentence.lowerBound)
        while i < entities.count, entities[i].start < sentence.upperBound {
            if entities[i].label == "PERSON" || entities[i].label == "ORG", !insideQuotation(entities[i].start) {
                found.append(entities[i].range)
            }
            i += 1
        }
        return found
    }

    /// The subjects of the verbs of saying in a sentence, outside quotations, in the order of the text (`Lim
    /// said about 2,100 people ...`, `Lee Eun-ha, 72, ..., said she ...`).
    func sayingSubjects(_ tokens: ArraySlice<Token>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for (i, t) in tokens.enumerated() where t.kind == .word && isCue(t) && !isParticiple(t) {
            // The clause starts after a mark or an earlier verb of saying (`She said Mr Khan told ...`).
            let clauseStart = (tokens[..<i].lastIndex { $0.kind != .word || isCue($0) || isWord($0, "that") } ?? -1) + 1
            if let np = phrases.trimNP(tokens[clauseStart..<i]) {
                found.append(np)
            } else if clauseStart > 0, tokens[clauseStart - 1].kind == .comma, let np = phrases.apposed(tokens[..<(clauseStart - 1)]) {
                found.append(np)
            }
        }
        return found
    }

    /// What a phrase a pronoun stands for names: the person inside it, or the person set off by a comma right
    /// after it (`Minister of Labour, Hon. Joseph Hamilton`), or the phrase itself.
    func referent(_ r: Range<Int>) -> Range<Int> {
        if let inside = phrases.personInside(r) { return phrases.withFirstName(inside, within: r) }
        if let person = phrases.personAfterOffice(r) { return person }
        if let names = phrases.namesAfterRole(r) { return names }
        var k = r.upperBound
        // `The National President of the X Association (XA), Alhaji Y,`: the body's initials in brackets first.
        if k + 2 < b.count, b[k] == 0x20, b[k + 1] == 0x28,
           let close = (k + 2..<min(b.count, k + 24)).first(where: { b[$0] == 0x29 || b[$0] == 0x0A }), b[close] == 0x29 {
            k = close + 1
        }
        guard k < b.count, b[k] == 0x2C else { return r }
        k += 1
        // The person may follow a title of a few words (`Hon.`), but nothing longer.
        let i = entities.firstIndex(startingAtOrAfter: k)
        if i < entities.count, entities[i].label == "PERSON", entities[i].start - k <= 12 { return entities[i].range }
        return r
    }

    func sentenceIndex(_ offset: Int) -> Int? {
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].lowerBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? lo - 1 : nil
    }

    /// The tokens of a range, skipping the quotations in it (marks and content).
    /// Fills `sentenceBuffer` with the tokens of `range` outside quotations. Mutating, and writing the buffer
    /// itself: a non-mutating method given `&sentenceBuffer` would make Swift copy the whole Attributor
    /// (every array retained and released) so the two accesses do not overlap.
    /// With `keepingFrom`, the content of the quotations from that index on is kept (partial quotations read
    /// through as words of the sentence).
    mutating func fillSentenceBuffer(_ range: Range<Int>, maxTokens: Int = .max, keepingFrom: Int = .max) {
        sentenceBuffer.removeAll(keepingCapacity: true)
        var lo = 0, hi = quotes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if quotes[mid].close <= range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var start = range.lowerBound
        var k = lo
        while start < range.upperBound {
            let stop = k < quotes.count ? min(range.upperBound, max(start, quotes[k].open)) : range.upperBound
            if stop > start { tokenizer.tokens(start..<stop, into: &sentenceBuffer, appending: true, maxTokens: maxTokens) }
            if sentenceBuffer.count >= maxTokens { break }
            guard k < quotes.count, quotes[k].open < range.upperBound else { break }
            if k >= keepingFrom, quotes[k].open >= start {
                tokenizer.tokens(quotes[k].content, into: &sentenceBuffer, appending: true, maxTokens: maxTokens)
            }
            start = max(start, quotes[k].close)
            k += 1
        }
    }

    func insideQuotation(_ offset: Int) -> Bool {
        var lo = 0, hi = quotes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if quotes[mid].open <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && offset < quotes[lo - 1].close
    }
}
