/// Counts of one comparison, and the figures made from them.
public struct PRF: Sendable, Hashable, Codable {
    /// Predicted and gold.
    public var truePositives = 0
    /// Predicted, not gold.
    public var falsePositives = 0
    /// Gold, not predicted.
    public var falseNegatives = 0

    /// Creates empty counts.
    public init() {}

    /// Precision; 1 when nothing was predicted.
    public var precision: Double {
        truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
    }
    /// Recall; 1 when there was nothing to find.
    public var recall: Double {
        truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
    }
    /// The harmonic mean of precision and recall.
    public var f1: Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    /// Adds another set of counts.
    public static func + (a: PRF, b: PRF) -> PRF {
        var sum = a
        sum.truePositives += b.truePositives
        sum.falsePositives += b.falsePositives
        sum.falseNegatives += b.falseNegatives
        return sum
    }
}

/// Entity scores per label, by exact match of start, end and label (the CoNLL convention).
public struct EntityScores: Sendable, Codable {
    /// Counts per label.
    public var labels: [String: PRF] = [:]
    /// Mistakes, for `--errors`: `document: missed|spurious|wrong LABEL "text"`.
    public var errors: [String] = []

    /// The labels every tagger must get right.
    public static let required = ["PERSON", "ORG", "GPE", "NORP", "DATE", "CARDINAL"]

    /// Creates empty scores.
    public init() {}

    /// Micro-averaged counts over some labels.
    public func micro(_ labels: [String]) -> PRF {
        labels.reduce(PRF()) { $0 + (self.labels[$1] ?? PRF()) }
    }

    /// Adds one document's comparison.
    public mutating func add(document: String, gold: [GoldEntity], predicted: [GoldEntity]) {
        let goldSet = Set(gold.map { Key(start: $0.start, end: $0.end, label: $0.label) })
        let predictedSet = Set(predicted.map { Key(start: $0.start, end: $0.end, label: $0.label) })
        for entity in predicted {
            let key = Key(start: entity.start, end: entity.end, label: entity.label)
            if goldSet.contains(key) {
                labels[entity.label, default: PRF()].truePositives += 1
            } else {
                labels[entity.label, default: PRF()].falsePositives += 1
                let sameRange = gold.first { $0.start == entity.start && $0.end == entity.end }
                errors.append("\(document): " + (sameRange.map { "wrong \(entity.label) (gold \($0.label))" } ?? "spurious \(entity.label)")
                              + " \"\(entity.text)\"")
            }
        }
        for entity in gold where !predictedSet.contains(Key(start: entity.start, end: entity.end, label: entity.label)) {
            labels[entity.label, default: PRF()].falseNegatives += 1
            if !predicted.contains(where: { $0.start == entity.start && $0.end == entity.end }) {
                errors.append("\(document): missed \(entity.label) \"\(entity.text)\"")
            }
        }
    }

    private struct Key: Hashable {
        var start: Int
        var end: Int
        var label: String
    }
}

/// A quotation as a stage reported it, in the terms the scorer compares.
public struct PredictedQuote: Sendable, Hashable {
    /// The quotation's text.
    public var text: String
    /// `direct` or `partial`.
    public var kind: String
    /// The resolved speaker's text, or nil.
    public var speaker: String?
    /// The pronoun, when the speaker was named by one.
    public var mention: String?
    /// The cue verb, or nil.
    public var cue: String?

    /// Creates a predicted quote.
    public init(text: String, kind: String, speaker: String?, mention: String?, cue: String?) {
        self.text = text
        self.kind = kind
        self.speaker = speaker
        self.mention = mention
        self.cue = cue
    }
}

/// Gold cases of one kind, and how many of them the prediction got right.
public struct GoldHits: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Gold cases.
    public var gold = 0
    /// ... of which the prediction was right.
    public var right = 0

    /// No cases yet.
    public init() {}

    /// `right/gold`, as the report shows it.
    public var description: String { "\(right)/\(gold)" }
}

/// Quotation scores: direct speech found (precision, recall, F1), and how often its speaker is right.
public struct QuoteScores: Sendable, Codable {
    /// Direct quotations: predicted `direct` against gold `direct`, matched by text.
    public var direct = PRF()
    /// Direct quotations found whose speaker is right (a gold text, or no speaker where gold has none).
    public var speakersRight = 0
    /// Direct quotations found whose gold names the speaker with a pronoun, and how many kept that pronoun.
    public var mentions = GoldHits()
    /// Direct quotations found whose gold has a cue, and how many had that cue.
    public var cues = GoldHits()
    /// Gold partial quotations, and how many were reported as partial.
    public var partial = GoldHits()
    /// Fragments and quoted names (gold `partial` or `none`) reported as speech.
    public var fragmentsAsSpeech = 0
    /// Mistakes, for `--errors`.
    public var errors: [String] = []

    /// Creates empty scores.
    public init() {}

    /// Speakers right, over direct quotations found.
    public var speakerAccuracy: Double {
        direct.truePositives == 0 ? 0 : Double(speakersRight) / Double(direct.truePositives)
    }

    /// Quote text compared with whitespace runs folded to one space.
    static func normalize(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A speaker compared without case and without a leading `the`.
    static func normalizeSpeaker(_ s: String) -> String {
        var lower = s.lowercased()
        if lower.hasPrefix("the ") { lower.removeFirst(4) }
        return lower
    }

    /// Adds one document's comparison.
    public mutating func add(document: String, gold: [GoldQuote], predicted: [PredictedQuote]) {
        var goldByText: [String: GoldQuote] = [:]
        for quote in gold { goldByText[Self.normalize(quote.quote)] = quote }
        var matched: Set<String> = []
        for quote in predicted {
            let key = Self.normalize(quote.text)
            let g = goldByText[key]
            if let g, g.kind == "partial", quote.kind == "partial" { partial.right += 1 }
            guard quote.kind == "direct" else { continue }
            guard let g, g.kind == "direct" else {
                direct.falsePositives += 1
                if g != nil { fragmentsAsSpeech += 1 }
                errors.append("\(document): \(g == nil ? "not a gold quote" : "a \(g!.kind) quote reported as speech"): \"\(quote.text.prefix(70))\"")
                continue
            }
            direct.truePositives += 1
            matched.insert(key)
            let speakerRight: Bool
            if g.speakers.isEmpty {
                speakerRight = quote.speaker == nil
            } else {
                speakerRight = quote.speaker.map { s in g.speakers.contains { Self.normalizeSpeaker($0) == Self.normalizeSpeaker(s) } } ?? false
            }
            if speakerRight {
                speakersRight += 1
            } else {
                errors.append("\(document): speaker \(quote.speaker.map { "\"\($0)\"" } ?? "null"), gold \(g.speakers): \"\(quote.text.prefix(50))\"")
            }
            if let mention = g.mention {
                mentions.gold += 1
                if quote.mention?.lowercased() == mention.lowercased() { mentions.right += 1 }
            }
            if let cue = g.cue {
                cues.gold += 1
                if quote.cue?.lowercased() == cue.lowercased() { cues.right += 1 }
            }
        }
        partial.gold += gold.filter { $0.kind == "partial" }.count
        for quote in gold where quote.kind == "direct" && !matched.contains(Self.normalize(quote.quote)) {
            direct.falseNegatives += 1
            errors.append("\(document): missed \"\(quote.quote.prefix(70))\"")
        }
    }
}
