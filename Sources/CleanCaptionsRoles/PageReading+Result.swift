import CleanCaptionsFeatures
import CleanCaptionsLines
import LedeCore
import LedeText

/// The scorer's decisions for the page, built from the verdicts.
extension PageReading {
    /// The scorer's decisions: the cuts of the lines a role removes, the spans of the `structure` layer (headline,
    /// dateline, byline, when the story was published, lines flagged but kept), and the cuts of lines printed twice.
    func result() -> RoleScorer.Result {
        var result = RoleScorer.Result()
        var datelineSeen = false
        var publishedSeen = false
        // A headline pasted on the line above the first paragraph, with no blank line between them.
        var headlineLine: (paragraph: Int, line: Range<Int>, dateline: Dateline?)?
        if let f = firstContent, verdicts[f]?.role != .headline, let line = PageLines.headlineLine(b, TextLayout.trim(b, paragraphs[f])) {
            let rest = TextLayout.trim(b, line.upperBound..<TextLayout.trim(b, paragraphs[f]).upperBound)
            headlineLine = (f, line, Dateline(b, rest))
        }
        for i in 0..<n {
            let p = TextLayout.trim(b, paragraphs[i])
            if case .other(let reason) = ruled[i], reason == "byline" {
                result.structure.append(PageLines.byline(b, p))
            }
            guard var scan = scans[i] else { continue }
            if let h = headlineLine, h.paragraph == i {
                result.structure.append(Span(start: h.line.lowerBound, end: h.line.upperBound, label: "headline"))
                if scan.dateline == nil { scan.dateline = h.dateline }
            }
            if !datelineSeen, i < 6, let d = scan.dateline {
                datelineSeen = true
                let attributes = Attributes(["place": .string(PageLines.text(b, d.place)),
                                         "agency": d.agency.map { .string(PageLines.text(b, $0)) } ?? .null,
                                         "date": d.date.map { .string(PageLines.text(b, $0)) } ?? .null])
                result.structure.append(Span(start: d.range.lowerBound, end: d.range.upperBound, label: "dateline", attributes: attributes))
            }
            guard let v = verdicts[i] else { continue }
            let signals = AttributeValue.list(v.signals.map { .string($0.name) })
            let confidence = AttributeValue.double((v.confidence * 1000).rounded() / 1000)
            if !publishedSeen, v.role == .dateline || v.role == .chrome || v.role == .headline, scan.features[.date] || scan.features[.time],
               let date = PageLines.published(b, p, model: model) {
                publishedSeen = true
                let at = v.decided && v.role.isRemoved ? p.lowerBound : date.lowerBound
                result.structure.append(Span(start: at, end: v.decided && v.role.isRemoved ? at : date.upperBound, label: "published",
                                             attributes: ["value": .string(PageLines.text(b, date))]))
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
                if i == firstContent, let suffix = PageLines.siteSuffix(b, p, model: model) {
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
                result.structure.append(PageLines.byline(b, p))
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
        cutRepeatedLines(into: &result)
        return result
    }

    /// Inside a paragraph of lines (single line breaks), a line that is its own text twice, glued with no space
    /// (`Harbour Chief, Dr Jo LaneHarbour Chief, Dr Jo Lane`): a picture's alt text pasted against its caption, as a
    /// paragraph of its own is; the line and a neighbouring line that is one copy of it are cut, the other lines stay.
    func cutRepeatedLines(into result: inout RoleScorer.Result) {
        for i in 0..<n where scans[i] != nil && verdicts[i].map({ !$0.decided || !$0.role.isRemoved }) ?? true {
            guard case .none = ruled[i] else { continue }
            let lines = PageLines.lines(b, TextLayout.trim(b, paragraphs[i]))
            guard lines.count >= 2 else { continue }
            for (k, line) in lines.enumerated() {
                let half = line.count / 2
                guard line.count >= 30, line.count <= 600, line.count % 2 == 0,
                      (0..<half).allSatisfy({ b[line.lowerBound + $0] == b[line.lowerBound + half + $0] }),
                      !line.contains(where: { PageLines.isQuoteMark(b, $0) }) else { continue }
                result.cuts.append(Cut(line, reason: "caption", rule: "roles:repeated-line", absorbsWhitespace: true))
                for m in [k - 1, k + 1] where m >= 0 && m < lines.count {
                    let q = lines[m]
                    if q.count == half, (0..<half).allSatisfy({ b[q.lowerBound + $0] == b[line.lowerBound + $0] }) {
                        result.cuts.append(Cut(q, reason: "caption", rule: "roles:repeated-line", absorbsWhitespace: true))
                    }
                }
            }
        }
    }
}
