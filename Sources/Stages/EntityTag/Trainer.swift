import EntityTagModel
import EntityTagRecognizer
import EntityTagContext
import EntityTagRules
import Foundation
import LedeCore
import LedeIO
import LedeText

/// Weights being learned: an averaged perceptron. Each weight keeps its running total over every step, brought
/// up to date lazily when it changes, so the average costs nothing per step.
final class PerceptronWeights: NameWeights {
    let classes: Int
    private(set) var rows: [UInt64: Int] = [:]
    private var weights: [Float] = []
    private var totals: [Float] = []
    private var stamps: [Int] = []
    /// Steps so far: one per word scored.
    private(set) var clock = 0

    init(classes: Int) { self.classes = classes }

    func score(_ keys: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<Float>) {
        scores.initialize(repeating: 0, count: classes)
        for key in keys {
            guard let r = rows[key] else { continue }
            let base = r * classes
            for c in 0..<classes { scores[c] += weights[base + c] }
        }
    }

    /// One step: the word's features, the tag it should have had, and the one chosen.
    func learn(_ keys: UnsafeBufferPointer<UInt64>, gold: Int, guess: Int) {
        clock += 1
        guard gold != guess else { return }
        for key in keys {
            let r: Int
            if let known = rows[key] {
                r = known
            } else {
                r = rows.count
                rows[key] = r
                weights.append(contentsOf: repeatElement(0, count: classes))
                totals.append(contentsOf: repeatElement(0, count: classes))
                stamps.append(contentsOf: repeatElement(0, count: classes))
            }
            bump(r * classes + gold, by: 1)
            bump(r * classes + guess, by: -1)
        }
    }

    private func bump(_ i: Int, by delta: Float) {
        totals[i] += Float(clock - stamps[i]) * weights[i]
        stamps[i] = clock
        weights[i] += delta
    }

    /// Adds `scale` times each feature's averaged weights to its row in `sum`.
    func addAveraged(into sum: inout [UInt64: [Float]], scale: Float) {
        for (key, r) in rows {
            var row = sum[key] ?? [Float](repeating: 0, count: classes)
            for c in 0..<classes {
                let i = r * classes + c
                let total = totals[i] + Float(clock - stamps[i]) * weights[i]
                row[c] += total / Float(max(clock, 1)) * scale
            }
            sum[key] = row
        }
    }
}

extension EntityTagStage: TrainableStage {
    /// The least averaged weight that keeps a feature in the model. Below it are mostly features met once or
    /// twice late in training: leaving them out takes a model of five shuffles from 127,000 features to 73,000
    /// (a smaller table, fewer probes per word) and moves its development F1 by 0.0004.
    static let weightFloor: Float = 1.5

    /// Trains the name recognizer: `lede train entity-tag --data FILE... [--test FILE...] --output MODEL`.
    public static func train(_ request: TrainingRequest) throws -> String {
        let tagger = EntityTagger.standard
        var documents: [AnnotatedDocument] = []
        var sources: [String: String] = [:]
        for path in request.data {
            let read = try TrainingData.read(path)
            request.log("\(path): \(read.count) documents, \(read.reduce(0) { $0 + $1.names.count }) names")
            documents += read
            sources[Paths.fileName(path)] = Digest.sha256(try Paths.read(path))
        }
        guard !documents.isEmpty else { throw ModelError("no annotated documents in \(request.data.joined(separator: ", "))") }
        let labels = Set(documents.flatMap { $0.names.map(\.label) }).sorted()
        guard !labels.isEmpty else { throw ModelError("the data names no entities") }
        let classes = labels.count * 2 + 1
        let prepared = documents.map { Prepared($0, tagger: tagger, labels: labels) }
        let epochs = request.epochs ?? 8
        // Each shuffle is a perceptron of its own; their averaged weights are averaged again, and the
        // features whose weights all stay under ``weightFloor`` are left out.
        let runs = max(request.shuffles ?? 1, 1)
        var sum: [UInt64: [Float]] = [:]
        for run in 0..<runs {
            let weights = PerceptronWeights(classes: classes)
            var generator = SplitMix64(seed: request.seed &+ UInt64(run))
            var order = Array(prepared.indices)
            for epoch in 1...epochs {
                order.shuffle(using: &generator)
                var scored = 0, wrong = 0
                for d in order {
                    let doc = prepared[d]
                    doc.text.withUnsafeBufferPointer { b in
                        let input = doc.input(b, tagger: tagger)
                        _ = NameFeatures.decode(input, weights: weights, classes: classes) { keys, i, guess in
                            scored += 1
                            if guess != Int(doc.gold[i]) { wrong += 1 }
                            weights.learn(keys, gold: Int(doc.gold[i]), guess: guess)
                        }
                    }
                }
                request.log("epoch \(epoch): \(scored) words scored, \(String(format: "%.2f", 100 * Double(wrong) / Double(max(scored, 1))))% wrong")
            }
            weights.addAveraged(into: &sum, scale: 1 / Float(runs))
        }
        var keys: [UInt64] = []
        var averaged: [Float] = []
        for key in sum.keys.sorted() where sum[key]!.contains(where: { abs($0) >= Self.weightFloor }) {
            keys.append(key)
            averaged.append(contentsOf: sum[key]!)
        }
        var training = sources
        training["documents"] = String(documents.count)
        training["epochs"] = String(epochs)
        training["seed"] = String(request.seed)
        if runs > 1 { training["shuffles"] = String(runs) }
        let header = NameModel.Header(labels: labels, scale: 1, features: NameFeatures.version, training: training)
        let bytes = NameModel.encode(header: header, keys: keys, weights: averaged)
        let file = try AtomicFile(path: request.output)
        try file.write(bytes)
        try file.commit()
        var report = "wrote \(request.output): \(keys.count) features, labels \(labels.joined(separator: " ")), \(bytes.count / 1024) KB\n"
        if !request.test.isEmpty {
            let model = try NameModel(bytes: bytes, name: request.output)
            for path in request.test {
                let documents = try TrainingData.read(path)
                report += "\(path), the model alone:\n" + Scoring.table(Scoring.scoreModel(documents, model: model, tagger: tagger))
                report += "\(path), entity-tag with the model:\n" + Scoring.table(try Scoring.score(documents, model: model, tagger: tagger))
            }
        }
        return report
    }
}

/// A training document with what the model sees of it worked out once.
struct Prepared {
    var text: [UInt8]
    var analysis: EntityTagger.Analysis
    var gazetteer: [UInt8]
    var rules: [UInt8]
    /// The tag each word should get.
    var gold: [UInt8]

    init(_ d: AnnotatedDocument, tagger: EntityTagger, labels: [String]) {
        text = d.text
        var analysis: EntityTagger.Analysis?
        var gazetteer: [UInt8] = [], rules: [UInt8] = []
        d.text.withUnsafeBufferPointer { b in
            let a = tagger.analyse(b, sentenceStarts: d.sentenceStarts, consistency: true)
            let input = Recognizer.input(b, a, tagger: tagger)
            analysis = a
            gazetteer = input.gazetteer
            rules = input.rules
        }
        self.analysis = analysis!
        self.gazetteer = gazetteer
        self.rules = rules
        var gold = [UInt8](repeating: 0, count: self.analysis.words.count)
        var w = 0
        for name in d.names {
            guard let label = labels.firstIndex(of: name.label) else { continue }
            while w < gold.count, self.analysis.words[w].end <= name.range.lowerBound { w += 1 }
            var k = w
            while k < gold.count, self.analysis.words[k].start < name.range.upperBound {
                gold[k] = UInt8(2 * label + (k == w ? 1 : 2))
                k += 1
            }
        }
        self.gold = gold
    }

    func input(_ b: UnsafeBufferPointer<UInt8>, tagger: EntityTagger) -> NameInput {
        NameInput(b: b, words: analysis.words, initial: analysis.initial, gazetteer: gazetteer, rules: rules,
                  common: { w in tagger.scanner.common.flags(key: w.key) & Feature.common.rawValue != 0 },
                  cluster: { w in WordClusters.classes(tagger.scanner.common.flags(key: w.key)) })
    }
}

/// Exact-span precision, recall and F1 per label against annotated documents, with OntoNotes labels folded
/// into the data's: `GPE`, `LOC` and `FAC` count as `LOC`, and `NORP`, `EVENT`, `LAW`, `PRODUCT` and
/// `WORK_OF_ART` as `MISC`, when the data has those coarse labels.
enum Scoring {
    struct Counts { var truePositives = 0, falsePositives = 0, falseNegatives = 0 }

    static func score(_ documents: [AnnotatedDocument], model: NameModel?, tagger: EntityTagger) throws -> [String: Counts] {
        let gold = Set(documents.flatMap { $0.names.map(\.label) })
        let coarse = gold.contains("MISC") || (gold.contains("LOC") && !gold.contains("GPE"))
        func fold(_ label: EntityLabel) -> String? {
            guard label.isName else { return nil }
            guard coarse else { return label.rawValue }
            switch label {
            case .gpe, .loc, .fac: return "LOC"
            case .norp, .event, .law, .product, .workOfArt: return "MISC"
            default: return label.rawValue
            }
        }
        var counts: [String: Counts] = [:]
        for d in documents {
            let found = d.text.withUnsafeBufferPointer { tagger.tag($0, sentenceStarts: d.sentenceStarts, consistency: true, model: model) }
            let predicted = Set(found.compactMap { c in fold(c.label).map { "\(c.start):\(c.end):\($0)" } })
            tally(predicted: predicted, document: d, into: &counts)
        }
        return counts
    }

    /// The model's own spans, with its own labels, before typing, rules and consistency.
    static func scoreModel(_ documents: [AnnotatedDocument], model: NameModel, tagger: EntityTagger) -> [String: Counts] {
        var counts: [String: Counts] = [:]
        for d in documents {
            let prepared = Prepared(d, tagger: tagger, labels: model.labels)
            let predicted: Set<String> = prepared.text.withUnsafeBufferPointer { b in
                let tags = NameFeatures.decode(prepared.input(b, tagger: tagger), weights: model, classes: model.classes)
                return Set(NameFeatures.spans(tags).map { span in
                    let words = prepared.analysis.words
                    return "\(words[span.words.lowerBound].start):\(words[span.words.upperBound - 1].end):\(model.labels[span.label])"
                })
            }
            tally(predicted: predicted, document: d, into: &counts)
        }
        return counts
    }

    /// Counts `predicted` spans (`start:end:LABEL`) against the document's names.
    private static func tally(predicted: Set<String>, document d: AnnotatedDocument, into counts: inout [String: Counts]) {
        let expected = Set(d.names.map { "\($0.range.lowerBound):\($0.range.upperBound):\($0.label)" })
        func label(_ span: String) -> String { String(span.split(separator: ":")[2]) }
        for p in predicted where expected.contains(p) { counts[label(p), default: Counts()].truePositives += 1 }
        for p in predicted where !expected.contains(p) { counts[label(p), default: Counts()].falsePositives += 1 }
        for e in expected where !predicted.contains(e) { counts[label(e), default: Counts()].falseNegatives += 1 }
    }

    static func table(_ counts: [String: Counts]) -> String {
        func prf(_ c: Counts) -> String {
            let p = Double(c.truePositives) / Double(max(c.truePositives + c.falsePositives, 1))
            let r = Double(c.truePositives) / Double(max(c.truePositives + c.falseNegatives, 1))
            let f = p + r > 0 ? 2 * p * r / (p + r) : 0
            return String(format: "P %.3f  R %.3f  F1 %.3f", p, r, f)
        }
        var out = ""
        var all = Counts()
        for label in counts.keys.sorted() {
            let c = counts[label]!
            out += "  \(label.padding(toLength: 8, withPad: " ", startingAt: 0)) \(prf(c))  (gold \(c.truePositives + c.falseNegatives))\n"
            all.truePositives += c.truePositives
            all.falsePositives += c.falsePositives
            all.falseNegatives += c.falseNegatives
        }
        return out + "  all      \(prf(all))\n"
    }
}
