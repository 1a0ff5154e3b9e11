import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// How a page's bytes were turned into UTF-8, and what the parser was given.
enum PageBytes {
    /// The page as UTF-8 bytes ready for libxml2, the charset used and where it was found, and warnings.
    struct Decoded {
        var utf8: [UInt8]
        var charset: String
        var source: HTMLArticle.CharsetSource
        var warnings: [String]
    }

    /// Whether the bytes start with gzip's magic number.
    static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

    /// Inflates gzip data, refusing output over `limit` bytes (a small file can inflate to gigabytes).
    static func gunzip(_ bytes: [UInt8], limit: Int) throws(HTMLError) -> [UInt8] {
        var stream = z_stream()
        // 15 window bits, +32: detect a gzip or zlib header.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw HTMLError("cannot start gzip decompression")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = UInt32(inBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    output.append(contentsOf: out[0..<(out.count - Int(stream.avail_out))])
                }
            } while status == Z_OK && output.count <= limit && (stream.avail_in > 0 || stream.avail_out == 0)
        }
        if output.count > limit { throw HTMLError("the page is larger than \(limit >> 20) MB once decompressed") }
        guard status == Z_STREAM_END || status == Z_OK else { throw HTMLError("not valid gzip data (zlib error \(status))") }
        return output
    }

    /// Finds the charset (byte-order mark, `<meta charset>`, the http-equiv content type, else UTF-8) and
    /// converts the page to UTF-8, replacing what cannot be decoded with U+FFFD.
    static func decode(_ bytes: [UInt8]) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(Array(bytes.dropFirst(3)), charset: "utf-8", source: .bom)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            let text = String(decoding: units, as: UTF16.self)
            return Decoded(utf8: Array(text.utf8), charset: little ? "utf-16le" : "utf-16be", source: .bom, warnings: [])
        }
        guard let (declared, source) = declaredCharset(bytes) else {
            return utf8(bytes, charset: "utf-8", source: .default)
        }
        var name = declared
        if ["iso-8859-1", "latin1", "iso8859-1", "us-ascii", "ascii", "l1", "cp1252"].contains(name) { name = "windows-1252" }
        if ["utf-8", "utf8", "unicode-1-1-utf-8"].contains(name) { return utf8(bytes, charset: "utf-8", source: source) }
        if name.hasPrefix("utf-16") {
            // A UTF-16 page without a byte-order mark could not have been read as ASCII to find the meta tag.
            return utf8(bytes, charset: "utf-8", source: source)
        }
        guard let converted = iconvToUTF8(bytes, from: name) else {
            var decoded = utf8(bytes, charset: "utf-8", source: .default)
            decoded.warnings.insert("unknown charset '\(declared)': read as UTF-8", at: 0)
            return decoded
        }
        var warnings: [String] = []
        if converted.bad > 0 { warnings.append("replaced \(converted.bad) byte(s) not valid in \(name) with U+FFFD") }
        return Decoded(utf8: converted.bytes, charset: name, source: source, warnings: warnings)
    }

    private static func utf8(_ bytes: [UInt8], charset: String, source: HTMLArticle.CharsetSource) -> Decoded {
        if String(validating: bytes, as: UTF8.self) != nil {
            return Decoded(utf8: bytes, charset: charset, source: source, warnings: [])
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return Decoded(utf8: Array(text.utf8), charset: charset, source: source,
                       warnings: ["replaced invalid UTF-8 with U+FFFD"])
    }

    /// The charset a `<meta>` tag in the first 4 KB declares, lowercased, and which kind of tag said so.
    static func declaredCharset(_ bytes: [UInt8]) -> (String, HTMLArticle.CharsetSource)? {
        let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var i = 0
        while let open = find(Array("<meta".utf8), in: head, from: i) {
            let close = head[open...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
            let tag = Array(head[open..<close])
            i = close
            guard let at = find(Array("charset".utf8), in: tag, from: 0) else { continue }
            var j = at + 7
            while j < tag.count, tag[j] == 0x20 || tag[j] == 0x3D || tag[j] == 0x22 || tag[j] == 0x27 { j += 1 }
            var k = j
            while k < tag.count, tag[k] > 0x20, tag[k] != 0x22, tag[k] != 0x27, tag[k] != 0x3B, tag[k] != 0x2F, tag[k] != 0x3E { k += 1 }
            guard k > j else { continue }
            let name = String(decoding: tag[j..<k], as: UTF8.self)
            let httpEquiv = find(Array("http-equiv".utf8), in: tag, from: 0) != nil
            return (name, httpEquiv ? .httpEquiv : .meta)
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = from
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// Converts with iconv, a byte it cannot convert becoming U+FFFD; nil when iconv does not know the charset.
    private static func iconvToUTF8(_ bytes: [UInt8], from charset: String) -> (bytes: [UInt8], bad: Int)? {
        let cd = iconv_open("UTF-8", charset)
        guard let cd, Int(bitPattern: cd) != -1 else { return nil }
        defer { iconv_close(cd) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 4)
        var bad = 0
        var chunk = [CChar](repeating: 0, count: 1 << 16)
        var input = bytes.map { CChar(bitPattern: $0) }
        input.withUnsafeMutableBufferPointer { inBuffer in
            var inPtr: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
            var inLeft = inBuffer.count
            while inLeft > 0 {
                chunk.withUnsafeMutableBufferPointer { out in
                    var outPtr: UnsafeMutablePointer<CChar>? = out.baseAddress
                    var outLeft = out.count
                    let result = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    output.append(contentsOf: out[0..<(out.count - outLeft)].map { UInt8(bitPattern: $0) })
                    if result == -1 && errno != E2BIG {
                        // An invalid or truncated sequence: one byte becomes U+FFFD.
                        bad += 1
                        output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                        inPtr = inPtr.map { $0 + 1 }
                        inLeft -= 1
                    }
                }
            }
        }
        return (output, bad)
    }

    /// Rewrites numeric character references libxml2 would drop (`&#0;`, surrogates, past U+10FFFF) as
    /// `&#xFFFD;`, and NUL bytes as U+FFFD, so each shows as a replacement character.
    static func repairReferences(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0) || firstBadReference(bytes) != nil else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let replacement = Array("&#xFFFD;".utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0 {
                out += [0xEF, 0xBF, 0xBD]
                i += 1
                continue
            }
            if b == 0x26, i + 2 < bytes.count, bytes[i + 1] == 0x23 {
                var j = i + 2
                let hex = j < bytes.count && (bytes[j] | 0x20) == 0x78
                if hex { j += 1 }
                var value: UInt64 = 0
                let digitsStart = j
                while j < bytes.count, j - digitsStart < 12 {
                    let c = bytes[j]
                    let digit: UInt64
                    if c >= 0x30 && c <= 0x39 { digit = UInt64(c - 0x30) }
                    else if hex, (c | 0x20) >= 0x61, (c | 0x20) <= 0x66 { digit = UInt64((c | 0x20) - 0x61 + 10) }
                    else { break }
                    value = value * (hex ? 16 : 10) + digit
                    j += 1
                }
                if j > digitsStart, value == 0 || (0xD800...0xDFFF).contains(value) || value > 0x10FFFF {
                    if j < bytes.count, bytes[j] == 0x3B { j += 1 }
                    out += replacement
                    i = j
                    continue
                }
            }
            out.append(b)
            i += 1
        }
        return out
    }

    /// The offset of the first numeric character reference that is NUL, a surrogate or past U+10FFFF.
    private static func firstBadReference(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i + 2 < b.count {
                if b[i] == 0x26 && b[i + 1] == 0x23 {
                    var j = i + 2
                    let hex = (b[j] | 0x20) == 0x78
                    if hex { j += 1 }
                    var value: UInt64 = 0
                    let digitsStart = j
                    while j < b.count, j - digitsStart < 12 {
                        let c = b[j] | 0x20
                        if b[j] >= 0x30 && b[j] <= 0x39 { value = value * (hex ? 16 : 10) + UInt64(b[j] - 0x30) }
                        else if hex, c >= 0x61, c <= 0x66 { value = value * 16 + UInt64(c - 0x61 + 10) }
                        else { break }
                        j += 1
                    }
                    if j > digitsStart, value == 0 || (0xD800...0xDFFF).contains(value) || value > 0x10FFFF { return i }
                }
                i += 1
            }
            return nil
        }
    }
}
