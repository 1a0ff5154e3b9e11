import Kernel

/// Tags places, nationalities, organizations, dates and counts from a gazetteer and byte-level rules.
///
/// This is the first version: a built-in gazetteer plus date and number rules. Person names, organization
/// suffixes and user gazetteers come with issue #4.
public struct EntityTagStage: DocumentStage {
    /// Options of `entity-tag`.
    public struct Options: StageOptions {
        /// Labels to keep; empty keeps all.
        public var labels: [String] = []

        enum CodingKeys: String, CodingKey { case labels }

        /// The defaults.
        public init() {}

        /// Decodes, with defaults for missing keys.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            labels = try c.decodeIfPresent([String].self, forKey: .labels) ?? []
        }
    }

    /// `entity-tag`.
    public static let descriptor = StageDescriptor(
        name: "entity-tag",
        summary: "Places, nationalities, organizations, dates and counts (OntoNotes labels), with offsets",
        version: "0",
        requires: [Layer.sentences],
        produces: [Layer.entities],
        options: [OptionHelp("labels", "labels to keep (GPE, NORP, ORG, DATE, CARDINAL); empty keeps all")]
    )

    static let allLabels = ["GPE", "NORP", "ORG", "DATE", "CARDINAL"]

    let keep: Set<String>
    let gazetteer: ByteAutomaton
    let entries: [Gazetteer.Entry]

    /// Creates the stage.
    public init(options: Options, context: StageContext) throws {
        for (i, label) in options.labels.enumerated() where !Self.allLabels.contains(label) {
            throw OptionError("unknown label '\(label)'", at: ["labels", .index(i)],
                              hint: Suggest.nearest(label, in: Self.allLabels).map { "did you mean '\($0)'?" }
                                  ?? "labels: " + Self.allLabels.joined(separator: ", "))
        }
        keep = Set(options.labels.isEmpty ? Self.allLabels : options.labels)
        entries = Gazetteer.builtin
        gazetteer = ByteAutomaton(entries.map { Array($0.text.utf8) })
    }

    /// Adds the entities layer.
    public func process(_ document: inout Document) throws {
        var text = document.text
        let spans = text.withUTF8 { b -> [Span] in
            var found: [Span] = []
            gazetteer.scan(b, 0..<b.count) { id, range in
                guard isWordBoundary(b, range.lowerBound - 1), isWordBoundary(b, range.upperBound) else { return }
                let entry = entries[id]
                found.append(Span(start: range.lowerBound, end: range.upperBound, label: entry.label,
                                  attributes: ["canonical": .string(entry.canonical)]))
            }
            found += NumberRules.find(b)
            return Self.resolveOverlaps(found)
        }
        try document.setLayer(Layer.entities, spans.filter { keep.contains($0.label ?? "") })
    }

    /// Longest span wins; among equals, the earlier one.
    static func resolveOverlaps(_ spans: [Span]) -> [Span] {
        let ordered = spans.sorted { ($0.end - $0.start, -$0.start) > ($1.end - $1.start, -$1.start) }
        var taken: [Span] = []
        for span in ordered where !taken.contains(where: { $0.start < span.end && span.start < $0.end }) {
            taken.append(span)
        }
        return taken.sorted { $0.start < $1.start }
    }
}

@inline(__always) func isWordBoundary(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
    guard i >= 0, i < b.count else { return true }
    let c = b[i]
    return !((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) && !(c >= 0x30 && c <= 0x39) && c != 0x2D && c < 0x80
}
