#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Reads a file (or standard input) line by line in large buffers. Lines end at LF; a CR before it is dropped.
public final class LineReader {
    /// A line (without its end) and its number from 1, a line longer than ``maxLine`` (its size and number;
    /// its bytes were skipped, never held), a read failure, or the end.
    public enum Item { case line([UInt8], Int), oversized(Int, Int), failed(String, Int), end }

    /// The longest line returned; a longer one is skipped as it is read and reported as `.oversized`, so
    /// memory stays within this plus one buffer whatever the input holds.
    public var maxLine: Int = .max

    private let fd: Int32
    private let ownsFD: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false
    private var lineNumber = 0
    private let chunk = 1 << 20
    /// SHA-256 of every byte read.
    package let digest = Digest.Running()

    /// Opens a file, or standard input for `-`.
    public init(path: String) throws {
        if path == "-" {
            fd = 0
            ownsFD = false
        } else {
            fd = open(Paths.fileSystemPath(path), O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw IOFailure(String(cString: strerror(errno)), path: path) }
            ownsFD = true
        }
    }

    deinit { if ownsFD { close(fd) } }

    /// The next line.
    public func next() -> Item {
        while true {
            // memchr finds the line's end sixteen or more bytes at a time; `firstIndex(of:)` took one at a time.
            let found = buffer.withUnsafeBytes { b -> Int? in
                guard start < b.count, let p = memchr(b.baseAddress! + start, 0x0A, b.count - start) else { return nil }
                return UnsafeRawPointer(p) - b.baseAddress!
            }
            if let newline = found {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                if end - start > maxLine {
                    let size = end - start
                    start = newline + 1
                    lineNumber += 1
                    return .oversized(size, lineNumber)
                }
                let line = Array(buffer[start..<end])
                start = newline + 1
                lineNumber += 1
                return .line(line, lineNumber)
            }
            if eof {
                guard start < buffer.count else { return .end }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                if end - start > maxLine {
                    let size = end - start
                    start = buffer.count
                    lineNumber += 1
                    return .oversized(size, lineNumber)
                }
                let line = Array(buffer[start..<end])
                start = buffer.count
                lineNumber += 1
                return .line(line, lineNumber)
            }
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            if buffer.count > maxLine { return skipLine() }
            let old = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: chunk))
            var n: Int
            repeat {
                n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + old, chunk) }
            } while n < 0 && errno == EINTR
            if n < 0 {
                buffer.removeSubrange(old...)
                eof = true
                return .failed("read failed: \(String(cString: strerror(errno)))", lineNumber + 1)
            }
            buffer.removeSubrange((old + n)...)
            buffer.withUnsafeBytes { digest.update(UnsafeRawBufferPointer(rebasing: $0[old..<(old + n)])) }
            if n == 0 { eof = true }
        }
    }

    /// The rest of a line already longer than ``maxLine``: the buffer (the line's start) is dropped, and
    /// the input is read and hashed up to the next LF without keeping it.
    private func skipLine() -> Item {
        var size = buffer.count
        buffer.removeAll(keepingCapacity: true)
        start = 0
        lineNumber += 1
        let number = lineNumber
        var block = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = block.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                eof = true
                return .failed("read failed: \(String(cString: strerror(errno)))", number)
            }
            if n == 0 {
                eof = true
                return .oversized(size, number)
            }
            block.withUnsafeBytes { digest.update(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            if let newline = block[0..<n].firstIndex(of: 0x0A) {
                size += newline
                // The rest of the block starts the next line.
                buffer.append(contentsOf: block[(newline + 1)..<n])
                return .oversized(size, number)
            }
            size += n
        }
    }

    /// Reads all of `fd` (standard input). Past `limit` bytes the rest is read and counted but not kept,
    /// and the failure gives the whole size, naming `limitName`, the setting that raises the limit.
    package static func readAll(fd: Int32, limit: Int = .max, limitName: String = "input.max_document") throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var total = 0
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw IOFailure(String(cString: strerror(errno)), path: "-")
            }
            if n == 0 {
                if total > limit { throw IOFailure(ByteSize.tooLarge(total, limit: limit, key: limitName), path: "-") }
                return bytes
            }
            total += n
            if total <= limit {
                bytes.append(contentsOf: chunk[0..<n])
            } else if !bytes.isEmpty {
                bytes = []
            }
        }
    }
}
