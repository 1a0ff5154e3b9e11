import CZlib

/// Raw DEFLATE (RFC 1951) through the system's zlib, at its fastest level: the journal's compression.
///
/// One compressor is reused for many small buffers (`deflateReset` between them), because setting one up
/// costs more than compressing a few kilobytes. Not thread-safe: use one per task.
public final class Deflater {
    private var stream = z_stream()
    private var ready = false

    /// Creates a compressor at zlib's level 1, which journals a news record at a third of its size or
    /// less, several times faster than the default level.
    public init() {
        ready = lede_deflate_init(&stream, 1) == Z_OK
    }

    deinit { if ready { deflateEnd(&stream) } }

    /// `bytes` compressed, appended to `out`. Without a working zlib (out of memory), they are appended as
    /// they are, and false is returned so the caller can mark them stored.
    public func compress(_ bytes: [UInt8], appendingTo out: inout [UInt8]) -> Bool {
        guard ready, deflateReset(&stream) == Z_OK else { return false }
        let bound = Int(deflateBound(&stream, uLong(bytes.count)))
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: bound))
        let code: Int32 = bytes.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = output.baseAddress! + start
                stream.avail_out = uInt(bound)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard code == Z_STREAM_END else {
            out.removeLast(out.count - start)
            return false
        }
        out.removeLast(Int(stream.avail_out))
        return true
    }
}

/// Decompression of what ``Deflater`` wrote.
public enum Inflate {
    /// Raised for bytes that are not a complete DEFLATE stream of the size given.
    public struct Damaged: Error, CustomStringConvertible {
        /// What zlib said.
        public let description: String
    }

    /// The `count` bytes that `compressed` holds; throws unless it inflates to exactly that many.
    public static func bytes(_ compressed: ArraySlice<UInt8>, count: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard lede_inflate_init(&stream) == Z_OK else { throw Damaged(description: "zlib could not start") }
        defer { inflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: count)
        // One byte more than expected, so that a stream longer than it says is caught.
        out.append(0)
        let (code, left): (Int32, Int) = compressed.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = output.baseAddress
                stream.avail_out = uInt(output.count)
                return (inflate(&stream, Z_FINISH), Int(stream.avail_out))
            }
        }
        guard code == Z_STREAM_END, left == 1, stream.avail_in == 0 else {
            throw Damaged(description: "a compressed record that does not inflate to its size (zlib \(code))")
        }
        out.removeLast()
        return out
    }
}
