#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

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
            if let limitName { return IOFailure(ByteSize.tooLarge(size, limit: limit, key: limitName), path: path) }
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
