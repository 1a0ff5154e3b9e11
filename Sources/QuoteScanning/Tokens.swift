import LedeText


/// The tokens of short stretches of a document (the text around a quotation), from the stages' shared
/// ``WordScanner``: words with their titles' and initials' periods (`Dr.`, `E.`, `U.S.`), and punctuation.
package struct Tokenizer {
    package let b: UnsafeBufferPointer<UInt8>
    package let scanner: WordScanner

    package init(b: UnsafeBufferPointer<UInt8>, scanner: WordScanner) {
        self.b = b
        self.scanner = scanner
    }

    /// The tokens of `range`; with `untilStop`, only those before the first full stop.
    package func tokens(_ range: Range<Int>, untilStop: Bool = false) -> [Token] {
        var out: [Token] = []
        tokens(range, untilStop: untilStop, into: &out)
        return out
    }

    /// Fills `out` with the tokens of `range`, reusing its storage; with `appending`, after what it holds.
    package func tokens(_ range: Range<Int>, untilStop: Bool = false, into out: inout [Token], appending: Bool = false,
                maxTokens: Int = .max) {
        if !appending { out.removeAll(keepingCapacity: true) }
        guard out.count < maxTokens else { return }
        scanner.scan(b, range, punctuation: true) { t in
            if untilStop, t.kind == .stop { return false }
            out.append(t)
            return out.count < maxTokens
        }
    }

    /// An ASCII letter or digit, or any byte of a non-ASCII scalar: a byte that may be part of a word.
    @inline(__always) package static func isLetterOrDigit(_ c: UInt8) -> Bool {
        WordScanner.isLetter(c) || WordScanner.isDigit(c) || c >= 0x80
    }
}
