import CleanCaptionsFeatures
import LedeCore
import LedeText

/// Gives every paragraph no rule removed a role, from the features of ``RoleModel``, and says what to remove
/// and what to mark in the `structure` layer.
package struct RoleScorer {
    package let model: RoleModel

    /// A scorer that weighs features by `model`.
    package init(model: RoleModel) { self.model = model }

    /// What rules already did to a paragraph.
    package enum Ruled {
        /// Untouched.
        case none
        /// Removed whole as a credit line.
        case credit
        /// Removed (whole or in part) for another reason.
        case other(String)
    }

    /// The scorer's decisions for one document.
    package struct Result {
        package var cuts: [Cut] = []
        package var structure: [Span] = []
    }

    /// Scores the paragraphs; `ruled` has one entry per paragraph.
    package func run(_ b: UnsafeBufferPointer<UInt8>, paragraphs: [Range<Int>], ruled: [Ruled]) -> Result {
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
        // Whether a paragraph quotes someone: a quotation mark, other than a few words set off in quotes (a scare quote, a
        // name: `the "clean city" operation`), which a picture's caption may hold as well as the text.
        func quoted(_ j: Int) -> Bool {
            guard let s = scans[j], s.features[.quote] else { return false }
            return !Self.scareQuotesOnly(b, TextLayout.trim(b, paragraphs[j]))
        }
        // A paragraph that another paragraph repeats word for word: alt text printed beside its caption, a caption
        // printed twice. An article's own paragraphs never repeat; a quotation may (a pull quote), and stays; and a
        // line that ends like a sentence is left to the other features (one short sentence may well recur).
        // Candidates sorted by length and first bytes: copies end up side by side, compared byte for byte.
        // Copies are compared by their letters and figures alone: a page prints a caption once with straight quotes and
        // hyphens, and again with curly quotes and dashes (`Bolden's ... - male or female -`, `Bolden’s ... – male or female –`).
        var candidates: [(length: Int, head: UInt64, index: Int)] = []
        var folded: [[UInt8]] = Array(repeating: [], count: n)
        // (A line closing with a word in single quotes, `Families moved in ‘Harbour Ops’`, has no closing punctuation.)
        for i in 0..<n {
            guard let s = scans[i], !s.plain, s.words >= 2,
                  s.features[.noEndPunct] || Self.endsWithSingleQuoted(b, TextLayout.trim(b, paragraphs[i])) else { continue }
            let p = TextLayout.trim(b, paragraphs[i])
            guard p.count <= 400 else { continue }
            folded[i] = Self.lettersAndFigures(b, p)
            guard folded[i].count >= 4 else { continue }
            var head: UInt64 = 0
            for k in folded[i].prefix(8) { head = head << 8 | UInt64(k) }
            candidates.append((folded[i].count, head, i))
        }
        if candidates.count > 1 {
            candidates.sort { ($0.length, $0.head, $0.index) < ($1.length, $1.head, $1.index) }
            // Within each run of one length and head, every pair (runs are a few paragraphs long).
            var start = 0
            while start < candidates.count {
                var end = start + 1
                while end < candidates.count, candidates[end].length == candidates[start].length,
                      candidates[end].head == candidates[start].head { end += 1 }
                for x in start..<end {
                    for y in (x + 1)..<max(x + 1, end) {
                        let i = candidates[x].index, j = candidates[y].index
                        // (A quotation printed twice is a pull quote, and stays, unless the copies stand one over the
                        // other, as a picture's alt text over its caption does.)
                        guard folded[i] == folded[j], abs(i - j) <= 2 || (!quoted(i) && !quoted(j)) else { continue }
                        scans[i]?.features[.repeated] = true
                        scans[j]?.features[.repeated] = true
                    }
                }
                start = end
            }
        }
        // Two neighbouring paragraphs of which the first is the second's opening, word for word, and the rest of the
        // second a short credit with no sentence of its own: a picture's alt text above its caption (`A crane lifts
        // the box.` over `A crane lifts the box.Credit: Jane Roe/X`). (A paragraph printed twice whole is left to the
        // copies above, which pass over lines that end like a sentence: a paste may well double a paragraph of the
        // text. A quotation may stand as a pull quote, and stays.)
        for i in 0..<max(0, n - 1) {
            // (A counter between the two, `4`, as a gallery prints it, is passed over.)
            var next = i + 1
            if next + 1 < n, let c = scans[next], !c.hasLetters, c.words <= 1, TextLayout.trim(b, paragraphs[next]).count <= 3 { next += 1 }
            guard scans[i] != nil, scans[next] != nil else { continue }
            let p = TextLayout.trim(b, paragraphs[i]), q = TextLayout.trim(b, paragraphs[next])
            guard p.count >= 20, p.count <= 300, q.count >= p.count, q.count - p.count <= 60, b[p.lowerBound] == b[q.lowerBound],
                  zip(p, q).allSatisfy({ b[$0] == b[$1] }), !q.contains(where: { Self.isQuoteMark(b, $0) }) else { continue }
            let rest = (q.lowerBound + p.count)..<q.upperBound
            guard !rest.isEmpty, !rest.contains(where: { b[$0] == UInt8(ascii: ".") || b[$0] == UInt8(ascii: "!") || b[$0] == UInt8(ascii: "?") }),
                  b[rest.lowerBound] >= 0x41 && b[rest.lowerBound] <= 0x5A else { continue }
            // Both are read in full: a plain paragraph's scan holds too little to be judged.
            for k in [i, next] where scans[k]?.plain == true {
                scans[k] = ParagraphScan(b, TextLayout.trim(b, paragraphs[k]), index: k, count: n, model: model, tokens: &tokens)
            }
            scans[i]?.features[.repeated] = true
            scans[next]?.features[.repeated] = true
        }
        // A bare label (`Photo`, `PCS`) right after a picture's lines (or a caption a rule removed) is its credit;
        // set before the first pass, so that the line above it reads as `before-credit` there.
        for i in 1..<max(1, n) where scans[i]?.bareLabel == true {
            if let prev = scans[i - 1], !prev.plain, !prev.features[.long] || prev.features[.labelInside] {
                scans[i]?.features[.labelLine] = true
            } else if case .other(let reason) = ruled[i - 1], reason == "caption" {
                scans[i]?.features[.labelLine] = true
            }
        }
        // A headline with a `Read more` link under it is a teaser for another story (`Ogun workers suspend strike`
        // over `Read More`), not this article's headline.
        var teasers: [Int] = []
        for i in 0..<max(0, n - 1) {
            guard let s = scans[i], !s.plain, s.features[.short], s.words >= 3, s.features[.noEndPunct] || Self.isTeaser(b, TextLayout.trim(b, paragraphs[i]), s),
                  Self.isReadMore(b, TextLayout.trim(b, paragraphs[i + 1])) else { continue }
            teasers.append(i)
        }
        // First pass, without the features that depend on the neighbours' roles.
        var verdicts = scans.map { scan in scan.flatMap { $0.plain ? nil : model.judge($0.features) } }
        // Another story's teaser, its byline in capitals glued to its first words and cut off (`BY JO LANE THE board ...`,
        // removed by a rule), under its headline: that headline is the teaser's too, not this page's.
        for i in 0..<max(0, n - 1) {
            guard case .none = ruled[i], let s = scans[i], !s.plain, s.features[.noEndPunct], s.features[.headlineLength],
                  case .other = ruled[i + 1] else { continue }
            let q = TextLayout.trim(b, paragraphs[i + 1])
            guard q.count > 12, b[q.lowerBound] == 0x42, b[q.lowerBound + 1] == 0x59, b[q.lowerBound + 2] == 0x20,
                  b[q.upperBound - 1] == 0x2E && b[q.upperBound - 2] == 0x2E && b[q.upperBound - 3] == 0x2E
                    || b[q.upperBound - 3] == 0xE2 && b[q.upperBound - 2] == 0x80 && b[q.upperBound - 1] == 0xA6 else { continue }
            verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.relatedRun])
        }
        // Whether only removed lines (or none) stand above paragraph `i`.
        func nothingKeptAbove(_ i: Int) -> Bool {
            for j in 0..<i {
                guard case .none = ruled[j], scans[j] != nil else { continue }
                // (The masthead's bar of links, `Harbour FM | HFM`, `News  Sport  Weather`, is the page's chrome, read as such
                // only later.)
                if scans[j]?.features[.noEndPunct] == true, scans[j]?.features[.short] == true, Self.isLinkBar(b, TextLayout.trim(b, paragraphs[j])) { continue }
                // (Nor is the site's name, a few words alone on the page's first line, right over such a bar or a menu a rule
                // removed: `Coast Post` over `Home  News  Sport`.)
                if j == 0, j + 1 < i, let s = scans[0], !s.plain, s.features[.noEndPunct], s.features[.short], (1...4).contains(s.words),
                   { if case .other(let reason) = ruled[1] { return reason == "chrome" }; return scans[1].map { !$0.plain } ?? false }(),
                   Self.isLinkBar(b, TextLayout.trim(b, paragraphs[1])) { continue }
                if !(verdicts[j].map { $0.decided && $0.role.isRemoved } ?? false) { return false }
            }
            return true
        }
        // A section's kicker at the very top (`Local News`, `For Your Service`): two or three capitalized words alone, in
        // title case, nothing kept above them, over a longer headline; or two such words as the page's very first line,
        // over the first paragraph of the text. (A headline in capitals, `CURFEW BREACHES OVERNIGHT`, stays.)
        func isKicker(_ i: Int) -> Bool {
            guard let s = scans[i], !s.plain, s.nameLine, (2...3).contains(s.words), i + 1 < n, let next = scans[i + 1],
                  verdicts[i].map({ !$0.decided || $0.role == .chrome }) ?? true, nothingKeptAbove(i) else { return false }
            let p = TextLayout.trim(b, paragraphs[i])
            guard p.contains(where: { b[$0] >= 0x61 && b[$0] <= 0x7A }) else { return false }
            if next.readsAsText { return i == 0 && s.words == 2 }
            return next.features[.noEndPunct] && next.features[.headlineLength] && next.words >= 4 && next.words > s.words && !next.nameLine
                && verdicts[i + 1].map({ !$0.decided || $0.role == .headline }) ?? true
        }
        var kickers: [Int] = []
        // A picture's caption over its credit line, both above the headline (`Crews clear the canal on Monday.` over `PHOTO:
        // JO LANE` over the headline): the caption, not the headline printed first. It reads as a caption (a sentence with its
        // full stop, a scene, or when), and a title-like line follows the credit. (A headline over a credit with no caption
        // has no title-like line under the credit: the text follows.)
        var captionsAbove: [Int] = []
        for i in 0..<max(0, n - 3) {
            guard case .none = ruled[i], let s = scans[i], !s.plain, s.words >= 4, !quoted(i), case .credit = ruled[i + 1],
                  case .none = ruled[i + 2], let t = scans[i + 2],
                  // (Nothing kept above it but lines with no letters: a mark, an emoji.)
                  (0..<i).allSatisfy({ j in
                      guard case .none = ruled[j], let a = scans[j], a.hasLetters else { return true }
                      return verdicts[j].map { $0.decided && $0.role.isRemoved } ?? false
                  }) else { continue }
            let p = TextLayout.trim(b, paragraphs[i]), q = TextLayout.trim(b, paragraphs[i + 2])
            guard p.count <= 300, !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }), Self.titleLike(b, q, t),
                  !(p.count == q.count && zip(p, q).allSatisfy { b[$0] == b[$1] }),
                  !s.features[.noEndPunct] || s.features[.sceneLine] || s.features[.photoVerb] || s.features[.whenEnd],
                  Self.readsAsCaption(b, p) else { continue }
            captionsAbove.append(i)
        }
        // A page title, `Headline - Outlet`, over the headline itself: the whole line is the page's chrome.
        var pageTitles: [Int] = []
        var firstContent: Int?
        for i in 0..<n where !teasers.contains(i) && !captionsAbove.contains(i) {
            // The headline comes before the body text.
            guard let s = scans[i] else { continue }
            if s.plain {
                // (A headline glued on the line above the text's first paragraph makes that paragraph the first content.)
                if Self.headlineLine(b, TextLayout.trim(b, paragraphs[i])) != nil { firstContent = i }
                break
            }
            if isKicker(i) { kickers.append(i); continue }
            if i + 1 < n, scans[i + 1] != nil, let suffix = Self.siteSuffix(b, TextLayout.trim(b, paragraphs[i]), model: model) {
                let p = TextLayout.trim(b, paragraphs[i]), q = TextLayout.trim(b, paragraphs[i + 1])
                let head = TextLayout.trim(b, p.lowerBound..<suffix.lowerBound)
                if head.count == q.count, zip(head, q).allSatisfy({ b[$0] == b[$1] }) { pageTitles.append(i); continue }
            }
            // A caption only its form suggests (a scene, a lead with a colon, a few words) may be the headline.
            if let v = verdicts[i], v.decided, v.role != .headline, !(v.role == .caption && Self.formOnly(s)) { continue }
            // A headline has a few words in one sentence; one- and two-word lines above it are section names and
            // buttons, and a line of several sentences is a page message (a headline pasted above its first
            // paragraph, in the same paragraph, is read by `headlineLine`).
            if s.features[.dateOnly] || s.features[.datelineOnly] || !s.hasLetters || !s.features[.headlineLength] { continue }
            let p = TextLayout.trim(b, paragraphs[i])
            // (A bar of links, the masthead's `Harbour FM | HFM` or a menu, is no headline; one labelled with a bar,
            // `WATCH | Crowds gather ...`, is.)
            if Self.isLinkBar(b, p), !Self.labelledTitle(b, p), s.features[.noEndPunct], s.words <= 8 { continue }
            // A headline opens with a capital, a figure or a quotation mark; a line in lowercase is a tag or a section.
            if b[p.lowerBound] >= 0x61 && b[p.lowerBound] <= 0x7A || b[p.lowerBound] == UInt8(ascii: "[") { continue }
            if s.features[.sentences], !s.features[.noEndPunct], !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }) { continue }
            firstContent = i
            break
        }
        // The last paragraph of the article proper: body text (no role claims it, and it ends like a sentence or
        // is long), or a picture with its caption. Chrome follows it; section headings of a gallery do not.
        var lastBody = -1
        for i in 0..<n {
            if let s = scans[i], verdicts[i] == nil, !s.features[.noEndPunct] || s.words >= 10 { lastBody = i }
            if let v = verdicts[i], v.decided, v.role == .caption || v.role == .credit { lastBody = i }
            switch ruled[i] {
            case .credit: lastBody = i
            case .other(let reason) where reason == "caption": lastBody = i
            default: break
            }
        }
        // The first paragraph after the headline that reads as body text: lines between the two are the
        // article's furniture (bylines, pictures, stamps).
        var firstBody = n
        if let f = firstContent {
            for i in (f + 1)..<max(f + 1, n) {
                guard let s = scans[i], verdicts[i] == nil || verdicts[i]?.decided == false else { continue }
                if s.readsAsText { firstBody = i; break }
            }
        }
        // Names of `By NAME` lines, to know the name when it stands again alone.
        var bylineNames: [Range<Int>] = []
        for i in 0..<n where scans[i]?.features[.byStart] == true {
            let p = TextLayout.trim(b, paragraphs[i])
            bylineNames.append(TextLayout.trim(b, (p.lowerBound + 3)..<p.upperBound))
        }
        // And of a name alone above a desk line (`Jane Moyo` over `Senior Print Journalist`): the page may print it
        // again under the headline, where, repeated, it would read as a picture's name.
        for i in 0..<max(0, n - 1) where scans[i]?.nameLine == true && scans[i + 1]?.features[.deskLine] == true {
            bylineNames.append(TextLayout.trim(b, paragraphs[i]))
        }
        // A line removed for a reason other than a caption: chrome, a stamp, a byline, a credit. (Captions sit
        // beside section headings as often as beside other picture lines, and so do advertisement marks inside
        // the body: only above the body, or beside a credit, does such a neighbour count.)
        func credit(_ j: Int) -> Bool {
            guard j >= 0, j < n else { return false }
            if case .credit = ruled[j] { return true }
            if case .none = ruled[j], let v = verdicts[j] { return v.decided && v.role == .credit }
            return false
        }
        func removed(_ j: Int) -> Bool {
            guard j >= 0, j < n else { return false }
            switch ruled[j] {
            case .none: return verdicts[j].map { $0.decided && $0.role.isRemoved && $0.role != .caption } ?? false
            case .credit: return true
            case .other(let reason): return reason != "caption"
            }
        }
        // The line after paragraph `i`, past a gallery's counter (`2`) between a picture's caption and its credit.
        func nextPastCounter(_ i: Int) -> Int {
            guard i + 2 < n, let c = scans[i + 1], !c.hasLetters, c.words <= 1, TextLayout.trim(b, paragraphs[i + 1]).count <= 3 else { return i + 1 }
            return i + 2
        }
        for i in 0..<n {
            guard var scan = scans[i] else { continue }
            scan.features[.firstContent] = i == firstContent
            if !scan.plain {
                scan.features[.aboveBody] = firstContent.map { i > $0 } ?? false && i < firstBody
                scan.features[.nearRemoved] = scan.features[.noEndPunct] && scan.features[.short]
                    && (scan.features[.aboveBody] && (removed(i - 1) || removed(i + 1)) || credit(i - 1) || credit(nextPastCounter(i)))
                scan.features[.beforeTitleLine] = scan.nameLine && i + 1 < n && scans[i + 1]?.features[.deskLine] == true
                // A line after a label of credit words (`Image caption,`) is what it labels.
                if i > 0, !scan.features[.quote], scan.features[.short],
                   ParagraphScan.endsWithLabel(b, paragraphs[i - 1], model: model) {
                    scan.features[.afterLabel] = true
                }
                if scan.nameLine {
                    let p = TextLayout.trim(b, paragraphs[i])
                    scan.features[.bylineRepeat] = bylineNames.contains { $0.count == p.count && zip($0, p).allSatisfy { b[$0] == b[$1] } }
                }
            }
            if scan.hasLetters {
                scan.features[.beforeContent] = firstContent.map { i < $0 } ?? false
                scan.features[.afterBody] = lastBody >= 0 && i > lastBody
            }
            if i + 1 < n {
                let next = nextPastCounter(i)
                switch ruled[next] {
                case .credit: scan.features[.beforeCredit] = true
                case .none: if let v = verdicts[next], v.decided, v.role == .credit { scan.features[.beforeCredit] = true }
                case .other: break
                }
            }
            // A sentence short enough for a caption, under the headline with nothing kept between them but a date or a name
            // alone (a byline read as such later), right over a credit line: the picture's caption (a headline or a kicker has
            // no full stop; a standfirst is longer). Anywhere, a paragraph over a credit line that opens with a kicker in
            // lowercase and a colon (`on the charge: Jo Lane ...`): a caption as a regional paper prints it (the text's
            // paragraphs open with a capital).
            if !scan.plain, scan.features[.beforeCredit], scan.features[.endsPeriod], !scan.features[.quote] {
                let p = TextLayout.trim(b, paragraphs[i])
                if !scan.features[.long], b[p.lowerBound] >= 0x61 && b[p.lowerBound] <= 0x7A, Self.opensWithLead(b, p) {
                    scan.features[.overCredit] = true
                } else if !scan.features[.long], !scan.features[.sentences], i > firstBody, case .credit = ruled[nextPastCounter(i)],
                          i > 0, scans[i - 1].map({ $0.plain || $0.readsAsText }) ?? false, Self.readsAsCaption(b, p) {
                    // Among the text's paragraphs, one sentence right over a credit line alone (`Picture: Jo Lane`), under body
                    // text: the picture's caption (the text's sentence before a picture's credit whose caption was not pasted is
                    // rarer than the caption itself).
                    scan.features[.overCredit] = true
                } else if !scan.features[.long], !scan.features[.sentences], i > 0, i + 1 < n, case .other(let reason) = ruled[i - 1],
                          reason == "caption", scans[i - 1] == nil, Self.readsAsCaption(b, p) {
                    // Right under a picture's line a rule removed (its file's name, `harbour.jpg`) and right over its credit: the
                    // picture's caption between them.
                    scan.features[.overCredit] = true
                } else if scan.features[.short], i <= firstBody, i > 0, removed(i - 1), scans[i - 1] != nil,
                          verdicts[i - 1].map({ $0.role == .chrome }) ?? false, Self.readsAsCaption(b, p) {
                    // Over the text, right under the header's chrome (a stamp, the share buttons) and right over a credit: the
                    // picture's caption, wherever the headline was read.
                    scan.features[.overCredit] = true
                } else if scan.features[.short], let f = firstContent, i > f, i <= firstBody {
                    scan.features[.overCredit] = ((f + 1)..<i).allSatisfy { j in
                        removed(j) || scans[j] == nil || scans[j]?.nameLine == true || verdicts[j].map { $0.role == .dateline && $0.decided } ?? false
                    }
                }
            }
            scans[i] = scan
            verdicts[i] = scan.plain ? nil : model.judge(scan.features)
            if let v = verdicts[i] {
                // The article's first line reads as a caption only by its form (news headlines describe in the
                // present tense too: `Commissioners listen to residents' concerns`): the headline's place wins.
                if i == firstContent, v.role == .caption, Self.formOnly(scan) {
                    verdicts[i] = RoleModel.Verdict(role: .headline, confidence: v.confidence, decided: true, signals: [.firstContent])
                }
                // A date or time alone on a line between body paragraphs is a subhead of a timeline, not a stamp. (But a date
                // with its clock time within two lines under the standfirst is when the story was posted: `4 May 2025, 7:33 pm`.)
                // (Nor is a date right under a byline: `By Jo Lane` over `4 May 2025`, under a standfirst, is the story's stamp.)
                if v.role == .chrome, scan.features[.dateStamp] || scan.features[.timeStamp], !scan.relativeStamp, i > firstBody, i < lastBody,
                   !(scan.features[.date] && scan.features[.time] && i <= firstBody + 2),
                   // (Nor is a date with its clock time under a picture's lines under the standfirst: every line between the
                   // first paragraph and it claimed by a role, the file's name, the caption, the credit.)
                   !(scan.features[.date] && scan.features[.time] && i <= firstBody + 5
                     && ((firstBody + 1)..<i).allSatisfy({ j in scans[j].map { !$0.plain && verdicts[j] != nil } ?? true })),
                   !(i <= firstBody + 2 && i > 0 && (verdicts[i - 1].map({ $0.decided && $0.role == .byline }) ?? false || { if case .other(let r) = ruled[i - 1] { return r == "byline" }; return false }())),
                   i + 1 < n, scans[i + 1].map({ $0.plain || !$0.features[.noEndPunct] }) ?? false {
                    verdicts[i] = nil
                }
            }
        }

        for i in teasers { verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.relatedRun]) }
        for i in kickers { verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.kicker]) }
        for i in pageTitles { verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.pageTitle]) }
        for i in captionsAbove { verdicts[i] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.captionPair]) }
        // Paragraphs that read as body text: no role claims them, and they end like a sentence or run long.
        var bodyLike = [Bool](repeating: false, count: n)
        for i in 0..<n {
            if let s = scans[i], verdicts[i] == nil || verdicts[i]?.decided == false {
                bodyLike[i] = s.readsAsText
            }
        }
        func captionOrCredit(_ j: Int) -> Bool {
            guard j >= 0, j < n else { return false }
            switch ruled[j] {
            case .credit: return true
            case .other(let reason): return reason == "caption" || reason == "credit"
            case .none: return verdicts[j].map { $0.decided && ($0.role == .caption || $0.role == .credit) } ?? false
            }
        }
        for i in 0..<n {
            guard let s = scans[i], let v = verdicts[i], v.decided else { continue }
            if v.role == .caption {
                // A line that reads as a caption by its form alone (`The top stories this Friday`), between body
                // paragraphs and beside no caption or credit, is a subhead of the text.
                if Self.uncredited(s), s.features[.altLine], !s.features[.sceneLine], !s.features[.colonLead], !s.features[.repeated],
                   i > firstBody, !captionOrCredit(i - 1), !captionOrCredit(i + 1) {
                    var j = i + 1
                    while j < n, j <= i + 2, let w = verdicts[j], w.decided, w.role == .chrome { j += 1 }
                    if j < n, bodyLike[j] { verdicts[i] = nil; continue }
                }
            }
        }
        // The headline printed twice (a page's title over its own copy of it): a copy of the first content line, beside
        // no credit line, stays a headline, not a caption printed twice (a picture's caption may follow it).
        // (Two lines printed twice one over the other are a template printed twice, a comment form's `Reply To:` over
        // its `Name - Reply Comment`: no headline.)
        func same(_ x: Int, _ y: Int) -> Bool {
            let p = TextLayout.trim(b, paragraphs[x]), q = TextLayout.trim(b, paragraphs[y])
            return p.count == q.count && zip(p, q).allSatisfy { b[$0] == b[$1] }
        }
        // Whether paragraph `x` is paragraph `y` with line breaks in place of some of its spaces.
        func wrapped(_ x: Int, _ y: Int) -> Bool {
            let p = TextLayout.trim(b, paragraphs[x]), q = TextLayout.trim(b, paragraphs[y])
            guard p.count == q.count, p.contains(where: { b[$0] == 0x0A }) else { return false }
            return zip(p, q).allSatisfy { b[$0] == b[$1] || (b[$0] == 0x0A && b[$1] == 0x20) }
        }
        if let f = firstContent {
            for i in 0..<n where i != f {
                guard let v = verdicts[i], v.decided, v.role == .caption, scans[i]?.features[.repeated] == true,
                      !credit(i - 1), !credit(i + 1), !(i > 0 && f > 0 && i - 1 != f && same(i - 1, f - 1)) else { continue }
                // (A copy wrapped across two lines or more, as a printed page sets its headline, is the headline too.)
                if same(i, f) || wrapped(i, f) {
                    verdicts[i] = RoleModel.Verdict(role: .headline, confidence: 1, decided: true, signals: [.headlineCopy])
                }
            }
        }
        // Above the text, a label of one to three words closing with a colon (`Press release:`, `Statement:`): the
        // page's label for what follows, not a line of the text (a lead-in to a list stands among the body paragraphs).
        let topBody = bodyLike.firstIndex(of: true) ?? n
        for i in 0..<topBody where verdicts[i] == nil || verdicts[i]?.decided == false {
            guard let s = scans[i], !s.plain, (1...3).contains(s.words), s.dateline == nil, !s.features[.datelineOnly] else { continue }
            let p = TextLayout.trim(b, paragraphs[i])
            guard p.count <= 40, b[p.upperBound - 1] == UInt8(ascii: ":"), b[p.lowerBound] >= 0x41 && b[p.lowerBound] <= 0x5A,
                  !p.contains(where: { b[$0] == 0x0A || ParagraphScan.isDigit(b[$0]) }) else { continue }
            verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.labelColon])
        }
        // A teaser for another story cut off with `...` or `…` (`Minister calls for talks to end the strike bef...`), set
        // between the text's paragraphs or below them: one line of a headline's length, one sentence, no quotation, the
        // mark glued to its word. (A paragraph of the text the page cut off is longer.)
        for i in 0..<n where verdicts[i] == nil || verdicts[i]?.decided == false {
            guard let s = scans[i], !s.plain, s.words >= 4, !s.features[.sentences], !s.features[.quote], topBody < i else { continue }
            let p = TextLayout.trim(b, paragraphs[i])
            guard p.count <= 110, b[p.lowerBound] >= 0x41 && b[p.lowerBound] <= 0x5A, !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }),
                  let mark = Self.ellipsis(b, p), mark > p.lowerBound, ParagraphScan.isLetter(b[mark - 1]),
                  !Self.opensNarrative(b, p) else { continue }
            guard i + 1 >= n || bodyLike[i + 1] || scans[i + 1] == nil || verdicts[i + 1].map({ $0.decided && $0.role.isRemoved }) ?? false,
                  i - 1 >= 0 && bodyLike[i - 1] else { continue }
            verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.teaser])
        }
        // Below the text's first paragraph, the title of a video set in it, labelled (`Watch: Harbour Rovers 3-0 City
        // highlights`, `VIDEO: Crews clear the road`, `WATCH | Divers search the harbour`): one line with no closing punctuation. (At the top of the page such a
        // line is the article's own headline.)
        for i in (topBody + 1)..<max(topBody + 1, n) where verdicts[i] == nil || verdicts[i]?.decided == false {
            guard let s = scans[i], !s.plain, s.features[.noEndPunct], s.words >= 3, s.words <= 25 else { continue }
            let p = TextLayout.trim(b, paragraphs[i])
            guard startsWithFolded(b, p, "watch:") || startsWithFolded(b, p, "video:") || startsWithFolded(b, p, "watch |")
                    || startsWithFolded(b, p, "watch|") || startsWithFolded(b, p, "listen |") || startsWithFolded(b, p, "listen|"),
                  !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }) else { continue }
            verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.teaser])
        }
        // The name under a press release's end marker (`ENDS`), with its service after a slash (`Jo Lane/City Police`):
        // the release's sign-off, a byline.
        // (Page chrome by its place below the text, it is the sign-off by what stands above it.)
        for i in 1..<max(1, n) where verdicts[i].map({ !$0.decided || $0.role == .chrome }) ?? true {
            guard let s = scans[i], !s.plain, s.features[.short], s.features[.noEndPunct], s.features[.capitalized], !s.features[.quote],
                  (2...8).contains(s.words), Self.isEndsMarker(b, TextLayout.trim(b, paragraphs[i - 1])) else { continue }
            verdicts[i] = RoleModel.Verdict(role: .byline, confidence: 1, decided: true, signals: [.signOff])
        }
        // A sentence of ten words or more with no closing punctuation, on one line, beside a credit or below body
        // text: a caption printed without its full stop (`Crowds gather outside the court on Monday`). Body text
        // ends its sentences; a standfirst above the body, a headline and the items of a list (a mark opens them,
        // a colon introduces them, or they come in a row) stay.
        func unpunctuatedSentence(_ j: Int) -> Bool {
            guard j >= 0, j < n, let s = scans[j], !s.plain, s.features[.noEndPunct], !s.features[.quote], s.words >= 10,
                  !s.features[.long], s.hasLetters else { return false }
            let p = TextLayout.trim(b, paragraphs[j])
            guard !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }) else { return false }
            let c = b[p.lowerBound], e = b[p.upperBound - 1]
            // Opens with a capital; ends with a letter or a figure (not `:`, `,`, `...`, a dash or a bracket).
            return c >= 0x41 && c <= 0x5A && (ParagraphScan.isLetter(e) || ParagraphScan.isDigit(e))
        }
        for i in 0..<n where verdicts[i] == nil || verdicts[i]?.decided == false {
            guard i != firstContent, unpunctuatedSentence(i), !unpunctuatedSentence(i - 1), !unpunctuatedSentence(i + 1) else { continue }
            if i > 0 {
                let prev = TextLayout.trim(b, paragraphs[i - 1])
                if !prev.isEmpty, b[prev.upperBound - 1] == UInt8(ascii: ":") { continue }
            }
            // Beside a credit line, or below body text and saying when, as captions do (`... on Thursday`): a subhead or a
            // post's title in a live page reads as a headline (`Council to open its doors to visitors`).
            guard credit(i - 1) || credit(i + 1)
                    || (firstContent.map { i > $0 } ?? false) && i > firstBody && scans[i]!.features[.whenEnd] else { continue }
            verdicts[i] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.captionSentence])
        }
        // A name alone above the body, beside a line that says when it was posted (`Jane Roe` over `Posted 2 hours
        // ago`, under `2020-01-17 12:01`): the byline of a template that prints no `By`.
        func stamp(_ j: Int) -> Bool {
            guard j >= 0, j < n, let s = scans[j], !s.plain else { return false }
            return s.features[.timeStamp] || s.features[.timestamp] || s.features[.dateStamp]
                || (s.features[.date] && s.features[.time] && s.features[.short])
        }
        // `-Health Minister` under `‘2020, a year of delivery’`: a dash and who said it, under a headline that closes a
        // quotation, is the headline's attribution, not a byline.
        func quoteAttribution(_ j: Int) -> Bool {
            guard j > 0 else { return false }
            let p = TextLayout.trim(b, paragraphs[j]), prev = TextLayout.trim(b, paragraphs[j - 1])
            guard !p.isEmpty, !prev.isEmpty, b[p.lowerBound] == UInt8(ascii: "-") || b[p.lowerBound] == 0xE2 else { return false }
            let e = b[prev.upperBound - 1]
            // A closing quotation mark: `'`, `"`, or `’`/`”` (E2 80 99 / E2 80 9D).
            return e == 0x27 || e == 0x22 || (prev.count >= 3 && b[prev.upperBound - 3] == 0xE2 && b[prev.upperBound - 2] == 0x80
                && (e == 0x99 || e == 0x9D))
        }
        for i in 0..<min(n, firstBody) where verdicts[i] == nil || verdicts[i]?.decided == false {
            guard let s = scans[i], s.nameLine, i != firstContent, stamp(i - 1) || stamp(i + 1),
                  !quoteAttribution(i) else { continue }
            verdicts[i] = RoleModel.Verdict(role: .byline, confidence: 1, decided: true, signals: [.nameByStamp])
        }
        // Above the headline, a line in lowercase (`toronto city council`, `national news`) is a tag or a section
        // of the site: a headline opens with a capital.
        if let f = firstContent {
            for i in 0..<f {
                guard let s = scans[i], !s.plain, s.features[.noEndPunct], s.features[.short], s.words >= 1, s.words <= 5 else { continue }
                let p = TextLayout.trim(b, paragraphs[i])
                guard b[p.lowerBound] >= 0x61 && b[p.lowerBound] <= 0x7A,
                      p.allSatisfy({ b[$0] >= 0x61 && b[$0] <= 0x7A || b[$0] == 0x20 || b[$0] == UInt8(ascii: "-") }) else { continue }
                verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.beforeContent])
            }
        }

        // The page's headline, read from the text up: the first paragraph that reads as body text, and above it, past
        // lines removed (a byline, a stamp, a picture's lines), the title-like line directly over them. A caption
        // printed twice there is a headline printed twice when its copy stands higher up, not right above it.
        // (A headline that asks, one sentence closing with `?`, is no paragraph of the text.)
        // (Nor is a headline of one sentence closing with a full stop that the page prints again under it, past removed lines
        // only, nor that copy: `Governor urges chairmen to form a committee.` over `Published`, `on`, and its copy as the
        // picture's alt text.)
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
            return copy && Self.readsAsCaption(b, TextLayout.trim(b, paragraphs[i]))
        }
        let textTop = (0..<n).first { i in
            guard let s = scans[i], verdicts[i] == nil || verdicts[i]?.decided == false else { return false }
            return s.readsAsText && !Self.titleLike(b, TextLayout.trim(b, paragraphs[i]), s, question: true) && !headlineOverCopy(i)
        } ?? n
        // A short line printed three times or more above the text, around a longer title-like line (`The Central App` over and
        // under the headline): the site's name, as its logo, its menu and its header print it. A headline is printed twice
        // at most, and is the longer line.
        if textTop < n {
            var named: [Int] = []
            for i in 0..<textTop where !named.contains(i) {
                guard let s = scans[i], !s.plain, (1...4).contains(s.words), s.features[.noEndPunct], !s.features[.quote], !s.features[.date],
                      verdicts[i].map({ !$0.decided || !$0.role.isRemoved }) ?? true else { continue }
                let copies = (i..<textTop).filter { scans[$0] != nil && same($0, i) }
                guard copies.count >= 3, (0..<textTop).contains(where: { k in
                    guard let t = scans[k], !t.plain, t.words > s.words + 2 else { return false }
                    return Self.titleLike(b, TextLayout.trim(b, paragraphs[k]), t)
                }) else { continue }
                named += copies
            }
            for i in named { verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.masthead]) }
        }
        // The page's first line, a name and its tagline set apart by a bar, a middle dot or a dash (`Harbour Post  ·  Port
        // Ria`, `VALLEY NEWS  ·  Valley Media Group`), right over a bar of links removed as chrome: the masthead over the site's
        // menu, not a headline (a page's headline stands under its menu).
        if let top = (0..<n).first(where: { !TextLayout.trim(b, paragraphs[$0]).isEmpty }), case .none = ruled[top], let s = scans[top],
           !s.plain, s.features[.noEndPunct], !s.features[.quote], s.words <= 10, Self.separatedPair(b, TextLayout.trim(b, paragraphs[top])),
           let next = ((top + 1)..<n).first(where: { !TextLayout.trim(b, paragraphs[$0]).isEmpty }) {
            let q = TextLayout.trim(b, paragraphs[next])
            let menu: Bool
            if case .other(let reason) = ruled[next] { menu = reason == "chrome" } else {
                menu = verdicts[next].map { $0.decided && $0.role == .chrome } ?? false
            }
            if menu, Self.isLinkBar(b, q) || Self.spacedLinks(b, q) >= 2 {
                verdicts[top] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.masthead])
            }
        }
        // (A caption printed twice is the headline printed twice when its copy stands higher up. A caption only its form
        // suggests, `Ferry fares rise in June`, is the headline only when a bar of links or glued links stand over it.)
        var pageHeadline: Int?
        // (The headline's copy under it, past removed lines, closing with a full stop: the picture's alt text.)
        var copyUnderHeadline: Int?
        var altUnderHeadline: Int?
        var captionAbove: Int?
        // (A title-like pair printed one over the other is the headline printed twice when no line stands above it: the
        // page's title over its heading, `Council Sets Budget` twice over the credit of the picture below.)
        var pairAbove: Int?
        var keptAbove = false, barAbovePair = false
        var bylineOverText: Int?
        var bylinesOver = 0
        var standfirstCopies: [Int] = []
        var k = textTop - 1
        while k >= 0, textTop < n {
            guard let s = scans[k] else {
                // (A breadcrumb a rule removed, `Home » Metro » Public Services`, is a bar over the headline all the same.)
                if let c = captionAbove, case .other(let reason) = ruled[k], reason == "chrome", Self.isLinkBar(b, TextLayout.trim(b, paragraphs[k])) {
                    pageHeadline = c
                    keptAbove = true
                    break
                }
                k -= 1
                continue
            }
            if let v = verdicts[k], v.decided, v.role.isRemoved {
                // (A caption printed twice, one copy right over the other, is a picture's alt text over its caption, however
                // often the page prints the pair: both are passed over, and the copy of a headline above them is read.)
                if v.role == .caption, s.features[.repeated], k > 0, same(k - 1, k) {
                    if pairAbove == nil, Self.titleLike(b, TextLayout.trim(b, paragraphs[k]), s) { pairAbove = k - 1 }
                    k -= 2
                    continue
                }
                if v.role == .caption, s.features[.repeated], let first = (0..<max(0, k - 1)).first(where: { same($0, k) }) {
                    // (A standfirst printed twice, under the headline and again over the text past a place and a byline: a
                    // title-like line kept right over the first copy, no copy itself, is the headline, and both copies are
                    // the text's standfirst. A headline printed twice has no such line over it.)
                    var above = first - 1
                    while above >= 0, scans[above] == nil || verdicts[above].map({ $0.decided && $0.role.isRemoved }) ?? false { above -= 1 }
                    if above >= 0, let a = scans[above], !a.plain, !a.features[.repeated], !s.features[.quote],
                       a.words >= 3, Self.titleLike(b, TextLayout.trim(b, paragraphs[above]), a), Self.titleLike(b, TextLayout.trim(b, paragraphs[k]), s) {
                        pageHeadline = above
                        standfirstCopies = [first, k]
                    } else if Self.titleLike(b, TextLayout.trim(b, paragraphs[k]), s) {
                        pageHeadline = k
                    }
                    keptAbove = true
                    break
                }
                if v.role == .caption, captionAbove == nil, Self.uncredited(s), !s.features[.repeated],
                   Self.titleLike(b, TextLayout.trim(b, paragraphs[k]), s) {
                    captionAbove = k
                }
                if pairAbove != nil, v.role == .chrome, s.features[.chromeWords] || Self.isLinkBar(b, TextLayout.trim(b, paragraphs[k])) {
                    barAbovePair = true
                }
                // (The bar may have been read as chrome already: a breadcrumb, `Home » Metro » Public Services`.)
                if let c = captionAbove, v.role == .chrome, Self.isLinkBar(b, TextLayout.trim(b, paragraphs[k])) {
                    pageHeadline = c
                    keptAbove = true
                    break
                }
                k -= 1
                continue
            }
            // (A date alone kept as the story's dateline, `May 3, 2024 — 4.10pm`, stands under the headline: it is passed over.)
            if let v = verdicts[k], v.decided, v.role == .dateline, s.features[.dateOnly] {
                k -= 1
                continue
            }
            let p = TextLayout.trim(b, paragraphs[k])
            // (A byline over the text, `Jo Lane` or `Staff Correspondent, Harbour Post`, is passed over to the headline above
            // it, one of four words or more; with none there, it is the headline as before.)
            // (Two such lines may stand there, a name over its staff title: `Jo Lane` over `Senior reporter`.)
            if bylinesOver < 2, captionAbove == nil, pairAbove == nil, Self.titleLike(b, p, s),
               Self.headerByline(b, p, model: model, name: true) != nil || Self.staffTitleLine(s) {
                if bylineOverText == nil { bylineOverText = k }
                bylinesOver += 1
                k -= 1
                continue
            }
            // (A pair printed twice under a short line in title case, a site's tagline or a section's name (`Everything Central
            // Otago`), is the headline printed twice: a tagline is shorter than the headline it stands over.)
            if let pair = pairAbove, bylineOverText == nil, s.words <= 3, s.features[.capitalized], s.features[.noEndPunct],
               let ps = scans[pair], ps.words > s.words {
                pageHeadline = pair
            } else if Self.titleLike(b, p, s, question: true), bylineOverText == nil || s.words >= 4 {
                pageHeadline = k
            } else if captionAbove == nil, pairAbove == nil, headlineOverCopy(k), let j = (0..<k).last(where: { scans[$0] != nil && same($0, k) }) {
                // (A one-sentence headline closing with a full stop, `Governor urges chairmen to form a committee.`, printed
                // again under it past the stamp's lines: the page's headline over its picture's alt text.)
                pageHeadline = j
                copyUnderHeadline = k
            } else if let c = captionAbove, !s.plain, Self.isLinkBar(b, p) {
                pageHeadline = c
            } else if let c = captionAbove, !s.plain, s.words == 1, s.hasLetters, s.features[.noEndPunct], !s.features[.quote],
                      b[p.lowerBound] >= 0x41 && b[p.lowerBound] <= 0x5A, p.count <= 24 {
                // (A section's name, one word alone over it, `Local`, is the page's kicker: no headline has one word.)
                pageHeadline = c
            }
            // (A line over a bar of links or an advertisement's mark over the pair is the masthead's: a tagline.)
            keptAbove = pageHeadline != nil || !barAbovePair
            break
        }
        if pageHeadline == nil, let byline = bylineOverText {
            pageHeadline = byline
            keptAbove = true
        }
        if pageHeadline == nil, !keptAbove, let pair = pairAbove { pageHeadline = pair }
        // A scene with a participle and no full stop, `Residents collecting water`, right under a title-like line taken for a
        // caption by its form alone: the picture's alt text under the headline, which is the line above it.
        if let h = pageHeadline, h > 0, case .none = ruled[h - 1], let a = scans[h - 1], !a.plain, let s = scans[h], !s.plain,
           let v = verdicts[h - 1], v.decided, v.role == .caption, Self.uncredited(a), !a.features[.repeated], !s.features[.repeated],
           Self.titleLike(b, TextLayout.trim(b, paragraphs[h - 1]), a), s.features[.noEndPunct], !s.features[.quote],
           Self.participleScene(b, TextLayout.trim(b, paragraphs[h])), !Self.participleScene(b, TextLayout.trim(b, paragraphs[h - 1])) {
            pageHeadline = h - 1
            altUnderHeadline = h
        }
        // A line kept right over the text that closes with the words of a line printed twice above it, past removed lines and
        // a date (`Harbour Post Ferry fares rise` under `Ferry fares rise` twice): the picture's alt text, the site's name
        // before the headline's words. The pair is the page's headline printed twice, not a caption.
        if let c = pageHeadline ?? (textTop < n ? textTop - 1 : nil), c > 1, case .none = ruled[c], verdicts[c].map({ !$0.decided || !$0.role.isRemoved || $0.role == .caption }) ?? true,
           let cs = scans[c], !cs.plain, !cs.features[.quote] {
            let pc = TextLayout.trim(b, paragraphs[c])
            var j = c - 1
            while j > 0 {
                guard case .none = ruled[j], let s = scans[j] else { j -= 1; continue }
                let v = verdicts[j]
                if !(v?.decided == true && v?.role == .caption && s.features[.repeated]) {
                    if v.map({ $0.decided && ($0.role.isRemoved || $0.role == .dateline) }) ?? false { j -= 1; continue }
                    break
                }
                let pj = TextLayout.trim(b, paragraphs[j])
                guard same(j - 1, j), Self.titleLike(b, pj, s), pc.count > pj.count + 1, b[pc.upperBound - pj.count - 1] == 0x20,
                      zip((pc.upperBound - pj.count)..<pc.upperBound, pj).allSatisfy({ b[$0] == b[$1] }) else { break }
                pageHeadline = j - 1
                verdicts[j - 1] = nil
                verdicts[c] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.altLine])
                break
            }
        }
        for i in standfirstCopies { verdicts[i] = nil }
        if let i = altUnderHeadline { verdicts[i] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.sceneLine]) }
        if let i = copyUnderHeadline, let h = pageHeadline, h < i {
            verdicts[i] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.altLine])
            if verdicts[h].map({ $0.decided && $0.role.isRemoved }) ?? false { verdicts[h] = nil }
        }
        // Under a label of related stories (`More Stories`, `Related`, `Trending`, `Latest in Sport`, `Breaking`,
        // `Upcoming Events`), the list of their headlines (no closing punctuation) and cut-off teasers (`...`, `... More
        // Info`), to the first paragraph that is neither. The label is read in a paragraph removed as chrome, or in one
        // no role claims. Above the text, the run stops at the page's headline.
        for i in 0..<n where {
            if case .none = ruled[i] { return verdicts[i].map { !$0.decided || $0.role == .chrome } ?? (scans[i]?.plain == false) }
            if case .other(let reason) = ruled[i] { return reason == "chrome" }
            return false
        }() && paragraphs[i].count <= 40 && Self.isRelatedLabel(b, TextLayout.trim(b, paragraphs[i])) {
            // (Above the headline only: a label below it is read among the lines the text leaves.)
            guard i > (firstContent ?? -1) || pageHeadline.map({ i < $0 }) == true else { continue }
            var j = i + 1
            // (A `Read more` label links to a story's headline, six words or more: a short subhead of the text under a
            // link stays.)
            let readMore = Self.isReadMore(b, TextLayout.trim(b, paragraphs[i]))
            // (An item's name of one or two words, `Lantern Walk`, counts when an item of the list follows it.)
            func item(_ j: Int, name: Bool = false) -> Bool {
                guard j < n, j != pageHeadline, case .none = ruled[j], let s = scans[j], !s.plain else { return false }
                if name { return s.words <= 2 && s.hasLetters && s.features[.noEndPunct] && s.features[.short] && !s.features[.quote] }
                return Self.isTeaser(b, TextLayout.trim(b, paragraphs[j]), s) && (!readMore || s.words >= 6)
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
                return Self.agoLine(b, TextLayout.trim(b, paragraphs[k]))
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
        // Below the article, with no label: a run of other stories' headlines (a few words in sentence case, no
        // closing punctuation) and cut-off teasers, among lines already removed (stamps, section names), down to
        // the page's end. Three such headlines at least, under a paragraph that ends like a sentence (a list the
        // text introduces ends its lead-in with a colon).
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
            if Self.isTeaser(b, p, s), s.words >= 3, !s.features[.quote] && !s.features[.date] || Self.ellipsis(b, p) != nil,
               Self.hasLowercaseWord(b, p) || (s.words >= 6 && Self.hasSmallWord(b, p)) || (j == n - 1 && Self.titleCase(b, p, s)) {
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
        let cutOff = run.count == 1 && run[0] == n - 1 && (Self.cutOff(b, TextLayout.trim(b, paragraphs[n - 1]), scans[n - 1])
            || scans[n - 1].map { Self.titleCase(b, TextLayout.trim(b, paragraphs[n - 1]), $0) } ?? false)
        // (The text's last paragraph may close with a wire agency's tag, `... he added. (ANI)`.)
        if j > (firstContent ?? 0), let s = scans[j], !s.features[.noEndPunct] || s.tailTag,
           headlines >= 3 || ((headlines >= 2 || (overChrome && (pageHeadline != nil || run.contains { Self.isLinkBar(b, TextLayout.trim(b, paragraphs[$0])) || Self.spacedLinks(b, TextLayout.trim(b, paragraphs[$0])) >= 2 })) || cutOff) && !longItem && (s.plain || verdicts[j] == nil)) {
            for k in run { verdicts[k] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.relatedRun]) }
        }

        // Above the page's headline, the page's masthead and its lines: the site's name and tagline (`Harbour Post Logo`,
        // `The Valley App`), a date or issue line (`Issue 212, (3 - 9 May)`), a bar of links (`/ Home / News`), a line the
        // page prints twice, or links glued together (`Get it on the StoreGet it on Play`). A copy of the headline stays
        // as a headline printed twice. (A line over the headline with none of these cues stays: it may be the headline,
        // and the line under it the standfirst.)
        if let h = pageHeadline, let hs = scans[h] {
            if verdicts[h].map({ !$0.decided || !$0.role.isRemoved || $0.role == .caption }) ?? true {
                verdicts[h] = RoleModel.Verdict(role: .headline, confidence: 1, decided: true, signals: [.firstContent])
            }
            // Its copy between it and the text, taken for a picture's caption printed twice, is the headline printed twice.
            // (Not the copy of a headline closing with a full stop under the stamp's lines: that is the picture's alt text.)
            for j in (h + 1)..<max(h + 1, textTop) where same(j, h) && j != copyUnderHeadline {
                if let v = verdicts[j], v.decided, v.role == .caption {
                    verdicts[j] = RoleModel.Verdict(role: .headline, confidence: 1, decided: true, signals: [.headlineCopy])
                }
            }
            // The lines kept between a line and the headline: none, for the line right above it. (A copy of a line that
            // stays, stays: a title printed twice over its standfirst.)
            var keptBelow = false
            var stayed: [Int] = []
            // (A headline printed twice is the headline, no standfirst: the line right above it has no guard.)
            let printedTwice = (0..<h).contains { same($0, h) }
            // Whether a line of the page's chrome (a bar of links, a section's name, an advertisement's mark) stands between
            // a line and the headline: what stands above it is the masthead (`Harbour Post logo` over `HomeNewsSport` over
            // the headline), not a headline over its standfirst.
            var chromeBelow = false
            // Whether `p` is one link of a line of chrome above line `j`: the same bytes, between spaces or bars.
            func inMenuAbove(_ j: Int, _ p: Range<Int>) -> Bool {
                (0..<j).contains { k in
                    let menu: Bool
                    let q = TextLayout.trim(b, paragraphs[k])
                    if case .other(let reason) = ruled[k], reason == "chrome" { menu = true } else {
                        // (A bar of links by its form, `Home | News | Sport`, read as the masthead's only further up.)
                        menu = verdicts[k].map { $0.decided && $0.role == .chrome } ?? false || scans[k] != nil && Self.isLinkBar(b, q)
                    }
                    guard menu, q.count > p.count else { return false }
                    func edge(_ x: Int) -> Bool { x < q.lowerBound || x >= q.upperBound || b[x] == 0x20 || b[x] == 0x7C }
                    var i = q.lowerBound
                    while i + p.count <= q.upperBound {
                        if edge(i - 1), edge(i + p.count), zip(i..<(i + p.count), p).allSatisfy({ b[$0.0] == b[$0.1] }) { return true }
                        i += 1
                    }
                    return false
                }
            }
            // Whether the page's chrome stands above line `j`: a line a rule or a role removed as chrome.
            func chromeAbove(_ j: Int) -> Bool {
                (0..<j).contains { k in
                    if case .other(let reason) = ruled[k] { return reason == "chrome" }
                    return verdicts[k].map { $0.decided && $0.role == .chrome } ?? false
                }
            }
            for j in stride(from: h - 1, through: 0, by: -1) {
                if case .other(let reason) = ruled[j], reason == "chrome", Self.isLinkBar(b, TextLayout.trim(b, paragraphs[j])) { chromeBelow = true }
                guard case .none = ruled[j], let s = scans[j], !s.plain else { continue }
                // (A section's name over the headline, `Skye news`, read as a caption's alt text, is the masthead's.)
                if let v = verdicts[j], v.decided, v.role == .caption, !s.features[.repeated], Self.sectionName(b, TextLayout.trim(b, paragraphs[j])) {
                    verdicts[j] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.masthead])
                    chromeBelow = true
                    continue
                }
                if let v = verdicts[j], v.decided, v.role.isRemoved, v.role != .caption || !s.features[.repeated] {
                    // (A bar of links, a line of the site's section names, a masthead's line: not a stamp, a byline or a
                    // video's link, which stand under a headline.)
                    if v.role == .chrome, Self.isLinkBar(b, TextLayout.trim(b, paragraphs[j])) || s.features[.chromeWords]
                        || v.signals.contains(.masthead) || v.signals.contains(.kicker) { chromeBelow = true }
                    continue
                }
                // (A date alone is the article's dateline.)
                if let v = verdicts[j], v.decided, v.role == .dateline { continue }
                let p = TextLayout.trim(b, paragraphs[j])
                defer { keptBelow = true }
                if same(j, h) {
                    verdicts[j] = RoleModel.Verdict(role: .headline, confidence: 1, decided: true, signals: [.headlineCopy])
                    continue
                }
                guard s.features[.short], !s.features[.quote], !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }),
                      !stayed.contains(where: { same($0, j) }) else { stayed.append(j); continue }
                let bar = Self.isLinkBar(b, p)
                // (A date alone is the article's dateline; a long line ending with a date is a story's title.)
                let stamp = (s.features[.date] || s.features[.time]) && !s.features[.dateOnly] && s.words <= 8
                    && verdicts[j].map({ !$0.decided || $0.role != .dateline }) ?? true
                // A short name in capitals (`Harbour Post Logo`), or a short line printed twice; but not right over a
                // headline of five words or more, which may be the standfirst under its headline (`Ferry Fares Rise Again`
                // over `Commuters face a tenth more from June`). A single word over it that is one of the links of a menu
                // removed above is a section's name, not a headline (`Business` under `Home  News  Business  Sport`).
                // (Nor are words that are one link of that menu, `Gilgit - Baltistan` under `Home  Gilgit - Baltistan  Chitral`.)
                let nameLike = s.words <= 4 && s.features[.noEndPunct] && !s.features[.date] && !s.features[.time]
                    && (keptBelow || hs.words <= 4 || printedTwice || (s.words == 1 && (inMenuAbove(j, p) || chromeAbove(j)))
                        || (s.words <= 3 && inMenuAbove(j, p)))
                let twice = nameLike && s.features[.repeated]
                let name = nameLike && s.features[.capitalized] && !Self.hasSmallWord(b, p)
                // The site's greeting (`Welcome to the Valley Journal`).
                let welcome = startsWithFolded(b, p, "welcome to ") && s.words <= 8
                // (Over the masthead's lines, an app's promotion in short sentences: `All your news in one place.`, `One app.`)
                let promo = chromeBelow && s.words <= 8 && !s.features[.sentences] && !s.features[.quote]
                // A section's name (`Skye news`, `Regional News`), even right over a long headline: no standfirst reads so.
                let section = Self.sectionName(b, p)
                // Over the masthead's lines, the site's name and its slogan set apart by a bar, a middle dot or a dash
                // (`Valley News!  |  Independent. Fearless. Local.`, `Coast Post  ·  News Fiji`).
                let tagline = chromeBelow && s.words <= 10 && !s.features[.quote] && Self.separatedPair(b, p)
                guard (s.features[.noEndPunct] || stamp || welcome || promo || tagline) && (bar || stamp || twice || name || welcome || chromeBelow || section) else {
                    stayed.append(j)
                    continue
                }
                verdicts[j] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.masthead])
                chromeBelow = true
            }
        }

        // The byline in the page's header, which a template prints with no `By`: right under the headline (past lines
        // removed: a stamp, a picture's lines) or right over the text, a name alone (`Jo Lane`); or, there or right over
        // the headline, names with a staff title and `&` (`Jo Lane Deputy Editor & Sam Reyes`), perhaps with the outlet,
        // the place and the date after a comma (`Staff Correspondent, Harbour Post  Port Ria, May 3, 2024`).
        if let h = pageHeadline ?? firstContent, textTop < n, h < textTop {
            func gone(_ j: Int) -> Bool {
                // (A standfirst's copy between the headline and the text is passed over like a removed line.)
                guard scans[j] != nil, case .none = ruled[j], !standfirstCopies.contains(j) else { return true }
                return verdicts[j].map { $0.decided && $0.role.isRemoved } ?? false
            }
            // (The first title-like line, read as the headline before the page's headline was known, may be the byline of names
            // and titles over it.)
            for i in max(0, h - 2)..<textTop where i != h && (verdicts[i].map({ !$0.decided }) ?? true || i == firstContent && verdicts[i]?.role == .headline) {
                guard case .none = ruled[i], let s = scans[i], !s.plain, s.features[.short], s.features[.noEndPunct], !s.features[.quote],
                      !s.features[.repeated], s.dateline == nil, !s.features[.datelineOnly] else { continue }
                let p = TextLayout.trim(b, paragraphs[i])
                guard !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }) else { continue }
                let nextToHead = i < h ? ((i + 1)..<h).allSatisfy(gone) : ((h + 1)..<i).allSatisfy(gone)
                let overText = i > h && ((i + 1)..<textTop).allSatisfy(gone)
                guard nextToHead || overText else { continue }
                // (A staff title alone under the name, `Senior reporter`, is the byline's too.)
                if let signal = Self.headerByline(b, p, model: model, name: i > h) ?? (i > h && Self.staffTitleLine(s) ? .titleByline : nil),
                   i != firstContent || signal == .titleByline {
                    verdicts[i] = RoleModel.Verdict(role: .byline, confidence: 1, decided: true, signals: [signal])
                }
            }
        }
        // Just under the text's first paragraph (a standfirst), a name alone right over the stamp of the date and clock time
        // the story was posted (`Jo Lane` over `4 May 2025, 7:33 pm`): the byline, printed under the standfirst; or the
        // site's name, printed as its masthead above the headline, right over the date (`Harbour Post` over `4 May 2025`).
        if textTop < n {
            for i in textTop..<min(n - 1, textTop + 3) where verdicts[i].map({ !$0.decided }) ?? true {
                guard case .none = ruled[i], let s = scans[i], !s.plain, s.features[.short], s.features[.noEndPunct], !s.features[.quote],
                      let next = scans[i + 1], next.features[.date],
                      verdicts[i + 1].map({ $0.decided && $0.role == .chrome }) ?? false else { continue }
                if next.features[.time], let signal = Self.headerByline(b, TextLayout.trim(b, paragraphs[i]), model: model, name: true) {
                    verdicts[i] = RoleModel.Verdict(role: .byline, confidence: 1, decided: true, signals: [signal])
                } else if s.words <= 3, let h = pageHeadline, (0..<min(h, i)).contains(where: { k in
                    same(k, i) && (verdicts[k].map { $0.decided && $0.role.isRemoved } ?? false) }) {
                    // (Or the site's name, as the masthead printed it above the headline, over the date: the outlet's byline.)
                    verdicts[i] = RoleModel.Verdict(role: .byline, confidence: 1, decided: true, signals: [.masthead])
                }
            }
        }
        // Inside the text, a short sentence describing a picture (a photo verb among its first words: `Nurses hold placards
        // outside the hospital on Monday.`) right over a name alone, with the text's paragraphs on both sides: the picture's
        // caption over its photographer's name.
        if textTop < n {
            for i in textTop..<max(textTop, n - 2) where i > textTop && verdicts[i].map({ !$0.decided }) ?? true
                && verdicts[i + 1].map({ !$0.decided }) ?? true {
                guard case .none = ruled[i], case .none = ruled[i + 1], let s = scans[i], !s.plain, s.features[.photoVerb], s.features[.short],
                      s.features[.endsPeriod], !s.features[.sentences], !s.features[.quote], let name = scans[i + 1], name.nameLine,
                      (2...3).contains(name.words), let before = scans[i - 1], before.words > 12, let after = scans[i + 2], after.words > 12
                else { continue }
                verdicts[i] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.overCredit])
                verdicts[i + 1] = RoleModel.Verdict(role: .credit, confidence: 1, decided: true, signals: [.overCredit])
            }
        }
        // Inside the text, the site's name alone again, a copy of its masthead removed above the headline: the site credits the
        // picture as its own; the short line right over it, one sentence with no quotation (`Palm trees by the harbour`), is
        // the picture's caption.
        if textTop < n, let h = pageHeadline ?? firstContent {
            for i in (textTop + 2)..<max(textTop + 2, n - 1) where verdicts[i].map({ !$0.decided || $0.role == .caption }) ?? true
                && verdicts[i - 1].map({ !$0.decided }) ?? true {
                guard case .none = ruled[i], case .none = ruled[i - 1], let site = scans[i], !site.plain, site.features[.noEndPunct],
                      (1...4).contains(site.words), (0..<h).contains(where: { k in same(k, i) && verdicts[k].map { $0.decided && $0.role.isRemoved } ?? false }),
                      let s = scans[i - 1], !s.plain, s.features[.short], !s.features[.quote], !s.features[.sentences], s.words >= 3,
                      s.features[.noEndPunct] || s.features[.endsPeriod], Self.readsAsCaption(b, TextLayout.trim(b, paragraphs[i - 1])),
                      bodyLike[i - 2] || scans[i - 2]?.plain == true, bodyLike[i + 1] || scans[i + 1]?.plain == true
                else { continue }
                verdicts[i - 1] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.overCredit])
                verdicts[i] = RoleModel.Verdict(role: .credit, confidence: 1, decided: true, signals: [.overCredit])
            }
        }
        // Between the headline and the text, a short line of one sentence printed twice, one copy over the other (`Flood
        // warnings.` twice): a picture's alt text over its caption, though it ends like a sentence. (The text may well
        // print a short paragraph twice: only above it does the pair read so.)
        if let h = pageHeadline ?? firstContent, textTop < n {
            for i in (h + 1)..<max(h + 1, textTop - 1) where verdicts[i].map({ !$0.decided }) ?? true && verdicts[i + 1].map({ !$0.decided }) ?? true {
                guard case .none = ruled[i], case .none = ruled[i + 1], let s = scans[i], !s.plain, s.features[.short], !s.features[.noEndPunct],
                      !s.features[.sentences], !quoted(i), (1...8).contains(s.words), same(i, i + 1) else { continue }
                for j in [i, i + 1] { verdicts[j] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.repeated]) }
            }
        }
        // Inside the text, a line of one sentence printed twice, one copy right over the other, with text on both sides
        // (`Officers searched the river bank on Monday.` twice between two paragraphs): a picture's alt text over its
        // caption, when it reads as one (``readsAsCaption(_:_:)``). A paste that doubles a paragraph of the text doubles
        // a longer one, a quotation, or a sentence that reports speech or opens with a pronoun, which stay.
        if textTop < n {
            for i in textTop..<max(textTop, n - 2) where verdicts[i].map({ !$0.decided }) ?? true && verdicts[i + 1].map({ !$0.decided }) ?? true {
                guard case .none = ruled[i], case .none = ruled[i + 1], let s = scans[i], !s.plain, !s.features[.sentences],
                      !quoted(i), (3...25).contains(s.words), TextLayout.trim(b, paragraphs[i]).count <= 180,
                      same(i, i + 1), i > 0, let before = scans[i - 1], before.words > 12, let after = scans[i + 2], after.words > 12,
                      Self.readsAsCaption(b, TextLayout.trim(b, paragraphs[i]))
                else { continue }
                for j in [i, i + 1] { verdicts[j] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.repeated]) }
            }
        }
        // A paragraph that is its own text twice, glued with no space (`A crowd waits. (Metro TV).A crowd waits. (Metro TV).`): a
        // picture's alt text pasted against its caption. It is the caption, and so is a neighbour that is one copy of it.
        // (The text never prints a paragraph against itself; a quotation is left alone.)
        for i in 0..<n where scans[i] != nil {
            let p = TextLayout.trim(b, paragraphs[i])
            // (Glued, with no space between: a chant the text quotes twice, `We want jobs. We want jobs.`, has one.)
            // The halves are compared first: almost every paragraph differs at its first byte.
            let half = p.count / 2
            guard p.count >= 30, p.count <= 600, p.count % 2 == 0,
                  (0..<half).allSatisfy({ b[p.lowerBound + $0] == b[p.lowerBound + half + $0] }),
                  !p.contains(where: { Self.isQuoteMark(b, $0) }) else { continue }
            // (The page's headline glued to its own copy, `FERRY FARES RISEFERRY FARES RISE`, as a template prints the title
            // twice for its heading and its screen reader: no closing punctuation, and only the page's removed lines above
            // it. It stays the headline; a picture's alt text stands under a headline or a line of text.)
            if i == pageHeadline, scans[i]?.features[.noEndPunct] == true,
               (0..<i).allSatisfy({ k in
                   guard case .none = ruled[k] else { return true }
                   return scans[k] == nil || verdicts[k].map { $0.decided && $0.role.isRemoved } ?? false
               }) { continue }
            verdicts[i] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.repeated])
            for j in [i - 1, i + 1] where j >= 0 && j < n && scans[j] != nil {
                let q = TextLayout.trim(b, paragraphs[j])
                if q.count == half, (0..<half).allSatisfy({ b[q.lowerBound + $0] == b[p.lowerBound + $0] }) {
                    verdicts[j] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.repeated])
                }
            }
        }
        // Two paragraphs that open with a kicker in capitals (`HIGH WATER. Crews clear the road...`) and go on with the
        // same text word for word: one picture's caption printed twice under two kickers. (The text never repeats a
        // paragraph under another opening.)
        var kicked: [(index: Int, rest: Range<Int>)] = []
        for i in 0..<n where scans[i] != nil && verdicts[i].map({ !$0.decided || !$0.role.isRemoved }) ?? true {
            if let rest = Self.afterCapitalKicker(b, TextLayout.trim(b, paragraphs[i])) { kicked.append((i, rest)) }
        }
        for x in kicked.indices {
            for y in kicked.indices where y > x && kicked[x].rest.count == kicked[y].rest.count {
                let p = kicked[x].rest, q = kicked[y].rest
                guard zip(p, q).allSatisfy({ b[$0] == b[$1] }) else { continue }
                for i in [kicked[x].index, kicked[y].index] {
                    verdicts[i] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.repeated])
                }
            }
        }
        // The line under an author label (`Author(s)`, `Written by`) is the byline, as the label says: `Jo Lane, Harbour
        // Post` (a name and an outlet).
        for i in 1..<max(1, n) where verdicts[i].map({ !$0.decided || !$0.role.isRemoved }) ?? true {
            guard let s = scans[i], !s.plain, s.features[.short], s.features[.noEndPunct], s.features[.capitalized], !s.features[.quote],
                  (2...8).contains(s.words), Self.isAuthorLabel(b, TextLayout.trim(b, paragraphs[i - 1])) else { continue }
            verdicts[i] = RoleModel.Verdict(role: .byline, confidence: 1, decided: true, signals: [.authorLabel])
        }

        // Below the text, under an author's name removed as such (an author box), a paragraph closing with a labelled
        // e-mail address is the author's bio (`Studied at ... Email: jo@example.com`). (A paragraph of the text giving an
        // address says so in words: `write to the board at x@example.com`.)
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
        // Below the text, a line that closes a story of a feed (`Continue reading <title>`, a copyright line, a syndication
        // embargo notice) is followed by the next story: its headline, byline and text are the page's chrome.
        if textTop < n, let close = ((textTop + 1)..<max(textTop + 1, n)).first(where: { i in
            switch ruled[i] {
            case .none: if verdicts[i].map({ !$0.decided || !$0.role.isRemoved }) ?? true { return false }
            case .credit: return false
            case .other: break
            }
            return Self.closesItem(b, TextLayout.trim(b, paragraphs[i]))
        }) {
            // (A copyright line or a notice between the text's paragraphs is a picture's credit or a note: the next story
            // under one is the page's last few paragraphs, four at most. A link with its title only a feed prints.)
            let after = ((close + 1)..<n).filter { scans[$0] != nil }
            if Self.closesItem(b, TextLayout.trim(b, paragraphs[close]), link: true) || after.count <= 4 {
                for j in after where verdicts[j].map({ !$0.decided || !$0.role.isRemoved }) ?? true {
                    guard case .none = ruled[j] else { continue }
                    verdicts[j] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.nextItem])
                }
            }
        }

        // Below the text's first paragraph, a reader's comment: under its header removed as chrome (`Guest | 4-Jun-2012 8:05 pm`:
        // a name, a bar, when it was posted), the paragraphs down to the next removed line (its report link, the next header),
        // three at most. (A byline of the same form stands over the text, and the text under it stays.)
        if firstBody < n {
            for i in (firstBody + 1)..<max(firstBody + 1, n) where Self.isCommentHeader(b, TextLayout.trim(b, paragraphs[i])) {
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

        // Below the text, a run of three short lines or more with no closing punctuation, each read as chrome and two of them
        // surely: a list of other stories' headlines (`Harbour Board Posts Record Profit`, `HBR - Interim result`) whose sure
        // items (of two words or more) vouch for the unsure ones.
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

        // On a page whose end lists other stories' headlines (read as such above), one line of the same form set alone between
        // the text's paragraphs is a link to another story too: a headline of eight words or more in sentence case, no
        // closing punctuation, no quotation, with body text over and under it. (A subhead is shorter; a live page's posts
        // have their titles in a row of such lines, and no list of other stories below them is needed to tell them.)
        if textTop < n, (0..<n).contains(where: { verdicts[$0]?.signals.contains(.relatedRun) == true && $0 > textTop }) {
            var found: [Int] = []
            for i in (textTop + 1)..<max(textTop + 1, n - 1) where verdicts[i] == nil || verdicts[i]?.decided == false {
                guard case .none = ruled[i], let s = scans[i], !s.plain, s.features[.noEndPunct], !s.features[.quote], s.words >= 8,
                      !s.features[.long], bodyLike[i - 1], bodyLike[i + 1] else { continue }
                let p = TextLayout.trim(b, paragraphs[i])
                guard p.count <= 120, !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D || b[$0] == UInt8(ascii: ":") }),
                      b[p.lowerBound] >= 0x41 && b[p.lowerBound] <= 0x5A, ParagraphScan.isLetter(b[p.upperBound - 1]),
                      Self.hasLowercaseWord(b, p), !Self.opensNarrative(b, p) else { continue }
                found.append(i)
            }
            if found.count <= 2 {
                for i in found { verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.teaser]) }
            }
        }
        // Outside the text of a page written in Latin letters, a short line in another script with no Latin letter (`댓글 0`,
        // a language switcher, a site's licence number in Chinese): the site's own chrome, pasted from its template.
        let textEnd = bodyLike.lastIndex(of: true) ?? -1
        var latinPage: Bool?
        for i in 0..<n where (i < textTop || i > textEnd) && verdicts[i].map({ !$0.decided }) ?? true {
            guard case .none = ruled[i], let s = scans[i], !s.plain, !s.hasLetters, s.features[.short] else { continue }
            let p = TextLayout.trim(b, paragraphs[i])
            guard p.count <= 80, !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }), Self.otherScriptLetters(b, p) >= 2 else { continue }
            if latinPage == nil {
                // (The page's text, read from the paragraphs that read as text: far more Latin letters than others.)
                var latin = 0, other = 0
                for j in 0..<n where bodyLike[j] {
                    let q = TextLayout.trim(b, paragraphs[j])
                    let head = q.lowerBound..<min(q.upperBound, q.lowerBound + 200)
                    latin += head.count { ParagraphScan.isLetter(b[$0]) }
                    other += Self.otherScriptLetters(b, head)
                }
                latinPage = latin >= 100 && latin > 20 * other
            }
            guard latinPage == true else { break }
            verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.otherScript])
        }

        // `... are being treated in a hospital. (PTI)`: a wire agency's tag closing the article's last paragraph,
        // not a picture's credit: no body text follows it (the page's lists of other stories are chrome by now).
        var bodyBelow = false
        for i in stride(from: n - 1, through: 0, by: -1) {
            guard let s = scans[i] else { continue }
            if let v = verdicts[i], v.decided {
                if v.role == .caption, s.tailTag, !bodyBelow { verdicts[i] = nil; bodyBelow = true }
                continue
            }
            if s.readsAsText { bodyBelow = true }
        }

        // Under the headline, a picture's credit line over its caption (`Photo: Jo Lane/Valley Post` over `Crews clear the
        // canal.` over the byline): the caption stands between the credit, right under the headline, and a removed line.
        // (A credit under the headline with the text's first paragraph below it has no removed line under that paragraph.)
        if let h = pageHeadline ?? firstContent {
            func gone(_ j: Int) -> Bool {
                guard scans[j] != nil, case .none = ruled[j] else { return true }
                return verdicts[j].map { $0.decided && $0.role.isRemoved } ?? false
            }
            // A date alone right under the headline and right over the byline (`Thursday, May 2, 2024` between `Council passes
            // budget` and `By Jo Lane`): the page's stamp, chrome. (A date under the byline, over the text, is the story's
            // dateline and stays; so is one over a picture's caption, as Wikinews prints it. Read first: the caption's
            // lines below pass over the stamp.)
            if h == pageHeadline, h + 2 < n, case .none = ruled[h + 1], let s = scans[h + 1], !s.plain, s.features[.dateOnly], !s.features[.time],
               let v = verdicts[h + 1], v.decided, v.role == .dateline {
                let below: Bool
                switch ruled[h + 2] {
                case .other(let reason): below = reason == "byline"
                case .credit: below = false
                case .none: below = verdicts[h + 2].map { $0.decided && $0.role == .byline } ?? false
                }
                if below { verdicts[h + 1] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.dateStamp]) }
            }
            // (A caption passed over on the way down has the credit under it: the line under that credit is the text's.)
            func caption(_ j: Int) -> Bool {
                if case .other(let reason) = ruled[j] { return reason == "caption" }
                return verdicts[j].map { $0.decided && $0.role == .caption } ?? false
            }
            var i = h + 1
            var captionAbove = false
            while i < n, gone(i), !credit(i) {
                if caption(i) { captionAbove = true }
                i += 1
            }
            let c = i
            i += 1
            if c < n, credit(c), !captionAbove, i + 1 < n, case .none = ruled[i], let s = scans[i], !s.plain, s.words >= 4, !quoted(i),
               verdicts[i].map({ !$0.decided }) ?? true, gone(i + 1), !credit(i + 1) {
                let p = TextLayout.trim(b, paragraphs[i])
                if p.count <= 300, !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }), Self.readsAsCaption(b, p), !Self.readsAsLead(b, p, words: s.words),
                   ((i + 2)..<n).contains(where: { bodyLike[$0] }) {
                    verdicts[i] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.captionPair])
                }
            }
            // Under the headline, with nothing kept between them but removed lines (a stamp, a byline), one sentence with its
            // full stop right over a credit line (`Crews clear the canal after the storm.` over `Photo / Supplied`), or one that
            // places a person in the picture (`Jo Lane (middle) cuts the ribbon.`), over the text: the picture's caption. (A
            // standfirst over a credit whose caption was not pasted is rarer; one that quotes or says who said stays.)
            // (A date kept as the story's dateline, `May 3 2024, 6.00am`, between them is passed over as a removed line is.)
            func stamp(_ j: Int) -> Bool {
                guard case .none = ruled[j], let s = scans[j], !s.plain, s.words <= 8, s.features[.noEndPunct] else { return false }
                return s.features[.dateOnly] || s.features[.date] && s.features[.time]
            }
            i = h + 1
            while i < n, gone(i) || stamp(i), !credit(i) { i += 1 }
            if i + 1 < n, case .none = ruled[i], let s = scans[i], !s.plain, s.words >= 4, !quoted(i), s.features[.endsPeriod],
               verdicts[i].map({ !$0.decided }) ?? true, credit(nextPastCounter(i)) || s.features[.positionMark] {
                let p = TextLayout.trim(b, paragraphs[i])
                // (One sentence: a name's initial, `Kenneth L. Govendo`, ends none; a line past twelve words is read whole.)
                if !s.features[.sentences] || Self.oneSentence(b, p), p.count <= 600, !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }), Self.readsAsCaption(b, p),
                   !Self.readsAsLead(b, p, words: s.words),
                   ((i + 1)..<n).contains(where: { bodyLike[$0] }) {
                    verdicts[i] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.captionPair])
                }
            }
        }

        // A credit of the outlet's archive alone on its line (`LEDGER / file`, `Jo Lane / File photo`) marks a picture the
        // page pasted without its caption as often as with one: a paragraph over it of two sentences, or of 25 words or
        // more that reports (`said`, `told`, `has`, `will`: a caption shows, in the present or with no verb at all), is the
        // text's, not the picture's caption.
        let reporting: [StaticString] = ["said", "says", "told", "has", "have", "had", "will", "would", "announced", "added"]
        func reports(_ j: Int) -> Bool {
            let p = TextLayout.trim(b, paragraphs[j])
            var k = p.lowerBound
            while k < p.upperBound {
                while k < p.upperBound, !ParagraphScan.isLetter(b[k]) { k += 1 }
                var e = k
                while e < p.upperBound, ParagraphScan.isLetter(b[e]) { e += 1 }
                let w = k..<e
                for word in reporting where isExactly(b, w, word) { return true }
                k = e
            }
            return false
        }
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
        for i in 0..<n {
            guard let v = verdicts[i], v.decided, v.role == .caption, case .none = ruled[i], let s = scans[i], !s.plain,
                  s.words >= 25 && reports(i) || s.features[.sentences], fileCredit(nextPastCounter(i)) else { continue }
            verdicts[i] = nil
        }
        // The title right over the story's byline (`Council backs new ferry plan, says leader` over `By Jo Lane`), with no
        // text and no headline above it: the page's headline, not a picture's caption, however short or near removed lines
        // it stands. Its copies right over it (the page's title over its own copy) are the headline printed twice.
        // (A caption closes with a full stop or sits under the headline; a title over a byline has no full stop.)
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
        // (A line read as a headline above it stands in the masthead: a word or two, `Premium Exclusives`, or a line with
        // removed lines, a menu or a breadcrumb, between it and the title. A headline right over a caption keeps it one.)
        func mastheadLine(_ h: Int, below i: Int) -> Bool {
            (scans[h]?.words ?? 0) <= 3 || ((h + 1)..<i).contains { j in
                if case .other(let reason) = ruled[j] { return reason == "chrome" }
                return verdicts[j].map { $0.decided && $0.role == .chrome } ?? false
            }
        }
        // (Or over its picture's caption, one sentence with its full stop, right over the byline: `Fares rise again` over
        // `Riders queue at the pier.` over `By Jo Lane`.)
        func pictureOver(_ k: Int) -> Bool {
            guard k + 1 < n, case .none = ruled[k], scans[k] != nil else { return false }
            let p = TextLayout.trim(b, paragraphs[k])
            guard p.count <= 200, b[p.upperBound - 1] == 0x2E, Self.oneSentence(b, p),
                  !p.contains(where: { b[$0] == 0x0A || Self.isQuoteMark(b, $0) }) else { return false }
            return bylineAt(k + 1)
        }
        if let i = (0..<n).first(where: { verdicts[$0].map { $0.decided && $0.role == .caption } ?? false }),
           !(0..<i).contains(where: { bodyLike[$0] || (verdicts[$0].map { $0.role == .headline } ?? false) && !mastheadLine($0, below: i) }) {
            var j = i
            while j + 1 < n, case .none = ruled[j + 1], scans[j + 1] != nil, same(j + 1, i) { j += 1 }
            let p = TextLayout.trim(b, paragraphs[i])
            if let s = scans[i], case .none = ruled[i], !s.plain, s.words >= 4, s.words <= 20, s.features[.headlineLength],
               !s.features[.endsPeriod], !s.features[.sentences], !s.features[.creditTail], s.creditTail == nil,
               !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }), bylineAt(j + 1) || pictureOver(j + 1),
               ((j + 2)..<n).contains(where: { bodyLike[$0] }) {
                for k in i...j { verdicts[k] = RoleModel.Verdict(role: .headline, confidence: 1, decided: true, signals: k == i ? [.firstContent] : [.headlineCopy]) }
            }
        }

        var result = Result()
        var datelineSeen = false
        var publishedSeen = false
        // A headline pasted on the line above the first paragraph, with no blank line between them.
        var headlineLine: (paragraph: Int, line: Range<Int>, dateline: Dateline?)?
        if let f = firstContent, verdicts[f]?.role != .headline, let line = Self.headlineLine(b, TextLayout.trim(b, paragraphs[f])) {
            let rest = TextLayout.trim(b, line.upperBound..<TextLayout.trim(b, paragraphs[f]).upperBound)
            headlineLine = (f, line, Dateline(b, rest))
        }
        for i in 0..<n {
            let p = TextLayout.trim(b, paragraphs[i])
            if case .other(let reason) = ruled[i], reason == "byline" {
                result.structure.append(Self.byline(b, p))
            }
            guard var scan = scans[i] else { continue }
            if let h = headlineLine, h.paragraph == i {
                result.structure.append(Span(start: h.line.lowerBound, end: h.line.upperBound, label: "headline"))
                if scan.dateline == nil { scan.dateline = h.dateline }
            }
            if !datelineSeen, i < 6, let d = scan.dateline {
                datelineSeen = true
                let attributes = Attributes(["place": .string(Self.text(b, d.place)),
                                         "agency": d.agency.map { .string(Self.text(b, $0)) } ?? .null,
                                         "date": d.date.map { .string(Self.text(b, $0)) } ?? .null])
                result.structure.append(Span(start: d.range.lowerBound, end: d.range.upperBound, label: "dateline", attributes: attributes))
            }
            guard let v = verdicts[i] else { continue }
            let signals = AttributeValue.list(v.signals.map { .string($0.name) })
            let confidence = AttributeValue.double((v.confidence * 1000).rounded() / 1000)
            if !publishedSeen, v.role == .dateline || v.role == .chrome || v.role == .headline, scan.features[.date] || scan.features[.time],
               let date = Self.published(b, p, model: model) {
                publishedSeen = true
                let at = v.decided && v.role.isRemoved ? p.lowerBound : date.lowerBound
                result.structure.append(Span(start: at, end: v.decided && v.role.isRemoved ? at : date.upperBound, label: "published",
                                             attributes: ["value": .string(Self.text(b, date))]))
            }
            guard v.decided else {
                result.structure.append(Span(start: p.lowerBound, end: p.upperBound, label: v.role.rawValue,
                                             attributes: ["flagged": true, "confidence": confidence, "signals": signals]))
                continue
            }
            let rule = "roles:" + v.signals.map(\.name).joined(separator: "+")
            switch v.role {
            case .headline:
                // A page title keeps the site's name after it (`... two key items - Daily News`): the name is cut as
                // chrome, the headline stays.
                if i == firstContent, let suffix = Self.siteSuffix(b, p, model: model) {
                    result.cuts.append(Cut(suffix, reason: "chrome", rule: "roles:site-suffix"))
                    result.structure.append(Span(start: p.lowerBound, end: suffix.lowerBound, label: "headline", attributes: ["confidence": confidence]))
                } else {
                    result.structure.append(Span(start: p.lowerBound, end: p.upperBound, label: "headline", attributes: ["confidence": confidence]))
                }
            case .dateline:
                if !(scan.dateline.map { $0.range.upperBound >= p.upperBound } ?? false) {
                    result.structure.append(Span(start: p.lowerBound, end: p.upperBound, label: "dateline", attributes: ["confidence": confidence]))
                }
            case .body:
                break
            case .byline:
                result.structure.append(Self.byline(b, p))
                result.cuts.append(Cut(p, reason: "byline", rule: rule, absorbsWhitespace: true))
            case .caption:
                if let tail = scan.creditTail {
                    var end = tail
                    while end > p.lowerBound, TextLayout.isSpace(b[end - 1]) { end -= 1 }
                    result.cuts.append(Cut(p.lowerBound..<end, reason: "caption", rule: rule, absorbsWhitespace: true))
                    result.cuts.append(Cut(tail..<p.upperBound, reason: "credit", rule: rule, absorbsWhitespace: true))
                } else {
                    result.cuts.append(Cut(p, reason: "caption", rule: rule, absorbsWhitespace: true))
                }
            case .credit, .notice, .chrome, .signature:
                result.cuts.append(Cut(p, reason: v.role.rawValue, rule: rule, absorbsWhitespace: true))
            }
        }
        // Inside a paragraph of lines (single line breaks), a line that is its own text twice, glued with no space
        // (`Harbour Chief, Dr Jo LaneHarbour Chief, Dr Jo Lane`): a picture's alt text pasted against its caption, as a
        // paragraph of its own is; the line and a neighbouring line that is one copy of it are cut, the other lines stay.
        for i in 0..<n where scans[i] != nil && verdicts[i].map({ !$0.decided || !$0.role.isRemoved }) ?? true {
            guard case .none = ruled[i] else { continue }
            let lines = Self.lines(b, TextLayout.trim(b, paragraphs[i]))
            guard lines.count >= 2 else { continue }
            for (k, line) in lines.enumerated() {
                let half = line.count / 2
                guard line.count >= 30, line.count <= 600, line.count % 2 == 0,
                      (0..<half).allSatisfy({ b[line.lowerBound + $0] == b[line.lowerBound + half + $0] }),
                      !line.contains(where: { Self.isQuoteMark(b, $0) }) else { continue }
                result.cuts.append(Cut(line, reason: "caption", rule: "roles:repeated-line", absorbsWhitespace: true))
                for m in [k - 1, k + 1] where m >= 0 && m < lines.count {
                    let q = lines[m]
                    if q.count == half, (0..<half).allSatisfy({ b[q.lowerBound + $0] == b[line.lowerBound + $0] }) {
                        result.cuts.append(Cut(q, reason: "caption", rule: "roles:repeated-line", absorbsWhitespace: true))
                    }
                }
            }
        }
        return result
    }

    /// The lines of a paragraph, each trimmed, empty ones left out.
    static func lines(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = p.lowerBound
        for i in p.lowerBound...p.upperBound where i == p.upperBound || b[i] == 0x0A {
            let line = TextLayout.trim(b, start..<i)
            if !line.isEmpty { out.append(line) }
            start = i + 1
        }
        return out
    }
}
