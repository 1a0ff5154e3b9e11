import CleanCaptionsFeatures
import CleanCaptionsLines
import LedeCore
import LedeText

/// The page's masthead above its headline, the bylines of its header, and the picture's lines under its headline.
extension PageReading {
    /// A short line printed three times or more above the text, around a longer title-like line (`The Central App` over and
    /// under the headline): the site's name, as its logo, its menu and its header print it. A headline is printed twice
    /// at most, and is the longer line.
    mutating func readRepeatedSiteName() {
        if textTop < n {
            var named: [Int] = []
            for i in 0..<textTop where !named.contains(i) {
                guard let s = scans[i], !s.plain, (1...4).contains(s.words), s.features[.noEndPunct], !s.features[.quote], !s.features[.date],
                      verdicts[i].map({ !$0.decided || !$0.role.isRemoved }) ?? true else { continue }
                let copies = (i..<textTop).filter { scans[$0] != nil && same($0, i) }
                guard copies.count >= 3, (0..<textTop).contains(where: { k in
                    guard let t = scans[k], !t.plain, t.words > s.words + 2 else { return false }
                    return PageLines.titleLike(b, TextLayout.trim(b, paragraphs[k]), t)
                }) else { continue }
                named += copies
            }
            for i in named { verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.masthead]) }
        }
    }

    /// The page's first line, a name and its tagline set apart by a bar, a middle dot or a dash (`Harbour Post  ·  Port
    /// Ria`, `VALLEY NEWS  ·  Valley Media Group`), right over a bar of links removed as chrome: the masthead over the site's
    /// menu, not a headline (a page's headline stands under its menu).
    mutating func readMastheadFirstLine() {
        if let top = (0..<n).first(where: { !TextLayout.trim(b, paragraphs[$0]).isEmpty }), case .none = ruled[top], let s = scans[top],
           !s.plain, s.features[.noEndPunct], !s.features[.quote], s.words <= 10, PageLines.separatedPair(b, TextLayout.trim(b, paragraphs[top])),
           let next = ((top + 1)..<n).first(where: { !TextLayout.trim(b, paragraphs[$0]).isEmpty }) {
            let q = TextLayout.trim(b, paragraphs[next])
            let menu: Bool
            if case .other(let reason) = ruled[next] { menu = reason == "chrome" } else {
                menu = verdicts[next].map { $0.decided && $0.role == .chrome } ?? false
            }
            if menu, PageLines.isLinkBar(b, q) || PageLines.spacedLinks(b, q) >= 2 {
                verdicts[top] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.masthead])
            }
        }
    }

    /// Above the page's headline, the page's masthead and its lines: the site's name and tagline (`Harbour Post Logo`,
    /// `The Valley App`), a date or issue line (`Issue 212, (3 - 9 May)`), a bar of links (`/ Home / News`), a line the
    /// page prints twice, or links glued together (`Get it on the StoreGet it on Play`). A copy of the headline stays
    /// as a headline printed twice. (A line over the headline with none of these cues stays: it may be the headline,
    /// and the line under it the standfirst.)
    mutating func readMasthead() {
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
            // The lines between the headline and its copy above it are the headline's own (a stamp, a byline, a place
            // name: `Ferry fares rise` over `4May 2024` over `Jo Lane` over `Port Vila` over `Ferry fares rise`), not the masthead.
            let copyAbove = printedTwice ? (0..<h).last { same($0, h) } : nil
            // Whether a line of the page's chrome (a bar of links, a section's name, an advertisement's mark) stands between
            // a line and the headline: what stands above it is the masthead (`Harbour Post logo` over `HomeNewsSport` over
            // the headline), not a headline over its standfirst.
            var chromeBelow = false
            // Date stamps removed over the masthead's lines, and a longer title above them (``longerTitle(_:over:)``).
            var stamps: [Int] = []
            var headlineAbove: Int?
            // Whether `p` is one link of a line of chrome above line `j`: the same bytes, between spaces or bars.
            func inMenuAbove(_ j: Int, _ p: Range<Int>) -> Bool {
                (0..<j).contains { k in
                    let menu: Bool
                    let q = TextLayout.trim(b, paragraphs[k])
                    if case .other(let reason) = ruled[k], reason == "chrome" { menu = true } else {
                        // (A bar of links by its form, `Home | News | Sport`, read as the masthead's only further up.)
                        menu = verdicts[k].map { $0.decided && $0.role == .chrome } ?? false || scans[k] != nil && PageLines.isLinkBar(b, q)
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
                if let c = copyAbove, j > c, !(verdicts[j].map { $0.decided && $0.role.isRemoved } ?? false) { continue }
                if case .other(let reason) = ruled[j], reason == "chrome", PageLines.isLinkBar(b, TextLayout.trim(b, paragraphs[j])) { chromeBelow = true }
                guard case .none = ruled[j], let s = scans[j], !s.plain else { continue }
                // (A section's name over the headline, `Skye news`, read as a caption's alt text, is the masthead's.)
                if let v = verdicts[j], v.decided, v.role == .caption, !s.features[.repeated], PageLines.sectionName(b, TextLayout.trim(b, paragraphs[j])) {
                    verdicts[j] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.masthead])
                    chromeBelow = true
                    continue
                }
                if let v = verdicts[j], v.decided, v.role.isRemoved, v.role != .caption || !s.features[.repeated] {
                    // (A bar of links, a line of the site's section names, a masthead's line: not a stamp, a byline or a
                    // video's link, which stand under a headline.)
                    if v.role == .chrome, PageLines.isLinkBar(b, TextLayout.trim(b, paragraphs[j])) || s.features[.chromeWords]
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
                if headlineAbove == nil, stayed.isEmpty, !printedTwice, longerTitle(j, over: h) {
                    verdicts[j] = RoleModel.Verdict(role: .headline, confidence: 1, decided: true, signals: [.firstContent])
                    for k in stamps where k > j { verdicts[k] = RoleModel.Verdict(role: .dateline, confidence: 1, decided: true, signals: [.dateOnly]) }
                    headlineAbove = j
                    stayed.append(j)
                    continue
                }
                guard s.features[.short], !s.features[.quote], !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }),
                      !stayed.contains(where: { same($0, j) }) else { stayed.append(j); continue }
                let bar = PageLines.isLinkBar(b, p)
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
                let name = nameLike && s.features[.capitalized] && !PageLines.hasSmallWord(b, p)
                // The site's greeting (`Welcome to the Valley Journal`).
                let welcome = startsWithFolded(b, p, "welcome to ") && s.words <= 8
                // (Over the masthead's lines, an app's promotion in short sentences: `All your news in one place.`, `One app.`)
                let promo = chromeBelow && s.words <= 8 && !s.features[.sentences] && !s.features[.quote]
                // A section's name (`Skye news`, `Regional News`), even right over a long headline: no standfirst reads so.
                let section = PageLines.sectionName(b, p)
                // Over the masthead's lines, the site's name and its slogan set apart by a bar, a middle dot or a dash
                // (`Valley News!  |  Independent. Fearless. Local.`, `Coast Post  ·  News Fiji`).
                let tagline = chromeBelow && s.words <= 10 && !s.features[.quote] && PageLines.separatedPair(b, p)
                // (Under the masthead's chrome, a line that reads as the text's, a sentence of eight words or more with a title's small
                // words, `Follow this page all day for the latest on the storm`, or one opening with a question word, `What we know`,
                // is the headline's standfirst or a subheading, not the masthead's.)
                // (Not one with a label's colon or a path's slash: `Warning: File not found in /var/www on line 3` is the site's.)
                let textual = s.words >= 8 && PageLines.hasSmallWord(b, p) && !p.contains(where: { b[$0] == UInt8(ascii: ":") || b[$0] == UInt8(ascii: "/") })
                    || ParagraphScan.questionWord(b, p)
                guard (s.features[.noEndPunct] || stamp || welcome || promo || tagline) && (bar || stamp || twice || name || welcome || chromeBelow && !textual || section) else {
                    stayed.append(j)
                    continue
                }
                verdicts[j] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.masthead])
                if stamp, headlineAbove == nil, p.count <= 40, PageLines.published(b, p, model: model)?.lowerBound == p.lowerBound { stamps.append(j) }
                chromeBelow = true
            }
            if let j = headlineAbove { pageHeadline = j }
        }
    }

    /// Whether line `j`, above short headline `h` (four words or fewer: a section's name, the outlet's, a byline), is the
    /// page's headline: a longer title-like line with no closing punctuation, not a bar of links, a section's name or a
    /// tagline (`Ferry fares rise again as fuel costs climb` over `May 3, 2024` over `Island news` over the text).
    func longerTitle(_ j: Int, over h: Int) -> Bool {
        // (Only short lines between: a stamp, a section's name. Another story's teaser under its title is no such line.)
        guard j < h, (j + 1..<h).allSatisfy({ k in TextLayout.trim(b, paragraphs[k]).count <= 48 }),
              let hs = scans[h], hs.words <= 4, let s = scans[j], !s.plain, s.words >= 5, s.words >= hs.words + 2,
              s.features[.noEndPunct], !s.features[.quote], !s.features[.repeated], !s.features[.date], !s.features[.sentences] else { return false }
        let p = TextLayout.trim(b, paragraphs[j])
        // (One line, one sentence: a caption's sentence over its credit, `... in July. JO LANE`, is no headline.)
        return !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D || b[$0] == 0x2E && $0 + 1 < p.upperBound && b[$0 + 1] == 0x20 })
            && !PageLines.isLinkBar(b, p) && !PageLines.sectionName(b, p)
            && !PageLines.separatedPair(b, p) && !startsWithFolded(b, p, "welcome to ") && PageLines.titleLike(b, p, s)
    }

    /// The byline in the page's header, which a template prints with no `By`: right under the headline (past lines
    /// removed: a stamp, a picture's lines) or right over the text, a name alone (`Jo Lane`); or, there or right over
    /// the headline, names with a staff title and `&` (`Jo Lane Deputy Editor & Sam Reyes`), perhaps with the outlet,
    /// the place and the date after a comma (`Staff Correspondent, Harbour Post  Port Ria, May 3, 2024`).
    mutating func readHeaderBylines() {
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
                if let signal = PageLines.headerByline(b, p, model: model, name: i > h) ?? (i > h && PageLines.staffTitleLine(s) ? .titleByline : nil),
                   i != firstContent || signal == .titleByline {
                    verdicts[i] = RoleModel.Verdict(role: .byline, confidence: 1, decided: true, signals: [signal])
                }
            }
            readBylineUnderStandfirst(h)
        }
    }

    /// A name alone between the standfirst and the text (`Suffolk split in two` over `THE Boundary Committee shocked ...`
    /// over `Jo Lane` over the text): the byline, printed under the standfirst. The standfirst is the text's first paragraph,
    /// one sentence, nothing kept between it and headline `h`, and the paragraph of text under the name tells its news again
    /// (``retells(_:_:)``). (A name between two paragraphs of the text that tell different things is the text's.)
    mutating func readBylineUnderStandfirst(_ h: Int) {
        let t = textTop, i = textTop + 1
        guard i + 1 < n, h < t, case .none = ruled[t], let f = scans[t], !f.plain, case .none = ruled[i], let s = scans[i], !s.plain,
              s.features[.short], s.features[.noEndPunct], !s.features[.quote], !s.features[.repeated], s.dateline == nil,
              verdicts[i].map({ !$0.decided }) ?? true, let next = scans[i + 1], next.readsAsText,
              verdicts[i + 1].map({ !$0.decided || !$0.role.isRemoved }) ?? true,
              ((h + 1)..<t).allSatisfy({ j in scans[j] == nil || verdicts[j].map { $0.decided && $0.role.isRemoved } ?? false }) else { return }
        let ps = TextLayout.trim(b, paragraphs[t]), p = TextLayout.trim(b, paragraphs[i])
        guard ps.count <= 400, PageLines.oneSentence(b, ps), !quoted(t), !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }),
              retells(t, i + 1), let signal = PageLines.headerByline(b, p, model: model, name: true) else { return }
        verdicts[i] = RoleModel.Verdict(role: .byline, confidence: 1, decided: true, signals: [signal])
    }

    /// Whether paragraph `y` tells the news of paragraph `x` again, as a story's lead retells its standfirst: four of the words
    /// of five letters or more of `x` at least, and a third of them, are in `y` (case aside).
    func retells(_ x: Int, _ y: Int) -> Bool {
        func words(_ j: Int) -> Set<String> {
            let p = TextLayout.trim(b, paragraphs[j])
            var out = Set<String>(), k = p.lowerBound
            while k < p.upperBound {
                while k < p.upperBound, !ParagraphScan.isLetter(b[k]) { k += 1 }
                var e = k
                while e < p.upperBound, ParagraphScan.isLetter(b[e]) { e += 1 }
                if e - k >= 5 { out.insert(String(decoding: (k..<e).map { b[$0] | 0x20 }, as: UTF8.self)) }
                k = e
            }
            return out
        }
        let a = words(x), shared = a.intersection(words(y)).count
        return shared >= 4 && shared * 3 >= a.count
    }

    /// Just under the text's first paragraph (a standfirst), a name alone right over the stamp of the date and clock time
    /// the story was posted (`Jo Lane` over `4 May 2025, 7:33 pm`): the byline, printed under the standfirst; or the
    /// site's name, printed as its masthead above the headline, right over the date (`Harbour Post` over `4 May 2025`).
    mutating func readBylineOverStamp() {
        if textTop < n {
            for i in textTop..<min(n - 1, textTop + 3) where verdicts[i].map({ !$0.decided }) ?? true {
                guard case .none = ruled[i], let s = scans[i], !s.plain, s.features[.short], s.features[.noEndPunct], !s.features[.quote],
                      let next = scans[i + 1], next.features[.date],
                      verdicts[i + 1].map({ $0.decided && $0.role == .chrome }) ?? false else { continue }
                if next.features[.time], let signal = PageLines.headerByline(b, TextLayout.trim(b, paragraphs[i]), model: model, name: true) {
                    verdicts[i] = RoleModel.Verdict(role: .byline, confidence: 1, decided: true, signals: [signal])
                } else if s.words <= 3, let h = pageHeadline, (0..<min(h, i)).contains(where: { k in
                    same(k, i) && (verdicts[k].map { $0.decided && $0.role.isRemoved } ?? false) }) {
                    // (Or the site's name, as the masthead printed it above the headline, over the date: the outlet's byline.)
                    verdicts[i] = RoleModel.Verdict(role: .byline, confidence: 1, decided: true, signals: [.masthead])
                }
            }
        }
    }

    /// Under the headline, a picture's credit line over its caption (`Photo: Jo Lane/Valley Post` over `Crews clear the
    /// canal.` over the byline): the caption stands between the credit, right under the headline, and a removed line.
    /// (A credit under the headline with the text's first paragraph below it has no removed line under that paragraph.)
    mutating func readCaptionsUnderHeadline() {
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
                if p.count <= 300, !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }), PageLines.readsAsCaption(b, p), !PageLines.readsAsLead(b, p, words: s.words),
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
                if !s.features[.sentences] || PageLines.oneSentence(b, p), p.count <= 600, !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }), PageLines.readsAsCaption(b, p),
                   !PageLines.readsAsLead(b, p, words: s.words),
                   ((i + 1)..<n).contains(where: { bodyLike[$0] }) {
                    verdicts[i] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.captionPair])
                }
            }
        }
    }

    /// Right under the page's headline or a line read as a headline above the text (captions of its picture between them), a line
    /// that opens with a date, with no byline right under it (`December 3, 2024 1:08 pm`, `May 3 2024 Share`, `06 May 2024 3 minute
    /// read`, `• May 3, 2024`): the story's dateline, though a clock time, a share button or a reading time follows the date. So is
    /// a date behind the label of its publication, `Published: May 3, 2024 at 4:32 PM`, `Posted at 9:46 AM, May 3, 2024`, right
    /// under the headline or right over it, though a counter follows it (`Published : May 3, 2024  Count : 55`) or the byline
    /// stands under it. (An unlabelled date over the byline is the page's stamp, and one under the byline stays as read.)
    mutating func readDatelineUnderHeadline() {
        guard n > 2 else { return }
        for j in 0..<min(n - 1, max(textTop, (pageHeadline ?? 0) + 1) + 1) {
            guard case .none = ruled[j], let s = scans[j], !s.plain, s.features[.date] || s.features[.timestamp] || s.features[.dateStamp], s.words <= 10, !s.features[.quote],
                  let v = verdicts[j], v.decided, v.role == .chrome || v.role == .caption else { continue }
            let p = TextLayout.trim(b, paragraphs[j]), stamp = PageLines.withoutCounter(b, p)
            // (A stamp whose parts a bullet, a middle dot or a bar sets apart, `4 June 2025 • 3 min read`, is a widget's bar.)
            guard stamp.count <= 64, let d = PageLines.published(b, stamp, model: model), !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D || b[$0] == 0x7C || b[$0] == 0xB7
                      || b[$0] == 0xA2 && $0 > d.lowerBound && b[$0 - 1] == 0x80 }) else { continue }
            guard let labelled = dateLeadIn(p.lowerBound..<d.lowerBound), stamp.count <= 48 || labelled, s.words <= 8 || labelled,
                  labelled || !bylineAt(j + 1), !readingTimeAt(j + 1),
                  j > 0 && headlineAt(aboveCaptions(j - 1)) || labelled && j + 1 < n && (j + 1 == pageHeadline || verdicts[j + 1]?.role == .headline) else { continue }
            verdicts[j] = RoleModel.Verdict(role: .dateline, confidence: 1, decided: true, signals: [.dateOnly])
            readUpdateUnderDateline(j)
            readSameDateAbove(j)
            return
        }
    }

    /// A few lines under the headline, a labelled date with its day, month and year (`Published 3rd May 2024, 09:00 BST`) over a
    /// line saying when the story was last updated, with a date (`Updated 3rd May 2024, 10:12 BST`): the story's dateline and its
    /// second line, though the byline or the share buttons stand between them and the headline. (A labelled date alone under the
    /// byline stays as read.)
    mutating func readDatelinePair() {
        guard let h = pageHeadline ?? firstContent, h + 2 < n else { return }
        for j in (h + 1)..<min(n - 1, h + 7) {
            guard case .none = ruled[j], let s = scans[j], !s.plain, !s.features[.quote], s.words <= 12, let v = verdicts[j], v.role == .chrome else { continue }
            let p = TextLayout.trim(b, paragraphs[j])
            guard p.count <= 64, let d = PageLines.published(b, p, model: model), dateLeadIn(p.lowerBound..<d.lowerBound) == true,
                  PageLines.calendarDay(b, d) != nil, PageLines.updatedOn(b, TextLayout.trim(b, paragraphs[j + 1]), model: model) else { continue }
            verdicts[j] = RoleModel.Verdict(role: .dateline, confidence: 1, decided: true, signals: [.dateOnly])
            readUpdateUnderDateline(j)
            return
        }
    }

    /// Right under the dateline `j`, a line that says when the story was last updated, with its date (`and last updated
    /// 2024-05-03 10:48`): the dateline's second line. (`Updated 2 hours ago`, with no date, stays the page's chrome.)
    mutating func readUpdateUnderDateline(_ j: Int) {
        let k = j + 1
        guard k < n, case .none = ruled[k], let s = scans[k], !s.plain, !s.features[.quote], let v = verdicts[k], v.decided, v.role == .chrome,
              PageLines.updatedOn(b, TextLayout.trim(b, paragraphs[k]), model: model) else { return }
        verdicts[k] = RoleModel.Verdict(role: .dateline, confidence: 1, decided: true, signals: [.dateOnly])
    }

    /// Above the dateline `j`, a date alone naming the same day (`Tuesday, 3 May, 2024` over `Published : Tuesday, 3 May, 2024
    /// at 9:00 AM`): the story's date printed twice, a dateline too. (A date alone of another day, the site's today, stays chrome.)
    mutating func readSameDateAbove(_ j: Int) {
        guard let day = PageLines.calendarDay(b, TextLayout.trim(b, paragraphs[j])) else { return }
        for k in 0..<j {
            guard case .none = ruled[k], let s = scans[k], !s.plain, s.features[.dateOnly] || s.features[.dateStamp], s.words <= 6,
                  let v = verdicts[k], v.decided, v.role == .chrome else { continue }
            let q = TextLayout.trim(b, paragraphs[k])
            guard q.count <= 40, PageLines.calendarDay(b, q) == day else { continue }
            verdicts[k] = RoleModel.Verdict(role: .dateline, confidence: 1, decided: true, signals: [.dateOnly])
        }
    }

    /// A date in its numeric form alone, `2024-05-14`, opening the page right over the text: the article's dateline (a
    /// widget's date stands among the page's chrome, not first).
    mutating func readNumericDateFirst() {
        guard n > 2, let j = (0..<n).first(where: { scans[$0].map { !$0.plain } ?? false }), j + 1 == textTop || j + 1 == topBody,
              case .none = ruled[j], let v = verdicts[j], v.role == .chrome || v.role == .caption || !v.decided else { return }
        let p = TextLayout.trim(b, paragraphs[j])
        guard p.count == 10 else { return }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { b[p.lowerBound + $0] >= 0x30 && b[p.lowerBound + $0] <= 0x39 }
        guard digits, b[p.lowerBound + 4] == UInt8(ascii: "-"), b[p.lowerBound + 7] == UInt8(ascii: "-"),
              b[p.lowerBound + 5] <= UInt8(ascii: "1"), b[p.lowerBound + 8] <= UInt8(ascii: "3") else { return }
        verdicts[j] = RoleModel.Verdict(role: .dateline, confidence: 1, decided: true, signals: [.dateOnly])
    }

    /// The nearest line at or above `k` that is not a picture's caption read as one (the captions a page prints between its headline
    /// and its date are passed over).
    func aboveCaptions(_ k: Int) -> Int {
        var h = k
        while h > 0, h > k - 3, let v = verdicts[h], v.decided, v.role == .caption { h -= 1 }
        return h
    }

    /// Whether line `k` is a reading time, `1 min read`, `4 minute read`: with the date over it, the page's stamp, not the dateline.
    func readingTimeAt(_ k: Int) -> Bool {
        guard k < n else { return false }
        let p = TextLayout.trim(b, paragraphs[k])
        guard p.count <= 24, p.count >= 6, p.contains(where: { ParagraphScan.isDigit(b[$0]) }) else { return false }
        let e = p.upperBound
        return b[e - 4] | 0x20 == UInt8(ascii: "r") && b[e - 3] | 0x20 == UInt8(ascii: "e") && b[e - 2] | 0x20 == UInt8(ascii: "a") && b[e - 1] | 0x20 == UInt8(ascii: "d")
    }

    /// What stands before a date's first figure, month or weekday: nothing, or a bullet, a publication's label (`Published:`,
    /// `Posted on`, `Posted at`) and a weekday's short name (`Mon,`, `Sat.`), each optional; nil when anything else does. True when the label is there.
    func dateLeadIn(_ r: Range<Int>) -> Bool? {
        var i = r.lowerBound
        if r.count >= 3, b[i] == 0xE2, b[i + 1] == 0x80, b[i + 2] == 0xA2 { i += 3 }
        while i < r.upperBound, TextLayout.isSpace(b[i]) { i += 1 }
        var labelled = false
        for (word, count) in [("published", 9), ("posted", 6)] as [(StaticString, Int)] where startsWithFolded(b, i..<r.upperBound, word) {
            i += count
            labelled = true
            // (`Posted on`, `Posted at 9:46 AM, ...`.)
            if i + 3 <= r.upperBound, b[i] == 0x20, startsWithFolded(b, (i + 1)..<r.upperBound, "on") || startsWithFolded(b, (i + 1)..<r.upperBound, "at"),
               i + 3 == r.upperBound || !ParagraphScan.isLetter(b[i + 3]) { i += 3 }
            while i < r.upperBound, TextLayout.isSpace(b[i]) || b[i] == UInt8(ascii: ":") { i += 1 }
            break
        }
        for day in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as [StaticString] where startsWithFolded(b, i..<r.upperBound, day) {
            i += 3
            while i < r.upperBound, ParagraphScan.isLetter(b[i]) { i += 1 }
            while i < r.upperBound, TextLayout.isSpace(b[i]) || b[i] == UInt8(ascii: ",") || b[i] == UInt8(ascii: ".") { i += 1 }
            break
        }
        return i == r.upperBound ? labelled : nil
    }

    /// Whether line `k` stands as a headline: the page's, the first content line, one read as a headline, or a kept title-like
    /// line of four words or more with no closing punctuation.
    func headlineAt(_ k: Int) -> Bool {
        if k == pageHeadline || k == firstContent || verdicts[k]?.role == .headline { return true }
        guard case .none = ruled[k], let s = scans[k], !s.plain, s.words >= 4, s.features[.noEndPunct], !s.features[.quote],
              verdicts[k].map({ !$0.decided || !$0.role.isRemoved }) ?? true else { return false }
        return PageLines.titleLike(b, TextLayout.trim(b, paragraphs[k]), s)
    }

    /// A breadcrumb that closes with the headline under it, `Home News Ferry fares rise` over `Ferry fares rise`: the
    /// site's trail to the story, chrome, above the text. (The headline under it stays.)
    mutating func readBreadcrumbOverHeadline() {
        for i in 0..<min(max(0, n - 1), textTop) where verdicts[i].map({ !$0.decided || !$0.role.isRemoved }) ?? true {
            guard case .none = ruled[i], case .none = ruled[i + 1], let s = scans[i], !s.plain, s.features[.noEndPunct] || s.features[.short],
                  scans[i + 1] != nil else { continue }
            let p = TextLayout.trim(b, paragraphs[i]), q = TextLayout.trim(b, paragraphs[i + 1])
            guard p.count <= 200, q.count >= 12, p.count >= q.count + 6, startsWithFolded(b, p, "home "), b[p.upperBound - q.count - 1] == 0x20,
                  zip((p.upperBound - q.count)..<p.upperBound, q).allSatisfy({ b[$0] == b[$1] }) else { continue }
            verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.masthead])
        }
    }
}
