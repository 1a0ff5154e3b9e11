import CleanCaptionsFeatures
import CleanCaptionsLines
import LedeCore
import LedeText

/// Pictures' captions and their copies inside the text, and lines taken for captions that are the text's.
extension PageReading {
    /// A sentence ``unpunctuatedSentence(_:)`` finds, alone (none in a row, no colon over it), beside a credit line or
    /// below body text saying when: a picture's caption printed without its full stop.
    mutating func readUnpunctuatedCaptions() {
        for i in 0..<n where verdicts[i] == nil || verdicts[i]?.decided == false {
            guard i != firstContent, unpunctuatedSentence(i), !unpunctuatedSentence(i - 1), !unpunctuatedSentence(i + 1) else { continue }
            if i > 0 {
                let prev = TextLayout.trim(b, paragraphs[i - 1])
                if !prev.isEmpty, b[prev.upperBound - 1] == UInt8(ascii: ":") { continue }
            }
            // (A sentence that runs on into the next paragraph, opening in lowercase, is the text's, broken by the layout:
            // `... for the month of July to raise` over `money for cancer support services.`)
            if i + 1 < n {
                let next = TextLayout.trim(b, paragraphs[i + 1])
                if !next.isEmpty, b[next.lowerBound] >= 0x61 && b[next.lowerBound] <= 0x7A { continue }
            }
            // Beside a credit line, or below body text and saying when, as captions do (`... on Thursday`): a subhead or a
            // post's title in a live page reads as a headline (`Council to open its doors to visitors`).
            guard credit(i - 1) || credit(i + 1)
                    || (firstContent.map { i > $0 } ?? false) && i > firstBody && scans[i]!.features[.whenEnd] && !titleSeries(i) else { continue }
            verdicts[i] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.captionSentence])
        }
    }

    /// Whether another line of the form ``unpunctuatedSentence(_:)`` finds, below the headline and not saying when, stands
    /// over body text, beside no credit: the page's titles (a tag page's stories, each title over its text) or long
    /// subheads, of which line `i` is one (`New rules come into force from Saturday` among them), not a caption.
    func titleSeries(_ i: Int) -> Bool {
        guard let top = firstContent, top + 1 < n else { return false }
        for j in (top + 1)..<n where j != i && j + 1 < n && unpunctuatedSentence(j) && !scans[j]!.features[.whenEnd] {
            guard case .none = ruled[j], !credit(j - 1), !credit(j + 1), verdicts[j].map({ !$0.decided }) ?? true else { continue }
            if bodyLike[j + 1] || scans[j + 1]?.plain == true { return true }
        }
        return false
    }

    /// `... agreed to a domestic process. (Harbour Gazette)`: a paragraph longer than a caption, under a paragraph of the
    /// text, closing with an outlet's name alone in brackets (capitalized words, the last an outlet's: no credit word, no
    /// slash): the outlet's tag on its own story, the text's, not a picture's caption and its credit.
    mutating func readOutletTags() {
        for i in 1..<max(1, n) {
            guard let v = verdicts[i], v.role == .caption, let s = scans[i], let tail = s.creditTail, !s.features[.short],
                  s.features[.creditTail], !s.features[.creditLabel], !s.features[.slashName], let prev = scans[i - 1],
                  prev.plain || prev.readsAsText else { continue }
            let p = TextLayout.trim(b, paragraphs[i])
            guard b[tail] == UInt8(ascii: "("), b[p.upperBound - 1] == UInt8(ascii: ")"), tail > p.lowerBound + 1,
                  b[tail - 2] == UInt8(ascii: ".") || b[tail - 1] == UInt8(ascii: ".") else { continue }
            var words = 0, outlet = false, k = tail + 1
            while k < p.upperBound - 1 {
                var e = k
                while e < p.upperBound - 1, b[e] != 0x20 { e += 1 }
                let t = ParagraphScan.token(b, k..<e, model: model)
                if !t.capitalized || t.flags & RoleModel.Word.credit != 0 || (k..<e).contains(where: { b[$0] == UInt8(ascii: "/") }) {
                    words = 0; break
                }
                words += 1
                outlet = t.flags & RoleModel.Word.agency != 0
                k = e + 1
            }
            if (1...4).contains(words), outlet { verdicts[i] = nil }
        }
    }

    /// Inside the text, a short sentence describing a picture (a photo verb among its first words: `Nurses hold placards
    /// outside the hospital on Monday.`) right over a name alone, with the text's paragraphs on both sides: the picture's
    /// caption over its photographer's name.
    mutating func readPhotoCaptionsOverNames() {
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
    }

    /// Inside the text, the site's name alone again, a copy of its masthead removed above the headline: the site credits the
    /// picture as its own; the short line right over it, one sentence with no quotation (`Palm trees by the harbour`), is
    /// the picture's caption.
    mutating func readSiteCredits() {
        if textTop < n, let h = pageHeadline ?? firstContent {
            for i in (textTop + 2)..<max(textTop + 2, n - 1) where verdicts[i].map({ !$0.decided || $0.role == .caption }) ?? true
                && verdicts[i - 1].map({ !$0.decided }) ?? true {
                guard case .none = ruled[i], case .none = ruled[i - 1], let site = scans[i], !site.plain, site.features[.noEndPunct],
                      (1...4).contains(site.words), (0..<h).contains(where: { k in same(k, i) && verdicts[k].map { $0.decided && $0.role.isRemoved } ?? false }),
                      let s = scans[i - 1], !s.plain, s.features[.short], !s.features[.quote], !s.features[.sentences], s.words >= 3,
                      s.features[.noEndPunct] || s.features[.endsPeriod], PageLines.readsAsCaption(b, TextLayout.trim(b, paragraphs[i - 1])),
                      bodyLike[i - 2] || scans[i - 2]?.plain == true, bodyLike[i + 1] || scans[i + 1]?.plain == true
                else { continue }
                verdicts[i - 1] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.overCredit])
                verdicts[i] = RoleModel.Verdict(role: .credit, confidence: 1, decided: true, signals: [.overCredit])
            }
        }
    }

    /// Between the headline and the text, a short line of one sentence printed twice, one copy over the other (`Flood
    /// warnings.` twice): a picture's alt text over its caption, though it ends like a sentence. (The text may well
    /// print a short paragraph twice: only above it does the pair read so.)
    mutating func readTwiceUnderHeadline() {
        if let h = pageHeadline ?? firstContent, textTop < n {
            for i in (h + 1)..<max(h + 1, textTop - 1) where verdicts[i].map({ !$0.decided }) ?? true && verdicts[i + 1].map({ !$0.decided }) ?? true {
                guard case .none = ruled[i], case .none = ruled[i + 1], let s = scans[i], !s.plain, s.features[.short], !s.features[.noEndPunct],
                      !s.features[.sentences], !quoted(i), (1...8).contains(s.words), same(i, i + 1) else { continue }
                for j in [i, i + 1] { verdicts[j] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.repeated]) }
            }
        }
    }

    /// Inside the text, a line of one sentence printed twice, one copy right over the other, with text on both sides
    /// (`Officers searched the river bank on Monday.` twice between two paragraphs): a picture's alt text over its
    /// caption, when it reads as one (``readsAsCaption(_:_:)``). A paste that doubles a paragraph of the text doubles
    /// a longer one, a quotation, or a sentence that reports speech or opens with a pronoun, which stay.
    mutating func readTwiceInText() {
        if textTop < n {
            for i in textTop..<max(textTop, n - 2) where verdicts[i].map({ !$0.decided }) ?? true && verdicts[i + 1].map({ !$0.decided }) ?? true {
                guard case .none = ruled[i], case .none = ruled[i + 1], let s = scans[i], !s.plain, !s.features[.sentences],
                      !quoted(i), (3...25).contains(s.words), TextLayout.trim(b, paragraphs[i]).count <= 180,
                      same(i, i + 1), i > 0, let before = scans[i - 1], before.words > 12, let after = scans[i + 2], after.words > 12,
                      PageLines.readsAsCaption(b, TextLayout.trim(b, paragraphs[i]))
                else { continue }
                for j in [i, i + 1] { verdicts[j] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.repeated]) }
            }
        }
    }

    /// A paragraph that is its own text twice, glued with no space (`A crowd waits. (Metro TV).A crowd waits. (Metro TV).`): a
    /// picture's alt text pasted against its caption. It is the caption, and so is a neighbour that is one copy of it.
    /// (The text never prints a paragraph against itself; a quotation is left alone.)
    mutating func readGluedCopies() {
        for i in 0..<n where scans[i] != nil {
            let p = TextLayout.trim(b, paragraphs[i])
            // (Glued, with no space between: a chant the text quotes twice, `We want jobs. We want jobs.`, has one.)
            // The halves are compared first: almost every paragraph differs at its first byte.
            let half = p.count / 2
            guard p.count >= 30, p.count <= 600, p.count % 2 == 0,
                  (0..<half).allSatisfy({ b[p.lowerBound + $0] == b[p.lowerBound + half + $0] }),
                  !p.contains(where: { PageLines.isQuoteMark(b, $0) }) else { continue }
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
    }

    /// Two paragraphs that open with a kicker in capitals (`HIGH WATER. Crews clear the road...`) and go on with the
    /// same text word for word: one picture's caption printed twice under two kickers. (The text never repeats a
    /// paragraph under another opening.)
    mutating func readKickedCopies() {
        var kicked: [(index: Int, rest: Range<Int>)] = []
        for i in 0..<n where scans[i] != nil && verdicts[i].map({ !$0.decided || !$0.role.isRemoved }) ?? true {
            if let rest = PageLines.afterCapitalKicker(b, TextLayout.trim(b, paragraphs[i])) { kicked.append((i, rest)) }
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
    }

    /// `... are being treated in a hospital. (PTI)`: a wire agency's tag closing the article's last paragraph,
    /// not a picture's credit: no body text follows it (the page's lists of other stories are chrome by now).
    mutating func readWireTags() {
        var bodyBelow = false
        for i in stride(from: n - 1, through: 0, by: -1) {
            guard let s = scans[i] else { continue }
            if let v = verdicts[i], v.decided {
                if v.role == .caption, s.tailTag, !bodyBelow { verdicts[i] = nil; bodyBelow = true }
                continue
            }
            if s.readsAsText { bodyBelow = true }
        }
    }

    /// A credit of the outlet's archive alone on its line (`LEDGER / file`, `Jo Lane / File photo`) marks a picture the
    /// page pasted without its caption as often as with one: a paragraph over it of two sentences, or of 25 words or
    /// more that reports (`said`, `told`, `has`, `will`: a caption shows, in the present or with no verb at all), is the
    /// text's, not the picture's caption.
    mutating func readFileCredits() {
        for i in 0..<n {
            guard let v = verdicts[i], v.decided, v.role == .caption, case .none = ruled[i], let s = scans[i], !s.plain,
                  s.words >= 25 && reports(i) || s.features[.sentences], fileCredit(nextPastCounter(i)) else { continue }
            verdicts[i] = nil
        }
    }
}

extension PageReading {
    /// A picture's caption printed again right under itself with its photographer's name in capitals after its last
    /// sentence (`Crews lift a beam on Monday` over `Crews lift a beam on Monday. JO LANE`): the copy is the caption too.
    mutating func readCaptionCopiesWithCredit() {
        for j in 1..<max(1, n) where verdicts[j].map({ !$0.decided }) ?? true {
            guard case .none = ruled[j], scans[j] != nil, captionOrCredit(j - 1), case .none = ruled[j - 1] else { continue }
            let c = TextLayout.trim(b, paragraphs[j - 1]), p = TextLayout.trim(b, paragraphs[j])
            guard c.count >= 20, p.count > c.count + 3, p.count <= c.count + 60,
                  zip(c, p).allSatisfy({ b[$0] == b[$1] }) else { continue }
            var k = p.lowerBound + c.count
            if b[k] == UInt8(ascii: ".") { k += 1 }
            let tail = k..<p.upperBound
            guard b[k] == 0x20, tail.contains(where: { ParagraphScan.isLetter(b[$0]) }),
                  tail.allSatisfy({ b[$0] == 0x20 || (b[$0] >= 0x41 && b[$0] <= 0x5A) || b[$0] == UInt8(ascii: "-") }) else { continue }
            verdicts[j] = RoleModel.Verdict(role: .caption, confidence: 1, decided: true, signals: [.repeated])
        }
    }
}
