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
        /// The report page that shows it in full, from 1; 0 when no page shows documents.
        var page: Int
        var card: Card
        /// Indexes into ``facets``, distinct, in the order of ``Kind`` then of frequency in the document.
        var facets: [Int32]
    }

    /// What the explorer lists of a document, its facets aside: its id and title, cut short, and its counts.
    struct Card: Sendable {
        var id: String
        var title: String
        var words: Int
        var entities: Int
        var quotes: Int
        var removed: Int
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
        var card: Card
        /// Distinct, in the order of ``Kind`` then of frequency in the document.
        var facets: [Facet]
    }

    /// A document's summary: its id and title cut short, its counts, its facets.
    static func summary(of d: Document) -> Summary {
        var chosen: [Facet] = []
        // Entities: each distinct (label, name), most mentioned first, then first seen.
        let entities = d.spans(Layer.entities)
        // The document's distinct labels, each with whether it is a value label (looked up once).
        var labels: [String] = [], isValue: [Bool] = []
        var mentions = Tally()
        for e in entities where e.start < e.end {
            let label = e.label ?? ""
            let value: Bool
            if let known = labels.firstIndex(of: label) {
                value = isValue[known]
            } else {
                value = Self.valueLabels.contains(label)
                labels.append(label)
                isValue.append(value)
            }
            guard !value else { continue }
            let name = Self.clean(e.attributes["canonical"]?.string ?? d.substring(e.range), limit: 80)
            let facet = Facet(kind: .entity, label: label, name: name)
            mentions.count(facet)
        }
        chosen += labels.sorted().map { Facet(kind: .label, label: $0, name: $0) }
        chosen += mentions.mostFrequent(limit: Self.entitiesPerDocument)
        // Speakers, by their canonical name when quote-extract resolved one, as summarize-stats counts them.
        let quotes = d.spans(Layer.quotes)
        var speakers = Tally()
        for q in quotes {
            guard let ref = q.attributes["speaker"]?.spanRef else { continue }
            let name = Self.clean(ref.extra["canonical"]?.string ?? d.substring(ref.start..<ref.end), limit: 80)
            let facet = Facet(kind: .speaker, label: "", name: name)
            speakers.count(facet)
        }
        chosen += speakers.mostFrequent(limit: Self.speakersPerDocument)
        var reasons: [String] = []
        for r in d.removed where !reasons.contains(r.reason) { reasons.append(r.reason) }
        chosen += reasons.sorted().map { Facet(kind: .removed, label: "", name: $0) }
        let card = Card(id: clean(d.id, limit: idLength), title: title(of: d), words: d.stats["words"]?.int ?? 0,
                        entities: entities.count, quotes: quotes.count, removed: d.removed.count)
        return Summary(card: card, facets: chosen.filter { !$0.name.isEmpty })
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
        entries.append(Entry(number: number, page: page, card: summary.card, facets: refs))
    }

    /// Facets counted in the order first seen, with counts kept by position, so that ranking them looks
    /// nothing up. A document's few distinct facets are found by comparing them (cheaper than hashing
    /// three strings); past ``linearLimit`` a dictionary finds them.
    struct Tally {
        private(set) var seen: [Facet] = []
        private(set) var counts: [Int] = []
        private var position: [Facet: Int] = [:]
        static let linearLimit = 16

        mutating func count(_ facet: Facet) {
            if seen.count <= Self.linearLimit {
                if let i = seen.firstIndex(of: facet) {
                    counts[i] += 1
                    return
                }
                if seen.count == Self.linearLimit {
                    for (i, known) in seen.enumerated() { position[known] = i }
                }
            } else if let i = position[facet] {
                counts[i] += 1
                return
            }
            if seen.count >= Self.linearLimit { position[facet] = seen.count }
            seen.append(facet)
            counts.append(1)
        }

        /// The facets in first-seen order, most counted first; ties keep their first-seen order.
        func mostFrequent(limit: Int) -> [Facet] {
            let counts = counts
            let ranked = seen.indices.sorted { a, b in counts[a] != counts[b] ? counts[a] > counts[b] : a < b }
            return ranked.prefix(limit).map { seen[$0] }
        }
    }

    /// A document's title: its web page's `headline` or a `title` field, else its first line.
    static func title(of d: Document) -> String {
        for key in ["headline", "title"] {
            if let title = d.metadata[key]?.string, !title.allSatisfy(\.isWhitespace) { return clean(title, limit: titleLength) }
        }
        // A newline is a character of its own, so the first line ends at the first newline scalar: found over
        // the UTF-8 bytes when it lies within the first `titleLength * 4` bytes (so characters).
        let window = titleLength * 4
        let firstLine = d.text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var end = 0
            scan: while end < bytes.count, end < window {
                switch bytes[end] {
                case 0x0A...0x0D: break scan
                case 0xC2 where end + 1 < bytes.count && bytes[end + 1] == 0x85: break scan
                case 0xE2 where end + 2 < bytes.count && bytes[end + 1] == 0x80 && (bytes[end + 2] == 0xA8 || bytes[end + 2] == 0xA9):
                    break scan
                default: end += 1
                }
            }
            // The line ends within the window (or the text does): it is the text before `end`.
            return end < window ? String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self) : nil
        }
        if let line = firstLine ?? nil { return clean(line, limit: titleLength) }
        var line = Substring(d.text.prefix(window))
        if let end = line.firstIndex(where: \.isNewline) { line = line[..<end] }
        return clean(String(line), limit: titleLength)
    }

    /// Text on one line (runs of white space become one space), cut to `limit` characters with an ellipsis.
    static func clean(_ text: String, limit: Int) -> String {
        if let ascii = cleanASCII(text, limit: limit) { return ascii }
        var out = ""
        var space = false
        // Characters appended: `out.count` is at most this (a mark after a space joins it), so only at the
        // limit is `out` counted, rather than at every character.
        var appended = 0
        for c in text {
            if c.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" "); space = false; appended += 1 }
            if appended >= limit, out.count >= limit { return out + "…" }
            out.append(c)
            appended += 1
        }
        return out
    }

    /// ``clean(_:limit:)`` over UTF-8 bytes while they are ASCII, where a byte is a character; nil (to
    /// clean by characters) when a byte outside printable ASCII and white space comes before the result is
    /// known, or white space is followed by a byte that may join it into one character.
    static func cleanASCII(_ text: String, limit: Int) -> String? {
        let result = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            if !bytes.isEmpty, bytes.count <= limit, bytes.first != 0x20, bytes.last != 0x20 {
                // Already clean (printable ASCII, single spaces between words): the text itself.
                var clean = true, lastWasSpace = false
                for byte in bytes {
                    if byte == 0x20 {
                        if lastWasSpace { clean = false; break }
                        lastWasSpace = true
                    } else if byte > 0x20, byte < 0x7F {
                        lastWasSpace = false
                    } else {
                        clean = false
                        break
                    }
                }
                if clean { return text }
            }
            var out: [UInt8] = []
            out.reserveCapacity(min(bytes.count, limit + 1))
            var space = false
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    if i + 1 < bytes.count, bytes[i + 1] >= 0x80 { return nil }
                    space = !out.isEmpty
                    i += 1
                    continue
                }
                guard byte > 0x20, byte < 0x7F else { return nil }
                if space { out.append(0x20); space = false }
                if out.count >= limit { return String(decoding: out, as: UTF8.self) + "…" }
                out.append(byte)
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        return result ?? nil
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
              write: ([UInt8]) throws -> Void) throws {
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

        var out = HTMLBytes(capacity: 1 << 17)
        out.raw("{\"v\":1,\"page\":")
        out.append(page)
        out.raw(",\"documents\":")
        out.append(total)
        out.raw(",\"pages\":[")
        for (n, name) in pages.enumerated() {
            if n > 0 { out.byte(UInt8(ascii: ",")) }
            out.jsonString(name)
        }
        out.raw("],\"facets\":[\n")
        for (n, i) in used.enumerated() {
            if n > 0 { out.raw(",\n") }
            let f = facets[i]
            out.raw("[\"")
            out.append(f.kind.rawValue)
            out.raw("\",")
            out.jsonString(f.label)
            out.byte(UInt8(ascii: ","))
            out.jsonString(f.name)
            out.byte(UInt8(ascii: ","))
            out.append(counts[i])
            out.byte(UInt8(ascii: "]"))
        }
        out.raw("],\"docs\":[\n")
        var first = true
        for entry in entries {
            if out.count > 1 << 16 {
                try write(out.bytes)
                out.reset()
            }
            if !first { out.raw(",\n") }
            first = false
            out.byte(UInt8(ascii: "["))
            out.append(entry.number)
            out.byte(UInt8(ascii: ","))
            out.jsonString(entry.card.id)
            out.byte(UInt8(ascii: ","))
            out.jsonString(entry.card.title)
            for n in [entry.page, entry.card.words, entry.card.entities, entry.card.quotes, entry.card.removed] {
                out.byte(UInt8(ascii: ","))
                out.append(n)
            }
            out.raw(",[")
            var firstRef = true
            for f in entry.facets where local[Int(f)] >= 0 {
                if !firstRef { out.byte(UInt8(ascii: ",")) }
                firstRef = false
                out.append(Int(local[Int(f)]))
            }
            out.raw("]]")
        }
        out.raw("]}")
        try write(out.bytes)
    }

    /// A JSON string literal that is also safe inside an HTML `<script>` element: `<`, `>` and `&` are
    /// escaped, so no text can close the element, and so are the line separators JavaScript once refused.
    static func jsonString(_ s: String) -> String {
        var out = HTMLBytes(capacity: s.utf8.count + 2)
        out.jsonString(s)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
