import Foundation
import LedeCore
import LedeText

/// One compiled rule of `clean-captions`.
public struct CaptionRule: @unchecked Sendable, CustomDebugStringConvertible {
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
        /// Look only at the last this many characters of the paragraph (for credit lines at its end): the
        /// triggers must occur there and the pattern sees only that tail.
        public var tailChars: Int?

        enum CodingKeys: String, CodingKey {
            case id, reason, pattern, triggers, scope, credit, position
            case maxChars = "max_chars"
            case tailChars = "tail_chars"
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
            tailChars = try c.decodeIfPresent(Int.self, forKey: .tailChars)
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
    let tailChars: Int?
    /// A hand-written matcher that answers like `regex` (NativeMatchers.swift), for the busiest built-in rules.
    let native: NativeMatcher?
    /// The pattern compiled for the linear-time engine (LinearRegex.swift), which answers like `regex` and
    /// cannot backtrack exponentially; nil when the pattern needs ICU (see ``engine``).
    let linear: LinearRegex?
    /// Why the pattern runs on ICU, when it does.
    let icuReason: String?

    /// The rule's id and its engine, for debugging.
    public var debugDescription: String { "CaptionRule(\(id), \(engine))" }

    /// Whether the built-in rules run on the linear engine too (they are all regular); see docs/performance.md.
    static let builtinsOnLinearEngine = true

    /// Which engine runs the pattern: `linear`, or `ICU` with why; ICU searches stop at ``BoundedRegex/limit``.
    public var engine: String {
        icuReason.map { "ICU with a \(BoundedRegex.limit)-second limit per search (\($0))" } ?? "linear"
    }

    /// Compiles a rule. With `linear`, a pattern the linear-time engine supports runs on it; otherwise, and
    /// for the rest, on ICU under the time limit.
    init(_ spec: Spec, native useNative: Bool = true, linear useLinear: Bool = true) throws {
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
        if let tail = spec.tailChars, tail <= 0 { throw OptionError("tail_chars must be positive", at: ["tail_chars"]) }
        id = spec.id
        reason = spec.reason
        triggers = spec.triggers
        scope = spec.scope
        creditGroup = spec.credit
        maxChars = spec.maxChars
        position = spec.position
        tailChars = spec.tailChars
        native = useNative ? NativeMatchers.byRule[spec.id].flatMap { $0.pattern == spec.pattern ? $0.match : nil } : nil
        if useLinear {
            do {
                linear = try LinearRegex(spec.pattern)
                icuReason = nil
            } catch {
                linear = nil
                icuReason = "the pattern uses " + error.description
            }
        } else {
            linear = nil
            icuReason = "the linear engine is switched off for this rule"
        }
    }

    /// One paragraph as the rules see it: its bytes, and the text of the window a rule looks at (all of it,
    /// or its tail), made once however many rules look at it.
    struct Paragraph {
        let bytes: UnsafeBufferPointer<UInt8>
        let range: Range<Int>
        private var windows: [(start: Int, text: String)] = []

        init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            self.bytes = bytes
            self.range = range
        }

        /// Whether the paragraph has at most `limit` characters. Bytes bound characters from both sides
        /// (one to four bytes each), and counting stops as soon as the limit is passed.
        func characters(atMost limit: Int) -> Bool {
            if range.count <= limit { return true }
            if range.count > 4 * limit { return false }
            var count = 0
            for i in range where bytes[i] & 0xC0 != 0x80 {
                count += 1
                if count > limit { return false }
            }
            return true
        }

        /// The byte offset where the last `chars` characters begin.
        func tailStart(chars: Int) -> Int {
            var i = range.upperBound, seen = 0
            while i > range.lowerBound, seen < chars {
                i -= 1
                if bytes[i] & 0xC0 != 0x80 { seen += 1 }
            }
            return i
        }

        /// The text a rule looks at, from `start` to the end of the paragraph.
        mutating func window(from start: Int) -> String {
            if let cached = windows.first(where: { $0.start == start }) { return cached.text }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<range.upperBound]), as: UTF8.self)
            windows.append((start, text))
            return text
        }
    }

    /// The cuts this rule makes in one paragraph, or nil when it does not apply.
    /// - Throws: ``DocumentError`` when the pattern runs past ``BoundedRegex/limit`` (a ReDoS pattern).
    func apply(_ paragraph: inout Paragraph) throws -> [Cut]? {
        guard paragraph.characters(atMost: maxChars) else { return nil }
        let range = paragraph.range
        let base = tailChars.map { paragraph.tailStart(chars: $0) } ?? range.lowerBound
        if scope == .paragraph, let native {
            switch native(paragraph.bytes, base..<range.upperBound) {
            case .noMatch: return nil
            case .match(let creditStart): return cuts(paragraph, creditStart: creditGroup == nil ? nil : creditStart)
            case .unsure: break
            }
        }
        if let linear {
            let window = base..<range.upperBound
            switch scope {
            case .match:
                if let all = linear.allMatches(paragraph.bytes, window, capturing: 0) {
                    let cuts = all.filter { $0[1] > $0[0] }.map { Cut($0[0]..<$0[1], reason: reason, rule: id) }
                    return cuts.isEmpty ? nil : cuts
                }
            case .paragraph:
                switch linear.firstMatch(paragraph.bytes, window, capturing: creditGroup) {
                case .noMatch: return nil
                case .match(let slots):
                    if let group = creditGroup, slots[2 * group] >= 0 { return cuts(paragraph, creditStart: slots[2 * group]) }
                    return cuts(paragraph, creditStart: nil)
                case .unsure: break
                }
            }
            // The text needs full case folding: ICU decides, under its time limit.
        }
        let string = paragraph.window(from: base)
        func offset(_ utf16: Int) -> Int {
            base + string.utf8.distance(from: string.startIndex, to: String.Index(utf16Offset: utf16, in: string))
        }
        let whole = NSRange(location: 0, length: string.utf16.count)
        switch scope {
        case .match:
            let matches = try bounded(string, whole, firstOnly: false).filter { $0.range.length > 0 }
            guard !matches.isEmpty else { return nil }
            return matches.map { Cut(offset($0.range.location)..<offset($0.range.location + $0.range.length), reason: reason, rule: id) }
        case .paragraph:
            guard let match = try bounded(string, whole, firstOnly: true).first else { return nil }
            if let group = creditGroup, match.range(at: group).location != NSNotFound {
                return cuts(paragraph, creditStart: offset(match.range(at: group).location))
            }
            return cuts(paragraph, creditStart: nil)
        }
    }

    /// The regex's matches, under BoundedRegex's time limit; past it, the document is quarantined.
    private func bounded(_ string: String, _ range: NSRange, firstOnly: Bool) throws -> [NSTextCheckingResult] {
        do {
            return try BoundedRegex.matches(regex, in: string, range: range, firstOnly: firstOnly, rule: id)
        } catch let error as RegexTimeLimit {
            throw DocumentError(error.description)
        }
    }

    /// What a match removes: the paragraph, or the caption before the credit and the credit itself.
    private func cuts(_ paragraph: Paragraph, creditStart: Int?) -> [Cut] {
        let range = paragraph.range
        guard let creditStart else { return [Cut(range, reason: reason, rule: id, absorbsWhitespace: true)] }
        var captionEnd = creditStart
        while captionEnd > range.lowerBound, TextLayout.isSpace(paragraph.bytes[captionEnd - 1]) { captionEnd -= 1 }
        var cuts: [Cut] = []
        if captionEnd > range.lowerBound {
            cuts.append(Cut(range.lowerBound..<captionEnd, reason: reason, rule: id, absorbsWhitespace: true))
        }
        cuts.append(Cut(creditStart..<range.upperBound, reason: "credit", rule: id, absorbsWhitespace: true))
        return cuts
    }

    /// What the rule's regular expression alone says about a window: for comparing native matchers with it.
    func regexVerdict(_ bytes: UnsafeBufferPointer<UInt8>, _ window: Range<Int>) -> NativeVerdict {
        let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[window]), as: UTF8.self)
        guard let match = regex.firstMatch(in: string, range: NSRange(location: 0, length: string.utf16.count)) else { return .noMatch }
        guard let group = creditGroup, match.range(at: group).location != NSNotFound else { return .match(creditStart: nil) }
        let index = String.Index(utf16Offset: match.range(at: group).location, in: string)
        return .match(creditStart: window.lowerBound + string.utf8.distance(from: string.startIndex, to: index))
    }
}
