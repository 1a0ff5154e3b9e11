#if canImport(Glibc)
import Glibc
#endif
import LedeIO

/// Walks a folder's regular files in the order ``Paths/listing(under:)`` sorts them (by the bytes of the
/// whole path), one folder at a time: only the names of the folders on the way down are held, never the
/// whole tree's paths, so a folder of a million files is listed in the memory of its names.
///
/// Within a folder, entries are sorted by name, a folder's name taken with a `/` after it: then every path
/// below a folder sorts where the folder's does (`a-b.txt` and `a.txt` before the files in `a/`, as `-` and
/// `.` sort before `/`), and a depth-first walk gives the order of one sort of every path. Hidden names are
/// left out; files reached through a symbolic link are listed; folders reached through one are not entered
/// (a link can make a cycle), and are reported, as are FIFOs, devices, sockets, dangling links and folders
/// that cannot be read, as ``Paths/listing(under:)`` reports them.
package enum FolderWalk {
    /// Calls `visit` with the path of every regular file below `folder`, in order, and appends every entry
    /// passed over to `skipped` (sorted by path when the walk ends).
    package static func files(under folder: String, skipped: inout [(path: String, reason: String)],
                              _ visit: (String) throws -> Void) rethrows {
        let root = Paths.normalize(folder)
        var passed: [(path: String, reason: String)] = []
        try walk(root, isRoot: true, skipped: &passed, visit)
        skipped += passed.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// One folder's entries: the names (a folder's with `/` after it) in one buffer, sorted by index.
    private static func walk(_ dir: String, isRoot: Bool, skipped: inout [(path: String, reason: String)],
                             _ visit: (String) throws -> Void) rethrows {
        guard let handle = opendir(Paths.fileSystemPath(dir)) else {
            if !isRoot { skipped.append((dir, "a folder that cannot be read: \(String(cString: strerror(errno)))")) }
            return
        }
        let prefix = dir == "/" ? "/" : dir + "/"
        var names: [UInt8] = []
        var starts: [Int] = []
        while let entry = readdir(handle) {
            // The name is read in place: a dirent is only as long as its name (see Paths.listing).
            let raw = (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: UInt8.self)
            let name = Paths.name(bytes: UnsafeBufferPointer(start: raw, count: strlen(UnsafeRawPointer(raw).assumingMemoryBound(to: CChar.self))))
            if name.hasPrefix(".") { continue }
            let path = prefix + name
            let isFolder: Bool
            switch Int32((UnsafeRawPointer(entry) + typeOffset).load(as: UInt8.self)) {
            case Int32(DT_REG): isFolder = false
            case Int32(DT_DIR): isFolder = true
            case Int32(DT_LNK), Int32(DT_UNKNOWN):
                switch Paths.kind(path) {
                case .file: isFolder = false
                case .directory:
                    guard !Paths.isSymlink(path) else {
                        skipped.append((path, "a symbolic link to a folder, not followed (it could lead back up)"))
                        continue
                    }
                    isFolder = true
                default:
                    skipped.append((path, Paths.describeSpecial(path) ?? "not a regular file"))
                    continue
                }
            default:
                skipped.append((path, Paths.describeSpecial(path) ?? "not a regular file"))
                continue
            }
            starts.append(names.count)
            names += name.utf8
            if isFolder { names.append(UInt8(ascii: "/")) }
        }
        closedir(handle)
        starts.append(names.count)
        for n in sortedOrder(names, starts) {
            var name = names[starts[n]..<starts[n + 1]]
            let isFolder = name.last == UInt8(ascii: "/")
            if isFolder { name = name.dropLast() }
            let path = prefix + String(decoding: name, as: UTF8.self)
            if isFolder {
                try walk(path, isRoot: false, skipped: &skipped, visit)
            } else {
                try visit(path)
            }
        }
    }

    /// Calls `visit` with every path the glob `pattern` matches, in the order ``Paths/glob(_:)`` gives them
    /// (by their bytes). When only the pattern's last part has wildcards (`corpus/*.txt`), that one folder is
    /// read and only the matching names are held, not a million paths; other patterns go to
    /// ``Paths/glob(_:)``. Names are matched as `glob(3)` matches them: `fnmatch` with a leading `.` matched
    /// only explicitly.
    package static func glob(_ pattern: String, _ visit: (String) throws -> Void) rethrows {
        let bytes = Array(pattern.utf8)
        let slash = bytes.lastIndex(of: UInt8(ascii: "/"))
        let folder = slash.map { String(decoding: bytes[..<$0], as: UTF8.self) }
        let last = String(decoding: bytes[(slash.map { $0 + 1 } ?? 0)...], as: UTF8.self)
        // A folder part with wildcards, escapes or doubled slashes is left to glob(3), as is a last part without
        // wildcards.
        let plain = folder.map { !Paths.isGlob($0) && !$0.contains("\\") && !$0.hasSuffix("/") && !$0.contains("//") } ?? true
        guard plain, Paths.isGlob(last) else {
            for path in Paths.glob(pattern) { try visit(path) }
            return
        }
        let open = folder.map { $0.isEmpty ? "/" : $0 } ?? "."
        let prefix = folder.map { $0 + "/" } ?? ""
        guard let handle = opendir(Paths.fileSystemPath(open)) else { return }
        let lastPattern = Paths.fileSystemPath(last)
        var names: [UInt8] = []
        var starts: [Int] = []
        while let entry = readdir(handle) {
            let raw = (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self)
            guard fnmatch(lastPattern, raw, FNM_PERIOD) == 0 else { continue }
            let name = Paths.name(bytes: UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw)))
            starts.append(names.count)
            names += name.utf8
        }
        closedir(handle)
        starts.append(names.count)
        for n in sortedOrder(names, starts) {
            try visit(prefix + String(decoding: names[starts[n]..<starts[n + 1]], as: UTF8.self))
        }
    }

    /// The order of the names (`names[starts[i]..<starts[i + 1]]`) sorted by their bytes, as `memcmp` does.
    private static func sortedOrder(_ names: [UInt8], _ starts: [Int]) -> [Int] {
        var order = Array(0..<(starts.count - 1))
        names.withUnsafeBufferPointer { b in
            order.sort { x, y in
                let a = UnsafeBufferPointer(rebasing: b[starts[x]..<starts[x + 1]])
                let c = UnsafeBufferPointer(rebasing: b[starts[y]..<starts[y + 1]])
                let common = Swift.min(a.count, c.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, c.baseAddress!, common)
                return order != 0 ? order < 0 : a.count < c.count
            }
        }
        return order
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    private static let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!
}
