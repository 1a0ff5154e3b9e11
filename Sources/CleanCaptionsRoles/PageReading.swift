import CleanCaptionsFeatures
import CleanCaptionsLines
import LedeCore
import LedeText

/// One page as ``RoleScorer/run(_:paragraphs:ruled:)`` reads it: the page's bytes and paragraphs, what rules did to them,
/// each paragraph's scan and verdict, and the places the passes find and share (the first content line, the body's first
/// and last paragraphs, the top of the text, the page's headline).
///
/// Each pass is a method that decides one thing, in a file by concern: `+Features` (the scans' features and the first
/// verdicts), `+Headline` (the headline and what stands above the text), `+Masthead` (the masthead, the header's bylines,
/// the pictures under the headline), `+Captions` (pictures' captions and copies inside the text), `+Runs` (other stories'
/// teasers and the page's chrome below the text) and `+Result`. `run` calls them in one order, which matters: a pass
/// reads the verdicts and places the passes before it left.
struct PageReading {
    /// The page's bytes.
    let b: UnsafeBufferPointer<UInt8>
    /// The paragraphs, as ranges of `b`.
    let paragraphs: [Range<Int>]
    /// What rules already did to each paragraph: one entry per paragraph.
    let ruled: [RoleScorer.Ruled]
    /// The weights the verdicts are judged by.
    let model: RoleModel
    /// The number of paragraphs.
    let n: Int
    /// Each paragraph's features: `nil` for a paragraph a rule removed, or an empty one.
    var scans: [ParagraphScan?]
    /// The scanner's buffer of tokens, kept from one paragraph to the next.
    var tokens: [ParagraphScan.Token]
    /// Each paragraph's verdict, once ``judgeAlone()`` has judged them: `nil` for one no role claims (or with no scan).
    var verdicts: [RoleModel.Verdict?] = []
    /// Headlines with a `Read more` link under them: other stories' teasers (``findReadMoreTeasers()``).
    var teasers: [Int] = []
    /// Sections' kickers at the very top (``isKicker(_:)``, read in ``findFirstContent()``).
    var kickers: [Int] = []
    /// Pictures' captions over their credit lines, above the headline (``findCaptionsAbove()``).
    var captionsAbove: [Int] = []
    /// Page titles, `Headline - Outlet`, over the headline itself (``findFirstContent()``).
    var pageTitles: [Int] = []
    /// The first content line: the headline as read before the neighbours' roles (``findFirstContent()``).
    var firstContent: Int?
    /// The last paragraph of the article proper, or -1 (``findLastBody()``).
    var lastBody = -1
    /// The first paragraph after the first content line that reads as body text, or `n` (``findFirstBody()``).
    var firstBody: Int
    /// Names of `By NAME` lines, and of names alone over a desk line (``collectBylineNames()``).
    var bylineNames: [Range<Int>] = []
    /// Whether each paragraph reads as body text (``markBodyLike()``).
    var bodyLike: [Bool] = []
    /// The first paragraph that reads as body text once the headline's copies are read, or `n` (``findTopBody()``).
    var topBody: Int
    /// The text's first paragraph, past title-like lines and a headline printed twice, or `n` (``findTextTop()``).
    var textTop: Int
    /// The page's headline, read from the text up (``readPageHeadline()``).
    var pageHeadline: Int?
    /// The headline's copy under it, the picture's alt text (``readPageHeadline()``).
    ///
    /// (The headline's copy under it, past removed lines, closing with a full stop: the picture's alt text.)
    var copyUnderHeadline: Int?
    /// A caption only its form suggests right over the text, under the stamp under the headline (``readPageHeadline()``).
    var captionUnderStamp: Int?
    /// A standfirst printed twice, under the headline and again over the text: its two copies (``readPageHeadline()``).
    var standfirstCopies: [Int] = []

    /// Scans every paragraph no rule removed: a plain paragraph of body text briefly, any other in full.
    init(_ b: UnsafeBufferPointer<UInt8>, paragraphs: [Range<Int>], ruled: [RoleScorer.Ruled], model: RoleModel) {
        let n = paragraphs.count
        var scans: [ParagraphScan?] = Array(repeating: nil, count: n)
        var tokens: [ParagraphScan.Token] = []
        tokens.reserveCapacity(64)
        for (i, p) in paragraphs.enumerated() {
            if case .none = ruled[i] {
                let t = TextLayout.trim(b, p)
                guard !t.isEmpty else { continue }
                if ParagraphScan.isPlainBody(b, t, index: i, next: i + 1 < n ? TextLayout.trim(b, paragraphs[i + 1]) : nil) {
                    scans[i] = ParagraphScan(plainBody: b, t, index: i, count: n)
                } else {
                    scans[i] = ParagraphScan(b, t, index: i, count: n, model: model, tokens: &tokens)
                }
            }
        }
        self.b = b
        self.paragraphs = paragraphs
        self.ruled = ruled
        self.model = model
        self.n = n
        self.scans = scans
        self.tokens = tokens
        firstBody = n
        topBody = n
        textTop = n
    }

    /// Whether a paragraph quotes someone: a quotation mark, other than a few words set off in quotes (a scare quote, a
    /// name: `the "clean city" operation`), which a picture's caption may hold as well as the text.
    func quoted(_ j: Int) -> Bool {
        guard let s = scans[j], s.features[.quote] else { return false }
        return !PageLines.scareQuotesOnly(b, TextLayout.trim(b, paragraphs[j]))
    }

    /// Whether only removed lines (or none) stand above paragraph `i`.
    func nothingKeptAbove(_ i: Int) -> Bool {
        for j in 0..<i {
            guard case .none = ruled[j], scans[j] != nil else { continue }
            // (The masthead's bar of links, `Harbour FM | HFM`, `News  Sport  Weather`, is the page's chrome, read as such
            // only later.)
            if scans[j]?.features[.noEndPunct] == true, scans[j]?.features[.short] == true, PageLines.isLinkBar(b, TextLayout.trim(b, paragraphs[j])) { continue }
            // (Nor is the site's name, a few words alone on the page's first line, right over such a bar or a menu a rule
            // removed: `Coast Post` over `Home  News  Sport`.)
            if j == 0, j + 1 < i, let s = scans[0], !s.plain, s.features[.noEndPunct], s.features[.short], (1...4).contains(s.words),
               { if case .other(let reason) = ruled[1] { return reason == "chrome" }; return scans[1].map { !$0.plain } ?? false }(),
               PageLines.isLinkBar(b, TextLayout.trim(b, paragraphs[1])) { continue }
            if !(verdicts[j].map { $0.decided && $0.role.isRemoved } ?? false) { return false }
        }
        return true
    }

    /// A section's kicker at the very top (`Local News`, `For Your Service`): two or three capitalized words alone, in
    /// title case, nothing kept above them, over a longer headline; or two such words as the page's very first line,
    /// over the first paragraph of the text. (A headline in capitals, `CURFEW BREACHES OVERNIGHT`, stays.)
    func isKicker(_ i: Int) -> Bool {
        guard let s = scans[i], !s.plain, s.nameLine, (2...3).contains(s.words), i + 1 < n, let next = scans[i + 1],
              verdicts[i].map({ !$0.decided || $0.role == .chrome }) ?? true, nothingKeptAbove(i) else { return false }
        let p = TextLayout.trim(b, paragraphs[i])
        guard p.contains(where: { b[$0] >= 0x61 && b[$0] <= 0x7A }) else { return false }
        if next.readsAsText { return i == 0 && s.words == 2 }
        return next.features[.noEndPunct] && next.features[.headlineLength] && next.words >= 4 && next.words > s.words && !next.nameLine
            && verdicts[i + 1].map({ !$0.decided || $0.role == .headline }) ?? true
    }

    /// Whether paragraph `j` is a credit line: removed as one by a rule, or read as one.
    func credit(_ j: Int) -> Bool {
        guard j >= 0, j < n else { return false }
        if case .credit = ruled[j] { return true }
        if case .none = ruled[j], let v = verdicts[j] { return v.decided && v.role == .credit }
        return false
    }

    /// A line removed for a reason other than a caption: chrome, a stamp, a byline, a credit. (Captions sit
    /// beside section headings as often as beside other picture lines, and so do advertisement marks inside
    /// the body: only above the body, or beside a credit, does such a neighbour count.)
    func removed(_ j: Int) -> Bool {
        guard j >= 0, j < n else { return false }
        switch ruled[j] {
        case .none: return verdicts[j].map { $0.decided && $0.role.isRemoved && $0.role != .caption } ?? false
        case .credit: return true
        case .other(let reason): return reason != "caption"
        }
    }

    /// The line after paragraph `i`, past a gallery's counter (`2`) between a picture's caption and its credit.
    func nextPastCounter(_ i: Int) -> Int {
        guard i + 2 < n, let c = scans[i + 1], !c.hasLetters, c.words <= 1, TextLayout.trim(b, paragraphs[i + 1]).count <= 3 else { return i + 1 }
        return i + 2
    }

    /// Whether paragraph `j` is a picture's caption or credit: removed as one by a rule, or read as one.
    func captionOrCredit(_ j: Int) -> Bool {
        guard j >= 0, j < n else { return false }
        switch ruled[j] {
        case .credit: return true
        case .other(let reason): return reason == "caption" || reason == "credit"
        case .none: return verdicts[j].map { $0.decided && ($0.role == .caption || $0.role == .credit) } ?? false
        }
    }

    /// Whether paragraphs `x` and `y` hold the same bytes.
    func same(_ x: Int, _ y: Int) -> Bool {
        let p = TextLayout.trim(b, paragraphs[x]), q = TextLayout.trim(b, paragraphs[y])
        if p.count == q.count, zip(p, q).allSatisfy({ b[$0] == b[$1] }) { return true }
        return p.count != q.count && abs(p.count - q.count) <= 16 && (p.count - q.count) % 2 == 0 && sameButQuotes(p, q)
    }

    /// Whether lines `p` and `q` are the same but for their quotation marks, curly in one and straight in the other
    /// (`About’, Says Mayor` and `About', Says Mayor`): a page's title and its heading, one typeset and one not.
    func sameButQuotes(_ p: Range<Int>, _ q: Range<Int>) -> Bool {
        // A curly mark, `‘’“”` (E2 80 98...9D), as the straight mark it stands for, and its length.
        func mark(_ i: Int, _ r: Range<Int>) -> (UInt8, Int) {
            if b[i] == 0xE2, i + 2 < r.upperBound, b[i + 1] == 0x80, (0x98...0x9D).contains(b[i + 2]) {
                return (b[i + 2] <= 0x9B ? 0x27 : 0x22, 3)
            }
            return (b[i], 1)
        }
        var i = p.lowerBound, j = q.lowerBound
        while i < p.upperBound, j < q.upperBound {
            let (x, dx) = mark(i, p), (y, dy) = mark(j, q)
            guard x == y else { return false }
            i += dx
            j += dy
        }
        return i == p.upperBound && j == q.upperBound
    }

    /// Whether paragraph `x` is paragraph `y` with line breaks in place of some of its spaces.
    func wrapped(_ x: Int, _ y: Int) -> Bool {
        let p = TextLayout.trim(b, paragraphs[x]), q = TextLayout.trim(b, paragraphs[y])
        guard p.count == q.count, p.contains(where: { b[$0] == 0x0A }) else { return false }
        return zip(p, q).allSatisfy { b[$0] == b[$1] || (b[$0] == 0x0A && b[$1] == 0x20) }
    }

    /// A sentence of ten words or more with no closing punctuation, on one line, beside a credit or below body
    /// text: a caption printed without its full stop (`Crowds gather outside the court on Monday`). Body text
    /// ends its sentences; a standfirst above the body, a headline and the items of a list (a mark opens them,
    /// a colon introduces them, or they come in a row) stay.
    func unpunctuatedSentence(_ j: Int) -> Bool {
        guard j >= 0, j < n, let s = scans[j], !s.plain, s.features[.noEndPunct], !s.features[.quote], s.words >= 10,
              !s.features[.long], s.hasLetters else { return false }
        let p = TextLayout.trim(b, paragraphs[j])
        guard !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }) else { return false }
        let c = b[p.lowerBound], e = b[p.upperBound - 1]
        // Opens with a capital; ends with a letter or a figure (not `:`, `,`, `...`, a dash or a bracket).
        return c >= 0x41 && c <= 0x5A && (ParagraphScan.isLetter(e) || ParagraphScan.isDigit(e))
    }

    /// Whether paragraph `j` says when the story was posted: a stamp of its date or time, or a short line with both.
    func postedStamp(_ j: Int) -> Bool {
        guard j >= 0, j < n, let s = scans[j], !s.plain else { return false }
        return s.features[.timeStamp] || s.features[.timestamp] || s.features[.dateStamp]
            || (s.features[.date] && s.features[.time] && s.features[.short])
    }

    /// `-Health Minister` under `‘2020, a year of delivery’`: a dash and who said it, under a headline that closes a
    /// quotation, is the headline's attribution, not a byline.
    func quoteAttribution(_ j: Int) -> Bool {
        guard j > 0 else { return false }
        let p = TextLayout.trim(b, paragraphs[j]), prev = TextLayout.trim(b, paragraphs[j - 1])
        guard !p.isEmpty, !prev.isEmpty, b[p.lowerBound] == UInt8(ascii: "-") || b[p.lowerBound] == 0xE2 else { return false }
        let e = b[prev.upperBound - 1]
        // A closing quotation mark: `'`, `"`, or `’`/`”` (E2 80 99 / E2 80 9D).
        return e == 0x27 || e == 0x22 || (prev.count >= 3 && b[prev.upperBound - 3] == 0xE2 && b[prev.upperBound - 2] == 0x80
            && (e == 0x99 || e == 0x9D))
    }

    /// Whether paragraph `i` is a headline of one sentence printed again past removed lines, or that copy.
    ///
    /// (Nor is a headline of one sentence closing with a full stop that the page prints again under it, past removed lines
    /// only, nor that copy: `Governor urges chairmen to form a committee.` over `Published`, `on`, and its copy as the
    /// picture's alt text.)
    func headlineOverCopy(_ i: Int) -> Bool {
        guard let s = scans[i], !s.plain, s.features[.endsPeriod], (4...25).contains(s.words), !s.features[.quote],
              TextLayout.trim(b, paragraphs[i]).count <= 200 else { return false }
        // (The stamp's lines between the copies, not a picture's: a paragraph printed twice around a caption is the text's.)
        func passed(_ j: Int) -> Bool {
            if case .none = ruled[j] {
                return scans[j] == nil || verdicts[j].map({ $0.decided && $0.role.isRemoved && $0.role != .caption && $0.role != .credit }) ?? false
            }
            if case .other(let reason) = ruled[j] { return reason != "caption" }
            return false
        }
        // (Either copy: the one under it is passed over too, to the text.)
        var j = i + 1
        while j < n, passed(j) { j += 1 }
        var copy = j < n && j > i + 1 && same(i, j)
        if !copy {
            j = i - 1
            while j >= 0, passed(j) { j -= 1 }
            copy = j >= 0 && j < i - 1 && same(i, j)
        }
        // (Read last, for its cost: no `said`, no narrative opening.)
        return copy && PageLines.readsAsCaption(b, TextLayout.trim(b, paragraphs[i]))
    }

    /// Words that report: a paragraph that uses them tells what happened, as the text does (``reports(_:)``).
    static let reporting: [StaticString] = ["said", "says", "told", "has", "have", "had", "will", "would", "announced", "added"]

    /// Whether paragraph `j` holds one of the ``reporting`` words.
    func reports(_ j: Int) -> Bool {
        let p = TextLayout.trim(b, paragraphs[j])
        var k = p.lowerBound
        while k < p.upperBound {
            while k < p.upperBound, !ParagraphScan.isLetter(b[k]) { k += 1 }
            var e = k
            while e < p.upperBound, ParagraphScan.isLetter(b[e]) { e += 1 }
            let w = k..<e
            for word in PageReading.reporting where isExactly(b, w, word) { return true }
            k = e
        }
        return false
    }

    /// Whether paragraph `j` is a credit of the outlet's archive: `LEDGER / file`, `Jo Lane / File photo`.
    func fileCredit(_ j: Int) -> Bool {
        guard j < n, credit(j) else { return false }
        let p = TextLayout.trim(b, paragraphs[j])
        guard p.count <= 60, let slash = p.firstIndex(where: { b[$0] == 0x2F }) else { return false }
        var k = slash + 1
        while k < p.upperBound, b[k] == 0x20 { k += 1 }
        guard k + 4 <= p.upperBound else { return false }
        let word = (k..<(k + 4)).map { b[$0] | 0x20 }
        return word == Array("file".utf8)
    }

    /// Whether paragraph `j` is a byline: removed as one by a rule, read as one, or a short line opening with `By`.
    func bylineAt(_ j: Int) -> Bool {
        guard j < n else { return false }
        switch ruled[j] {
        case .other(let reason): return reason == "byline"
        case .credit: return false
        case .none:
            guard let s = scans[j], !s.plain else { return false }
            if let v = verdicts[j], v.decided, v.role == .byline { return true }
            return s.features[.byStart] && s.words <= 8 && !s.features[.sentences]
        }
    }

    /// Whether line `h`, read as a headline above line `i`, stands in the masthead.
    ///
    /// (A line read as a headline above it stands in the masthead: a word or two, `Premium Exclusives`, or a line with
    /// removed lines, a menu or a breadcrumb, between it and the title. A headline right over a caption keeps it one.)
    func mastheadLine(_ h: Int, below i: Int) -> Bool {
        (scans[h]?.words ?? 0) <= 3 || ((h + 1)..<i).contains { j in
            if case .other(let reason) = ruled[j] { return reason == "chrome" }
            return verdicts[j].map { $0.decided && $0.role == .chrome } ?? false
        }
    }

    /// Whether paragraph `k` is a picture's caption right over the byline.
    ///
    /// (Or over its picture's caption, one sentence with its full stop, right over the byline: `Fares rise again` over
    /// `Riders queue at the pier.` over `By Jo Lane`.)
    func pictureOver(_ k: Int) -> Bool {
        guard k + 1 < n, case .none = ruled[k], scans[k] != nil else { return false }
        let p = TextLayout.trim(b, paragraphs[k])
        guard p.count <= 200, b[p.upperBound - 1] == 0x2E, PageLines.oneSentence(b, p),
              !p.contains(where: { b[$0] == 0x0A || PageLines.isQuoteMark(b, $0) }) else { return false }
        return bylineAt(k + 1)
    }
}
