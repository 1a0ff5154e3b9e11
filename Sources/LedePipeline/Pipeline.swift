import Foundation
import LedeCore
import LedeInput
import LedeIO
import Yams

/// A pipeline file, fully validated: the plan a run executes.
public struct Pipeline: Sendable {
    /// The newest pipeline format version this Lede reads.
    public static let formatVersion = 1
    /// Pipeline files larger than this are refused before parsing.
    public static let maxFileSize = 1 << 20

    /// The pipeline file.
    public var file: String
    /// The raw bytes of the pipeline file, for hashing.
    public var fileBytes: [UInt8]
    /// The pipeline's name (defaults to the file name).
    public var name: String
    /// Input settings, with paths as written.
    public var input: InputSpec
    /// The input files, expanded and sorted, stored compactly (see ``InputList``).
    public var inputs: InputList
    /// The output folder.
    public var output: String
    /// The stages, in order.
    public var stages: [PlannedStage]
    /// Input paths given on the command line instead of the file's, as given (for the manifest).
    public var inputOverride: [String]?
    /// `--text-field` given on the command line instead of the file's `input.text_field` (for the manifest).
    public var textFieldOverride: String?
    /// `--id-field` given on the command line instead of the file's `input.id_field` (for the manifest).
    public var idFieldOverride: String?
    /// The `${NAME}` variables replaced in the file's values, in file order (for `lede explain`).
    public var substitutions: [Substitution] = []
    /// Stage options given with `--set`, in the order given (for `lede explain` and the manifest).
    public var settings: [Setting] = []
    /// Files the input paths matched but that are Lede's own: inside the output folder, a `.lede` folder, or
    /// an earlier run's output folder (one that holds a `.lede` folder).
    public var excludedInputs: [String] = []
    /// Entries of input folders that are not read, each with the reason (a FIFO, a device, a dangling
    /// symbolic link, a folder that cannot be read): listed in the manifest and counted in the summary.
    public var skippedInputs: [SkippedInput] = []

    /// Splits `inputs` into those to read and those that are Lede's own files: below the output folder
    /// (compared by absolute path, and by the real path of the folder and of each input's folder, so a
    /// symbolic link does not hide it), in a `.lede` folder, or in an earlier run's output folder.
    static func leaveOutOwnFiles(_ inputs: InputList, output: String) -> (kept: InputList, excluded: [String]) {
        let here = FileManager.default.currentDirectoryPath
        func real(_ path: String) -> String? {
            guard let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let outputRoots = Set([Paths.absolute(output, workingFolder: here)] + [real(output)].compactMap { $0 })
        let prefixes = outputRoots.filter { $0 != "/" }.map { Array(($0 + "/").utf8) }
        var realFolders: [String: String] = [:]
        func inside(_ path: String) -> Bool {
            let bytes = Array(path.utf8)
            return prefixes.contains { bytes.starts(with: $0) } || outputRoots.contains(path)
        }
        // An earlier run's output folder (one that holds a `.lede` folder) below an input folder: its
        // news.jsonl, tables and report are Lede's own too. Only the folders between the input folder and the
        // file are looked at (as many as the file's id has folders), each once: a `.lede` above the input
        // folder (a run once written into the home folder) excludes nothing.
        var holdsLede: [String: Bool] = [:]
        func insideEarlierOutput(_ file: InputFile, _ absolute: String) -> Bool {
            var folder = Paths.directory(of: absolute)
            for _ in 0..<file.idBase.utf8.reduce(0, { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }) {
                if holdsLede[folder] == nil { holdsLede[folder] = Paths.kind(Paths.join(folder, ".lede")) == .directory }
                if holdsLede[folder]! { return true }
                folder = Paths.directory(of: folder)
            }
            return false
        }
        // A second list is made only from the first file left out on: usually none is, and the list stays one.
        var kept: InputList?
        var excluded: [String] = []
        for (index, file) in inputs.enumerated() {
            guard file.path != "-" else { kept?.append(file); continue }
            let absolute = Paths.absolute(file.path, workingFolder: here)
            var own = inside(absolute) || absolute.utf8.split(separator: UInt8(ascii: "/")).contains { $0.elementsEqual(".lede".utf8) }
                || insideEarlierOutput(file, absolute)
            if !own, !prefixes.isEmpty {
                let folder = Paths.directory(of: absolute)
                if realFolders[folder] == nil { realFolders[folder] = real(folder) ?? folder }
                own = inside(Paths.join(realFolders[folder]!, Paths.fileName(absolute)))
            }
            if own {
                if kept == nil { kept = InputList(inputs.prefix(index)) }
                excluded.append(file.display)
            } else {
                kept?.append(file)
            }
        }
        return (kept ?? inputs, excluded)
    }

    /// Replaces `input.text_field` and `input.id_field` with fields named on the command line
    /// (`--text-field`, `--id-field`), after the input format is settled.
    ///
    /// - Throws: ``ConfigError`` when a name is empty, or the input format reads no such field (`--text-field`
    ///   with text or HTML input, `--id-field` with text input).
    public mutating func overrideFields(text: String?, id: String?) throws {
        for (flag, value) in [("--text-field", text), ("--id-field", id)] {
            guard let value else { continue }
            if value.isEmpty { throw ConfigError("\(flag) is empty", hint: "name the JSON field: \(flag) body") }
            let reads = input.format == .jsonl || (flag == "--id-field" && input.format == .html)
            guard reads else {
                throw ConfigError("\(flag) \(value): the input format is \(input.format.rawValue), which has no \(flag == "--text-field" ? "text" : "id") field",
                                  hint: input.format == .html ? "HTML in JSON Lines takes the page from input.html_field"
                                                              : "add --format jsonl to read one JSON record per line")
            }
        }
        if let text {
            input.textField = text
            textFieldOverride = text
        }
        if let id {
            input.idField = id
            idFieldOverride = id
        }
    }

    /// Loads and validates a pipeline file completely: syntax, stage names, options, stage order and inputs.
    ///
    /// Every independent mistake is found in one pass: unknown keys, bad values in each stage's options,
    /// unknown stages, stages out of order, missing inputs and bad `--set` flags are all reported together.
    /// Only what cannot be read at all (YAML that does not parse, a file that is not text) stops at once,
    /// and a mistake that follows from an earlier one (a value whose `${NAME}` is unset) is left out.
    ///
    /// - Parameters:
    ///   - inputOverride: paths given on the command line, which replace the file's `input.paths`.
    ///   - outputOverride: an output folder given on the command line.
    ///   - resolveInputs: false to skip finding the input files (merging shards reads none).
    ///   - environment: the variables `${NAME}` in the file's values stand for (see ``Substitution``);
    ///     nil for the process's environment.
    ///   - settings: stage options from `--set`, applied to the file's first stage of each name (see ``Setting``).
    /// - Throws: ``ConfigError`` with the file, line and column of the problem when there is one, or
    ///   ``ConfigErrors`` with all of them, in file order, when there are several.
    public static func load(file: String, registry: StageRegistry, inputOverride: [String]? = nil,
                            outputOverride: String? = nil,
                            jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                            resolveInputs: Bool = true, environment: [String: String]? = nil,
                            settings: [Setting] = []) throws -> Pipeline {
        let (bytes, text) = try readSource(file)
        let ctx = NodeDecoding(file: file, source: text)
        var errors = ConfigErrorCollector(file: file)
        // YAML that does not parse, or that carries tags, stops here: nothing after it can be trusted.
        let parsed = try YAMLParser.parse(text, file: file)
        let (substituted, substitutions, unsubstituted) = Substitution.apply(
            to: parsed, environment: environment ?? ProcessInfo.processInfo.environment, ctx: ctx, errors: &errors)
        // A value whose variable is unset is already reported; what its text `${N}` would say as a value is not.
        errors.suppressed = unsubstituted
        let root = Setting.apply(settings, to: substituted, file: file, errors: &errors)
        let base = Paths.directory(of: file)

        guard case .mapping(let mapping) = root else {
            errors.add(ctx.error(at: root, "a pipeline file is a mapping with the keys lede, name, input, output and stages"))
            throw errors.failure()
        }

        // A misspelt key (`inputs:`) is one mistake: the key it stands for is not also reported missing.
        let topKeys = ["lede", "name", "input", "output", "stages"]
        var misspelt: Set<String> = []
        for (key, _) in mapping {
            guard let name = key.string else {
                errors.add(ctx.error(at: key, "keys must be plain names"))
                continue
            }
            if !topKeys.contains(name) {
                let nearest = Suggest.nearest(name, in: topKeys)
                if let nearest { misspelt.insert(nearest) }
                errors.add(ctx.error(at: key, "unknown key '\(name)'",
                                     hint: nearest.map { "did you mean '\($0)'?" } ?? "known keys: " + topKeys.joined(separator: ", ")))
            }
        }

        // A format newer than this Lede reads may have keys and options it does not know: that is all there is to say.
        if let versionNode = mapping["lede"] {
            if let version = try errors.attempt({ try NodeDecoding(file: file, source: text).decode(Int.self, from: versionNode) }),
               version < 1 || version > formatVersion {
                let error = ctx.error(at: versionNode, "this pipeline is written for format version \(version), but this lede reads version \(formatVersion)",
                                      hint: version > formatVersion ? "upgrade lede, or rewrite the file for version \(formatVersion)" : "write 'lede: 1'")
                if version > formatVersion { throw error }
                errors.add(error)
            }
        } else if !misspelt.contains("lede") {
            errors.add(ConfigError("missing 'lede: \(formatVersion)', the pipeline format version",
                                   at: SourceLocation(file: file, line: 1, column: 1),
                                   hint: "add 'lede: \(formatVersion)' as the first line"))
        }

        let name = try mapping["name"].map { node in
            try errors.attempt { try NodeDecoding(file: file, source: text).decode(String.self, from: node) } ?? ""
        } ?? Paths.stem(file)
        // nil when `input` has a mistake: its paths are then not looked for.
        let input = try mapping["input"].map { node in
            try errors.attempt {
                try NodeDecoding.decodeEachOption(of: node, file: file, source: text) { try $0.decode(InputSpec.self, from: $1) }
            }
        } ?? InputSpec()
        var outputOK = true
        let outputValue = try mapping["output"].flatMap { node in
            let value = try errors.attempt { try NodeDecoding(file: file, source: text).decode(String.self, from: node) }
            if value == nil { outputOK = false }
            return value
        }

        // A whole list of stages reached through an alias (`stages: *s`): errors point at the alias.
        // A mistake in a --set is reported as the flag's, not at a place in the file.
        let stagesKey = mapping.first { $0.key.string == "stages" }?.key
        let stages = mapping["stages"] == nil && misspelt.contains("stages") ? nil : try errors.attempt {
            try ConfigErrors.mapping({ Setting.relocate($0, settings) }) {
                try ctx.throughAlias(key: stagesKey ?? root, value: mapping["stages"] ?? root) {
                    try planStages(mapping: mapping, root: root, registry: registry, ctx: ctx, base: base, jobs: jobs)
                }
            }
        }

        // Inputs: from the command line (relative to the working folder) or the file (relative to the file).
        var inputs: InputList?
        var skipped: [SkippedInput] = []
        if !resolveInputs {
            inputs = []
        } else if let inputOverride {
            if inputOverride.isEmpty {
                errors.add(ConfigError("--input needs at least one path"))
            } else {
                inputs = try errors.attempt { try expand(inputOverride.map { ($0, nil) }, base: ".", ctx: ctx, skipped: &skipped) }
            }
        } else if let input {
            let pathNodes: [(String, Node?)]
            if let inputNode = mapping["input"], case .mapping(let im) = inputNode, let pathsNode = im["paths"],
               case .sequence(let seq) = pathsNode {
                pathNodes = zip(input.paths, seq).map { ($0, $1) }
            } else {
                pathNodes = input.paths.map { ($0, nil) }
            }
            if pathNodes.isEmpty, mapping["input"] == nil, misspelt.contains("input") {
                inputs = nil  // reported as the misspelt key
            } else if pathNodes.isEmpty {
                errors.add(ConfigError("no input: the pipeline has no 'input.paths' and none was given with --input",
                                       at: mapping["input"].flatMap(ctx.location) ?? SourceLocation(file: file, line: 1, column: 1),
                                       hint: "add 'input: { paths: [articles/*.txt] }' or pass --input PATH"))
            } else {
                inputs = try errors.attempt { try expand(pathNodes, base: base, ctx: ctx, skipped: &skipped) }
            }
        }

        if let outputOverride, outputOverride.isEmpty {
            errors.add(ConfigError("--output is empty", hint: "name the output folder: --output out"))
            outputOK = false
        }
        if let outputValue, outputValue.isEmpty, let node = mapping["output"] {
            errors.add(ctx.error(at: node, "'output' is empty", hint: "name the output folder, or leave the key out for 'out'"))
            outputOK = false
        }
        let output = outputOverride ?? Paths.join(base, outputValue ?? "out")
        // Lede's own files are never its input: a second run with the output folder inside the input folder
        // read news.jsonl back in as an article.
        var kept = InputList(), excluded: [String] = []
        if let inputs, outputOK {
            (kept, excluded) = leaveOutOwnFiles(inputs, output: output)
            if kept.isEmpty, !excluded.isEmpty {
                errors.add(ConfigError("every input file is inside the output folder '\(output)', a .lede folder or an earlier run's output folder, which are never read as input",
                                       hint: "write the outputs somewhere else, or point the input at the articles"))
            }
        }
        try errors.check()
        guard let input, let stages else { throw ConfigError("internal error: the pipeline did not load, with no mistake found") }
        var pipeline = Pipeline(file: file, fileBytes: bytes, name: name, input: input, inputs: kept, output: output, stages: stages,
                                inputOverride: inputOverride)
        pipeline.excludedInputs = excluded
        pipeline.skippedInputs = skipped
        pipeline.substitutions = substitutions
        pipeline.settings = settings
        return pipeline
    }

    static func readSource(_ file: String) throws -> ([UInt8], String) {
        switch Paths.kind(file) {
        case .missing: throw ConfigError("no such pipeline file", at: SourceLocation(file: file, line: 1, column: 1))
        case .directory:
            throw ConfigError("this is a folder; expected a pipeline file", at: SourceLocation(file: file, line: 1, column: 1),
                              hint: "name the YAML file, for example \(Paths.join(file, "news.yaml"))")
        case .other: throw ConfigError("not a regular file", at: SourceLocation(file: file, line: 1, column: 1))
        case .file: break
        }
        func tooLarge(_ size: Int) -> ConfigError {
            ConfigError("the pipeline file is \(size) bytes; the limit is \(maxFileSize) (1 MiB)",
                        at: SourceLocation(file: file, line: 1, column: 1),
                        hint: "pipeline files hold settings, not data; point input.paths at the data instead")
        }
        // Checked before reading, so a huge file is not read at all.
        if let size = Paths.size(file), size > maxFileSize { throw tooLarge(size) }
        let bytes: [UInt8]
        do { bytes = try Paths.read(file) } catch let error as IOFailure {
            throw ConfigError("cannot read the pipeline file: \(error.message)", at: SourceLocation(file: file, line: 1, column: 1))
        }
        guard bytes.count <= maxFileSize else { throw tooLarge(bytes.count) }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(Array(body))
            throw ConfigError("the pipeline file is not valid UTF-8", at: SourceLocation(file: file, line: line, column: column),
                              hint: "save the file as UTF-8")
        }
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw ConfigError("the pipeline file is empty", at: SourceLocation(file: file, line: 1, column: 1),
                              hint: "start from Pipelines/news.yaml")
        }
        return (bytes, text)
    }

    /// Line and column (in scalars) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
        let offset = InputDecoder.firstInvalidOffset(bytes[...])
        let before = String(decoding: bytes[..<offset], as: UTF8.self)
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.count, (lines.last?.unicodeScalars.count ?? 0) + 1)
    }

    static func planStages(mapping: Node.Mapping, root: Node, registry: StageRegistry, ctx: NodeDecoding,
                           base: String, jobs: Int) throws -> [PlannedStage] {
        guard let stagesNode = mapping["stages"] else {
            throw ctx.error(at: root, "missing 'stages', the list of stages to run", hint: "add 'stages: [split, write]'")
        }
        guard case .sequence(let entries) = stagesNode else {
            throw ctx.error(at: stagesNode, "'stages' must be a list, found \(NodeDecoding.describe(stagesNode))")
        }
        guard entries.count > 0 else {
            throw ctx.error(at: stagesNode, "'stages' is empty; a pipeline needs at least one stage",
                            hint: "stages: " + registry.names.joined(separator: ", "))
        }
        var planned: [PlannedStage] = []
        var errors = ConfigErrorCollector(file: ctx.file)
        var available: Set<String> = []
        // False after an entry whose stage is not known: what layers it would have produced is not known either.
        var layersKnown = true
        var firstCollector: String?
        var declaredOutputs: [(path: String, stage: String, node: Node)] = []
        for (index, entry) in entries.enumerated() {
          // A stage entry reached through an alias (`- *m`): errors point at the alias.
          // Each entry's mistakes are its own: the next entry is checked all the same.
          _ = try errors.attempt(anchor: ctx.location(of: entry)) { try ctx.throughAlias(list: stagesNode, items: Array(entries), index: index) {
            let nameNode: Node
            let optionsNode: Node
            switch entry {
            case .scalar:
                nameNode = entry
                optionsNode = Node.scalar(.init("", .implicit, .plain, entry.mark))
            case .mapping(let m) where m.count == 1:
                nameNode = m.keys.first!
                optionsNode = m.values.first!
            case .mapping(let m):
                layersKnown = false
                throw ctx.error(at: entry, "a stage entry names one stage, found \(m.count) keys",
                                hint: "write each stage as its own list item: '- split: {...}'")
            default:
                layersKnown = false
                throw ctx.error(at: entry, "a stage entry is a stage name or 'name: {options}', found \(NodeDecoding.describe(entry))")
            }
            guard let name = nameNode.string, case .scalar = nameNode else {
                layersKnown = false
                throw ctx.error(at: nameNode, "a stage name must be a plain word")
            }
            guard let type = registry[name] else {
                layersKnown = false
                throw ctx.error(at: nameNode, "unknown stage '\(name)'",
                                hint: Suggest.nearest(name, in: registry.names).map { "did you mean '\($0)'?" }
                                    ?? "available stages: " + registry.names.joined(separator: ", "))
            }
            let location = ctx.location(of: nameNode)
            func tagged(_ error: ConfigError) -> ConfigError {
                var error = error
                error.stage = name
                return error
            }
            // The stage's options and its place in the order are checked apart: both are reported.
            var stageErrors = ConfigErrorCollector(file: ctx.file)
            let options = try stageErrors.attempt {
                try ConfigErrors.mapping(tagged) {
                    try ctx.throughAlias(key: nameNode, value: optionsNode) {
                        try NodeDecoding.decodeEachOption(of: optionsNode, file: ctx.file, source: ctx.source) {
                            try type.decode(NodeDecodingBox(decoding: $0, node: $1))
                        }
                    }
                }
            }
            var instance: StageInstance?
            let context = StageContext(baseDirectory: base, jobs: jobs)
            if let options {
                do {
                    instance = try type.make(options, context)
                } catch let error as OptionError {
                    let node = NodeDecoding.node(at: error.path, in: optionsNode)
                    stageErrors.add(tagged(ctx.error(at: node, error.message, hint: error.hint)))
                } catch {
                    if let mistakes = ConfigErrors.all(in: error) {
                        for error in mistakes { stageErrors.add(tagged(error.location == nil ? ConfigError(error.message, at: location, hint: error.hint) : error)) }
                    } else if let error = error as? IOFailure {
                        stageErrors.add(tagged(ConfigError("cannot set up the stage: \(error.path) \(error.message)", at: location)))
                    } else {
                        stageErrors.add(tagged(ConfigError("cannot set up the stage: \(error)", at: location)))
                    }
                }
            }

            // Order: layers required must come from earlier stages; collectors come last.
            if type.kind != .collecting, let collector = firstCollector {
                stageErrors.add(tagged(ctx.error(at: nameNode, "'\(name)' works on single documents, so it must come before '\(collector)', which collects them",
                                           hint: "move '\(name)' above '\(collector)'")))
            }
            if type.kind == .collecting, firstCollector == nil { firstCollector = name }
            for layer in type.descriptor.requires where layersKnown && !available.contains(layer) {
                let producers = registry.producers(of: layer)
                stageErrors.add(tagged(ctx.error(at: nameNode, "'\(name)' needs the '\(layer)' layer, which no earlier stage produces",
                                           hint: producers.isEmpty ? nil : "add '\(producers[0])' before '\(name)'")))
                break
            }
            available.formUnion(type.descriptor.produces)
            // Output names: none of Lede's own, none twice, none inside a file another output names. One
            // option that names several files (`csv: news.jsonl`) is one mistake, reported at its first file.
            var badOptions: Set<SourceLocation> = []
            for declared in options.map(type.outputs) ?? [] {
                let node = NodeDecoding.node(at: declared.option, in: optionsNode)
                let path = Paths.normalize(declared.path)
                let at = ctx.location(of: node)
                if let at, badOptions.contains(at) { continue }
                if let why = OutputNames.whyReserved(path) {
                    stageErrors.add(tagged(ctx.error(at: node, "'\(declared.path)' cannot be an output: \(why)",
                                               hint: "choose another name; reserved: " + OutputNames.reserved.joined(separator: ", ") + ", .lede/")))
                    if let at { badOptions.insert(at) }
                    continue
                }
                for (other, otherStage, otherNode) in declaredOutputs {
                    let clash: String?
                    if other == path {
                        clash = "it is also written by '\(otherStage)'"
                    } else if path.utf8.starts(with: (other + "/").utf8) || other.utf8.starts(with: (path + "/").utf8) {
                        clash = "it lies inside or around '\(other)', written by '\(otherStage)'"
                    } else {
                        clash = nil
                    }
                    if let clash {
                        let there = ctx.location(of: otherNode).map { " at line \($0.line)" } ?? ""
                        stageErrors.add(tagged(ctx.error(at: node, "'\(declared.path)' cannot be an output: \(clash)\(there)",
                                                   hint: "give each output a name of its own")))
                        if let at { badOptions.insert(at) }
                        break
                    }
                }
                declaredOutputs.append((path, name, node))
            }
            try stageErrors.check()
            if let options, let instance {
                planned.append(PlannedStage(type: type, options: options, instance: instance, location: location,
                                            files: context.files.all))
            }
          } }
        }
        try errors.check()
        return planned
    }

    static func expand(_ paths: [(String, Node?)], base: String, ctx: NodeDecoding) throws -> InputList {
        var skipped: [SkippedInput] = []
        return try expand(paths, base: base, ctx: ctx, skipped: &skipped)
    }

    /// The input files `paths` name, each path's mistake reported (all of them, in order) instead of its files.
    ///
    /// Files go straight into the compact ``InputList`` as they are found: a folder is walked one folder at a
    /// time (``FolderWalk``), in the order one sort of all its paths gives, so a million files never stand in
    /// memory as a million strings. A file that two paths name is listed once: with one path nothing can
    /// repeat and nothing is remembered; with several, each file's hash leads to the first file listed with
    /// that hash, and only a file whose hash an earlier, other file took is remembered whole.
    static func expand(_ paths: [(String, Node?)], base: String, ctx: NodeDecoding, skipped: inout [SkippedInput]) throws -> InputList {
        var files = InputList()
        let dedupe = paths.count > 1
        var firstWithHash: [Int: Int] = [:]
        var collided: Set<String> = []
        func add(_ file: InputFile) {
            guard dedupe else { return files.append(file) }
            let hash = file.path.hashValue
            if let first = firstWithHash[hash] {
                if collided.contains(file.path) || files[first].path == file.path { return }
                collided.insert(file.path)
            } else {
                firstWithHash[hash] = files.count
            }
            files.append(file)
        }
        var errors = ConfigErrorCollector(file: ctx.file)
        for (written, node) in paths {
          _ = try errors.attempt {
            func fail(_ message: String, hint: String? = nil) -> ConfigError {
                if let node { return ctx.error(at: node, message, hint: hint) }
                return ConfigError("--input \(written.isEmpty ? "\"\"" : written): \(message)", hint: hint)
            }
            if written == "-" {
                // Standard input can be read once: `--input - --input -` names it once.
                add(InputFile(path: "-", display: "-", idBase: "stdin"))
                return
            }
            if written.isEmpty {
                throw fail("an empty path", hint: "name a file, a folder or a glob, or '-' for standard input")
            }
            let full = Paths.join(base, written)
            // Records show a path relative to the pipeline's folder (or, for --input, as typed from the
            // working folder), so they do not depend on how the pipeline file's own path was spelled.
            let shown = { (path: String) in Paths.relative(path, from: base) }
            if Paths.isGlob(written) {
                let root = globRoot(full)
                var listed = 0
                FolderWalk.glob(full) { path in
                    guard Paths.kind(path) == .file else { return }
                    listed += 1
                    add(InputFile(path: path, display: shown(path), idBase: idBase(path, under: root)))
                }
                if listed == 0 { throw fail("no files match '\(written)'", hint: "paths are relative to \(base == "." ? "the working folder" : "'\(base)'")") }
            } else {
                switch Paths.kind(full) {
                case .file:
                    add(InputFile(path: full, display: shown(full), idBase: Paths.stem(full)))
                case .directory:
                    // A file's shown path is the folder's plus the rest of its path, worked out once; except when
                    // the pipeline's folder is inside this one (`..`), where a file may lie on the way back down.
                    let folder = shown(full), prefix = full == "/" ? "/" : full + "/"
                    let upward = folder.split(separator: "/").allSatisfy { $0 == ".." }
                    var passed: [(path: String, reason: String)] = []
                    var listed = 0
                    FolderWalk.files(under: full, skipped: &passed) { path in
                        let display: String
                        if !upward, path.utf8.starts(with: prefix.utf8) {
                            let rest = Substring(path.utf8.dropFirst(prefix.utf8.count))
                            display = folder == "." ? String(rest) : folder + "/" + rest
                        } else {
                            display = shown(path)
                        }
                        listed += 1
                        add(InputFile(path: path, display: display, idBase: idBase(path, under: full)))
                    }
                    skipped += passed.map { SkippedInput(path: Paths.printable(shown($0.path)), reason: $0.reason) }
                    if listed == 0 { throw fail("the folder '\(written)' holds no files") }
                case .other:
                    throw fail("'\(written)' is \(Paths.describeSpecial(full) ?? "not a regular file"); only regular files, folders and globs are read",
                               hint: "to read a pipe or another program's output, pass it on standard input with '-'")
                case .missing:
                    if let what = Paths.describeSpecial(full) {
                        throw fail("'\(written)' is \(what)", hint: "point the link at an existing file")
                    }
                    throw fail("no such file or folder: '\(written)'",
                               hint: "paths are relative to \(base == "." ? "the working folder" : "'\(base)'")")
                }
            }
          }
        }
        try errors.check()
        return files
    }

    /// The folder part of a glob pattern before its first wildcard.
    static func globRoot(_ pattern: String) -> String {
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: false)
        var kept: [Substring] = []
        for part in parts {
            if Paths.isGlob(String(part)) { break }
            kept.append(part)
        }
        let joined = kept.joined(separator: "/")
        return joined.isEmpty ? (pattern.hasPrefix("/") ? "/" : ".") : joined
    }

    /// A file's path below `root` without its last extension (`2024/03/story.txt` → `2024/03/story`). Worked on
    /// the UTF-8 bytes: a folder of 100,000 files spent a third of its listing finding `/` and `.` by Character.
    static func idBase(_ path: String, under root: String) -> String {
        let bytes = path.utf8
        var start = bytes.startIndex
        let prefix = root.hasSuffix("/") ? root : root + "/"
        if root != ".", bytes.starts(with: prefix.utf8) { start = bytes.index(start, offsetBy: prefix.utf8.count) }
        if bytes[start...].starts(with: "./".utf8) { start = bytes.index(start, offsetBy: 2) }
        let relative = bytes[start...]
        let name = relative.lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? start
        // A name's leading dot (`.profile`) is not an extension.
        let end = relative.lastIndex(of: UInt8(ascii: ".")).flatMap { $0 > name ? $0 : nil } ?? bytes.endIndex
        return String(Substring(bytes[start..<end]))
    }
}
