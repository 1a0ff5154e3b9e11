import LedeCore
import LedeText
import QuoteLexicon
import QuoteScanning

/// A document's bytes as quote-extract reads them word by word: the tests of one token (a cue, a capitalized word,
/// an initial, a possessive) and the phrases built of them (a sentence's subject, an apposed name, an office and
/// the person who holds it), which `Attributor` weighs as speakers.
///
/// Nothing in it changes while a document is attributed: every test is a function of the text, its entities and
/// the word lists alone. What the attributor decides and remembers (speakers so far, referents, buffers) stays there.
///
/// A class, so that the attributor's closures and mutating methods pass one reference, never a copy of the lists;
/// `@usableFromInline`, so that the one-token tests marked `@inlinable` are inlined in the attributor's module (each
/// was a call, and the attributor ran 60% more instructions).
@usableFromInline package final class QuoteText {
    /// The document's UTF-8 bytes; every range is an offset into them.
    @usableFromInline package let b: UnsafeBufferPointer<UInt8>
    package let tokenizer: Tokenizer
    /// The verbs of saying (`said`, `told`, `added`).
    @usableFromInline package let cues: WordSet
    package let lists: Lists
    /// The entities entity-tag found, sorted by start (none when it did not run).
    @usableFromInline package let entities: [Span]
    /// Whether entity-tag ran before: its entities then say who is a person, where capitals alone do not.
    @usableFromInline package let tagged: Bool

    package init(b: UnsafeBufferPointer<UInt8>, tokenizer: Tokenizer, cues: WordSet, lists: Lists, entities: [Span], tagged: Bool) {
        self.b = b
        self.tokenizer = tokenizer
        self.cues = cues
        self.lists = lists
        self.entities = entities
        self.tagged = tagged
    }
}

/// What a pronoun can refer to.
package enum Pronoun: Equatable {
    case person, plural, thing, first

    /// The pronoun spelled by `r`, in any case; nil for any other word.
    package init?(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) {
        var key: UInt64 = 0
        guard r.count <= 4 else { return nil }
        for i in r { key = key << 8 | UInt64(WordSet.lower(b[i])) }
        switch key {
        case 0x6865, 0x736865: self = .person              // he, she
        case 0x68696D: self = .person                      // him (`According to him, ...`)
        case 0x74686579: self = .plural                    // they
        case 0x7468656D: self = .plural                    // them
        case 0x6974: self = .thing                         // it
        case 0x69, 0x7765: self = .first                   // i, we
        default: return nil
        }
    }
}

/// What a token is (a cue, a capitalized word, an initial, a plural) and how a quotation ends.
extension QuoteText {
    @inlinable package func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }

    @inlinable package func text(_ t: Token) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[t.range]), as: UTF8.self) }

    @inlinable package func isCue(_ t: Token) -> Bool { cues.contains(b, t.range) }

    @inlinable package func isIn(_ t: Token, _ set: WordSet) -> Bool { set.contains(b, t.range) }

    @inlinable package func isWord(_ t: Token, _ word: StaticString) -> Bool {
        guard t.end - t.start == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for k in 0..<word.utf8CodeUnitCount where WordSet.lower(b[t.start + k]) != w[k] { return false }
        return true
    }

    /// A capitalized participle opening a sentence (`Speaking to reporters, ...`), not a name in -ing that entity-tag
    /// called a person (`Aisling Byrne`, `Fleming`).
    package func isLeadingParticiple(_ t: Token) -> Bool {
        isParticiple(t) && isCapitalized(t) && entityLabel(at: t.start) != "PERSON"
    }

    @inlinable package func isParticiple(_ t: Token) -> Bool {
        t.end - t.start > 4 && b[t.end - 3] == 0x69 && b[t.end - 2] == 0x6E && b[t.end - 1] == 0x67
    }

    /// An ASCII capital, or a Latin-1 one (`Ó`, `É`).
    @inlinable package func isCapitalized(_ t: Token) -> Bool {
        let c = b[t.start]
        return (c >= 0x41 && c <= 0x5A) || (c == 0xC3 && t.start + 1 < t.end && b[t.start + 1] >= 0x80 && b[t.start + 1] <= 0x9E)
    }

    /// A lowercase word in -ly (`diplomatically`) between a speaker and the cue.
    @inlinable package func isAdverb(_ t: Token) -> Bool {
        t.end - t.start > 4 && b[t.start] >= 0x61 && b[t.start] <= 0x7A && b[t.end - 2] == 0x6C && b[t.end - 1] == 0x79
    }

    /// A word in capitals (`JOHOR`, `SINGAPORE`), as datelines are written.
    @inlinable package func isAcronymLike(_ t: Token) -> Bool {
        t.end - t.start >= 2 && b[t.range].allSatisfy { !($0 >= 0x61 && $0 <= 0x7A) } && isCapitalized(t)
    }

    /// An initial: one capital, with or without its period (`M.`, `V`).
    @inlinable package func isInitial(_ t: Token) -> Bool {
        let n = t.end - t.start
        return (n == 1 || (n == 2 && b[t.start + 1] == 0x2E)) && b[t.start] >= 0x41 && b[t.start] <= 0x5A
    }

    /// An acronym (`ANC`, `BBC`): two to six capitals.
    @inlinable package func isAcronym(_ t: Token) -> Bool {
        let n = t.end - t.start
        guard n >= 2, n <= 6 else { return false }
        return b[t.range].allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }

    @inlinable package func isPlural(_ t: Token) -> Bool {
        let n = t.end - t.start
        guard n > 3 else { return false }
        let last = b[t.end - 1], before = b[t.end - 2]
        return last == 0x73 && before != 0x73 && before != 0x75 && before != 0x69 // -s, not -ss, -us, -is
    }

    @inlinable package func looksLikeVerb(_ t: Token) -> Bool {
        t.end - t.start > 3 && b[t.end - 2] == 0x65 && b[t.end - 1] == 0x64 // -ed
    }

    package func isName(_ chunk: ArraySlice<Token>) -> Bool {
        // `Rep. Jane Doherty, D-Springfield, said`: a US party and district is no name.
        if chunk.count == 1, isPartyDesignation(chunk[chunk.startIndex]) { return false }
        guard let first = chunk.first, isCapitalized(first), !isIn(first, lists.determiners) else {
            return chunk.first.map { t in entityLabel(at: t.start).map { ["PERSON", "ORG"].contains($0) } ?? false } ?? false
        }
        return chunk.allSatisfy { isCapitalized($0) || isIn($0, lists.nameParticles) }
    }

    /// `D-Springfield`, `R-Texas`, `I-Vt.`: a party's initial, a hyphen and a capitalized place.
    @inlinable package func isPartyDesignation(_ t: Token) -> Bool {
        t.end - t.start >= 4 && (b[t.start] == 0x44 || b[t.start] == 0x52 || b[t.start] == 0x49) && b[t.start + 1] == 0x2D
            && b[t.start + 2] >= 0x41 && b[t.start + 2] <= 0x5A
    }

    @inlinable package func entityLabel(at offset: Int) -> String? {
        let i = entities.firstIndex(startingAtOrAfter: offset)
        return i < entities.count && entities[i].start == offset ? entities[i].label : nil
    }

    package func startsCapitalized(_ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound, !Tokenizer.isLetterOrDigit(b[i]) { i += 1 }
        return i < r.upperBound && b[i] >= 0x41 && b[i] <= 0x5A
    }

    /// Whether a quotation's content ends a sentence (`.`, `?`, `!` or `…` as its last mark).
    package func endsSentence(_ r: Range<Int>) -> Bool {
        var i = r.upperBound - 1
        while i >= r.lowerBound, TextLayout.isSpace(b[i]) { i -= 1 }
        guard i >= r.lowerBound else { return false }
        let c = b[i]
        return c == 0x2E || c == 0x3F || c == 0x21 || (c == 0xA6 && i >= 2 && b[i - 1] == 0x80 && b[i - 2] == 0xE2)
    }

    /// Whether a full stop stands right after the closing mark (`"... the party".`, British style).
    /// Whether the words after a fragment are its attribution and nothing else: a cue first (`said Ms Ng`), or a
    /// short subject and its cue (`the Front said`), not a new clause (`while the patrol's spokesman, NAME,
    /// tweeted ...`, whose cue belongs to what follows).
    package func handsOver(_ after: ArraySlice<Token>) -> Bool {
        guard let first = after.first, first.kind == .word, !isIn(first, lists.subordinators), !isIn(first, lists.connectives) else {
            return false
        }
        if isCue(first) { return true }
        guard let c = after.prefix(6).firstIndex(where: { $0.kind == .word && isCue($0) }) else { return false }
        return after[..<c].allSatisfy { $0.kind == .word }
    }

    /// Whether a comma ends the quotation, inside its closing mark or right after it (`"...,"` or `"...",`).
    package func endsWithComma(_ q: Quotation) -> Bool {
        var i = q.content.upperBound - 1
        while i >= q.content.lowerBound, TextLayout.isSpace(b[i]) { i -= 1 }
        return (i >= q.content.lowerBound && b[i] == 0x2C) || (q.close < b.count && b[q.close] == 0x2C)
    }

    package func stopFollows(_ q: Quotation) -> Bool {
        q.close < b.count && (b[q.close] == 0x2E || b[q.close] == 0x3F || b[q.close] == 0x21)
    }

    /// A word of two or more capitals and no lower-case letter (`PPC`, `DCP`).
    @inlinable package func isCapitals(_ t: Token) -> Bool {
        t.end - t.start >= 2 && (t.start..<t.end).allSatisfy { b[$0] &- 0x41 < 26 }
    }

    /// A capitalized word that is no title or office, or an initial.
    package func isNameWord(_ t: Token) -> Bool {
        isCapitalized(t) && !isIn(t, lists.roles) && !isIn(t, lists.determiners) && !isWord(t, "and")
    }

    /// Whether entity-tag named a person starting at `t`.
    @inlinable package func startsPerson(_ t: Token) -> Bool {
        let i = entities.firstIndex(startingAtOrAfter: t.start)
        return i < entities.count && entities[i].start == t.start && entities[i].label == "PERSON"
    }

    /// Whether entity-tag named anything at `t`.
    @inlinable package func inEntity(_ t: Token) -> Bool {
        let i = entities.firstIndex(startingAtOrAfter: t.start)
        if i < entities.count, entities[i].start == t.start { return true }
        return i > 0 && entities[i - 1].start < t.start && entities[i - 1].end > t.start
    }

    @inlinable package func isPossessive(_ t: Token) -> Bool {
        let n = t.end - t.start
        if n > 2, b[t.end - 2] == 0x27, b[t.end - 1] == 0x73 { return true }
        return n > 4 && b[t.end - 4] == 0xE2 && b[t.end - 3] == 0x80 && b[t.end - 2] == 0x99 && b[t.end - 1] == 0x73
    }

    /// Whether `bytes` holds `text` (ASCII, compared as written).
    package static func contains(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ text: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        guard bytes.count >= needle.count else { return false }
        var k = bytes.startIndex
        while k + needle.count <= bytes.endIndex {
            if bytes[k..<(k + needle.count)].elementsEqual(needle) { return true }
            k += 1
        }
        return false
    }

    /// Whether `bytes` has a full stop, question or exclamation mark followed by a space: a sentence ends inside.
    package static func hasSentenceBreak(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var k = bytes.startIndex
        while k + 1 < bytes.endIndex {
            if bytes[k] == 0x2E || bytes[k] == 0x3F || bytes[k] == 0x21, bytes[k + 1] == 0x20, k + 2 < bytes.endIndex, bytes[k + 2] &- 0x41 < 26 { return true }
            k += 1
        }
        return false
    }
}
