import LedeCore
import LedeIO


/// The HTML report: static files with nothing to fetch, drawn page by page as documents arrive.
///
/// The first page (the file named by `html`) is the batch overview: totals and charts (inline SVG), the
/// explorer over every document of the batch (facets with counts for entity labels, entities, speakers and
/// removal reasons; a search box over ids, titles and those names; the matching documents, linked to the
/// page that shows them), and the first `documentsPerPage` documents in full. Further documents go to
/// sibling pages (`report-2.html`, `report-3.html`, ...) of at most `documentsPerPage` documents and about
/// ``pageBytes`` of document markup each, each with an explorer over its own documents.
///
/// Every page carries one style sheet and one script, allowed by their SHA-256 hashes in a strict
/// Content-Security-Policy (``ReportAssets``); the explorer's data is a JSON block that is never run.
/// All document text is escaped. The pages are a function of the documents in order, so the same batch
/// gives the same bytes whatever `--jobs`.
///
/// Memory: a page of rendered documents (two while the first is kept for the overview) and a bounded
/// summary of every document (``ReportCatalog``), never the documents' text.
final class HTMLReportCollector: Collector {
    let path: String
    let file: AtomicFile
    let title: String
    /// Most documents shown in full on a page; 0 shows none (the explorer only lists them).
    let documentsPerPage: Int
    /// A page is closed once its documents' markup passes this size, even with fewer documents.
    static let pageBytes = 4 << 20
    /// The output folder, for the further pages.
    private let output: OutputFolder
    private var catalog = ReportCatalog()
    private var documents = 0
    /// The first page's documents, written after the overview's data at the end.
    private var firstPage: [[UInt8]] = []
    /// The page being filled, its number, documents and size.
    private var page = 1, pageArticles: [[UInt8]] = [], pageSize = 0
    /// The further pages written. Each is committed as soon as it is written, so that it holds no buffer
    /// nor descriptor: in a run, that only makes it durable, and the run renames it into place with its other
    /// outputs, or deletes it if the run fails.
    private var written: [String] = []

    init(path: String, title: String, documentsPerPage: Int, output: OutputFolder) throws {
        self.path = path
        self.title = title
        self.documentsPerPage = documentsPerPage
        self.output = output
        file = try output.create(path)
    }

    /// The file of a page: the overview for page 1, else the overview's name with `-<page>` before its extension.
    static func pagePath(_ path: String, page: Int) -> String {
        guard page > 1 else { return path }
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        if let dot = path[slash...].lastIndex(of: "."), dot > slash {
            return String(path[..<dot]) + "-\(page)" + String(path[dot...])
        }
        return path + "-\(page)"
    }

    /// A page's file name as a relative link (the pages are in one folder), percent-encoded so that a name
    /// with `#`, `?` or `%` in it still names the file.
    func pageName(_ page: Int) -> String {
        let full = Self.pagePath(path, page: page)
        let name = full.lastIndex(of: "/").map { full[full.index(after: $0)...] } ?? full[...]
        var out = ""
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// What the report makes of one document on a worker task: its summary, and its markup but for the
    /// opening tag, which carries the document's place in the batch (known only in `consume`).
    struct Prepared: Sendable {
        let summary: ReportCatalog.Summary
        let body: [UInt8]?
    }

    /// Renders each document on the worker tasks, so the report's cost scales with `--jobs`.
    var prepare: (@Sendable (inout Document) throws -> Prepared)? {
        let showsDocuments = documentsPerPage > 0
        return { document in Self.prepare(document, showsDocuments: showsDocuments) }
    }

    static func prepare(_ document: Document, showsDocuments: Bool) -> Prepared {
        Prepared(summary: ReportCatalog.summary(of: document), body: showsDocuments ? HTML.documentBody(document) : nil)
    }

    func consume(_ document: inout Document) throws {
        try consume(&document, prepared: Self.prepare(document, showsDocuments: documentsPerPage > 0))
    }

    func consume(_ document: inout Document, prepared: Prepared) throws {
        documents += 1
        guard let body = prepared.body else {
            catalog.add(prepared.summary, number: documents, page: 0)
            return
        }
        if pageArticles.count >= documentsPerPage || pageSize >= Self.pageBytes { try closePage(last: false) }
        var article = HTMLBytes(capacity: body.count + 32)
        article.raw("<article id=\"doc-")
        article.append(documents)
        article.raw("\">")
        article.append(body)
        let bytes = article.bytes
        catalog.add(prepared.summary, number: documents, page: page)
        pageArticles.append(bytes)
        pageSize += bytes.count
    }

    /// Ends the page being filled: the first is kept for the overview, a further one written now.
    private func closePage(last: Bool) throws {
        defer {
            page += 1
            pageArticles = []
            pageSize = 0
        }
        guard page > 1 else {
            firstPage = pageArticles
            return
        }
        let pagePath = Self.pagePath(path, page: page)
        let pageFile = try output.create(pagePath)
        let entries = catalog.entries.suffix(pageArticles.count)
        let first = entries.first?.number ?? 0, lastNumber = entries.last?.number ?? 0
        var out = HTML.head(title: "\(title) · page \(page)")
        out += "<header><h1>\(HTML.escape(title))</h1><p>Page \(page): documents \(first)–\(lastNumber). "
            + "<a href=\"\(HTML.escape(pageName(1)))\">Overview and search of the whole batch</a></p></header>\n"
        out += navigation(current: page, count: last ? page : nil)
        out += HTML.explorer(scope: "Explore this page")
        try pageFile.write(out)
        try pageFile.write("<script type=\"application/json\" id=\"lede-data\">")
        try catalog.json(entries: entries, limits: nil, pages: [], page: page, total: documents, write: { try pageFile.write($0) })
        try pageFile.write("</script>\n<section id=\"documents\"><h2>Documents \(first)–\(lastNumber)</h2><p class=\"note\" id=\"page-note\"></p>\n")
        for article in pageArticles { try pageFile.write(article) }
        try pageFile.write("</section>\n" + navigation(current: page, count: last ? page : nil) + HTML.tail)
        try pageFile.commit()
        written.append(pagePath)
    }

    /// Links to the overview and the pages around this one; with the page count known (the overview, the
    /// last page), to every page.
    func navigation(current: Int, count: Int?) -> String {
        var links: [String] = []
        func link(_ n: Int, _ text: String) -> String {
            n == current ? "<b>\(text)</b>" : "<a href=\"\(HTML.escape(pageName(n)))\">\(text)</a>"
        }
        if current > 1 { links.append(link(current - 1, "← previous")) }
        // The first two pages, the last two, and two either side of this one; "…" for the rest.
        let last = count ?? current
        let shown = Set([1, 2, last - 1, last]).union((current - 2)...(current + 2)).filter { $0 >= 1 && $0 <= last }.sorted()
        var previous = 0
        for n in shown {
            if n > previous + 1 { links.append("…") }
            links.append(link(n, String(n)))
            previous = n
        }
        if count.map({ current < $0 }) ?? true { links.append(link(current + 1, "next →")) }
        return "<nav class=\"pages\" aria-label=\"Report pages\">Pages: " + links.joined(separator: " ") + "</nav>\n"
    }

    func finish(_ summary: inout RunSummary) throws {
        if documentsPerPage > 0, !pageArticles.isEmpty || page == 1 { try closePage(last: true) }
        let pages = documentsPerPage > 0 ? max(1, page - 1) : 0
        var out = HTML.head(title: title)
        out += "<header><h1>\(HTML.escape(title))</h1><p>\(documents) documents"
        if summary.rejected > 0 { out += ", \(summary.rejected) rejected" }
        if pages > 1 { out += " on \(pages) pages of up to \(documentsPerPage)" }
        out += "</p></header>\n"
        if pages > 1 { out += navigation(current: 1, count: pages) }
        out += HTML.charts(summary.sections[Layer.stats])
        out += "<h2>Documents</h2>\n" + HTML.explorer(scope: nil)
        try file.write(out)
        try file.write("<script type=\"application/json\" id=\"lede-data\">")
        try catalog.json(entries: catalog.entries[...], limits: ReportCatalog.overviewLimits,
                         pages: (0..<pages).map { pageName($0 + 1) }, page: 1, total: documents, write: { try file.write($0) })
        try file.write("</script>\n")
        if !firstPage.isEmpty {
            let shown = firstPage.count
            try file.write("<section id=\"documents\"><h2>" + (pages > 1 ? "Documents 1–\(shown) (page 1)" : "The documents")
                           + "</h2><p class=\"note\" id=\"page-note\"></p>\n")
            for article in firstPage { try file.write(article) }
            try file.write("</section>\n")
        }
        if pages > 1 { try file.write(navigation(current: 1, count: pages)) }
        try file.write(HTML.legend + HTML.tail)
        try file.commit()
        summary.outputs.append(path)
        summary.outputs += written
    }

    func discard() { file.discard() }
}

/// HTML rendering helpers.
enum HTML {
    /// Escapes text for HTML element content and attribute values; bidi and zero-width controls are shown
    /// as visible code points, so they cannot reorder or hide what the reader sees.
    static func escape(_ text: String) -> String {
        var out = HTMLBytes(capacity: text.utf8.count + 16)
        out.escape(text)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    static let labels = ["PERSON", "ORG", "GPE", "NORP", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "EVENT", "LAW"]

    /// A page's start: the Content-Security-Policy, the title and the style sheet.
    static func head(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(ReportAssets.policy)">
        <meta name="referrer" content="no-referrer">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · Lede report</title>
        <style>\(ReportAssets.style)</style>
        </head>
        <body>

        """
    }

    /// The explorer's frame, hidden until the script fills it (without scripts the page is the documents).
    /// `scope` titles a page's explorer; the overview's explores the whole batch.
    static func explorer(scope: String?) -> String {
        var out = "<section id=\"explore\" class=\"explore\" hidden>"
        if let scope { out += "<h2>\(escape(scope))</h2>" }
        out += "<aside class=\"facets\" id=\"facets\" aria-label=\"Filters\"></aside><div>"
        out += "<input id=\"q\" class=\"search\" type=\"search\" placeholder=\"Search ids, titles, entities, speakers… (press /)\" "
            + "aria-label=\"Search documents\" autocomplete=\"off\" spellcheck=\"false\">"
            + "<div id=\"chips\" class=\"chips\"></div><p id=\"count\" class=\"count\"></p>"
            + "<table class=\"index\"><thead><tr><th>id</th><th>title</th><th class=\"num\">words</th><th class=\"num\">entities</th>"
            + "<th class=\"num\">quotes</th><th class=\"num\">removed</th><th class=\"num\">page</th></tr></thead><tbody id=\"rows\"></tbody></table>"
            + "<button id=\"more\" class=\"more\" type=\"button\" hidden></button></div></section>\n"
        return out
    }

    /// A page's end: the script, then the closing tags.
    static let tail = "<script>\(ReportAssets.script)</script>\n</body>\n</html>\n"

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
        // Seven pixels a character covers capitals (`Dana Reyes · PERSON`); the count after the longest bar
        // gets room for its digits (`298700`).
        let longest = bars.map { min($0.0.count, 60) }.max() ?? 0
        let labelWidth = max(150, longest * 7 + 16), rowHeight = 20
        let maxValue = max(1, bars.map(\.1).max() ?? 1)
        let countWidth = String(maxValue).count * 7 + 10
        let width = labelWidth + 110 + countWidth
        var svg = "<svg role=\"img\" aria-label=\"\(escape(title))\" viewBox=\"0 0 \(width) \(bars.count * rowHeight)\" width=\"100%\">"
        for (i, bar) in bars.enumerated() {
            let y = i * rowHeight
            let w = max(2, (width - labelWidth - countWidth) * bar.1 / maxValue)
            let label = bar.0.count > 60 ? String(bar.0.prefix(59)) + "…" : bar.0
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 14)\" text-anchor=\"end\" font-size=\"11\"><title>\(escape(bar.0))</title>\(escape(label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(w)\" height=\"13\" rx=\"2\" fill=\"\(bar.2)\"></rect>"
            svg += "<text x=\"\(labelWidth + w + 4)\" y=\"\(y + 14)\" font-size=\"11\">\(bar.1)</text>"
        }
        return "<div class=\"chart\"><h3>\(escape(title))</h3>\(svg)</svg></div>\n"
    }

    // MARK: Documents

    /// A document's article but for its opening tag (which carries its place in the batch): paragraphs with
    /// entity and quote marks, then what was removed, what was flagged, and every other layer.
    static func documentBody(_ d: Document) -> [UInt8] {
        var text = d.text
        return text.withUTF8 { documentBody(d, text: $0) }
    }

    /// ``documentBody(_:)`` with the document's text as UTF-8 bytes.
    private static func documentBody(_ d: Document, text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = HTMLBytes(capacity: text.count * 2 + 512)
        out.raw("<h2>")
        out.escape(d.id)
        out.raw("</h2><p class=\"source\">")
        out.escape(d.source.path)
        if let words = d.stats["words"]?.int {
            out.raw(" · ")
            out.append(words)
            out.raw(" words")
        }
        out.raw("</p>\n")
        let paragraphs = d.spans(Layer.paragraphs).isEmpty
            ? [Span(start: 0, end: d.text.utf8.count)] : d.spans(Layer.paragraphs)
        let quotes = d.spans(Layer.quotes)
        let entities = d.spans(Layer.entities)
        for paragraph in paragraphs {
            out.raw("<p>")
            marked(d, text: text, in: paragraph.range, quotes: quotes, entities: entities, into: &out)
            out.raw("</p>\n")
        }
        if !d.removed.isEmpty {
            let reasons = Array(Set(d.removed.map(\.reason))).sorted().joined(separator: ", ")
            out.raw("<details class=\"removed\"><summary>Removed: ")
            out.append(d.removed.count)
            out.raw(" (")
            out.escape(reasons)
            out.raw(")</summary><ul>")
            for r in d.removed {
                out.raw("<li><s>")
                out.escape(d.originalSubstring(r.start..<r.end))
                out.raw("</s><em class=\"why\">")
                out.escape(r.reason)
                out.raw(" · ")
                out.escape(r.rule)
                out.raw("</em></li>")
            }
            out.raw("</ul></details>\n")
        }
        // Paragraphs a cleaning stage kept because it was not sure of their role (clean-captions' `structure`).
        let flagged = d.spans("structure").filter { $0.attributes["flagged"] == .bool(true) }
        if !flagged.isEmpty {
            out.raw("<details class=\"removed\"><summary>Kept, flagged: ")
            out.append(flagged.count)
            out.raw("</summary><ul>")
            for f in flagged {
                var why = "maybe " + (f.label ?? "?")
                if case .double(let c)? = f.attributes["confidence"] { why += " · \((c * 100).rounded() / 100)" }
                out.raw("<li>")
                out.escape(text, f.range)
                out.raw("<em class=\"why\">")
                out.escape(why)
                out.raw("</em></li>")
            }
            out.raw("</ul></details>\n")
        }
        // Every other layer (a plugin's, a custom stage's), its spans listed with label and attributes.
        for (name, spans) in CustomLayers.of(d) where name != "structure" && !spans.isEmpty {
            out.raw("<details class=\"layer\"><summary>")
            out.escape(name)
            out.raw(": ")
            out.append(spans.count)
            out.raw("</summary><ul>")
            for span in spans {
                var why = span.label ?? ""
                let attributes = span.attributes.entries.map { "\($0.key)=\(Self.plain($0.value, in: d))" }.joined(separator: " · ")
                if !attributes.isEmpty { why += why.isEmpty ? attributes : " · " + attributes }
                out.raw("<li>")
                out.escape(text, span.range)
                if !why.isEmpty {
                    out.raw("<em class=\"why\">")
                    out.escape(why)
                    out.raw("</em>")
                }
                out.raw("</li>")
            }
            out.raw("</ul></details>\n")
        }
        for warning in d.warnings {
            out.raw("<p class=\"warn\">⚠ ")
            out.escape(warning)
            out.raw("</p>\n")
        }
        out.raw("</article>\n")
        return out.bytes
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

    /// The closing quote marks a speaker tag goes after.
    private static let closers: [[UInt8]] = ["\"", "”", "’", "»", "'"].map { Array($0.utf8) }

    /// Text of a range with quotes (outer) and entities (inner) marked. An entity that crosses a quote's
    /// edge is left unmarked rather than producing broken nesting.
    static func marked(_ d: Document, text: UnsafeBufferPointer<UInt8>, in range: Range<Int>, quotes: [Span], entities: [Span],
                       into out: inout HTMLBytes) {
        var position = range.lowerBound
        func entitiesMarked(_ r: Range<Int>, _ out: inout HTMLBytes) {
            var p = r.lowerBound
            var i = entities.firstIndex(startingAtOrAfter: r.lowerBound)
            while i < entities.count, entities[i].start < r.upperBound {
                let e = entities[i]
                i += 1
                guard e.start >= p, e.end <= r.upperBound, e.start < e.end else { continue }
                out.escape(text, p..<e.start)
                let label = e.label ?? ""
                out.raw("<mark class=\"e ")
                out.escape(label)
                out.raw("\" title=\"")
                out.escape(label)
                if let canonical = e.attributes["canonical"]?.string {
                    out.raw(" · ")
                    out.escape(canonical)
                }
                out.raw("\">")
                out.escape(text, e.range)
                out.raw("<span class=\"l\">")
                out.escape(label)
                out.raw("</span></mark>")
                p = e.end
            }
            out.escape(text, p..<r.upperBound)
        }
        var quotesHere: [Span] = []
        var qi = quotes.firstIndex(startingAtOrAfter: range.lowerBound)
        while qi < quotes.count, quotes[qi].start < range.upperBound {
            if quotes[qi].end <= range.upperBound, quotes[qi].start < quotes[qi].end { quotesHere.append(quotes[qi]) }
            qi += 1
        }
        for q in quotesHere where q.start >= position {
            entitiesMarked(position..<q.start, &out)
            let speaker = q.attributes["speaker"]?.spanRef.map { d.substring($0.start..<$0.end) }
            let cue = q.attributes["cue"]?.string
            let kind = q.attributes["kind"]?.string ?? "direct"
            out.raw("<span class=\"q\" title=\"")
            if let speaker {
                out.raw("speaker: ")
                out.escape(speaker)
                out.raw(" · ")
            }
            if let cue {
                out.raw("cue: ")
                out.escape(cue)
                out.raw(" · ")
            }
            out.raw("kind: ")
            out.escape(kind)
            out.raw("\">")
            entitiesMarked(q.range, &out)
            out.raw("</span>")
            // The speaker tag goes after the closing quote mark (and a comma or stop before it).
            var after = q.end
            if let mark = closers.first(where: { mark in
                after + mark.count <= range.upperBound && mark.indices.allSatisfy { text[after + $0] == mark[$0] }
            }) {
                out.escape(text, after..<(after + mark.count))
                after += mark.count
            }
            if let speaker, kind == "direct" {
                out.raw("<span class=\"who\">— ")
                out.escape(speaker)
                out.raw("</span>")
            }
            position = after
        }
        entitiesMarked(position..<range.upperBound, &out)
    }
}
