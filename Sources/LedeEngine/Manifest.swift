import Foundation
import LedeCore
import LedeInput
import LedeIO
import LedePipeline
import LedeRecord

/// `manifest.json`: what a run read, with what, and what it wrote, so that it can be checked and redone.
///
/// It is written last, atomically, after every output is committed. Keys are sorted and nothing in it
/// depends on the time or the machine, except the absolute paths `lede verify` needs to find the pipeline
/// and inputs again.
public struct Manifest: Codable, Sendable, Equatable {
    /// The manifest format version.
    public static let version = 1

    /// The program that wrote the outputs.
    public struct Tool: Codable, Sendable, Equatable {
        /// `lede`, or the name of an embedding executable.
        public var name: String
        /// Its version.
        public var version: String
        /// The git commit of the source it was built from, when known.
        public var commit: String?

        /// Creates tool information.
        public init(name: String = "lede", version: String, commit: String? = nil) {
            self.name = name
            self.version = version
            self.commit = commit
        }
    }

    /// One stage as it ran.
    public struct Stage: Codable, Sendable, Equatable {
        /// Its name.
        public var name: String
        /// Its version.
        public var version: String
        /// Its options with every default filled in.
        public var options: JSONValue
        /// The files its options named (gazetteers, rule files), as read; absent when none.
        public var files: [File]?
    }

    /// A file a stage read, as read (declared in LedeCore, where stages record what they read).
    public typealias File = RecordedFile

    /// The pipeline file and its resolved plan.
    public struct PipelineInfo: Codable, Sendable, Equatable {
        /// The pipeline file, as an absolute path.
        public var file: String
        /// SHA-256 of its bytes.
        public var sha256: String
        /// Its name.
        public var name: String
        /// The input format.
        public var inputFormat: String
        /// The stages in order.
        public var stages: [Stage]

        enum CodingKeys: String, CodingKey {
            case file, sha256, name, stages
            case inputFormat = "input_format"
        }
    }

    /// An input file as read.
    public struct Input: Codable, Sendable, Equatable {
        /// The path as records show it.
        public var path: String
        /// The absolute path it was read from (`-` for standard input).
        public var location: String
        /// Its place in the pipeline's expanded input list (shards read only some of them).
        public var index: Int
        /// Bytes read.
        public var bytes: Int
        /// SHA-256 of those bytes; nil when it could not be read.
        public var sha256: String?
    }

    /// An output file as committed.
    public struct Output: Codable, Sendable, Equatable {
        /// Relative to the output folder.
        public var path: String
        /// Its size.
        public var bytes: Int
        /// SHA-256 of its bytes.
        public var sha256: String
    }

    /// Totals of the run.
    public struct Counts: Codable, Sendable, Equatable {
        /// Documents that went through every stage.
        public var documents: Int
        /// Documents quarantined.
        public var rejected: Int
        /// Warnings on documents.
        public var warnings: Int

        /// The totals of a run's summary: a run and a merge of its shards record them the same way.
        public init(_ summary: RunSummary) {
            documents = summary.documents
            rejected = summary.rejected
            warnings = summary.warnings
        }
    }

    /// How the run was started, so that `lede verify` can start it again the same way (paths in records
    /// are shown as they were reached from there).
    public struct Invocation: Codable, Sendable, Equatable {
        /// The working folder.
        public var directory: String
        /// The pipeline file as given.
        public var pipeline: String
        /// `--input` paths as given, if any.
        public var input: [String]?
        /// The input format used.
        public var format: String
        /// `--limit N`: only the first N inputs were read. Absent for a run over every input.
        public var limit: Int? = nil
        /// `--text-field`, when given. Absent otherwise.
        public var textField: String? = nil
        /// `--id-field`, when given. Absent otherwise.
        public var idField: String? = nil
        /// `--set STAGE.KEY=VALUE` arguments, in order (without `--set`). Absent when none were given.
        public var set: [String]? = nil

        enum CodingKeys: String, CodingKey {
            case directory, pipeline, input, format, limit, set
            case textField = "text_field"
            case idField = "id_field"
        }
    }

    /// Always `Manifest.version`.
    public var manifest: Int
    /// How the run was started.
    public var invocation: Invocation
    /// The program.
    public var tool: Tool
    /// The pipeline.
    public var pipeline: PipelineInfo
    /// The slice of the inputs this run processed, if it was one shard of several.
    public var shard: Shard?
    /// Inputs in input order.
    public var inputs: [Input]
    /// Outputs sorted by path (this file excluded).
    public var outputs: [Output]
    /// Totals.
    public var counts: Counts
    /// For one shard of several: the whole batch it is a slice of, so that `lede merge` refuses shards
    /// cut from different inputs. Absent for a run that is not a shard.
    public var plan: Plan? = nil
    /// Entries of input folders that were not read, with the reason; absent when there were none.
    public var skipped: [Skipped]? = nil

    /// An entry of an input folder that was passed over (``SkippedInput``).
    public typealias Skipped = SkippedInput

    /// The whole input list a shard was cut from, and into how many shards.
    public struct Plan: Codable, Sendable, Equatable {
        /// How many input files the full list holds (before sharding).
        public var files: Int
        /// SHA-256 of the full, sorted input list: each file's path as records show it, NUL-terminated.
        public var sha256: String
        /// How many shards (N of K/N).
        public var shards: Int
        /// `--limit N` of the batch the shards were cut from: absent when there was none.
        public var limit: Int? = nil

        /// The plan of `inputs` cut into `shards`, of which the first `limit` inputs are read.
        public init(inputs: some Collection<InputFile>, shards: Int, limit: Int? = nil) {
            let running = Digest.Running()
            for file in inputs {
                var bytes = Array(file.display.utf8)
                bytes.append(0)
                bytes.withUnsafeBytes { running.update($0) }
            }
            files = inputs.count
            sha256 = running.finish()
            self.shards = shards
            self.limit = limit
        }
    }

    /// The file name in the output folder.
    public static let fileName = "manifest.json"

    /// The manifest's JSON: sorted keys, two-space indent, a final newline.
    public func encoded() throws -> [UInt8] {
        var bytes: [UInt8] = []
        try encode(inputs: inputs) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Writes the manifest into an output folder, atomically.
    func write(to output: OutputFolder) throws {
        try write(to: output, inputs: inputs)
    }

    /// Writes the manifest into an output folder, atomically, with `inputs` in place of ``inputs``: a run
    /// passes its inputs one at a time, so that a batch of a million files does not hold a million
    /// `Input`s (and `JSONEncoder`'s tree of them) at the end of the run.
    func write<S: Sequence<Input>>(to output: OutputFolder, inputs: S) throws {
        let file = try output.create(Self.fileName)
        do {
            try encode(inputs: inputs) { try file.write($0) }
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    /// The JSON, in pieces, written by one writer: sorted keys, two-space indents, `"key" : value`. The
    /// manifest's fields come from their `Codable` form; the inputs, which may number millions, are written
    /// one at a time where their key falls, each in the same layout, and handed to `sink` as they come.
    private func encode<S: Sequence<Input>>(inputs: S, into sink: ([UInt8]) throws -> Void) throws {
        var rest = self
        rest.inputs = []
        guard case .object(var fields) = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(rest)) else {
            throw IOFailure("the manifest did not encode as an object", path: Self.fileName)
        }
        fields["inputs"] = nil
        var json = PrettyJSON()
        json.open("{")
        for key in (Array(fields.keys) + ["inputs"]).sorted() {
            json.key(key, depth: 1)
            guard key == "inputs" else {
                json.value(fields[key]!, depth: 1)
                continue
            }
            json.open("[")
            for input in inputs {
                json.item(depth: 2)
                json.open("{")
                json.key("bytes", depth: 3); json.value(.int(input.bytes), depth: 3)
                json.key("index", depth: 3); json.value(.int(input.index), depth: 3)
                json.key("location", depth: 3); json.value(.string(input.location), depth: 3)
                json.key("path", depth: 3); json.value(.string(input.path), depth: 3)
                if let sha256 = input.sha256 { json.key("sha256", depth: 3); json.value(.string(sha256), depth: 3) }
                json.close("}", depth: 2)
                try sink(json.take())
            }
            json.close("]", depth: 1)
        }
        json.close("}", depth: 0)
        json.newline()
        try sink(json.take())
    }

    /// Reads the manifest of an output folder.
    public static func read(folder: String) throws -> Manifest {
        let path = Paths.join(folder, fileName)
        let bytes: [UInt8]
        do { bytes = try Paths.read(path) } catch { throw IOFailure("no manifest here: is this a Lede output folder?", path: path) }
        do {
            return try JSONDecoder().decode(Manifest.self, from: Data(bytes))
        } catch {
            throw IOFailure("not a manifest Lede can read: \(error)", path: path)
        }
    }

    /// The resolved stages of a pipeline, for the manifest.
    static func stages(of pipeline: Pipeline) -> [Stage] {
        pipeline.stages.map { stage in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let options = (try? encoder.encode(AnyOptions(stage.options)))
                .flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) } ?? .object([:])
            return Stage(name: stage.name, version: stage.type.descriptor.version, options: options,
                         files: stage.files.isEmpty ? nil : stage.files)
        }
    }

    /// Hashes the committed outputs of a folder, taking the digest of each file the folder's atomic files
    /// hashed as they wrote it (and that has not changed since) rather than reading it back.
    static func outputs(_ paths: [String], in output: OutputFolder) throws -> [Output] {
        let folder = output.path
        var known: [Output] = []
        var unknown: [String] = []
        for path in Set(paths) {
            if let (sha256, bytes) = output.committedDigest(of: path) {
                known.append(Output(path: path, bytes: bytes, sha256: sha256))
            } else {
                unknown.append(path)
            }
        }
        return (known + (try outputs(unknown, in: folder, location: { output.location(of: $0) }))).sorted { $0.path < $1.path }
    }

    /// Hashes files of a folder from their bytes (each where `location` says it is now).
    static func outputs(_ paths: [String], in folder: String, location: (@Sendable (String) -> String)? = nil) throws -> [Output] {
        let sorted = Set(paths).sorted()
        // Read back and hashed side by side: about ten bytes of output for every byte of input, with nothing
        // else left for the run to do. Each file's result goes to a slot of its own, read once all are done.
        let slots = UnsafeMutableBufferPointer<Swift.Result<Output, any Error>>.allocate(capacity: sorted.count)
        defer { slots.deallocate() }
        nonisolated(unsafe) let results = slots // each iteration writes only its own slot
        DispatchQueue.concurrentPerform(iterations: sorted.count) { i in
            (results.baseAddress! + i).initialize(to: Swift.Result {
                let (hex, bytes) = try Digest.sha256(file: location?(sorted[i]) ?? Paths.join(folder, sorted[i]))
                return Output(path: sorted[i], bytes: bytes, sha256: hex)
            })
        }
        defer { _ = slots.baseAddress.map { $0.deinitialize(count: sorted.count) } }
        return try slots.map { try $0.get() }
    }
}

/// Encodes an existential options value.
private struct AnyOptions: Encodable {
    let value: any StageOptions
    init(_ value: any StageOptions) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}

/// Pretty JSON as the manifest is written: sorted keys, two spaces an indent, `"key" : value`, an empty list
/// or object as `[]` or `{}`. It keeps track of whether a container is still empty, so that commas and line
/// breaks come out right when members are written one by one.
private struct PrettyJSON: ~Copyable {
    private var json = JSONWriter(capacity: 4096)
    /// For each open container, whether it has no member yet.
    private var empty: [Bool] = []

    /// The bytes so far, which the writer forgets.
    mutating func take() -> [UInt8] {
        let bytes = json.withBytes { Array($0) }
        json.reset()
        return bytes
    }

    mutating func open(_ bracket: String) {
        json.rawText(bracket)
        empty.append(true)
    }

    mutating func close(_ bracket: String, depth: Int) {
        if empty.removeLast() == false { newline(indent: depth) }
        json.rawText(bracket)
    }

    /// Starts a member of the innermost container.
    mutating func item(depth: Int) {
        if empty[empty.count - 1] { empty[empty.count - 1] = false } else { json.rawText(",") }
        newline(indent: depth)
    }

    mutating func key(_ key: String, depth: Int) {
        item(depth: depth)
        json.resetSeparator()
        json.string(key)
        json.rawText(" : ")
    }

    mutating func value(_ value: JSONValue, depth: Int) {
        json.resetSeparator()
        switch value {
        case .null: json.null()
        case .bool(let b): json.bool(b)
        case .int(let i): json.int(i)
        case .number(let n): json.double(n)
        case .string(let s): json.string(s)
        case .array(let items):
            open("[")
            for item in items {
                self.item(depth: depth + 1)
                self.value(item, depth: depth + 1)
            }
            close("]", depth: depth)
        case .object(let fields):
            open("{")
            for key in fields.keys.sorted() {
                self.key(key, depth: depth + 1)
                self.value(fields[key]!, depth: depth + 1)
            }
            close("}", depth: depth)
        }
    }

    mutating func newline(indent: Int = 0) {
        json.raw(0x0A)
        json.rawText(String(repeating: "  ", count: indent))
    }
}
