import Foundation
import LedeText


/// What one pass over a paragraph's bytes finds: its features, and where a trailing credit begins.
package struct ParagraphScan {
    package var features = RoleFeatures()
    /// With `credit-tail`: the byte offset where the credit run starts.
    package var creditTail: Int?
    /// The dateline at the paragraph's start, if any.
    package var dateline: Dateline?
    /// The number of words (tokens with a letter or digit).
    package var words = 0
    /// Whether the paragraph has an ASCII letter (a paragraph of emoji or figures is no headline).
    package var hasLetters = false
    /// Whether the paragraph is a name alone: two to four capitalized words, no figures, no closing punctuation.
    package var nameLine = false
    /// Whether the paragraph is a bare label alone (`Photo`, `Image caption,`, `PCS`): the role scorer gives it
    /// `label-line` when a picture's lines stand before it.
    package var bareLabel = false

    /// A word of the paragraph: its bytes without surrounding punctuation, and its word-list flags.
    package struct Token {
        package var range: Range<Int>
        package var core: Range<Int>
        package var flags: UInt64
        package var capitalized: Bool
        package var lowercase: Bool
        package var endsSentence: Bool
        /// Whether a byte that some feature looks for inside words occurs (`@ : © " [ ( # / |`, a digit, a
        /// curly quote): the other words are not looked into again.
        package var special: Bool
        /// Whether a `/` or `|` joins parts of the word (`Photo/Eugene`).
        package var joined: Bool
        /// Whether it has an ASCII letter.
        package var hasLetter: Bool
        /// Whether it is digits (and commas) only, with punctuation around them at most (`2,000`, `2008.`).
        package var number: Bool
    }

    /// Scans the paragraph `r` (trimmed), the `index`th of `count`.
    /// Whether the paragraph `r` reads as plain body text at a glance, so that no feature can give it another
    /// role: more than 120 bytes, not the first paragraph, ending like a sentence, opening with no notice
    /// (`This ...`), with no address, handle, `©`, `|`, `/` or `#`, no label colon in its last 60 bytes, and not
    /// followed by a line short enough to be a credit. Most of an article's text is decided here, in one pass.
    package static func isPlainBody(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, index: Int, next: Range<Int>?) -> Bool {
        guard index > 0, r.count > 120, !startsWith(b, r, "This ") else { return false }
        if let next, next.count <= 60 { return false }
        let last = b[r.upperBound - 1]
        let terminal = last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") || last == UInt8(ascii: "\"")
            || (last == 0x9D && r.count > 3 && b[r.upperBound - 3] == 0xE2 && b[r.upperBound - 2] == 0x80)
        guard terminal else { return false }
        let tail = r.upperBound - 60
        // Eight bytes at a time while none of them is one of the bytes looked for.
        var i = r.lowerBound
        while i + 8 <= tail, !Self.mayMatter(UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)) { i += 8 }
        for i in i..<r.upperBound {
            switch b[i] {
            case UInt8(ascii: "@"), UInt8(ascii: "|"), UInt8(ascii: "/"), UInt8(ascii: "#"): return false
            case 0xC2 where i + 1 < r.upperBound && b[i + 1] == 0xA9: return false
            case UInt8(ascii: ":"), UInt8(ascii: ";"): if i >= tail { return false }
            default: continue
            }
        }
        return true
    }

    /// Whether any of eight bytes is `@ | / # : ;` or 0xC2, tested all at once.
    @inline(__always) package static func mayMatter(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        return hasZero(w ^ (ones &* 0x40)) | hasZero(w ^ (ones &* 0x7C)) | hasZero(w ^ (ones &* 0x2F)) | hasZero(w ^ (ones &* 0x23))
            | hasZero(w ^ (ones &* 0x3A)) | hasZero(w ^ (ones &* 0x3B)) | hasZero(w ^ (ones &* 0xC2)) != 0
    }

    /// Whether the scan took the paragraph for plain body text.
    package var plain = false
    /// Whether the paragraph reads as the text's own: plain, or closing like a sentence after eight words or more (or
    /// after more characters than the model reads, whose words are not counted).
    package var readsAsText: Bool { plain || (!features[.noEndPunct] && (words >= 8 || features[.long])) }
    /// A stamp of how long ago or how long (`2 days ago`, `5 min`): page furniture wherever it stands.
    package var relativeStamp = false
    /// Whether the credit tail is a bracketed agency tag alone (`(PTI)`, `(AFP)`), as wire copy closes its last
    /// paragraph with; a caption's credit only when body text follows.
    package var tailTag = false

    /// A plain body paragraph (see ``isPlainBody(_:_:index:next:)``): its position and length, nothing else.
    package init(plainBody b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, index: Int, count: Int) {
        features[.top] = index < 3
        features[.last] = index == count - 1
        features[.tail] = index >= count - 3
        features[.sentences] = true
        features[.endsPeriod] = b[r.upperBound - 1] == UInt8(ascii: ".")
        features[.long] = r.count > 250
        dateline = index < 6 ? Dateline(b, r) : nil
        hasLetters = true
        words = 20
        plain = true
    }

    /// `tokens` is scratch space, reused from paragraph to paragraph.
    package init(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, index: Int, count: Int, model: RoleModel, tokens: inout [Token]) {
        features[.first] = index == 0
        features[.top] = index < 3
        features[.last] = index == count - 1
        features[.tail] = index >= count - 3
        dateline = Dateline(b, r)
        if let d = dateline, d.range.upperBound >= r.upperBound { features[.datelineOnly] = true }
        var chars = 0
        for i in r where b[i] & 0xC0 != 0x80 {
            chars += 1
            if chars > 250 { break }
        }
        features[.short] = chars <= 120
        features[.tiny] = chars <= 30
        features[.long] = chars > 250
        guard r.count <= model.maxChars else { return }

        // Tokens: runs of non-space bytes. Of a long paragraph only the tail is read: a long paragraph is body
        // text unless it ends in a credit, and reading all of it would cost most of the stage's time.
        // Of any other paragraph that is not short, only the first twelve words (a caption's verb, a byline, a
        // notice's opening) and the tail are read, for the same reason.
        tokens.removeAll(keepingCapacity: true)
        var i = r.lowerBound
        let skipFrom = features[.long] ? 0 : features[.short] ? Int.max : 12
        if features[.long] { features[.sentences] = true }
        while i < r.upperBound {
            if tokens.count == skipFrom {
                let tail = r.upperBound - 100
                if tail > i {
                    features[.sentences] = true
                    i = tail
                    while i < r.upperBound, !TextLayout.isSpace(b[i]) { i += 1 }
                }
            }
            while i < r.upperBound, TextLayout.isSpace(b[i]) { i += 1 }
            guard i < r.upperBound else { break }
            let start = i
            while i < r.upperBound, !TextLayout.isSpace(b[i]) { i += 1 }
            tokens.append(Self.token(b, start..<i, model: model, hash: false))
        }
        // Word lists are asked about every word of a short paragraph, and about the first twelve and last ten
        // words of a longer one: the words the features read there.
        for k in tokens.indices where features[.short] || k < 12 || k >= tokens.count - 10 {
            let core = tokens[k].core
            if !core.isEmpty { tokens[k].flags = model.words.flags(b, core) }
        }
        guard !tokens.isEmpty else { return }

        // Ending punctuation.
        var e = r.upperBound - 1
        while e > r.lowerBound, b[e] & 0xC0 == 0x80 { e -= 1 }
        let last = b[e]
        let lastScalar: UInt32 = last < 0x80 ? UInt32(last)
            : (e + 2 < r.upperBound && last == 0xE2 ? (UInt32(b[e + 1]) << 8 | UInt32(b[e + 2])) | 0xE20000 : 0)
        let terminal = last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
            || last == UInt8(ascii: "\"") || last == UInt8(ascii: "'")
            || lastScalar == 0xE280A6 || lastScalar == 0xE2809D || lastScalar == 0xE28099
        features[.noEndPunct] = !terminal
        features[.endsPeriod] = last == UInt8(ascii: ".")

        var words = 0, letterWords = 0, capitals = 0, chrome = 0, notices = 0, months = 0, dateWords = 0, pleas = 0
        var reported = false
        for (k, t) in tokens.enumerated() {
            let hasLetterOrDigit = !t.core.isEmpty
            if hasLetterOrDigit { words += 1 }
            if t.hasLetter { hasLetters = true; letterWords += 1 }
            if t.capitalized { capitals += 1 }
            if t.flags & RoleModel.Word.chrome != 0 { chrome += 1 }
            if t.flags & RoleModel.Word.notice != 0 { notices += 1 }
            if t.flags & RoleModel.Word.title != 0 { features[.staffTitle] = true }
            if t.flags & RoleModel.Word.month != 0 { months += 1 }
            if t.flags & (RoleModel.Word.month | RoleModel.Word.weekday) != 0 || t.number { dateWords += 1 }
            // (A photo verb in speech the line reports, `He said the town now looks like a lake`, shows no picture.)
            if k < 12, t.lowercase, t.flags & RoleModel.Word.photoVerb != 0, !reported { features[.photoVerb] = true }
            if k < 12, t.lowercase, !reported, Self.reportsSpeech(b, t.core) { reported = true }
            if t.flags & RoleModel.Word.plea != 0 { pleas += 1 }
            if t.flags & RoleModel.Word.plea != 0, t.capitalized, k == 0 || tokens[k - 1].endsSentence {
                features[.pleaStart] = true
            }
            if k < tokens.count - 1, t.endsSentence, tokens[k + 1].capitalized { features[.sentences] = true }
            if t.special { scanInside(b, t, model: model) }
            if t.flags & RoleModel.Word.month != 0, k + 1 < tokens.count, tokens[k + 1].number {
                features[.date] = true
            }
        }
        if tokens.count >= 2, isExactly(b, tokens[0].range, "By") || isExactly(b, tokens[0].range, "BY"), tokens[1].capitalized {
            features[.byStart] = true
        }
        // `ByJane Roe`: a template that glues the label to the name.
        if tokens.count >= 2, tokens.count <= 4, tokens[0].range.count >= 4, startsWith(b, tokens[0].range, "By"),
           b[tokens[0].range.lowerBound + 2] >= 0x41 && b[tokens[0].range.lowerBound + 2] <= 0x5A,
           b[tokens[0].range.lowerBound + 3] >= 0x61 && b[tokens[0].range.lowerBound + 3] <= 0x7A, tokens[1].capitalized {
            features[.byStart] = true
        }
        if tokens.count >= 2, isExactly(b, tokens[0].range, "This"),
           isExactly(b, tokens[1].core, "article") || isExactly(b, tokens[1].core, "story") {
            features[.thisArticle] = true
        }
        self.words = words
        features[.capitalized] = letterWords > 0 && capitals * 10 >= letterWords * 7
        features[.timestamp] = features[.time] && features[.date] && features[.short]
        // `Reporter : NAME`, `Writer: NAME`.
        if tokens[0].flags & RoleModel.Word.title != 0, tokens.count > 1,
           b[tokens[0].range.upperBound - 1] == UInt8(ascii: ":") || isExactly(b, tokens[1].range, ":") {
            features[.titleLabel] = true
        }
        // `photo by NAME`, `Photos by NAME`, `illustration by NAME`.
        for k in 0..<(tokens.count - 1) where tokens[k].flags & RoleModel.Word.credit != 0 && isExactly(b, tokens[k + 1].core, "by") {
            features[.photoBy] = true
        }
        // Ends with when: `on Sunday.`, `Feb. 12.`, `May 19, 2019.`, `in January.`, `on 7 December 2018.`
        let lastWords = tokens.suffix(3)
        for t in lastWords where t.flags & (RoleModel.Word.month | RoleModel.Word.weekday) != 0 { features[.whenEnd] = true }
        if let end = tokens.last, end.core.count == 4, Self.isNumber(b, end.core) { features[.whenEnd] = true }
        if tokens.count >= 2, let end = tokens.last, Self.isNumber(b, end.core),
           tokens[tokens.count - 2].flags & RoleModel.Word.month != 0 { features[.whenEnd] = true }
        features[.headlineLength] = (3...25).contains(words)
        features[.chromeWord] = chrome > 0
        if tokens[0].flags & RoleModel.Word.chrome != 0 {
            let t = tokens[0]
            features[.chromeLabel] = (t.range.upperBound > t.core.upperBound && b[t.core.upperBound] == UInt8(ascii: ":"))
                || (tokens.count > 1 && isExactly(b, tokens[1].range, ":"))
        }
        features[.chromeWords] = chrome > 0 && chrome * 2 >= words && words <= 12
        features[.noticeWords] = notices >= 2
        features[.pleaWords] = pleas >= 2
        features[.dateOnly] = months > 0 && dateWords == words && words <= 6
        if features[.dateOnly] { features[.date] = true }
        lineForms(b, r, tokens, words: words, letterWords: letterWords, capitals: capitals, model: model)

        // Edges: credits and agencies.
        let first = tokens[0]
        let opener = b[first.range.lowerBound]
        // A credit word opens a credit line when a label mark, `by` or a bracket goes with it (`Photo : X`,
        // `[Source: X]`, `(Photo -X)`, `© Provided by X`), not when it starts a sentence (`Photos circulated`).
        let copyrightOpener = opener == 0xC2 && first.range.count == 2 && b[first.range.lowerBound + 1] == 0xA9
        let creditToken = copyrightOpener && tokens.count > 1 ? tokens[1] : first
        if creditToken.flags & RoleModel.Word.credit != 0 {
            let labelled = creditToken.range.upperBound > creditToken.core.upperBound || opener == UInt8(ascii: "(") || opener == UInt8(ascii: "[")
            let k = copyrightOpener ? 2 : 1
            let next = k < tokens.count ? tokens[k] : nil
            let joined = next.map { isExactly(b, $0.range, ":") || isExactly(b, $0.core, "by") || startsWith(b, $0.range, "-")
                || $0.flags & RoleModel.Word.credit != 0 } ?? false
            features[.creditStart] = copyrightOpener || labelled || joined
        } else if copyrightOpener {
            features[.creditStart] = true
        }
        let closer = b[r.upperBound - 1]
        features[.bracketed] = (opener == UInt8(ascii: "(") && closer == UInt8(ascii: ")"))
            || (opener == UInt8(ascii: "[") && closer == UInt8(ascii: "]"))
        let lastTokens = tokens.suffix(4)
        for t in lastTokens where t.range.lowerBound > first.range.lowerBound && Self.partFlags(b, t, model: model) & RoleModel.Word.credit != 0 { features[.creditEnd] = true }
        for t in tokens.suffix(2) where Self.partFlags(b, t, model: model) & RoleModel.Word.agency != 0 { features[.agencyEnd] = true }
        var s = max(r.lowerBound + 1, r.upperBound - 60)
        while s < r.upperBound - 1 {
            if b[s] == UInt8(ascii: "/"), Self.isLetter(b[s - 1]), b[s + 1] >= 0x41 && b[s + 1] <= 0x5A { features[.slashName] = true }
            // `Seth Herald | AFP | Getty Images`, `(Photo | R Satish Babu, EPS)`
            if b[s] == UInt8(ascii: "|") || b[s] == UInt8(ascii: "/"), b[s - 1] == 0x20, s + 2 < r.upperBound, b[s + 1] == 0x20, b[s + 2] >= 0x41 && b[s + 2] <= 0x5A {
                features[.slashName] = true
            }
            s += 1
        }
        // An agency tag after a dash (`... Oct 24. - ST`) closes wire copy's last paragraph too: among the last three
        // paragraphs it is not taken for a picture's credit.
        if let (start, labelled, tag) = Self.creditTail(b, tokens, model: model), !(tag && features[.tail]) {
            creditTail = start
            features[.creditTail] = true
            features[.creditLabel] = labelled
            tailTag = b[start] == UInt8(ascii: "(") && !(start..<r.upperBound).contains { TextLayout.isSpace(b[$0]) }
        }
        bareLabel = Self.label(b, r, model: model) != nil
        // Most paragraphs are one line; memchr finds that out at vector speed.
        if !bareLabel, memchr(b.baseAddress! + r.lowerBound, 0x0A, r.count) != nil { pictureLines(b, r, model: model) }
    }

    /// What kind of bare label a line is.
    package enum Label {
        /// Credit words alone (`Photo`, `Image caption,`, `Image source`): a label whose value follows.
        case words
        /// One short run of capitals (`PCS`, `AFP`): an agency's or a desk's credit, the value itself.
        case capitals
    }

    /// Whether the line `r` (a whole paragraph or one line of it) is nothing but a label: one or two credit words
    /// (`caption` among them) with a closing `,` `:` or `.` at most, or two to five capitals alone. Sites print
    /// such a line beside every picture; no sentence of an article is one.
    package static func label(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, model: RoleModel) -> Label? {
        var r = TextLayout.trim(b, r)
        // Capitals with a mark after them are a word of the text (`NO.`), not a credit.
        if r.count >= 2, r.count <= 5, r.allSatisfy({ b[$0] >= 0x41 && b[$0] <= 0x5A }) { return .capitals }
        while let last = r.last, b[last] == UInt8(ascii: ",") || b[last] == UInt8(ascii: ":") || b[last] == UInt8(ascii: ".") {
            r = r.lowerBound..<last
        }
        guard !r.isEmpty, r.count <= 24 else { return nil }
        var words = 0, i = r.lowerBound
        while i < r.upperBound {
            while i < r.upperBound, b[i] == 0x20 { i += 1 }
            let start = i
            while i < r.upperBound, isLetter(b[i]) { i += 1 }
            // A word of letters only, then a space or the end.
            guard start < i, i == r.upperBound || b[i] == 0x20 else { return nil }
            words += 1
            guard words <= 2, model.words.flags(b, start..<i) & RoleModel.Word.credit != 0
                    || isExactly(b, start..<i, "caption") || isExactly(b, start..<i, "Caption") else { return nil }
        }
        return words > 0 ? .words : nil
    }

    /// Whether the last line of the paragraph `r` is a label of credit words (`Image caption,`): the next
    /// paragraph is then that label's value, a caption or credit.
    package static func endsWithLabel(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, model: RoleModel) -> Bool {
        let r = TextLayout.trim(b, r)
        guard !r.isEmpty else { return false }
        var start = r.upperBound
        while start > r.lowerBound, b[start - 1] != 0x0A, b[start - 1] != 0x0D, r.upperBound - start <= 30 { start -= 1 }
        guard start == r.lowerBound || b[start - 1] == 0x0A || b[start - 1] == 0x0D else { return false }
        return label(b, start..<r.upperBound, model: model) == .words
    }

    /// A paragraph of two to eight short lines, as a picture's alt text, caption and credit are pasted: a line with
    /// no closing punctuation that another line repeats word for word (`repeated`: alt text beside its caption), or a bare label on a
    /// line after the first (`label-inside`: `Photo`, `PCS`). Lines of an article's text are neither.
    private mutating func pictureLines(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, model: RoleModel) {
        var lines: [Range<Int>] = []
        var start = r.lowerBound
        for i in r.lowerBound...r.upperBound where i == r.upperBound || b[i] == 0x0A {
            let line = TextLayout.trim(b, start..<i)
            if !line.isEmpty {
                guard line.count <= 240, lines.count < 8 else { return }
                lines.append(line)
            }
            start = i + 1
        }
        guard lines.count >= 2 else { return }
        for (k, line) in lines.enumerated() {
            if k > 0, Self.label(b, line, model: model) != nil { features[.labelInside] = true }
            // As between paragraphs: a line that ends like a sentence (or holds a quotation) is not taken for a copy.
            let last = b[line.upperBound - 1]
            guard line.count >= 8, last != UInt8(ascii: "."), last != UInt8(ascii: "!"), last != UInt8(ascii: "?"),
                  !line.contains(where: { b[$0] == UInt8(ascii: "\"") || (b[$0] == 0xE2 && $0 + 2 < line.upperBound && b[$0 + 1] == 0x80
                                                   && (b[$0 + 2] == 0x9C || b[$0 + 2] == 0x9D)) }) else { continue }
            for other in lines[(k + 1)...] where other.count == line.count && zip(line, other).allSatisfy({ b[$0] == b[$1] }) {
                features[.repeated] = true
            }
        }
    }

    /// Features of a paragraph's whole form: page stamps and widgets, consent prompts, desk bylines, name lines,
    /// uncredited caption lines, `Name / Outlet` credits, republication notices.
    private mutating func lineForms(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ tokens: [Token], words: Int,
                                    letterWords: Int, capitals: Int, model: RoleModel) {
        let noEnd = features[.noEndPunct], short = features[.short]
        let allCapitalized = letterWords > 0 && capitals == letterWords
        var consent = 0
        guard short else {
            // Of a longer paragraph only a consent prompt is looked for.
            for t in tokens where t.flags & RoleModel.Word.consent != 0 { consent += 1 }
            features[.consent] = consent >= 4
            return
        }
        let digits = r.contains { Self.isDigit(b[$0]) }
        var allLowercase = true
        // A date in any common form (`Sun. Nov 24th, 2024`, `16 Aug 2022`), and a stamp of when or how long
        // (`Updated 2 hours ago`, `5:40 am`, `3 min read`).
        var allDate = true, month = false, allStamp = true, figure = false, stampWord = false, ago = false, relative = false
        // (`September 2, 2010 — 3.41pm`: a date and its clock with a dot and `am` or `pm`, the story's own stamp under its
        // byline, read as a dateline as the date alone is.)
        var meridiemDot = false
        // (A mark between the parts, `3 May 2024 • 2 min read`, `May 3 · 4 min read`, is passed over.)
        for t in tokens where !t.core.isEmpty && !Self.isLoneMark(b, t.range) {
            let f = t.flags, figure0 = Self.isDigit(b[t.core.lowerBound])
            let ordinal = figure0 && Self.isOrdinal(b, t.core), clock = figure0 && t.special && Self.isClock(b, t.core)
            // `18m ago`, `3h`: a figure with the letter of its unit; `22.16 7 Nov 2019`: a clock with a dot (only
            // with a month name beside it, as a date stamp needs one).
            let compact = figure0 && Self.isCompactSpan(b, t.core), dotClock = figure0 && Self.isDotClock(b, t.core)
            if dotClock, t.core.count >= 6 { meridiemDot = true }
            if !t.lowercase || !t.hasLetter { allLowercase = false }
            if f & RoleModel.Word.consent != 0 { consent += 1 }
            let dateWord = f & (RoleModel.Word.month | RoleModel.Word.weekday | RoleModel.Word.weekdayShort) != 0 || t.number || ordinal || dotClock
            if f & RoleModel.Word.month != 0 { month = true }
            if !dateWord { allDate = false }
            if t.number || ordinal || clock || compact { figure = true }
            if clock || compact || f & RoleModel.Word.stamp != 0 { stampWord = true }
            if !(dateWord || clock || compact || f & RoleModel.Word.stamp != 0 || isExactly(b, t.core, "an") || isExactly(b, t.core, "a")) {
                allStamp = false
            }
            if isExactly(b, t.core, "ago") { ago = true }
            if compact || isExactly(b, t.core, "ago") || isExactly(b, t.core, "read") || isExactly(b, t.core, "min")
                || isExactly(b, t.core, "mins") { relative = true }
        }
        if allDate, month, words <= 6 {
            features[.dateOnly] = true
            features[.date] = true
            features[.dateStamp] = !Self.isFullDate(b, tokens) && !meridiemDot
        }
        // A stamp may close with the full stop of `p.m.` or `a.m.`.
        let meridiem = tokens.last.map { isExactly(b, $0.core, "p.m") || isExactly(b, $0.core, "a.m") } ?? false
        features[.timeStamp] = allStamp && (figure || ago) && stampWord && (noEnd || meridiem) && words <= 12
        // `2 days ago`, `18m ago`, `3 min read`: how long ago or how long, never a subhead of a timeline.
        relativeStamp = features[.timeStamp] && relative

        // Widgets: a lone counter or mark (`0`, `.`), a lowercase label (`national`), an embed tag
        // (`[video:https://...]`), a series blurb (`... See all 10 stories.`), a ticker (`ABC 40.09 ▲ 0.09 (0.23%)`).
        let tiny = features[.tiny]
        var widget = !hasLetters && tiny && words <= 2 && r.allSatisfy { b[$0] < 0x80 }
        widget = widget || (allLowercase && noEnd && tokens.count <= 2 && words > 0
                            && r.allSatisfy { b[$0] >= 0x61 && b[$0] <= 0x7A || b[$0] == 0x20 || b[$0] == UInt8(ascii: "-") })
        widget = widget || (tokens.count <= 4 && b[r.lowerBound] == UInt8(ascii: "[") && b[r.upperBound - 1] == UInt8(ascii: "]")
                            && tokens[0].range.contains { b[$0] == UInt8(ascii: ":") } && tokens[0].flags & RoleModel.Word.credit == 0)
        // `spot_img`, `ad_slot_2`: a template's name for a slot, leaked as text.
        widget = widget || (tokens.count == 1 && r.contains { b[$0] == UInt8(ascii: "_") }
                            && r.allSatisfy { b[$0] >= 0x61 && b[$0] <= 0x7A || b[$0] == UInt8(ascii: "_") || Self.isDigit(b[$0]) })
        // `{{item.hits}}`: a template's placeholder left unfilled (a date's view counter: `3 May 2021 09:00 - {{views.count}}`).
        widget = widget || tokens.contains { $0.range.count >= 2 && b[$0.range.lowerBound] == UInt8(ascii: "{") && b[$0.range.lowerBound + 1] == UInt8(ascii: "{") }
        for k in max(0, tokens.count - 5)..<max(0, tokens.count - 1)
        where (isExactly(b, tokens[k].core, "See") || isExactly(b, tokens[k].core, "View")) && isExactly(b, tokens[k + 1].core, "all") {
            widget = true
        }
        if noEnd, words <= 12, !widget {
            var decimals = 0, marks = false
            for t in tokens {
                if t.range.contains(where: { b[$0] == UInt8(ascii: "%") }) { marks = true }
                if let dot = t.core.first(where: { b[$0] == UInt8(ascii: ".") }), dot > t.core.lowerBound, dot + 1 < t.core.upperBound,
                   Self.isDigit(b[dot - 1]), Self.isDigit(b[dot + 1]) { decimals += 1 }
            }
            // ▲ ▼ (E2 96 B2, E2 96 BC)
            for i in r where b[i] == 0xE2 && i + 2 < r.upperBound && b[i + 1] == 0x96 && (b[i + 2] == 0xB2 || b[i + 2] == 0xBC) { marks = true }
            widget = decimals >= 2 && marks
        }
        // A bar of links: three items or more of a few words (seven at most), set apart by ` · `, ` | `, ` > `, ` › ` or ` » `
        // (`Multimedia · User Galleries · News in Pictures`, `Home > News > Local`), naming no agency or credit.
        if !widget, noEnd, tokens.count >= 3, tokens.count <= 24 {
            var items = 1, itemWords = 0, longest = 0, separated = true
            for t in tokens {
                let r = t.range
                let sep = isExactly(b, r, "|") || isExactly(b, r, ">")
                    || (r.count == 2 && b[r.lowerBound] == 0xC2 && (b[r.lowerBound + 1] == 0xB7 || b[r.lowerBound + 1] == 0xBB))
                    || (r.count == 3 && b[r.lowerBound] == 0xE2 && b[r.lowerBound + 1] == 0x80 && b[r.lowerBound + 2] == 0xBA)
                if sep {
                    if itemWords == 0 { separated = false }
                    items += 1
                    itemWords = 0
                } else {
                    if t.flags & (RoleModel.Word.agency | RoleModel.Word.credit) != 0 { separated = false }
                    itemWords += 1
                    longest = max(longest, itemWords)
                }
            }
            widget = separated && itemWords > 0 && items >= 3 && longest <= 7
        }
        features[.widget] = widget
        features[.linkLine] = noEnd && features[.whenEnd] && Self.isLinkLine(b, r)

        // A consent prompt of an embed, or a request to enable scripts: consent words (words: consent).
        let allowPrompt = isExactly(b, tokens[0].core, "Allow") && b[r.upperBound - 1] == UInt8(ascii: "?")
        features[.consent] = consent >= 4 || (consent >= 2 && (noEnd || allowPrompt))

        let last = tokens[tokens.count - 1]
        // `Staff Reporter`, `Web Desk`, `Senior Print Journalist`: a staff title or desk name closing a short
        // capitalized line. `The Japan Times`: an outlet's name alone.
        // (`Harbour Post reporter`, `Valley News newsroom`: the outlet's name capitalized, the title in lowercase.)
        if !allCapitalized, noEnd, !digits, (3...4).contains(tokens.count), last.flags & (RoleModel.Word.title | RoleModel.Word.desk) != 0,
           tokens.dropLast().allSatisfy({ $0.hasLetter && $0.capitalized }) {
            features[.deskLine] = true
        }
        if allCapitalized, noEnd, !digits, (1...4).contains(tokens.count) {
            if last.flags & (RoleModel.Word.title | RoleModel.Word.desk) != 0 { features[.deskLine] = true }
            // (`Valley Avalanche-Journal`: the outlet word may close a hyphenated name.)
            if (Self.partFlags(b, last, model: model) | Self.hyphenTailFlags(b, last, model: model)) & RoleModel.Word.agency != 0,
               !tokens.contains(where: { $0.flags & RoleModel.Word.credit != 0 }) { features[.outletLine] = true }
            nameLine = (2...4).contains(tokens.count) && tokens.allSatisfy { $0.hasLetter && $0.capitalized }
        }
        // `Kenji Sato / The Mainichi`: a credit of a name and an outlet, with a slash between spaces.
        if noEnd, tokens.count <= 8 {
            for k in 1..<max(1, tokens.count - 1) where isExactly(b, tokens[k].range, "/") || isExactly(b, tokens[k].range, "|") {
                let rest = tokens[..<k] + tokens[(k + 1)...]
                if rest.allSatisfy({ $0.capitalized || isExactly(b, $0.core, "the") || isExactly(b, $0.core, "of") }) {
                    features[.slashCredit] = true
                }
            }
        }
        guard !features[.quote] else { return }
        // `Big win: Mr Tan waves to supporters`: a lead of one to four words and a colon, then a description.
        // Not a label of the page (`Updated:`, `Tags:`, `Photo:`, `Reporter:`).
        let labels = RoleModel.Word.chrome | RoleModel.Word.credit | RoleModel.Word.title | RoleModel.Word.stamp
        // (A dateline's place in capitals and its colon, `ALOR SETAR: Police have ...`, is no lead.)
        if tokens[0].capitalized, tokens[0].flags & labels == 0, dateline == nil {
            for k in 0..<max(0, min(4, tokens.count - 3)) {
                let t = tokens[k]
                guard t.hasLetter else { break }
                if b[t.range.upperBound - 1] == UInt8(ascii: ":"), t.core.upperBound == t.range.upperBound - 1 {
                    features[.colonLead] = true
                    break
                }
            }
        }
        // `Rangers display the recovered rifle in Masvingo`: a scene in the present tense, with no full stop; not a
        // verb after `to` or a modal (`Races to watch`, `What voters will look for`), which reads as a heading.
        if noEnd, let k = tokens.prefix(12).firstIndex(where: { $0.lowercase && $0.flags & RoleModel.Word.photoVerb != 0 }), k > 0 {
            let before = tokens[k - 1].core
            features[.sceneLine] = !tokens[..<k].contains(where: { $0.lowercase && Self.reportsSpeech(b, $0.core) }) && !(isExactly(b, before, "to") || isExactly(b, before, "will") || isExactly(b, before, "can")
                || isExactly(b, before, "would") || isExactly(b, before, "could") || isExactly(b, before, "may")
                || isExactly(b, before, "must") || isExactly(b, before, "should") || isExactly(b, before, "might"))
                && !Self.opensWithClause(b, tokens[..<k])
        }
        // `Image of the suspect`, `Photo of the flooded road`: a picture named as such, the alt text of a page that
        // describes its images.
        if noEnd, words >= 3, words <= 8, tokens[0].capitalized, tokens[0].flags & RoleModel.Word.credit != 0,
           isExactly(b, tokens[1].core, "of"), tokens[1].range == tokens[1].core {
            features[.sceneLine] = true
        }
        // `Image of the suspect`, `Lagos government`: two to six words in sentence case, no figure, no closing
        // punctuation.
        features[.altLine] = (2...6).contains(words) && noEnd && tokens[0].capitalized && !features[.capitalized] && !digits
            && !features[.chromeWords] && !features[.photoBy]
            && !tokens.contains { b[$0.range.upperBound - 1] == UInt8(ascii: ":") } && !Self.questionWord(b, tokens[0].range)
        // `Published in The Daily Star, January 18th, 2015.`, `This article first appeared in ...`, `Originally
        // published by ...`: a note that the text ran elsewhere first, naming where.
        // (`– Published by ...`: after a dash.)
        let d0 = tokens[0].range
        let dashed = tokens.count >= 4 && (isExactly(b, d0, "-") || (d0.count == 3 && b[d0.lowerBound] == 0xE2 && b[d0.lowerBound + 1] == 0x80
                                                                      && (b[d0.lowerBound + 2] == 0x93 || b[d0.lowerBound + 2] == 0x94)))
        if tokens.count >= 3, tokens.count <= 30, tokens[2...].contains(where: { $0.capitalized }) {
            let w0 = tokens[dashed ? 1 : 0].core, w1 = tokens[dashed ? 2 : 1].core
            let lead = (isExactly(b, w0, "Published") || isExactly(b, w0, "Originally") || isExactly(b, w0, "First"))
                && (isExactly(b, w1, "in") || isExactly(b, w1, "published") || isExactly(b, w1, "appeared") || isExactly(b, w1, "ran")
                    || (dashed && isExactly(b, w1, "by")))
            let this = features[.thisArticle] && tokens.count >= 4
                && tokens[2...3].contains { isExactly(b, $0.core, "appeared") || isExactly(b, $0.core, "ran") || isExactly(b, $0.core, "published") }
            let version = isExactly(b, w0, "A") && isExactly(b, w1, "version") && isExactly(b, tokens[2].core, "of")
            features[.republished] = lead || this || version
        }
    }

    /// Whether the line is an item of a list of linked stories: a list mark (`-`, `–`, `•`, `*`, `·`, `»`)
    /// and a space open it, and a dash or bar between spaces later sets off what follows the headline (its
    /// date): `- Council moves to end fuel subsidy - December 26, 2024`.
    package static func isLinkLine(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        func mark(at i: Int) -> Int? {
            guard i < r.upperBound else { return nil }
            switch b[i] {
            case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "|"): return 1
            case 0xC2 where i + 1 < r.upperBound && (b[i + 1] == 0xB7 || b[i + 1] == 0xBB): return 2 // · »
            case 0xE2 where i + 2 < r.upperBound && b[i + 1] == 0x80 && (b[i + 2] == 0x93 || b[i + 2] == 0x94 || b[i + 2] == 0xA2): return 3 // – — •
            default: return nil
            }
        }
        guard let open = mark(at: r.lowerBound), r.lowerBound + open < r.upperBound, b[r.lowerBound + open] == 0x20 else { return false }
        var i = r.lowerBound + open + 1
        while i < r.upperBound - 2 {
            if b[i] == 0x20, let n = mark(at: i + 1), i + 1 + n < r.upperBound, b[i + 1 + n] == 0x20 { return true }
            i += 1
        }
        return false
    }

    /// Whether the tokens are a date in full: `Tuesday, May 3, 2022` (weekday, month name, day, year), the form of
    /// a dateline; other dates alone on a line are page stamps.
    package static func isFullDate(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token]) -> Bool {
        guard tokens.count == 4, tokens[0].flags & RoleModel.Word.weekday != 0, b[tokens[0].range.upperBound - 1] == UInt8(ascii: ","),
              tokens[1].flags & RoleModel.Word.month != 0, tokens[1].core.count >= 3, b[tokens[1].core.upperBound - 1] != UInt8(ascii: "."),
              tokens[2].number, b[tokens[2].core.lowerBound] != UInt8(ascii: "0"), b[tokens[2].range.upperBound - 1] == UInt8(ascii: ","),
              tokens[3].number, tokens[3].core.count == 4 else { return false }
        return true
    }

    /// Whether the words before a verb open with a clause of time or cause set off by a comma (`As the assembly opens its
    /// sitting, the new member delivers ...`, `While the council meets, ...`): a standfirst telling the news, which a
    /// picture's caption, showing a scene, does not open with.
    static func opensWithClause(_ b: UnsafeBufferPointer<UInt8>, _ before: ArraySlice<Token>) -> Bool {
        guard let first = before.first, before.count >= 3,
              isExactly(b, first.core, "As") || isExactly(b, first.core, "While") || isExactly(b, first.core, "When")
                || isExactly(b, first.core, "Before") || isExactly(b, first.core, "Since") || isExactly(b, first.core, "Although")
        else { return false }
        return before.dropFirst().contains { $0.range.upperBound > $0.core.upperBound && b[$0.core.upperBound] == UInt8(ascii: ",") }
    }

    /// Whether a lowercase word reports speech (`said`, `says`, `told`, `added`, `explained`, `noted`, `warned`): what follows
    /// it is what someone said, not what a picture shows. The first letter is compared before the word.
    package static func reportsSpeech(_ b: UnsafeBufferPointer<UInt8>, _ w: Range<Int>) -> Bool {
        guard w.count >= 4, w.count <= 9 else { return false }
        switch b[w.lowerBound] {
        case UInt8(ascii: "s"): return isExactly(b, w, "said") || isExactly(b, w, "says")
        case UInt8(ascii: "t"): return isExactly(b, w, "told")
        case UInt8(ascii: "a"): return isExactly(b, w, "added")
        case UInt8(ascii: "e"): return isExactly(b, w, "explained")
        case UInt8(ascii: "n"): return isExactly(b, w, "noted")
        case UInt8(ascii: "w"): return isExactly(b, w, "warned")
        default: return false
        }
    }

    /// `24th`, `3rd`, `1st`.
    package static func isOrdinal(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard r.count >= 3, r.count <= 6, isDigit(b[r.lowerBound]) else { return false }
        let s0 = b[r.upperBound - 2] | 0x20, s1 = b[r.upperBound - 1] | 0x20
        guard (s0 == 0x73 && s1 == 0x74) || (s0 == 0x6E && s1 == 0x64) || (s0 == 0x72 && s1 == 0x64) || (s0 == 0x74 && s1 == 0x68) else { return false }
        return r.dropLast(2).allSatisfy { isDigit(b[$0]) }
    }

    /// A clock time: `5:40`, `03:12`, `16:20`, `5:40am`.
    package static func isClock(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard let colon = r.first(where: { b[$0] == UInt8(ascii: ":") }), colon > r.lowerBound, colon - r.lowerBound <= 2,
              r[..<colon].allSatisfy({ isDigit(b[$0]) }) else { return false }
        var i = colon + 1, n = 0
        while i < r.upperBound, isDigit(b[i]) { i += 1; n += 1 }
        guard n == 2 else { return false }
        let rest = r.upperBound - i
        return rest == 0 || (rest == 2 && (b[i] | 0x20 == 0x61 || b[i] | 0x20 == 0x70) && b[i + 1] | 0x20 == 0x6D)
    }

    /// Features found inside one token: addresses, handles, times, hashtags, ©.
    private mutating func scanInside(_ b: UnsafeBufferPointer<UInt8>, _ t: Token, model: RoleModel) {
        let r = t.range
        var at = -1
        for i in r {
            let c = b[i]
            if c == UInt8(ascii: "@") { at = i }
            if c == UInt8(ascii: ":"), i > r.lowerBound, i + 2 < r.upperBound,
               Self.isDigit(b[i - 1]), Self.isDigit(b[i + 1]), Self.isDigit(b[i + 2]) {
                features[.time] = true
            }
            if c == 0xC2, i + 1 < r.upperBound, b[i + 1] == 0xA9 { features[.copyright] = true }
            if c == UInt8(ascii: "\"") || (c == 0xE2 && i + 2 < r.upperBound && b[i + 1] == 0x80 && (b[i + 2] == 0x9C || b[i + 2] == 0x9D)) {
                features[.quote] = true
            }
        }
        if at >= 0 {
            if at == r.lowerBound || (at == r.lowerBound + 1 && !Self.isLetter(b[r.lowerBound])) {
                if at + 1 < r.upperBound, Self.isLetter(b[at + 1]) { features[.handle] = true }
            } else if r[(at + 1)...].contains(where: { b[$0] == UInt8(ascii: ".") }) {
                features[.email] = true
            }
        }
        if startsWith(b, r, "[email") { features[.email] = true }
        if isExactly(b, r, "(left)") || isExactly(b, r, "(right)") || isExactly(b, r, "(center)") || isExactly(b, r, "(centre)")
            || isExactly(b, r, "(L)") || isExactly(b, r, "(R)") || isExactly(b, r, "(C)") || isExactly(b, r, "left)") || isExactly(b, r, "right)")
            // (`Jo Lane (middle) cuts the ribbon`, `Jo Lane, leftmost, swears in the board`.)
            || (r.count >= 7 && r.count <= 10 && (isExactly(b, r, "(middle)") || isExactly(b, r, "(front)") || isExactly(b, r, "leftmost,")
                                                 || isExactly(b, r, "rightmost,"))) {
            features[.positionMark] = true
        }
        if isExactly(b, r, "(END)") { features[.endMarker] = true }
        if startsWith(b, r, "http://") || startsWith(b, r, "https://") || startsWith(b, r, "www.") { features[.url] = true }
        if b[r.lowerBound] == UInt8(ascii: "#"), r.count > 1, Self.isLetter(b[r.lowerBound + 1]) { features[.hashtag] = true }
        // 2025-09-03, 2025.09.03, 2025/09/03
        if r.count >= 8, Self.isDigit(b[r.lowerBound]), r.count <= 11 {
            var digits = 0, seps = 0
            for i in r { if Self.isDigit(b[i]) { digits += 1 } else if b[i] == 0x2D || b[i] == 0x2E || b[i] == 0x2F { seps += 1 } }
            if digits >= 6, seps == 2 { features[.date] = true }
        }
    }

    /// A token with its core (letters, digits and inner punctuation) and word-list flags.
    package static func token(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, model: RoleModel, hash: Bool = true) -> Token {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, !isWordByte(b[lo]) { lo += 1 }
        while hi > lo, !isWordByte(b[hi - 1]) { hi -= 1 }
        let core = lo..<hi
        let flags = core.isEmpty || !hash ? 0 : model.words.flags(b, core)
        // One pass over the bytes gathers what each later question needs.
        var letter = false, digit = false, other = false, special = false, joined = false
        for i in range {
            let c = b[i]
            if c >= 0x61 && c <= 0x7A || c >= 0x41 && c <= 0x5A {
                letter = true
            } else if c >= 0x30 && c <= 0x39 {
                digit = true
            } else if c == UInt8(ascii: "/") || c == UInt8(ascii: "|") {
                joined = true
            } else if c == UInt8(ascii: "@") || c == UInt8(ascii: ":") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "[")
                        || c == UInt8(ascii: "(") || c == UInt8(ascii: "#") || c == 0xC2 || c == 0xE2 {
                special = true
            } else if c >= 0x80 {
                other = true
            }
        }
        let first = core.isEmpty ? 0 : b[core.lowerBound]
        var e = range.upperBound - 1
        while e > range.lowerBound, b[e] == UInt8(ascii: "\"") || b[e] == UInt8(ascii: ")") || b[e] & 0xC0 == 0x80 || b[e] == 0xE2 { e -= 1 }
        let ends = b[e] == UInt8(ascii: ".") || b[e] == UInt8(ascii: "!") || b[e] == UInt8(ascii: "?")
        let url = range.count >= 4 && (b[range.lowerBound] == UInt8(ascii: "h") || b[range.lowerBound] == UInt8(ascii: "w"))
        return Token(range: range, core: core, flags: flags,
                     capitalized: (first >= 0x41 && first <= 0x5A) || (first >= 0xC3 && first <= 0xC5),
                     lowercase: first >= 0x61 && first <= 0x7A, endsSentence: ends,
                     special: special || joined || digit || url, joined: joined, hasLetter: letter,
                     number: digit && !letter && !other && !special && !joined)
    }

    /// The word-list flags of a token and of each part of it between slashes (`Photo/Eugene`).
    package static func partFlags(_ b: UnsafeBufferPointer<UInt8>, _ t: Token, model: RoleModel) -> UInt64 {
        guard t.joined else { return t.flags }
        let range = t.range
        var flags: UInt64 = 0
        var start = range.lowerBound
        for i in range.lowerBound...range.upperBound where i == range.upperBound || b[i] == UInt8(ascii: "/") {
            var lo = start, hi = i
            while lo < hi, !isWordByte(b[lo]) { lo += 1 }
            while hi > lo, !isWordByte(b[hi - 1]) { hi -= 1 }
            if lo < hi { flags |= model.words.flags(b, lo..<hi) }
            start = i + 1
        }
        return flags
    }

    /// The word-list flags of the part of a token after its last hyphen (`Journal` of `Avalanche-Journal`), or none.
    package static func hyphenTailFlags(_ b: UnsafeBufferPointer<UInt8>, _ t: Token, model: RoleModel) -> UInt64 {
        guard let dash = t.core.last(where: { b[$0] == UInt8(ascii: "-") }), dash > t.core.lowerBound, dash + 1 < t.core.upperBound else { return 0 }
        return model.words.flags(b, (dash + 1)..<t.core.upperBound)
    }

    /// Where a trailing credit run starts: after the last sentence end (or at `Image:`-like label), a few
    /// capitalized words (or connectors) that hold an agency or credit word, with caption text before them.
    package static func creditTail(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], model: RoleModel) -> (Int, labelled: Bool, tag: Bool)? {
        guard tokens.count >= 2 else { return nil }
        // A label (`Image: X`, `image; X`) among the last ten words starts the credit, whatever follows.
        var k = tokens.count - 1
        while k >= max(1, tokens.count - 10) {
            let t = tokens[k]
            if t.flags & RoleModel.Word.credit != 0, t.range.upperBound > t.core.upperBound,
               b[t.core.upperBound] == UInt8(ascii: ":") || b[t.core.upperBound] == UInt8(ascii: ";") {
                return (t.range.lowerBound, true, false)
            }
            // `... Missing Persons DayCredit: PA`: a capitalized credit label glued to the caption's last word.
            if t.range.upperBound > t.core.upperBound, b[t.core.upperBound] == UInt8(ascii: ":") || k + 1 < tokens.count {
                var c = t.core.upperBound - 1
                while c > t.core.lowerBound, isLetter(b[c]), !(b[c] >= 0x41 && b[c] <= 0x5A) { c -= 1 }
                if c > t.core.lowerBound, b[c] >= 0x41 && b[c] <= 0x5A, b[c - 1] >= 0x61 && b[c - 1] <= 0x7A,
                   t.core.upperBound - c >= 4, t.core.upperBound < t.range.upperBound, b[t.core.upperBound] == UInt8(ascii: ":"),
                   model.words.flags(b, c..<t.core.upperBound) & RoleModel.Word.credit != 0 {
                    return (c, true, false)
                }
            }
            // `... under 18.Credit: Instagram`: a label glued to the sentence before it.
            if let dot = t.core.last(where: { b[$0] == UInt8(ascii: ".") }), dot + 1 < t.core.upperBound {
                let part = token(b, (dot + 1)..<t.range.upperBound, model: model)
                if part.flags & RoleModel.Word.credit != 0, part.range.upperBound > part.core.upperBound,
                   b[part.core.upperBound] == UInt8(ascii: ":") {
                    return (dot + 1, true, false)
                }
                // `... were seized.Picrure:John Dube`: any capitalized label glued to the sentence, then one to three
                // capitalized words, to the end.
                let c = dot + 1
                var e = c + 1
                while e < t.range.upperBound, isLetter(b[e]) { e += 1 }
                if b[c] >= 0x41 && b[c] <= 0x5A, e - c >= 3, e < t.range.upperBound, b[e] == UInt8(ascii: ":"), isLetter(b[dot - 1]) {
                    var names = 0, capitalized = true
                    if e + 1 < t.range.upperBound { names += 1; capitalized = b[e + 1] >= 0x41 && b[e + 1] <= 0x5A }
                    for u in tokens[(k + 1)...] { names += 1; capitalized = capitalized && u.capitalized }
                    if capitalized, (1...3).contains(names) { return (c, true, false) }
                }
            }
            k -= 1
        }
        // `... on Monday (Jane Roe/PA)`, `(Getty Images)`, `(Photo: X/AFP)`: a bracket opened within the last eight
        // words and closing the line, holding capitalized words with a slash between a name and an outlet, or a
        // credit or agency word. (A bracket of a sentence holds lowercase words, or ends before its full stop.)
        if let end = tokens.last, b[end.range.upperBound - 1] == UInt8(ascii: ")") {
            var k = tokens.count - 1
            while k >= max(1, tokens.count - 8), b[tokens[k].range.lowerBound] != UInt8(ascii: "(") { k -= 1 }
            if k >= 1, b[tokens[k].range.lowerBound] == UInt8(ascii: "("), !tokens[(k + 1)...].contains(where: { b[$0.range.lowerBound] == UInt8(ascii: "(") }) {
                var credit = false, names = true
                for t in tokens[k...] {
                    if partFlags(b, t, model: model) & (RoleModel.Word.agency | RoleModel.Word.credit) != 0 { credit = true }
                    if t.joined, let slash = t.range.first(where: { b[$0] == UInt8(ascii: "/") }), slash > t.range.lowerBound, slash + 1 < t.range.upperBound,
                       isLetter(b[slash - 1]), b[slash + 1] >= 0x41 && b[slash + 1] <= 0x5A, t.capitalized { credit = true }
                    if spacedSlash(b, tokens, at: t) { credit = true }
                    let connector = t.core.isEmpty || isExactly(b, t.core, "of") || isExactly(b, t.core, "the") || isExactly(b, t.core, "by")
                        || isExactly(b, t.core, "via") || isExactly(b, t.core, "and")
                    if !(t.capitalized || connector || t.flags & RoleModel.Word.credit != 0) { names = false }
                }
                if credit, names { return (tokens[k].range.lowerBound, false, false) }
                // `... in a house in Parkinson's. (Nine)`: after a sentence, one or two capitalized words in brackets,
                // a source's name (an article's paragraph closes with its sentence, or a wire tag the scorer keeps).
                if names, tokens.count - k <= 2, tokens[k - 1].endsSentence, tokens[k...].allSatisfy({ $0.capitalized || $0.number || isDigit(b[$0.core.lowerBound]) }),
                   tokens[k].range.lowerBound + 32 >= tokens[tokens.count - 1].range.upperBound {
                    return (tokens[k].range.lowerBound, false, false)
                }
            }
        }
        // `... on Oct 24. - ST`, `... on Friday. /AFP`: after the last sentence, a dash and a run of one or two words in
        // capitals (an agency's or a paper's tag), or the tag glued to a slash.
        if tokens.count >= 3, tokens[tokens.count - 3].endsSentence {
            let tag = tokens[tokens.count - 1], dash = tokens[tokens.count - 2].range
            let capitals = tag.core.count >= 2 && tag.core.count <= 6 && tag.core.allSatisfy { b[$0] >= 0x41 && b[$0] <= 0x5A }
            // - – —
            let isDash = (dash.count == 1 && b[dash.lowerBound] == UInt8(ascii: "-"))
                || (dash.count == 3 && b[dash.lowerBound] == 0xE2 && b[dash.lowerBound + 1] == 0x80 && (b[dash.lowerBound + 2] == 0x93 || b[dash.lowerBound + 2] == 0x94))
            if capitals, isDash { return (dash.lowerBound, false, true) }
        }
        if let tag = tokens.last, tokens[tokens.count - 2].endsSentence, b[tag.range.lowerBound] == UInt8(ascii: "/"),
           tag.core.lowerBound == tag.range.lowerBound + 1, tag.core.count >= 2, tag.core.count <= 6,
           tag.core.allSatisfy({ b[$0] >= 0x41 && b[$0] <= 0x5A }) {
            return (tag.range.lowerBound, false, true)
        }
        // Else the words after the last sentence end, when they read like a credit.
        var start = -1
        k = tokens.count - 1
        while k >= max(1, tokens.count - 7) {
            if tokens[k - 1].endsSentence { start = k; break }
            k -= 1
        }
        guard start >= 1 else { return nil }
        var credit = false
        for t in tokens[start...] {
            let flags = partFlags(b, t, model: model)
            if flags & (RoleModel.Word.agency | RoleModel.Word.credit) != 0 { credit = true }
            // `... on Friday. RNZ / Jane Roe`: an outlet and a name with a spaced slash between them.
            if spacedSlash(b, tokens, at: t) { credit = true }
            let connector = t.core.isEmpty || isExactly(b, t.core, "of") || isExactly(b, t.core, "the") || isExactly(b, t.core, "by")
                || isExactly(b, t.core, "via") || isExactly(b, t.core, "and") || isExactly(b, t.core, "for")
                || isExactly(b, t.core, "from")
            guard t.capitalized || connector || flags & RoleModel.Word.credit != 0 || isDigit(b[t.core.lowerBound]) else { return nil }
        }
        // `... on Sunday. Photo from the Transport Department`, `Photo by Jo Lane`: a credit word with its `by` or
        // `from` opens the run: a labelled credit.
        let opensLabelled = start + 1 < tokens.count && partFlags(b, tokens[start], model: model) & RoleModel.Word.credit != 0
            && (isExactly(b, tokens[start + 1].core, "by") || isExactly(b, tokens[start + 1].core, "from"))
        return credit ? (tokens[start].range.lowerBound, opensLabelled, false) : nil
    }

    /// Whether `t` is a slash (or bar) standing alone between two capitalized words: `Nine News / Jane Roe`.
    package static func spacedSlash(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], at t: Token) -> Bool {
        guard isExactly(b, t.range, "/") || isExactly(b, t.range, "|"),
              let k = tokens.firstIndex(where: { $0.range == t.range }), k > 0, k + 1 < tokens.count else { return false }
        let before = tokens[k - 1], after = tokens[k + 1]
        let opens = b[after.range.lowerBound] == UInt8(ascii: "(") ? after.range.lowerBound + 1 : after.range.lowerBound
        return (before.capitalized || b[before.range.lowerBound] == UInt8(ascii: "(")) && (after.capitalized || (opens < after.range.upperBound && b[opens] >= 0x41 && b[opens] <= 0x5A))
    }

    /// Whether a word is one mark of two or three bytes alone: a bullet, a middle dot, a dash (`•`, `·`, `—`).
    @inline(__always) package static func isLoneMark(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        (r.count == 3 && b[r.lowerBound] == 0xE2) || (r.count == 2 && b[r.lowerBound] == 0xC2)
    }
    @inline(__always) package static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) package static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) package static func isWordByte(_ c: UInt8) -> Bool { isLetter(c) || isDigit(c) || c >= 0x80 && c != 0xE2 && c != 0xC2 }

    /// `18m`, `3h`, `2d`, `45s`, `5min`, `2hrs`: one to three digits and the letters of a unit of time.
    package static func isCompactSpan(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound, isDigit(b[i]) { i += 1 }
        let n = i - r.lowerBound
        guard n >= 1, n <= 3, i < r.upperBound else { return false }
        let unit = i..<r.upperBound
        return isExactly(b, unit, "m") || isExactly(b, unit, "h") || isExactly(b, unit, "d") || isExactly(b, unit, "s")
            || isExactly(b, unit, "min") || isExactly(b, unit, "mins") || isExactly(b, unit, "hr") || isExactly(b, unit, "hrs")
    }

    /// `22.16`, `9.05`: hours and minutes with a dot.
    package static func isDotClock(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        // (`10.00pm`: the clock may close with `am` or `pm`.)
        var r = r
        if r.count == 6 || r.count == 7, b[r.upperBound - 1] | 0x20 == 0x6D, b[r.upperBound - 2] | 0x20 == 0x61 || b[r.upperBound - 2] | 0x20 == 0x70 {
            r = r.lowerBound..<(r.upperBound - 2)
        }
        guard r.count == 4 || r.count == 5 else { return false }
        let dot = r.upperBound - 3
        guard b[dot] == UInt8(ascii: "."), isDigit(b[dot + 1]), isDigit(b[dot + 2]), b[dot + 1] <= UInt8(ascii: "5") else { return false }
        return r[..<dot].allSatisfy { isDigit(b[$0]) }
    }

    package static func isNumber(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        !r.isEmpty && r.allSatisfy { isDigit(b[$0]) || b[$0] == UInt8(ascii: ",") }
    }
}

extension ParagraphScan {
    /// Whether a word is a question word, alone or with its `'s` (`What’s happening now`, `How it began`, `Why it
    /// matters`): a line it opens is the text's subheading, never a picture's alt text, which names what the picture shows.
    package static func questionWord(_ b: UnsafeBufferPointer<UInt8>, _ w: Range<Int>) -> Bool {
        var e = w.lowerBound
        while e < w.upperBound, isLetter(b[e]) { e += 1 }
        let word = w.lowerBound..<e
        guard e == w.upperBound || b[e] == UInt8(ascii: "'") || b[e] == 0xE2 else { return false }
        for q: StaticString in ["What", "How", "Why", "Where", "When", "Who"] where isExactly(b, word, q) { return true }
        return false
    }
}

/// Whether the bytes at `r` are exactly `literal`.
@inline(__always)
package func isExactly(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ literal: StaticString) -> Bool {
    r.count == literal.utf8CodeUnitCount && startsWith(b, r, literal)
}

/// Whether the bytes at `r` start with `literal`.
@inline(__always)
package func startsWith(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ literal: StaticString) -> Bool {
    let n = literal.utf8CodeUnitCount
    guard r.count >= n else { return false }
    let p = literal.utf8Start
    for k in 0..<n where b[r.lowerBound + k] != p[k] { return false }
    return true
}

/// Whether the bytes at `r` start with `literal` (written in lower case), ignoring ASCII case.
@inline(__always)
package func startsWithFolded(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ literal: StaticString) -> Bool {
    let n = literal.utf8CodeUnitCount
    guard r.count >= n else { return false }
    let p = literal.utf8Start
    for k in 0..<n {
        let c = b[r.lowerBound + k]
        if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != p[k] { return false }
    }
    return true
}

/// Whether the bytes at `r` are `literal` (written in lower case), ignoring ASCII case.
@inline(__always)
package func isExactlyFolded(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ literal: StaticString) -> Bool {
    r.count == literal.utf8CodeUnitCount && startsWithFolded(b, r, literal)
}

/// Whether `literal` (written in lower case) occurs in the bytes at `r`, ignoring ASCII case.
package func containsFolded(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ literal: StaticString) -> Bool {
    let n = literal.utf8CodeUnitCount
    var i = r.lowerBound
    while i + n <= r.upperBound {
        if startsWithFolded(b, i..<r.upperBound, literal) { return true }
        i += 1
    }
    return false
}
