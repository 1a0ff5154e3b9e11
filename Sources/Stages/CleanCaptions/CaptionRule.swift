import Foundation
import Kernel

/// One compiled rule of `clean-captions`.
public struct CaptionRule: @unchecked Sendable {
    /// A rule as written in YAML.
    public struct Spec: Codable, Sendable, Equatable {
        /// Shown as `rule` in every removal record.
        public var id: String
        /// `caption`, `credit`, `boilerplate`, `byline`, `chrome`, `signature`, or your own word.
        public var reason: String
        /// An ICU regular expression tested against one paragraph.
        public var pattern: String
        /// Plain texts, one of which the paragraph must contain before the pattern is tried.
        public var triggers: [String]
        /// `paragraph` (remove the paragraph) or `match` (remove the matched text).
        public var scope: Scope
        /// With `paragraph` scope: the capture group holding the credit line, recorded as `credit`.
        public var credit: Int?
        /// The longest paragraph the rule applies to, in characters.
        public var maxChars: Int
        /// `any`, or `last`: only in the trailing block of the document.
        public var position: Position

        enum CodingKeys: String, CodingKey {
            case id, reason, pattern, triggers, scope, credit, position
            case maxChars = "max_chars"
        }

        /// Decodes a rule; `id`, `reason`, `pattern` and `triggers` are required.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            reason = try c.decode(String.self, forKey: .reason)
            pattern = try c.decode(String.self, forKey: .pattern)
            triggers = try c.decode([String].self, forKey: .triggers)
            scope = try c.decodeIfPresent(Scope.self, forKey: .scope) ?? .paragraph
            credit = try c.decodeIfPresent(Int.self, forKey: .credit)
            maxChars = try c.decodeIfPresent(Int.self, forKey: .maxChars) ?? 600
            position = try c.decodeIfPresent(Position.self, forKey: .position) ?? .any
        }
    }

    /// What a match removes.
    public enum Scope: String, Codable, Sendable, CaseIterable {
        /// The whole paragraph.
        case paragraph
        /// Only the matched text.
        case match
    }

    /// Where a rule may fire.
    public enum Position: String, Codable, Sendable, CaseIterable {
        /// Anywhere.
        case any
        /// Only among the final paragraphs (those followed only by removed paragraphs).
        case last
    }

    let id: String
    let reason: String
    let regex: NSRegularExpression
    let triggers: [String]
    let scope: Scope
    let creditGroup: Int?
    let maxChars: Int
    let position: Position

    init(_ spec: Spec) throws {
        do {
            regex = try NSRegularExpression(pattern: spec.pattern)
        } catch {
            throw OptionError("the pattern of rule '\(spec.id)' is not a valid regular expression", at: ["pattern"],
                              hint: "patterns use ICU syntax, like NSRegularExpression")
        }
        guard !spec.triggers.isEmpty, spec.triggers.allSatisfy({ !$0.isEmpty }) else {
            throw OptionError("rule '\(spec.id)' needs at least one non-empty trigger", at: ["triggers"],
                              hint: "a trigger is plain text the paragraph must contain, such as \"Courtesy of\"")
        }
        if let group = spec.credit, group < 1 || group > regex.numberOfCaptureGroups {
            throw OptionError("rule '\(spec.id)' names capture group \(group), but its pattern has \(regex.numberOfCaptureGroups)",
                              at: ["credit"])
        }
        guard spec.maxChars > 0 else { throw OptionError("max_chars must be positive", at: ["max_chars"]) }
        id = spec.id
        reason = spec.reason
        triggers = spec.triggers
        scope = spec.scope
        creditGroup = spec.credit
        maxChars = spec.maxChars
        position = spec.position
    }

    /// One paragraph as the rules see it: its bytes, and its text bridged for the regular expressions once,
    /// on first use, however many rules look at it.
    struct Paragraph {
        let bytes: UnsafeBufferPointer<UInt8>
        let range: Range<Int>
        private(set) var scalarCount: Int?
        private var bridged: (String, NSString)?

        init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            self.bytes = bytes
            self.range = range
        }

        /// Characters, counted only when the byte length leaves the question open.
        mutating func characters(atMost limit: Int) -> Bool {
            if range.count <= limit { return true }
            if scalarCount == nil {
                var count = 0
                for i in range where bytes[i] & 0xC0 != 0x80 { count += 1 }
                scalarCount = count
            }
            return scalarCount! <= limit
        }

        mutating func text() -> (String, NSString) {
            if let bridged { return bridged }
            let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            let made = (string, string as NSString)
            bridged = made
            return made
        }

        /// The UTF-8 offset (in the document) of a UTF-16 offset in the paragraph.
        func utf8Offset(_ utf16: Int, in string: String) -> Int {
            let index = String.Index(utf16Offset: utf16, in: string)
            return range.lowerBound + string.utf8.distance(from: string.startIndex, to: index)
        }
    }

    /// The cuts this rule makes in one paragraph, or nil when it does not apply.
    func apply(_ paragraph: inout Paragraph) -> [Cut]? {
        guard paragraph.characters(atMost: maxChars) else { return nil }
        let (string, ns) = paragraph.text()
        let range = paragraph.range
        let whole = NSRange(location: 0, length: ns.length)
        switch scope {
        case .match:
            let matches = regex.matches(in: string, range: whole).filter { $0.range.length > 0 }
            guard !matches.isEmpty else { return nil }
            return matches.map {
                Cut(paragraph.utf8Offset($0.range.location, in: string)..<paragraph.utf8Offset($0.range.location + $0.range.length, in: string),
                    reason: reason, rule: id)
            }
        case .paragraph:
            guard let match = regex.firstMatch(in: string, range: whole) else { return nil }
            if let group = creditGroup, match.range(at: group).location != NSNotFound {
                let creditStart = paragraph.utf8Offset(match.range(at: group).location, in: string)
                var captionEnd = creditStart
                while captionEnd > range.lowerBound, TextLayout.isSpace(paragraph.bytes[captionEnd - 1]) { captionEnd -= 1 }
                var cuts: [Cut] = []
                if captionEnd > range.lowerBound {
                    cuts.append(Cut(range.lowerBound..<captionEnd, reason: reason, rule: id, absorbsWhitespace: true))
                }
                cuts.append(Cut(creditStart..<range.upperBound, reason: "credit", rule: id, absorbsWhitespace: true))
                return cuts
            }
            return [Cut(range, reason: reason, rule: id, absorbsWhitespace: true)]
        }
    }
}
