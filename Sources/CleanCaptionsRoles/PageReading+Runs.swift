import CleanCaptionsFeatures
import CleanCaptionsLines
import LedeCore
import LedeText

/// Other stories' teasers and runs of their headlines, and the page's chrome below the text: sign-offs, author
/// boxes, a feed's next story, readers' comments, lines in another script.
extension PageReading {
    /// A headline with a `Read more` link under it is a teaser for another story (`Ogun workers suspend strike`
    /// over `Read More`), not this article's headline.
    mutating func findReadMoreTeasers() {
        for i in 0..<max(0, n - 1) {
            guard let s = scans[i], !s.plain, s.features[.short], s.words >= 3, s.features[.noEndPunct] || PageLines.isTeaser(b, TextLayout.trim(b, paragraphs[i]), s),
                  PageLines.isReadMore(b, TextLayout.trim(b, paragraphs[i + 1])) else { continue }
            teasers.append(i)
        }
    }

    /// Another story's teaser, its byline in capitals glued to its first words and cut off (`BY JO LANE THE board ...`,
    /// removed by a rule), under its headline: that headline is the teaser's too, not this page's.
    mutating func markCutOffTeaserHeadlines() {
        for i in 0..<max(0, n - 1) {
            guard case .none = ruled[i], let s = scans[i], !s.plain, s.features[.noEndPunct], s.features[.headlineLength],
                  case .other = ruled[i + 1] else { continue }
            let q = TextLayout.trim(b, paragraphs[i + 1])
            guard q.count > 12, b[q.lowerBound] == 0x42, b[q.lowerBound + 1] == 0x59, b[q.lowerBound + 2] == 0x20,
                  b[q.upperBound - 1] == 0x2E && b[q.upperBound - 2] == 0x2E && b[q.upperBound - 3] == 0x2E
                    || b[q.upperBound - 3] == 0xE2 && b[q.upperBound - 2] == 0x80 && b[q.upperBound - 1] == 0xA6 else { continue }
            verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.relatedRun])
        }
    }

    /// A teaser for another story cut off with `...` or `…` (`Minister calls for talks to end the strike bef...`), set
    /// between the text's paragraphs or below them: one line of a headline's length, one sentence, no quotation, the
    /// mark glued to its word. (A paragraph of the text the page cut off is longer.)
    mutating func readCutOffTeasers() {
        for i in 0..<n where verdicts[i] == nil || verdicts[i]?.decided == false {
            guard let s = scans[i], !s.plain, s.words >= 4, !s.features[.sentences], !s.features[.quote], topBody < i else { continue }
            let p = TextLayout.trim(b, paragraphs[i])
            guard p.count <= 110, b[p.lowerBound] >= 0x41 && b[p.lowerBound] <= 0x5A, !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }),
                  let mark = PageLines.ellipsis(b, p), mark > p.lowerBound, ParagraphScan.isLetter(b[mark - 1]),
                  !PageLines.opensNarrative(b, p) else { continue }
            guard i + 1 >= n || bodyLike[i + 1] || scans[i + 1] == nil || verdicts[i + 1].map({ $0.decided && $0.role.isRemoved }) ?? false,
                  i - 1 >= 0 && bodyLike[i - 1] else { continue }
            verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.teaser])
        }
    }

    /// Below the text's first paragraph, the title of a video set in it, labelled (`Watch: Harbour Rovers 3-0 City
    /// highlights`, `VIDEO: Crews clear the road`, `WATCH | Divers search the harbour`): one line with no closing punctuation. (At the top of the page such a
    /// line is the article's own headline.)
    mutating func readVideoTitles() {
        for i in (topBody + 1)..<max(topBody + 1, n) where verdicts[i] == nil || verdicts[i]?.decided == false {
            guard let s = scans[i], !s.plain, s.features[.noEndPunct], s.words >= 3, s.words <= 25 else { continue }
            let p = TextLayout.trim(b, paragraphs[i])
            guard startsWithFolded(b, p, "watch:") || startsWithFolded(b, p, "video:") || startsWithFolded(b, p, "watch |")
                    || startsWithFolded(b, p, "watch|") || startsWithFolded(b, p, "listen |") || startsWithFolded(b, p, "listen|"),
                  !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }) else { continue }
            verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.teaser])
        }
    }

    /// Below the text's first paragraph, a listed story's title right under its section and age removed as chrome
    /// (`Business6 days ago` over `Port board names new chief`): one line with no closing punctuation, another story.
    mutating func readTitlesUnderAges() {
        for i in (topBody + 1)..<max(topBody + 1, n) where i != pageHeadline && (verdicts[i] == nil || verdicts[i]?.decided == false) {
            guard case .none = ruled[i], let s = scans[i], !s.plain, s.features[.noEndPunct], s.words >= 3, s.words <= 25,
                  ageLineAbove(i) else { continue }
            let p = TextLayout.trim(b, paragraphs[i])
            guard p.count <= 160, !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }) else { continue }
            verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.relatedRun])
        }
    }

    /// Whether the line right over `i` is removed as chrome and says how long ago a story ran, closing with a figure's
    /// ` days ago` (`Sport 2 hours ago`, `News4 days ago`).
    func ageLineAbove(_ i: Int) -> Bool {
        let k = i - 1
        if case .other(let reason) = ruled[k], reason == "chrome" {} else if !(verdicts[k].map { $0.decided && $0.role == .chrome } ?? false) {
            return false
        }
        let q = TextLayout.trim(b, paragraphs[k])
        guard q.count >= 6, q.count <= 50, b[q.upperBound - 4] == 0x20, b[q.upperBound - 3] == UInt8(ascii: "a"),
              b[q.upperBound - 2] == UInt8(ascii: "g"), b[q.upperBound - 1] == UInt8(ascii: "o") else { return false }
        return q.contains { b[$0] >= 0x30 && b[$0] <= 0x39 }
    }

    /// The page's closing boilerplate about the outlet or a body named in it: down to the page's end, pairs of a heading
    /// `About ` and a name (`About Harbour Radio`, `About the Harbour Board`) over one paragraph that names it again
    /// (`Harbour Radio serves the coast ...`). A heading of the text with no name (`About the new pier`) is no such line.
    mutating func readAboutBlocks() {
        var i = n - 2
        var found: [Int] = []
        while i > topBody, let name = aboutName(i), i + 1 < n, scans[i + 1] != nil,
              found.isEmpty ? i + 1 == n - 1 : found.last == i + 2, holds(i + 1, name) {
            found.append(i)
            i -= 2
        }
        for k in found {
            for j in [k, k + 1] where verdicts[j].map({ $0.role != .headline && $0.role != .dateline }) ?? true {
                verdicts[j] = RoleModel.Verdict(role: .signature, confidence: 1, decided: true, signals: [.signOff])
            }
        }
    }

    /// The first capitalized word after `About ` (and `the `) opening a short line with no closing punctuation.
    func aboutName(_ i: Int) -> Range<Int>? {
        guard case .none = ruled[i], let s = scans[i], !s.plain, s.features[.noEndPunct], s.words >= 2, s.words <= 8 else { return nil }
        let p = TextLayout.trim(b, paragraphs[i])
        guard startsWithFolded(b, p, "about "), b[p.lowerBound] == UInt8(ascii: "A") else { return nil }
        var start = p.lowerBound + 6
        if start + 4 <= p.upperBound, startsWithFolded(b, start..<p.upperBound, "the ") { start += 4 }
        guard start < p.upperBound, b[start] >= 0x41 && b[start] <= 0x5A else { return nil }
        var end = start
        while end < p.upperBound, b[end] != 0x20 { end += 1 }
        return end - start >= 2 ? start..<end : nil
    }

    /// Whether paragraph `j` holds the bytes of `name`.
    func holds(_ j: Int, _ name: Range<Int>) -> Bool {
        let q = TextLayout.trim(b, paragraphs[j])
        guard q.count >= name.count else { return false }
        var i = q.lowerBound
        while i + name.count <= q.upperBound {
            if zip(i..<(i + name.count), name).allSatisfy({ b[$0.0] == b[$0.1] }) { return true }
            i += 1
        }
        return false
    }

    /// The name under a press release's end marker (`ENDS`), with its service after a slash (`Jo Lane/City Police`):
    /// the release's sign-off, a byline.
    /// (Page chrome by its place below the text, it is the sign-off by what stands above it.)
    mutating func readSignOffs() {
        for i in 1..<max(1, n) where verdicts[i].map({ !$0.decided || $0.role == .chrome }) ?? true {
            guard let s = scans[i], !s.plain, s.features[.short], s.features[.noEndPunct], s.features[.capitalized], !s.features[.quote],
                  (2...8).contains(s.words), PageLines.isEndsMarker(b, TextLayout.trim(b, paragraphs[i - 1])) else { continue }
            verdicts[i] = RoleModel.Verdict(role: .byline, confidence: 1, decided: true, signals: [.signOff])
        }
    }

    /// Under a label of related stories (`More Stories`, `Related`, `Trending`, `Latest in Sport`, `Breaking`,
    /// `Upcoming Events`), the list of their headlines (no closing punctuation) and cut-off teasers (`...`, `... More
    /// Info`), to the first paragraph that is neither. The label is read in a paragraph removed as chrome, or in one
    /// no role claims. Above the text, the run stops at the page's headline.
    mutating func readRelatedLabelRuns() {
        for i in 0..<n where {
            if case .none = ruled[i] { return verdicts[i].map { !$0.decided || $0.role == .chrome } ?? (scans[i]?.plain == false) }
            if case .other(let reason) = ruled[i] { return reason == "chrome" }
            return false
        }() && paragraphs[i].count <= 40 && PageLines.isRelatedLabel(b, TextLayout.trim(b, paragraphs[i])) {
            // (Above the headline only: a label below it is read among the lines the text leaves.)
            guard i > (firstContent ?? -1) || pageHeadline.map({ i < $0 }) == true else { continue }
            var j = i + 1
            // (A `Read more` label links to a story's headline, six words or more: a short subhead of the text under a
            // link stays.)
            let readMore = PageLines.isReadMore(b, TextLayout.trim(b, paragraphs[i]))
            // (An item's name of one or two words, `Lantern Walk`, counts when an item of the list follows it.)
            func item(_ j: Int, name: Bool = false) -> Bool {
                guard j < n, j != pageHeadline, case .none = ruled[j], let s = scans[j], !s.plain else { return false }
                if name { return s.words <= 2 && s.hasLetters && s.features[.noEndPunct] && s.features[.short] && !s.features[.quote] }
                return PageLines.isTeaser(b, TextLayout.trim(b, paragraphs[j]), s) && (!readMore || s.words >= 6)
            }
            // (An item's picture, its caption already read, counts when the item's headline follows it.)
            func picture(_ j: Int) -> Bool {
                guard j < n, case .none = ruled[j], let v = verdicts[j] else { return false }
                return v.decided && (v.role == .caption || v.role == .credit)
            }
            while item(j) || (item(j, name: true) && item(j + 1)) || (picture(j) && item(j + 1)) { j += 1 }
            // A list whose items open with how long ago they were posted (`53 mins ago in Entertainment`), each with its
            // title and a line of blurb: item after item, each stamp followed by one or two lines (not three: the text's
            // paragraphs run on), the last closing the page.
            func stamp(_ k: Int) -> Bool {
                guard k < n, case .none = ruled[k], scans[k] != nil else { return false }
                return PageLines.agoLine(b, TextLayout.trim(b, paragraphs[k]))
            }
            func line(_ k: Int) -> Bool {
                guard k < n, case .none = ruled[k], scans[k] != nil else { return false }
                let p = TextLayout.trim(b, paragraphs[k])
                return p.count <= 300 && !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D })
            }
            if !readMore, stamp(i + 1) {
                var k = i + 1
                while stamp(k) {
                    var m = k + 1
                    while m < n, m - k <= 2, !stamp(m), line(m) { m += 1 }
                    guard m > k + 1, m == n || stamp(m) else { break }
                    k = m
                }
                j = max(j, k)
            }
            // Above the headline, a list has two items at least: one line between a label and the headline may be the
            // headline itself over its standfirst (`Breaking` over `Minister resigns` over `The port deal ...`).
            if pageHeadline.map({ i < $0 }) == true, j - i - 1 < 2 { continue }
            for k in (i + 1)..<j { verdicts[k] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.relatedRun]) }
            if j > i + 1, case .none = ruled[i] {
                verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.relatedRun])
            }
        }
    }

    /// Below the article, with no label: a run of other stories' headlines (a few words in sentence case, no
    /// closing punctuation) and cut-off teasers, among lines already removed (stamps, section names), down to
    /// the page's end. Three such headlines at least, under a paragraph that ends like a sentence (a list the
    /// text introduces ends its lead-in with a colon).
    mutating func readUnlabelledRun() {
        var run: [Int] = []
        var headlines = 0
        // Whether page chrome stands below a headline of the run (`Regulatory body set up` over a widget's counters),
        // and whether the run opens the page's end with a line cut off in mid-sentence.
        // (With fewer than three, every item has a headline's length: the text's last paragraph, cut off by the page, is longer.)
        var chromeBelow = false, overChrome = false, longItem = false
        var j = n - 1
        while j >= 0 {
            if case .other(let reason) = ruled[j], reason == "chrome" { chromeBelow = true }
            if case .none = ruled[j] {} else { j -= 1; continue }
            guard let s = scans[j] else { j -= 1; continue }
            let p = TextLayout.trim(b, paragraphs[j])
            // A lead-in ending with a colon introduces a list of the text's own.
            if !s.plain, b[p.upperBound - 1] == UInt8(ascii: ":") { break }
            if let v = verdicts[j], v.decided, v.role.isRemoved {
                if v.role == .chrome || v.role == .caption { chromeBelow = true }
                j -= 1
                continue
            }
            if s.plain { break }
            // (A source cited with its date or a quoted title, under a `Sources` heading, is no teaser.)
            // (A headline in title case has its small words in lowercase: `Province Sets Out Plan for At-home Learning`.)
            // (A teaser cut off with `…` may quote and say when: `Platform warns it will "go dark" on Sunday unless ...…`.)
            if PageLines.isTeaser(b, p, s), s.words >= 3, !s.features[.quote] && !s.features[.date] || PageLines.ellipsis(b, p) != nil,
               PageLines.hasLowercaseWord(b, p) || (s.words >= 6 && PageLines.hasSmallWord(b, p)) || (j == n - 1 && PageLines.titleCase(b, p, s)) {
                run.append(j)
                headlines += 1
                if chromeBelow { overChrome = true }
                if p.count > 110 { longItem = true }
            } else if s.words <= 2, s.features[.noEndPunct], s.features[.short], !s.features[.quote] {
                run.append(j)
            } else {
                break
            }
            j -= 1
        }
        // Three headlines, or two, or one over the page's chrome (a source line, a widget's counters) when the page has its
        // headline above the text or the line is links (`Like us | Follow us`; with no headline there, a lone title under the text
        // is the page's own headline pasted last), or a line cut off in mid-sentence closing the page (`The new hatchback is the most`: a teaser's or an advertisement's first words).
        // (Or the next story's headline in title case closing the page: `Minister, Envoy Discuss Border, Trade Ties`.)
        let cutOff = run.count == 1 && run[0] == n - 1 && (PageLines.cutOff(b, TextLayout.trim(b, paragraphs[n - 1]), scans[n - 1])
            || scans[n - 1].map { PageLines.titleCase(b, TextLayout.trim(b, paragraphs[n - 1]), $0) } ?? false)
        // (The text's last paragraph may close with a wire agency's tag, `... he added. (ANI)`.)
        if j > (firstContent ?? 0), let s = scans[j], !s.features[.noEndPunct] || s.tailTag,
           headlines >= 3 || ((headlines >= 2 || (overChrome && (pageHeadline != nil || run.contains { PageLines.isLinkBar(b, TextLayout.trim(b, paragraphs[$0])) || PageLines.spacedLinks(b, TextLayout.trim(b, paragraphs[$0])) >= 2 })) || cutOff) && !longItem && (s.plain || verdicts[j] == nil)) {
            for k in run { verdicts[k] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.relatedRun]) }
        }
    }

    /// The line under an author label (`Author(s)`, `Written by`) is the byline, as the label says: `Jo Lane, Harbour
    /// Post` (a name and an outlet).
    mutating func readAuthorLabels() {
        for i in 1..<max(1, n) where verdicts[i].map({ !$0.decided || !$0.role.isRemoved }) ?? true {
            guard let s = scans[i], !s.plain, s.features[.short], s.features[.noEndPunct], s.features[.capitalized], !s.features[.quote],
                  (2...8).contains(s.words), PageLines.isAuthorLabel(b, TextLayout.trim(b, paragraphs[i - 1])) else { continue }
            verdicts[i] = RoleModel.Verdict(role: .byline, confidence: 1, decided: true, signals: [.authorLabel])
        }
    }

    /// Below the text, under an author's name removed as such (an author box), a paragraph closing with a labelled
    /// e-mail address is the author's bio (`Studied at ... Email: jo@example.com`). (A paragraph of the text giving an
    /// address says so in words: `write to the board at x@example.com`.)
    mutating func readAuthorBios() {
        for i in max(1, textTop + 1)..<max(max(1, textTop + 1), n) where verdicts[i].map({ !$0.decided || !$0.role.isRemoved }) ?? true {
            guard case .none = ruled[i], let s = scans[i], !s.plain, s.features[.email], !s.features[.quote], let name = scans[i - 1], name.nameLine,
                  verdicts[i - 1].map({ $0.decided && $0.role.isRemoved }) ?? false else { continue }
            let p = TextLayout.trim(b, paragraphs[i])
            var w = p.upperBound
            while w > p.lowerBound, b[w - 1] != 0x20 { w -= 1 }
            guard (w..<p.upperBound).contains(where: { b[$0] == UInt8(ascii: "@") }) else { continue }
            // The address is labelled (`Email: `, `E-mail: `).
            var l = w
            while l > p.lowerBound, b[l - 1] == 0x20 { l -= 1 }
            var ls = l
            while ls > p.lowerBound, b[ls - 1] != 0x20 { ls -= 1 }
            let label = TextLayout.trim(b, ls..<l)
            guard label.count >= 6, b[label.upperBound - 1] == UInt8(ascii: ":"),
                  isExactly(b, label.lowerBound..<(label.upperBound - 1), "Email") || isExactly(b, label.lowerBound..<(label.upperBound - 1), "E-mail")
                    || isExactly(b, label.lowerBound..<(label.upperBound - 1), "email") else { continue }
            verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.authorBio])
        }
    }

    /// Below the text, a line that closes a story of a feed (`Continue reading <title>`, a copyright line, a syndication
    /// embargo notice) is followed by the next story: its headline, byline and text are the page's chrome.
    mutating func readNextFeedItem() {
        if textTop < n, let close = ((textTop + 1)..<max(textTop + 1, n)).first(where: { i in
            switch ruled[i] {
            case .none: if verdicts[i].map({ !$0.decided || !$0.role.isRemoved }) ?? true { return false }
            case .credit: return false
            case .other: break
            }
            return PageLines.closesItem(b, TextLayout.trim(b, paragraphs[i]))
        }) {
            // (A copyright line or a notice between the text's paragraphs is a picture's credit or a note: the next story
            // under one is the page's last few paragraphs, four at most. A link with its title only a feed prints.)
            let after = ((close + 1)..<n).filter { scans[$0] != nil }
            if PageLines.closesItem(b, TextLayout.trim(b, paragraphs[close]), link: true) || after.count <= 4 {
                for j in after where verdicts[j].map({ !$0.decided || !$0.role.isRemoved }) ?? true {
                    guard case .none = ruled[j] else { continue }
                    verdicts[j] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.nextItem])
                }
            }
        }
    }

    /// Below the text's first paragraph, a reader's comment: under its header removed as chrome (`Guest | 4-Jun-2012 8:05 pm`:
    /// a name, a bar, when it was posted), the paragraphs down to the next removed line (its report link, the next header),
    /// three at most. (A byline of the same form stands over the text, and the text under it stays.)
    mutating func readComments() {
        if firstBody < n {
            for i in (firstBody + 1)..<max(firstBody + 1, n) where PageLines.isCommentHeader(b, TextLayout.trim(b, paragraphs[i])) {
                guard case .other(let reason) = ruled[i], reason == "chrome" else { continue }
                var run: [Int] = [], j = i + 1
                while j < n, case .none = ruled[j], verdicts[j].map({ !$0.decided || !$0.role.isRemoved }) ?? true {
                    if scans[j] != nil { run.append(j) }
                    j += 1
                }
                guard j < n, !run.isEmpty, run.count <= 3 else { continue }
                for k in run { verdicts[k] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.commentThread]) }
            }
        }
    }

    /// Below the text, a run of three short lines or more with no closing punctuation, each read as chrome and two of them
    /// surely: a list of other stories' headlines (`Harbour Board Posts Record Profit`, `HBR - Interim result`) whose sure
    /// items (of two words or more) vouch for the unsure ones.
    mutating func readChromeRunBelow() {
        if lastBody >= 0 {
            var i = lastBody + 1
            while i < n {
                var run: [Int] = [], j = i
                while j < n, case .none = ruled[j], let s = scans[j], !s.plain, s.features[.noEndPunct], s.features[.short], !s.features[.quote],
                      let v = verdicts[j], v.role == .chrome {
                    run.append(j)
                    j += 1
                }
                // (An advertisement's mark of one word, `- Advertisement -`, vouches for no headline: a page's own headline pasted
                // under its text, over two such marks, stays.)
                if run.count >= 3, run.filter({ verdicts[$0]?.decided == true && (scans[$0]?.words ?? 0) >= 2 }).count >= 2 {
                    for k in run where verdicts[k]?.decided != true {
                        verdicts[k] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.relatedRun])
                    }
                }
                i = j + 1
            }
        }
    }

    /// Other stories' headlines listed at the page's very end with no label over them: three lines or more down to the last
    /// line, each a headline in title case (``titleAtEnd(_:)``), right under a paragraph of the text that does not close with
    /// a colon. (A list of the text has a colon over it; a subhead has text under it.)
    mutating func readTitleRunAtEnd() {
        var start = n, titles = 0
        while start > 0 {
            let k = start - 1
            if case .none = ruled[k], scans[k] != nil {
                guard titleAtEnd(k) else { break }
                titles += 1
            } else if case .credit = ruled[k] { break }
            start = k
        }
        guard titles >= 3, start > 0, bodyLike[start - 1] else { return }
        let above = TextLayout.trim(b, paragraphs[start - 1])
        guard b[above.upperBound - 1] != UInt8(ascii: ":") else { return }
        for k in start..<n where scans[k] != nil {
            if case .none = ruled[k] {
                verdicts[k] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.relatedRun])
            }
        }
    }

    /// Whether paragraph `k` has a listed headline's form: one line of four to twenty-five words in title case opening
    /// with a capital, no closing punctuation but a quotation's closing mark (`... Blames 'Winds From Abroad'`).
    func titleAtEnd(_ k: Int) -> Bool {
        guard let s = scans[k], !s.plain, s.features[.capitalized], s.features[.headlineLength], s.words >= 4, !s.features[.long] else {
            return false
        }
        let p = TextLayout.trim(b, paragraphs[k])
        guard p.count <= 160, b[p.lowerBound] >= 0x41 && b[p.lowerBound] <= 0x5A,
              !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }) else { return false }
        if s.features[.noEndPunct] { return true }
        let e = b[p.upperBound - 1]
        return e == 0x27 || (p.count >= 3 && b[p.upperBound - 3] == 0xE2 && b[p.upperBound - 2] == 0x80 && e == 0x99)
    }

    /// An embedded tweet's own text around its closing line (`— Jo Lane (@jolane) May 3, 2024`, removed by a rule): the line
    /// over it when that holds a handle or a link, and the lines under it down to the one holding the tweet's picture link
    /// (`pic.twitter.com/...`), two at most. Each is a tweet's length; the text's paragraphs around an embed hold neither.
    mutating func readTweetText() {
        for i in 0..<n where tweetClosing(i) {
            if i > 0, tweetLength(i - 1), let s = scans[i - 1], s.features[.handle] || s.features[.url] || tweetPicture(i - 1) {
                verdicts[i - 1] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.widget])
            }
            guard let k = ((i + 1)..<min(n, i + 3)).first(where: { tweetPicture($0) }),
                  ((i + 1)...k).allSatisfy({ tweetLength($0) }) else { continue }
            for j in (i + 1)...k { verdicts[j] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.widget]) }
        }
    }

    /// Whether a rule removed paragraph `i` as a tweet's closing line: a dash, a name and `(@`.
    func tweetClosing(_ i: Int) -> Bool {
        guard case .other(let reason) = ruled[i], reason == "chrome" else { return false }
        let p = TextLayout.trim(b, paragraphs[i])
        guard p.count <= 200, b[p.lowerBound] == UInt8(ascii: "-") || b[p.lowerBound] == 0xE2 else { return false }
        return p.dropLast().contains { b[$0] == UInt8(ascii: "(") && b[$0 + 1] == UInt8(ascii: "@") }
    }

    /// Whether paragraph `j`, no rule's, is one line no longer than a tweet (280 letters, some of them two bytes or three).
    func tweetLength(_ j: Int) -> Bool {
        guard case .none = ruled[j], scans[j] != nil else { return false }
        let p = TextLayout.trim(b, paragraphs[j])
        return p.count <= 480 && !p.contains { b[$0] == 0x0A }
    }

    /// Whether paragraph `j` holds a tweet's picture link, `pic.twitter.com/`.
    func tweetPicture(_ j: Int) -> Bool {
        let p = TextLayout.trim(b, paragraphs[j]), key = Array("pic.twitter.com/".utf8)
        guard p.count >= key.count else { return false }
        return (p.lowerBound...(p.upperBound - key.count)).contains { k in b[k] == 0x70 && (0..<key.count).allSatisfy { b[k + $0] == key[$0] } }
    }

    /// On a page whose end lists other stories' headlines (read as such above), one line of the same form set alone between
    /// the text's paragraphs is a link to another story too: a headline of eight words or more in sentence case, no
    /// closing punctuation, no quotation, with body text over and under it. (A subhead is shorter; a live page's posts
    /// have their titles in a row of such lines, and no list of other stories below them is needed to tell them.)
    mutating func readTeaserLinksInText() {
        if textTop < n, (0..<n).contains(where: { verdicts[$0]?.signals.contains(.relatedRun) == true && $0 > textTop }) {
            var found: [Int] = []
            for i in (textTop + 1)..<max(textTop + 1, n - 1) where verdicts[i] == nil || verdicts[i]?.decided == false {
                guard case .none = ruled[i], let s = scans[i], !s.plain, s.features[.noEndPunct], !s.features[.quote], s.words >= 8,
                      !s.features[.long], bodyLike[i - 1], bodyLike[i + 1] else { continue }
                let p = TextLayout.trim(b, paragraphs[i])
                guard p.count <= 120, !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D || b[$0] == UInt8(ascii: ":") }),
                      b[p.lowerBound] >= 0x41 && b[p.lowerBound] <= 0x5A, ParagraphScan.isLetter(b[p.upperBound - 1]),
                      PageLines.hasLowercaseWord(b, p), !PageLines.opensNarrative(b, p) else { continue }
                found.append(i)
            }
            if found.count <= 2 {
                for i in found { verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.teaser]) }
            }
        }
    }

    /// Outside the text of a page written in Latin letters, a short line in another script with no Latin letter (`댓글 0`,
    /// a language switcher, a site's licence number in Chinese): the site's own chrome, pasted from its template.
    mutating func readOtherScript() {
        let textEnd = bodyLike.lastIndex(of: true) ?? -1
        var latinPage: Bool?
        for i in 0..<n where (i < textTop || i > textEnd) && verdicts[i].map({ !$0.decided }) ?? true {
            guard case .none = ruled[i], let s = scans[i], !s.plain, !s.hasLetters, s.features[.short] else { continue }
            let p = TextLayout.trim(b, paragraphs[i])
            guard p.count <= 80, !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }), PageLines.otherScriptLetters(b, p) >= 2 else { continue }
            if latinPage == nil {
                // (The page's text, read from the paragraphs that read as text: far more Latin letters than others.)
                var latin = 0, other = 0
                for j in 0..<n where bodyLike[j] {
                    let q = TextLayout.trim(b, paragraphs[j])
                    let head = q.lowerBound..<min(q.upperBound, q.lowerBound + 200)
                    latin += head.count { ParagraphScan.isLetter(b[$0]) }
                    other += PageLines.otherScriptLetters(b, head)
                }
                latinPage = latin >= 100 && latin > 20 * other
            }
            guard latinPage == true else { break }
            verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.otherScript])
        }
    }

    /// A numbered item the text's list goes on with (`4. Fares rise again` under `3. ...` kept in the text), removed with
    /// the lines at the page's end as another story's: the text's, kept. (A list of other stories, `1. ...` to `5. ...`, is
    /// removed whole: its items before have no kept neighbour.)
    mutating func keepNumberedItems() {
        var kept: [Int: Int] = [:]
        for i in 0..<n {
            guard let k = listNumber(i) else { continue }
            if let v = verdicts[i], v.decided, v.role == .chrome, v.signals.contains(.relatedRun) {
                if k >= 2, let j = kept[k - 1], j < i { verdicts[i] = nil; kept[k] = i }
            } else if verdicts[i].map({ !$0.decided || !$0.role.isRemoved }) ?? true {
                kept[k] = i
            }
        }
    }

    /// The number opening paragraph `i` as a list's item, one or two figures and `.` or `)` before a capital (`4. Fares
    /// rise`), on one line of 150 bytes at most; `nil` for any other.
    func listNumber(_ i: Int) -> Int? {
        guard case .none = ruled[i], scans[i] != nil else { return nil }
        let p = TextLayout.trim(b, paragraphs[i])
        guard p.count <= 150 else { return nil }
        var k = p.lowerBound, value = 0
        while k < p.upperBound, k - p.lowerBound < 2, ParagraphScan.isDigit(b[k]) { value = value * 10 + Int(b[k] - 0x30); k += 1 }
        guard k > p.lowerBound, k + 2 < p.upperBound, b[k] == UInt8(ascii: ".") || b[k] == UInt8(ascii: ")"), b[k + 1] == 0x20,
              b[k + 2] >= 0x41 && b[k + 2] <= 0x5A, !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }) else { return nil }
        return value
    }
}
