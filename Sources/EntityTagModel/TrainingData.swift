import Foundation
import LedeIO
import LedeText

/// One annotated document to learn from or to score against: its text, where its sentences start, and its
/// names as UTF-8 ranges with their labels.
package struct AnnotatedDocument {
    package var text: [UInt8]
    package var sentenceStarts: [Int]
    package var names: [(range: Range<Int>, label: String)]
}

/// Reads annotated text: CoNLL-style IOB files (`token ... TAG` per line, a blank line between sentences,
/// `-DOCSTART-` between documents; IOB1, IOB2, BIOES and BILOU tags), and Lede's own JSON Lines records
/// (their `text` and `entities`, as corrected by hand), chosen by the `.jsonl` extension.
package enum TrainingData {
    /// Labels that stay with the rules: a model learns names only.
    package static let ruleLabels: Set<String> = ["DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"]

    /// The label as the model learns it: `PER` is `PERSON`; numbers, dates and amounts are nil.
    package static func normalized(_ label: String) -> String? {
        let upper = label.uppercased()
        if ruleLabels.contains(upper) { return nil }
        return upper == "PER" ? "PERSON" : upper
    }

    package static func read(_ path: String) throws -> [AnnotatedDocument] {
        let bytes = try Paths.read(path)
        if path.hasSuffix(".jsonl") { return try records(bytes, name: path) }
        return try iob(String(decoding: bytes, as: UTF8.self), name: path)
    }

    // MARK: IOB

    package static func iob(_ text: String, name: String) throws -> [AnnotatedDocument] {
        var documents: [AnnotatedDocument] = []
        var sentences: [[(token: String, tag: String)]] = []
        var sentence: [(token: String, tag: String)] = []
        func endSentence() {
            if !sentence.isEmpty { sentences.append(sentence) }
            sentence = []
        }
        func endDocument() {
            endSentence()
            if !sentences.isEmpty { documents.append(detokenize(sentences)) }
            sentences = []
        }
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { endSentence(); continue }
            if fields[0] == "-DOCSTART-" { endDocument(); continue }
            guard fields.count >= 2 else {
                throw ModelError("\(name):\(lineNumber): expected `token TAG`, found `\(line)`")
            }
            sentence.append((String(fields[0]), String(fields[fields.count - 1])))
        }
        endDocument()
        return documents
    }

    /// Joins tokens into text as news is written (no space before `,` `.` `'s` `)`, none after `(` `$`),
    /// one sentence per line, and turns the tags into spans of that text.
    package static func detokenize(_ sentences: [[(token: String, tag: String)]]) -> AnnotatedDocument {
        var text: [UInt8] = []
        var starts: [Int] = []
        var names: [(range: Range<Int>, label: String)] = []
        let noSpaceBefore: Set<String> = [",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'", "'re",
                                          "'ve", "'ll", "'d", "'m", "...", "’s"]
        let noSpaceAfter: Set<String> = ["(", "[", "{", "$", "#", "£", "€"]
        for sentence in sentences {
            if !text.isEmpty { text.append(0x0A) }
            starts.append(text.count)
            var open: (start: Int, end: Int, label: String)?
            var previous = ""
            var doubleQuotes = 0
            for (k, (token, tag)) in sentence.enumerated() {
                var space = k > 0 && !noSpaceBefore.contains(token) && !noSpaceAfter.contains(previous)
                if token == "\"" || token == "``" || token == "''" {
                    // Opening marks take a space before, closing ones after.
                    space = k > 0 && doubleQuotes % 2 == 0
                    doubleQuotes += 1
                } else if previous == "\"" || previous == "``" {
                    space = space && doubleQuotes % 2 == 0
                }
                if space { text.append(0x20) }
                let start = text.count
                let written = token == "``" || token == "''" ? "\"" : token
                text.append(contentsOf: Array(written.utf8))
                let end = text.count
                previous = token
                // The tag: O, or a prefix and a label.
                let parts = tag.split(separator: "-", maxSplits: 1)
                let prefix = parts.count == 2 ? parts[0].uppercased() : "O"
                let label = parts.count == 2 ? normalized(String(parts[1])) : nil
                if let current = open, let label, label == current.label, prefix == "I" || prefix == "E" || prefix == "L" {
                    open = (current.start, end, label)
                } else {
                    if let current = open { names.append((current.start..<current.end, current.label)) }
                    open = label.map { (start, end, $0) }
                }
            }
            if let current = open { names.append((current.start..<current.end, current.label)) }
        }
        return AnnotatedDocument(text: text, sentenceStarts: starts, names: names)
    }

    // MARK: Lede records

    package static func records(_ bytes: [UInt8], name: String) throws -> [AnnotatedDocument] {
        var documents: [AnnotatedDocument] = []
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            guard !line.isEmpty else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let text = object["text"] as? String else {
                throw ModelError("\(name):\(lineNumber): not a Lede record (no `text`)")
            }
            let offsets = TextLayout.utf8Offsets(text)
            func range(_ span: [String: Any]) -> Range<Int>? {
                guard let s = span["start"] as? Int, let e = span["end"] as? Int, s >= 0, s < e, e < offsets.count else { return nil }
                return offsets[s]..<offsets[e]
            }
            var names: [(range: Range<Int>, label: String)] = []
            for e in object["entities"] as? [[String: Any]] ?? [] {
                guard let r = range(e), let label = (e["label"] as? String).flatMap(normalized) else { continue }
                names.append((r, label))
            }
            var starts = (object["sentences"] as? [[String: Any]] ?? []).compactMap { range($0)?.lowerBound }
            if starts.isEmpty { starts = [0] }
            documents.append(AnnotatedDocument(text: Array(text.utf8), sentenceStarts: starts,
                                               names: names.sorted { $0.range.lowerBound < $1.range.lowerBound }))
        }
        return documents
    }
}
