import CleanCaptionsFeatures
import CleanCaptionsLines
import LedeCore
import LedeText

/// The page's headline and what stands above the text: captions above the headline, the first content line,
/// its copies, labels and tags over the text, where the text begins.
extension PageReading {
    /// A picture's caption over its credit line, both above the headline (`Crews clear the canal on Monday.` over `PHOTO:
    /// JO LANE` over the headline): the caption, not the headline printed first. It reads as a caption (a sentence with its
    /// full stop, a scene, or when), and a title-like line follows the credit. (A headline over a credit with no caption
    /// has no title-like line under the credit: the text follows.)
    mutating func findCaptionsAbove() {
        for i in 0..<max(0, n - 3) {
            guard case .none = ruled[i], let s = scans[i], !s.plain, s.words >= 4, !quoted(i), case .credit = ruled[i + 1],
                  case .none = ruled[i + 2], let t = scans[i + 2],
                  // (Nothing kept above it but lines with no letters: a mark, an emoji.)
                  (0..<i).allSatisfy({ j in
                      guard case .none = ruled[j], let a = scans[j], a.hasLetters else { return true }
                      return verdicts[j].map { $0.decided && $0.role.isRemoved } ?? false
                  }) else { continue }
            let p = TextLayout.trim(b, paragraphs[i]), q = TextLayout.trim(b, paragraphs[i + 2])
            guard p.count <= 300, !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }), PageLines.titleLike(b, q, t),
                  !(p.count == q.count && zip(p, q).allSatisfy { b[$0] == b[$1] }),
                  !s.features[.noEndPunct] || s.features[.sceneLine] || s.features[.photoVerb] || s.features[.whenEnd],
                  PageLines.readsAsCaption(b, p) else { continue }
            captionsAbove.append(i)
        }
    }

    /// The first content line, the headline as read before the neighbours' roles; the kickers above it are set aside.
    ///
    /// A page title, `Headline - Outlet`, over the headline itself: the whole line is the page's chrome.
    mutating func findFirstContent() {
        for i in 0..<n where !teasers.contains(i) && !captionsAbove.contains(i) {
            // The headline comes before the body text.
            guard let s = scans[i] else { continue }
            if s.plain {
                // (A headline glued on the line above the text's first paragraph makes that paragraph the first content.)
                if PageLines.headlineLine(b, TextLayout.trim(b, paragraphs[i])) != nil { firstContent = i }
                break
            }
            if isKicker(i) { kickers.append(i); continue }
            if i + 1 < n, scans[i + 1] != nil, let suffix = PageLines.siteSuffix(b, TextLayout.trim(b, paragraphs[i]), model: model) {
                let p = TextLayout.trim(b, paragraphs[i]), q = TextLayout.trim(b, paragraphs[i + 1])
                let head = TextLayout.trim(b, p.lowerBound..<suffix.lowerBound)
                if head.count == q.count, zip(head, q).allSatisfy({ b[$0] == b[$1] }) { pageTitles.append(i); continue }
            }
            // A caption only its form suggests (a scene, a lead with a colon, a few words) may be the headline.
            if let v = verdicts[i], v.decided, v.role != .headline, !(v.role == .caption && PageLines.formOnly(s)) { continue }
            // A headline has a few words in one sentence; one- and two-word lines above it are section names and
            // buttons, and a line of several sentences is a page message (a headline pasted above its first
            // paragraph, in the same paragraph, is read by `headlineLine`).
            if s.features[.dateOnly] || s.features[.datelineOnly] || !s.hasLetters || !s.features[.headlineLength] { continue }
            let p = TextLayout.trim(b, paragraphs[i])
            // (A bar of links, the masthead's `Harbour FM | HFM` or a menu, is no headline; one labelled with a bar,
            // `WATCH | Crowds gather ...`, is.)
            if PageLines.isLinkBar(b, p), !PageLines.labelledTitle(b, p), s.features[.noEndPunct], s.words <= 8 { continue }
            // A headline opens with a capital, a figure or a quotation mark; a line in lowercase is a tag or a section.
            if b[p.lowerBound] >= 0x61 && b[p.lowerBound] <= 0x7A || b[p.lowerBound] == UInt8(ascii: "[") { continue }
            if s.features[.sentences], !s.features[.noEndPunct], !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }) { continue }
            firstContent = i
            break
        }
    }

    /// The headline printed twice (a page's title over its own copy of it): a copy of the first content line, beside
    /// no credit line, stays a headline, not a caption printed twice (a picture's caption may follow it).
    /// (Two lines printed twice one over the other are a template printed twice, a comment form's `Reply To:` over
    /// its `Name - Reply Comment`: no headline.)
    mutating func readHeadlineCopies() {
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
    }

    /// Above the text, a label of one to three words closing with a colon (`Press release:`, `Statement:`): the
    /// page's label for what follows, not a line of the text (a lead-in to a list stands among the body paragraphs).
    mutating func readLabelsAboveText() {
        for i in 0..<topBody where verdicts[i] == nil || verdicts[i]?.decided == false {
            guard let s = scans[i], !s.plain, (1...3).contains(s.words), s.dateline == nil, !s.features[.datelineOnly] else { continue }
            let p = TextLayout.trim(b, paragraphs[i])
            guard p.count <= 40, b[p.upperBound - 1] == UInt8(ascii: ":"), b[p.lowerBound] >= 0x41 && b[p.lowerBound] <= 0x5A,
                  !p.contains(where: { b[$0] == 0x0A || ParagraphScan.isDigit(b[$0]) }) else { continue }
            verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.labelColon])
        }
    }

    /// A name alone above the body, beside a line that says when it was posted (`Jane Roe` over `Posted 2 hours
    /// ago`, under `2020-01-17 12:01`): the byline of a template that prints no `By`.
    mutating func readNamesByStamps() {
        for i in 0..<min(n, firstBody) where verdicts[i] == nil || verdicts[i]?.decided == false {
            guard let s = scans[i], s.nameLine, i != firstContent, postedStamp(i - 1) || postedStamp(i + 1),
                  !quoteAttribution(i) else { continue }
            verdicts[i] = RoleModel.Verdict(role: .byline, confidence: 1, decided: true, signals: [.nameByStamp])
        }
    }

    /// Above the headline, a line in lowercase (`toronto city council`, `national news`) is a tag or a section
    /// of the site: a headline opens with a capital.
    mutating func readLowercaseTags() {
        if let f = firstContent {
            for i in 0..<f {
                guard let s = scans[i], !s.plain, s.features[.noEndPunct], s.features[.short], s.words >= 1, s.words <= 5 else { continue }
                let p = TextLayout.trim(b, paragraphs[i])
                guard b[p.lowerBound] >= 0x61 && b[p.lowerBound] <= 0x7A,
                      p.allSatisfy({ b[$0] >= 0x61 && b[$0] <= 0x7A || b[$0] == 0x20 || b[$0] == UInt8(ascii: "-") }) else { continue }
                verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.beforeContent])
            }
        }
    }

    /// Where the text begins: the first paragraph that reads as text, not as a title or a headline over its copy.
    ///
    /// The page's headline, read from the text up: the first paragraph that reads as body text, and above it, past
    /// lines removed (a byline, a stamp, a picture's lines), the title-like line directly over them. A caption
    /// printed twice there is a headline printed twice when its copy stands higher up, not right above it.
    /// (A headline that asks, one sentence closing with `?`, is no paragraph of the text.)
    ///
    /// (A numbered subhead right over a paragraph of text, `1. Concern for taxi drivers`, opens the text: it is the body's, not
    /// the headline, which stands above it past the removed lines.)
    mutating func findTextTop() {
        textTop = (0..<n).first { i in
            if numberedSubhead(i) { return true }
            guard let s = scans[i], verdicts[i] == nil || verdicts[i]?.decided == false else { return false }
            return s.readsAsText && !PageLines.titleLike(b, TextLayout.trim(b, paragraphs[i]), s, question: true) && !headlineOverCopy(i)
        } ?? n
        if textTop < n, numberedSubhead(textTop) { verdicts[textTop] = nil }
    }

    /// Whether paragraph `i` is a numbered subhead right over a paragraph of text: a list's number and a capital opening a short
    /// line with no closing punctuation (`1. Concern for taxi drivers`, `2) Fake notes`). A headline opens with no such number.
    func numberedSubhead(_ i: Int) -> Bool {
        guard i + 1 < n, case .none = ruled[i], let s = scans[i], !s.plain, s.features[.short], s.features[.noEndPunct], !s.features[.quote],
              let next = scans[i + 1], next.readsAsText, verdicts[i + 1].map({ !$0.decided || !$0.role.isRemoved }) ?? true else { return false }
        let p = TextLayout.trim(b, paragraphs[i])
        var k = p.lowerBound
        while k < p.upperBound, k - p.lowerBound < 2, ParagraphScan.isDigit(b[k]) { k += 1 }
        guard k > p.lowerBound, k + 2 < p.upperBound, b[k] == UInt8(ascii: ".") || b[k] == UInt8(ascii: ")"), b[k + 1] == 0x20,
              b[k + 2] >= 0x41 && b[k + 2] <= 0x5A else { return false }
        return !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D })
    }

    /// The page's headline, read from the text up: the title-like line over the lines removed above the text, or one of
    /// the lines the comments below name (a byline over the text, a pair printed twice, a caption under a bar of links).
    mutating func readPageHeadline() {
        // (A caption printed twice is the headline printed twice when its copy stands higher up. A caption only its form
        // suggests, `Ferry fares rise in June`, is the headline only when a bar of links or glued links stand over it.)
        var captionAbove: Int?
        // (A title-like pair printed one over the other is the headline printed twice when no line stands above it: the
        // page's title over its heading, `Council Sets Budget` twice over the credit of the picture below.)
        var pairAbove: Int?
        var keptAbove = false, barAbovePair = false
        var bylineOverText: Int?
        var bylinesOver = 0
        var k = textTop - 1
        while k >= 0, textTop < n {
            guard let s = scans[k] else {
                // (A breadcrumb a rule removed, `Home » Metro » Public Services`, is a bar over the headline all the same.)
                if let c = captionAbove, case .other(let reason) = ruled[k], reason == "chrome", PageLines.isLinkBar(b, TextLayout.trim(b, paragraphs[k])) {
                    pageHeadline = titleOverStamp(k) ?? c
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
                    if pairAbove == nil, PageLines.titleLike(b, TextLayout.trim(b, paragraphs[k]), s) { pairAbove = k - 1 }
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
                       a.words >= 3, PageLines.titleLike(b, TextLayout.trim(b, paragraphs[above]), a), PageLines.titleLike(b, TextLayout.trim(b, paragraphs[k]), s) {
                        pageHeadline = above
                        standfirstCopies = [first, k]
                    } else if PageLines.titleLike(b, TextLayout.trim(b, paragraphs[k]), s) {
                        pageHeadline = k
                    }
                    keptAbove = true
                    break
                }
                if v.role == .caption, captionAbove == nil, PageLines.uncredited(s), !s.features[.repeated],
                   PageLines.titleLike(b, TextLayout.trim(b, paragraphs[k]), s) {
                    captionAbove = k
                }
                if pairAbove != nil, v.role == .chrome, s.features[.chromeWords] || PageLines.isLinkBar(b, TextLayout.trim(b, paragraphs[k])) {
                    barAbovePair = true
                }
                // (The bar may have been read as chrome already: a breadcrumb, `Home » Metro » Public Services`.)
                if let c = captionAbove, v.role == .chrome, PageLines.isLinkBar(b, TextLayout.trim(b, paragraphs[k])) {
                    pageHeadline = titleOverStamp(k) ?? c
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
            if bylinesOver < 2, captionAbove == nil, pairAbove == nil, PageLines.titleLike(b, p, s),
               PageLines.headerByline(b, p, model: model, name: true) != nil || PageLines.staffTitleLine(s) {
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
            } else if k == textTop - 1, bylineOverText == nil, !s.plain, !s.features[.repeated], !s.features[.quote], s.features[.noEndPunct],
                      PageLines.uncredited(s) || s.words <= 12 && !s.features[.capitalized] && PageLines.readsAsCaption(b, p),
                      let t = titleOverStamp(k - 1) {
                // (A line in the form of a caption right over the text, under the stamp, `Turtle probably killed by a boat strike`:
                // the picture's caption, under the headline over the stamp.)
                pageHeadline = t
                captionUnderStamp = k
            } else if let c = captionAbove, !s.plain, PageLines.sectionName(b, p) {
                // (A caption only its form suggests under a section's name, `Local News`, is the headline: a section heads a story.)
                pageHeadline = c
            } else if PageLines.titleLike(b, p, s, question: true), bylineOverText == nil || s.words >= 4 {
                pageHeadline = k
            } else if captionAbove == nil, pairAbove == nil, headlineOverCopy(k), let j = (0..<k).last(where: { scans[$0] != nil && same($0, k) }) {
                // (A one-sentence headline closing with a full stop, `Governor urges chairmen to form a committee.`, printed
                // again under it past the stamp's lines: the page's headline over its picture's alt text.)
                pageHeadline = j
                copyUnderHeadline = k
            } else if let c = captionAbove, !s.plain, PageLines.isLinkBar(b, p) {
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
    }

    /// The title-like line right over a removed line that says when the story was posted (`Turtles come closer to shore` over
    /// `| 03/06/2021 | 0 Comments`), past removed lines: the page's headline, when a caption only its form suggests stands
    /// under that line, over the text (the caption of the picture under the stamp, not the headline).
    func titleOverStamp(_ k: Int) -> Int? {
        guard k > 0, k < n else { return nil }
        let p = TextLayout.trim(b, paragraphs[k])
        guard p.count <= 80, removed(k), postedStamp(k) || PageLines.published(b, p, model: model) != nil else { return nil }
        var t = k - 1
        while t >= 0, scans[t] == nil || verdicts[t].map({ $0.decided && $0.role.isRemoved && $0.role != .caption }) ?? false { t -= 1 }
        guard t >= 0, case .none = ruled[t], let s = scans[t], !s.plain, !s.features[.repeated], s.words >= 4,
              verdicts[t].map({ !$0.decided || !$0.role.isRemoved || PageLines.formOnly(s) }) ?? true,
              PageLines.titleLike(b, TextLayout.trim(b, paragraphs[t]), s) else { return nil }
        return t
    }

    /// Second readings of the headline found: the title-like line over a scene that is its picture's alt text, and a pair
    /// printed twice over the line that closes with its words; then the standfirst's copies, the alt text and the
    /// headline's copy under it take their roles.
    mutating func reviseHeadline() {
        var altUnderHeadline: Int?
        // A scene with a participle and no full stop, `Residents collecting water`, right under a title-like line taken for a
        // caption by its form alone: the picture's alt text under the headline, which is the line above it.
        if let h = pageHeadline, h > 0, case .none = ruled[h - 1], let a = scans[h - 1], !a.plain, let s = scans[h], !s.plain,
           let v = verdicts[h - 1], v.decided, v.role == .caption, PageLines.uncredited(a), !a.features[.repeated], !s.features[.repeated],
           PageLines.titleLike(b, TextLayout.trim(b, paragraphs[h - 1]), a), s.features[.noEndPunct], !s.features[.quote],
           PageLines.participleScene(b, TextLayout.trim(b, paragraphs[h])), !PageLines.participleScene(b, TextLayout.trim(b, paragraphs[h - 1])) {
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
                guard same(j - 1, j), PageLines.titleLike(b, pj, s), pc.count > pj.count + 1, b[pc.upperBound - pj.count - 1] == 0x20,
                      zip((pc.upperBound - pj.count)..<pc.upperBound, pj).allSatisfy({ b[$0] == b[$1] }) else { break }
                pageHeadline = j - 1
                verdicts[j - 1] = nil
                verdicts[c] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.altLine])
                break
            }
        }
        for i in standfirstCopies { verdicts[i] = nil }
        if let i = captionUnderStamp { verdicts[i] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.altLine]) }
        if let i = altUnderHeadline { verdicts[i] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.sceneLine]) }
        if let i = copyUnderHeadline, let h = pageHeadline, h < i {
            verdicts[i] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.altLine])
            if verdicts[h].map({ $0.decided && $0.role.isRemoved }) ?? false { verdicts[h] = nil }
        }
    }

    /// The title right over the story's byline (`Council backs new ferry plan, says leader` over `By Jo Lane`), with no
    /// text and no headline above it: the page's headline, not a picture's caption, however short or near removed lines
    /// it stands. Its copies right over it (the page's title over its own copy) are the headline printed twice.
    /// (A caption closes with a full stop or sits under the headline; a title over a byline has no full stop.)
    mutating func readTitleOverByline() {
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
    }
}
