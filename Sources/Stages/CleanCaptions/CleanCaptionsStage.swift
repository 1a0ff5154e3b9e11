import Foundation
import CleanCaptionsFeatures
import CleanCaptionsRoles
import LedeCore
import LedeText

/// Removes photo captions, credit lines, notices, bylines, signatures and site chrome, recording each removal.
public struct CleanCaptionsStage: DocumentStage {
    /// Options of `clean-captions`.
    public struct Options: DeclaredOptions {
        /// Rules added to (or, with `replace_builtin`, replacing) the built-in ones; they are tried first.
        @StageOption(help: "extra rules, tried before the built-in ones: {id, reason, pattern, triggers, scope, credit, max_chars, position}")
        public var rules: [CaptionRule.Spec] = []
        /// Ids of built-in rules to switch off.
        @StageOption(help: "ids of built-in rules to switch off: " +
                ((try? CleanCaptionsStage.builtinRules().map { "\($0.id) (\($0.reason))" }.joined(separator: ", ")) ?? ""))
        public var disable: [String] = []
        /// Use only `rules`.
        @StageOption(help: "use only the rules given here")
        public var replaceBuiltin = false
        /// How paragraphs are found when `split` has not run yet.
        @StageOption(help: "auto, blank-line or line, when split has not run yet")
        public var paragraphs: TextLayout.ParagraphMode = .auto
        /// Give every paragraph no rule removed a role with the role model, and remove the removable ones.
        @StageOption(help: "score every paragraph no rule names (headline, byline, dateline, body, caption, credit, notice, chrome, signature) and remove captions, credits, bylines, notices, chrome and signatures the model is sure of; the model's features and weights are Sources/CleanCaptionsFeatures/roles.yaml:" + RoleModel.summary)
        public var roles = true
        /// A role model file replacing the bundled `roles.yaml` (relative to the pipeline file).
        @StageOption(help: "a file replacing the bundled role model (roles.yaml): features, weights, thresholds, word lists")
        public var roleModel: String?
        /// Confidence thresholds by role, over the model's own.
        @StageOption(help: "confidence per role at or above which it is applied, e.g. {caption: 0.9}; below it (down to the model's flag) the paragraph stays, flagged in the structure layer")
        public var thresholds: [String: Double] = [:]

        /// The defaults.
        public init() {}
    }

    /// `clean-captions`.
    public static let descriptor = StageDescriptor(
        name: "clean-captions",
        summary: "Removes photo captions, credit lines, AI-translation notices, footers, bylines and site chrome",
        version: "2",
        produces: [Layer.removed, CleanCaptionsStage.structureLayer],
        options: Options.help
    )

    /// The layer of kept structure: `headline` and `dateline` spans (with `place`, `agency`, `date`), and
    /// zero-length `byline` (`value`, `names`) and `published` (`value`) marks where removed text gave them, and
    /// paragraphs kept below their role's threshold (`flagged`, `confidence`, `signals`).
    public static let structureLayer = "structure"

    /// Built-in rules that were removed: a pipeline that still disables one loads, with a warning.
    static let retiredRules: Set<String> = ["chrome-watch-teaser"]

    /// The built-in rules, from the bundled rules.yaml.
    public static func builtinRules() throws -> [CaptionRule.Spec] {
        let text = String(decoding: PackageResources.rules_yaml, as: UTF8.self)
        return try OptionsLoader.decode(RuleFile.self, yaml: text, file: "clean-captions/rules.yaml").rules
    }

    struct RuleFile: Decodable {
        var rules: [CaptionRule.Spec]
    }

    /// The compiled rules. With the built-in rules as they are, they are compiled at the first document
    /// (`lede validate` need not compile patterns the tests check); rules the pipeline adds or changes are
    /// compiled in `init`, so their errors surface there.
    let compiled: Deferred<RuleSet>
    let paragraphMode: TextLayout.ParagraphMode
    /// The role model, or nil with `roles: false`.
    let roleModel: Deferred<RoleModel>?

    /// Compiled rules and their triggers.
    struct RuleSet: Sendable {
        let rules: [CaptionRule]
        /// Triggers of rules that may fire anywhere, and of rules that fire only in the trailing block: the
        /// second set is scanned only while the paragraphs seen from the end are all being removed. A hit of
        /// a rule with `tail_chars` counts only when it ends inside that tail.
        let anywhere: Triggers
        let trailing: Triggers

        /// Compiles rules; an error names the place of the rule in the pipeline file (`path`), when it has one.
        init(_ specs: [(CaptionRule.Spec, [OptionPathComponent]?)]) throws {
            var seen: Set<String> = []
            var compiled: [CaptionRule] = []
            for (spec, path) in specs {
                guard seen.insert(spec.id).inserted else {
                    throw OptionError("two rules are called '\(spec.id)'", at: (path ?? []) + ["id"])
                }
                do {
                    compiled.append(try CaptionRule(spec, linear: path != nil || CaptionRule.builtinsOnLinearEngine))
                } catch let error as OptionError {
                    throw OptionError(error.message, at: (path ?? []) + error.path, hint: error.hint)
                }
            }
            rules = compiled
            anywhere = Triggers(compiled) { $0.position == .any }
            trailing = Triggers(compiled) { $0.position == .last }
        }

        /// The built-in rules, compiled once per process.
        static let builtin: RuleSet = {
            // rules.yaml is bundled and every test compiles it; it cannot fail at a user's.
            try! RuleSet(CleanCaptionsStage.builtinRules().map { ($0, nil) })
        }()
    }

    /// An automaton over some rules' triggers, and which rule each trigger belongs to.
    struct Triggers {
        let automaton: ByteAutomaton
        let rule: [Int]

        init(_ rules: [CaptionRule], where include: (CaptionRule) -> Bool) {
            var patterns: [[UInt8]] = []
            var owner: [Int] = []
            for (i, rule) in rules.enumerated() where include(rule) {
                for trigger in rule.triggers {
                    patterns.append(Array(trigger.utf8))
                    owner.append(i)
                }
            }
            automaton = ByteAutomaton(patterns)
            rule = owner
        }

        func collect(_ paragraph: inout CaptionRule.Paragraph, rules: [CaptionRule], into hit: inout [Int]) {
            guard automaton.count > 0 else { return }
            var tails: [(chars: Int, start: Int)] = []
            automaton.scan(paragraph.bytes, paragraph.range) { id, found in
                let r = rule[id]
                guard !hit.contains(r) else { return }
                if let chars = rules[r].tailChars {
                    let start: Int
                    if let known = tails.first(where: { $0.chars == chars }) {
                        start = known.start
                    } else {
                        start = paragraph.tailStart(chars: chars)
                        tails.append((chars, start))
                    }
                    guard found.upperBound > start else { return }
                }
                hit.append(r)
            }
        }
    }

    /// Checks the options and compiles the rules they add; a bad pattern is reported at its place in the
    /// pipeline file.
    public init(options: Options, context: StageContext) throws {
        paragraphMode = options.paragraphs
        if !options.roles {
            roleModel = nil
        } else if let file = options.roleModel {
            let text = String(decoding: try context.read(file), as: UTF8.self)
            let decoded: RoleModel.File
            do {
                decoded = try OptionsLoader.decode(RoleModel.File.self, yaml: text, file: context.resolve(file))
            } catch let error as OptionError {
                throw OptionError("\(file): \(error.message)", at: ["role_model"], hint: error.hint)
            }
            let model = try RoleModel(decoded, thresholds: options.thresholds)
            roleModel = Deferred { model }
        } else if options.thresholds.isEmpty {
            roleModel = Deferred { RoleModel.builtin }
        } else {
            let model = try RoleModel(try RoleModel.builtinFile(), thresholds: options.thresholds)
            roleModel = Deferred { model }
        }
        guard options.replaceBuiltin || !options.disable.isEmpty || !options.rules.isEmpty else {
            compiled = Deferred { RuleSet.builtin }
            return
        }
        // The user's rules first: where one of theirs and a built-in one both match, theirs decides.
        var specs: [(CaptionRule.Spec, [OptionPathComponent]?)] = options.rules.enumerated().map { ($1, ["rules", .index($0)]) }
        if !options.replaceBuiltin {
            let builtin = try Self.builtinRules()
            let known = Set(builtin.map(\.id))
            for (i, id) in options.disable.enumerated() where !known.contains(id) && !Self.retiredRules.contains(id) {
                throw OptionError("no built-in rule is called '\(id)'", at: ["disable", .index(i)],
                                  hint: Suggest.nearest(id, in: known).map { "did you mean '\($0)'?" })
            }
            specs += builtin.filter { !options.disable.contains($0.id) }.map { ($0, nil) }
        }
        for id in options.disable where Self.retiredRules.contains(id) {
            context.logger.warning("clean-captions: the built-in rule '\(id)' no longer exists (the paragraph-role scorer does its work); disabling it does nothing")
        }
        let set = try RuleSet(specs)
        for rule in set.rules.prefix(options.rules.count) {
            context.logger.debug("clean-captions: rule '\(rule.id)' runs on \(rule.engine)")
        }
        compiled = Deferred { set }
    }

    /// Finds removable paragraphs and credits with the rules, gives the other paragraphs a role with the role
    /// model, and removes what is to go through the document's removal (LedeCore).
    public func process(_ document: inout Document) throws {
        let paragraphs: [Range<Int>] = document.hasLayer(Layer.paragraphs)
            ? document.spans(Layer.paragraphs).map(\.range)
            : TextLayout.paragraphs(of: document.text, mode: paragraphMode)
        let compiled = compiled.value
        let rules = compiled.rules
        let model = roleModel?.value
        var text = document.text
        let (cuts, structure) = try text.withUTF8 { b throws -> ([Cut], [Span]) in
            // From the end backwards, so `position: last` rules see the trailing block of paragraphs.
            var cuts: [Cut] = []
            var ruled = [RoleScorer.Ruled](repeating: .none, count: paragraphs.count)
            var trailing = true
            var hit: [Int] = []
            for (index, range) in paragraphs.enumerated().reversed() {
                hit.removeAll(keepingCapacity: true)
                var paragraph = CaptionRule.Paragraph(b, range)
                compiled.anywhere.collect(&paragraph, rules: rules, into: &hit)
                if trailing { compiled.trailing.collect(&paragraph, rules: rules, into: &hit) }
                guard !hit.isEmpty else {
                    trailing = false
                    continue
                }
                hit.sort()
                var removedWhole = false
                for r in hit {
                    let rule = rules[r]
                    if let found = try rule.apply(&paragraph) {
                        cuts += found
                        let trimmed = TextLayout.trim(b, range)
                        if found.count == 1, found[0].reason == "credit", found[0].range.lowerBound <= trimmed.lowerBound {
                            ruled[index] = .credit
                        } else {
                            ruled[index] = .other(found.first?.reason ?? rule.reason)
                        }
                        if rule.scope == .paragraph { removedWhole = true; break }
                    }
                }
                if !removedWhole { trailing = false }
            }
            guard let model else { return (cuts, []) }
            let scored = RoleScorer(model: model).run(b, paragraphs: paragraphs, ruled: ruled)
            return (cuts + scored.cuts, scored.structure)
        }
        if !structure.isEmpty { try document.setLayer(Self.structureLayer, structure) }
        try document.remove(cuts)
    }
}
