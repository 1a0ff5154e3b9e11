import LedeText
import QuoteLexicon
import QuotePhrases
import QuoteScanning


/// A person named with an office earlier in the document: `Chief Minister Eknath Shelke`,
/// `Electricity minister V Senthilkumar`, `The Taoiseach, Mr Ahearne,`.
package struct RoleHolder {
    /// The office's head noun, lowercased (`minister`); `cm` and `pm` are spelt out.
    var head: String
    /// Up to three lowercased words before it (`maharashtra`, `chief`).
    var modifiers: [String]
    /// The name after it, without titles.
    var name: Range<Int>
}

/// Who the speaker is: a title split off a name, the full name of a surname, the holder of a role noun, the
/// speaker of reported speech.
extension Attributor {
    /// Describes a speaker not yet described: its kind, its title and its full name.
    mutating func describe(_ a: inout Attribution) {
        guard let r = a.speaker else { return }
        tokenizer.tokens(r, into: &phraseBuffer)
        a.kind = phraseBuffer.last.map { $0.kind == .word && phrases.isNameWord($0) } == true ? "name" : "description"
        describeName(&a)
        if a.canonical == nil, a.kind == "description", let d = a.speaker { a.canonical = oneOfGroup(d) }
        if a.canonical == nil, tagged, let named = (a.kind == "description" ? namedNext(r) : nil) ?? namedBefore(r) { a.canonical = named }
    }

    /// `one protester said`, `one local resident`: one of a group, named by its noun (`protester`).
    private mutating func oneOfGroup(_ r: Range<Int>) -> String? {
        guard WordSet.lower(b[r.lowerBound]) == 0x6F else { return nil }
        tokenizer.tokens(r, into: &phraseBuffer)
        guard phraseBuffer.count == 2 || phraseBuffer.count == 3, isWord(phraseBuffer[0], "one"),
              phraseBuffer.dropFirst().allSatisfy({ $0.kind == .word && !isCapitalized($0) }) else { return nil }
        return text(phraseBuffer[1].start..<phraseBuffer[phraseBuffer.count - 1].end)
    }

    /// `Pg Hj Aaji, the organiser of the RTB Carnival said`: a description (or an office of a named body) after a person's name and a comma, whose closing
    /// comma the writer left out, is that person's apposition: the person speaks.
    mutating func namedBefore(_ r: Range<Int>) -> String? {
        tokenizer.tokens(r, into: &phraseBuffer)
        // (`the organiser of ...`, or an office without its article: `newly elected President of the Bar`.)
        guard let first = phraseBuffer.first, isWord(first, "the") || first.kind == .word && !isCapitalized(first), r.lowerBound >= 3,
              b[r.lowerBound - 1] == 0x20, b[r.lowerBound - 2] == 0x2C else { return nil }
        let i = entities.firstIndex(startingAtOrAfter: r.lowerBound - 2)
        guard i > 0, entities[i - 1].end == r.lowerBound - 2, entities[i - 1].label == "PERSON" else { return nil }
        return entities[i - 1].attributes["canonical"]?.string
            ?? String(decoding: UnsafeBufferPointer(rebasing: b[entities[i - 1].start..<entities[i - 1].end]), as: UTF8.self)
    }

    /// `A Plaid Cymru councillor who ... told them: "...". / Terry Davies was found ...`: a speaker brought in by
    /// `a` or `an` and a description, in the first three sentences of the story, is the person whose full name
    /// (two words or more, as entity-tag found it) opens the next sentence, as the lead and the paragraph
    /// after it are written.
    private mutating func namedNext(_ r: Range<Int>) -> String? {
        tokenizer.tokens(r, into: &phraseBuffer)
        guard let first = phraseBuffer.first, isWord(first, "a") || isWord(first, "an"),
              let s = sentences.firstIndex(where: { $0.contains(r.lowerBound) }), s <= 2, s + 1 < sentences.count else { return nil }
        let next = sentences[s + 1]
        var start = next.lowerBound
        while start < next.upperBound, b[start] == 0x20 || b[start] == 0x0A { start += 1 }
        let i = entities.firstIndex(startingAtOrAfter: start)
        guard i < entities.count, entities[i].start == start, entities[i].label == "PERSON",
              (entities[i].start..<entities[i].end).contains(where: { b[$0] == 0x20 }) else { return nil }
        return entities[i].attributes["canonical"]?.string
            ?? String(decoding: UnsafeBufferPointer(rebasing: b[entities[i].start..<entities[i].end]), as: UTF8.self)
    }

    /// Splits the title off the speaker's name (`Ontario Premier Doug Forde` gives `Doug Forde` and the
    /// title `Ontario Premier`) and finds the full name of a surname (`Mr Cowan` gives `Cowan`, canonical
    /// `Brian Cowan`).
    mutating func describeName(_ a: inout Attribution) {
        splitName(&a)
        moveGrades(&a)
    }

    /// `AIG Legal-II Habib Khan`, `DIG Zone-3 Ravi Nair`: a word with a grade after a hyphen (roman or arabic
    /// numerals) that opens the speaker's name is the last word of the office before it, however the name was
    /// split, and so is everything before it.
    private mutating func moveGrades(_ a: inout Attribution) {
        guard let r = a.speaker else { return }
        tokenizer.tokens(r, into: &phraseBuffer)
        guard phraseBuffer.count >= 2, let g = phraseBuffer.dropLast().lastIndex(where: { $0.kind == .word && isGraded($0) }),
              phraseBuffer[(g + 1)...].allSatisfy({ $0.kind == .word && isCapitalized($0) }) else { return }
        let name = phraseBuffer[g + 1].start..<r.upperBound
        a.title = (a.title?.lowerBound ?? r.lowerBound)..<phraseBuffer[g].end
        a.speaker = name
        if a.kind == "description" { a.kind = "name" }
        a.canonical = fullName(of: name)
    }

    /// A capitalized word ending in a hyphen and a grade: roman numerals (`Legal-II`) or digits (`Zone-3`).
    private func isGraded(_ t: Token) -> Bool {
        guard isCapitalized(t), let hyphen = (t.start..<t.end).last(where: { b[$0] == 0x2D }), hyphen > t.start, hyphen + 1 < t.end
        else { return false }
        let grade = (hyphen + 1)..<t.end
        return grade.allSatisfy { WordScanner.isDigit(b[$0]) } || grade.allSatisfy { b[$0] == 0x49 || b[$0] == 0x56 || b[$0] == 0x58 }
    }

    private mutating func splitName(_ a: inout Attribution) {
        guard let r = a.speaker else { return }
        tokenizer.tokens(r, into: &phraseBuffer)
        var words = phraseBuffer
        guard !words.isEmpty else { return }
        // `PBGen. Romeo Caramat`: the period of a rank's abbreviation, read as a full stop, belongs to the rank.
        var m = 1
        while m < words.count {
            if words[m].kind == .stop, words[m - 1].kind == .word, words[m - 1].end == words[m].start,
               isIn(words[m - 1], lists.rankAbbreviations) {
                words[m - 1].end = words[m].end
                words.remove(at: m)
            } else {
                m += 1
            }
        }
        // `Lieutenant Jo Rau with the Corning Police Department`, `Anna Lowe of Kent Police`: the body after the person
        // entity-tag found is where they work, no part of the speaker's name.
        if tagged, let cut = affiliation(words) {
            a.speaker = r.lowerBound..<words[cut - 1].end
            splitName(&a)
            return
        }
        // `Provincial Police Commander (PPC) Malaita Province Superintendent Jo Rau`, `PPC Rau`: an office in
        // capitals, brackets or words no list holds, before the person entity-tag found at the end, is a title.
        if tagged, let person = personEnding(words) {
            a.title = words[0].start..<words[person - 1].end
            a.speaker = words[person].start..<r.upperBound
            a.kind = "name"
            a.canonical = fullName(of: a.speaker!)
            return
        }
        guard words.allSatisfy({ $0.kind == .word }) else { return }
        // `the Rt Hon Jane Pellow MP`: letters after the name close it.
        if words.count >= 2, isIn(words[words.count - 1], lists.postNominals), phrases.isNameWord(words[words.count - 2]) {
            words.removeLast()
        }
        // `Tan Sri Muhyiddin Yassin`, `Datuk Seri Ismail Sabri Yaakob`: a Malaysian honour of two words is a title.
        let honour = words.indices.map { i in
            isIn(words[i], lists.honourFirsts) && i + 1 < words.count && isIn(words[i + 1], lists.honourSeconds)
                || isIn(words[i], lists.honourSeconds) && i > 0 && isIn(words[i - 1], lists.honourFirsts)
        }
        var j = words.count
        while j > 0, !(j < words.count && isPossessive(words[j - 1])), phrases.isNameWord(words[j - 1]) && !honour[j - 1] || (j < words.count && isIn(words[j - 1], lists.nameParticles) && j - 1 > 0) { j -= 1 }
        while j < words.count, !phrases.isNameWord(words[j]) { j += 1 } // a particle does not start a name
        // `the People’s Champions said`: a capitalized possessive that entity-tag found to be no name of its own (as
        // `Kenya` of `Kenya's Ruto` is) belongs to the name after it.
        if tagged, j > 0, j < words.count, isPossessive(words[j - 1]), isCapitalized(words[j - 1]), !phrases.inEntity(words[j - 1]),
           words[j...].allSatisfy({ isCapitalized($0) }) {
            j -= 1
        }
        guard j < words.count else { return }
        // `Minister for Information and Broadcasting M. Venkatesh Naidu`: a name starts at its first initial.
        var atInitial = false
        if let initial = words[j...].firstIndex(where: { phrases.isInitial($0) }), initial > j, initial < words.count - 1 {
            j = initial
            atInitial = true
        }
        // `Director of Rugby Piet Kool`, `Commissioner of Police Rhea Dunmore`: an office named with `of` ends where the
        // person entity-tag found starts, else before the last two words.
        if !atInitial, j > 1, isWord(words[j - 1], "of"), words[..<(j - 1)].contains(where: { isIn($0, lists.roles) }) {
            if tagged, let person = words[j...].firstIndex(where: { phrases.startsPerson($0) }) {
                j = person
            } else if !tagged || words.count - j >= 3 {
                j = max(j, words.count - (words.count - j >= 3 ? 2 : 1))
            }
            if !isWord(words[j - 1], "of") {
                a.title = words[0].start..<words[j - 1].end
                a.speaker = words[j].start..<words[words.count - 1].end
                if a.kind == "description" { a.kind = "name" }
                a.canonical = fullName(of: a.speaker!)
                return
            }
        }
        // `supervisor Lena Marsh`, `county supervisor Lena Marsh`: lowercase words of a job before the name are its title.
        // `Harbour master Ewan Tully said:` too, whose first word has its capital only because it opens the sentence.
        let opener = j >= 2 && words[0].start == r.lowerBound && opensSentence(r.lowerBound) && !phrases.inEntity(words[0])
        if j > 0, j <= 3, words[(opener ? 1 : 0)..<j].allSatisfy({ !isCapitalized($0) && !isIn($0, lists.determiners) && !isIn($0, lists.nameParticles)
            && !isIn($0, lists.connectives) && !isPossessive($0) && !isIn($0, lists.prepositions) }),
           !opener || !isIn(words[0], lists.determiners) && !isIn(words[0], lists.connectives) && !isPossessive(words[0]) {
            a.title = words[0].start..<words[j - 1].end
            a.speaker = words[j].start..<words[words.count - 1].end
            if a.kind == "description" { a.kind = "name" }
            a.canonical = fullName(of: a.speaker!)
            return
        }
        if described(words, name: j) {
            a.speaker = words[j].start..<words[words.count - 1].end
            a.kind = "name"
            a.canonical = fullName(of: a.speaker!)
            return
        }
        var name = words[j].start..<words[words.count - 1].end
        if j > 0 {
            let last = words[j - 1]
            if isIn(last, lists.roles) || honour[j - 1] || (atInitial && words[..<j].contains { isIn($0, lists.roles) }) {
                a.title = words[0].start..<last.end
            } else if !(isIn(last, lists.personNouns) || isPossessive(last)) {
                name = r // `The politeness showed ... Chaudhari`: not a name with a title, leave it whole
            }
            if name != r {
                a.speaker = name
                if a.kind == "description" { a.kind = "name" }
            }
        }
        if j == 0, words.count < phraseBuffer.count {
            name = words[0].start..<words[words.count - 1].end
            a.speaker = name
        }
        guard name != r || j == 0 else { return }
        a.canonical = fullName(of: name)
    }

    /// `an angry Jo Rau`, `a visibly moved Jo Rau`: `a`, `an` or `the` and up to three lowercase words that describe the
    /// person entity-tag found from word `j` to the end (no office, no noun of a person, no link).
    private func described(_ words: [Token], name j: Int) -> Bool {
        guard tagged, j >= 2, j <= 4, isWord(words[0], "a") || isWord(words[0], "an") || isWord(words[0], "the"),
              words[1..<j].allSatisfy({ !isCapitalized($0) && !isIn($0, lists.roles) && !isIn($0, lists.personNouns) && !isPossessive($0)
                  && !isIn($0, lists.prepositions) && !isIn($0, lists.connectives) && !isIn($0, lists.determiners) }) else { return false }
        let e = entities.firstIndex(startingAtOrAfter: words[j].start)
        return e < entities.count && entities[e].label == "PERSON" && entities[e].start == words[j].start
            && entities[e].end == words[words.count - 1].end
    }

    /// Whether a sentence starts at `offset` (after the spaces that open it).
    private func opensSentence(_ offset: Int) -> Bool {
        guard let s = sentenceIndex(offset) else { return false }
        var i = sentences[s].lowerBound
        while i < offset, TextLayout.isSpace(b[i]) || b[i] == 0x22 { i += 1 }
        return i == offset
    }

    /// The index of `with`, `of`, `from` or `at` after the person entity-tag found in `words`, when only a body's
    /// capitalized name (and `the`, `of`, `and`, `for`) follows it to the end.
    private func affiliation(_ words: [Token]) -> Int? {
        guard words.count >= 4 else { return nil }
        for k in 1..<(words.count - 1) where words[k].kind == .word
            && (isWord(words[k], "with") || isWord(words[k], "of") || isWord(words[k], "from") || isWord(words[k], "at")) {
            let e = entities.firstIndex(startingAtOrAfter: words[k - 1].start)
            let ends = (e > 0 && entities[e - 1].end == words[k - 1].end && entities[e - 1].label == "PERSON")
                || (e < entities.count && entities[e].end == words[k - 1].end && entities[e].label == "PERSON")
            guard ends else { continue }
            let rest = words[(k + 1)...]
            guard rest.allSatisfy({ $0.kind == .word && !isPossessive($0)
                    && (isCapitalized($0) || isWord($0, "the") || isWord($0, "of") || isWord($0, "and") || isWord($0, "for")) }),
                  rest.contains(where: { isCapitalized($0) }) else { return nil }
            return k
        }
        return nil
    }

    /// The index of the word where the person that ends `words` starts, when entity-tag found that person and
    /// every word before it reads as an office: capitalized (no possessive, and no part of another person's
    /// name; a place's or a body's name may be, `Malaita Province Superintendent`), a bracket, or a joiner of an
    /// office's words (`of`, `for`, `and`, `the`). Not when the person is the whole phrase.
    private func personEnding(_ words: [Token]) -> Int? {
        guard words.count >= 2, let last = words.last else { return nil }
        let i = entities.firstIndex(startingAtOrAfter: words[1].start)
        var k = i
        while k < entities.count, entities[k].end < last.end { k += 1 }
        guard k < entities.count, entities[k].label == "PERSON", entities[k].end == last.end,
              let person = words.firstIndex(where: { $0.start == entities[k].start }), person > 0 else { return nil }
        let described = words[0].kind == .word && isIn(words[0], lists.articles) && isIn(words[person - 1], lists.personNouns)
        for w in words[..<person] {
            if w.kind != .word {
                // A bracket (`(PPC)`), or a comma between portfolios (`Minister for Agriculture, Food and the Marine`).
                guard w.kind == .comma || w.end - w.start == 1 && (b[w.start] == 0x28 || b[w.start] == 0x29) else { return nil }
                continue
            }
            // (Or a description opening with its article, `The American comedian James Pietragallo`: its nouns of people.)
            guard !isPossessive(w), isCapitalized(w) || isWord(w, "of") || isWord(w, "for") || isWord(w, "and") || isWord(w, "the")
                    || described && (isIn(w, lists.personNouns) || isIn(w, lists.roles))
            else { return nil }
            let e = entities.firstIndex(startingAtOrAfter: w.start)
            if e > 0, entities[e - 1].end > w.start, entities[e - 1].label == "PERSON" { return nil }
            if e < entities.count, entities[e].start == w.start, entities[e].label == "PERSON" { return nil }
        }
        // A lone capitalized word before the person is their title only in capitals (`PPC`, `DCP`) or as a noun of people
        // (`Journalist Ferial Haffajee`): `Chelsea Manning` cut in two by entity-tag is still one name.
        if person == 1, !phrases.isCapitals(words[0]), !isIn(words[0], lists.personNouns) { return nil }
        // `Lawyer Ace Annan Akomah` with `Annan Akomah` found: a capitalized word no list holds, between an office and the
        // person, is a first name entity-tag left out.
        if person >= 2, case let w = words[person - 1], w.kind == .word, phrases.isNameWord(w), !phrases.isCapitals(w), !isIn(w, lists.roles),
           !isIn(w, lists.titles), !isIn(w, lists.personNouns), words[person - 2].kind == .word, !phrases.isCapitals(words[person - 2]),
           isIn(words[person - 2], lists.roles) || isIn(words[person - 2], lists.personNouns) { // (`SSP Traffic Kamran Ali`: a post)
            return person - 1
        }
        return person
    }

    /// The full name of a person named here by surname only: a PERSON entity's canonical form, else the first
    /// place before it where the surname follows a first name in the text (`TAOISEACH Brian Cowan`) or is
    /// followed by given names (`Ko Eun-bi`).
    mutating func fullName(of name: Range<Int>) -> String? {
        let i = entities.firstIndex(startingAtOrAfter: name.lowerBound)
        if i < entities.count, entities[i].start == name.lowerBound, entities[i].label == "PERSON",
           let canonical = entities[i].attributes["canonical"]?.string, canonical != text(name), canonical.utf8.count > name.count,
           canonical.hasSuffix(" " + text(name)) || canonical.hasPrefix(text(name) + " ") {
            // `Jane Pellow MP` is no fuller name of `Jane Pellow`.
            let extra = canonical.hasPrefix(text(name) + " ") ? String(canonical.dropFirst(text(name).count + 1)) : ""
            if !lists.postNominals.contains(extra.lowercased()) { return canonical }
        }
        // `Nyi` of `Tun Tun Nyi`, `Yunos` of `Md Rozan Dato Paduka Hj Md Yunos`: a person's name that entity-tag found
        // around the words read here, where an honorific inside it had cut them short.
        if i > 0, i <= entities.count {
            let j = i - 1
            if entities[j].label == "PERSON", entities[j].start < name.lowerBound, entities[j].end >= name.upperBound,
               entities[j].end - entities[j].start <= 80 {
                return entities[j].attributes["canonical"]?.string ?? text(entities[j].start..<entities[j].end)
            }
        }
        tokenizer.tokens(name, into: &phraseBuffer)
        // `Mohamad Roy` after `Mohamad Roy Suhaimi Sarif`, `García Márquez` after `Gabriel García Márquez`: the leading or
        // the closing words of a longer name entity-tag found earlier, the nearest one.
        if phraseBuffer.count >= 2 {
            let short = text(name)
            var i = entities.firstIndex(startingAtOrAfter: name.lowerBound)
            while i > 0 {
                i -= 1
                guard entities[i].label == "PERSON", entities[i].end - entities[i].start > name.count else { continue }
                let long = text(entities[i].start..<entities[i].end)
                if long.hasPrefix(short + " ") || long.hasSuffix(" " + short) { return long }
            }
            return nil
        }
        let key = text(name)
        if let known = fullNames[key] { return known.map(text) }
        var found: Range<Int>?
        let n = name.count
        var k = 0
        // The full name is given where the person is introduced, before they are quoted by surname.
        let limit = name.lowerBound
        search: while k + n <= limit {
            guard b[k] == b[name.lowerBound] else { k += 1; continue }
            var same = true
            for d in 1..<max(1, n) where b[k + d] != b[name.lowerBound + d] { same = false; break }
            defer { k += 1 }
            guard same, k == 0 || TextLayout.isSpace(b[k - 1]), k + n == b.count || !Tokenizer.isLetterOrDigit(b[k + n]) || b[k + n] == 0xE2 else { continue }
            tokenizer.tokens(max(0, k - 48)..<k, into: &phraseBuffer)
            var j = phraseBuffer.count
            if k == 0 { j = 0 }
            // An organization's possessive (`NPR’s Merrit Kennedy`) is no part of the name after it.
            // Nor is the last word of an organization's name (`the Prime Minister's Office Indranee Rajah`).
            while j > 0, phraseBuffer[j - 1].kind == .word, phrases.isNameWord(phraseBuffer[j - 1]), !isPossessive(phraseBuffer[j - 1]),
                  !isIn(phraseBuffer[j - 1], lists.connectives), !isIn(phraseBuffer[j - 1], lists.orgSuffixes),
                  !isIn(phraseBuffer[j - 1], lists.notSubjects), phraseBuffer.count - j < 3 { j -= 1 }
            // Tokens at the window's start may be cut; a run that reaches it is not trusted.
            if k > 0, j < phraseBuffer.count, j > 0 || phraseBuffer[0].start >= k - 40 {
                found = phraseBuffer[j].start..<(k + n)
                break search
            }
            // Family name first (`Ko Eun-bi`, `Tan Kok Leong`): given names after it.
            tokenizer.tokens((k + n)..<min(b.count, k + n + 48), into: &phraseBuffer, maxTokens: 2)
            let given = phraseBuffer.prefix { $0.kind == .word && phrases.isNameWord($0) && !isIn($0, lists.connectives) && !isCue($0) }
            if let last = given.last, given.first?.start == k + n + 1 {
                found = k..<last.end
                break search
            }
        }
        fullNames[key] = .some(found)
        return found.map(text)
    }

    // MARK: Role nouns

    /// The person who holds the office a role noun names: the holder whose modifiers match the most, the
    /// nearest before `offset` among them (or the first after it).
    mutating func holder(ofRole r: Range<Int>, before offset: Int) -> Range<Int>? {
        guard let role = phrases.roleParts(r) else { return nil }
        if holders == nil { holders = findHolders() }
        var best: (key: (Int, Int, Int, Int), name: Range<Int>)?
        var tied: [Range<Int>] = []
        // `the Prime Minister` is not whoever is a minister: a rank the role noun names, the holder must have too.
        let ranks = role.modifiers.filter { Self.ranks.contains($0) }
        // Nor is `the Home Minister` the Prime Minister: an office named with its own words has no rank it does not name.
        let named = role.modifiers.contains { !Self.ranks.contains($0) && $0 != "former" }
        for h in holders! where h.head == role.head && h.modifiers.contains("former") == role.modifiers.contains("former")
            && ranks.allSatisfy({ h.modifiers.contains($0) })
            && (!named || h.modifiers.allSatisfy({ !Self.ranks.contains($0) || role.modifiers.contains($0) })) {
            let isBefore = h.name.lowerBound < offset
            // (`the minister` is rather the Agriculture Minister than the Prime Minister: a holder with no rank the role
            // does not name comes first.)
            let unranked = h.modifiers.allSatisfy { !Self.ranks.contains($0) || role.modifiers.contains($0) }
            let key = (role.modifiers.filter { h.modifiers.contains($0) }.count, unranked ? 1 : 0, isBefore ? 1 : 0,
                       isBefore ? lastMention(of: h.name, before: offset) : -h.name.lowerBound)
            if best.map({ key > $0.key }) ?? true {
                if let top = best, top.key.0 == key.0, top.key.1 == key.1, top.key.2 == key.2 { tied.append(top.name) } else { tied = [] }
                best = (key, h.name)
            } else if let top = best, top.key.0 == key.0, top.key.1 == key.1, top.key.2 == key.2 {
                tied.append(h.name)
            }
        }
        // (`his attorney Ana Ruiz, who appears with attorney Ben Cole.`: of two holders named alike, one named in the
        // relative clause of the other's sentence is the lesser, unless the text named them again since.)
        if let (key, name) = best, key.3 == name.lowerBound, let other = tied.last(where: { $0.upperBound < name.lowerBound && name.lowerBound - $0.upperBound < 120 }),
           case let between = b[other.upperBound..<name.lowerBound], QuoteText.contains(between, ", who ") || QuoteText.contains(between, ", whom "),
           !QuoteText.hasSentenceBreak(between) {
            return other
        }
        return best?.name
    }

    /// `the IGP` after `Inspector-General of Police Kayode Egbetokun`: the latest person entity-tag found before
    /// `offset` right after an office in capitals whose words' initials (hyphenated parts apart; `of`, `the`,
    /// `for` and `and` skipped) spell the role noun's initials.
    /// (`the former CJ` after `Former Chief Justice Sarath Pieris`: lowercase modifiers between `the` and the initials
    /// stand just before the office too.)
    mutating func holder(ofInitials r: Range<Int>, before offset: Int) -> Range<Int>? {
        guard tagged else { return nil }
        let words = tokenizer.tokens(r)
        guard words.count >= 2, words.count <= 4, isWord(words[0], "the"), let last = words.last, last.kind == .word, phrases.isAcronym(last),
              words.dropFirst().dropLast().allSatisfy({ $0.kind == .word && !isCapitalized($0) }) else { return nil }
        let acronym = Array(b[last.range])
        let modifiers = words.dropFirst().dropLast()
        var i = entities.firstIndex(startingAtOrAfter: offset)
        while i > 0 {
            i -= 1
            let e = entities[i]
            guard e.label == "PERSON", e.end <= offset else { continue }
            fillSentenceBuffer(max(0, e.start - 80)..<e.start)
            var initials: [UInt8] = []
            var first = sentenceBuffer.endIndex
            for (j, t) in sentenceBuffer.enumerated().reversed() {
                guard t.kind == .word else { break }
                if isWord(t, "of") || isWord(t, "the") || isWord(t, "for") || isWord(t, "and") { continue }
                guard isCapitalized(t) else { break }
                // `Inspector-General` gives `IG`, read from its end as the office is.
                for k in stride(from: t.end - 1, through: t.start, by: -1)
                where k == t.start || b[k - 1] == 0x2D && WordScanner.isLetter(b[k]) { initials.insert(b[k] & 0xDF, at: 0) }
                first = j
                if initials.count >= acronym.count { break }
            }
            // (`the former CJ` is not the sitting Chief Justice: each modifier stands among the three words before.)
            if initials == acronym, modifiers.allSatisfy({ m in
                sentenceBuffer[max(0, first - 3)..<first].contains { $0.kind == .word && text($0).lowercased() == text(m).lowercased() }
            }) { return e.range }
        }
        return nil
    }

    /// Modifiers that make an office another office (`prime minister`, `deputy governor`).
    private static let ranks: Set<String> = ["prime", "chief", "deputy", "vice", "assistant", "junior", "shadow", "acting"]

    /// Every office followed by a name outside quotations, in the order of the text.
    /// The first token after an office's `of` or `for` (at `k`) that is no word of its name: within twelve tokens, past
    /// the body's initials in brackets (`of the Ghana Cocoa Farmers Association (GCFA),`).
    private func officeEnd(_ t: [Token], from k: Int) -> Int? {
        var i = k + 1
        while i < t.count, i - k <= 12 {
            if t[i].kind == .word { i += 1; continue }
            if b[t[i].start] == 0x28, i + 2 < t.count, t[i + 1].kind == .word, b[t[i + 2].start] == 0x29 {
                i += 3
                continue
            }
            return i
        }
        return nil
    }

    /// ``documentTokens``, read on first use.
    mutating func wholeDocument() -> [Token] {
        if let t = documentTokens { return t }
        fillSentenceBuffer(0..<b.count)
        documentTokens = sentenceBuffer
        return sentenceBuffer
    }

    private mutating func findHolders() -> [RoleHolder] {
        let t = wholeDocument()
        var found: [RoleHolder] = []
        for i in t.indices where t[i].kind == .word && isIn(t[i], lists.roles) && !isIn(t[i], lists.titles) {
            if let h = apposedHolder(t, role: i) {
                found.append(h)
                continue
            }
            var k = i + 1
            if k < t.count, t[k].kind == .comma { k += 1 } // `The Taoiseach, Mr Ahearne,`
            // `the Prime Minister and Interior Minister Sheikh Abdullah`: a second office joined by `and` before the name.
            var joinedOffice = false
            if k + 2 < t.count, isWord(t[k], "and"),
               let second = t[(k + 1)...].prefix(3).firstIndex(where: { $0.kind == .word && isIn($0, lists.roles) && !isIn($0, lists.titles) }),
               t[(k + 1)...second].allSatisfy({ $0.kind == .word && isCapitalized($0) }), second + 1 < t.count,
               // (Not the same office alone again: `the presiding judge and Judge Amal Rind` are two people.)
               second > k + 1 || text(t[second]).lowercased() != text(t[i]).lowercased() {
                k = second + 1
                joinedOffice = true
            }
            // `Former federal information minister Senator Parvez Rasheed`: titles and a second office.
            while k < t.count, t[k].kind == .word, isIn(t[k], lists.titles) || isIn(t[k], lists.roles) && k + 1 < t.count && phrases.isNameWord(t[k + 1]) {
                k += 1
            }
            // (`High Commissioner in Sri Lanka Maj. Gen. (Retd) Muhammad Saad Khattak`: an envoy's post after `in`.)
            if k < t.count, t[k].kind == .word, isWord(t[k], "for") || isWord(t[k], "of") || isWord(t[k], "in") {
                // `Minister for Hindu Religious and Charitable Endowments P. K. Sekhar Bose`: the name at its initial.
                if let initial = t[k...].prefix(9).firstIndex(where: { $0.kind == .word && phrases.isInitial($0) }),
                   t[k..<initial].allSatisfy({ $0.kind == .word }) {
                    k = initial
                } else if let comma = officeEnd(t, from: k), t[comma].kind == .comma,
                          t[(k + 1)..<comma].allSatisfy({ $0.kind != .word || isCapitalized($0) || isIn($0, lists.nameParticles)
                              || isWord($0, "the") || isWord($0, "and") || isWord($0, "of") || isWord($0, "for") }) {
                    // `Minister of Works and Housing, Kojo Oppong-Nkrumah,`: the name set off after the office.
                    k = comma + 1
                    // (Past a title or an honour before the name: `Mr`, `Alhaji`.)
                    while k + 1 < t.count, t[k].kind == .word, isIn(t[k], lists.titles) || isIn(t[k], lists.roles) && phrases.isNameWord(t[k + 1]) { k += 1 }
                    guard k < t.count, t[k].kind == .word, phrases.isNameWord(t[k]) else { continue }
                    // `Minister of Labour, Social Security, and the Third Sector Colin Jordan`: with entities tagged,
                    // the name is the first person after the office's list of portfolios, not its next portfolio.
                    if tagged, !phrases.startsPerson(t[k]) {
                        guard let person = t[k...].prefix(14).prefix(while: { $0.kind == .word || $0.kind == .comma })
                            .firstIndex(where: { $0.kind == .word && phrases.startsPerson($0) }) else { continue }
                        k = person
                    }
                } else if tagged, let person = t[k...].prefix(12).firstIndex(where: { $0.kind == .word && phrases.startsPerson($0) }),
                          t[k..<person].allSatisfy({ $0.kind == .word || $0.kind == .other && (b[$0.start] == 0x28 || b[$0.start] == 0x29) }) {
                    // `Deputy Commissioner of Police (east) Kiran Dole`: the office's name, a post in brackets, the person
                    // (and ranks: `Maj. Gen. (Retd)`).
                    k = person
                } else {
                    continue
                }
            } else {
                guard k < t.count, t[k].kind == .word, phrases.isNameWord(t[k]),
                      k == i + 1 || joinedOffice || t[i + 1].kind == .comma || isIn(t[i + 1], lists.titles) || isIn(t[i + 1], lists.roles)
                else { continue }
                // (`According to the Ombudsman, Canadians do not ...`: after the office's comma, words entity-tag
                // named as something other than a person open the next clause.)
                if tagged, t[i + 1].kind == .comma, phrases.inEntity(t[k]), !phrases.startsPerson(t[k]) { continue }
            }
            // The name stands in the office's paragraph: an office that ends a line (`..." Conrad Sangma, Chief Minister`
            // over `Shillong, June 16: ...`) holds nothing of the next.
            guard !b[t[i].end..<t[k].start].contains(0x0A) else { continue }
            var e = k
            // (Not over a line's end: a headline's `Foreign Minister Gyawali` over `By Nepal24Hours`.)
            while e + 1 < t.count, t[e + 1].kind == .word, phrases.isNameWord(t[e + 1]), e - k < 3, !b[t[e].end..<t[e + 1].start].contains(0x0A) {
                e += 1
            }
            var modifiers: [String] = []
            var m = i - 1
            while m >= 0, modifiers.count < 3, t[m].kind == .word { modifiers.append(text(t[m]).lowercased()); m -= 1 }
            let role = QuoteText.spelled(text(t[i]).lowercased(), modifiers)
            // (`Sheikh Khalid bin Saad al-Marri`: the whole of the person entity-tag found there, particles and all.)
            var name = t[k].start..<t[e].end
            if tagged, case let x = entities.firstIndex(startingAtOrAfter: t[k].start), x < entities.count, entities[x].start == t[k].start,
               entities[x].label == "PERSON", entities[x].end > name.upperBound, entities[x].end - name.upperBound < 40 {
                name = entities[x].range
            }
            found.append(RoleHolder(head: role.head, modifiers: role.modifiers, name: name))
        }
        return found
    }

    /// `Sato, the majority leader,`: a name, a comma, `the`, up to three lowercase modifiers and the office at
    /// `i`, and a comma.
    private func apposedHolder(_ t: [Token], role i: Int) -> RoleHolder? {
        // (`Abdullahi Sule, the governor of Nasarawa State,`: the office's `of` and its capitalized place before the comma.)
        var c = i + 1
        if c < t.count, isWord(t[c], "of") || isWord(t[c], "for") {
            c += 1
            while c < t.count, c - i <= 6, t[c].kind == .word, isCapitalized(t[c]) || isWord(t[c], "the") { c += 1 }
            guard c > i + 2, isCapitalized(t[c - 1]) else { return nil }
        }
        guard c < t.count, t[c].kind == .comma else { return nil }
        var d = i - 1
        while d >= 0, i - d <= 4, t[d].kind == .word, !isWord(t[d], "the"), !isCapitalized(t[d]) { d -= 1 }
        func isPartOfName(_ t: Token) -> Bool {
            t.kind == .word && phrases.isNameWord(t) && !isIn(t, lists.connectives) && !isIn(t, lists.notSubjects)
        }
        // `Sato, the majority leader,`; or, with the body it is of, without `the`: `Agnes Lam, president of Macau Civic
        // Power,`.
        let last: Int
        if d >= 2, t[d].kind == .word, isWord(t[d], "the"), t[d - 1].kind == .comma, isPartOfName(t[d - 2]) {
            last = d - 2
        } else if c > i + 1, d >= 1, t[d].kind == .comma, isPartOfName(t[d - 1]) {
            last = d - 1
        } else {
            return nil
        }
        var n = last
        while n > 0, isPartOfName(t[n - 1]), last - n < 3 { n -= 1 }
        let role = QuoteText.spelled(text(t[i]).lowercased(), t[(d + 1)..<i].map { text($0).lowercased() })
        return RoleHolder(head: role.head, modifiers: role.modifiers, name: t[n].start..<t[last].end)
    }

    /// The latest place before `offset` where the person named `name` is mentioned by surname, to prefer the
    /// holder the text has just spoken of when several hold the office (`the senator`).
    private func lastMention(of name: Range<Int>, before offset: Int) -> Int {
        var e = name.upperBound
        var s = e
        while s > name.lowerBound, b[s - 1] != 0x20 { s -= 1 }
        let n = e - s
        guard n > 1 else { return name.lowerBound }
        e = offset - n
        while e > name.upperBound {
            if b[e] == b[s], (e == 0 || !Tokenizer.isLetterOrDigit(b[e - 1])), e + n >= b.count || !Tokenizer.isLetterOrDigit(b[e + n]) {
                var same = true
                for d in 1..<n where b[e + d] != b[s + d] { same = false; break }
                if same { return e }
            }
            e -= 1
        }
        return name.lowerBound
    }

    /// `the statement said`: the person the text said the statement came from, earlier in the document (`a statement
    /// signed by the Director of Public Affairs, DCOP Kwesi Ofori`, `A statement from the command's spokesperson, DSP
    /// Suleiman Nguroje`, `Ms Quill said in a statement`), as police and government releases are quoted.
    func issuer(ofDocument r: Range<Int>) -> Range<Int>? {
        // `the statement`, `the police statement`, `the press release`: checked on the bytes before anything is allocated.
        guard r.count >= 8, r.count <= 40, WordSet.lower(b[r.lowerBound]) == 0x74, b[r.lowerBound + 3] == 0x20 else { return nil }
        let words = tokenizer.tokens(r)
        guard words.count >= 2, words.count <= 4, words.allSatisfy({ $0.kind == .word }), isWord(words[0], "the"),
              let noun = QuoteText.documentNouns.first(where: { isWord(words[words.count - 1], $0) }) else { return nil }
        let needle = Array(UnsafeBufferPointer(start: noun.utf8Start, count: noun.utf8CodeUnitCount))
        // The mentions of the noun before the phrase, the nearest first, within a few paragraphs.
        var p = r.lowerBound - needle.count
        let floor = max(0, r.lowerBound - 4_000)
        while p >= floor {
            defer { p -= 1 }
            guard (0..<needle.count).allSatisfy({ WordSet.lower(b[p + $0]) == needle[$0] }), p == 0 || b[p - 1] == 0x20,
                  !insideQuotation(p) else { continue }
            var after = p + needle.count
            // `the memo` after `a memorandum`, but not after `a memorial`.
            if needle.count == 4, after < b.count, Tokenizer.isLetterOrDigit(b[after]) {
                guard after + 6 <= b.count, b[after..<(after + 6)].elementsEqual("randum".utf8) else { continue }
                after += 6
            }
            // `a statement signed by ..., DCOP Kwesi Ofori`, `a statement from ... DSP Suleiman Nguroje`: the first person
            // named after `by` or `from`, in the same sentence.
            var i = entities.firstIndex(startingAtOrAfter: after)
            while i < entities.count, entities[i].start < after + 160 {
                let between = b[after..<entities[i].start]
                if between.contains(where: { $0 == 0x0A || $0 == 0x22 }) || QuoteText.hasSentenceBreak(between) { break }
                if entities[i].label == "PERSON", QuoteText.contains(between, " by ") || QuoteText.contains(between, " from ") { return entities[i].range }
                // `In a public statement, Nangombe called it unacceptable`: who opens the clause after the comma.
                if entities[i].label == "PERSON" || entities[i].label == "ORG",
                   between.allSatisfy({ $0 == 0x2C || $0 == 0x20 }), between.contains(0x2C) { return entities[i].range }
                i += 1
            }
            // `Ms Quill said in a statement`: the person right before `said in a`; `Landgraf entered a statement`,
            // `the ministry issued a statement`: the subject of a verb that issues one, right before it.
            var j = entities.firstIndex(startingAtOrAfter: max(0, p - 40))
            while j < entities.count, entities[j].start < p {
                let between = b[min(entities[j].end, p)..<p]
                if entities[j].end < p, !between.contains(where: { $0 == 0x0A || $0 == 0x22 }), !QuoteText.hasSentenceBreak(between) {
                    if entities[j].label == "PERSON", QuoteText.contains(between, " in a") || QuoteText.contains(between, " in the") { return entities[j].range }
                    if entities[j].label == "PERSON" || entities[j].label == "ORG", phrases.issuesDocument(between) { return entities[j].range }
                }
                j += 1
            }
        }
        return nil
    }

    // MARK: Reported speech

    /// The subject of the last sentence of paragraph `p` that reports speech (`Mr Dorgan said the
    /// executives are ...`, `He says claims ...`), as the speaker of a bare quotation after it.
    mutating func reportedSpeaker(inParagraph p: Int) -> Attribution? {
        let paragraph = paragraphs[p]
        guard paragraph.upperBound > paragraph.lowerBound, let s = sentenceIndex(paragraph.upperBound - 1),
              sentences[s].lowerBound >= paragraph.lowerBound else { return nil }
        fillSentenceBuffer(sentences[s], maxTokens: 24)
        Self.dropBracketed(&sentenceBuffer, in: b) // `Ms Róisín Shortt (Labour, Dublin North West) said that ...`
        // The subject and, within three words after it, a cue verb (`Mr Hartley also denied that ...`).
        // `Cllr Gould believes resourcing problems ...`, `Coach Jo Lane praised the opposition ...`, `Commissioner Jane Lee
        // sent a statement to media ...`: a verb of belief or of speaking about something, or a statement sent, reports the
        // words of the paragraph after as well.
        if let np = phrases.subject(of: sentenceBuffer[...]), var end = sentenceBuffer.firstIndex(where: { $0.end == np.upperBound }) {
            // (`Muralidhar Rao, national general secretary of the party, told ...`: past an apposition between commas.)
            if end + 2 < sentenceBuffer.endIndex, sentenceBuffer[end + 1].kind == .comma,
               let close = sentenceBuffer[(end + 2)...].prefix(14).firstIndex(where: { $0.kind == .comma }),
               sentenceBuffer[(end + 2)..<close].allSatisfy({ $0.kind == .word && !isCue($0) }) {
                end = close
            }
            let next = sentenceBuffer[(end + 1)...].prefix(3)
            // (An order reports the words after it only when a person or an office gave it: `the Magistrate ordered`.)
            let person = phrases.personInside(np) != nil || phrases.isRole(np) || Pronoun(b, np) == .person
            // (`Inspector Atunaisa Sokomuri is urging drivers to ...`: a participle after `is` or `was` is the verb.)
            // (A loop, not a closure: a closure in a mutating method copies the whole attributor.)
            var reports = false
            for i in next.indices where next[i].kind == .word {
                let t = next[i]
                guard !isParticiple(t) || i > next.startIndex && isIn(next[i - 1], lists.progressives) else { continue }
                if isCue(t) || isIn(t, lists.beliefVerbs) || isIn(t, lists.speechActs) && (person || !isIn(t, lists.orders)) {
                    reports = true
                    break
                }
            }
            if reports
                || next.contains(where: { $0.kind == .word && isIn($0, lists.sendingVerbs) })
                && sentenceBuffer[(end + 1)...].prefix(6).contains(where: { $0.kind == .word && isIn($0, lists.writtenStatements) }) {
                return named(np, cue: nil, direct: true)
            }
            // `Head Coach Tony Popovic faced the media after the match`, `Coppell was in good spirits at the press conference
            // and told reporters ...`: a person who met the press, or whose second verb after `and` is a cue.
            if person {
                let rest = sentenceBuffer[(end + 1)...].prefix(20)
                if let v = rest.prefix(3).firstIndex(where: { $0.kind == .word && isIn($0, lists.pressVerbs) }),
                   rest[(v + 1)...].prefix(3).contains(where: { $0.kind == .word && isIn($0, lists.pressNouns) }) {
                    return named(np, cue: nil, direct: true)
                }
                if let and = rest.firstIndex(where: { $0.kind == .word && isWord($0, "and") }), and + 1 < rest.endIndex,
                   case let verb = rest[and + 1], verb.kind == .word, isCue(verb) || isIn(verb, lists.speechActs),
                   !rest[..<and].contains(where: { $0.kind == .comma || $0.kind == .word && (isCue($0) || Pronoun(b, $0.range) != nil) }),
                   !phrases.hasPersonEntity(rest[..<and]) {
                    return named(np, cue: nil, direct: true)
                }
            }
        }
        let tokens = sentenceBuffer[...]
        // `According to Agriculture Minister Zulfikar Mustapha, the council ...`: the source named at the start, up to
        // a dash too (`According to the council - at one point, ...`).
        let words = tokens.filter { $0.kind == .word }
        if words.count >= 3, isWord(words[0], "according"), isWord(words[1], "to"),
           let comma = tokens.firstIndex(where: { $0.kind == .comma || $0.kind == .dash }),
           let np = phrases.trimNP(tokens[..<comma].filter { $0.kind == .word }.dropFirst(2)) {
            return named(np, cue: "according to", direct: true)
        }
        if let a = sayingSpeaker(tokens) { return a }
        if let a = feelingSpeaker(s) { return a }
        return trailingAttribution(s)
    }

    /// The speaker a sentence of reported speech names with a verb of saying inside it or an attribution closing it
    /// (`..., but Hale tells the paper there are deeper problems.`, `It was not true that ..., he said.`), as the speaker
    /// of a bare quotation after that sentence in its paragraph.
    mutating func sayingSpeaker(inSentence s: Int) -> Attribution? {
        fillSentenceBuffer(sentences[s], maxTokens: 60)
        Self.dropBracketed(&sentenceBuffer, in: b)
        if let a = sayingSpeaker(sentenceBuffer[...]) { return a }
        return trailingAttribution(s)
    }

    /// `In an invited comment he told DPI that ...`: the subject of a verb of saying inside `tokens`, when it ends in a
    /// pronoun or holds a person entity-tag named (not `to have told`), names an office, or is a body entity-tag found.
    private mutating func sayingSpeaker(_ tokens: ArraySlice<Token>) -> Attribution? {
        if let np = sayingSubjects(tokens).last {
            if let last = tokens.last(where: { $0.kind == .word && $0.end == np.upperBound }), Pronoun(b, last.start..<last.end) != nil {
                return named(last.start..<last.end, cue: nil, direct: true)
            }
            if let person = phrases.personInside(np) { return named(person, cue: nil, direct: true) }
            if phrases.isRole(np) { return named(np, cue: nil, direct: true) } // `the commissioner said it likely would.`
            // `In a statement offering condolences to his family, the JCF said it would ...`: a body entity-tag named.
            if isNamedOrganisation(np) { return named(np, cue: nil, direct: true) }
        }
        return nil
    }

    /// `Player of the match George Moala, who scored a try, was proud to have helped win the game.` before a paragraph of
    /// speech: a person named as the subject of how they felt (`was proud`, `was delighted`), past a relative clause
    /// between commas, speaks the paragraph after.
    private mutating func feelingSpeaker(_ s: Int) -> Attribution? {
        fillSentenceBuffer(sentences[s], maxTokens: 60)
        Self.dropBracketed(&sentenceBuffer, in: b)
        let tokens = sentenceBuffer[...]
        guard let v = tokens.indices.first(where: { tokens[$0].kind == .word && isIn(tokens[$0], lists.feelingVerbs) }), v > tokens.startIndex,
              tokens[(v + 1)...].prefix(2).contains(where: { $0.kind == .word && isIn($0, lists.feelings) }) else { return nil }
        // The subject ends before the verb, or before a relative clause set off by commas.
        var last = v - 1
        if tokens[last].kind == .comma, let open = tokens[..<last].lastIndex(where: { $0.kind == .comma }), open > tokens.startIndex,
           open + 1 < last, isIn(tokens[open + 1], lists.relatives) {
            last = open - 1
        }
        guard tokens[last].kind == .word else { return nil }
        if Pronoun(b, tokens[last].range) == .person, last == tokens.startIndex { return named(tokens[last].range, cue: nil, direct: true) }
        guard tagged, tokens[tokens.startIndex...last].allSatisfy({ $0.kind == .word }) else { return nil }
        let e = entities.firstIndex(startingAtOrAfter: tokens[tokens.startIndex].start)
        guard let p = (e..<entities.count).prefix(6).first(where: { entities[$0].end == tokens[last].end }), entities[p].label == "PERSON"
        else { return nil }
        return named(entities[p].range, cue: nil, direct: true)
    }


    /// A phrase that is an organization entity-tag found, after `the` at most (`the JCF`, `Kent Police`).
    private func isNamedOrganisation(_ np: Range<Int>) -> Bool {
        guard tagged else { return false }
        var start = np.lowerBound
        if np.count > 4, WordSet.lower(b[start]) == 0x74, WordSet.lower(b[start + 1]) == 0x68, WordSet.lower(b[start + 2]) == 0x65,
           b[start + 3] == 0x20 { start += 4 }
        let i = entities.firstIndex(startingAtOrAfter: start)
        return i < entities.count && entities[i].start == start && entities[i].end == np.upperBound && entities[i].label == "ORG"
    }

    /// `The charges relate to damage done in ..., Sergeant Brittany Allan says.`: the speaker of a long sentence
    /// of reported speech whose attribution closes it (`, NAME says.`, `, says NAME.`).
    private mutating func trailingAttribution(_ s: Int) -> Attribution? {
        fillSentenceBuffer(sentences[s], maxTokens: 400)
        Self.dropBracketed(&sentenceBuffer, in: b) // `..., Sergeant Lena Ruiz (pictured) says.`
        var tokens = sentenceBuffer[...]
        while let last = tokens.last, last.kind != .word { tokens.removeLast() }
        guard let comma = tokens.lastIndex(where: { $0.kind != .word }), tokens[comma].kind == .comma,
              tokens.endIndex - comma - 1 >= 2, tokens.endIndex - comma - 1 <= 7 else { return nil }
        let clause = tokens[(comma + 1)...]
        let np: Range<Int>?
        if let last = clause.last, isCue(last), !isParticiple(last) {
            np = phrases.trimNP(clause.dropLast())
        } else if let first = clause.first, isCue(first), !isParticiple(first) {
            np = phrases.trimNP(clause.dropFirst())
        } else {
            return nil
        }
        guard let np, Pronoun(b, np) == nil || Pronoun(b, np) == .person else { return nil }
        guard Pronoun(b, np) != nil || phrases.isRole(np) || referentKinds(np).person else { return nil }
        return named(np, cue: nil, direct: true)
    }
}

extension Attributor {
    /// `the interim chief executive said`, after `Interim chief executive Carol Shillabeer also said`: the person the
    /// text names with the description's own words, right after them (past a title: `Hon.`) or set off before them
    /// (`Carol Shillabeer, the interim chief executive,`). For an office nobody holds by its apposition (`the Minister`
    /// after `Minister without Portfolio in the Ministry of X, Hon. J.C. Hutchinson, says`), also the first person
    /// named in a sentence that the office opens. One named before the description comes first, the nearest. A
    /// possessor's description (`Kanu's lead counsel`) is read by its own words (`lead counsel, Mike Ozekhome`).
    mutating func describedPerson(_ np: Range<Int>, office: Bool) -> Range<Int>? {
        guard tagged else { return nil }
        tokenizer.tokens(np, into: &phraseBuffer)
        let words = phraseBuffer.filter { $0.kind == .word }
        // `the lead counsel`, or a possessor's (`Kanu's lead counsel`), whose last word is an office or a person's noun
        // (not `the company`).
        // (`His Majesty said`: a style, the person the text gave it to.)
        guard words.count >= 2, words.count <= 6, let head = words.last,
              isWord(words[0], "the") || words[0].possessive != 0 || (isWord(words[0], "his") || isWord(words[0], "her")) && isIn(head, lists.styles),
              isIn(head, lists.roles) || isIn(head, lists.personNouns) || isIn(head, lists.styles) else { return nil }
        let key = words.dropFirst().map { Array(b[$0.start..<$0.end]).map(WordSet.lower) }
        let t = wholeDocument()
        var best: (key: (Int, Int), person: Range<Int>)?
        func consider(_ person: Range<Int>, at start: Int) {
            let before = start < np.lowerBound
            let k = (before ? 0 : 1, before ? np.lowerBound - start : start - np.lowerBound)
            if best.map({ k < $0.key }) ?? true { best = (k, person) }
        }
        /// Whether token `k` is the key's word `n`, case folded.
        func matches(_ k: Int, _ n: Int) -> Bool {
            let token = t[k], word = key[n]
            guard token.kind == .word, token.end - token.start == word.count else { return false }
            for j in 0..<word.count where WordSet.lower(b[token.start + j]) != word[j] { return false }
            return true
        }
        var i = 0
        while i + key.count <= t.count {
            defer { i += 1 }
            // (One byte turns most tokens away.)
            guard t[i].kind == .word, WordSet.lower(b[t[i].start]) == key[0][0], t[i].start != words[1].start,
                  (0..<key.count).allSatisfy({ matches(i + $0, $0) }) else { continue }
            let start = t[i].start, end = t[i + key.count - 1].end
            guard !(np.lowerBound..<np.upperBound).contains(start) else { continue }
            // Right after the words: `Interim chief executive Carol Shillabeer`.
            let after = entities.firstIndex(startingAtOrAfter: end)
            if after < entities.count, entities[after].label == "PERSON", entities[after].start - end <= 16,
               !b[end..<entities[after].start].contains(0x0A) {
                consider(entities[after].range, at: start)
                continue
            }
            // Set off before them: `Carol Shillabeer, the interim chief executive`.
            var j = i - 1
            while j >= 0, t[j].kind == .word, isWord(t[j], "the") || isWord(t[j], "its") || isWord(t[j], "a") { j -= 1 }
            if j >= 1, t[j].kind == .comma {
                let e = entities.firstIndex(startingAtOrAfter: t[j - 1].end) - 1
                if e >= 0, entities[e].label == "PERSON", entities[e].end == t[j - 1].end {
                    consider(entities[e].range, at: start)
                    continue
                }
            }
            // An office that opens its sentence, and the first person the sentence names.
            if office, isCapitalized(t[i]), let s = sentenceIndex(start), sentences[s].lowerBound == start
                || i > 0 && t[i - 1].kind == .stop {
                var p = entities.firstIndex(startingAtOrAfter: end)
                while p < entities.count, entities[p].label != "PERSON", entities[p].start < sentences[s].upperBound { p += 1 }
                if p < entities.count, entities[p].label == "PERSON", entities[p].end <= sentences[s].upperBound,
                   entities[p].start - end <= 160 {
                    consider(entities[p].range, at: start)
                }
            }
        }
        return best?.person
    }
}
