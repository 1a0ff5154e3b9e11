#if canImport(Glibc)
import Glibc
#endif
import Foundation
import LedeIO
import LedeCore

/// Streams raw inputs from the expanded input files, one at a time, in order. Only one buffer of a JSON
/// Lines file is in memory at once; text files are listed, not read (``RawInput/loaded()`` reads one), and
/// their digests come with the loaded inputs rather than in ``digests``.
public struct InputReader {
    let files: InputList
    /// The files from `fileIndex` on, decoded in order.
    private var upcoming: InputList.Iterator
    let format: InputSpec.Format
    private var fileIndex = 0
    private var lines: LineReader?
    private var current: InputFile?
    /// Size and SHA-256 of every JSON Lines file read so far, in order.
    public private(set) var digests: InputDigests
    /// Only inputs of this shard are produced (whole text files outside it are not even read).
    public var shard: Shard?
    /// The largest document accepted (`input.max_document`), in bytes. A JSON Lines line over it is
    /// skipped without being held in memory, a text file over it is not read; either comes out as an
    /// ``RawInput/Payload/unreadable(_:)`` input whose reason gives its size, and is quarantined.
    public var maxDocument: Int = .max
    /// Only the first `limit` inputs (text files, or non-blank JSON Lines lines), in input order, are
    /// produced (`lede run --limit N`). They are counted before the shard is applied, so the shards of a
    /// limited run together hold the same documents as one limited run. A JSON Lines file the limit stops
    /// in is still read to its end for its digest (standard input is not: it may never end); the files
    /// after it are not read at all.
    public var limit: Int?
    /// Inputs counted against ``limit`` so far.
    private var counted = 0

    /// Counts one input against the limit: false once the limit is reached.
    private mutating func admit() -> Bool {
        guard let limit else { return true }
        guard counted < limit else { return false }
        counted += 1
        return true
    }

    /// Whether the limit has been reached: nothing more is produced.
    private var exhausted: Bool { limit.map { counted >= $0 } ?? false }

    /// Creates a reader over the files in order.
    public init(files: InputList, format: InputSpec.Format) {
        self.files = files
        self.format = format
        upcoming = files.makeIterator()
        digests = InputDigests(files: files)
    }

    /// Creates a reader over the files in order.
    public init(files: [InputFile], format: InputSpec.Format) {
        self.init(files: InputList(files), format: format)
    }

    /// The next input, or nil at the end.
    public mutating func next() -> RawInput? {
        while true {
            if let reader = lines, let file = current {
                let index = fileIndex - 1
                let position = { InputPosition(file: index, line: $0) }
                reader.maxLine = maxDocument
                if exhausted, file.path == "-" {
                    // Standard input may never end, and cannot be read again anyway: left unread, with no digest.
                    lines = nil
                    digests.append(index: fileIndex - 1, bytes: reader.digest.count, sha256: nil)
                    continue
                }
                let step = reader.next()
                if exhausted {
                    // Past the limit: the rest of the file is read only for its digest.
                    switch step {
                    case .line, .oversized: continue
                    case .failed:
                        lines = nil
                        digests.append(index: fileIndex - 1, bytes: reader.digest.count, sha256: nil)
                        continue
                    case .end:
                        lines = nil
                        digests.append(index: fileIndex - 1, bytes: reader.digest.count, sha256: reader.digest.bytes())
                        continue
                    }
                }
                switch step {
                case .line(let bytes, let number):
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                    guard admit() else { continue }
                    if let shard, !shard.contains(id: "\(file.idBase):\(number)") { continue }
                    return RawInput(id: "\(file.idBase):\(number)", source: DocumentSource(path: file.display, line: number),
                                    payload: .jsonLine(bytes), position: position(number))
                case .oversized(let size, let number):
                    guard admit() else { continue }
                    if let shard, !shard.contains(id: "\(file.idBase):\(number)") { continue }
                    return RawInput(id: "\(file.idBase):\(number)", source: DocumentSource(path: file.display, line: number),
                                    payload: .unreadable(InputSpec.tooLarge(size, limit: maxDocument)), position: position(number))
                case .failed(let reason, let number):
                    lines = nil
                    digests.append(index: fileIndex - 1, bytes: reader.digest.count, sha256: nil)
                    guard admit() else { continue }
                    return RawInput(id: "\(file.idBase):\(number)", source: DocumentSource(path: file.display, line: number),
                                    payload: .unreadable(reason), position: position(number))
                case .end:
                    lines = nil
                    digests.append(index: fileIndex - 1, bytes: reader.digest.count, sha256: reader.digest.bytes())
                }
            }
            guard fileIndex < files.count, !exhausted else { return nil }
            let file = upcoming.next()!
            fileIndex += 1
            current = file
            let position = InputPosition(file: fileIndex - 1, line: 0)
            switch format {
            case .jsonl,
                 // In the HTML format, a JSON Lines file holds one page a line.
                 .html where InputFile.isJSONLines(file.path):
                do {
                    lines = try LineReader(path: file.path)
                } catch {
                    digests.append(index: fileIndex - 1, bytes: 0, sha256: nil)
                    guard admit() else { return nil }
                    return RawInput(id: file.idBase, source: DocumentSource(path: file.display), payload: .unreadable("\(error)"),
                                    position: position)
                }
            case .text, .html:
                guard admit() else { return nil }
                if let shard, !shard.contains(id: file.idBase) { continue }
                var listed = RawInput(id: file.idBase, source: DocumentSource(path: file.display),
                                      payload: .file(path: file.path, size: file.path == "-" ? 0 : Paths.size(file.path) ?? 0),
                                      position: position)
                listed.maxBytes = maxDocument
                // Standard input can be read only here, once; a file is read by the worker that takes it.
                let limit = maxDocument
                return file.path == "-" ? listed.reading { try LineReader.readAll(fd: 0, limit: limit, limitName: InputSpec.maxDocumentKey) } : listed
            }
        }
    }
}
