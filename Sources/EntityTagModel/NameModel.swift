import Foundation
import LedeIO

/// The weights of the learned name recognizer: an averaged perceptron over hashed features, with one
/// weight per feature and class. Classes are `O`, then `B-X` and `I-X` for each label `X` in ``labels``.
///
/// On disk (little-endian): the magic `LEDENER1`, a UInt32 header length and a JSON header (labels, scale,
/// feature version, what it was trained on), then the feature keys as UInt64 and each feature's weights as
/// Int16 times `scale`. In memory the keys sit in an open-addressing table that points at rows of Float
/// weights, so scoring a word is one probe and one short row per feature.
package final class NameModel: Sendable {
    /// What the header says.
    package struct Header: Codable, Sendable {
        /// The entity labels, in class order.
        package var labels: [String]
        /// The weight of one Int16 step.
        package var scale: Float
        /// ``NameFeatures/version`` of the features the weights were trained with.
        package var features: Int
        /// How the model was made: data files, their SHA-256, epochs, counts.
        package var training: [String: String]

        package init(labels: [String], scale: Float, features: Int, training: [String: String]) {
            self.labels = labels
            self.scale = scale
            self.features = features
            self.training = training
        }
    }

    package static let magic: [UInt8] = Array("LEDENER1".utf8)

    package let header: Header
    /// `labels.count * 2 + 1`.
    package let classes: Int
    /// The weights table: open addressing on the key's high bits, `stride` words a slot, the key first
    /// (0 marks an empty slot) and then the class weights as Int16, so a probe touches one cache line.
    /// The slots start ``origin`` words into the array, where they are aligned to 64 bytes: an array's
    /// elements start 32 bytes past its allocation, and 32-byte slots from there would each straddle two
    /// cache lines.
    private let table: [UInt64]
    private let origin: Int
    private let stride: Int
    /// Slots in ``table`` (a power of two); four words of padding follow them.
    private let slots: Int
    private let shift: UInt64
    /// The file's SHA-256, which the manifest records as the stage's model.
    package let sha256: String

    package var labels: [String] { header.labels }

    /// What a label of the model stands for.
    package enum Kind: Sendable {
        /// An OntoNotes label as it is (`PER` is `PERSON`).
        case label(EntityLabel)
        /// A coarse place (`LOC` of a model without `GPE`): typed as `GPE`, `LOC` or `FAC` afterwards.
        case place
        /// `MISC`: typed as `NORP`, `EVENT`, `LAW` or `PRODUCT` afterwards, or dropped.
        case miscellaneous
        /// A label Lede does not write.
        case unknown

        package var isPerson: Bool {
            if case .label(.person) = self { return true }
            return false
        }
    }

    /// The kind of each label, in class order.
    package let kinds: [Kind]

    /// Builds the table from keys and their rows of `classes` weights each.
    package init(header: Header, keys: [UInt64], weights: [Float], sha256: String) {
        self.header = header
        classes = header.labels.count * 2 + 1
        let coarse = !header.labels.contains("GPE")
        kinds = header.labels.map { label in
            switch label {
            case "PER": .label(.person)
            case "LOC" where coarse: .place
            case "MISC": .miscellaneous
            default: EntityLabel(rawValue: label).map(Kind.label) ?? .unknown
            }
        }
        let classes = self.classes
        let stride = 1 + (classes + 3) / 4
        var size = 16
        var shift: UInt64 = 60
        // At most a third full: most features a word asks for are unknown, and an unknown key is found absent
        // only at an empty slot, after a run of full ones that grows fast with the load.
        while size < keys.count * 3 { size <<= 1; shift -= 1 }
        var table = [UInt64](repeating: 0, count: size * stride + 4 + 8)
        let origin = table.withUnsafeBufferPointer { (8 - Int(bitPattern: $0.baseAddress) / 8 % 8) % 8 }
        let quantum = header.scale > 0 ? header.scale : 1
        table.withUnsafeMutableBufferPointer { whole in
            let t = UnsafeMutableBufferPointer(rebasing: whole[origin...])
            for (r, key) in keys.enumerated() {
                var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
                while t[i * stride] != 0 && t[i * stride] != key { i = (i + 1) & (size - 1) }
                t[i * stride] = key
                let lanes = UnsafeMutableRawPointer(t.baseAddress! + i * stride + 1).assumingMemoryBound(to: Int16.self)
                for c in 0..<classes { lanes[c] = Int16(clamping: Int((weights[r * classes + c] / quantum).rounded())) }
            }
        }
        self.table = table
        self.origin = origin
        self.stride = stride
        slots = size
        self.shift = shift
        self.sha256 = sha256
    }

    /// Sets `scores` to the sum of the weights of `keys` the model knows, in steps of ``Header/scale``
    /// (which changes no comparison between classes). Up to 16 classes are summed sixteen lanes at a time
    /// (up to 9, eight lanes and one): the lanes past a slot's classes read the next slot's bytes (the table
    /// ends in padding), and are never looked at. The sums are of integers, so the order they are added in
    /// changes nothing.
    package func score(_ keys: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<Float>) {
        table.withUnsafeBufferPointer { whole in
            let t = UnsafeBufferPointer(rebasing: whole[origin...])
            let mask = slots - 1
            let base = UnsafeRawPointer(t.baseAddress!)
            if classes <= 16 {
                /// Calls `body` with the slot of each key the model holds.
                @inline(__always) func found(_ body: (Int) -> Void) {
                    for key in keys {
                        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
                        var k = t[i &* stride]
                        // Most keys the features ask for are in the model, at their home slot: one test settles
                        // them, and only the others probe on, to the key or an empty slot. That test is nearly
                        // always right, so the processor runs ahead of it and the loads of later keys overlap
                        // without a first pass that loads every home slot into a buffer.
                        if k != key {
                            while k != 0 {
                                i = (i &+ 1) & mask
                                k = t[i &* stride]
                                if k == key { break }
                            }
                            guard k == key else { continue }
                        }
                        body((i &* stride &+ 1) &* 8)
                    }
                }
                // The Int16 lanes read as Int32 lanes: each holds an even class in its low half and the next
                // odd class in its high half, sign-extended apart by shifts (the generic SIMD conversion from
                // Int16 was a call per feature).
                if classes <= 9 {
                    // Up to four labels (CoNLL's, the shipped model's): eight classes in one 16-byte load, the
                    // ninth added alone, where sixteen lanes took two loads and twice the shifts.
                    var even = SIMD4<Int32>()
                    var odd = SIMD4<Int32>()
                    var ninth: Int32 = 0
                    found { at in
                        let pairs = base.loadUnaligned(fromByteOffset: at, as: SIMD4<Int32>.self)
                        even &+= (pairs &<< 16) &>> 16
                        odd &+= pairs &>> 16
                        ninth &+= Int32(base.loadUnaligned(fromByteOffset: at &+ 16, as: Int16.self))
                    }
                    if classes == 9 {
                        // Written lane by lane at constant indexes, each one instruction to extract: the loop's
                        // index into a vector went through memory, a dozen instructions a class.
                        scores[0] = Float(even[0]); scores[1] = Float(odd[0])
                        scores[2] = Float(even[1]); scores[3] = Float(odd[1])
                        scores[4] = Float(even[2]); scores[5] = Float(odd[2])
                        scores[6] = Float(even[3]); scores[7] = Float(odd[3])
                        scores[8] = Float(ninth)
                    } else {
                        for c in 0..<classes { scores[c] = Float(c == 8 ? ninth : c & 1 == 0 ? even[c >> 1] : odd[c >> 1]) }
                    }
                } else {
                    var even = SIMD8<Int32>()
                    var odd = SIMD8<Int32>()
                    found { at in
                        let pairs = base.loadUnaligned(fromByteOffset: at, as: SIMD8<Int32>.self)
                        even &+= (pairs &<< 16) &>> 16
                        odd &+= pairs &>> 16
                    }
                    for c in 0..<classes { scores[c] = Float(c & 1 == 0 ? even[c >> 1] : odd[c >> 1]) }
                }
                return
            }
            scores.initialize(repeating: 0, count: classes)
            for key in keys {
                var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
                while t[i &* stride] != key {
                    if t[i &* stride] == 0 { break }
                    i = (i &+ 1) & mask
                }
                guard t[i &* stride] == key else { continue }
                let lanes = (base + (i &* stride &+ 1) &* 8).assumingMemoryBound(to: Int16.self)
                for c in 0..<classes { scores[c] += Float(lanes[c]) }
            }
        }
    }

    // MARK: Reading and writing

    /// Reads a model file's bytes.
    package convenience init(bytes: [UInt8], name: String) throws {
        func fail(_ why: String) -> ModelError { ModelError("\(name): not a Lede entity model (\(why))") }
        guard bytes.count >= 16, Array(bytes[0..<8]) == Self.magic else { throw fail("no LEDENER1 header") }
        var offset = 8
        func uint32() throws -> Int {
            guard offset + 4 <= bytes.count else { throw fail("cut short") }
            let v = bytes[offset..<offset + 4].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
            offset += 4
            return v
        }
        let headerLength = try uint32()
        guard offset + headerLength <= bytes.count else { throw fail("cut short") }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: Data(bytes[offset..<offset + headerLength]))
        } catch {
            throw fail("its header is not readable: \(error)")
        }
        offset += headerLength
        guard header.features == NameFeatures.version else {
            throw ModelError("\(name): made for feature version \(header.features), this Lede reads version \(NameFeatures.version); train it again with `lede train entity-tag`")
        }
        guard !header.labels.isEmpty, header.labels.count <= 60 else { throw fail("\(header.labels.count) labels") }
        let classes = header.labels.count * 2 + 1
        let rest = bytes.count - offset
        guard rest % (8 + 2 * classes) == 0 else { throw fail("its weights do not fill whole rows") }
        let count = rest / (8 + 2 * classes)
        var keys = [UInt64](repeating: 0, count: count)
        var weights = [Float](repeating: 0, count: count * classes)
        bytes.withUnsafeBytes { raw in
            for r in 0..<count {
                keys[r] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8 * r, as: UInt64.self))
            }
            let w = offset + 8 * count
            for k in 0..<(count * classes) {
                weights[k] = Float(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: w + 2 * k, as: Int16.self))) * header.scale
            }
        }
        // `encode` writes the keys in increasing order, so one pass finds a repeated key (a Set of them was a
        // tenth of loading).
        guard keys.first != 0, zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw fail("its feature keys are not in increasing order, or one is zero")
        }
        self.init(header: header, keys: keys, weights: weights, sha256: Digest.sha256(bytes))
    }

    /// The bytes of a model made of `keys` and their weights (rows of `header.labels.count * 2 + 1`),
    /// quantized to Int16. Rows are written sorted by key, so the same weights give the same file.
    package static func encode(header: Header, keys: [UInt64], weights: [Float]) -> [UInt8] {
        let classes = header.labels.count * 2 + 1
        let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
        var header = header
        header.scale = largest > 0 ? largest / 32767 : 1
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = [UInt8]((try? encoder.encode(header)) ?? Data())
        var out = magic
        out.reserveCapacity(16 + json.count + keys.count * (8 + 2 * classes))
        func append<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        append(UInt32(json.count))
        out.append(contentsOf: json)
        for r in order { append(keys[r]) }
        for r in order {
            for c in 0..<classes {
                append(Int16(clamping: Int((weights[r * classes + c] / header.scale).rounded())))
            }
        }
        return out
    }

    /// Where the model that ships with Lede is, if this build has it.
    package static var bundledURL: URL? {
        Bundle.module.url(forResource: "entity-tag", withExtension: "model", subdirectory: "Resources")
    }

    /// The model that ships with Lede, trained by `scripts/entity-tag/train.sh`; nil when the resource is
    /// missing (a build without resources), and then the stage runs on its rules alone.
    package static let bundled: NameModel? = {
        guard let url = bundledURL, let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? NameModel(bytes: [UInt8](data), name: "entity-tag.model")
    }()
}

/// A model file that cannot be used.
package struct ModelError: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
