import LedeCore
import LedeIO


/// The self-contained HTML report: batch charts (inline SVG), a document index, and each document with
/// its entities highlighted, quotes marked with their speaker, and removed text struck through in a
/// collapsed section. It fetches nothing: the page carries its styles, and a Content-Security-Policy
/// forbids scripts and remote loads. All document text is escaped.
///
/// At most `maxDocuments` documents are shown in full (the rest are counted), so the memory it holds is
/// bounded however large the batch.
final class HTMLReportCollector: Collector {
    let path: String
    let file: AtomicFile
    let title: String
    let maxDocuments: Int
    private var sections: [String] = []
    private var index: [String] = []
    private var documents = 0

    init(path: String, title: String, maxDocuments: Int, output: OutputFolder) throws {
        self.path = path
        self.title = title
        self.maxDocuments = maxDocuments
        file = try output.create(path)
    }

    func consume(_ document: inout Document) throws {
        documents += 1
        guard documents <= maxDocuments else { return }
        let anchor = "doc-\(documents)"
        let entities = document.spans(Layer.entities).count
        let quotes = document.spans(Layer.quotes).count
        index.append("<tr><td><a href=\"#\(anchor)\">\(HTML.escape(document.id))</a></td><td>\(HTML.escape(document.source.path))</td>"
                     + "<td>\(document.stats["words"]?.int.map(String.init) ?? "")</td><td>\(entities)</td><td>\(quotes)</td>"
                     + "<td>\(document.removed.count)</td></tr>")
        sections.append(HTML.document(document, anchor: anchor))
    }

    func finish(_ summary: inout RunSummary) throws {
        var page = HTML.head(title: title)
        page += "<header><h1>\(HTML.escape(title))</h1><p>\(documents) documents"
        if summary.rejected > 0 { page += ", \(summary.rejected) rejected" }
        if documents > maxDocuments { page += "; the first \(maxDocuments) are shown below" }
        page += "</p></header>\n"
        page += HTML.charts(summary.sections[Layer.stats])
        page += "<section id=\"index\"><h2>Documents</h2><table class=\"index\"><thead><tr><th>id</th><th>source</th>"
            + "<th>words</th><th>entities</th><th>quotes</th><th>removed</th></tr></thead><tbody>\n"
        page += index.joined(separator: "\n")
        page += "\n</tbody></table></section>\n"
        try file.write(page)
        for section in sections { try file.write(section) }
        try file.write(HTML.legend + "</body>\n</html>\n")
        try file.commit()
        summary.outputs.append(path)
    }

    func discard() { file.discard() }
}

/// HTML rendering helpers.
enum HTML {
    /// Escapes text for HTML element content and attribute values; bidi and zero-width controls are shown
    /// as visible code points, so they cannot reorder or hide what the reader sees.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{200B}"..."\u{200F}", "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}", "\u{FEFF}", "\u{061C}":
                out += "<span class=\"ctl\">U+" + String(scalar.value, radix: 16, uppercase: true) + "</span>"
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{7F}":
                out += "<span class=\"ctl\">U+" + String(scalar.value, radix: 16, uppercase: true) + "</span>"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static let labels = ["PERSON", "ORG", "GPE", "NORP", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "EVENT", "LAW"]

    static func head(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · Lede report</title>
        <style>
        body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d232a; margin: 0 auto; max-width: 980px; padding: 24px; }
        h1 { margin: 0 0 4px; font-size: 26px; } h2 { margin-top: 36px; border-bottom: 1px solid #e3e6ea; padding-bottom: 4px; }
        header p { color: #5b6570; margin: 0; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 18px; }
        .chart { border: 1px solid #e3e6ea; border-radius: 8px; padding: 10px 12px; } .chart h3 { margin: 0 0 6px; font-size: 14px; color: #5b6570; }
        table.index { border-collapse: collapse; width: 100%; font-size: 13px; } .index td, .index th { border-bottom: 1px solid #eef0f2; padding: 4px 6px; text-align: left; }
        article { border-top: 1px solid #e3e6ea; margin-top: 28px; padding-top: 8px; } article h2 { border: 0; font-size: 18px; margin: 8px 0 2px; }
        .source { color: #5b6570; font-size: 12px; margin: 0 0 10px; }
        mark.e { padding: 0 3px; border-radius: 4px; background: var(--c); line-height: 1.9; }
        mark.e .l { font-size: 9px; font-weight: 700; letter-spacing: .04em; margin-left: 3px; vertical-align: 1px; color: #222a; }
        .q { border-bottom: 2px solid #8b5cf6; background: #f5f0ff; }
        .who { font-size: 11px; color: #6d28d9; margin-left: 3px; white-space: nowrap; }
        details.removed { margin: 10px 0; color: #6b7280; font-size: 13px; } details.removed s { color: #9ca3af; }
        details.removed li { margin: 2px 0; } .why { font-style: normal; background: #f3f4f6; border-radius: 3px; padding: 0 4px; margin-left: 4px; }
        .ctl { font: 10px monospace; background: #fee2e2; color: #991b1b; border-radius: 2px; padding: 0 2px; }
        .warn { color: #b45309; font-size: 12px; } .legend { font-size: 12px; color: #5b6570; margin-top: 36px; }
        mark.e { --c: #e5e7eb; }
        \(labels.map { "mark.e.\($0) { --c: \(color($0)); }" }.joined(separator: " "))
        </style>
        </head>
        <body>

        """
    }

    static func color(_ label: String) -> String {
        switch label {
        case "PERSON": return "#fde2a7"
        case "ORG": return "#c7e1fb"
        case "GPE": return "#fbcfe8"
        case "NORP": return "#d9f99d"
        case "LOC": return "#fecdd3"
        case "DATE", "TIME": return "#e9d5ff"
        case "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY": return "#ccfbf1"
        case "EVENT", "LAW": return "#fed7aa"
        default: return "#e5e7eb"
        }
    }

    static let legend = "<p class=\"legend\">" + labels.map { "<mark class=\"e \($0)\">\($0)</mark>" }.joined(separator: " ")
        + " · <span class=\"q\">quoted speech</span><span class=\"who\">— speaker</span></p>\n"

    // MARK: Charts

    static func charts(_ stats: AttributeValue?) -> String {
        guard case .map(let report)? = stats else {
            return "<section class=\"charts\"><p>Add <code>summarize-stats</code> before <code>write</code> for batch charts.</p></section>\n"
        }
        var out = "<section><h2>Batch</h2><div class=\"charts\">\n"
        if case .map(let totals)? = report["totals"] {
            var figures: [(String, Int)] = []
            for key in ["documents", "words", "sentences", "rejected"] { if let v = totals[key]?.int { figures.append((key, v)) } }
            out += "<div class=\"chart\"><h3>Totals</h3><table>" + figures.map { "<tr><td>\($0.0)</td><td><b>\($0.1)</b></td></tr>" }.joined() + "</table></div>\n"
            if case .map(let byLabel)? = totals["entities"] {
                let bars = byLabel.compactMap { key, value in value.int.map { (key, $0, color(key)) } }
                    .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
                out += chart("Entities per label", bars)
            }
            if case .map(let removed)? = totals["removed"], !removed.isEmpty {
                out += chart("Removed, by reason", removed.compactMap { k, v in v.int.map { (k, $0, "#d1d5db") } }.sorted { $0.0 < $1.0 })
            }
        }
        if case .map(let top)? = report["top_entities"] {
            var bars: [(String, Int, String)] = []
            for label in top.keys.sorted() where ["PERSON", "ORG", "GPE", "NORP", "LOC"].contains(label) {
                if case .list(let items)? = top[label] {
                    for item in items.prefix(4) { if let (name, n) = nameCount(item) { bars.append(("\(name) · \(label)", n, color(label))) } }
                }
            }
            out += chart("Top entities", Array(bars.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(10)))
        }
        if case .list(let speakers)? = report["top_speakers"] {
            out += chart("Top speakers", speakers.prefix(10).compactMap { nameCount($0).map { ($0.0, $0.1, "#ddd6fe") } })
        }
        return out + "</div></section>\n"
    }

    static func nameCount(_ item: AttributeValue) -> (String, Int)? {
        guard case .map(let m) = item, let name = m["name"]?.string, let count = m["count"]?.int else { return nil }
        return (name, count)
    }

    /// A horizontal bar chart in inline SVG.
    static func chart(_ title: String, _ bars: [(String, Int, String)]) -> String {
        guard !bars.isEmpty else { return "" }
        // The label column is as wide as the longest name (about 6 px a character at 11 px), so names are
        // shown whole (`Councilwoman Dana Reyes`); only past 60 characters is one cut, with its full text
        // as the tooltip.
        let longest = bars.map { min($0.0.count, 60) }.max() ?? 0
        let labelWidth = max(150, longest * 6 + 12), rowHeight = 20
        let width = labelWidth + 150
        let maxValue = max(1, bars.map(\.1).max() ?? 1)
        var svg = "<svg role=\"img\" aria-label=\"\(escape(title))\" viewBox=\"0 0 \(width) \(bars.count * rowHeight)\" width=\"100%\">"
        for (i, bar) in bars.enumerated() {
            let y = i * rowHeight
            let w = max(2, (width - labelWidth - 40) * bar.1 / maxValue)
            let label = bar.0.count > 60 ? String(bar.0.prefix(59)) + "…" : bar.0
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 14)\" text-anchor=\"end\" font-size=\"11\"><title>\(escape(bar.0))</title>\(escape(label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(w)\" height=\"13\" rx=\"2\" fill=\"\(bar.2)\"></rect>"
            svg += "<text x=\"\(labelWidth + w + 4)\" y=\"\(y + 14)\" font-size=\"11\">\(bar.1)</text>"
        }
        return "<div class=\"chart\"><h3>\(escape(title))</h3>\(svg)</svg></div>\n"
    }

    // MARK: Documents

    /// One document: paragraphs with entity and quote marks, then what was removed.
    static func document(_ d: Document, anchor: String) -> String {
        var out = "<article id=\"\(anchor)\"><h2>\(escape(d.id))</h2><p class=\"source\">\(escape(d.source.path))"
        if let words = d.stats["words"]?.int { out += " · \(words) words" }
        out += "</p>\n"
        let paragraphs = d.spans(Layer.paragraphs).isEmpty
            ? [Span(start: 0, end: d.text.utf8.count)] : d.spans(Layer.paragraphs)
        let quotes = d.spans(Layer.quotes)
        let entities = d.spans(Layer.entities)
        for paragraph in paragraphs {
            out += "<p>" + marked(d, in: paragraph.range, quotes: quotes, entities: entities) + "</p>\n"
        }
        if !d.removed.isEmpty {
            let reasons = Array(Set(d.removed.map(\.reason))).sorted().joined(separator: ", ")
            out += "<details class=\"removed\"><summary>Removed: \(d.removed.count) (\(escape(reasons)))</summary><ul>"
            for r in d.removed {
                out += "<li><s>\(escape(d.originalSubstring(r.start..<r.end)))</s><em class=\"why\">\(escape(r.reason)) · \(escape(r.rule))</em></li>"
            }
            out += "</ul></details>\n"
        }
        // Paragraphs a cleaning stage kept because it was not sure of their role (clean-captions' `structure`).
        let flagged = d.spans("structure").filter { $0.attributes["flagged"] == .bool(true) }
        if !flagged.isEmpty {
            out += "<details class=\"removed\"><summary>Kept, flagged: \(flagged.count)</summary><ul>"
            for f in flagged {
                var why = "maybe " + (f.label ?? "?")
                if case .double(let c)? = f.attributes["confidence"] { why += " · \((c * 100).rounded() / 100)" }
                out += "<li>\(escape(d.substring(f.range)))<em class=\"why\">\(escape(why))</em></li>"
            }
            out += "</ul></details>\n"
        }
        // Every other layer (a plugin's, a custom stage's), its spans listed with label and attributes.
        for (name, spans) in CustomLayers.of(d) where name != "structure" && !spans.isEmpty {
            out += "<details class=\"layer\"><summary>\(escape(name)): \(spans.count)</summary><ul>"
            for span in spans {
                var why = span.label ?? ""
                let attributes = span.attributes.entries.map { "\($0.key)=\(Self.plain($0.value, in: d))" }.joined(separator: " · ")
                if !attributes.isEmpty { why += why.isEmpty ? attributes : " · " + attributes }
                out += "<li>\(escape(d.substring(span.range)))"
                if !why.isEmpty { out += "<em class=\"why\">\(escape(why))</em>" }
                out += "</li>"
            }
            out += "</ul></details>\n"
        }
        for warning in d.warnings { out += "<p class=\"warn\">⚠ \(escape(warning))</p>\n" }
        return out + "</article>\n"
    }

    /// An attribute as short plain text for the report (a list joined by commas, a span as its text).
    static func plain(_ value: AttributeValue, in d: Document) -> String {
        switch value {
        case .string(let s): s
        case .int(let i): String(i)
        case .double(let d): String((d * 1000).rounded() / 1000)
        case .bool(let b): String(b)
        case .null: "null"
        case .list(let items): items.map { plain($0, in: d) }.joined(separator: ", ")
        case .map(let fields): fields.keys.sorted().map { "\($0): \(plain(fields[$0]!, in: d))" }.joined(separator: ", ")
        case .span(let ref): d.substring(ref.start..<ref.end)
        }
    }

    /// Text of a range with quotes (outer) and entities (inner) marked. An entity that crosses a quote's
    /// edge is left unmarked rather than producing broken nesting.
    static func marked(_ d: Document, in range: Range<Int>, quotes: [Span], entities: [Span]) -> String {
        var out = ""
        var position = range.lowerBound
        func entitiesMarked(_ r: Range<Int>) -> String {
            var s = "", p = r.lowerBound
            var i = entities.firstIndex(startingAtOrAfter: r.lowerBound)
            while i < entities.count, entities[i].start < r.upperBound {
                let e = entities[i]
                i += 1
                guard e.start >= p, e.end <= r.upperBound, e.start < e.end else { continue }
                s += escape(d.substring(p..<e.start))
                let label = e.label ?? ""
                let canonical = e.attributes["canonical"]?.string
                let title = canonical.map { "\(label) · \($0)" } ?? label
                s += "<mark class=\"e \(escape(label))\" title=\"\(escape(title))\">\(escape(d.substring(e.range)))<span class=\"l\">\(escape(label))</span></mark>"
                p = e.end
            }
            return s + escape(d.substring(p..<r.upperBound))
        }
        var quotesHere: [Span] = []
        var qi = quotes.firstIndex(startingAtOrAfter: range.lowerBound)
        while qi < quotes.count, quotes[qi].start < range.upperBound {
            if quotes[qi].end <= range.upperBound, quotes[qi].start < quotes[qi].end { quotesHere.append(quotes[qi]) }
            qi += 1
        }
        for q in quotesHere where q.start >= position {
            out += entitiesMarked(position..<q.start)
            let speaker = q.attributes["speaker"]?.spanRef.map { d.substring($0.start..<$0.end) }
            let cue = q.attributes["cue"]?.string
            let kind = q.attributes["kind"]?.string ?? "direct"
            let title = [speaker.map { "speaker: \($0)" }, cue.map { "cue: \($0)" }, "kind: \(kind)"].compactMap { $0 }.joined(separator: " · ")
            out += "<span class=\"q\" title=\"\(escape(title))\">" + entitiesMarked(q.range) + "</span>"
            // The speaker tag goes after the closing quote mark (and a comma or stop before it).
            var after = q.end
            let closers: [String] = ["\"", "”", "’", "»", "'"]
            if let mark = closers.first(where: { after + $0.utf8.count <= range.upperBound && d.substring(after..<(after + $0.utf8.count)) == $0 }) {
                out += escape(mark)
                after += mark.utf8.count
            }
            if let speaker, kind == "direct" { out += "<span class=\"who\">— \(escape(speaker))</span>" }
            position = after
        }
        return out + entitiesMarked(position..<range.upperBound)
    }
}
