import EntityTagModel
import EntityTagContext
import EntityTagRules
import LedeCore


/// Tags people, organizations, places, nationalities and groups, dates, times and amounts in news text,
/// with OntoNotes labels and character offsets.
///
/// Names come from a learned recognizer (docs/models/entity-tag.md) that takes the gazetteer and the rules
/// as evidence; `model: none` runs the rules alone. The rules make one pass over the words: a gazetteer of
/// countries, cities, nationalities, agencies and institutions (bundled, plus the user's own files) matched
/// over the UTF-8 bytes; organization, event and law names by their heads and suffixes; people by titles,
/// the Korean `Kim Young-mi` pattern, known given names and the shape of a name; dates, times, counts,
/// money, percentages and quantities with their qualifiers. Each name is then settled once per document:
/// an acronym in brackets, a lone family name (`Park` of `Park Ji-hoon`, with the full name as its
/// canonical form), every mention written the same way.
public struct EntityTagStage: DocumentStage {
    /// Options of `entity-tag`.
    public struct Options: DeclaredOptions {
        /// Labels to keep; empty keeps all.
        @StageOption(help: "labels to keep (" + EntityLabel.allCases.map(\.rawValue).joined(separator: ", ") + "); empty keeps all")
        public var labels: [String] = []
        /// The user's gazetteer files (TSV `text<TAB>LABEL<TAB>canonical`, or YAML), relative to the pipeline.
        @StageOption(help: "your own name lists: TSV lines `text<TAB>LABEL<TAB>canonical`, or a YAML list of {text, label, canonical}")
        public var gazetteers: [String] = []
        /// Tag a lone family name as the person named in full elsewhere in the document.
        @StageOption(help: "settle each name once per document: an acronym in brackets, a lone family name, every mention written the same way (default true)")
        public var consistency = true
        /// The name recognizer: `builtin` (the model that ships), `none` (the rules alone), or the path of a
        /// model made by `lede train entity-tag`, relative to the pipeline.
        @StageOption(help: "`builtin` (the trained recognizer that ships), `none` (gazetteer and rules alone), or a model file made by `lede train entity-tag`")
        public var model = "builtin"

        /// The defaults.
        public init() {}
    }

    /// `entity-tag`.
    public static let descriptor = StageDescriptor(
        name: "entity-tag",
        summary: "People, organizations, places, groups, dates, times and amounts (OntoNotes labels), with offsets",
        version: "1",
        requires: [Layer.sentences],
        produces: [Layer.entities],
        options: Options.help
    )

    /// The labels to keep, one bit each (``EntityLabel/bit``): a set of strings was hashed per entity.
    let keep: UInt32
    let consistency: Bool
    /// Built at the first document, not here: `lede validate` builds every stage, and the bundled
    /// gazetteer and word lists took two thirds of its time. The user's files are read and checked here.
    let tagger: Deferred<EntityTagger>
    /// The name recognizer; nil runs the rules alone.
    /// The name recognizer; nil runs the rules alone. The built-in one is read at the first document, as the
    /// gazetteer is, so that `lede validate` stays quick.
    let model: Deferred<NameModel?>
    /// The acronyms the user's gazetteers link (``unlinkAcronyms(_:_:keeping:gazetteer:)``).
    let userAcronyms: Set<String>

    /// Creates the stage, reading and checking the user's gazetteers.
    public init(options: Options, context: StageContext) throws {
        let all = EntityLabel.allCases.map(\.rawValue)
        for (i, label) in options.labels.enumerated() where !all.contains(label) {
            throw OptionError("unknown label '\(label)'", at: ["labels", .index(i)],
                              hint: Suggest.nearest(label, in: all).map { "did you mean '\($0)'?" } ?? "labels: " + all.joined(separator: ", "))
        }
        keep = EntityLabel.allCases.reduce(0) { options.labels.isEmpty || options.labels.contains($1.rawValue) ? $0 | $1.bit : $0 }
        var user = Gazetteer()
        for (i, file) in options.gazetteers.enumerated() {
            do {
                try user.load(bytes: try context.read(file), name: file)
            } catch let error as GazetteerError {
                throw OptionError("gazetteer \(error)", at: ["gazetteers", .index(i)], hint: error.hint)
            } catch {
                throw OptionError("gazetteer \(file): cannot read it (\(error))", at: ["gazetteers", .index(i)])
            }
        }
        consistency = options.consistency
        userAcronyms = Self.userAcronyms(user)
        switch options.model {
        case "none":
            model = Deferred { nil }
        case "builtin":
            guard NameModel.bundledURL != nil else {
                throw OptionError("the built-in model is missing from this build", at: ["model"],
                                  hint: "run `bash scripts/entity-tag/train.sh`, or set `model: none`")
            }
            model = Deferred { NameModel.bundled }
        default:
            do {
                let own = try NameModel(bytes: try context.read(options.model), name: options.model)
                model = Deferred { own }
            } catch let error as ModelError {
                throw OptionError(error.description, at: ["model"], hint: "make one with `lede train entity-tag --data FILE --output MODEL`")
            } catch {
                throw OptionError("model \(options.model): cannot read it (\(error))", at: ["model"])
            }
        }
        if user.entries.isEmpty {
            tagger = Deferred { EntityTagger.standard }
        } else {
            tagger = Deferred { [user] in
                var gazetteer = Gazetteer.builtin
                gazetteer.add(contentsOf: user)
                return EntityTagger(gazetteer: gazetteer)
            }
        }
    }

    /// The attributes of an entity without a canonical form (most of them), made once and shared: one
    /// allocation per entity less.
    static let noCanonical = Attributes("canonical", .null)

    /// Adds the entities layer.
    public func process(_ document: inout Document) throws {
        let starts = document.spans(Layer.sentences).map(\.start)
        var text = document.text
        let tagger = tagger.value
        let spans = text.withUTF8 { b in
            var found = tagger.tag(b, sentenceStarts: starts, consistency: consistency, model: model.value)
            Self.unlinkAcronyms(&found, b, keeping: userAcronyms, gazetteer: tagger.gazetteer)
            // The canonical forms are made Strings here, once, for the entities kept.
            var spans: [Span] = []
            spans.reserveCapacity(found.count)
            for c in found where keep & c.label.bit != 0 {
                spans.append(Span(start: c.start, end: c.end, label: c.label.rawValue,
                                  attributes: c.canonical.map { Attributes("canonical", .string($0.string(b, gazetteer: tagger.gazetteer))) }
                                      ?? Self.noCanonical))
            }
            return spans
        }
        try document.setLayer(Layer.entities, spans)
    }
}
