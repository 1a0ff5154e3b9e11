import LedeCore
import LedeText
import QuoteLexicon
import QuoteScanning

/// What a token is (a cue, a capitalized word, an initial, a plural) and how a quotation sits in its paragraph.
extension Attributor {
    func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }
    func text(_ t: Token) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[t.range]), as: UTF8.self) }
    func isCue(_ t: Token) -> Bool { cues.contains(b, t.range) }
    func isIn(_ t: Token, _ set: WordSet) -> Bool { set.contains(b, t.range) }

    func isWord(_ t: Token, _ word: StaticString) -> Bool {
        guard t.end - t.start == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<word.utf8CodeUnitCount where WordSet.lower(b[t.start + k]) != w[k] { return false }
        return true
    }

    /// A capitalized participle opening a sentence (`Speaking to reporters, ...`), not a name in -ing that entity-tag
    /// called a person (`Aisling Byrne`, `Fleming`).
    func isLeadingParticiple(_ t: Token) -> Bool {
        isParticiple(t) && isCapitalized(t) && entityLabel(at: t.start) != "PERSON"
    }

    func isParticiple(_ t: Token) -> Bool {
        t.end - t.start > 4 && b[t.end - 3] == 0x69 && b[t.end - 2] == 0x6E && b[t.end - 1] == 0x67
    }

    /// An ASCII capital, or a Latin-1 one (`Ó`, `É`).
    func isCapitalized(_ t: Token) -> Bool {
        let c = b[t.start]
        return (c >= 0x41 && c <= 0x5A) || (c == 0xC3 && t.start + 1 < t.end && b[t.start + 1] >= 0x80 && b[t.start + 1] <= 0x9E)
    }

    /// A lowercase word in -ly (`diplomatically`) between a speaker and the cue.
    func isAdverb(_ t: Token) -> Bool {
        t.end - t.start > 4 && b[t.start] >= 0x61 && b[t.start] <= 0x7A && b[t.end - 2] == 0x6C && b[t.end - 1] == 0x79
    }

    /// A word in capitals (`JOHOR`, `SINGAPORE`), as datelines are written.
    func isAcronymLike(_ t: Token) -> Bool {
        t.end - t.start >= 2 && b[t.range].allSatisfy { !($0 >= 0x61 && $0 <= 0x7A) } && isCapitalized(t)
    }

    /// An initial: one capital, with or without its period (`M.`, `V`).
    func isInitial(_ t: Token) -> Bool {
        let n = t.end - t.start
        return (n == 1 || (n == 2 && b[t.start + 1] == 0x2E)) && b[t.start] >= 0x41 && b[t.start] <= 0x5A
    }

    /// An acronym (`ANC`, `BBC`): two to six capitals.
    func isAcronym(_ t: Token) -> Bool {
        let n = t.end - t.start
        guard n >= 2, n <= 6 else { return false }
        return b[t.range].allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }

    func isPlural(_ t: Token) -> Bool {
        let n = t.end - t.start
        guard n > 3 else { return false }
        let last = b[t.end - 1], before = b[t.end - 2]
        return last == 0x73 && before != 0x73 && before != 0x75 && before != 0x69 // -s, not -ss, -us, -is
    }

    func looksLikeVerb(_ t: Token) -> Bool {
        t.end - t.start > 3 && b[t.end - 2] == 0x65 && b[t.end - 1] == 0x64 // -ed
    }

    func isName(_ chunk: ArraySlice<Token>) -> Bool {
        // `Rep. Jane Doherty, D-Springfield, said`: a US party and district is no name.
        if chunk.count == 1, isPartyDesignation(chunk[chunk.startIndex]) { return false }
        guard let first = chunk.first, isCapitalized(first), !isIn(first, lists.determiners) else {
            return chunk.first.map { t in entityLabel(at: t.start).map { ["PERSON", "ORG"].contains($0) } ?? false } ?? false
        }
        return chunk.allSatisfy { isCapitalized($0) || isIn($0, lists.nameParticles) }
    }

    /// `D-Springfield`, `R-Texas`, `I-Vt.`: a party's initial, a hyphen and a capitalized place.
    func isPartyDesignation(_ t: Token) -> Bool {
        t.end - t.start >= 4 && (b[t.start] == 0x44 || b[t.start] == 0x52 || b[t.start] == 0x49) && b[t.start + 1] == 0x2D
            && b[t.start + 2] >= 0x41 && b[t.start + 2] <= 0x5A
    }

    func entityLabel(at offset: Int) -> String? {
        let i = entities.firstIndex(startingAtOrAfter: offset)
        return i < entities.count && entities[i].start == offset ? entities[i].label : nil
    }

    func startsCapitalized(_ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound, !Tokenizer.isLetterOrDigit(b[i]) { i += 1 }
        return i < r.upperBound && b[i] >= 0x41 && b[i] <= 0x5A
    }

    /// Whether a quotation's content ends a sentence (`.`, `?`, `!` or `…` as its last mark).
    func endsSentence(_ r: Range<Int>) -> Bool {
        var i = r.upperBound - 1
        while i >= r.lowerBound, TextLayout.isSpace(b[i]) { i -= 1 }
        guard i >= r.lowerBound else { return false }
        let c = b[i]
        return c == 0x2E || c == 0x3F || c == 0x21 || (c == 0xA6 && i >= 2 && b[i - 1] == 0x80 && b[i - 2] == 0xE2)
    }

    mutating func wordCount(_ r: Range<Int>) -> Int {
        tokenizer.tokens(r, into: &phraseBuffer)
        return phraseBuffer.reduce(0) { $0 + ($1.kind == .word ? 1 : 0) }
    }

    /// The index of the last sentence of paragraph `p` when the paragraph ends with a colon, or with a comma
    /// after a verb of saying (`Keir Starmer said,` and the speech in the next paragraph).
    func endsWithColon(_ p: Int) -> Int? {
        var e = paragraphs[p].upperBound
        while e > paragraphs[p].lowerBound, TextLayout.isSpace(b[e - 1]) { e -= 1 }
        guard e > paragraphs[p].lowerBound, b[e - 1] == 0x3A || b[e - 1] == 0x2C, let s = sentenceIndex(e - 1),
              sentences[s].lowerBound >= paragraphs[p].lowerBound
        else { return nil }
        if b[e - 1] == 0x2C {
            var w = e - 1
            while w > sentences[s].lowerBound, Tokenizer.isLetterOrDigit(b[w - 1]) { w -= 1 }
            guard w < e - 1, cues.contains(b, w..<(e - 1)) else { return nil }
        }
        return s
    }

    /// Removes the tokens between round brackets, the brackets included. Static, so that handing it a buffer
    /// of the Attributor does not copy the Attributor (see `fillSentenceBuffer`).
    static func dropBracketed(_ beforeBuffer: inout [Token], in b: UnsafeBufferPointer<UInt8>) {
        guard beforeBuffer.contains(where: { $0.kind == .other && b[$0.start] == 0x28 }) else { return }
        var kept = 0
        var depth = 0
        for i in beforeBuffer.indices {
            let t = beforeBuffer[i]
            if t.kind == .other, b[t.start] == 0x28 { depth += 1; continue }
            if t.kind == .other, b[t.start] == 0x29, depth > 0 { depth -= 1; continue }
            if depth == 0 {
                beforeBuffer[kept] = t
                kept += 1
            }
        }
        beforeBuffer.removeLast(beforeBuffer.count - kept)
    }

    /// Whether a full stop stands right after the closing mark (`"... the party".`, British style).
    /// Whether the words after a fragment are its attribution and nothing else: a cue first (`said Ms Ng`), or a
    /// short subject and its cue (`the Front said`), not a new clause (`while the patrol's spokesman, NAME,
    /// tweeted ...`, whose cue belongs to what follows).
    func handsOver(_ after: ArraySlice<Token>) -> Bool {
        guard let first = after.first, first.kind == .word, !isIn(first, lists.subordinators), !isIn(first, lists.connectives) else {
            return false
        }
        if isCue(first) { return true }
        guard let c = after.prefix(6).firstIndex(where: { $0.kind == .word && isCue($0) }) else { return false }
        return after[..<c].allSatisfy { $0.kind == .word }
    }

    /// Whether a comma ends the quotation, inside its closing mark or right after it (`"...,"` or `"...",`).
    func endsWithComma(_ q: Quotation) -> Bool {
        var i = q.content.upperBound - 1
        while i >= q.content.lowerBound, TextLayout.isSpace(b[i]) { i -= 1 }
        return (i >= q.content.lowerBound && b[i] == 0x2C) || (q.close < b.count && b[q.close] == 0x2C)
    }

    func stopFollows(_ q: Quotation) -> Bool {
        q.close < b.count && (b[q.close] == 0x2E || b[q.close] == 0x3F || b[q.close] == 0x21)
    }

    /// A short single-quoted phrase standing alone as a paragraph, with no full stop (`'Height of
    /// irresponsibility'`): a subheading pulled from the text, not speech.
    mutating func isSubheading(_ q: Quotation) -> Bool {
        let mark = b[q.open]
        guard mark == 0x27 || (mark == 0xE2 && b[q.open + 2] == 0x98), q.firstParagraph == q.lastParagraph,
              opensParagraph(q), closesParagraph(q), !endsSentence(q.content), !stopFollows(q) else { return false }
        return wordCount(q.content) <= 8
    }

    /// The speaker of a bare quotation that follows a sentence of its paragraph about a person: that
    /// sentence's subject, when it names a person or an office someone holds.
    mutating func subjectBefore(_ q: Quotation, through: Int) -> Attribution? {
        // The sentence is found by its full stops, so that a document without a sentence layer gets it too.
        fillSentenceBuffer(paragraphs[q.firstParagraph].lowerBound..<q.open, keepingFrom: through)
        guard var end = sentenceBuffer.indices.last, sentenceBuffer[end].kind == .stop else { return nil }
        var start = (sentenceBuffer[..<end].lastIndex { $0.kind == .stop } ?? -1) + 1
        let closing = sentenceBuffer[end].start
        // `Lyonchoen Tshering Tobgay answers calmly. There will be money for fencing. Power tillers will be supplied. “...”`:
        // sentences that name no one between the person and the quotation report what the person said.
        for _ in 0..<3 {
            guard start > 0, sentenceBuffer[start..<end].allSatisfy({ $0.kind != .word || Pronoun(b, $0.range) == nil }),
                  personInside(sentenceBuffer[start].start..<sentenceBuffer[end].end) == nil,
                  subject(of: sentenceBuffer[start..<end]).map({ Pronoun(b, $0) == nil && !isRole($0) && !referentKinds($0).person }) ?? true
            else { break }
            end = start - 1
            start = (sentenceBuffer[..<end].lastIndex { $0.kind == .stop } ?? -1) + 1
        }
        if let np = subject(of: sentenceBuffer[start..<end]), Pronoun(b, np) == .person || isRole(np) || referentKinds(np).person {
            let saved = speakers
            let a = named(np, cue: nil, direct: true)
            if a.resolved { return a }
            speakers = saved
        }
        return reportingSentence(closing: closing)
    }

    /// `..., but Hale tells the paper there are deeper problems. “...”`, `It was not true that ..., he said. “...”`: the
    /// speaker the sentence right before a bare quotation in its paragraph reports, by a verb of saying inside it or an
    /// attribution closing it, when its subject is no one.
    private mutating func reportingSentence(closing stop: Int) -> Attribution? {
        guard let s = sentenceIndex(stop), sentences[s].upperBound >= stop else { return nil }
        let saved = speakers
        if let a = sayingSpeaker(inSentence: s), a.speaker != nil, a.resolved { return a }
        speakers = saved
        return nil
    }

    func opensParagraph(_ q: Quotation) -> Bool {
        var i = paragraphs[q.firstParagraph].lowerBound
        while i < q.open, TextLayout.isSpace(b[i]) { i += 1 }
        return i == q.open
    }

    func closesParagraph(_ q: Quotation) -> Bool {
        var i = q.close
        let end = paragraphs[q.lastParagraph].upperBound
        while i < end, TextLayout.isSpace(b[i]) || b[i] == 0x2E { i += 1 }
        return i == end
    }
}
