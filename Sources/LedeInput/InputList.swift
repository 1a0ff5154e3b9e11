/// The expanded input files, in input order, stored compactly: a batch of a million files is listed in
/// tens of megabytes rather than the hundreds that a million ``InputFile``s (three strings each, most of
/// them too long to be stored inline) took.
///
/// Consecutive inputs share most of their path, shown path and id (`corpus/doc-0000123.txt`, then
/// `corpus/doc-0000124.txt`), so each entry is front-coded: for each of its three strings, how many leading
/// bytes it shares with the previous entry's, then the bytes that differ. Every 16th entry is stored whole,
/// so that any entry can be decoded from at most 15 before it. ``InputFile``s are made on access.
public struct InputList: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// Entries stored whole: one in `blockSize`.
    static let blockSize = 16

    /// The encoded entries, one after the other.
    private var bytes: [UInt8] = []
    /// The offset in `bytes` of every `blockSize`-th entry, which is stored whole.
    private var blocks: [Int] = []
    /// How many entries.
    public private(set) var count = 0
    /// The last entry appended, whole, to code the next one against.
    private var last: [[UInt8]] = [[], [], []]

    /// An empty list.
    public init() {}

    /// The files in order.
    public init(_ files: some Sequence<InputFile>) {
        for file in files { append(file) }
    }

    /// The files in order.
    public init(arrayLiteral files: InputFile...) { self.init(files) }

    /// The position of the first file.
    public var startIndex: Int { 0 }
    /// One past the last file.
    public var endIndex: Int { count }

    /// Adds a file at the end.
    public mutating func append(_ file: InputFile) {
        if count % Self.blockSize == 0 { blocks.append(bytes.count) }
        let restart = count % Self.blockSize == 0
        for (field, text) in [file.path, file.display, file.idBase].enumerated() {
            let new = Array(text.utf8)
            let shared = restart ? 0 : zip(last[field], new).prefix { $0 == $1 }.count
            Self.putNumber(shared, into: &bytes)
            Self.putNumber(new.count - shared, into: &bytes)
            bytes += new[shared...]
            last[field] = new
        }
        count += 1
    }

    /// The file at `position`: decoded from the entry stored whole before it, so reading the files in order
    /// is quicker with an ``Iterator``.
    public subscript(position: Int) -> InputFile {
        precondition(position >= 0 && position < count, "InputList index out of range")
        var files = makeIterator(from: position)
        return files.next()!
    }

    /// Files one after the other, each decoded once.
    public func makeIterator() -> Iterator { Iterator(decoder: Decoder(list: self, entry: 0)) }

    /// Files from `position` (at most ``count``) on, each decoded once.
    package func makeIterator(from position: Int) -> Iterator {
        var decoder = Decoder(list: self, entry: position - position % Self.blockSize)
        while decoder.entry < position { decoder.skip() }
        return Iterator(decoder: decoder)
    }

    /// Iterates the files in order.
    public struct Iterator: IteratorProtocol {
        var decoder: Decoder
        /// The position of the file ``next()`` gives.
        package var position: Int { decoder.entry }
        /// The next file, or nil after the last.
        public mutating func next() -> InputFile? { decoder.next() }
    }

    /// Whether two lists hold the same files in the same order (the coding is the same for the same files).
    public static func == (a: Self, b: Self) -> Bool { a.count == b.count && a.bytes == b.bytes }

    /// Bytes held for the list, about: for tests and figures.
    package var storedBytes: Int { bytes.capacity + blocks.capacity * MemoryLayout<Int>.stride + last.reduce(0) { $0 + $1.capacity } }

    /// LEB128: seven bits a byte, low first, the high bit set on every byte but the last.
    static func putNumber(_ value: Int, into bytes: inout [UInt8]) {
        var value = UInt(value)
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Decodes entries from a block start onward.
    struct Decoder {
        let list: InputList
        /// The entry `offset` is at.
        var entry: Int
        var offset: Int
        var current: [[UInt8]] = [[], [], []]

        init(list: InputList, entry: Int) {
            self.list = list
            self.entry = entry
            offset = entry < list.count ? list.blocks[entry / InputList.blockSize] : list.bytes.count
        }

        mutating func number() -> Int {
            var value = 0, shift = 0
            while true {
                let byte = list.bytes[offset]
                offset += 1
                value |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }

        /// Moves past one entry, keeping its strings for the next.
        mutating func skip() {
            for field in 0..<3 {
                let shared = number(), rest = number()
                current[field].removeSubrange(shared...)
                current[field] += list.bytes[offset..<(offset + rest)]
                offset += rest
            }
            entry += 1
        }

        mutating func next() -> InputFile? {
            guard entry < list.count else { return nil }
            skip()
            return InputFile(path: String(decoding: current[0], as: UTF8.self), display: String(decoding: current[1], as: UTF8.self),
                             idBase: String(decoding: current[2], as: UTF8.self))
        }
    }
}
