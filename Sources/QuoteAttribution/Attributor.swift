import LedeCore
import LedeText
import QuoteLexicon
import QuotePhrases
import QuoteScanning


/// Attributes a document's paired quotations: kind, cue, speaker, and the referent of a pronoun speaker.
///
/// It reads only the few words around each quotation (and, to resolve a pronoun, the sentences before
/// it), so its cost follows the number of quotations, not the length of the text.
package struct Attributor {
    /// The text read word by word: token tests and the phrases they build, which hold no state of their own.
    let phrases: QuoteText
    // The text's fields, stored here as well: read through `phrases` while a buffer of the Attributor is passed
    // `inout` (`tokenizer.tokens(r, into: &phraseBuffer)`), each read made Swift copy the whole Attributor.
    let b: UnsafeBufferPointer<UInt8>
    let tokenizer: Tokenizer
    let cues: WordSet
    let lists: Lists
    let entities: [Span]
    /// Whether entity-tag ran before: its entities then say who is a person, where capitals alone do not.
    let tagged: Bool
    let minDirectWords: Int
    let paragraphs: [Range<Int>]
    /// The quotations; one that two speakers share over a paragraph break is split in two.
    private(set) var quotes: [Quotation]
    /// Paragraphs where a quotation was split because its closing mark was missing.
    package private(set) var splitParagraphs: [Int] = []
    /// Sentences, or paragraphs when the document has no sentence layer.
    let sentences: [Range<Int>]

    /// What was decided for each quotation so far.
    var results: [Attribution] = []
    /// Speakers named so far (not pronouns), sorted by start, for pronoun resolution.
    var speakers: [Range<Int>] = []
    /// Each sentence's opening subject (nil until looked for) and its other referent candidates, sorted,
    /// found at most once per document.
    var openers: [Range<Int>??] = []
    var candidates: [[Range<Int>]?] = []
    /// Each sentence's subjects of verbs of saying outside quotations, in order, found at most once per document.
    var cueSubjects: [[Range<Int>]?] = []
    /// Token storage reused for the sentences searched for referents.
    var sentenceBuffer: [Token] = []
    /// The whole document's tokens, read once, for what looks over all of it (holders of offices, descriptions).
    var documentTokens: [Token]?
    /// Token storage reused for every quotation's context.
    /// Quotations whose speaker a name alone on the line above gave (``speakerLabel(over:)``): speech however short.
    private var labelled: Set<Int> = []
    private var beforeBuffer: [Token] = []
    private var afterBuffer: [Token] = []
    /// Token storage for the phrases weighed as referents and the quotations whose words are counted.
    var phraseBuffer: [Token] = []
    /// Role holders (`Chief Minister Eknath Shelke`) and full names by surname, found once per document.
    var holders: [RoleHolder]?
    var fullNames: [String: Range<Int>?] = [:]
    /// The content of the quotation being attributed: a person it names by surname is no referent of `he` or `she`.
    var attributing: Range<Int>?

    package init(b: UnsafeBufferPointer<UInt8>, tokenizer: Tokenizer, cues: WordSet, minDirectWords: Int, paragraphs: [Range<Int>],
         quotes: [Quotation], sentences: [Range<Int>], entities: [Span], tagged: Bool = false, lists: Lists) {
        self.phrases = QuoteText(b: b, tokenizer: tokenizer, cues: cues, lists: lists, entities: entities, tagged: tagged)
        self.b = b
        self.tokenizer = tokenizer
        self.cues = cues
        self.lists = lists
        self.entities = entities
        self.tagged = tagged
        self.minDirectWords = minDirectWords
        self.paragraphs = paragraphs
        self.quotes = quotes
        self.sentences = sentences
        // Room for a long sentence each: grown from empty, the four buffers took a dozen reallocations
        // per document.
        sentenceBuffer.reserveCapacity(128)
        beforeBuffer.reserveCapacity(128)
        afterBuffer.reserveCapacity(128)
        phraseBuffer.reserveCapacity(128)
    }

    struct Attribution {
        var direct = false
        var speaker: Range<Int>?
        var mention: Range<Int>?
        var cue: String?
        /// `name`, `pronoun`, `role` or `description`; nil until the speaker is described.
        var kind: String?
        /// False when a pronoun or a role noun could not be resolved: the speaker is then the mention itself.
        var resolved = true
        /// The title or office before the name (`Mr`, `Maj. Gen.`, `Ontario Premier`), outside the speaker's span.
        var title: Range<Int>?
        /// The person's full name when the speaker names them by surname only.
        var canonical: String?
    }

    /// The quotes layer.
    package mutating func attributeAll() -> [Span] {
        results.reserveCapacity(quotes.count)
        var k = 0
        while k < quotes.count {
            if quotes[k].lastParagraph > quotes[k].firstParagraph, trySplit(k) {
                k += 2
                continue
            }
            results.append(attribute(k))
            k += 1
        }
        settleStandingAlone()
        for k in results.indices where results[k].speaker != nil && results[k].kind == nil {
            var a = results[k]
            describe(&a)
            results[k] = a
        }
        // A pronoun resolved to a description set off after a person's name speaks for that person.
        for k in results.indices where results[k].kind == "pronoun" && results[k].resolved && results[k].canonical == nil && tagged {
            guard let s = results[k].speaker, s != results[k].mention else { continue }
            results[k].canonical = namedBefore(s)
        }
        return zip(quotes, results).map { quote, a in
            var speaker = AttributeValue.null
            if let s = a.speaker {
                // In key order, which the literals keep without moving anything.
                speaker = .span(SpanRef(start: s.lowerBound, end: s.upperBound, extra: [
                    "canonical": a.canonical.map { .string($0) } ?? .null,
                    "kind": .string(a.kind ?? "description"),
                    "mention": a.mention.map { .span(SpanRef(start: $0.lowerBound, end: $0.upperBound)) } ?? .null,
                    "resolved": .bool(a.resolved),
                    "title": a.title.map { .string(text($0)) } ?? .null,
                ]))
            }
            var attributes: Attributes = [
                "cue": a.cue.map { .string($0) } ?? .null, "kind": .string(a.direct ? "direct" : "partial"), "speaker": speaker,
            ]
            if quote.unclosed { attributes["unclosed"] = .bool(true) }
            return Span(start: quote.content.lowerBound, end: quote.content.upperBound, attributes: attributes)
        }
    }

    // MARK: A quotation standing alone

    /// A quotation that is a paragraph of its own, with no words of the text around it: a subhead or a pull quote,
    /// which a page sets between the text's paragraphs.
    /// - One the text quotes again, word for word, in a quotation of its own (`“This is a do less council”` over
    ///   `... “This is a do less council.” he said.`), is that speaker's, whoever spoke in the paragraph before.
    /// - One of fewer than `minDirectWords` words that the text does not quote again (`“Tory sweeteners”`) is a
    ///   label set in quotation marks, no speech.
    private mutating func settleStandingAlone() {
        // (Static helpers and plain loops: a closure over `self` here copied the whole attributor once per quotation.)
        let b = self.b, paragraphs = self.paragraphs
        var standing: [Int] = []
        for k in quotes.indices where quotes[k].firstParagraph == quotes[k].lastParagraph
            && Self.standsAlone(quotes[k], in: paragraphs[quotes[k].firstParagraph], b) { standing.append(k) }
        guard !standing.isEmpty else { return }
        for k in standing {
            let key = Self.lettersAndFigures(quotes[k].content, b)
            var source: Int?
            if key.count >= 12 {
                for j in results.indices where j != k && results[j].speaker != nil && !standing.contains(j)
                    && Self.lettersAndFigures(quotes[j].content, b).firstRange(of: key) != nil {
                    source = j
                    break
                }
            }
            if let j = source {
                let direct = results[k].direct
                results[k] = results[j]
                results[k].direct = direct
            } else if !labelled.contains(k), tokenizer.tokens(quotes[k].content).count(where: { $0.kind == .word }) < minDirectWords {
                results[k] = Attribution()
            }
        }
    }

    /// Whether nothing but spaces, quotation marks and closing punctuation stands beside the quotation in its paragraph.
    private static func standsAlone(_ q: Quotation, in p: Range<Int>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func outside(_ i: Int) -> Bool {
            switch b[i] {
            case 0x20, 0x09, 0x0A, 0x0D, 0x22, 0x27, 0x2E, 0x2C, 0x21, 0x3F, 0x3A, 0x3B, 0x80, 0x98, 0x99, 0x9C, 0x9D, 0xE2: return true
            default: return false
            }
        }
        var i = p.lowerBound
        while i < q.content.lowerBound { if !outside(i) { return false }; i += 1 }
        i = q.content.upperBound
        while i < p.upperBound { if !outside(i) { return false }; i += 1 }
        return true
    }

    /// The letters and figures of `r`, in lower case: a quotation compared with another whatever their punctuation.
    private static func lettersAndFigures(_ r: Range<Int>, _ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(r.count)
        var i = r.lowerBound
        while i < r.upperBound {
            let c = b[i]
            // (Curly quotation marks, apostrophes and dashes, U+2010 to U+203F, are punctuation.)
            if c == 0xE2, i + 2 < r.upperBound, b[i + 1] == 0x80 { i += 3; continue }
            if c >= 0x41 && c <= 0x5A { out.append(c | 0x20) } else if c >= 0x61 && c <= 0x7A || c >= 0x30 && c <= 0x39 || c >= 0x80 { out.append(c) }
            i += 1
        }
        return out
    }

    // MARK: A speech over paragraphs, or two quotations

    /// Splits quotation `k` at its first paragraph break, and keeps the split when the two parts are attributed
    /// to two different named speakers: then the first paragraph's closing mark was missing, and the next
    /// paragraph's quotation is someone else's (`"The ruling is wrong.` / `"It was fair," the clerk said.`).
    private mutating func trySplit(_ k: Int) -> Bool {
        let q = quotes[k]
        let f = q.firstParagraph
        var e = paragraphs[f].upperBound
        while e > q.content.lowerBound, TextLayout.isSpace(b[e - 1]) { e -= 1 }
        var r = paragraphs[f + 1].lowerBound
        while r < q.content.upperBound, TextLayout.isSpace(b[r]) { r += 1 }
        var m = r
        while m < q.content.upperBound, m < r + 3, !WordScanner.isWordByte(b, m, q.content.upperBound) { m += 1 } // the reopening mark
        guard e > q.content.lowerBound, m < q.content.upperBound else { return false }
        let first = Quotation(open: q.open, content: q.content.lowerBound..<e, close: e, firstParagraph: f, lastParagraph: f, unclosed: true)
        let rest = Quotation(open: r, content: m..<q.content.upperBound, close: q.close, firstParagraph: f + 1, lastParagraph: q.lastParagraph)
        let savedSpeakers = speakers
        quotes[k] = first
        quotes.insert(rest, at: k + 1)
        let a = attribute(k)
        results.append(a)
        let next = attribute(k + 1)
        // A first paragraph that opens with its mark and has no attribution of its own (only the speaker of the
        // speech before it) is the start of the speech the later paragraph attributes: a paragraph left open goes on.
        // (Its own: the attribution stands in that paragraph, not in the one before, `According to him, ...`.)
        let ownsSpeaker = a.cue != nil && (a.mention ?? a.speaker).map({ paragraphs[f].contains($0.lowerBound) }) ?? false
            || !opensParagraph(first)
        if let s1 = a.speaker, let s2 = next.speaker, a.direct, next.direct, next.kind == nil, a.kind != "pronoun" || a.resolved,
           ownsSpeaker, !sameName(s1, s2) {
            results.append(next)
            splitParagraphs.append(f)
            return true
        }
        results.removeLast()
        speakers = savedSpeakers
        quotes[k] = q
        quotes.remove(at: k + 1)
        return false
    }

    /// Whether two speaker phrases name the same person: one's last word is a word of the other (`Seri Ismail
    /// Sabri Yaakob` and `Ismail Sabri`, `Mr Keenan` and `Michael Keenan`).
    private func sameName(_ r1: Range<Int>, _ r2: Range<Int>) -> Bool {
        let w1 = tokenizer.tokens(r1).filter { $0.kind == .word }.map { text($0).lowercased() }
        let w2 = tokenizer.tokens(r2).filter { $0.kind == .word }.map { text($0).lowercased() }
        guard let l1 = w1.last, let l2 = w2.last else { return false }
        return l1 == l2 || w1.contains(l2) || w2.contains(l1)
    }

    /// The last word of a phrase, lowercased: a surname, to compare speakers.
    private func lastWord(_ r: Range<Int>) -> String {
        tokenizer.tokens(r).last { $0.kind == .word }.map { text($0).lowercased() } ?? ""
    }

    // MARK: One quotation

    private mutating func attribute(_ k: Int) -> Attribution {
        attributing = quotes[k].content
        defer { attributing = nil }
        var a = attributeOne(k, throughPartials: false)
        // `Calling the thieves “cowards,” she said ... “...”`: when the words after the partial quotations before it find
        // no speaker, the sentence is read again through them (only then, so that `called it “a farce” and the
        // minister said “...”` keeps its nearest clause).
        if a.speaker == nil, k > 0, k - 1 < results.count, !results[k - 1].direct, quotes[k - 1].lastParagraph == quotes[k].firstParagraph,
           quotes[k - 1].firstParagraph == quotes[k].firstParagraph {
            let again = attributeOne(k, throughPartials: true)
            if again.speaker != nil { a = again }
        }
        // `The ‘Harbour Hero’ as he is called ... later said; “...”`: a speaker named only by a quoted nickname (a
        // determiner at most before it) is the person it stands for, the one the text spoke of last.
        guard let s = a.speaker, a.kind == nil && a.mention == nil || a.kind == "role" && !a.resolved else { return a }
        var j = k - 1
        while j >= 0, quotes[j].open >= s.upperBound { j -= 1 } // the last quotation opening before the speaker's end
        if j >= 0, quotes[j].open >= s.lowerBound, s.upperBound <= quotes[j].close,
           tokenizer.tokens(s.lowerBound..<quotes[j].open).allSatisfy({ $0.kind == .word && isIn($0, lists.determiners) }) {
            let mention = s.lowerBound..<quotes[j].close
            a.speaker = mention
            if a.mention != nil { a.mention = mention }
            if let referent = resolve(.person, at: s.lowerBound) {
                // A pronoun later stands for the person, not for the nickname.
                if let i = speakers.firstIndex(of: s) { speakers.remove(at: i) }
                speakers.insert(referent, at: speakerIndex(referent.lowerBound))
                a.speaker = holder(ofRole: referent, before: s.lowerBound) ?? referent
                a.mention = mention
                a.kind = "role"
                a.resolved = true
                describeName(&a)
            }
        }
        return a
    }

    /// With `throughPartials`, the partial quotations before quotation `k` in its paragraph are read as words of the
    /// sentence that attributes it.
    private mutating func attributeOne(_ k: Int, throughPartials lookThrough: Bool) -> Attribution {
        let q = quotes[k]
        let previous = k > 0 ? quotes[k - 1] : nil
        let sameParagraph = previous.map { $0.lastParagraph == q.firstParagraph } ?? false
        // `Calling the thieves “cowards,” she said: “...”`: partial quotations before it in its paragraph are words of the
        // sentence that attributes it, read through rather than stopped at.
        var through = k
        while lookThrough, through > 0, quotes[through - 1].lastParagraph == q.firstParagraph, quotes[through - 1].firstParagraph == q.firstParagraph,
              through - 1 < results.count, !results[through - 1].direct { through -= 1 }
        let throughPartials = through < k
        let lastDirect = through > 0 && quotes[through - 1].lastParagraph == q.firstParagraph ? quotes[through - 1] : nil
        var beforeStart = sameParagraph ? (throughPartials ? lastDirect?.close ?? paragraphs[q.firstParagraph].lowerBound : previous!.close)
            : paragraphs[q.firstParagraph].lowerBound
        if let s = sentenceIndex(q.open) { beforeStart = max(beforeStart, sentences[s].lowerBound) }
        if !sameParagraph, opensParagraph(q), q.firstParagraph > 0, let s = endsWithColon(q.firstParagraph - 1) {
            beforeStart = sentences[s].lowerBound // `Sam Teo said:` (or `Sam Teo said,`) ending the paragraph before
        }
        if throughPartials {
            beforeBuffer.removeAll(keepingCapacity: true)
            var cursor = beforeStart
            for j in through..<k where quotes[j].close > beforeStart {
                if quotes[j].open > cursor { tokenizer.tokens(cursor..<quotes[j].open, into: &beforeBuffer, appending: true) }
                if quotes[j].open >= beforeStart { tokenizer.tokens(quotes[j].content, into: &beforeBuffer, appending: true) }
                cursor = quotes[j].close
            }
            if q.open > cursor { tokenizer.tokens(cursor..<q.open, into: &beforeBuffer, appending: true) }
        } else {
            tokenizer.tokens(beforeStart..<q.open, into: &beforeBuffer)
        }
        Self.dropBracketed(&beforeBuffer, in: b) // `Pádraig McCormick (FG, Galway West) said:`
        let beforeAll = beforeBuffer[...]
        let lastStop = beforeAll.lastIndex { $0.kind == .stop }
        let before = lastStop.map { beforeAll[($0 + 1)...] } ?? beforeAll
        // The quotation before continues this sentence: same paragraph, no full stop between, and it did not
        // end its own sentence.
        let continuesPrevious = sameParagraph && !throughPartials && lastStop == nil && !phrases.endsSentence(previous!.content)

        let nextInParagraph = k + 1 < quotes.count && quotes[k + 1].firstParagraph == q.lastParagraph
        let afterEnd = nextInParagraph ? quotes[k + 1].open : paragraphs[q.lastParagraph].upperBound
        tokenizer.tokens(q.close..<afterEnd, into: &afterBuffer, maxTokens: 64)
        // `“...”. Magistrate Magetse quizzed the prosecutor.`: a full stop set after the closing mark, then a short sentence
        // that names the speaker and its cue and ends the paragraph, is the attribution.
        if afterBuffer.count >= 4, afterBuffer[0].kind == .stop, afterBuffer[0].start == q.close, afterBuffer[1].kind == .word,
           isCapitalized(afterBuffer[1]), let j = afterBuffer.indices.dropFirst(2).first(where: { afterBuffer[$0].kind == .stop }),
           j == afterBuffer.count - 1, j - 1 <= 8, afterBuffer[1..<j].allSatisfy({ $0.kind == .word }),
           afterBuffer[2..<min(j, 6)].contains(where: { isCue($0) && !isParticiple($0) }) {
            afterBuffer.removeFirst()
        }
        // Up to the first full stop, but not the period of `Jr.` or `Sr.` before a comma, nor that of a rank's
        // abbreviation before a name (`"...," PBGen. Romeo Caramat Jr., director of the CIDG, said.`).
        if let stop = afterBuffer.indices.first(where: { i in
            guard afterBuffer[i].kind == .stop, i > 0, i + 1 < afterBuffer.count, afterBuffer[i - 1].kind == .word,
                  afterBuffer[i - 1].end == afterBuffer[i].start else { return afterBuffer[i].kind == .stop }
            let next = afterBuffer[i + 1]
            return !(next.kind == .comma && isIn(afterBuffer[i - 1], lists.nameSuffixes)
                || next.kind == .word && isCapitalized(next) && isIn(afterBuffer[i - 1], lists.rankAbbreviations))
        }) {
            afterBuffer.removeSubrange(stop...)
        }
        afterBuffer.removeAll { $0.kind == .stop }
        Self.dropBracketed(&afterBuffer, in: b) // `"...," the Harbour Securities Exchange (HSE) said.`
        var after = afterBuffer[...]
        // `... died,””- said Ms Katanga`: a closing mark typed twice, and a dash after it, before the attribution. (A dash
        // alone stays: `'Stay calm' - Chief Constable X` is a headline's attribution.)
        if after.first?.kind == .quote {
            while after.first?.kind == .quote { after.removeFirst() }
            if after.first?.kind == .dash { after.removeFirst() }
        }
        if after.first?.kind == .comma { after.removeFirst() } // `"...", he said`

        // `the main guest at the event, “Arresting Crime: A National Priority.”`: words in title case after a noun that
        // names a work or an occasion and a comma are its name, no one's speech.
        if before.count >= 2, before[before.endIndex - 1].kind == .comma, case let noun = before[before.endIndex - 2], noun.kind == .word,
           isIn(noun, lists.namedThings), isTitleCase(q.content) {
            return Attribution()
        }
        // Introduced: `SPEAKER CUE, "..."`, `According to SPEAKER, "..."`, `adding, "..."`, `and, "..."`.
        if let last = before.last, last.kind == .comma || last.kind == .colon {
            let body = before.dropLast()
            let clauseStart = (body.lastIndex { $0.kind == .comma || $0.kind == .colon || $0.kind == .dash } ?? (body.startIndex - 1)) + 1
            if let a = introduced(clause: body[clauseStart...], before: body[..<max(body.startIndex, clauseStart - 1)],
                                  sentence: before, continuesPrevious: continuesPrevious,
                                  adjoinsPrevious: sameParagraph && !throughPartials, previous: k - 1) {
                // `He said, "...," Bradburn said.`: a name after the quotation beats a pronoun before it.
                if a.kind == "pronoun", invitesVerb(q), let first = after.first, first.kind == .word,
                   isCue(first) || isCapitalized(first), let named = following(after, invited: true), named.kind == nil,
                   named.speaker != nil, named.cue != nil {
                    return named
                }
                return a
            }
            // `BBC journalist Daniel Kessler tried some lip reading: "...," he tweeted.`: the attribution follows.
            // After a colon it may start in lowercase (`Duterte admin: 'harass the dissenters' says Hontiveros`).
            if phrases.startsCapitalized(q.content) || last.kind == .colon, let a = following(after, invited: invitesVerb(q)) { return a }
            // `Ahearn answered, pushing the party line: "We will not back down."`: a full sentence after a colon
            // is the speech of the sentence's subject, when that subject can speak (not `the question was posed:`).
            if last.kind == .colon, phrases.startsCapitalized(q.content), phrases.endsSentence(q.content) || phrases.stopFollows(q) {
                let np = phrases.subject(of: before)
                // `Her verdict: "A disaster."`: the one whose words they are.
                if let np, let owner = phrases.possessorOfSpeech(np) {
                    var a = Attribution(direct: true, speaker: owner.range, mention: owner.range, kind: "pronoun")
                    if let referent = resolve(owner.pronoun, at: owner.range.lowerBound, female: owner.female) {
                        a.speaker = holder(ofRole: referent, before: owner.range.lowerBound) ?? referent
                        describeName(&a)
                    } else {
                        a.resolved = false
                    }
                    return a
                }
                let speaker = np.flatMap { phrases.canSpeak($0) ? $0 : nil }
                // `Here it is in full:` alone in the paragraph before: the paragraph before that reports whose words they
                // are (`Commissioner Jane Lee sent a statement to media.`).
                if speaker == nil || np.map({ $0.count == 2 && WordSet.lower(b[$0.lowerBound]) == 0x69 && WordSet.lower(b[$0.lowerBound + 1]) == 0x74 }) ?? false,
                   !sameParagraph, opensParagraph(q), q.firstParagraph > 1, previous.map({ $0.lastParagraph < q.firstParagraph - 1 }) ?? true,
                   paragraphs[q.firstParagraph - 1].count <= 60, let a = reportedSpeaker(inParagraph: q.firstParagraph - 2) {
                    return a
                }
                return named(speaker, cue: nil, direct: true)
            }
            return Attribution()
        }
        // `Mrs Whitlow was blunt — "We will not pay a penny more."`: a full sentence after a dash is the speech of the
        // sentence's subject, or of the attribution after it.
        if let last = before.last, last.kind == .dash, phrases.startsCapitalized(q.content), phrases.endsSentence(q.content) || phrases.stopFollows(q) {
            if let a = following(after, invited: invitesVerb(q)) { return a }
            if let np = phrases.subject(of: before.dropLast()), phrases.canSpeak(np) { return named(np, cue: nil, direct: true) }
        }
        if before.contains(where: { $0.kind == .word }) {
            // `SPEAKER CUE "..."` without a comma, for a quoted full sentence.
            // Not `read`: without the comma of attribution it introduces the text of a sign (`a sign read "..."`).
            // (The full stop may stand after the closing mark: `the CM said "I respect them, ... never betray it".`)
            if let last = before.last, last.kind == .word, isCue(last), !isIn(last, lists.reading), phrases.startsCapitalized(q.content),
               phrases.endsSentence(q.content) || phrases.stopFollows(q) {
                let body = before.dropLast()
                // `the patrol's spokesman, Sgt. Dan Miller, tweeted "..."`: the name set off by commas before the cue.
                if body.last?.kind == .comma, let np = phrases.apposed(body.dropLast()) ?? phrases.apposed(phrases.lastChunks(body.dropLast(), 2)) {
                    return named(np, cue: text(last), direct: true)
                }
                // `Agent Jo Hale spoke to reporters and said "..."`: the subject before the first verb of the clause that
                // the cue after `and` continues.
                if body.count >= 3, let and = body.last, isWord(and, "and"), let np = phrases.subjectBeforeAnd(body.dropLast()) {
                    return named(np, cue: text(last), direct: true)
                }
                // `Speaking about the union, the CM said "..."`: a phrase set off before the subject is no part of it.
                let clause = body.lastIndex(where: { $0.kind == .comma }).map { body[($0 + 1)...] }
                return named(phrases.trimNP(body) ?? clause.flatMap { phrases.trimNP($0) }, cue: text(last), direct: true)
            }
            // `He told the club website "I am so happy to be here."`: a verb of saying and its listener, with no
            // comma, before a quoted full sentence.
            if let c = before.lastIndex(where: { $0.kind == .word && isCue($0) && !isParticiple($0) && !isIn($0, lists.reading) }),
               before.endIndex - c - 1 >= 1, before.endIndex - c - 1 <= 4,
               before[(c + 1)...].allSatisfy({ $0.kind == .word && !isCue($0) && !looksLikeVerb($0) }),
               phrases.startsCapitalized(q.content), phrases.endsSentence(q.content), let np = phrases.trimNP(before[..<c]) {
                return named(np, cue: text(before[c]), direct: true)
            }
            if continuesPrevious, results[k - 1].direct, before.allSatisfy({ $0.kind != .word || isIn($0, lists.connectives) }) {
                return inherit(k - 1)
            }
            // `The raids were "a warning to every cell," the Front said.`: a fragment whose comma hands over to
            // an attribution is still partial, but it is someone's words, so it gets their name. One that runs on
            // over paragraphs is no fragment, though it opens inside a sentence (`adding “she called him as part
            // of her work.` and a paragraph of speech more): that is direct speech.
            if phrases.endsWithComma(q), phrases.handsOver(after), var a = following(after, invited: false), a.speaker != nil {
                a.direct = q.lastParagraph > q.firstParagraph
                return a
            }
            return Attribution() // set inside a sentence: a fragment or a name
        }

        // The quotation opens its sentence: the attribution, if any, follows it.
        if let a = following(after, invited: invitesVerb(q)) { return a }
        // `Britney Gordon` on the line over a paragraph of speech, as a broadcaster's transcript sets it.
        if after.allSatisfy({ $0.kind != .word }), opensParagraph(q), closesParagraph(q), let a = speakerLabel(over: q.firstParagraph) {
            labelled.insert(k)
            return a
        }
        if let a = headlineSpeaker(after, q) { return a }
        if isSubheading(q) { return Attribution() }
        let bare = after.allSatisfy { $0.kind != .word } || phrases.endsSentence(q.content)
        if bare {
            // (`On the performance…` between two paragraphs of a press conference's answers is the reporter's topic, no
            // one's words: the answers go on past it.)
            let label = q.firstParagraph > 1 && isTopicLabel(q.firstParagraph - 1)
            if let previous, results[k - 1].direct,
               sameParagraph || opensParagraph(q) && (q.firstParagraph == previous.lastParagraph + 1
                                                      || label && q.firstParagraph == previous.lastParagraph + 2) {
                return inherit(k - 1, bare: true)
            }
            // A paragraph of speech after a paragraph that reports someone's words (`Mr Dorgan said the
            // executives are ...`) is theirs.
            if opensParagraph(q), q.firstParagraph > 0, previous.map({ $0.lastParagraph < q.firstParagraph - (label ? 1 : 0) }) ?? true,
               let a = reportedSpeaker(inParagraph: q.firstParagraph - (label ? 2 : 1)) {
                return a
            }
            // `The Chhattisgarh CM hit back on Monday. "We will not be cowed."`: the person the sentence before
            // it in the paragraph is about.
            if !opensParagraph(q), !sameParagraph || throughPartials, let a = subjectBefore(q, through: through) { return a }
            if opensParagraph(q) && closesParagraph(q) || wordCount(q.content) >= minDirectWords {
                // `"Why resort to name calling?"` / `Senator Alan Cayetano had this to say ...`: a paragraph of
                // speech that nothing before attributes is the speech of the next paragraph's speaker.
                // `Rua Tane ran outside.` / `"I could not see a thing."`: a paragraph of speech in the first person after
                // a paragraph about one person is theirs.
                if opensParagraph(q), closesParagraph(q), q.firstParagraph > 0, speaksForOneself(q.content),
                   previous.map({ $0.lastParagraph < q.firstParagraph - 1 || !results[k - 1].direct }) ?? true,
                   let a = personAbout(q.firstParagraph - 1) {
                    return a
                }
                if opensParagraph(q), closesParagraph(q), q.lastParagraph + 1 < paragraphs.count,
                   k + 1 == quotes.count || quotes[k + 1].firstParagraph > q.lastParagraph + 1 || !opensParagraph(quotes[k + 1]),
                   let a = nextParagraphSpeaker(q.lastParagraph + 1) {
                    // (Not past someone the paragraph before is about: `Rua Tane ran outside.` / `"..."` / `Hale said
                    // ...` is Tane's speech, or no one's.)
                    if q.firstParagraph > 0, let other = personOpening(q.firstParagraph - 1), let s = a.speaker, !sameName(other, s) {
                        return Attribution(direct: true)
                    }
                    // (Nor past a paragraph that speaks of someone as `he` or `she`: `... workers he praised.` / `"..."` /
                    // `Deputy Mayor Jo Hill said ...` goes on with whoever he is.)
                    if q.firstParagraph > 0, mentionsPerson(q.firstParagraph - 1) { return Attribution(direct: true) }
                    return a
                }
                // `..., Insp Black said.` / a paragraph of what happened / `"Unfortunately for them, ..."`: a paragraph of
                // speech two paragraphs after reported speech, with no quotation between, is that speaker's.
                if opensParagraph(q), closesParagraph(q), q.firstParagraph >= 2,
                   previous.map({ $0.lastParagraph < q.firstParagraph - 2 }) ?? true,
                   let a = reportedSpeaker(inParagraph: q.firstParagraph - 2) {
                    return a
                }
                return Attribution(direct: true)
            }
        }
        return Attribution()
    }

    /// `Hear him;`: the person `he` or `she` at `offset` would stand for, as the speaker.
    private mutating func personBefore(_ offset: Int, female: Bool) -> Attribution? {
        guard let referent = resolve(.person, at: offset, female: female) else { return nil }
        var a = Attribution(direct: true, speaker: holder(ofRole: referent, before: offset) ?? referent, mention: nil, cue: nil, kind: "pronoun")
        describeName(&a)
        return a
    }

    /// Whether most words of `r` (two thirds, and at least three) open with a capital, small words apart: a title, not a
    /// sentence (`Arresting Crime and Violence: A National Priority for Jamaica.`).
    private mutating func isTitleCase(_ r: Range<Int>) -> Bool {
        let words = tokenizer.tokens(r).filter { $0.kind == .word && $0.end - $0.start > 3 }
        guard words.count >= 3 else { return false }
        return words.filter({ isCapitalized($0) }).count * 3 >= words.count * 2
    }

    /// Whether paragraph `p` is a reporter's topic over answers (`On the performance…`, `On his future`): short, no
    /// quotation mark, no sentence inside and no full stop at its end, opening with `On` or ending in an ellipsis.
    private func isTopicLabel(_ p: Int) -> Bool {
        var s = paragraphs[p].lowerBound, e = paragraphs[p].upperBound
        while s < e, TextLayout.isSpace(b[s]) { s += 1 }
        while e > s, TextLayout.isSpace(b[e - 1]) { e -= 1 }
        guard e - s >= 4, e - s <= 80, !b[s..<e].contains(where: { $0 == 0x22 || $0 == 0x0A }),
              !QuoteText.hasSentenceBreak(b[s..<e]), b[e - 1] != 0x2E || b[e - 2] == 0x2E else { return false }
        let ellipsis = b[e - 1] == 0xA6 && b[e - 2] == 0x80 && b[e - 3] == 0xE2 || b[e - 1] == 0x2E && b[e - 2] == 0x2E
        let opensWithOn = b[s] == 0x4F && b[s + 1] == 0x6E && b[s + 2] == 0x20
        return ellipsis || opensWithOn
    }

    /// The person a broadcaster's transcript names on the line over a paragraph of speech: a person entity-tag found,
    /// alone on that line (`Britney Gordon`) or with a short description after a comma or a spaced dash and no sentence
    /// (`Kelvin Sho, Paddler, Slim & Trim Like Guava Limb`, `Allen Whylie - Commissioner of Police`).
    private mutating func speakerLabel(over paragraph: Int) -> Attribution? {
        guard tagged, paragraph > 0 else { return nil }
        var s = paragraphs[paragraph - 1].lowerBound, e = paragraphs[paragraph - 1].upperBound
        while s < e, TextLayout.isSpace(b[s]) { s += 1 }
        while e > s, TextLayout.isSpace(b[e - 1]) { e -= 1 }
        guard e - s >= 3, e - s <= 90 else { return nil }
        let i = entities.firstIndex(startingAtOrAfter: s)
        guard i < entities.count, entities[i].start == s, entities[i].label == "PERSON", entities[i].end <= e else { return nil }
        // The name alone, or the name and an office after a comma or a spaced dash (`Allen Whylie - Commissioner of
        // Police`, a broadcaster's lower third).
        var rest = b[entities[i].end..<e]
        if rest.first == 0x2C {
            rest = rest.dropFirst()
        } else if rest.starts(with: [0x20, 0x2D, 0x20]) {
            rest = rest.dropFirst(3)
        } else if rest.count > 5, rest.first == 0x20, rest[rest.startIndex + 1] == 0xE2, rest[rest.startIndex + 2] == 0x80,
                  rest[rest.startIndex + 3] == 0x93 || rest[rest.startIndex + 3] == 0x94, rest[rest.startIndex + 4] == 0x20 {
            rest = rest.dropFirst(5) // ` – ` or ` — `
        } else {
            guard rest.isEmpty else { return nil }
        }
        guard rest.count <= 70, !rest.contains(where: { $0 == 0x2E || $0 == 0x22 || $0 == 0x0A || $0 == 0x3A || $0 == 0xE2 }) else { return nil }
        return named(entities[i].range, cue: nil, direct: true)
    }

    /// A quotation introduced by the clause before its comma or colon; `before` is the sentence before that
    /// clause and its comma.
    private mutating func introduced(clause: ArraySlice<Token>, before: ArraySlice<Token>, sentence: ArraySlice<Token>,
                                     continuesPrevious: Bool, adjoinsPrevious: Bool = false, previous: Int) -> Attribution? {
        let words = clause.allSatisfy { $0.kind == .word } ? clause : clause.filter { $0.kind == .word }[...]
        let w = words.startIndex
        if words.count >= 3, isWord(words[w], "according"), isWord(words[w + 1], "to") {
            return named(phrases.trimNP(words[(w + 2)...]), cue: "according to", direct: true)
        }
        // `... said the people gather to share their culture. Hear him; “...”`: `Hear him` or `Hear her` hands over to
        // the person the sentence before is about.
        if words.count == 2, isWord(words[w], "hear"), isWord(words[w + 1], "him") || isWord(words[w + 1], "her"),
           let a = personBefore(words[w].start, female: isWord(words[w + 1], "her")) {
            return a
        }
        if let c = words.firstIndex(where: { isCue($0) }), words.endIndex - c - 1 <= 8 {
            let cue = text(words[c])
            // `Minister of State for Housing, Local Government and Heritage Joe Malone said:`: an office listing its
            // portfolios with commas, from the sentence's start.
            if !before.isEmpty, let end = sentence.firstIndex(where: { $0.start == words[c].start }),
               let found = phrases.officeThenName(sentence[..<end]), found.office == nil {
                return named(found.speaker, cue: cue, direct: true)
            }
            var subjectStart = words.startIndex
            // `The politeness showed as Chaudhari said:`: the subject of the clause the cue verb is in.
            if let sub = words[..<c].lastIndex(where: { isIn($0, lists.subordinators) }), sub + 1 < c { subjectStart = sub + 1 }
            // `... was led out with the crowd chanting, "..."`: a participle's own subject follows `with`.
            if isParticiple(words[c]), let with = words[subjectStart..<c].lastIndex(where: { isWord($0, "with") }), c - with >= 2, c - with <= 4 {
                subjectStart = with + 1
            }
            // `Hartley quoted Jansen saying:`: the one quoted speaks.
            if isParticiple(words[c]), subjectStart + 1 < c, let verb = words[(subjectStart + 1)..<c].lastIndex(where: { looksLikeVerb($0) }),
               verb + 1 < c, isCapitalized(words[verb + 1]) { subjectStart = verb + 1 }
            // `She turned back toward Mayor Larry Hart and said,`: a second verb of the clause's subject, after `and`.
            if c - 1 > subjectStart, isWord(words[c - 1], "and"), let np = phrases.subjectBeforeVerb(words[subjectStart..<(c - 1)]) {
                return named(np, cue: cue, direct: true)
            }
            // `as she can be heard shouting again,`: the subject ends at an auxiliary before a participle.
            var subjectEnd = c
            // `He went on to say,`, `The mayor then stood up to add:`: the subject ends at the verb before the infinitive.
            if c - subjectStart >= 3, isWord(words[c - 1], "to"),
               let v = words[(subjectStart + 1)..<(c - 1)].firstIndex(where: { isIn($0, lists.catenatives) && !isCapitalized($0) }) {
                subjectEnd = v
            }
            if isParticiple(words[c]), let aux = words[subjectStart..<c].firstIndex(where: { isIn($0, lists.finiteVerbs) || isIn($0, lists.modals) }),
               aux > subjectStart {
                subjectEnd = aux
            }
            if let np = phrases.trimNP(words[subjectStart..<subjectEnd]) {
                // `Kate Champion, Artistic Director said:`: an office alone before the cue, its holder set off before it.
                if !before.isEmpty, phrases.isOfficeAlone(words[subjectStart..<c]), let holder = phrases.apposed(before),
                   tokenizer.tokens(holder).contains(where: { $0.kind == .word && phrases.startsPerson($0) }) {
                    return named(holder, cue: cue, direct: true)
                }
                return named(np, cue: cue, direct: true)
            }
            if continuesPrevious { return inherit(previous, cue: cue) }
            // `“...immediately.” And adds, “...”`: a verb of saying with no subject, right after the quotation before in
            // its paragraph, is that speaker's.
            if adjoinsPrevious, before.isEmpty, words[..<c].allSatisfy({ isIn($0, lists.connectives) }), results[previous].direct {
                return inherit(previous, cue: cue)
            }
            // `the head of the union, Ana Ruiz, was quoted saying:`: who was quoted, set off before the passive, speaks.
            if !before.isEmpty, isParticiple(words[c]), c - subjectStart >= 2, isIn(words[subjectStart], lists.passiveAuxiliaries),
               words[(subjectStart + 1)..<c].contains(where: { isIn($0, lists.reportedPassives) }), let np = phrases.apposed(before) {
                return named(np, cue: cue, direct: true)
            }
            // (Not a clause with its own verb: `The MP was warmly greeted by ..., later said:`.)
            if !before.isEmpty, !isParticiple(words[c]), !before.contains(where: { $0.kind == .word && isIn($0, lists.finiteVerbs) }),
               let np = phrases.apposed(before) {
                return named(np, cue: cue, direct: true)
            }
            if let np = phrases.subject(of: sentence) { return named(np, cue: cue, direct: true) }
            return Attribution(direct: true, cue: cue)
        }
        if continuesPrevious, words.allSatisfy({ isIn($0, lists.connectives) }) {
            return results[previous].direct ? inherit(previous) : Attribution()
        }
        guard before.isEmpty, let last = words.last, words.count <= 8, clause.count == words.count,
              sentence.last?.kind == .colon || sentence.last?.kind == .comma else { return nil }
        // `ANC national spokesperson Pule Mabena: "..."`: a name and a colon open the sentence.
        if sentence.last?.kind == .colon, isCapitalized(last), !words.contains(where: { looksLikeVerb($0) }), let np = phrases.trimNP(words) {
            return named(np, cue: nil, direct: true)
        }
        // `Cllr Bird interjected with: "..."`, `The mayor came back with: "..."`: a verb in the past tense and its
        // particle.
        if words.count >= 3, isIn(last, lists.verbParticles), looksLikeVerb(words[words.endIndex - 2]) || isIn(words[words.endIndex - 2], lists.comeVerbs),
           words.count <= 7, let np = phrases.trimNP(words.dropLast(2)), phrases.canSpeak(np) {
            return named(np, cue: text(words[words.endIndex - 2]), direct: true)
        }
        // `The chief minister elaborated, "..."`: a subject and a verb in the past tense.
        if words.count >= 2, looksLikeVerb(last), let np = phrases.trimNP(words.dropLast()), words.count <= 6 {
            return named(phrases.canSpeak(np) ? np : nil, cue: text(last), direct: true) // not `the question was posed:`
        }
        return nil
    }

    /// Attribution after a quotation that opens its sentence: `CUE SPEAKER`, `SPEAKER CUE`, `according to SPEAKER`.
    /// With `invited` (the quotation ends in a comma, `?` or `!`), any verb in the past tense stands for a cue
    /// there: `"...," beamed the Chief Minister`, `"...," she sighed`.
    private mutating func following(_ after: ArraySlice<Token>, invited: Bool) -> Attribution? {
        guard let first = after.first, first.kind == .word else { return nil }
        let s = after.startIndex
        if after.count >= 3, isWord(after[s], "according"), isWord(after[s + 1], "to") {
            return phrases.trimNP(after[(s + 2)...].prefix { $0.kind == .word }).map { named($0, cue: "according to", direct: true) }
        }
        // `"...," it was reported by the hospital.`, `"...," was stated by the council.`: a cue in the passive, and who
        // spoke after `by`.
        let p = isWord(first, "it") ? s + 1 : s
        if p + 3 < after.endIndex, isWord(after[p], "was") || isWord(after[p], "is") || isWord(after[p], "were"),
           after[p + 1].kind == .word, isCue(after[p + 1]) || isWord(after[p + 1], "reported") || isWord(after[p + 1], "quoted"),
           isWord(after[p + 2], "by") {
            return phrases.trimNP(after[(p + 3)...].prefix { $0.kind == .word }).map { named($0, cue: text(after[p + 1]), direct: true) }
        }
        let inverted = invited && after.count >= 2 && after[s + 1].kind == .word && looksLikeVerb(first) && !isCapitalized(first)
            && (isCapitalized(after[s + 1]) || isIn(after[s + 1], lists.determiners))
        if isCue(first) && !isParticiple(first) || inverted {
            var rest = after.dropFirst()
            // `"...," said, Sgt. Mila Brandt.`: a stray comma between the cue and a name.
            if !inverted, rest.count >= 2, rest[rest.startIndex].kind == .comma, rest[rest.startIndex + 1].kind == .word,
               isCapitalized(rest[rest.startIndex + 1]) {
                rest.removeFirst()
            }
            var np = rest.prefix { $0.kind == .word }
            // `said the Provincial Commissioner of the Western Cape police, Lt Gen Thabo Ndlovu.`, `said Minister for
            // Agriculture, Food and the Marine Charlie Doyle.`: an office, a comma, and the person.
            // (`said council member, Jerry Donald (D), who represents District 1`: up to the relative clause.)
            var listed = rest.prefix { $0.kind == .word || $0.kind == .comma }
            if let who = listed.indices.dropFirst().first(where: { listed[$0 - 1].kind == .comma && isIn(listed[$0], lists.relatives) }) {
                listed = listed[..<(who - 1)]
            }
            if !inverted, np.endIndex < rest.endIndex, rest[np.endIndex].kind == .comma, let found = phrases.officeThenName(listed) {
                var a = named(found.speaker, cue: text(first), direct: true)
                a.title = found.office
                return a
            }
            if let cut = np.indices.dropFirst().first(where: { isIn(np[$0], lists.npBreaks) }) { np = np[..<cut] }
            // `said CTO Jo Rau said.`: the cue typed again after the name is no part of it.
            if np.count >= 3, let last = np.last, !isCapitalized(last), isCue(last), isWord(last, "said") || looksLikeVerb(last) {
                np = np.dropLast()
            }
            // `says Tom Dale the council president`: a person entity-tag found, then an office after `the` with no comma.
            if tagged, let cut = np.indices.dropFirst().first(where: { isWord(np[$0], "the") }), cut + 1 < np.endIndex,
               case let e = entities.firstIndex(startingAtOrAfter: np[np.startIndex].start), e < entities.count,
               entities[e].label == "PERSON", entities[e].end == np[cut - 1].end {
                np = np[..<cut]
            }
            // `said Lakhma answering a question`: the name, not what the speaker was doing; `beamed the Chief
            // Minister and then folded his hands`: not the next verb's clause.
            // (Not a participle before an office: `said Omaha Fire Department acting assistant chief Scott Fitzpatrick`,
            // `said Harbour road policing manager Inspector Dana Reeve`.)
            if let cut = np.indices.dropFirst().first(where: { k in isParticiple(np[k]) && !isCapitalized(np[k])
                && !np[(k + 1)...].prefix(3).contains(where: { isIn($0, lists.roles) }) }) {
                np = np[..<cut]
            }
            if let cut = np.indices.dropFirst().first(where: { isWord(np[$0], "and") && $0 + 1 < np.endIndex
                && (isIn(np[$0 + 1], lists.connectives) || isIn(np[$0 + 1], lists.adverbs) || looksLikeVerb(np[$0 + 1])) }) {
                np = np[..<cut]
            }
            // `said Professor Gerry Mandel of the University of Sydney`: the name, not its institution.
            if let f = np.first, isCapitalized(f), !isIn(f, lists.determiners),
               let cut = np.indices.dropFirst().first(where: { isIn(np[$0], lists.prepositions) && isCapitalized(np[$0 - 1]) }) {
                np = np[..<cut]
            }
            return phrases.trimNP(np).map { named($0, cue: text(first), direct: true) }
        }
        let head = after.prefix(14)
        // `"...," she sighed.`, `"...!" Hadley laughed.`: a pronoun or a name, then a verb in the past tense that
        // ends the attribution.
        // `"...," Ms Quill provided in a written statement.`, `"...," Ms Quill, offered.`: the verb may be followed by
        // where it was said and set off from the name by a stray comma.
        if invited, let v = head.prefix(6).firstIndex(where: { $0.kind == .word && looksLikeVerb($0) && !isCapitalized($0) }),
           v > s, phrases.endsAttribution(after, verb: v) {
            let subject = head[v - 1].kind == .comma ? head[s..<(v - 1)] : head[s..<v]
            if phrases.isBareSubject(subject) { return phrases.trimNP(subject).map { named($0, cue: text(head[v]), direct: true) } }
        }
        // `"...," Deputy Police Commissioner, Leiataua Salote Vaai said.`, `"...," Minister of State for Housing, Local
        // Government and Heritage Joe Malone said.`: an office set off by a comma, or listing its portfolios, then the
        // person and the cue (further on than a name alone reaches).
        // (`"...," Deputy Police Commissioner, Papali'i Monalisa Tia'i-Keti reassured.`: after a comma, `?` or `!`, any verb
        // in the past tense that ends the attribution stands for the cue.)
        var cue = after.prefix(24).firstIndex(where: { $0.kind == .word && isCue($0) })
        if cue == nil, invited {
            for v in after.prefix(24).indices where after[v].kind == .word && !isCapitalized(after[v]) && looksLikeVerb(after[v]) {
                if phrases.endsAttribution(after, verb: v) { cue = v }
                break
            }
        }
        // (`..., Senior counsel, Ama Osei has argued`: past the auxiliary before the cue.)
        var nameEnd = cue ?? s
        while nameEnd > s + 3, after[nameEnd - 1].kind == .word, isIn(after[nameEnd - 1], lists.passiveAuxiliaries) { nameEnd -= 1 }
        if let c = cue, c > s + 2,
           after[..<c].contains(where: { $0.kind == .comma }), let found = phrases.officeThenName(after[..<nameEnd]) {
            var a = named(found.speaker, cue: text(after[c]), direct: true)
            a.title = found.office
            return a
        }
        // `"...", Retired court clerk, Ama Serwaa Boakye has opined`: a description set off by a comma, then a name in
        // capitals right before the cue (past its auxiliary) whether or not entity-tag found it.
        if let c = cue, let comma = after[s..<nameEnd].lastIndex(where: { $0.kind == .comma }), comma > s, comma - s <= 6,
           nameEnd - comma - 1 >= 2, nameEnd - comma - 1 <= 4, after[s..<comma].allSatisfy({ $0.kind == .word }),
           after[(comma + 1)..<nameEnd].allSatisfy({ $0.kind == .word && isCapitalized($0) && !isIn($0, lists.determiners) }) {
            return named(after[comma + 1].start..<after[nameEnd - 1].end, cue: text(after[c]), direct: true)
        }
        // `"...," Mr Emmanuel Ainebyoona, the senior public relations officer at the Ministry of Health, told X.`: a person
        // entity-tag found, an apposition longer than the words above reach, and the cue after its comma.
        if tagged, let comma = after.prefix(6).firstIndex(where: { $0.kind == .comma }), comma > s,
           let c = after.prefix(24).firstIndex(where: { $0.kind == .word && isCue($0) }), c > comma + 2, after[c - 1].kind == .comma,
           after[(comma + 1)..<(c - 1)].allSatisfy({ $0.kind == .word }),
           let np = phrases.trimNP(after[s..<comma]), phrases.personInside(np) != nil {
            return named(np, cue: text(after[c]), direct: true)
        }
        guard let c = head.firstIndex(where: { $0.kind == .word && isCue($0) }), c > s else {
            return invited ? personThenVerb(head) : nil
        }
        if head[..<c].allSatisfy({ $0.kind == .word }) {
            // `"...," he was quoted by the GNA as saying.`, `she was heard saying`: who was quoted speaks, not who
            // quoted them.
            if let aux = head[s..<c].firstIndex(where: { isIn($0, lists.passiveAuxiliaries) }), aux > s,
               let v = head[(aux + 1)..<c].firstIndex(where: { !isWord($0, "been") && !isIn($0, lists.adverbs) }),
               isIn(head[v], lists.reportedPassives) {
                return phrases.trimNP(head[s..<aux]).map { named($0, cue: text(after[c]), direct: true) }
            }
            // `"...?" She turned back toward Mayor Larry Hart and said,`: the subject before the clause's first verb.
            if c - 1 > s, isWord(head[c - 1], "and"), let np = phrases.subjectBeforeVerb(head[s..<(c - 1)]) {
                return named(np, cue: text(after[c]), direct: true)
            }
            return phrases.trimNP(head[..<c]).map { named($0, cue: text(after[c]), direct: true) }
        }
        // `the BBC's political editor, Laura Kenworthy, said`
        guard head[..<c].last?.kind == .comma, let np = phrases.apposed(head[..<(c - 1)]) else {
            return phrases.nameThenOffice(head[s..<c]).map { named($0, cue: text(after[c]), direct: true) }
        }
        return named(np, cue: text(after[c]), direct: true)
    }

    /// `"...," Okafor scolded the officers.`: after a quotation that invites a verb, a person entity-tag found, all of the
    /// subject, and a verb in the past tense right after it, whatever its object.
    private mutating func personThenVerb(_ head: ArraySlice<Token>) -> Attribution? {
        let s = head.startIndex
        guard tagged, let v = head.prefix(5).firstIndex(where: { $0.kind != .word || looksLikeVerb($0) && !isCapitalized($0) }), v > s,
              head[v].kind == .word, let np = phrases.trimNP(head[s..<v]), np.upperBound == head[v - 1].end,
              case let e = entities.firstIndex(startingAtOrAfter: np.lowerBound), e < entities.count, entities[e].label == "PERSON",
              entities[e].range == np else { return nil }
        return named(np, cue: text(head[v]), direct: true)
    }

    /// `‘Stay calm, good people’ - Chief Constable Hollis Varga on curfew`, `“We will win”: Mayor Dana Loft`: a
    /// headline that is a quotation and, after a dash or a colon, the name of its speaker (up to a preposition).
    private mutating func headlineSpeaker(_ after: ArraySlice<Token>, _ q: Quotation) -> Attribution? {
        guard let mark = after.first, mark.kind == .dash || mark.kind == .colon, opensParagraph(q), q.firstParagraph == q.lastParagraph
        else { return nil }
        // A headline: no sentence ends after the quotation.
        let paragraph = paragraphs[q.lastParagraph]
        var e = paragraph.upperBound
        while e > q.close, TextLayout.isSpace(b[e - 1]) { e -= 1 }
        for i in q.close..<e where b[i] == 0x2E || b[i] == 0x3F || b[i] == 0x21 { return nil }
        var words = after.dropFirst().prefix { $0.kind == .word }
        guard words.count == after.count - 1, let first = words.first, isCapitalized(first) else { return nil }
        if let cut = words.indices.dropFirst().first(where: { !isCapitalized(words[$0]) && !isIn(words[$0], lists.nameParticles)
            || isIn(words[$0], lists.npBreaks) }) { words = words[..<cut] }
        guard words.count <= 6, words.allSatisfy({ isCapitalized($0) || isIn($0, lists.nameParticles) }),
              let np = phrases.trimNP(words), phrases.isRole(np) || referentKinds(np).person || words.contains(where: { isIn($0, lists.roles) }) else { return nil }
        return named(np, cue: nil, direct: true)
    }

    /// Whether a quotation ends with a comma, `?` or `!` (inside its marks or right after them), so that the
    /// words after it can only be its attribution.
    private func invitesVerb(_ q: Quotation) -> Bool {
        if phrases.endsWithComma(q) { return true }
        var i = q.content.upperBound - 1
        while i >= q.content.lowerBound, TextLayout.isSpace(b[i]) { i -= 1 }
        return i >= q.content.lowerBound && (b[i] == 0x3F || b[i] == 0x21)
    }

    /// Whether a sentence is a whole paragraph of at most `maxWords` words with no closing punctuation: a headline or
    /// a crosshead.
    func isHeading(_ sentence: Range<Int>, maxWords: Int = 10) -> Bool {
        var e = sentence.upperBound
        while e > sentence.lowerBound, TextLayout.isSpace(b[e - 1]) { e -= 1 }
        guard e > sentence.lowerBound else { return false }
        let c = b[e - 1]
        // `.`, `?`, `!`, `:`, `,`, `)`, a quotation mark, or the last byte of a curly mark or an ellipsis.
        if c == 0x2E || c == 0x3F || c == 0x21 || c == 0x3A || c == 0x2C || c == 0x29 || c == 0x22 || c == 0x27
            || c == 0x9D || c == 0x99 || c == 0xA6 || c == 0xBB { return false }
        var lo = 0, hi = paragraphs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if paragraphs[mid].upperBound <= sentence.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        guard lo < paragraphs.count else { return false }
        var start = paragraphs[lo].lowerBound, end = paragraphs[lo].upperBound
        while start < end, TextLayout.isSpace(b[start]) { start += 1 }
        while end > start, TextLayout.isSpace(b[end - 1]) { end -= 1 }
        guard start >= sentence.lowerBound, end <= sentence.upperBound else { return false }
        return tokenizer.tokens(sentence).reduce(0) { $0 + ($1.kind == .word ? 1 : 0) } <= maxWords
    }

    /// The speaker the opening sentence of paragraph `p` names as it goes on to report speech (`Senator Alan
    /// Cayetano had this to say in response ...`, `Mr Hartley said the plan ...`), for the bare paragraph of
    /// speech before it. Not a pronoun, which looks back, not forward.
    private mutating func nextParagraphSpeaker(_ p: Int) -> Attribution? {
        let paragraph = paragraphs[p]
        guard paragraph.upperBound > paragraph.lowerBound, let s = sentenceIndex(paragraph.lowerBound + 1),
              sentences[s].lowerBound < paragraph.upperBound, !insideQuotation(sentences[s].lowerBound) else { return nil }
        var start = paragraph.lowerBound
        while start < paragraph.upperBound, TextLayout.isSpace(b[start]) { start += 1 }
        guard start < paragraph.upperBound, Tokenizer.isLetterOrDigit(b[start]) else { return nil }
        fillSentenceBuffer(max(sentences[s].lowerBound, start)..<sentences[s].upperBound, maxTokens: 24)
        guard let np = phrases.subject(of: sentenceBuffer[...]), Pronoun(b, np) == nil,
              let end = sentenceBuffer.firstIndex(where: { $0.end == np.upperBound }) else { return nil }
        let verbs = sentenceBuffer[(end + 1)...].prefix(4)
        // Not one who asks (`Journalists asked about ...`): a question answers nothing before it.
        guard verbs.contains(where: { $0.kind == .word && isCue($0) && !isParticiple($0) && !isIn($0, lists.questions) }),
              verbs.allSatisfy({ $0.kind == .word }) else { return nil }
        guard phrases.isRole(np) || referentKinds(np).person else { return nil }
        let saved = speakers
        let a = named(np, cue: nil, direct: true)
        if a.resolved { return a }
        speakers = saved
        return nil
    }

    /// The person paragraph `p` is about: the named subject opening it (`Rua Tane ran outside.`), or the person
    /// entity-tag named whom `he` or `she` opening its last sentence stands for (`The car hit Ana Ruiz's gate. She was
    /// asleep.`).
    private mutating func personAbout(_ p: Int) -> Attribution? {
        if let np = personOpening(p) { return named(np, cue: nil, direct: true) }
        let paragraph = paragraphs[p]
        guard tagged, paragraph.count > 2, let s = sentenceIndex(paragraph.upperBound - 1), sentences[s].lowerBound >= paragraph.lowerBound
        else { return nil }
        var k = sentences[s].lowerBound
        while k < paragraph.upperBound, TextLayout.isSpace(b[k]) { k += 1 }
        var e = k
        while e < paragraph.upperBound, Tokenizer.isLetterOrDigit(b[e]) { e += 1 }
        guard e > k, Pronoun(b, k..<e) == .person, let referent = resolve(.person, at: k), let person = phrases.personInside(referent) else { return nil }
        var a = Attribution(direct: true, speaker: person, mention: nil, cue: nil, kind: "pronoun")
        describeName(&a)
        return a
    }

    /// Whether a quotation speaks in the first person singular: `I` as a word (`I`, `I'm`, `I’d`).
    private func speaksForOneself(_ r: Range<Int>) -> Bool {
        var k = r.lowerBound
        while k < r.upperBound {
            if b[k] == 0x49, k == r.lowerBound || !Tokenizer.isLetterOrDigit(b[k - 1]),
               k + 1 == r.upperBound || b[k + 1] == 0x20 || b[k + 1] == 0x27 || b[k + 1] == 0xE2 || b[k + 1] == 0x2C {
                return true
            }
            k += 1
        }
        return false
    }

    /// Whether paragraph `p`, outside quotations, speaks of someone as `he`, `she` or `him`.
    private func mentionsPerson(_ p: Int) -> Bool {
        let r = paragraphs[p]
        var k = r.lowerBound
        while k < r.upperBound {
            guard Tokenizer.isLetterOrDigit(b[k]) else { k += 1; continue }
            var e = k + 1
            while e < r.upperBound, Tokenizer.isLetterOrDigit(b[e]) { e += 1 }
            if e - k <= 3, Pronoun(b, k..<e) == .person, !insideQuotation(k) { return true }
            k = e
        }
        return false
    }

    /// The person named as the subject opening paragraph `p` (`Rua Tane ran outside.`), not a pronoun.
    private mutating func personOpening(_ p: Int) -> Range<Int>? {
        let paragraph = paragraphs[p]
        guard paragraph.upperBound > paragraph.lowerBound, let s = sentenceIndex(paragraph.lowerBound + 1), !insideQuotation(sentences[s].lowerBound)
        else { return nil }
        guard !isHeading(sentences[s]) else { return nil }
        fillSentenceBuffer(max(sentences[s].lowerBound, paragraph.lowerBound)..<sentences[s].upperBound, maxTokens: 24)
        guard let np = phrases.subject(of: sentenceBuffer[...]), Pronoun(b, np) == nil, referentKinds(np).person, !tagged || phrases.personInside(np) != nil
        else { return nil }
        return np
    }

    /// The named speaker, resolving a pronoun.
    mutating func named(_ np: Range<Int>?, cue: String?, direct: Bool) -> Attribution {
        guard var np else { return Attribution(direct: direct, cue: cue) }
        // `Speaking with KCLR Live he said`: a participle's phrase before the subject is no part of it.
        if Pronoun(b, np) == nil {
            tokenizer.tokens(np, into: &phraseBuffer)
            if phraseBuffer.count >= 3, let first = phraseBuffer.first, first.kind == .word, isParticiple(first), isCapitalized(first),
               let last = phraseBuffer.last, last.kind == .word, let pronoun = Pronoun(b, last.start..<last.end), pronoun != .first {
                np = last.start..<last.end
            }
        }
        // `A statement from Lezayre Commissioners said:`, `a letter signed by the clerk read`: who issued the document.
        if b[np.lowerBound] | 0x20 == 0x61 || b[np.lowerBound] | 0x20 == 0x74 {
            tokenizer.tokens(np, into: &phraseBuffer)
            if phraseBuffer.count >= 4, phraseBuffer.count <= 12, isWord(phraseBuffer[0], "a") || isWord(phraseBuffer[0], "the"),
               let by = phraseBuffer.prefix(5).firstIndex(where: { isWord($0, "from") || isWord($0, "by") }), by >= 2, by + 1 < phraseBuffer.count,
               phraseBuffer[1..<by].allSatisfy({ $0.kind == .word }),
               QuoteText.documentNouns.contains(where: { isWord(phraseBuffer[by - 1], $0) || by >= 3 && isWord(phraseBuffer[by - 2], $0) }) {
                np = phraseBuffer[by + 1].start..<np.upperBound
            }
        }
        if let pronoun = Pronoun(b, np) {
            var a = Attribution(direct: direct, speaker: np, mention: np, cue: cue, kind: "pronoun")
            if pronoun == .first {
                a.mention = nil
                return a
            }
            guard let referent = resolve(pronoun, at: np.lowerBound) ?? (pronoun == .plural ? singularThey(np) : nil) else {
                a.resolved = false
                return a
            }
            // (A description the pronoun stands for, `Kanu's lead counsel asked ... He said:`, is the person the text
            // names with its words.)
            a.speaker = holder(ofRole: referent, before: np.lowerBound)
                ?? (pronoun == .person && phrases.personInside(referent) == nil ? describedPerson(referent, office: phrases.isRole(referent)) : nil)
                ?? referent
            describeName(&a)
            return a
        }
        speakers.insert(np, at: speakerIndex(np.lowerBound))
        if phrases.isRole(np) {
            // `the chief minister said`: the person who holds that office in the document.
            var a = Attribution(direct: direct, speaker: np, mention: np, cue: cue, kind: "role")
            if let person = holder(ofRole: np, before: np.lowerBound) ?? holder(ofInitials: np, before: np.lowerBound)
                ?? describedPerson(np, office: true) {
                a.speaker = person
                describeName(&a)
                return a
            }
            // (`the Chelsea midfielder said`: an epithet that is also a post, which no one named holds.)
            if !phrases.isEpithet(np) {
                a.resolved = false
                return a
            }
        }
        // `the former CJ said`: an office by its initials, which no list holds, after the office spelled out with a name.
        if !phrases.isRole(np), np.count <= 32, b[np.upperBound - 1] &- 0x41 < 26, WordSet.lower(b[np.lowerBound]) == 0x74,
           let person = holder(ofInitials: np, before: np.lowerBound) {
            var a = Attribution(direct: direct, speaker: person, mention: np, cue: cue, kind: "role")
            describeName(&a)
            return a
        }
        // `the don said`, `the veteran said`: a noun the text uses to name again someone it has just named, resolved as
        // `he` or `she` would be.
        if phrases.isEpithet(np), let referent = resolve(.person, at: np.lowerBound) {
            var a = Attribution(direct: direct, speaker: holder(ofRole: referent, before: np.lowerBound) ?? referent, mention: np, cue: cue,
                                kind: "role")
            describeName(&a)
            return a
        }
        // `the 45-year-old said`: the person the text gave that age (`Grace Mwangi, 45,`).
        if let person = phrases.personOfAge(np) {
            var a = Attribution(direct: direct, speaker: person, mention: np, cue: cue, kind: "role")
            describeName(&a)
            return a
        }
        // `the 29-year-old Dane said`: an age and one noun the text gave no one before, resolved as `he` or `she` would be.
        if phrases.isAgeEpithet(np), let referent = resolve(.person, at: np.lowerBound) {
            var a = Attribution(direct: direct, speaker: holder(ofRole: referent, before: np.lowerBound) ?? referent, mention: np, cue: cue,
                                kind: "role")
            describeName(&a)
            return a
        }
        // `the minister's statement said`: the person holding the office, when someone does.
        if let role = phrases.possessiveRole(np), let person = holder(ofRole: role, before: np.lowerBound) {
            var a = Attribution(direct: direct, speaker: person, mention: np, cue: cue, kind: "role")
            describeName(&a)
            return a
        }
        // `the chiefs’ letter said`: whose letter it is.
        if let owner = phrases.documentOwner(np) {
            return Attribution(direct: direct, speaker: owner, mention: np, cue: cue, kind: "role")
        }
        // `the statement said`: the person the text said it was signed or issued by.
        if let person = issuer(ofDocument: np) {
            var a = Attribution(direct: direct, speaker: person, mention: np, cue: cue, kind: "role")
            describeName(&a)
            return a
        }
        // `asked a man who identified himself as Sipho.`: the name the speaker gave.
        if let name = selfNamed(np) {
            var a = Attribution(direct: direct, speaker: name, mention: np, cue: cue, kind: "role")
            describeName(&a)
            return a
        }
        // `the interim chief executive said`: the person the text names with those words.
        if let person = describedPerson(np, office: false) {
            var a = Attribution(direct: direct, speaker: person, mention: np, cue: cue, kind: "role")
            describeName(&a)
            return a
        }
        return Attribution(direct: direct, speaker: np, cue: cue)
    }

    /// `a man who identified himself as Sipho Dube`, `a woman, who gave her name only as Ann,`: the capitalized name
    /// after `who`, a self-naming word within the next four words, and `as`, following a description that opens with an
    /// article or `one`.
    private mutating func selfNamed(_ np: Range<Int>) -> Range<Int>? {
        let c = b[np.lowerBound] | 0x20
        guard c == 0x61 || c == 0x6F || c == 0x74 else { return nil }
        // `who ` right after the description (or its comma), read off the bytes before any token is made: most
        // descriptions have none.
        var k = np.upperBound
        if k < b.count, b[k] == 0x2C { k += 1 }
        while k < b.count, b[k] == 0x20 { k += 1 }
        guard k + 4 <= b.count, b[k] | 0x20 == 0x77, b[k + 1] == 0x68, b[k + 2] == 0x6F, b[k + 3] == 0x20,
              let s = sentenceIndex(np.lowerBound) else { return nil }
        tokenizer.tokens(np.upperBound..<min(sentences[s].upperBound, np.upperBound + 90), into: &phraseBuffer)
        var words = phraseBuffer[...]
        if words.first?.kind == .comma { words.removeFirst() }
        guard let first = words.first, first.kind == .word, isWord(first, "who"),
              let named = words.dropFirst().prefix(5).firstIndex(where: { $0.kind == .word && isIn($0, lists.selfNaming) }),
              let sa = words[(named + 1)...].prefix(3).firstIndex(where: { $0.kind == .word && isWord($0, "as") }),
              words[words.startIndex..<sa].allSatisfy({ $0.kind == .word }) else { return nil }
        let name = words[(sa + 1)...].prefix { $0.kind == .word && isCapitalized($0) && !isIn($0, lists.determiners) }.prefix(4)
        guard let last = name.last, let head = name.first else { return nil }
        return head.start..<last.end
    }

    /// The speaker of quotation `k`. A quotation joined to it (`adding, "..."`, `and, "..."`) takes its
    /// own cue or keeps that one's; a bare quotation after it (`bare`) has no cue of its own.
    private func inherit(_ k: Int, cue: String? = nil, bare: Bool = false) -> Attribution {
        var a = results[k]
        a.direct = true
        if let cue { a.cue = cue } else if bare { a.cue = nil }
        return a
    }
}
