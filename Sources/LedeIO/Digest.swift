import CSystem
#if canImport(Glibc)
import Glibc
#endif

/// SHA-256 digests, written as lowercase hex: how the run manifest identifies inputs, outputs and
/// pipelines. Computed by the system's OpenSSL (see csystem.h for why not swift-crypto).
public enum Digest {
    /// The digest of some bytes.
    public static func sha256<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        hex(sha256Bytes(bytes))
    }

    /// The 32 bytes of the digest of some bytes.
    public static func sha256Bytes<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        let running = Running()
        if bytes.withContiguousStorageIfAvailable({ running.update(UnsafeRawBufferPointer($0)) }) == nil {
            Array(bytes).withUnsafeBytes { running.update($0) }
        }
        return running.bytes()
    }

    /// Bytes as lowercase hex, two digits each.
    public static func hex<C: Collection>(_ digest: C) -> String where C.Element == UInt8 {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: digest.count * 2) { out in
            var n = 0
            for byte in digest {
                out[n] = digits.utf8Start[Int(byte >> 4)]
                out[n + 1] = digits.utf8Start[Int(byte & 0xF)]
                n += 2
            }
            return n
        }
    }

    /// The digest and size of a file, read in blocks.
    ///
    /// With `regularOnly`, the file is opened without blocking and anything but a regular file (a FIFO that
    /// would block, `/dev/zero` that never ends) is refused: for paths taken from a manifest, which anyone
    /// may have written.
    public static func sha256(file path: String, regularOnly: Bool = false) throws -> (hex: String, bytes: Int) {
        let fd = open(Paths.fileSystemPath(path), O_RDONLY | O_CLOEXEC | (regularOnly ? O_NONBLOCK | O_NOCTTY : 0))
        guard fd >= 0 else { throw IOFailure(String(cString: strerror(errno)), path: path) }
        defer { close(fd) }
        if regularOnly {
            var info = stat()
            guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { throw IOFailure("not a regular file", path: path) }
        }
        let running = Running()
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = block.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw IOFailure(String(cString: strerror(errno)), path: path)
            }
            if n == 0 { break }
            block.withUnsafeBytes { running.update(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
        return (running.finish(), running.count)
    }

    /// An incremental digest, for inputs read in pieces.
    public final class Running {
        private var context: UnsafeMutableRawPointer?
        private var result: String?
        private var raw: [UInt8]?
        /// Bytes added so far.
        public private(set) var count = 0

        /// Starts a digest.
        public init() {
            guard let context = lede_sha256_new() else { fatalError("OpenSSL cannot make a SHA-256 context") }
            self.context = context
        }

        deinit { if let context { lede_sha256_free(context) } }

        /// Adds bytes.
        public func update(_ bytes: UnsafeRawBufferPointer) {
            guard let context, bytes.count > 0 else { return }
            _ = lede_sha256_update(context, bytes.baseAddress, bytes.count)
            count += bytes.count
        }

        /// The 32 bytes of the digest of everything added; later calls return the same.
        public func bytes() -> [UInt8] {
            if let raw { return raw }
            var digest = [UInt8](repeating: 0, count: 32)
            if let context { _ = lede_sha256_finish(context, &digest) }
            context = nil
            raw = digest
            return digest
        }

        /// The hex digest of everything added; later calls return the same.
        public func finish() -> String {
            if let result { return result }
            let hex = Digest.hex(bytes())
            result = hex
            return hex
        }
    }
}
