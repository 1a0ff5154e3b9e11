import LedeCore


/// What the report keeps of each document once its page is written: a bounded summary (id, title, counts,
/// and the facets it carries), never its text. The report's explorer searches and filters these summaries.
///
/// Facets are interned: a document holds small integers, and each distinct facet (an entity's name and
/// label, a speaker, an entity label, a removal reason) is stored once with the number of documents that
/// carry it. So memory grows by about a hundred bytes a document, plus the distinct names of the batch.
struct ReportCatalog {
    /// What a facet is about. The raw value is the one-letter code the page's script reads.
    enum Kind: String, CaseIterable, Comparable, Sendable {
        case label = "l", entity = "e", speaker = "s", removed = "r"

        /// The order of the groups in the explorer.
        static func < (a: Kind, b: Kind) -> Bool { a.rank < b.rank }
        var rank: Int { Self.allCases.firstIndex(of: self)! }
    }

    /// One facet value: an entity is its label and name; a label, a speaker and a removal reason only a name.
    struct Facet: Hashable, Sendable {
        var kind: Kind
        var label: String
        var name: String
    }

    /// One document's summary.
    struct Entry {
        /// The document's place in the batch, from 1: its anchor is `doc-<number>`.
        var number: Int
        var id: String
        var title: String
        /// The report page that shows it in full, from 1; 0 when no page shows documents.
        var page: Int
        var words: Int
        var entities: Int
        var quotes: Int
        var removed: Int
        /// Indexes into ``facets``, distinct, in the order of ``Kind`` then of frequency in the document.
        var facets: [Int32]
    }

    /// Labels of values rather than names (`two`, `Sunday`, `5%`): counted under their label, not listed
    /// by name, where they would crowd out the people, places and organisations.
    static let valueLabels: Set<String> = ["DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"]
    /// Most distinct entities a document's summary keeps (its most frequent), and speakers likewise.
    static let entitiesPerDocument = 24, speakersPerDocument = 12
    /// Longest id and title kept, in characters; a longer one is cut with an ellipsis.
    static let idLength = 160, titleLength = 120
    /// How many values of each kind the batch overview lists (the most frequent): its data stays bounded
    /// by the batch's size, not by the number of distinct names in it. A page's own explorer lists all of its.
    static let overviewLimits: [Kind: Int] = [.label: 200, .entity: 3000, .speaker: 1500, .removed: 200]

    private(set) var facets: [Facet] = []
    /// How many documents carry each facet.
    private(set) var documentCounts: [Int] = []
    private var index: [Facet: Int32] = [:]
    private(set) var entries: [Entry] = []

    /// What a document contributes, before its facets are interned: made on a worker task (the
    /// collector's `prepare`), so that it scales with `--jobs`.
    struct Summary: Sendable {
        var id: String
        var title: String
        var words: Int
        var entities: Int
        var quotes: Int
        var removed: Int
        /// Distinct, in the order of ``Kind`` then of frequency in the document.
        var facets: [Facet]
    }

    /// A document's summary: its id and title cut short, its counts, its facets.
    static func summary(of d: Document) -> Summary {
        var chosen: [Facet] = []
        // Entities: each distinct (label, name), most mentioned first, then first seen.
        let entities = d.spans(Layer.entities)
        var labels: [String] = []
        var mentions: [Facet] = [], counts: [Facet: Int] = [:]
        for e in entities where e.start < e.end {
            let label = e.label ?? ""
            if !labels.contains(label) { labels.append(label) }
            guard !Self.valueLabels.contains(label) else { continue }
            let name = Self.clean(e.attributes["canonical"]?.string ?? d.substring(e.range), limit: 80)
            let facet = Facet(kind: .entity, label: label, name: name)
            if counts[facet] == nil { mentions.append(facet) }
            counts[facet, default: 0] += 1
        }
        chosen += labels.sorted().map { Facet(kind: .label, label: $0, name: $0) }
        chosen += Self.mostFrequent(mentions, counts, limit: Self.entitiesPerDocument)
        // Speakers, by their canonical name when quote-extract resolved one, as summarize-stats counts them.
        let quotes = d.spans(Layer.quotes)
        var speakers: [Facet] = [], said: [Facet: Int] = [:]
        for q in quotes {
            guard let ref = q.attributes["speaker"]?.spanRef else { continue }
            let name = Self.clean(ref.extra["canonical"]?.string ?? d.substring(ref.start..<ref.end), limit: 80)
            let facet = Facet(kind: .speaker, label: "", name: name)
            if said[facet] == nil { speakers.append(facet) }
            said[facet, default: 0] += 1
        }
        chosen += Self.mostFrequent(speakers, said, limit: Self.speakersPerDocument)
        var reasons: [String] = []
        for r in d.removed where !reasons.contains(r.reason) { reasons.append(r.reason) }
        chosen += reasons.sorted().map { Facet(kind: .removed, label: "", name: $0) }
        return Summary(id: clean(d.id, limit: idLength), title: title(of: d), words: d.stats["words"]?.int ?? 0,
                       entities: entities.count, quotes: quotes.count, removed: d.removed.count,
                       facets: chosen.filter { !$0.name.isEmpty })
    }

    /// Adds a summary made by ``summary(of:)``.
    mutating func add(_ summary: Summary, number: Int, page: Int) {
        var refs: [Int32] = []
        refs.reserveCapacity(summary.facets.count)
        for facet in summary.facets {
            let i: Int32
            if let known = index[facet] {
                i = known
            } else {
                i = Int32(facets.count)
                index[facet] = i
                facets.append(facet)
                documentCounts.append(0)
            }
            documentCounts[Int(i)] += 1
            refs.append(i)
        }
        entries.append(Entry(number: number, id: summary.id, title: summary.title, page: page, words: summary.words,
                             entities: summary.entities, quotes: summary.quotes, removed: summary.removed, facets: refs))
    }

    /// The facets in first-seen order, most counted first; ties keep their first-seen order.
    static func mostFrequent(_ seen: [Facet], _ counts: [Facet: Int], limit: Int) -> [Facet] {
        let ranked = seen.enumerated().sorted {
            let a = counts[$0.element]!, b = counts[$1.element]!
            return a != b ? a > b : $0.offset < $1.offset
        }
        return ranked.prefix(limit).map(\.element)
    }

    /// A document's title: its web page's `headline` or a `title` field, else its first line.
    static func title(of d: Document) -> String {
        for key in ["headline", "title"] {
            if let title = d.metadata[key]?.string, !title.allSatisfy(\.isWhitespace) { return clean(title, limit: titleLength) }
        }
        var line = Substring(d.text.prefix(titleLength * 4))
        if let end = line.firstIndex(where: \.isNewline) { line = line[..<end] }
        return clean(String(line), limit: titleLength)
    }

    /// Text on one line (runs of white space become one space), cut to `limit` characters with an ellipsis.
    static func clean(_ text: String, limit: Int) -> String {
        var out = ""
        var space = false
        for c in text {
            if c.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" "); space = false }
            if out.count >= limit { return out + "…" }
            out.append(c)
        }
        return out
    }

    // MARK: The explorer's data

    /// The explorer's data as JSON (its format is in docs/output-format.md), written in pieces through `write`.
    ///
    /// - Parameters:
    ///   - entries: the documents listed: the whole batch on the overview, a page's own on a page.
    ///   - limits: how many values of each kind to keep (the most frequent); nil keeps every one.
    ///   - pages: every page's file name, by page number from 1.
    ///   - page: the page the data is written into.
    func json(entries: ArraySlice<Entry>, limits: [Kind: Int]?, pages: [String], page: Int, total: Int,
              write: (String) throws -> Void) throws {
        // The facets these entries carry, counted over them.
        var counts = [Int](repeating: 0, count: facets.count)
        for entry in entries { for f in entry.facets { counts[Int(f)] += 1 } }
        var used = facets.indices.filter { counts[$0] > 0 }
        used.sort { a, b in
            let fa = facets[a], fb = facets[b]
            if fa.kind != fb.kind { return fa.kind < fb.kind }
            if counts[a] != counts[b] { return counts[a] > counts[b] }
            return fa.name != fb.name ? fa.name < fb.name : fa.label < fb.label
        }
        if let limits {
            var kept: [Kind: Int] = [:]
            used = used.filter { i in
                let kind = facets[i].kind
                kept[kind, default: 0] += 1
                return kept[kind]! <= limits[kind] ?? Int.max
            }
        }
        var local = [Int32](repeating: -1, count: facets.count)
        for (n, i) in used.enumerated() { local[i] = Int32(n) }

        var out = "{\"v\":1,\"page\":\(page),\"documents\":\(total),\"pages\":["
        out += pages.map(Self.jsonString).joined(separator: ",") + "],\"facets\":[\n"
        out += used.map { i in
            let f = facets[i]
            return "[\"\(f.kind.rawValue)\",\(Self.jsonString(f.label)),\(Self.jsonString(f.name)),\(counts[i])]"
        }.joined(separator: ",\n")
        out += "],\"docs\":[\n"
        var first = true
        for entry in entries {
            if out.utf8.count > 1 << 16 {
                try write(out)
                out = ""
            }
            if !first { out += ",\n" }
            first = false
            let refs = entry.facets.compactMap { local[Int($0)] >= 0 ? String(local[Int($0)]) : nil }.joined(separator: ",")
            out += "[\(entry.number),\(Self.jsonString(entry.id)),\(Self.jsonString(entry.title)),\(entry.page),\(entry.words),"
                + "\(entry.entities),\(entry.quotes),\(entry.removed),[\(refs)]]"
        }
        try write(out + "]}")
    }

    /// A JSON string literal that is also safe inside an HTML `<script>` element: `<`, `>` and `&` are
    /// escaped, so no text can close the element, and so are the line separators JavaScript once refused.
    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}", "\u{0}"..."\u{1F}", "\u{7F}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
