#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// Small path helpers that treat paths as the bytes the file system sees.
public enum Paths {
    /// Joins a base folder and a path, normalized lexically; an absolute path is only normalized.
    public static func join(_ base: String, _ path: String) -> String {
        if path.hasPrefix("/") || base.isEmpty || base == "." { return normalize(path) }
        return normalize(base.hasSuffix("/") ? base + path : base + "/" + path)
    }

    /// `path` relative to the folder `base` (both as the same kind: relative to the working folder, or
    /// absolute), with `..` where needed. With base `.`, the path itself, normalized.
    public static func relative(_ path: String, from base: String) -> String {
        let target = normalize(path), from = normalize(base)
        if from == "." || from.isEmpty { return target }
        let absolute = target.hasPrefix("/")
        let a = (absolute == from.hasPrefix("/") ? target : Paths.absolute(target)).split(separator: "/")
        let b = (absolute == from.hasPrefix("/") ? from : Paths.absolute(from)).split(separator: "/")
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        if common < b.count, b[common...].contains("..") { return target } // cannot walk up out of an unknown folder
        let up = Array(repeating: "..", count: b.count - common)
        let parts = up + a[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The path made absolute against the working folder, normalized (`-` stays `-`). Pass `workingFolder`
    /// when making many paths absolute: asking the system for it costs more than the rest.
    public static func absolute(_ path: String, workingFolder: String? = nil) -> String {
        if path == "-" { return path }
        if path.hasPrefix("/") { return normalize(path) }
        return normalize((workingFolder ?? FileManager.default.currentDirectoryPath) + "/" + path)
    }

    /// A file name's bytes as a String that keeps every byte: valid UTF-8 as itself, and each byte that is not
    /// (`bad\xff\xfe.txt`) as the private-use scalar U+10FF00 + byte, turned back into that byte by
    /// ``fileSystemPath(_:)`` when the file is opened. (A name that really holds U+10FF80–U+10FFFF has those
    /// scalars' bytes escaped the same way, so every byte string comes back exactly.) `String(cString:)`
    /// repaired such names with U+FFFD, and the repaired name then did not exist.
    public static func name(bytes: UnsafeBufferPointer<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self), !text.utf8.contains(0xF4) { return text }
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >= 0xF5 ? 0 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0
            if length > 0, i + length <= bytes.count,
               let piece = String(validating: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]), as: UTF8.self),
               let scalar = piece.unicodeScalars.first, !(0x10FF80...0x10FFFF).contains(scalar.value) {
                scalars.append(scalar)
                i += length
            } else if b < 0x80 {
                scalars.append(Unicode.Scalar(b))
                i += 1
            } else {
                scalars.append(Unicode.Scalar(0x10FF00 + UInt32(b))!)
                i += 1
            }
        }
        return String(scalars)
    }

    /// The bytes to give the kernel for a path made by ``name(bytes:)`` (or typed): each escaped byte back
    /// to itself, NUL-terminated.
    public static func fileSystemPath(_ path: String) -> [CChar] {
        guard path.utf8.contains(0xF4) else { return Array(path.utf8CString) }
        var bytes: [CChar] = []
        for scalar in path.unicodeScalars {
            if (0x10FF80...0x10FFFF).contains(scalar.value) {
                bytes.append(CChar(bitPattern: UInt8(scalar.value & 0xFF)))
            } else {
                bytes += String(scalar).utf8.map { CChar(bitPattern: $0) }
            }
        }
        bytes.append(0)
        return bytes
    }

    /// A path for records, ids and messages: each escaped byte as `\xNN`, so it is plain, valid text.
    public static func printable(_ path: String) -> String {
        guard path.utf8.contains(0xF4) else { return path }
        var out = ""
        for scalar in path.unicodeScalars {
            if (0x10FF80...0x10FFFF).contains(scalar.value) {
                out += "\\x" + String(scalar.value & 0xFF, radix: 16)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The absolute path with every symbolic link resolved, as far as the path exists: `realpath` of the
    /// longest existing prefix, with the rest appended (normalized). For comparing folders that may not
    /// exist yet.
    public static func resolved(_ path: String) -> String {
        var head = absolute(path)
        var tail: [String] = []
        while true {
            if let real = realpath(head, nil) {
                defer { free(real) }
                return normalize(([String(cString: real)] + tail.reversed()).joined(separator: "/"))
            }
            if head == "/" || head.isEmpty { return absolute(path) }
            tail.append(fileName(head))
            head = directory(of: head)
        }
    }

    /// Removes `.` and `x/..` components and repeated slashes without touching the file system, as Python's
    /// `os.path.normpath` does: `Pipelines/../Samples/a.txt` becomes `Samples/a.txt`.
    public static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The folder part of a path (`.` when there is none).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    public static func fileName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The file name without its last extension.
    public static func stem(_ path: String) -> String {
        let name = fileName(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// What is at a path: nothing, a regular file, a folder, or something else.
    public enum Kind: Sendable { case missing, file, directory, other }

    /// What is at a path, following symbolic links.
    public static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(fileSystemPath(path), &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// What a path that is not a regular file or folder is, in words, following symbolic links: "a FIFO
    /// (named pipe)", "a character device", "a symbolic link to nothing (dangling)"; nil for a regular file
    /// or a folder.
    public static func describeSpecial(_ path: String) -> String? {
        var info = stat()
        let bytes = fileSystemPath(path)
        guard stat(bytes, &info) == 0 else {
            if lstat(bytes, &info) == 0, info.st_mode & S_IFMT == S_IFLNK { return "a symbolic link to nothing (dangling)" }
            return nil
        }
        let through = isSymlink(path) ? "a symbolic link to " : ""
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFDIR: return nil
        case S_IFCHR: return through + "a character device"
        case S_IFBLK: return through + "a block device"
        case S_IFIFO: return through + "a FIFO (named pipe)"
        case S_IFSOCK: return through + "a socket"
        default: return through + "not a regular file"
        }
    }

    /// The size of a regular file in bytes, or nil.
    public static func size(_ path: String) -> Int? {
        var info = stat()
        guard stat(fileSystemPath(path), &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Whether a path is a symbolic link (not followed).
    public static func isSymlink(_ path: String) -> Bool {
        var info = stat()
        guard lstat(fileSystemPath(path), &info) == 0 else { return false }
        return info.st_mode & S_IFMT == S_IFLNK
    }

    /// Whether a path contains glob characters.
    public static func isGlob(_ path: String) -> Bool {
        path.contains("*") || path.contains("?") || path.contains("[")
    }

    /// Expands a glob pattern to matching paths, sorted by their bytes.
    public static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for i in 0..<Int(result.gl_pathc) {
            if let p = result.gl_pathv[i] {
                paths.append(name(bytes: UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p))))
            }
        }
        return paths.sorted(by: bytewiseLess)
    }

    /// Every regular file below a folder, skipping hidden names, sorted by their bytes. Files reached through
    /// a symbolic link are listed; folders reached through one are not entered (a link can make a cycle).
    public static func files(under folder: String) -> [String] {
        listing(under: folder).files
    }

    /// Every regular file below a folder, as ``files(under:)`` lists them, and every entry passed over with
    /// the reason: a FIFO, device or socket, a dangling symbolic link or one to such a thing, a symbolic link
    /// to a folder (not followed), a folder that cannot be read. Hidden names are left out of both.
    public static func listing(under folder: String) -> (files: [String], skipped: [(path: String, reason: String)]) {
        var found: [String] = []
        var skipped: [(path: String, reason: String)] = []
        let root = normalize(folder)
        var stack = [root]
        while let dir = stack.popLast() {
            guard let handle = opendir(fileSystemPath(dir)) else {
                if dir != root { skipped.append((dir, "a folder that cannot be read: \(String(cString: strerror(errno)))")) }
                continue
            }
            defer { closedir(handle) }
            let prefix = dir == "/" ? "/" : dir + "/"
            while let entry = readdir(handle) {
                // The name is read in place: a dirent is only as long as its name, so copying the
                // declared 256-byte `d_name` out of the last one in readdir's buffer reads past it (ASan).
                let raw = (UnsafeRawPointer(entry) + direntNameOffset).assumingMemoryBound(to: UInt8.self)
                let name = Paths.name(bytes: UnsafeBufferPointer(start: raw, count: strlen(UnsafeRawPointer(raw).assumingMemoryBound(to: CChar.self))))
                if name.hasPrefix(".") { continue }
                // `dir` is normalized and `name` holds no slash and is not `.` or `..`: no need to normalize.
                let path = prefix + name
                // The entry's type saves a stat per file (listing 9,000 files spent most of its time in
                // them); a link, or a file system that does not fill the type in, is asked the slow way.
                switch Int32((UnsafeRawPointer(entry) + direntTypeOffset).load(as: UInt8.self)) {
                case Int32(DT_REG): found.append(path)
                case Int32(DT_DIR): stack.append(path)
                case Int32(DT_LNK), Int32(DT_UNKNOWN):
                    switch kind(path) {
                    case .file: found.append(path)
                    case .directory:
                        if !isSymlink(path) {
                            stack.append(path)
                        } else {
                            skipped.append((path, "a symbolic link to a folder, not followed (it could lead back up)"))
                        }
                    default: skipped.append((path, describeSpecial(path) ?? "not a regular file"))
                    }
                default: skipped.append((path, describeSpecial(path) ?? "not a regular file"))
                }
            }
        }
        return (found.sorted(by: bytewiseLess), skipped.sorted { bytewiseLess($0.path, $1.path) })
    }

    /// Whether `a`'s UTF-8 bytes sort before `b`'s: `memcmp`, as `sort` and `ls` with `LC_ALL=C` order names.
    static func bytewiseLess(_ a: String, _ b: String) -> Bool {
        let ordered = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
        return (ordered ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Reads a whole file.
    /// Reads a file that must be a regular file of at most `limit` bytes, such as a file a stage's options
    /// name. Opened without blocking, so a FIFO cannot hang the caller, and checked on the open descriptor
    /// (no race with a rename): a device (`/dev/zero`), FIFO, socket or folder is refused by its kind, a
    /// file over the limit by its size before anything is read, and a file that grows past the limit
    /// while it is read is refused too, so memory never exceeds `limit`.
    public static func readRegularFile(_ path: String, limit: Int, limitName: String? = nil) throws -> [UInt8] {
        let fd = open(fileSystemPath(path), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw IOFailure(String(cString: strerror(errno)), path: path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw IOFailure(String(cString: strerror(errno)), path: path) }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            let what: String
            switch type {
            case S_IFDIR: what = "a folder"
            case S_IFCHR: what = "a character device"
            case S_IFBLK: what = "a block device"
            case S_IFIFO: what = "a FIFO (named pipe)"
            case S_IFSOCK: what = "a socket"
            default: what = "not a regular file"
            }
            throw IOFailure("is \(what), not a regular file; only regular files can be read here", path: path)
        }
        func tooLarge(_ size: Int) -> IOFailure {
            if limitName != nil { return IOFailure(InputSpec.tooLarge(size, limit: limit), path: path) }
            return IOFailure("is \(size) bytes or more; the limit for this file is \(limit) bytes (\(limit >> 20) MiB)", path: path)
        }
        guard Int(info.st_size) <= limit else { throw tooLarge(Int(info.st_size)) }
        // The descriptor is a regular file, so clear O_NONBLOCK (it means nothing for one, but be plain).
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        // Room for the whole file plus a little, so that end-of-file shows in the first reads; never more
        // than one byte past the limit, which is how a file that grew is noticed.
        let most = limit == .max ? Int.max : limit + 1
        var bytes = [UInt8](repeating: 0, count: min(most, Int(info.st_size) + 4097))
        var count = 0
        while true {
            if count == bytes.count {
                guard bytes.count <= limit else { throw tooLarge(count) }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, most - bytes.count)))
            }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw IOFailure(String(cString: strerror(errno)), path: path)
            }
            if n == 0 { break }
            count += n
            if count > limit { throw tooLarge(count) }
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    public static func read(_ path: String) throws -> [UInt8] {
        let fd = open(fileSystemPath(path), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOFailure(String(cString: strerror(errno)), path: path) }
        defer { close(fd) }
        var info = stat()
        // Sized by fstat, plus one byte so that end-of-file shows in the first read; grown if the file grew.
        // (A zero-filled 1 MiB buffer per file cost more than reading a 1 KB article.)
        var capacity = max(fstat(fd, &info) == 0 ? Int(info.st_size) + 1 : 0, 4096)
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var count = 0
        while true {
            if count == capacity {
                let larger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
                larger.copyMemory(from: buffer, byteCount: count)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
            let n = Glibc.read(fd, buffer + count, capacity - count)
            if n < 0 {
                if errno == EINTR { continue }
                throw IOFailure(String(cString: strerror(errno)), path: path)
            }
            if n == 0 { break }
            count += n
        }
        return Array(UnsafeRawBufferPointer(start: buffer, count: count))
    }
}

/// Where `d_name` and `d_type` sit in a `dirent` (read in place, for the reason given where they are read).
private let direntNameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
private let direntTypeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!

/// The name an output is written under until it is committed: hidden, beside it, marked with the pid.
private func temporaryName(for path: String) -> String {
    ".\(Paths.fileName(path))\(temporaryMarker)\(getpid())"
}

private let temporaryMarker = ".lede-tmp-"

/// Whether a file name is one ``temporaryName(for:)`` makes.
private func isTemporaryName(_ name: String) -> Bool {
    name.hasPrefix(".") && name.contains(temporaryMarker)
}

/// Renames a finished, fsynced temporary file to its final name, then fsyncs the folder so the rename
/// itself survives a power loss.
private func moveIntoPlace(_ temporary: String, _ path: String) throws {
    guard rename(temporary, path) == 0 else {
        throw IOFailure("cannot move the finished file into place: \(String(cString: strerror(errno)))", path: path)
    }
    let dirfd = open(Paths.directory(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dirfd >= 0 {
        fsync(dirfd)
        close(dirfd)
    }
}

/// A file written under a temporary name in its final folder, then fsynced and renamed into place.
///
/// A run that is killed leaves at most a hidden temporary file, never a truncated file under the final
/// name. Every output of Lede goes through this type.
public final class AtomicFile {
    /// The final path.
    public let path: String
    private let tempPath: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var done = false
    /// The SHA-256 of what is written, when the file's folder keeps one (``OutputFolder/create(_:)``).
    private let digest: Digest.Running?
    private let digests: CommittedDigests?
    /// Bytes written so far.
    public private(set) var bytesWritten = 0
    /// When on, a write in a cancelled task discards the file and throws `CancellationError`.
    private let interruption: InterruptionSwitch?
    /// When gathering, ``commit()`` makes the file durable and hands it to the set, which renames it
    /// into place with the others.
    private let commitSet: CommitSet?

    /// Opens a temporary file beside `path`.
    public convenience init(path: String) throws {
        try self.init(path: path, digests: nil)
    }

    /// Opens a temporary file beside `path`; with `digests`, hashes the bytes as they are written and files
    /// the digest there when the file is committed, so that the manifest need not read it back.
    init(path: String, digests: CommittedDigests?, interruption: InterruptionSwitch? = nil, commitSet: CommitSet? = nil) throws {
        self.path = path
        self.digests = digests
        self.interruption = interruption
        self.commitSet = commitSet
        digest = digests == nil ? nil : Digest.Running()
        let dir = Paths.directory(of: path)
        tempPath = Paths.join(dir, temporaryName(for: path))
        unlink(tempPath)
        fd = open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IOFailure("cannot create file: \(String(cString: strerror(errno)))", path: path) }
        buffer.reserveCapacity(1 << 20)
    }

    deinit { if !done { discard() } }

    /// Appends bytes.
    public func write<C: Collection>(_ bytes: C) throws where C.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends a string's UTF-8.
    public func write(_ string: String) throws {
        var string = string
        try string.withUTF8 { try write($0) }
    }

    private func flush() throws {
        if let interruption, interruption.isOn, Task.isCancelled {
            discard()
            throw CancellationError()
        }
        if let digest { buffer.withUnsafeBytes { digest.update($0) } }
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let message = String(cString: strerror(errno))
                discard()
                throw IOFailure("write failed: \(message)", path: path)
            }
            offset += n
        }
        bytesWritten += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, fsyncs, renames into place and fsyncs the folder. After this the file is committed.
    public func commit() throws {
        guard !done else { return }
        try flush()
        if fsync(fd) != 0 {
            let message = String(cString: strerror(errno))
            discard()
            throw IOFailure("fsync failed: \(message)", path: path)
        }
        close(fd)
        fd = -1
        if let commitSet, commitSet.isGathering {
            // Durable under its temporary name; the set renames it with the others, or deletes it.
            done = true
            commitSet.add(temporary: tempPath, final: path, sha256: digest?.finish(), bytes: bytesWritten)
            return
        }
        do {
            try moveIntoPlace(tempPath, path)
        } catch {
            discard()
            throw error
        }
        done = true
        if let digest, let digests { digests.record(path, sha256: digest.finish(), bytes: bytesWritten) }
    }

    /// Closes and deletes the temporary file. The final path is left as it was.
    public func discard() {
        guard !done else { return }
        done = true
        if fd >= 0 { close(fd) }
        fd = -1
        unlink(tempPath)
    }
}

/// A file that another library writes (a SQLite database, say) under a temporary name in its final
/// folder; ``commit()`` fsyncs it, renames it into place and fsyncs the folder, like ``AtomicFile``.
public final class StagedFile {
    /// The final path.
    public let path: String
    /// Where the library should write until the file is committed.
    public let temporaryPath: String
    private var done = false
    private var commitSet: CommitSet?

    /// Names a temporary path beside `path`, removing any stale file left there by a killed run.
    public convenience init(path: String) { self.init(path: path, commitSet: nil) }

    init(path: String, commitSet: CommitSet?) {
        self.commitSet = commitSet
        self.path = path
        temporaryPath = Paths.join(Paths.directory(of: path), temporaryName(for: path))
        removeTemporary()
    }

    deinit { if !done { discard() } }

    /// Makes the written file durable and moves it into place.
    public func commit() throws {
        guard !done else { return }
        let fd = open(temporaryPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOFailure("the staged file is missing: \(String(cString: strerror(errno)))", path: path) }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced else {
            discard()
            throw IOFailure("fsync failed", path: path)
        }
        if let commitSet, commitSet.isGathering {
            done = true
            commitSet.add(temporary: temporaryPath, final: path, sha256: nil, bytes: 0)
            return
        }
        do {
            try moveIntoPlace(temporaryPath, path)
        } catch {
            discard()
            throw error
        }
        done = true
    }

    /// Deletes the temporary file (and any SQLite journal beside it); the final path is left as it was.
    public func discard() {
        guard !done else { return }
        done = true
        removeTemporary()
    }

    private func removeTemporary() {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(temporaryPath + suffix) }
    }
}

/// The SHA-256 and size of files as they were written and committed, each with the identity the file had
/// on disk just after (device, inode, size, modification time): a file that has changed since is hashed
/// again from its bytes.
final class CommittedDigests: Sendable {
    private struct Entry {
        var sha256: String
        var bytes: Int
        var identity: [Int]
    }

    private let entries = Mutex<[String: Entry]>([:])

    func record(_ path: String, sha256: String, bytes: Int) {
        guard let identity = Self.identity(of: path) else { return }
        entries.withLock { $0[path] = Entry(sha256: sha256, bytes: bytes, identity: identity) }
    }

    /// The digest filed for `path`, if the file there is still the one that was written.
    func digest(of path: String) -> (sha256: String, bytes: Int)? {
        guard let entry = entries.withLock({ $0[path] }), Self.identity(of: path) == entry.identity,
              entry.identity[2] == entry.bytes else { return nil }
        return (entry.sha256, entry.bytes)
    }

    private static func identity(of path: String) -> [Int]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [Int(info.st_dev), Int(info.st_ino), Int(info.st_size), info.st_mtim.tv_sec, info.st_mtim.tv_nsec]
    }
}

/// Whether writes may stop when their task is cancelled: on while outputs are being written to temporary
/// names (a merge), off while they are committed.
public final class InterruptionSwitch: Sendable {
    private let on = Mutex(false)
    /// Off at first.
    public init() {}
    /// Whether cancellation stops writes now.
    public var isOn: Bool {
        get { on.withLock { $0 } }
        set { on.withLock { $0 = newValue } }
    }
}

/// The outputs of one run, renamed into place together, so that a `kill -9` in the middle of the commit
/// never leaves new outputs beside old ones with nothing to say so.
///
/// While gathering, each output's commit only makes it durable under its temporary name. ``commitAll()``
/// then writes the list of renames to `.lede/commit` (fsynced, renamed into place), renames every file
/// (the manifest last, as it is added last), and removes the list. A run or `verify` that finds the list
/// (the previous commit was cut short) finishes it first: every file named there was complete and
/// fsynced before the list was written, so finishing is always possible (``finishInterrupted(in:)``).
public final class CommitSet: Sendable {
    struct Entry: Sendable {
        var temporary: String
        var final: String
        var sha256: String?
        var bytes: Int
    }

    private let folder: String
    private let state = Mutex<(gathering: Bool, entries: [Entry])>((false, []))
    /// The list of renames of a commit in progress, relative to the output folder.
    public static let intentName = ".lede/commit"

    init(folder: String) { self.folder = folder }

    /// From now on, commits are gathered until ``commitAll()``.
    public func gather() { state.withLock { $0.gathering = true } }

    var isGathering: Bool { state.withLock { $0.gathering } }

    func add(temporary: String, final: String, sha256: String?, bytes: Int) {
        state.withLock { $0.entries.append(Entry(temporary: temporary, final: final, sha256: sha256, bytes: bytes)) }
    }

    func pending(_ final: String) -> Entry? { state.withLock { s in s.entries.last { $0.final == final } } }

    /// Deletes every gathered file; the outputs under their names stay as they were.
    public func discardAll() {
        let entries = state.withLock { s -> [Entry] in
            defer { s = (false, []) }
            return s.entries
        }
        for entry in entries {
            for suffix in ["", "-journal", "-wal", "-shm"] { unlink(Paths.fileSystemPath(entry.temporary + suffix)) }
        }
    }

    /// Renames every gathered file into place as one commit, through the list in `.lede/commit`.
    public func commitAll(digests: CommittedDigestsRecorder? = nil) throws {
        let entries = state.withLock { s -> [Entry] in
            defer { s = (false, []) }
            return s.entries
        }
        guard !entries.isEmpty else { return }
        let prefix = folder == "/" ? "/" : folder + "/"
        func relative(_ path: String) -> String { path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path }
        var list: [UInt8] = []
        for entry in entries { list += Array((relative(entry.temporary) + "\t" + relative(entry.final) + "\n").utf8) }
        let intent = Paths.join(folder, Self.intentName)
        try OutputFolder.makeDirectories(Paths.directory(of: intent))
        let file = try AtomicFile(path: intent)
        try file.write(list)
        try file.commit()
        for entry in entries {
            try moveIntoPlace(entry.temporary, entry.final)
            if let sha256 = entry.sha256 { digests?(entry.final, sha256, entry.bytes) }
        }
        unlink(Paths.fileSystemPath(intent))
        syncFolder(Paths.directory(of: intent))
    }

    /// Finishes a commit that a killed run left in `folder`: every file its list names that is still under
    /// its temporary name is renamed into place, then the list is removed. True if there was one. Call it
    /// only while holding the folder's lock, before temporary files are swept.
    @discardableResult
    public static func finishInterrupted(in folder: String) throws -> Bool {
        let intent = Paths.join(folder, intentName)
        guard Paths.kind(intent) == .file else { return false }
        let text = String(decoding: try Paths.readRegularFile(intent, limit: 64 << 20), as: UTF8.self)
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            // Only names inside the folder, as Lede writes them: the list is data, and could be edited.
            guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("/") && !$0.split(separator: "/").contains("..") }) else {
                throw IOFailure("a line of the commit list is not a pair of names inside the folder", path: intent)
            }
            let temporary = Paths.join(folder, parts[0]), final = Paths.join(folder, parts[1])
            if Paths.kind(temporary) == .file { try moveIntoPlace(temporary, final) }
        }
        unlink(Paths.fileSystemPath(intent))
        syncFolder(Paths.directory(of: intent))
        return true
    }
}

/// Records the digest of a file committed by a ``CommitSet``.
public typealias CommittedDigestsRecorder = (String, String, Int) -> Void

/// fsyncs a folder, so the renames in it survive a power loss.
private func syncFolder(_ path: String) {
    let dirfd = open(Paths.fileSystemPath(path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dirfd >= 0 {
        fsync(dirfd)
        close(dirfd)
    }
}

/// The output folder of a run. It resolves relative output paths safely and hands out atomic files.
public struct OutputFolder: Sendable {
    /// The folder.
    public let path: String
    /// What the atomic files it handed out wrote, for the manifest.
    let committed = CommittedDigests()
    /// While on, an atomic file of this folder written in a cancelled task is discarded and the write
    /// throws `CancellationError`, so a long write (a merge) stops promptly on SIGINT or SIGTERM.
    public let interruption = InterruptionSwitch()
    /// The outputs of one run, committed as a unit (``CommitSet``) once ``CommitSet/gather()`` is called.
    public let commitSet: CommitSet

    /// Names a folder; nothing is created until ``prepare()``. The path is made absolute first, with the
    /// symbolic links of its existing part resolved, as the kernel would resolve it: SQLite works out a
    /// relative name on its own and refused `../tmp/x` from `/` ("SQLite error 14").
    public init(path: String) {
        self.path = Paths.resolved(path)
        commitSet = CommitSet(folder: self.path)
    }

    /// Creates the folder if needed and checks it can be written.
    public func prepare() throws {
        try Self.makeDirectories(path)
        guard access(path, W_OK) == 0 else {
            throw IOFailure("the output folder is not writable", path: path)
        }
    }

    /// Resolves a path relative to the folder, refusing absolute paths, `..` and symbolic links inside it.
    public func resolve(_ relative: String) throws -> String {
        guard !relative.isEmpty else { throw IOFailure("empty output path", path: path) }
        guard !relative.hasPrefix("/") else {
            throw IOFailure("output paths must be relative to the output folder", path: relative)
        }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." }) else {
            throw IOFailure("output paths may not leave the output folder ('..')", path: relative)
        }
        var current = path
        for part in parts where part != "." {
            current = Paths.join(current, String(part))
            if Paths.isSymlink(current) {
                throw IOFailure("output paths may not go through symbolic links", path: current)
            }
        }
        return current
    }

    /// Opens an atomic file at a relative path, creating folders inside the output folder as needed.
    public func create(_ relative: String) throws -> AtomicFile {
        let full = try resolve(relative)
        try Self.makeDirectories(Paths.directory(of: full))
        return try AtomicFile(path: full, digests: committed, interruption: interruption, commitSet: commitSet)
    }

    /// The SHA-256 and size of a file committed through ``create(_:)``, as it was written, if it has not
    /// changed since; otherwise nil.
    func committedDigest(of relative: String) -> (sha256: String, bytes: Int)? {
        let full = Paths.join(path, relative)
        if let pending = commitSet.pending(full) { return pending.sha256.map { ($0, pending.bytes) } }
        return committed.digest(of: full)
    }

    /// Commits every gathered output as one unit, filing their digests for the manifest.
    public func commitGathered() throws {
        let committed = self.committed
        try commitSet.commitAll { path, sha256, bytes in committed.record(path, sha256: sha256, bytes: bytes) }
    }

    /// Where the bytes of an output are now: its temporary name while its commit is pending, else its name.
    func location(of relative: String) -> String {
        let full = Paths.join(path, relative)
        return commitSet.pending(full)?.temporary ?? full
    }

    /// Deletes temporary files that a killed run left behind (`.NAME.lede-tmp-PID`). Call it only while
    /// holding the folder's lock, so no running writer owns them.
    public func removeStaleTemporaries() {
        var stack = [path]
        while let dir = stack.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for name in names {
                let full = Paths.join(dir, name)
                if isTemporaryName(name) {
                    unlink(full)
                } else if Paths.kind(full) == .directory, !Paths.isSymlink(full) {
                    stack.append(full)
                }
            }
        }
    }

    /// Names a staged file at a relative path, for outputs that another library writes.
    public func stage(_ relative: String) throws -> StagedFile {
        let full = try resolve(relative)
        try Self.makeDirectories(Paths.directory(of: full))
        return StagedFile(path: full, commitSet: commitSet)
    }

    static func makeDirectories(_ path: String) throws {
        if Paths.kind(path) == .directory { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw IOFailure("cannot create folder: \(error.localizedDescription)", path: path)
        }
        guard Paths.kind(path) == .directory else { throw IOFailure("not a folder", path: path) }
    }
}

/// An exclusive lock on an output folder, held with `flock` so the kernel releases it if the process dies.
public final class FolderLock {
    private var fd: Int32

    /// Takes the lock, or fails at once if another run holds it.
    public init(folder: String) throws {
        let lockPath = Paths.join(folder, ".lede.lock")
        fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IOFailure("cannot create lock file: \(String(cString: strerror(errno)))", path: lockPath) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            throw IOFailure("another lede run is writing to this output folder", path: folder)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
