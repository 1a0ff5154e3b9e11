import Foundation
import LedeCore
import LedeText

/// The role a paragraph plays in a pasted news page.
public enum ParagraphRole: String, Codable, Sendable, CaseIterable {
    /// The article's title.
    case headline
    /// `By NAME`, with or without an address.
    case byline
    /// A place, date or agency line (`SEOUL, Nov. 20 (Yonhap)`, `Tuesday, May 3, 2022`).
    case dateline
    /// Article text.
    case body
    /// A photo caption.
    case caption
    /// A photo or source credit.
    case credit
    /// A translation notice, a disclaimer.
    case notice
    /// Navigation, share buttons, tags, subscription pleas, timestamps of the page.
    case chrome
    /// The reporter's sign-off: an address, a handle, `(END)`.
    case signature

    /// Whether a paragraph with this role is removed from the text (the others stay, marked).
    public var isRemoved: Bool {
        switch self {
        case .caption, .credit, .notice, .chrome, .signature, .byline: return true
        case .headline, .dateline, .body: return false
        }
    }
}

/// What the role scorer looks at in a paragraph. Each feature is present or not; `roles.yaml` describes each.
package enum RoleFeature: Int, Sendable, CaseIterable {
    case first
    case top
    case tail
    case last
    case firstContent
    case beforeCredit
    case short
    case tiny
    case long
    case headlineLength
    case noEndPunct
    case endsPeriod
    case sentences
    case capitalized
    case quote
    case photoVerb
    case agencyEnd
    case creditStart
    case creditEnd
    case creditTail
    case creditLabel
    case slashName
    case bracketed
    case copyright
    case email
    case handle
    case url
    case time
    case date
    case dateOnly
    case byStart
    case endMarker
    case chromeWord
    case chromeWords
    case chromeLabel
    case hashtag
    case pleaStart
    case pleaWords
    case noticeWords
    case thisArticle
    case staffTitle
    case datelineOnly
    case beforeContent
    case afterBody
    case timestamp
    case titleLabel
    case photoBy
    case whenEnd
    case positionMark
    case colonLead
    case sceneLine
    case altLine
    case nearRemoved
    case aboveBody
    case slashCredit
    case republished
    case deskLine
    case outletLine
    case beforeTitleLine
    case bylineRepeat
    case dateStamp
    case timeStamp
    case consent
    case widget
    case linkLine
    case repeated
    case labelLine
    case labelInside
    case afterLabel
    case relatedRun
    case captionSentence
    case nameByStamp
    case kicker
    case labelColon
    case signOff
    case teaser
    case headlineCopy
    case pageTitle
    case masthead
    case authorLabel
    case nextItem
    case authorBio
    case headerName
    case titleByline
    case otherScript
    case captionPair
    case overCredit
    case commentThread

    /// The feature's name in `roles.yaml`.
    package var name: String { Self.names[rawValue] }

    /// The feature called `name`, if there is one.
    package init?(name: String) {
        guard let i = Self.names.firstIndex(of: name) else { return nil }
        self.init(rawValue: i)
    }

    package static let names = [
        "first",
        "top",
        "tail",
        "last",
        "first-content",
        "before-credit",
        "short",
        "tiny",
        "long",
        "headline-length",
        "no-end-punct",
        "ends-period",
        "sentences",
        "capitalized",
        "quote",
        "photo-verb",
        "agency-end",
        "credit-start",
        "credit-end",
        "credit-tail",
        "credit-label",
        "slash-name",
        "bracketed",
        "copyright",
        "email",
        "handle",
        "url",
        "time",
        "date",
        "date-only",
        "by-start",
        "end-marker",
        "chrome-word",
        "chrome-words",
        "chrome-label",
        "hashtag",
        "plea-start",
        "plea-words",
        "notice-words",
        "this-article",
        "staff-title",
        "dateline-only",
        "before-content",
        "after-body",
        "timestamp",
        "title-label",
        "photo-by",
        "when-end",
        "position-mark",
        "colon-lead",
        "scene-line",
        "alt-line",
        "near-removed",
        "above-body",
        "slash-credit",
        "republished",
        "desk-line",
        "outlet-line",
        "before-title-line",
        "byline-repeat",
        "date-stamp",
        "time-stamp",
        "consent",
        "widget",
        "link-line",
        "repeated",
        "label-line",
        "label-inside",
        "after-label",
        "related-run",
        "caption-sentence",
        "name-by-stamp",
        "kicker",
        "label-colon",
        "sign-off",
        "teaser",
        "headline-copy",
        "page-title",
        "masthead",
        "author-label",
        "next-item",
        "author-bio",
        "header-name",
        "title-byline",
        "other-script",
        "caption-pair",
        "over-credit",
        "comment-thread",
    ]

    /// The feature's word in a ``RoleFeatures`` set, and its bit there.
    @inline(__always) package var word: Int { rawValue >> 6 }
    @inline(__always) package var bit: UInt64 { 1 << UInt64(rawValue & 63) }
}

/// The features present in one paragraph, as bits: at most 128 features, in two words.
package struct RoleFeatures: Equatable {
    /// Two words of 64 bits: features 0 to 63, then 64 to 127.
    package var bits: (UInt64, UInt64) = (0, 0)
    package subscript(_ f: RoleFeature) -> Bool {
        get { (f.word == 0 ? bits.0 : bits.1) & f.bit != 0 }
        set {
            if f.word == 0 {
                if newValue { bits.0 |= f.bit } else { bits.0 &= ~f.bit }
            } else {
                if newValue { bits.1 |= f.bit } else { bits.1 &= ~f.bit }
            }
        }
    }
    package static func == (a: RoleFeatures, b: RoleFeatures) -> Bool { a.bits == b.bits }
    /// The features present, in declaration order.
    package var present: [RoleFeature] { RoleFeature.allCases.filter { self[$0] } }
}

/// The weights, thresholds and word lists the scorer uses: the bundled `roles.yaml`, or a file named by the
/// `role_model` option, with the pipeline's `thresholds` on top.
public struct RoleModel: Sendable {
    /// One role's linear score.
    public struct Role: Codable, Sendable, Equatable {
        /// Confidence at or above which the paragraph gets the role.
        public var threshold: Double
        /// The score with no feature present.
        public var bias: Double
        /// Added to the score for each feature present, by feature name.
        public var weights: [String: Double]

        /// Decodes a role; `weights` may be omitted.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            threshold = try c.decodeIfPresent(Double.self, forKey: .threshold) ?? 0.8
            bias = try c.decodeIfPresent(Double.self, forKey: .bias) ?? 0
            weights = try c.decodeIfPresent([String: Double].self, forKey: .weights) ?? [:]
        }
        package enum CodingKeys: String, CodingKey { case threshold, bias, weights }
    }

    /// The file as written.
    public struct File: Codable, Sendable {
        /// Confidence at or above which a paragraph that gets no role is kept and flagged.
        public var flag: Double
        /// Longer paragraphs (in bytes) are body text without scoring.
        public var maxChars: Int
        /// The scored roles, by name (every role but `body`).
        public var roles: [String: Role]
        /// Word lists, by name: `agency`, `credit`, `photo-verb`, `chrome`, `plea`, `notice`, `title`.
        public var words: [String: [String]]

        package enum CodingKeys: String, CodingKey {
            case flag, roles, words
            case maxChars = "max_chars"
        }

        /// Decodes the file, with defaults for `flag` and `max_chars`.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            flag = try c.decodeIfPresent(Double.self, forKey: .flag) ?? 0.5
            maxChars = try c.decodeIfPresent(Int.self, forKey: .maxChars) ?? 600
            roles = try c.decode([String: Role].self, forKey: .roles)
            words = try c.decodeIfPresent([String: [String]].self, forKey: .words) ?? [:]
        }
    }

    /// Word-list flags in ``words``.
    package enum Word {
        package static let agency: UInt64 = 1, credit: UInt64 = 2, photoVerb: UInt64 = 4, chrome: UInt64 = 8
        package static let plea: UInt64 = 16, notice: UInt64 = 32, title: UInt64 = 64, month: UInt64 = 128
        package static let weekday: UInt64 = 256, weekdayShort: UInt64 = 512, desk: UInt64 = 1024, stamp: UInt64 = 2048
        package static let consent: UInt64 = 4096
        package static let lists: [String: UInt64] = ["agency": agency, "credit": credit, "photo-verb": photoVerb,
                                              "chrome": chrome, "plea": plea, "notice": notice, "title": title,
                                              "desk": desk, "stamp": stamp, "consent": consent]
    }

    /// A role's compiled weights: bias, and one weight per feature bit.
    package struct Compiled: Sendable {
        package let role: ParagraphRole
        package let threshold: Double
        package let bias: Double
        package let weights: [Double]
    }

    package let flag: Double
    package let maxChars: Int
    package let roles: [Compiled]
    package let words: WordFlags

    /// The bundled model.
    public static func builtinFile() throws -> File {
        let text = String(decoding: PackageResources.roles_yaml, as: UTF8.self)
        return try OptionsLoader.decode(File.self, yaml: text, file: "clean-captions/roles.yaml")
    }

    /// Checks and compiles a model; errors name the key at fault (under `path`).
    package init(_ file: File, thresholds: [String: Double] = [:], path: [OptionPathComponent] = []) throws {
        let scored = ParagraphRole.allCases.filter { $0 != .body }.map(\.rawValue)
        let features = RoleFeature.names
        var compiled: [Compiled] = []
        for (name, spec) in file.roles.sorted(by: { $0.key < $1.key }) {
            guard let role = ParagraphRole(rawValue: name), role != .body else {
                throw OptionError("no scored role is called '\(name)'", at: path + ["roles", .key(name)],
                                  hint: Suggest.nearest(name, in: Set(scored)).map { "did you mean '\($0)'?" })
            }
            var weights = [Double](repeating: 0, count: RoleFeature.allCases.count)
            for (feature, weight) in spec.weights {
                guard let f = RoleFeature(name: feature) else {
                    throw OptionError("no feature is called '\(feature)'", at: path + ["roles", .key(name), "weights", .key(feature)],
                                      hint: Suggest.nearest(feature, in: Set(features)).map { "did you mean '\($0)'?" })
                }
                weights[f.rawValue] = weight
            }
            compiled.append(Compiled(role: role, threshold: spec.threshold, bias: spec.bias, weights: weights))
        }
        for (name, value) in thresholds {
            guard let i = compiled.firstIndex(where: { $0.role.rawValue == name }) else {
                throw OptionError("no scored role is called '\(name)'", at: ["thresholds", .key(name)],
                                  hint: Suggest.nearest(name, in: Set(scored)).map { "did you mean '\($0)'?" })
            }
            guard value > 0, value <= 1 else {
                throw OptionError("a threshold is a confidence between 0 and 1", at: ["thresholds", .key(name)])
            }
            let c = compiled[i]
            compiled[i] = Compiled(role: c.role, threshold: value, bias: c.bias, weights: c.weights)
        }
        var words = WordFlags()
        for (list, entries) in file.words {
            guard let flag = Word.lists[list] else {
                throw OptionError("no word list is called '\(list)'", at: path + ["words", .key(list)],
                                  hint: Suggest.nearest(list, in: Set(Word.lists.keys)).map { "did you mean '\($0)'?" })
            }
            words.insert(entries, flag)
        }
        words.insert(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                      "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                      "nov", "dec"], Word.month)
        words.insert(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], Word.weekday)
        words.insert(["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"], Word.weekdayShort)
        guard file.flag > 0, file.flag <= 1 else { throw OptionError("flag is a confidence between 0 and 1", at: path + ["flag"]) }
        guard file.maxChars > 0 else { throw OptionError("max_chars must be positive", at: path + ["max_chars"]) }
        flag = file.flag
        maxChars = file.maxChars
        roles = compiled
        self.words = words
    }

    /// The bundled model in a few lines: each role's threshold and its strongest weights, for `lede stages`.
    package static var summary: String {
        guard let file = try? builtinFile() else { return "" }
        var lines: [String] = []
        for (name, role) in file.roles.sorted(by: { $0.key < $1.key }) {
            let weights = role.weights.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(6)
                .map { "\($0.key) \($0.value > 0 ? "+" : "")\($0.value)" }
            lines.append("\(name) at \(role.threshold): bias \(role.bias), " + weights.joined(separator: ", ") + ", ...")
        }
        lines.append("kept and flagged from confidence \(file.flag); a confidence is 1 / (1 + e^-(bias + weights of the features present))")
        return lines.map { "\n        " + $0 }.joined()
    }

    /// The built-in model, compiled once per process.
    package static let builtin: RoleModel = {
        // roles.yaml is bundled and every test compiles it; it cannot fail at a user's.
        try! RoleModel(RoleModel.builtinFile())
    }()

    /// A role decision: the role, its confidence, and the features that raised its score most.
    package struct Verdict {
        package var role: ParagraphRole
        package var confidence: Double
        /// Whether the confidence reached the role's threshold (else the paragraph is kept, flagged).
        package var decided: Bool
        package var signals: [RoleFeature]

        package init(role: ParagraphRole, confidence: Double, decided: Bool, signals: [RoleFeature]) {
            (self.role, self.confidence, self.decided, self.signals) = (role, confidence, decided, signals)
        }
    }

    /// The best role for a paragraph with these features, or nil for body text.
    package func judge(_ features: RoleFeatures) -> Verdict? {
        // The confidence grows with the score, so the best score is the best confidence.
        var best = -1, bestScore = -Double.infinity
        for (r, role) in roles.enumerated() {
            var score = role.bias
            role.weights.withUnsafeBufferPointer { w in
                var low = features.bits.0, high = features.bits.1
                while low != 0 {
                    score += w[low.trailingZeroBitCount]
                    low &= low - 1
                }
                while high != 0 {
                    score += w[64 + high.trailingZeroBitCount]
                    high &= high - 1
                }
            }
            if score > bestScore { best = r; bestScore = score }
        }
        guard best >= 0 else { return nil }
        let role = roles[best]
        let confidence = 1 / (1 + exp(-bestScore))
        guard confidence >= flag else { return nil }
        let signals = features.present
            .compactMap { f -> (RoleFeature, Double)? in
                let w = role.weights[f.rawValue]
                return w > 0 ? (f, w) : nil
            }
            .sorted { $0.1 > $1.1 }
            .prefix(3)
            .map(\.0)
        return Verdict(role: role.role, confidence: confidence, decided: confidence >= role.threshold, signals: signals)
    }
}
