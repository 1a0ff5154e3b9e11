import CleanCaptionsFeatures
import CleanCaptionsLines
import LedeCore
import LedeText

/// The first reading of a page: copies and labels set as features, the verdicts judged alone and then with
/// their neighbours' roles, and where the body begins and ends.
extension PageReading {
    /// A paragraph that another paragraph repeats word for word: alt text printed beside its caption, a caption
    /// printed twice. An article's own paragraphs never repeat; a quotation may (a pull quote), and stays; and a
    /// line that ends like a sentence is left to the other features (one short sentence may well recur).
    /// Candidates sorted by length and first bytes: copies end up side by side, compared byte for byte.
    /// Copies are compared by their letters and figures alone: a page prints a caption once with straight quotes and
    /// hyphens, and again with curly quotes and dashes (`Bolden's ... - male or female -`, `Bolden’s ... – male or female –`).
    mutating func markRepeatedCopies() {
        var candidates: [(length: Int, head: UInt64, index: Int)] = []
        var folded: [[UInt8]] = Array(repeating: [], count: n)
        // (A line closing with a word in single quotes, `Families moved in ‘Harbour Ops’`, has no closing punctuation.)
        for i in 0..<n {
            guard let s = scans[i], !s.plain, s.words >= 2,
                  s.features[.noEndPunct] || PageLines.endsWithSingleQuoted(b, TextLayout.trim(b, paragraphs[i])) else { continue }
            let p = TextLayout.trim(b, paragraphs[i])
            guard p.count <= 400 else { continue }
            folded[i] = PageLines.lettersAndFigures(b, p)
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
    }

    /// Two neighbouring paragraphs of which the first is the second's opening, word for word, and the rest of the
    /// second a short credit with no sentence of its own: a picture's alt text above its caption (`A crane lifts
    /// the box.` over `A crane lifts the box.Credit: Jane Roe/X`). (A paragraph printed twice whole is left to the
    /// copies above, which pass over lines that end like a sentence: a paste may well double a paragraph of the
    /// text. A quotation may stand as a pull quote, and stays.)
    mutating func markAltOverCaption() {
        for i in 0..<max(0, n - 1) {
            // (A counter between the two, `4`, as a gallery prints it, is passed over.)
            var next = i + 1
            if next + 1 < n, let c = scans[next], !c.hasLetters, c.words <= 1, TextLayout.trim(b, paragraphs[next]).count <= 3 { next += 1 }
            guard scans[i] != nil, scans[next] != nil else { continue }
            let p = TextLayout.trim(b, paragraphs[i]), q = TextLayout.trim(b, paragraphs[next])
            guard p.count >= 20, p.count <= 300, q.count >= p.count, q.count - p.count <= 60, b[p.lowerBound] == b[q.lowerBound],
                  zip(p, q).allSatisfy({ b[$0] == b[$1] }), !q.contains(where: { PageLines.isQuoteMark(b, $0) }) else { continue }
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
    }

    /// A bare label (`Photo`, `PCS`) right after a picture's lines (or a caption a rule removed) is its credit;
    /// set before the first pass, so that the line above it reads as `before-credit` there.
    mutating func markBareLabels() {
        for i in 1..<max(1, n) where scans[i]?.bareLabel == true {
            if let prev = scans[i - 1], !prev.plain, !prev.features[.long] || prev.features[.labelInside] {
                scans[i]?.features[.labelLine] = true
            } else if case .other(let reason) = ruled[i - 1], reason == "caption" {
                scans[i]?.features[.labelLine] = true
            }
        }
    }

    /// First pass, without the features that depend on the neighbours' roles.
    mutating func judgeAlone() {
        verdicts = scans.map { scan in scan.flatMap { $0.plain ? nil : model.judge($0.features) } }
    }

    /// The last paragraph of the article proper: body text (no role claims it, and it ends like a sentence or
    /// is long), or a picture with its caption. Chrome follows it; section headings of a gallery do not.
    mutating func findLastBody() {
        for i in 0..<n {
            if let s = scans[i], verdicts[i] == nil, !s.features[.noEndPunct] || s.words >= 10 { lastBody = i }
            if let v = verdicts[i], v.decided, v.role == .caption || v.role == .credit { lastBody = i }
            switch ruled[i] {
            case .credit: lastBody = i
            case .other(let reason) where reason == "caption": lastBody = i
            default: break
            }
        }
    }

    /// The first paragraph after the headline that reads as body text: lines between the two are the
    /// article's furniture (bylines, pictures, stamps).
    mutating func findFirstBody() {
        if let f = firstContent {
            for i in (f + 1)..<max(f + 1, n) {
                guard let s = scans[i], verdicts[i] == nil || verdicts[i]?.decided == false else { continue }
                if s.readsAsText { firstBody = i; break }
            }
        }
    }

    /// Names of `By NAME` lines, to know the name when it stands again alone.
    mutating func collectBylineNames() {
        for i in 0..<n where scans[i]?.features[.byStart] == true {
            let p = TextLayout.trim(b, paragraphs[i])
            bylineNames.append(TextLayout.trim(b, (p.lowerBound + 3)..<p.upperBound))
        }
        // And of a name alone above a desk line (`Jane Moyo` over `Senior Print Journalist`): the page may print it
        // again under the headline, where, repeated, it would read as a picture's name.
        for i in 0..<max(0, n - 1) where scans[i]?.nameLine == true && scans[i + 1]?.features[.deskLine] == true {
            bylineNames.append(TextLayout.trim(b, paragraphs[i]))
        }
    }

    /// Second pass: the features that depend on the neighbours' roles and on the places read so far (the first content
    /// line, the body's first and last paragraphs, the removed lines and credits beside a line), then each verdict judged
    /// again.
    mutating func judgeWithNeighbours() {
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
                if !scan.features[.long], b[p.lowerBound] >= 0x61 && b[p.lowerBound] <= 0x7A, PageLines.opensWithLead(b, p) {
                    scan.features[.overCredit] = true
                } else if !scan.features[.long], !scan.features[.sentences], i > firstBody, case .credit = ruled[nextPastCounter(i)],
                          i > 0, scans[i - 1].map({ $0.plain || $0.readsAsText }) ?? false, PageLines.readsAsCaption(b, p) {
                    // Among the text's paragraphs, one sentence right over a credit line alone (`Picture: Jo Lane`), under body
                    // text: the picture's caption (the text's sentence before a picture's credit whose caption was not pasted is
                    // rarer than the caption itself).
                    scan.features[.overCredit] = true
                } else if !scan.features[.long], !scan.features[.sentences], i > 0, i + 1 < n, case .other(let reason) = ruled[i - 1],
                          reason == "caption", scans[i - 1] == nil, PageLines.readsAsCaption(b, p) {
                    // Right under a picture's line a rule removed (its file's name, `harbour.jpg`) and right over its credit: the
                    // picture's caption between them.
                    scan.features[.overCredit] = true
                } else if scan.features[.short], i <= firstBody, i > 0, removed(i - 1), scans[i - 1] != nil,
                          verdicts[i - 1].map({ $0.role == .chrome }) ?? false, PageLines.readsAsCaption(b, p) {
                    // Over the text, right under the header's chrome (a stamp, the share buttons) and right over a credit: the
                    // picture's caption, wherever the headline was read.
                    scan.features[.overCredit] = true
                } else if scan.features[.short], let f = firstContent, i > f, i <= firstBody, PageLines.readsAsCaption(b, p) {
                    // (A sentence opening with a pronoun or reporting speech, `He met the growers on Monday.`, goes on with the text.)
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
                if i == firstContent, v.role == .caption, PageLines.formOnly(scan) {
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
    }

    /// The lines read before the second pass as other stories' teasers, kickers, page titles and pictures' captions
    /// above the headline take those roles, whatever the model judged.
    mutating func applyMarks() {
        for i in teasers { verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.relatedRun]) }
        for i in kickers { verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.kicker]) }
        for i in pageTitles { verdicts[i] = RoleModel.Verdict(role: .chrome, confidence: 1, decided: true, signals: [.pageTitle]) }
        for i in captionsAbove { verdicts[i] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.captionPair]) }
    }

    /// Paragraphs that read as body text: no role claims them, and they end like a sentence or run long.
    mutating func markBodyLike() {
        bodyLike = [Bool](repeating: false, count: n)
        for i in 0..<n {
            if let s = scans[i], verdicts[i] == nil || verdicts[i]?.decided == false {
                bodyLike[i] = s.readsAsText
            }
        }
    }

    /// Captions by their form alone between body paragraphs: subheads of the text, no role.
    mutating func readSubheads() {
        for i in 0..<n {
            guard let s = scans[i], let v = verdicts[i], v.decided else { continue }
            if v.role == .caption {
                // A line that reads as a caption by its form alone (`The top stories this Friday`), between body
                // paragraphs and beside no caption or credit, is a subhead of the text.
                if PageLines.uncredited(s), s.features[.altLine], !s.features[.sceneLine], !s.features[.colonLead], !s.features[.repeated],
                   i > firstBody, !captionOrCredit(i - 1), !captionOrCredit(i + 1) {
                    var j = i + 1
                    while j < n, j <= i + 2, let w = verdicts[j], w.decided, w.role == .chrome { j += 1 }
                    if j < n, bodyLike[j] { verdicts[i] = nil; continue }
                }
            }
        }
    }

    /// The first paragraph that reads as body text, once the headline's copies are read: where the text begins for the
    /// labels and teasers read next.
    mutating func findTopBody() {
        topBody = bodyLike.firstIndex(of: true) ?? n
    }
}
