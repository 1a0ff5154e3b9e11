import LedeCore
import LedeText
import QuoteLexicon
import QuotePhrases
import QuoteScanning

/// How a quotation sits in its paragraph, and the token tests the attributor reads most, forwarded to its text.
extension Attributor {
    // The commonest token tests, forwarded to the text (whose phrase readers are called on it by name).
    func text(_ r: Range<Int>) -> String { phrases.text(r) }
    func text(_ t: Token) -> String { phrases.text(t) }
    func isCue(_ t: Token) -> Bool { phrases.isCue(t) }
    func isIn(_ t: Token, _ set: WordSet) -> Bool { phrases.isIn(t, set) }
    func isWord(_ t: Token, _ word: StaticString) -> Bool { phrases.isWord(t, word) }
    func isCapitalized(_ t: Token) -> Bool { phrases.isCapitalized(t) }
    func isParticiple(_ t: Token) -> Bool { phrases.isParticiple(t) }
    func looksLikeVerb(_ t: Token) -> Bool { phrases.looksLikeVerb(t) }
    func isPossessive(_ t: Token) -> Bool { phrases.isPossessive(t) }

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

    /// A short single-quoted phrase standing alone as a paragraph, with no full stop (`'Height of
    /// irresponsibility'`): a subheading pulled from the text, not speech.
    mutating func isSubheading(_ q: Quotation) -> Bool {
        let mark = b[q.open]
        guard mark == 0x27 || (mark == 0xE2 && b[q.open + 2] == 0x98), q.firstParagraph == q.lastParagraph,
              opensParagraph(q), closesParagraph(q), !phrases.endsSentence(q.content), !phrases.stopFollows(q) else { return false }
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
                  phrases.personInside(sentenceBuffer[start].start..<sentenceBuffer[end].end) == nil,
                  phrases.subject(of: sentenceBuffer[start..<end]).map({ Pronoun(b, $0) == nil && !phrases.isRole($0) && !referentKinds($0).person }) ?? true
            else { break }
            end = start - 1
            start = (sentenceBuffer[..<end].lastIndex { $0.kind == .stop } ?? -1) + 1
        }
        if let np = phrases.subject(of: sentenceBuffer[start..<end]), Pronoun(b, np) == .person || phrases.isRole(np) || referentKinds(np).person {
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
