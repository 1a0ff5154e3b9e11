import Foundation
import LedeCore
import LedeIO
import LedeRecord

/// Runs a plugin written in any language as long-lived worker processes that speak JSON Lines
/// (docs/exec-protocol.md): each document goes to a worker as its output record, and the worker answers
/// with the spans it adds, and with the complete new spans of the layers it replaces (`replaces`).
///
/// A plugin that crashes is restarted (up to `restarts` times in all) and the document it was working on is
/// quarantined with the end of its stderr; one that spends longer than `timeout` on a document is killed
/// with its whole process group; a non-JSON answer, an overlong line or a span outside the text quarantines
/// that document with a message naming the plugin; a plugin that exits while documents wait stops the run.
public struct ExecStage: AsyncDocumentStage {
    /// Options of `exec`.
    public struct Options: DeclaredOptions {
        /// The command and its arguments; the first is looked up on the PATH unless it holds a slash.
        @StageOption(help: "the plugin command and its arguments: [python3, plugins/sentiment.py]")
        public var command: [String] = []
        /// Longest time for one document (`5s`, `500ms`, `2m`, or seconds).
        @StageOption(help: "longest time for one document before the worker is killed (default 30s)", decode: Options.duration)
        public var timeout = "30s"
        /// Longest time to start and answer the handshake.
        @StageOption(help: "longest time to start and answer the handshake (default 30s)", decode: Options.duration)
        public var startupTimeout = "30s"
        /// How many times in all crashed or killed workers are started again before the run stops.
        @StageOption(help: "restarts allowed in all after crashes or timeouts, then the run stops (default 3)")
        public var restarts = 3
        /// Worker processes; nil means one per `--jobs` (encoded as null, so that `lede explain` lists it).
        @StageOption(help: "worker processes (default: one per --jobs)")
        public var workers: Int?
        /// Variables set in the plugin's environment.
        @StageOption(help: "variables to set in the plugin's environment, which is otherwise minimal")
        public var env: [String: String] = [:]
        /// Variables passed through from Lede's own environment.
        @StageOption(help: "names of variables to pass through from lede's environment")
        public var passEnv: [String] = []
        /// The plugin's working folder, relative to the pipeline file.
        @StageOption(help: "the plugin's working folder, relative to the pipeline file (default .)")
        public var directory = "."
        /// The longest line a plugin may write.
        @StageOption(help: "the longest answer line accepted (default 16 MiB)")
        public var maxLineBytes = 16 << 20
        /// The layers the plugin may replace as a whole (its answers' `"replace"`), which its handshake must
        /// declare too. Named here so that the manifest and the journal's fingerprint record them.
        @StageOption(help: "layers the plugin may replace or delete spans of, as its handshake declares: [entities] (default none: it only adds)")
        public var replaces: [String] = []

        /// The defaults.
        public init() {}

        /// A duration written as a number of seconds or as text (`5s`); checked when the stage is created.
        @Sendable static func duration(_ decoder: any Decoder) throws -> String {
            let value = try decoder.singleValueContainer()
            if let seconds = try? value.decode(Int.self) { return "\(seconds)" }
            return try value.decode(String.self)
        }
    }

    /// `exec`.
    public static let descriptor = StageDescriptor(
        name: "exec",
        summary: "Runs a plugin in any language as worker processes over JSON Lines (docs/exec-protocol.md)",
        version: "1",
        options: Options.help
    )

    /// None: a plugin needs a process to run (see Examples/plugins and its tests).
    public static let examples: [StageExample] = []

    let pool: ExecPool

    /// Creates the stage: checks the options and finds the command. Workers start with the first document.
    public init(options: Options, context: StageContext) throws {
        guard !options.command.isEmpty else {
            throw OptionError("'command' is required: the plugin to run and its arguments", at: ["command"],
                              hint: "command: [python3, plugins/sentiment.py]")
        }
        guard let timeout = ExecProtocol.duration(options.timeout) else {
            throw OptionError("'\(options.timeout)' is not a duration", at: ["timeout"], hint: "write 5s, 500ms or 2m")
        }
        guard let startup = ExecProtocol.duration(options.startupTimeout) else {
            throw OptionError("'\(options.startupTimeout)' is not a duration", at: ["startup_timeout"], hint: "write 5s, 500ms or 2m")
        }
        guard options.restarts >= 0 else { throw options.invalid(options.$restarts, "cannot be negative") }
        if let workers = options.workers, !(1...256).contains(workers) {
            throw options.invalid(options.$workers, "must be between 1 and 256")
        }
        guard options.maxLineBytes >= 1024 else { throw options.invalid(options.$maxLineBytes, "must be at least 1024") }
        for (i, layer) in options.replaces.enumerated() {
            guard !layer.isEmpty, ExecProtocol.writable(layer) else {
                throw OptionError("'\(layer)' is not a layer a plugin can replace", at: ["replaces", .index(i)],
                                  hint: "name layers of spans: entities, sentences, quotes, or a plugin's own")
            }
            guard !options.replaces[..<i].contains(layer) else {
                throw OptionError("'\(layer)' is named twice", at: ["replaces", .index(i)])
            }
        }
        let directory = context.resolve(options.directory)
        guard Paths.kind(directory) == .directory else {
            throw OptionError("no folder '\(directory)'", at: ["directory"])
        }
        var arguments = options.command
        let parentEnvironment = ProcessInfo.processInfo.environment
        let path = parentEnvironment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        if arguments[0].contains("/") {
            let resolved = Paths.join(directory, arguments[0])
            guard access(resolved, X_OK) == 0, Paths.kind(resolved) == .file else {
                throw OptionError("'\(resolved)' is not an executable file", at: ["command", 0],
                                  hint: Paths.kind(resolved) == .file ? "chmod +x it, or run it through its interpreter: [python3, \(arguments[0])]" : "paths are relative to the 'directory' option (the pipeline's folder by default)")
            }
            arguments[0] = resolved
        } else {
            let found = path.split(separator: ":").map { Paths.join(String($0), arguments[0]) }
                .first { access($0, X_OK) == 0 && Paths.kind($0) == .file }
            guard let found else {
                throw OptionError("'\(arguments[0])' is not on the PATH", at: ["command", 0])
            }
            arguments[0] = found
        }
        // The plugin's own files (its script, a rules file it is given) are recorded in the manifest, so
        // `lede verify` notices when they change and `--resume` never reuses results of an older version.
        // Programs found on the PATH (the interpreter) and files over 64 MB (a model) are not read.
        for (i, argument) in options.command.enumerated() where i > 0 || argument.contains("/") {
            let relative = Paths.join(options.directory, argument)
            let full = context.resolve(relative)
            if Paths.kind(full) == .file, let size = Paths.size(full), size <= 64 << 20 { _ = try context.read(relative) }
        }
        for name in options.passEnv where !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
            throw OptionError("'\(name)' is not an environment variable name", at: ["pass_env"])
        }
        // The whole environment, explicitly: nothing else of lede's (tokens, credentials) reaches a plugin.
        var environment: [String: String] = [
            "PATH": path, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "LEDE_EXEC_PROTOCOL": "\(ExecProtocol.version)",
        ]
        for name in options.passEnv { environment[name] = parentEnvironment[name] }
        for (name, value) in options.env { environment[name] = value }
        pool = ExecPool(config: ExecConfig(
            arguments: arguments,
            environment: environment.keys.sorted().map { "\($0)=\(environment[$0]!)" },
            directory: directory,
            timeout: timeout,
            startupTimeout: startup,
            restarts: options.restarts,
            workers: options.workers ?? context.jobs,
            maxLineBytes: options.maxLineBytes,
            stageName: Self.descriptor.name,
            replaces: options.replaces.sorted()
        ))
    }

    /// Sends the document to a worker, adds the spans it answers with and replaces the layers it rewrites.
    public func process(_ document: inout Document) async throws {
        let reply = try await pool.submit(id: document.id, line: Record.line(document))
        let plugin = pool.pluginName
        for text in reply.printed { document.warn("plugin '\(plugin)' printed: \(text)", kind: DocumentWarning.pluginOutput) }
        let answer: ExecProtocol.Answer
        do {
            answer = try ExecProtocol.answer(reply.line, parsed: reply.value)
        } catch let error as ExecProtocol.Violation {
            throw DocumentError("plugin '\(plugin)' answered badly: \(error.message)")
        }
        guard answer.id == document.id else {
            throw DocumentError("plugin '\(plugin)' answered for document '\(answer.id)' when '\(document.id)' was next; answers must come in the order of the requests")
        }
        if let error = answer.error { throw DocumentError("plugin '\(plugin)': \(error)") }
        let declared = pool.declaredLayers
        let replaceable = pool.config.replaces
        let trustOffsets = pool.declaredCodePoints
        var offsets: CodePointOffsets?
        // Every span of the answer is checked before the document changes.
        func spans(_ name: String, _ values: [JSONValue], replacing: Bool) throws -> [Span] {
            if offsets == nil { offsets = CodePointOffsets(document.text) }
            return try values.enumerated().map { i, value in
                do {
                    return try Self.span(value, offsets: offsets!, text: document.text, requireText: !trustOffsets, references: replacing)
                } catch let error as ExecProtocol.Violation {
                    throw DocumentError("plugin '\(plugin)' wrote a bad span (\((replacing ? "replace." : "") + name)[\(i)]): \(error.message)")
                }
            }
        }
        var added: [(String, [Span])] = []
        for (name, values) in answer.layers {
            guard declared.contains(name) else {
                throw DocumentError("plugin '\(plugin)' wrote layer '\(name)', which its handshake did not declare (declared: \(declared.joined(separator: ", ")))")
            }
            added.append((name, try spans(name, values, replacing: false)))
        }
        var replaced: [(String, [Span])] = []
        for (name, values) in answer.replace {
            guard replaceable.contains(name) else {
                let allowed = replaceable.isEmpty ? "it declared none" : "declared: " + replaceable.joined(separator: ", ")
                throw DocumentError("plugin '\(plugin)' replaced layer '\(name)', which its handshake did not declare in \"replaces\" (\(allowed))")
            }
            replaced.append((name, try spans(name, values, replacing: true)))
        }
        for (name, spans) in replaced { try document.setLayer(name, spans) }
        for (name, spans) in added { try document.append(spans, to: name) }
        for warning in answer.warnings { document.warn("\(plugin): \(warning)", kind: DocumentWarning.pluginWarning) }
    }

    /// Stops the workers: at the end of a run, by closing their input and waiting a little; when the run
    /// was cancelled (a signal, a failure), by killing their process groups at once.
    public func finish() async {
        if Task.isCancelled { pool.abort() } else { pool.finish() }
    }

    /// A span from an answer: code-point `start` and `end`, an optional `label`, an optional `text` that
    /// must match, and any other keys as attributes.
    /// Without `"offsets": "codepoints"` in the handshake (`requireText`), every span must carry its `text`.
    /// With `references` (a replaced layer, whose spans went out in the record and come back), an attribute
    /// that is a span reference as the record writes it (`{"start", "end", "text", ...}` whose text is the
    /// text at those offsets: a quote's speaker) is a span reference again, not a plain object.
    static func span(_ value: JSONValue, offsets: CodePointOffsets, text: String, requireText: Bool = false,
                     references: Bool = false) throws -> Span {
        guard case .object(let fields) = value else { throw ExecProtocol.Violation("a span must be a JSON object") }
        guard case .int(let s)? = fields["start"], case .int(let e)? = fields["end"] else {
            throw ExecProtocol.Violation("a span needs whole-number \"start\" and \"end\"")
        }
        guard s >= 0, s <= e, e <= offsets.count else {
            throw ExecProtocol.Violation("[\(s), \(e)) is outside the text, which has \(offsets.count) code points (offsets count code points, not bytes or UTF-16 units)")
        }
        let start = offsets.utf8(s), end = offsets.utf8(e)
        let actual = offsets.text(start..<end)
        if requireText, fields["text"] == nil {
            throw ExecProtocol.Violation("the span [\(s), \(e)) has no \"text\"; give each span the text it covers, " +
                                         "or declare \"offsets\": \"codepoints\" in the handshake")
        }
        if let claimed = fields["text"] {
            guard claimed == .string(actual) else {
                throw ExecProtocol.Violation("its \"text\" \(claimed) is not the text at [\(s), \(e)), \(actual.debugDescription)")
            }
        }
        var label: String?
        if let l = fields["label"] {
            guard case .string(let string) = l else { throw ExecProtocol.Violation("\"label\" must be a string") }
            label = string
        }
        var attributes = Attributes()
        for (key, value) in fields where !["start", "end", "text", "label"].contains(key) {
            attributes[key] = references ? reference(value, offsets: offsets) : value.attribute
        }
        return Span(start: start, end: end, label: label, attributes: attributes)
    }

    /// An attribute value, with every object that reads as a span reference (whole-number `start` and
    /// `end` inside the text, and the `text` at those offsets) made one again, its other keys included.
    static func reference(_ value: JSONValue, offsets: CodePointOffsets) -> AttributeValue {
        switch value {
        case .object(let fields):
            if case .int(let s)? = fields["start"], case .int(let e)? = fields["end"], case .string(let claimed)? = fields["text"],
               s >= 0, s <= e, e <= offsets.count, offsets.text(offsets.utf8(s)..<offsets.utf8(e)) == claimed {
                var extra = Attributes()
                for (key, value) in fields where !["start", "end", "text"].contains(key) {
                    extra[key] = reference(value, offsets: offsets)
                }
                return .span(SpanRef(start: offsets.utf8(s), end: offsets.utf8(e), extra: extra))
            }
            return .map(fields.mapValues { reference($0, offsets: offsets) })
        case .array(let items):
            return .list(items.map { reference($0, offsets: offsets) })
        default:
            return value.attribute
        }
    }
}

/// Code-point offsets to UTF-8 offsets for one text.
struct CodePointOffsets {
    /// UTF-8 offset of each code point, plus the end; nil for ASCII text, where they agree.
    private let table: [Int]?
    /// Code points in the text.
    let count: Int
    private let utf8: [UInt8]

    init(_ text: String) {
        let utf8 = Array(text.utf8)
        self.utf8 = utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            table = nil
            count = utf8.count
        } else {
            var t: [Int] = []
            t.reserveCapacity(utf8.count + 1)
            for (i, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 { t.append(i) }
            count = t.count
            t.append(utf8.count)
            table = t
        }
    }

    func utf8(_ codePoint: Int) -> Int { table?[codePoint] ?? codePoint }

    /// The text of a UTF-8 range.
    func text(_ range: Range<Int>) -> String { String(decoding: utf8[range], as: UTF8.self) }
}
