/// Hand-written matchers for the most frequent built-in rules, over UTF-8 bytes.
///
/// Almost every paragraph that reaches a rule's pattern (its trigger is present) is a real caption, and
/// one NSRegularExpression call costs about 2.5 µs on Linux however short the text, which was two thirds
/// of the stage's time. Each matcher here answers exactly what its rule's pattern in rules.yaml answers,
/// or says `unsure` (anything non-ASCII it cannot decide: Unicode spaces, case folding), and then the
/// pattern decides. A matcher is used only while the rule's pattern is the one it was written for, and a
/// test compares every matcher with its pattern over thousands of variants.
enum NativeVerdict: Equatable {
    /// The pattern does not match.
    case noMatch
    /// The pattern matches; for rules with a credit group, where that group starts (a byte offset).
    case match(creditStart: Int?)
    /// Decide with the regular expression.
    case unsure
}

/// A matcher over the bytes of a rule's window (the paragraph, or its tail).
typealias NativeMatcher = @Sendable (_ bytes: UnsafeBufferPointer<UInt8>, _ window: Range<Int>) -> NativeVerdict

enum NativeMatchers {
    /// Matchers by rule id, with the exact pattern each was written for.
    static let byRule: [String: (pattern: String, match: NativeMatcher)] = [
        "caption-slash-courtesy": (#"(/\s?Courtesy of [^/\n]{2,120})$"#, slashCourtesy),
        "caption-paren-agency": (#"(\((?:Yonhap|AP Photo/[^)\n]{1,80}|AFP(?: Photo)?(?:/[^)\n]{1,80})?|Reuters(?:/[^)\n]{1,80})?|EPA(?:-EFE)?(?:/[^)\n]{1,80})?|Getty Images(?:/[^)\n]{1,80})?|Photo (?:by|courtesy of) [^)\n]{1,80}|Courtesy of [^)\n]{1,80}|Xinhua(?:/[^)\n]{1,80})?|Kyodo|NEWS1|News1)\))\s*$"#, parenAgency),
        "caption-bracket-agency": (#"(\[(?:NEWS1|News1|Yonhap|YONHAP|AP|AFP|Reuters|Newsis)\])\s*$"#, bracketAgency),
        "caption-photo-colon": (#"((?:Photos?|Photograph|Image|PHOTO|Foto|FOTO|Picture|Pic): [^\n]{2,80})$"#, photoColon),
        "notice-ai-translation": (#"(?i)^\s*※?\s*(?:this (?:article|story|content) (?:has been|was|is) (?:translated|machine-translated)|(?:this is an? )?AI[- ]translat|※)"#, aiNotice),
        "notice-copyright-owner": (#"(?i)^[^\n]*(?:©|\bcopyright\b)\s*(?:©\s*|copyright\s*)?\d{4}[^\n]*\b(?:all rights reserved|part of (?:the )?[^\n.]{1,60}\b(?:group|network|plc|ltd|limited|inc)|editors(?:'|’)? code of practice)\b[^\n]*$|^[^\n]*\b(?:all rights reserved|part of (?:the )?[^\n.]{1,60}\b(?:group|network|plc|ltd|limited|inc)|editors(?:'|’)? code of practice)\b[^\n]*(?:©|\bcopyright\b)\s*(?:©\s*|copyright\s*)?\d{4}[^\n]*$"#, copyrightOwner),
        "chrome-navigation": (#"(?i)^\s*(?:skip to (?:main )?content|text size|(?:more|related|top|latest) (?:stories|articles|news)|share this(?: article| story)?|print this(?: article)?|read more|most read|advertisement|sign up for (?:our|the) newsletters?|follow us on [\w ]{1,30}|share your feedback(?: here)?)\s*[.:»›>|·–—-]*\s*$"#, chromeNavigation),
    ]

    // MARK: Shared pieces

    /// ASCII bytes that `\s` matches.
    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    /// Whether the window ends in a way `$` or `\s*$` treats specially that these matchers leave to the
    /// pattern: a line terminator, or any non-ASCII byte (which might be a Unicode space or terminator).
    @inline(__always)
    static func awkwardEnd(_ b: UnsafeBufferPointer<UInt8>, _ w: Range<Int>) -> Bool {
        guard let last = w.last else { return false }
        return b[last] == 0x0A || b[last] == 0x0D || b[last] == 0x0B || b[last] == 0x0C || b[last] >= 0x80
    }

    /// The end of the window without trailing ASCII spaces; nil when a non-ASCII byte ends it.
    static func trimmedEnd(_ b: UnsafeBufferPointer<UInt8>, _ w: Range<Int>) -> Int? {
        var e = w.upperBound
        while e > w.lowerBound, isSpace(b[e - 1]) { e -= 1 }
        if e > w.lowerBound, b[e - 1] >= 0x80 { return nil }
        return e
    }

    /// Whether `literal` occurs at `at` (case-sensitively).
    @inline(__always)
    static func has(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard at >= 0, at + n <= end else { return false }
        let p = literal.utf8Start
        for k in 0..<n where b[at + k] != p[k] { return false }
        return true
    }

    /// Code points in `range` when it holds none of the `excluded` ASCII bytes; nil when it holds one.
    static func codePoints(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, excluding excluded: (UInt8, UInt8)) -> Int? {
        var n = 0
        for i in range {
            let c = b[i]
            if c == excluded.0 || c == excluded.1 { return nil }
            if c & 0xC0 != 0x80 { n += 1 }
        }
        return n
    }

    // MARK: Caption credits

    /// `(/\s?Courtesy of [^/\n]{2,120})$`: only the last slash can start it.
    static let slashCourtesy: NativeMatcher = { b, w in
        if awkwardEnd(b, w) { return .unsure }
        var slash = w.upperBound - 1
        while slash >= w.lowerBound, b[slash] != UInt8(ascii: "/") { slash -= 1 }
        guard slash >= w.lowerBound else { return .noMatch }
        var q = slash + 1
        if q < w.upperBound, b[q] >= 0x80 { return .unsure }
        if q < w.upperBound, isSpace(b[q]) { q += 1 }
        guard has(b, q, w.upperBound, "Courtesy of ") else { return .noMatch }
        guard let n = codePoints(b, (q + 12)..<w.upperBound, excluding: (0x2F, 0x0A)), (2...120).contains(n) else { return .noMatch }
        return .match(creditStart: slash)
    }

    /// `(\[(?:NEWS1|News1|...)\])\s*$`.
    static let bracketAgency: NativeMatcher = { b, w in
        guard let e = trimmedEnd(b, w) else { return .unsure }
        if w.upperBound > e, b[w.upperBound - 1] != 0x20 && b[w.upperBound - 1] != 0x09 { return .unsure }
        for token: StaticString in ["[NEWS1]", "[News1]", "[Yonhap]", "[YONHAP]", "[AP]", "[AFP]", "[Reuters]", "[Newsis]"] {
            let start = e - token.utf8CodeUnitCount
            if start >= w.lowerBound, has(b, start, e, token) { return .match(creditStart: start) }
        }
        return .noMatch
    }

    /// `(\((?:Yonhap|AP Photo/X|AFP(?: Photo)?(?:/X)?|...)\))\s*$`, where X is `[^)\n]{1,80}`. The group
    /// holds no `)`, so it starts at an opening parenthesis after the last `)` but the final one; the
    /// leftmost that works is the match.
    static let parenAgency: NativeMatcher = { b, w in
        guard let e = trimmedEnd(b, w) else { return .unsure }
        if w.upperBound > e, b[w.upperBound - 1] != 0x20 && b[w.upperBound - 1] != 0x09 { return .unsure }
        guard e > w.lowerBound, b[e - 1] == UInt8(ascii: ")") else { return .noMatch }
        let close = e - 1
        var from = close - 1
        while from >= w.lowerBound, b[from] != UInt8(ascii: ")") { from -= 1 }
        var open = from + 1
        while open < close {
            if b[open] == UInt8(ascii: "("), parenContent(b, (open + 1)..<close) { return .match(creditStart: open) }
            open += 1
        }
        return .noMatch
    }

    /// One of the alternatives of `caption-paren-agency`, exactly filling `c`.
    static func parenContent(_ b: UnsafeBufferPointer<UInt8>, _ c: Range<Int>) -> Bool {
        let s = c.lowerBound, e = c.upperBound
        func exactly(_ literal: StaticString) -> Bool { e - s == literal.utf8CodeUnitCount && has(b, s, e, literal) }
        /// `[^)\n]{1,80}` from `at` to the end (no `)` can occur: the caller stops at the last one).
        func free(_ at: Int) -> Bool {
            guard let n = codePoints(b, at..<e, excluding: (0x0A, 0x29)) else { return false }
            return (1...80).contains(n)
        }
        /// `NAME(?:/X)?`.
        func name(_ literal: StaticString) -> Bool {
            let n = literal.utf8CodeUnitCount
            guard has(b, s, e, literal) else { return false }
            return s + n == e || (b[s + n] == UInt8(ascii: "/") && free(s + n + 1))
        }
        if exactly("Yonhap") || exactly("Kyodo") || exactly("NEWS1") || exactly("News1") { return true }
        if has(b, s, e, "AP Photo/") && free(s + 9) { return true }
        if name("AFP") || name("AFP Photo") || name("Reuters") || name("EPA") || name("EPA-EFE") || name("Getty Images") || name("Xinhua") {
            return true
        }
        if has(b, s, e, "Photo by ") && free(s + 9) { return true }
        if has(b, s, e, "Photo courtesy of ") && free(s + 18) { return true }
        if has(b, s, e, "Courtesy of ") && free(s + 12) { return true }
        return false
    }

    /// `((?:Photos?|Photograph|Image|PHOTO|Foto|FOTO|Picture|Pic): [^\n]{2,80})$`: the leftmost label whose
    /// rest fits.
    static let photoColon: NativeMatcher = { b, w in
        if awkwardEnd(b, w) { return .unsure }
        let labels: [StaticString] = ["Photo: ", "Photos: ", "Photograph: ", "Image: ", "PHOTO: ", "Foto: ", "FOTO: ", "Picture: ", "Pic: "]
        var i = w.lowerBound
        while i < w.upperBound {
            let c = b[i]
            if c == UInt8(ascii: "P") || c == UInt8(ascii: "I") || c == UInt8(ascii: "F") {
                for label in labels where has(b, i, w.upperBound, label) {
                    let rest = (i + label.utf8CodeUnitCount)..<w.upperBound
                    if let n = codePoints(b, rest, excluding: (0x0A, 0x0A)), (2...80).contains(n) { return .match(creditStart: i) }
                }
            }
            i += 1
        }
        return .noMatch
    }

    // MARK: Notices and chrome (case-insensitive, anchored at the start)

    /// Reads ASCII case-insensitively, refusing non-ASCII letters (which might fold to ASCII ones).
    struct Folded {
        let b: UnsafeBufferPointer<UInt8>
        let end: Int
        var i: Int
        /// Set when a non-ASCII byte stood where a decision needed a letter.
        var unsure = false

        /// Consumes `word` (lowercase ASCII) if it is next.
        mutating func take(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard i + n <= end else {
                // A prefix of the word then the end: no match either way, unless a non-ASCII byte hides one.
                for k in i..<end where b[k] >= 0x80 { unsure = true }
                return false
            }
            let p = word.utf8Start
            for k in 0..<n {
                var c = b[i + k]
                if c >= 0x80 { unsure = true; return false }
                if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                if c != p[k] { return false }
            }
            i += n
            return true
        }

        /// Tries `word` and leaves the position alone when it is not there.
        mutating func attempt(_ word: StaticString) -> Bool {
            let saved = i
            if take(word) { return true }
            i = saved
            return false
        }

        /// Skips ASCII `\s*`; a non-ASCII byte there might be a Unicode space.
        mutating func spaces() {
            while i < end, isSpace(b[i]) { i += 1 }
        }

        var nextIsNonASCII: Bool { i < end && b[i] >= 0x80 }
    }

    /// `(?i)^\s*※?\s*(?:this (?:article|story|content) (?:has been|was|is) (?:translated|machine-translated)|(?:this is an? )?AI[- ]translat|※)`.
    static let aiNotice: NativeMatcher = { b, w in
        var r = Folded(b: b, end: w.upperBound, i: w.lowerBound)
        r.spaces()
        func reference(_ at: Int) -> Bool { at + 3 <= w.upperBound && b[at] == 0xE2 && b[at + 1] == 0x80 && b[at + 2] == 0xBB }
        if reference(r.i) { return .match(creditStart: nil) } // `※?` empty, then the `※` alternative
        if r.nextIsNonASCII { return .unsure }
        var t = r
        if t.take("this ") {
            let kind = t.attempt("article") || t.attempt("story") || t.attempt("content")
            if kind, t.take(" "), t.attempt("has been") || t.attempt("was") || t.attempt("is"), t.take(" "),
               t.attempt("translated") || t.attempt("machine-translated") {
                return .match(creditStart: nil)
            }
        }
        if t.unsure { return .unsure }
        var a = r
        if a.attempt("this is a") {
            _ = a.attempt("n")
            if !a.take(" ") { a = r }
        }
        if a.take("ai"), a.i < w.upperBound, b[a.i] == UInt8(ascii: "-") || b[a.i] == 0x20 {
            a.i += 1
            if a.take("translat") { return .match(creditStart: nil) }
        }
        if a.unsure { return .unsure }
        // `(?:this is an? )?` may also be skipped when it is there, but then `ai` must start at "this": no.
        return .noMatch
    }

    /// `(?i)^\s*(?:skip to (?:main )?content|...|follow us on [\w ]{1,30}|...)\s*[.:»›>|·–—-]*\s*$`.
    static let chromeNavigation: NativeMatcher = { b, w in
        var r = Folded(b: b, end: w.upperBound, i: w.lowerBound)
        r.spaces()
        if r.nextIsNonASCII { return .unsure }
        let start = r
        /// `\s*[.:»›>|·–—-]*\s*$` from `at`; nil when unsure.
        func tail(_ at: Int) -> Bool? {
            var i = at
            while i < w.upperBound, isSpace(b[i]) { i += 1 }
            while i < w.upperBound {
                let c = b[i]
                if c == UInt8(ascii: ".") || c == UInt8(ascii: ":") || c == UInt8(ascii: ">") || c == UInt8(ascii: "|") || c == UInt8(ascii: "-") {
                    i += 1
                } else if i + 1 < w.upperBound, c == 0xC2, b[i + 1] == 0xBB || b[i + 1] == 0xB7 {        // » ·
                    i += 2
                } else if i + 2 < w.upperBound, c == 0xE2, b[i + 1] == 0x80, b[i + 2] == 0xBA || b[i + 2] == 0x93 || b[i + 2] == 0x94 { // › – —
                    i += 3
                } else {
                    break
                }
            }
            while i < w.upperBound, isSpace(b[i]) { i += 1 }
            if i == w.upperBound { return true }
            return b[i] >= 0x80 ? nil : false
        }
        var unsure = false
        /// Tries each way of reading a phrase (ending positions) against the tail.
        func ends(_ positions: [Int]) -> Bool {
            for p in positions {
                switch tail(p) {
                case true?: return true
                case nil: unsure = true
                case false?: break
                }
            }
            return false
        }
        func phrase(_ parts: [[StaticString]]) -> [Int] {
            // Each element of `parts` is a list of alternatives; "" makes a part optional.
            var states = [start]
            for alternatives in parts {
                var next: [Folded] = []
                for state in states {
                    for word in alternatives {
                        var s = state
                        if word.utf8CodeUnitCount == 0 || s.take(word) { next.append(s) }
                        if s.unsure { unsure = true }
                    }
                }
                states = next
            }
            return states.map(\.i)
        }
        let phrases: [[[StaticString]]] = [
            [["skip to "], ["main ", ""], ["content"]],
            [["text size"]],
            [["more ", "related ", "top ", "latest "], ["stories", "articles", "news"]],
            [["share this"], [" article", " story", ""]],
            [["print this"], [" article", ""]],
            [["read more"]], [["most read"]], [["advertisement"]],
            [["sign up for "], ["our ", "the "], ["newsletter"], ["s", ""]],
            [["share your feedback"], [" here", ""]],
        ]
        for parts in phrases where ends(phrase(parts)) { return .match(creditStart: nil) }
        // follow us on [\w ]{1,30}: the run of word characters and spaces, then the tail.
        // follow us on [\w ]{1,30}: a run of word characters and spaces, then the tail. Only a reading that
        // ends at or after the run's last word character can be followed by the tail, and all of those
        // read the same tail, so one check decides.
        var f = start
        if f.take("follow us on ") {
            var i = f.i, last = f.i
            while i < w.upperBound {
                let c = b[i]
                if c >= 0x80 { return .unsure } // \w takes Unicode letters
                let word = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
                if !word && c != 0x20 { break }
                i += 1
                if word { last = i }
            }
            let lo = max(last, f.i + 1), hi = min(i, f.i + 30)
            if lo <= hi {
                switch tail(lo) {
                case true?: return .match(creditStart: nil)
                case nil: unsure = true
                case false?: break
                }
            }
        }
        if f.unsure { unsure = true }
        return unsure ? .unsure : .noMatch
    }

    // MARK: Notices

    /// `notice-copyright-owner`: a line holding a copyright mark (`©`, or `copyright` as a word) with a year after it, and
    /// `all rights reserved`, `part of [the] X group|network|plc|ltd|limited|inc` or `editors['] code of practice` as
    /// words, the one after the other in either order, case folded. Sure on ASCII text and `©`; a line break, another
    /// line terminator or any other non-ASCII byte is the pattern's to decide.
    static let copyrightOwner: NativeMatcher = { b, w in
        var i = w.lowerBound
        while i < w.upperBound {
            let c = b[i]
            if c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D { return .unsure }
            if c >= 0x80 {
                guard c == 0xC2, i + 1 < w.upperBound, b[i + 1] == 0xA9 else { return .unsure }
                i += 2
                continue
            }
            i += 1
        }
        @inline(__always) func word(_ k: Int) -> Bool {
            guard k >= w.lowerBound, k < w.upperBound else { return false }
            let c = b[k]
            return c &- 0x30 < 10 || (c | 0x20) &- 0x61 < 26 || c == 0x5F
        }
        @inline(__always) func boundary(_ k: Int) -> Bool { word(k - 1) != word(k) }
        /// Whether `literal` (lower case ASCII) occurs at `k`, case folded.
        func folded(_ k: Int, _ literal: StaticString) -> Bool {
            let n = literal.utf8CodeUnitCount
            guard k >= w.lowerBound, k + n <= w.upperBound else { return false }
            let p = literal.utf8Start
            for j in 0..<n {
                let c = b[k + j]
                if (c &- 0x41 < 26 ? c | 0x20 : c) != p[j] { return false }
            }
            return true
        }
        @inline(__always) func copyrightSign(_ k: Int) -> Bool { k + 1 < w.upperBound && b[k] == 0xC2 && b[k + 1] == 0xA9 }
        @inline(__always) func spaces(_ k: Int) -> Int {
            var k = k
            while k < w.upperBound, b[k] == 0x20 || b[k] == 0x09 { k += 1 }
            return k
        }
        // The marks: where each starts, and where its year ends (nil without one).
        var marks: [(start: Int, yearEnd: Int?)] = []
        // The phrases: where each starts, and the earliest it can end.
        var phrases: [(start: Int, end: Int)] = []
        var k = w.lowerBound
        while k < w.upperBound {
            var markEnd: Int?
            if copyrightSign(k) { markEnd = k + 2 } else if (b[k] | 0x20) == 0x63, boundary(k), folded(k, "copyright"), boundary(k + 9) { markEnd = k + 9 }
            if let e = markEnd {
                var j = spaces(e)
                if copyrightSign(j) { j = spaces(j + 2) } else if folded(j, "copyright") { j = spaces(j + 9) }
                var digits = 0
                while digits < 4, j + digits < w.upperBound, b[j + digits] &- 0x30 < 10 { digits += 1 }
                marks.append((k, digits == 4 ? j + 4 : nil))
            }
            if boundary(k) {
                if folded(k, "all rights reserved"), boundary(k + 19) { phrases.append((k, k + 19)) }
                if folded(k, "editors") {
                    let j = k + 7 < w.upperBound && b[k + 7] == 0x27 ? k + 8 : k + 7
                    if folded(j, " code of practice"), boundary(j + 17) { phrases.append((k, j + 17)) }
                }
                if folded(k, "part of ") {
                    var best: Int?
                    for s in folded(k + 8, "the ") ? [k + 8, k + 12] : [k + 8] {
                        // `[^\n.]{1,60}` (code points; `©` is one), then a body's word standing alone.
                        var chars = 0, e = s
                        while e < w.upperBound, b[e] != 0x2E {
                            e += copyrightSign(e) ? 2 : 1
                            chars += 1
                            guard chars <= 60 else { break }
                            guard boundary(e) else { continue }
                            for (body, n) in [("group", 5), ("network", 7), ("plc", 3), ("ltd", 3), ("limited", 7), ("inc", 3)] as [(StaticString, Int)]
                            where folded(e, body) && boundary(e + n) {
                                best = min(best ?? .max, e + n)
                            }
                        }
                    }
                    if let best { phrases.append((k, best)) }
                }
            }
            k += 1
        }
        for m in marks {
            guard let year = m.yearEnd else { continue }
            if phrases.contains(where: { $0.start >= year || $0.end <= m.start }) { return .match(creditStart: nil) }
        }
        return .noMatch
    }
}
