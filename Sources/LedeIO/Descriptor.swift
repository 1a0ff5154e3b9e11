#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing whole buffers to an open file descriptor: an output file's (``AtomicFile``), standard output and
/// error, a plugin's standard input.
public enum Descriptor {
    /// Writes every byte to `fd` with `write(2)`, retrying on EINTR and short writes.
    ///
    /// - Returns: nil when every byte was written; else the errno of the failed write (EPIPE when the reader
    ///   has gone), or EIO when the descriptor took nothing more.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { writeAll(fd, $0) }
    }

    /// Writes every byte of a buffer to `fd`, retrying as the array's form does, with the same result.
    public static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < buffer.count {
            let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            offset += n
        }
        return nil
    }
}
