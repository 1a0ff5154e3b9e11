import LedeCore
import LedeText
import QuoteLexicon
import QuoteScanning

/// Noun phrases around a quotation: a sentence's subject, apposed names, an office and its holder set off by commas.
extension QuoteText {
    /// The speaker phrase of a run of words: leading connectives and trailing adverbs or auxiliaries dropped.
    package func trimNP(_ words: ArraySlice<Token>) -> Range<Int>? {
        var lo = words.startIndex, hi = words.endIndex
        while lo < hi, words[lo].kind != .word || isIn(words[lo], lists.connectives) { lo += 1 }
        while hi > lo, words[hi - 1].kind != .word || isIn(words[hi - 1], lists.adverbs) || isAdverb(words[hi - 1]) { hi -= 1 }
        // `In Tongan the statement said:`, `On Monday the minister said`: a phrase opening the sentence without its comma
        // is no part of the subject, which starts at its article.
        if hi - lo >= 3, words[lo].kind == .word, isCapitalized(words[lo]), isIn(words[lo], lists.notSubjects),
           let d = words[(lo + 2)..<hi].prefix(3).firstIndex(where: { $0.kind == .word && isIn($0, lists.articles) }), d + 1 < hi,
           words[(lo + 1)..<d].allSatisfy({ $0.kind == .word && !isIn($0, lists.articles) && !looksLikeVerb($0) }) {
            lo = d
        }
        // `Owen Coyle in the post-match press conference said:`, `Ms Reid at the launch said`: a person entity-tag found,
        // then the occasion or the place of the words before the cue; the person speaks.
        if tagged, hi - lo >= 3, let m = words[(lo + 1)..<(hi - 1)].firstIndex(where: { $0.kind != .word || isIn($0, lists.occasionLinks) }),
           words[m].kind == .word, isCapitalized(words[m - 1]), !isCapitalized(words[m + 1]) {
            let e = entities.firstIndex(startingAtOrAfter: words[lo].start)
            if (e..<entities.count).prefix(4).contains(where: { entities[$0].label == "PERSON" && entities[$0].end == words[m - 1].end }) {
                hi = m
            }
        }
        // `K-State Research and Extension Ag and Natural Resources Agent Kelsey Nordyke said`: an office longer than
        // a phrase is, in capitals but for its joiners, before the person entity-tag found; the person speaks.
        if hi - lo > 10, hi - lo <= 20, tagged, words[lo..<hi].allSatisfy({ $0.kind == .word && (isCapitalized($0) || isIn($0, lists.nameParticles)) }) {
            let e = entities.firstIndex(startingAtOrAfter: words[lo].start)
            if let p = (e..<entities.count).first(where: { entities[$0].end >= words[hi - 1].end }), entities[p].label == "PERSON",
               entities[p].end == words[hi - 1].end, words[lo..<hi].contains(where: { $0.start < entities[p].start && isIn($0, lists.roles) }) {
                return entities[p].range
            }
        }
        guard hi > lo, hi - lo <= 10, words[lo..<hi].allSatisfy({ $0.kind == .word }),
              isCapitalized(words[lo]) || !isIn(words[lo], lists.notPhraseStarts) else { // `Will Tan said` is a name
            return nil
        }
        if hi - lo == 1, isIn(words[lo], lists.notSpeakers) { return nil }
        // `A small bakery sent a note that read:`: a described speaker ends before its verb, the lowercase word
        // before its object's determiner, or at a relative pronoun.
        if hi - lo >= 3, isIn(words[lo], lists.articles) {
            for m in (lo + 2)..<hi where !isCapitalized(words[m]) {
                // `The MP was warmly greeted by ...`: nor past a finite verb.
                if isIn(words[m], lists.relatives) || isIn(words[m], lists.finiteVerbs) || isIn(words[m], lists.subordinators) || m + 1 < hi && !isIn(words[m], lists.articles) && !isLink(words[m])
                    && (isIn(words[m + 1], lists.articles) || isWord(words[m + 1], "this") || isWord(words[m + 1], "these")) {
                    hi = m
                    break
                }
            }
        }
        return words[lo].start..<words[hi - 1].end
    }

    /// A preposition, particle or connective, which joins a noun phrase to the phrase after it.
    package func isLink(_ t: Token) -> Bool {
        isIn(t, lists.prepositions) || isIn(t, lists.nameParticles) || isIn(t, lists.connectives) || isIn(t, lists.notSubjects)
            || isIn(t, lists.phraseLinks) || isPossessive(t)
    }

    /// The last `count` comma-separated chunks of `tokens` (`while the patrol's spokesman, Sgt. Dan Miller` of a
    /// longer sentence), for ``apposed(_:)``.
    package func lastChunks(_ tokens: ArraySlice<Token>, _ count: Int) -> ArraySlice<Token> {
        var start = tokens.endIndex, seen = 0
        while start > tokens.startIndex {
            if tokens[start - 1].kind == .comma {
                seen += 1
                if seen == count { break }
            }
            start -= 1
        }
        return tokens[start...]
    }

    /// In `NAME, DESCRIPTION, said`, the name: the nearest comma-separated chunk before the cue that reads as a
    /// proper name (or holds a PERSON or ORG entity), else the chunk that opens the run. A name that ends in an
    /// organisation's word (`Senior Constable Rhea Tamsin, Northvale District Police, says`) is the unit of the
    /// person named before it, who speaks; it is the speaker only when no other chunk is a name.
    package func apposed(_ tokens: ArraySlice<Token>) -> Range<Int>? {
        guard tokens.allSatisfy({ $0.kind == .word || $0.kind == .comma }) else { return nil }
        let chunks = tokens.split { $0.kind == .comma }
        guard !chunks.isEmpty, chunks.count <= 4 else { return nil }
        // `Another representative, Tasik Biru assemblyman Datuk Henry Jinep,`: a description naming no one, then an office
        // in lower case ending in the person entity-tag found.
        if tagged, chunks.count == 2, let last = chunks.last, let first = last.first, let end = last.last,
           case let e = entities.firstIndex(startingAtOrAfter: first.start),
           (e..<entities.count).prefix(4).contains(where: { entities[$0].label == "PERSON" && entities[$0].end == end.end }),
           let head = chunks[0].first, let headEnd = chunks[0].last, personInside(head.start..<headEnd.end) == nil {
            return first.start..<end.end
        }
        for chunk in chunks.reversed() where isName(chunk) && !isOrganisation(chunk) && !isOffice(chunk) && !isOfficeAlone(chunk) { return trimNP(chunk) }
        for chunk in chunks.reversed() where isName(chunk) && !isOffice(chunk) && !isOfficeAlone(chunk) { return trimNP(chunk) }
        return trimNP(chunks[0])
    }

    /// `Director of Public Health` in `Mrs. Jane Doe-Smith, Director of Public Health, said`: an office word and
    /// `of` or `for`, with no person entity-tag found in it, names the office, not its holder.
    /// A party or a grade may stand before the office (`Conservative MP for Calgary Nose Hill`, `Liberal MLA for X`).
    package func isOffice(_ chunk: ArraySlice<Token>) -> Bool {
        guard let role = chunk.prefix(3).firstIndex(where: { $0.kind == .word && isIn($0, lists.roles) && !isIn($0, lists.titles) }),
              chunk[chunk.startIndex..<role].allSatisfy({ $0.kind == .word && isCapitalized($0) }),
              chunk[role...].contains(where: { isWord($0, "of") || isWord($0, "for") }) else { return false }
        return !chunk.contains { $0.kind == .word && startsPerson($0) }
    }

    /// `the don`, `the former lawmaker`: `the`, at most two words in lower case, and one of ``Lists/epithets``.
    package func isEpithet(_ np: Range<Int>) -> Bool {
        // `the ` and a last word from the list, read off the bytes before any token is made: most speakers are neither.
        guard np.count > 5, WordSet.lower(b[np.lowerBound]) == 0x74, WordSet.lower(b[np.lowerBound + 1]) == 0x68,
              WordSet.lower(b[np.lowerBound + 2]) == 0x65, b[np.lowerBound + 3] == 0x20 else { return false }
        var lastStart = np.upperBound
        while lastStart > np.lowerBound, b[lastStart - 1] != 0x20 { lastStart -= 1 }
        guard lists.epithets.contains(b, lastStart..<np.upperBound) else { return false }
        let words = tokenizer.tokens(np)
        guard words.count >= 2, words.count <= 5, words.allSatisfy({ $0.kind == .word }), isWord(words[0], "the"),
              isIn(words[words.count - 1], lists.epithets), !isCapitalized(words[words.count - 1]) else { return false }
        // Its modifiers may be in capitals (`the Welsh Conservative politician`, `the Chelsea striker`); its noun is
        // not (`the Star`, a newspaper).
        return words.dropFirst().allSatisfy { !isIn($0, lists.prepositions) && !isPossessive($0) }
    }

    /// `the 29-year-old Dane`, `the 52-year-old veteran`: `the`, an age in years and one noun naming a person by
    /// nationality (in capitals) or by one of ``Lists/epithets`` (in lower case), as a text names again someone it has
    /// just named. (Not `the 45-year-old victim`, whom the text may never have named.)
    package func isAgeEpithet(_ np: Range<Int>) -> Bool {
        // `the ` and a digit, read off the bytes before any token is made.
        guard np.count > 16, np.count <= 40, WordSet.lower(b[np.lowerBound]) == 0x74, b[np.lowerBound + 3] == 0x20,
              WordScanner.isDigit(b[np.lowerBound + 4]) else { return false }
        let words = tokenizer.tokens(np)
        guard words.count == 3, words.allSatisfy({ $0.kind == .word }), isWord(words[0], "the") else { return false }
        let age = words[1], noun = words[2]
        var d = age.start
        while d < age.end, WordScanner.isDigit(b[d]) { d += 1 }
        let suffix = Array("-year-old".utf8)
        guard d > age.start, d - age.start <= 3, age.end - d == suffix.count,
              (0..<suffix.count).allSatisfy({ WordSet.lower(b[d + $0]) == suffix[$0] }) else { return false }
        if isCapitalized(noun) { return !isAcronymLike(noun) && !isIn(noun, lists.roles) && !startsPerson(noun) }
        return isIn(noun, lists.epithets)
    }

    /// `Artistic Director` in `Kate Champion, Artistic Director said:`: capitalized words ending in an office's word,
    /// with no person entity-tag found in them, name the office, not its holder.
    package func isOfficeAlone(_ chunk: ArraySlice<Token>) -> Bool {
        guard let last = chunk.last, last.kind == .word, isIn(last, lists.roles), !isIn(last, lists.postNominals),
              !isIn(last, lists.titles) || chunk.count >= 2, chunk.allSatisfy({ $0.kind == .word && isCapitalized($0) }) else { return false }
        return !chunk.contains { $0.kind == .word && startsPerson($0) }
    }

    /// Whether a phrase ends in a word that names an organisation or a unit of one (`Police`, `Ministry`, `Ltd`).
    package func isOrganisation(_ chunk: ArraySlice<Token>) -> Bool {
        guard let last = chunk.last(where: { $0.kind == .word }) else { return false }
        return isIn(last, lists.orgSuffixes) || isIn(last, lists.units)
    }

    /// How far the comma ending a leading phrase may be: nine tokens, sixteen after a participle or when the phrase
    /// names the words' source (`In a statement issued by the ministry's press office on Sunday, the ministry said`).
    package func leadingPhraseReach(_ phrase: ArraySlice<Token>) -> Int {
        if isParticiple(phrase[phrase.startIndex]) { return 16 }
        let source = phrase.dropFirst().prefix(3).contains { $0.kind == .word && (isIn($0, lists.writtenStatements) || isWord($0, "interview")) }
        return source ? 16 : 9
    }

    /// The subject that opens a sentence: a name with its titles (`Culture Minister Kang Hye-rim thanked ...`,
    /// `Council member Choi Soo-ah of the Democratic Party, ...`), a determiner and its noun (`Its floor
    /// leader on the council ...`), or the source of an opening `According to X,`.
    package func subject(of sentence: ArraySlice<Token>) -> Range<Int>? {
        var start = sentence.startIndex
        // A dateline (`JOHOR BAHRU:`, `SINGAPORE —`) is no subject.
        if let sep = sentence.prefix(4).firstIndex(where: { $0.kind == .colon || $0.kind == .dash }), sep > start,
           sentence[start..<sep].allSatisfy({ $0.kind == .word && isAcronymLike($0) }) { start = sep + 1 }
        if sentence.endIndex > start + 2, sentence[start + 1].kind == .comma, isIn(sentence[start], lists.connectives) { start += 2 } // `Earlier, ...`
        // `But Luxon said ...`: a conjunction that joins the sentence to the one before.
        if sentence.endIndex > start + 1, sentence[start].kind == .word, sentence[start + 1].kind == .word,
           isIn(sentence[start], lists.connectives), !isIn(sentence[start], lists.subordinators) { start += 1 }
        // `In the same interview, Mr Hartley ...`, `Reacting to the press talk of Mr Khan, Ms Qureshi ...`: a leading
        // phrase and its comma.
        if start < sentence.endIndex, !isWord(sentence[start], "according"),
           isIn(sentence[start], lists.notSubjects) || isLeadingParticiple(sentence[start]),
           let comma = sentence[start...].prefix(leadingPhraseReach(sentence[start...])).firstIndex(where: { $0.kind == .comma }),
           sentence[start..<comma].allSatisfy({ $0.kind == .word }) { start = comma + 1 }
        // `Reluctant to answer, Khattar ended ...`, `Unable to attend, the minister ...`: an adjective and its
        // infinitive, up to their comma.
        if start + 1 < sentence.endIndex, sentence[start].kind == .word, isCapitalized(sentence[start]), sentence[start + 1].kind == .word,
           isWord(sentence[start + 1], "to"), !isWord(sentence[start], "according"), entityLabel(at: sentence[start].start) == nil,
           let comma = sentence[start...].prefix(16).firstIndex(where: { $0.kind == .comma }),
           sentence[start..<comma].allSatisfy({ $0.kind == .word }) { start = comma + 1 }
        // `The next day, The Australian's Caroline Overton ...`: a time and its comma.
        if let comma = sentence[start...].prefix(4).firstIndex(where: { $0.kind == .comma }), comma > start + 1,
           isIn(sentence[start], lists.determiners), isIn(sentence[comma - 1], lists.timeNouns),
           sentence[start..<comma].allSatisfy({ $0.kind == .word }) { start = comma + 1 }
        let words = sentence[start...].prefix { $0.kind == .word }
        let w = words.startIndex
        guard let first = words.first else { return nil }
        if words.count >= 3, isWord(words[w], "according"), isWord(words[w + 1], "to") { return trimNP(words[(w + 2)...]) }
        // `Minister of Health, Emais Roberts thanked ...`: an office, a comma, and the person entity-tag found there.
        if tagged, words.endIndex + 1 < sentence.endIndex, sentence[words.endIndex].kind == .comma, isOffice(words) || isOfficeAlone(words),
           case let e = entities.firstIndex(startingAtOrAfter: sentence[words.endIndex + 1].start), e < entities.count,
           entities[e].start == sentence[words.endIndex + 1].start, entities[e].label == "PERSON" {
            return entities[e].range
        }
        guard !isIn(first, lists.notSubjects), !isParticiple(first) || entityLabel(at: first.start) == "PERSON", !looksLikeVerb(first) else {
            return nil
        }
        if Pronoun(b, first.range) != nil { return first.range } // `However, he said ...`
        var end = w
        if isIn(first, lists.determiners) {
            end = w + 1
            while end < words.endIndex, end - w < 6, !isIn(words[end], lists.adverbs),
                  isWord(words[end], "of") || !isIn(words[end], lists.prepositions),
                  !isCue(words[end]), !looksLikeVerb(words[end]) {
                end += 1
                // `The Chhattisgarh CM hit back`: the office ends the phrase before a lowercase verb.
                if end < words.endIndex, isIn(words[end - 1], lists.roles) || isIn(words[end - 1], lists.personNouns),
                   !isCapitalized(words[end]), !isIn(words[end], lists.prepositions), !isIn(words[end], lists.roles),
                   !isIn(words[end], lists.personNouns) { break }
                // `The Herald's Alexandra Smart said`: after a possessive, the name runs while it is capitalized.
                if end < words.endIndex, !isCapitalized(words[end]), words[(w + 1)..<end].contains(where: { isPossessive($0) }) { break }
            }
        } else if isCapitalized(first), !isIn(first, lists.connectives) {
            while end < words.endIndex {
                let word = words[end]
                let next = end + 1 < words.endIndex ? words[end + 1] : nil
                if isCapitalized(word) || (isIn(word, lists.personNouns) && next.map { isCapitalized($0) } == true) {
                    end += 1
                } else if let role = words[end...].prefix(4).indices.first(where: {
                              (isIn(words[$0], lists.roles) || isIn(words[$0], lists.personNouns)) && $0 + 1 < words.endIndex && isCapitalized(words[$0 + 1])
                          }),
                          words[end..<role].allSatisfy({ !isCapitalized($0) && !isCue($0) && !looksLikeVerb($0) }) {
                    end = role + 1 // `ANC national spokesperson Mahlengi Buthelezi-Mokoena`
                } else if let next, isIn(word, lists.nameParticles), isCapitalized(next) || isIn(next, lists.nameParticles) {
                    end += 1
                } else {
                    break
                }
            }
        }
        guard end > w else { return nil }
        // `Council member Choi Soo-ah of the Democratic Party`: the person is the part before `of`.
        // (`Union Minister for Information M. Venkatesh Naidu` keeps its name, which follows the office.)
        if let p = words[..<end].firstIndex(where: { isIn($0, lists.prepositions) }), p - w >= 2, isCapitalized(words[p - 1]),
           !words[p..<end].contains(where: { isInitial($0) }) {
            end = p
        }
        return trimNP(words[w..<end])
    }

    /// `"...," Dana Reyes, board treasurer said.`: a name, a comma and an office with the comma that would close it
    /// left out, right before the cue. The name is the speaker; it must read as a name (capitals, or a person
    /// entity-tag found) and the office must end in an office's word, in at most four words and with no verb.
    package func nameThenOffice(_ words: ArraySlice<Token>) -> Range<Int>? {
        guard let comma = words.firstIndex(where: { $0.kind == .comma }), comma > words.startIndex,
              words.endIndex - comma - 1 >= 1, words.endIndex - comma - 1 <= 4,
              words[(comma + 1)...].allSatisfy({ $0.kind == .word && !looksLikeVerb($0) && !isCue($0) && Pronoun(b, $0.range) == nil }),
              let last = words.last, isIn(last, lists.roles), !isIn(last, lists.titles) else { return nil }
        let name = words[..<comma]
        guard name.count <= 4, name.allSatisfy({ $0.kind == .word && isCapitalized($0) && !isIn($0, lists.roles) }),
              isName(name) || name.contains(where: { startsPerson($0) }) else { return nil }
        return name.first!.start..<name.last!.end
    }

    /// `She turned back toward Mayor Larry Hart and`: the subject before the first verb in the past tense of the clause
    /// that a cue after `and` continues (past an adjective in -ed: `The retired nurse turned ...`); `.some(nil)` when a
    /// verb is there but no speaker before it (`one politely turned to ...`), so the words are no speaker.
    package func subjectBeforeVerb(_ words: ArraySlice<Token>) -> Range<Int>?? {
        for v in words.indices.dropFirst() where words[v].kind == .word && looksLikeVerb(words[v]) && !isCapitalized(words[v]) {
            if let np = trimNP(words[..<v]) { return .some(np) }
            // (An adjective in -ed follows a determiner; a verb does not, and its subject is then no speaker.)
            if !isIn(words[v - 1], lists.determiners) { return .some(nil) }
        }
        return nil
    }

    /// `Agent Jo Hale spoke to reporters` before `and said "..."`: the subject before the clause's first verb, a verb in
    /// the past tense or one of speaking (`spoke`, `met`, `told`), when that subject is a person entity-tag found or a
    /// capitalized name. Nil when no such verb is there, or the words before it are no name.
    package func subjectBeforeAnd(_ words: ArraySlice<Token>) -> Range<Int>? {
        guard let v = words.indices.dropFirst().first(where: { words[$0].kind == .word && !isCapitalized(words[$0])
            && (looksLikeVerb(words[$0]) || isIn(words[$0], lists.speechActs) || isIn(words[$0], lists.pressVerbs)) }),
              v - words.startIndex <= 6, words[..<v].allSatisfy({ $0.kind == .word }), let np = trimNP(words[..<v]),
              personInside(np) != nil || isName(words[..<v].suffix(2)) && isCapitalized(words[words.startIndex]) else { return nil }
        return np
    }

    /// An office, a comma and the person entity-tag found, to the end of `tokens`: `Deputy Police Commissioner, Leiataua
    /// Salote Vaai` or `the Provincial Commissioner of the Western Cape police, Lt Gen Thabo Ndlovu` give the person
    /// with their titles and the office as the title (`office`); an office whose portfolios are listed with commas
    /// (`Minister for Agriculture, Food and the Marine Charlie Doyle`) gives the whole run, which `describeName`
    /// splits. The office opens with capitals (after `the` at most) and holds an office's word.
    package func officeThenName(_ tokens: ArraySlice<Token>) -> (speaker: Range<Int>, office: Range<Int>?)? {
        guard tagged, tokens.count >= 3, let first = tokens.first, first.kind == .word, let last = tokens.last, last.kind == .word,
              tokens.allSatisfy({ $0.kind == .word || $0.kind == .comma }) else { return nil }
        let chunks = tokens.split(omittingEmptySubsequences: false) { $0.kind == .comma }
        guard chunks.count >= 2, chunks.count <= 5, chunks.allSatisfy({ !$0.isEmpty }), let head = chunks.first, let tail = chunks.last
        else { return nil }
        let office = isWord(first, "the") ? head.dropFirst() : head
        // (An office in lower case, `council member`, only when it ends in its office's word and the person alone follows.)
        let lowered = chunks.count == 2 && office.count <= 3 && office.last.map({ isIn($0, lists.roles) }) == true
        guard let o = office.first, isCapitalized(o) || lowered, office.contains(where: { isIn($0, lists.roles) }),
              !office.contains(where: { isPossessive($0) || isCue($0) || startsPerson($0) }) else { return nil } // not `Hon. Kwame Asare, the MP`
        var i = entities.firstIndex(startingAtOrAfter: tail[tail.startIndex].start)
        while i < entities.count, entities[i].end < last.end { i += 1 }
        guard i < entities.count, entities[i].label == "PERSON", entities[i].end == last.end,
              let p = tail.firstIndex(where: { $0.start == entities[i].start }) else { return nil }
        // `..., Lt Gen Thabo Ndlovu`: the last chunk is the person and their titles.
        if tail[..<p].allSatisfy({ isIn($0, lists.roles) || isIn($0, lists.titles) }) {
            // After `of`, the body or place may be in lower case (`the Cathaoirleach of the district`).
            let of = office.firstIndex(where: { isWord($0, "of") }) ?? office.endIndex
            // (`Secretary, Rural Fisheries Organization in Ratgama Wella, A. Wanniarachchi`: the office, the body it is of
            // set off by a comma, then the person.)
            let body = chunks.count == 3 ? chunks[1] : nil
            guard chunks.count == 2 || body.map({ c in isCapitalized(c[c.startIndex]) && c.allSatisfy({ isCapitalized($0)
                    || isIn($0, lists.nameParticles) || isWord($0, "in") || isWord($0, "of") || isWord($0, "for") || isWord($0, "and") })
                  }) == true,
                  lowered || office[..<of].allSatisfy({ isCapitalized($0) || isIn($0, lists.nameParticles) || isIn($0, lists.units) })
            else { return nil }
            let officeEnd = body.map { $0[$0.endIndex - 1].end } ?? head[head.endIndex - 1].end
            return (tail[tail.startIndex].start..<last.end, head[head.startIndex].start..<officeEnd)
        }
        // `Minister for Agriculture, Food and the Marine Charlie Doyle`: portfolios in capitals, then the person.
        guard chunks.dropFirst().allSatisfy({ $0.allSatisfy { isCapitalized($0) || isIn($0, lists.nameParticles) } }),
              !isWord(first, "the") else { return nil }
        return (first.start..<last.end, nil)
    }

    /// Whether the verb at `v` ends the attribution after a quotation: nothing follows it but where the words were said
    /// (`in a statement`), or a particle of the verb (`he pointed out`, `she shot back`) and that.
    package func endsAttribution(_ after: ArraySlice<Token>, verb v: Int) -> Bool {
        var k = v + 1
        if k < after.endIndex, after[k].kind == .word, isWord(after[k], "out") || isWord(after[k], "back") { k += 1 }
        return k == after.endIndex || after[k].kind != .word || saysWhere(after[k...])
    }

    /// `in a written statement`, `in an email`, `on Facebook`: where words were said, ending the attribution.
    package func saysWhere(_ words: ArraySlice<Token>) -> Bool {
        guard let first = words.first, first.kind == .word, isWord(first, "in") || isWord(first, "on") || isWord(first, "via"),
              words.count <= 5 else { return false }
        return words.allSatisfy { $0.kind == .word }
    }

    /// `she`, `they` or a capitalized name of up to four words, alone before a verb: a subject that needs no
    /// cue verb to be the speaker of the quotation before it.
    package func isBareSubject(_ words: ArraySlice<Token>) -> Bool {
        guard !words.isEmpty, words.count <= 4, words.allSatisfy({ $0.kind == .word && !isCue($0) }) else { return false }
        if words.count == 1, let pronoun = Pronoun(b, words[words.startIndex].range) { return pronoun == .person || pronoun == .plural }
        return words.allSatisfy { isCapitalized($0) && Pronoun(b, $0.range) == nil && !isIn($0, lists.determiners) }
    }

    /// `Her verdict`, `His message to voters`, `Their reply`: the possessive pronoun of a phrase whose head is a noun
    /// of speech.
    package func possessorOfSpeech(_ np: Range<Int>) -> (range: Range<Int>, pronoun: Pronoun, female: Bool)? {
        let words = tokenizer.tokens(np).filter { $0.kind == .word }
        guard words.count == 2, isIn(words[1], lists.speechNouns) else { return nil }
        if isWord(words[0], "his") { return (words[0].range, .person, false) }
        if isWord(words[0], "her") { return (words[0].range, .person, true) }
        if isWord(words[0], "their") { return (words[0].range, .plural, false) }
        return nil
    }

    /// Whether the subject of a sentence before a colon can be a speaker: anything but a phrase whose last
    /// word is a lowercase noun naming no person, group or office (`the question was posed:`).
    package func canSpeak(_ np: Range<Int>) -> Bool {
        guard let last = tokenizer.tokens(np).last(where: { $0.kind == .word }) else { return false }
        if isCapitalized(last) || Pronoun(b, last.range) != nil { return true }
        return isIn(last, lists.personNouns) || isIn(last, lists.groupNouns) || isIn(last, lists.roles)
            || (last.end - last.start > 3 && b[last.end - 1] == 0x73) // `the residents`, `officials`
    }
}
