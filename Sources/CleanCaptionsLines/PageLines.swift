import Foundation
import CleanCaptionsFeatures
import LedeCore
import LedeText

/// The tests clean-captions' page reading reads single lines with: a label of related stories, a headline's form, a
/// byline, a teaser. Each takes the page's bytes and the range of one trimmed line (or paragraph).
package enum PageLines {
    /// Labels over a list of links to other stories, compared without case and closing marks.
    package static let relatedLabels: [[UInt8]] = ["more stories", "more news", "related", "related stories", "related articles",
                                           "related news", "related posts", "you may also like", "you might also like",
                                           "read next", "recommended", "recommended stories", "trending", "trending now",
                                           "trending stories", "latest news", "latest stories", "latest videos", "top news",
                                           "top stories", "most popular", "popular stories", "must read", "editor's picks",
                                           "editors' picks", "you may have missed", "don't miss", "what to read next",
                                           "in case you missed it", "breaking", "breaking news", "just in", "upcoming events", "read more",
                                           "recent posts", "recent stories", "recent news", "latest posts", "latest headlines",
                                           "top headlines", "more headlines", "most read", "most viewed", "most shared",
                                           "popular posts", "other news", "other stories", "see also", "also read", "read also",
                                           "editor's choice", "editors' choice", "related content", "more like this"].map { Array($0.utf8) }
    /// Labels of a section's latest stories: `Latest in Sport`, `More from Business`, `Most read in Irish News`, `More stories from News`.
    package static let relatedPrefixes: [[UInt8]] = ["latest in ", "more from ", "more in ", "most read in ", "read more in ", "more on ", "read more from ",
                                             "more stories from ", "more stories in ", "more news from ", "more news in ", "more "].map { Array($0.utf8) }

    package static func isRelatedLabel(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        var p = p
        while let last = p.last, b[last] == UInt8(ascii: ":") || b[last] == UInt8(ascii: ".") || b[last] == UInt8(ascii: ">") { p = p.lowerBound..<last }
        guard p.count <= 30 else { return false }
        @inline(__always) func lower(_ i: Int) -> UInt8 { b[i] | (b[i] >= 0x41 && b[i] <= 0x5A ? 0x20 : 0) }
        if p.count <= 24, relatedLabels.contains(where: { label in label.count == p.count && zip(label, p).allSatisfy { $0 == lower($1) } }) {
            return true
        }
        // A prefix, then one or two capitalized words.
        for prefix in relatedPrefixes where p.count > prefix.count && zip(prefix, p).allSatisfy({ $0 == lower($1) }) {
            let rest = (p.lowerBound + prefix.count)..<p.upperBound
            var words = 0, i = rest.lowerBound
            while i < rest.upperBound {
                guard b[i] >= 0x41 && b[i] <= 0x5A else { return false }
                words += 1
                while i < rest.upperBound, b[i] != 0x20 { i += 1 }
                while i < rest.upperBound, b[i] == 0x20 { i += 1 }
            }
            return words <= 2
        }
        return false
    }

    /// Whether a line is a section's name: two or three words, the first opening with a capital, the last `news` in any case,
    /// nothing else but letters, hyphens and apostrophes (`Skye news`, `Regional News`, `Business News`).
    package static func sectionName(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        guard p.count >= 6, p.count <= 40, b[p.lowerBound] >= 0x41 && b[p.lowerBound] <= 0x5A else { return false }
        var spaces = 0
        for i in p {
            let c = b[i]
            if c == 0x20 {
                guard b[i - 1] != 0x20 else { return false }
                spaces += 1
            } else if !(ParagraphScan.isLetter(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: "'") || c >= 0x80) {
                return false
            }
        }
        return (1...2).contains(spaces) && b[p.upperBound - 5] == 0x20 && isExactlyFolded(b, (p.upperBound - 4)..<p.upperBound, "news")
    }

    /// A link to the rest of a story: `Read more`, `Read More »`, `Read full story`, `Continue reading`.
    package static func isReadMore(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        var p = p
        while let last = p.last, b[last] < 0x41 || b[last] >= 0x80 { p = p.lowerBound..<last }
        let labels: [StaticString] = ["read more", "read full story", "read the full story", "continue reading"]
        return labels.contains { isExactlyFolded(b, p, $0) }
    }

    /// Whether the line opens with a caption's kicker: one to four words, the last closing with a colon, then a space and a
    /// capital (`on the charge: Jo Lane ...`, `Big win: Mr Tan ...`), in any case.
    package static func opensWithLead(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        var words = 1
        var i = p.lowerBound
        while i + 2 < p.upperBound, words <= 4 {
            let c = b[i]
            if c == 0x20 {
                words += 1
            } else if c == UInt8(ascii: ":") {
                return i > p.lowerBound && ParagraphScan.isLetter(b[i - 1]) && b[i + 1] == 0x20 && b[i + 2] >= 0x41 && b[i + 2] <= 0x5A
            } else if !(ParagraphScan.isLetter(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: "'") || c >= 0x80) {
                return false
            }
            i += 1
        }
        return false
    }

    /// Whether the line is a reader's comment's header: a name of one to three words opening with a capital, a bar between
    /// spaces, then the date and the clock time it was posted, a figure first (`Guest | 4-Jun-2012 8:05 pm`), 80 bytes at most.
    package static func isCommentHeader(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        guard p.count >= 12, p.count <= 80, b[p.lowerBound] >= 0x41 && b[p.lowerBound] <= 0x5A else { return false }
        var bar = p.lowerBound
        while bar + 2 < p.upperBound, !(b[bar] == 0x20 && b[bar + 1] == UInt8(ascii: "|") && b[bar + 2] == 0x20) { bar += 1 }
        guard bar + 3 < p.upperBound else { return false }
        let name = p.lowerBound..<bar, stamp = (bar + 3)..<p.upperBound
        let spaces = name.reduce(0) { $0 + (b[$1] == 0x20 ? 1 : 0) }
        guard spaces <= 2, !name.contains(where: { b[$0] >= 0x30 && b[$0] <= 0x39 }),
              b[stamp.lowerBound] >= 0x30 && b[stamp.lowerBound] <= 0x39,
              !stamp.contains(where: { b[$0] == UInt8(ascii: "|") }) else { return false }
        // A clock time: a colon between figures.
        return stamp.dropFirst().dropLast().contains { b[$0] == UInt8(ascii: ":") && b[$0 - 1] >= 0x30 && b[$0 - 1] <= 0x39 && b[$0 + 1] >= 0x30 && b[$0 + 1] <= 0x39 }
    }

    /// Where a closing `...` or `…` starts, if the line ends with one.
    package static func ellipsis(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Int? {
        let end = p.upperBound
        guard p.count >= 3 else { return nil }
        if b[end - 1] == UInt8(ascii: "."), b[end - 2] == UInt8(ascii: "."), b[end - 3] == UInt8(ascii: ".") { return end - 3 }
        if b[end - 1] == 0xA6, b[end - 2] == 0x80, b[end - 3] == 0xE2 { return end - 3 }
        return nil
    }

    /// Where the last `...` or `…` of a line starts (both are three bytes long).
    package static func lastEllipsis(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Int? {
        var i = p.upperBound - 3
        while i >= p.lowerBound {
            if b[i] == UInt8(ascii: "."), b[i + 1] == UInt8(ascii: "."), b[i + 2] == UInt8(ascii: ".") { return i }
            if b[i] == 0xE2, b[i + 1] == 0x80, b[i + 2] == 0xA6 { return i }
            i -= 1
        }
        return nil
    }

    /// Whether a line is cut off in mid-sentence: a sentence's opening of five to fifteen words, on one line, with no
    /// quotation, no colon, no figure at its end, and its last word in lowercase with no closing punctuation.
    package static func cutOff(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>, _ s: ParagraphScan?) -> Bool {
        guard let s, !s.plain, s.features[.noEndPunct], !s.features[.quote], (5...15).contains(s.words), !s.features[.sentences],
              !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D || b[$0] == UInt8(ascii: ":") }) else { return false }
        var w = p.upperBound
        while w > p.lowerBound, b[w - 1] != 0x20 { w -= 1 }
        return (w..<p.upperBound).allSatisfy { b[$0] >= 0x61 && b[$0] <= 0x7A }
    }

    /// Whether a line is a headline in title case: one line of six to twenty words with no closing punctuation, every
    /// word of four letters or more opening with a capital, and a word in lowercase letters after its capital (not a
    /// line in capitals).
    package static func titleCase(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>, _ s: ParagraphScan) -> Bool {
        guard !s.plain, s.features[.noEndPunct], !s.features[.quote], (6...20).contains(s.words), p.count <= 160,
              !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }) else { return false }
        var i = p.lowerBound, lower = false
        while i < p.upperBound {
            while i < p.upperBound, b[i] == 0x20 { i += 1 }
            let start = i
            var letters = 0
            while i < p.upperBound, b[i] != 0x20 {
                if ParagraphScan.isLetter(b[i]) || b[i] >= 0x80 { letters += 1 }
                if b[i] >= 0x61 && b[i] <= 0x7A { lower = true }
                i += 1
            }
            if letters >= 4, !(b[start] >= 0x41 && b[start] <= 0x5A) { return false }
        }
        return lower
    }

    /// Whether a line has a small word of a title in lowercase (`of`, `for`, `to`, `in`, `on`, `at`, `the`, `with`, `by`,
    /// `from`): a headline in title case, not a list of names (joined by `and` at most).
    package static func hasSmallWord(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        var i = p.lowerBound
        while i < p.upperBound {
            while i < p.upperBound, b[i] == 0x20 { i += 1 }
            let start = i
            while i < p.upperBound, b[i] != 0x20 { i += 1 }
            let w = start..<i
            for word: StaticString in ["of", "for", "to", "in", "on", "at", "the", "with", "by", "from"] where isExactly(b, w, word) { return true }
        }
        return false
    }

    /// Whether a line reads as a page's headline: one line of two to twenty-five words and 160 bytes at most, opening
    /// with a capital, a figure or a quotation mark, with no closing full stop, no web address, no date alone, and no
    /// bar of links.
    package static func titleLike(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>, _ s: ParagraphScan, question: Bool = false) -> Bool {
        // (With `question`, a headline that asks, `Should the Police Have Posed With Him?`, one sentence.)
        let asks = question && b[p.upperBound - 1] == UInt8(ascii: "?") && !s.features[.sentences]
        // (A headline closing with a word in single quotes, `Judge calls delay an 'utter farce'`, or with words in double quotes,
        // `Council “tried to get round the law”`, has no closing punctuation.)
        // (Or a headline that is all one quotation, `“Hunza is being ignored in the regional setup”`: no stop before its mark.)
        let quotedEnd = !s.plain && !s.features[.sentences] && (endsWithSingleQuoted(b, p) || endsWithDoubleQuoted(b, p) || wholeQuoted(b, p))
        // (A headline labelled with a bar, `WATCH | Crowds gather ...`, is no bar of links.)
        guard !s.plain, s.hasLetters, (2...25).contains(s.words), p.count <= 160, s.features[.noEndPunct] || asks || quotedEnd, !s.features[.url],
              !isLinkBar(b, p) || labelledTitle(b, p),
              !s.features[.dateOnly], !s.features[.datelineOnly], !s.features[.email],
              !p.contains(where: { b[$0] == 0x0A || b[$0] == 0x0D }) else { return false }
        let c = b[p.lowerBound]
        // (Or a currency's sign: `$700,000 In Funding Helps Arena`, `£2m for the pier`.)
        return c >= 0x41 && c <= 0x5A || ParagraphScan.isDigit(c) || c == 0x22 || c == 0xE2 || c == UInt8(ascii: "$")
            || c == 0xC2 && p.count > 1 && b[p.lowerBound + 1] == 0xA3
    }

    /// Whether a line is two parts set apart by one bar, middle dot or dash between spaces (`Coast Post  |  Independent.
    /// Fearless.`, `Coast Post -- News Fiji`), or by a gap of two spaces or more (`CPN  Coast Post News`), the first of one
    /// to three words.
    package static func separatedPair(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        var i = p.lowerBound + 1, marks = 0, first = -1
        while i + 1 < p.upperBound {
            if b[i - 1] == 0x20 {
                // (A gap: the spaces, a mark perhaps, and the spaces after it, read as one separator.)
                var e = i
                while e < p.upperBound, b[e] == 0x20 { e += 1 }
                var w = 0
                if e + 1 < p.upperBound {
                    if b[e] == UInt8(ascii: "|") { w = 1 }
                    else if b[e] == 0xC2, b[e + 1] == 0xB7 { w = 2 }
                    else if b[e] == UInt8(ascii: "-"), b[e + 1] == UInt8(ascii: "-") { w = 2 }
                    else if b[e] == 0xE2, e + 2 < p.upperBound, b[e + 1] == 0x80, b[e + 2] == 0x94 || b[e + 2] == 0x93 { w = 3 }
                }
                if w > 0, e + w < p.upperBound, b[e + w] == 0x20 {
                    e += w
                    while e < p.upperBound, b[e] == 0x20 { e += 1 }
                } else if e == i {
                    i += 1
                    continue
                }
                if w > 0 || e > i {
                    marks += 1
                    if first < 0 { first = i - 1 }
                    i = e + 1
                    continue
                }
            }
            i += 1
        }
        guard marks == 1 else { return false }
        let name = p.lowerBound..<first
        return (1...3).contains(name.count { b[$0] == 0x20 } + 1)
    }

    /// Whether a line is one quotation in curly double quotes and nothing else, its closing mark right after a letter:
    /// `“Hunza is being ignored”` (speech in the text closes with its stop inside: `“We will wait.”`).
    package static func wholeQuoted(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        let end = p.upperBound
        guard p.count >= 12, b[p.lowerBound] == 0xE2, b[p.lowerBound + 1] == 0x80, b[p.lowerBound + 2] == 0x9C,
              b[end - 3] == 0xE2, b[end - 2] == 0x80, b[end - 1] == 0x9D, ParagraphScan.isLetter(b[end - 4]) else { return false }
        var i = p.lowerBound + 3
        while i + 2 < end - 3 {
            if b[i] == 0xE2, b[i + 1] == 0x80, b[i + 2] == 0x9C || b[i + 2] == 0x9D { return false }
            i += 1
        }
        return true
    }

    /// Whether a line is a headline labelled with a bar: a word of two to seven capitals, a bar, and a title of three words or
    /// more with no other bar (`WATCH | Crowds gather outside the court`); or a place's or a section's name, one capitalized
    /// word, a bar, and a title in sentence case of five words or more (`Ria | Port: council backs the new ferry plan`), which
    /// no menu of capitalized links reads as.
    package static func labelledTitle(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        var i = p.lowerBound
        while i < p.upperBound, b[i] >= 0x41 && b[i] <= 0x5A { i += 1 }
        let capitals = i - p.lowerBound
        var named = false
        if capitals == 1 {
            while i < p.upperBound, b[i] >= 0x61 && b[i] <= 0x7A { i += 1 }
            named = (3...20).contains(i - p.lowerBound)
        }
        guard (2...7).contains(capitals) || named else { return false }
        while i < p.upperBound, b[i] == 0x20 { i += 1 }
        guard i < p.upperBound, b[i] == UInt8(ascii: "|") else { return false }
        let rest = (i + 1)..<p.upperBound
        guard !rest.contains(where: { b[$0] == UInt8(ascii: "|") }) else { return false }
        if !named { return rest.count { b[$0] == 0x20 } >= 3 }
        return rest.count { b[$0] == 0x20 } >= 5 && rest.count { b[$0 - 1] == 0x20 && b[$0] >= 0x61 && b[$0] <= 0x7A } >= 2
    }

    /// Whether a line is a staff title alone, in sentence case or capitalized (`Senior reporter`, `Staff Writer`): one to
    /// three words, a staff title among them, no closing punctuation.
    package static func staffTitleLine(_ s: ParagraphScan) -> Bool {
        !s.plain && s.features[.staffTitle] && (1...3).contains(s.words) && s.features[.noEndPunct] && s.features[.short] && !s.features[.quote]
    }

    /// Whether a line is a bar of links: a `|` in it, an opening `/` (`/ Home / News`), or links glued together.
    package static func isLinkBar(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        // (A breadcrumb's `»` or `›` between links, `Home » Metro » Public Services`, twice at least.)
        var crumbs = 0
        for i in p where i + 1 < p.upperBound {
            if b[i] == 0xC2 && b[i + 1] == 0xBB || b[i] == 0xE2 && i + 2 < p.upperBound && b[i + 1] == 0x80 && b[i + 2] == 0xBA { crumbs += 1 }
        }
        return crumbs >= 2 || p.contains { b[$0] == UInt8(ascii: "|") } || b[p.lowerBound] == UInt8(ascii: "/") || gluedLinks(b, p) >= 2
            || spacedLinks(b, p) >= 3
    }

    /// How many gaps of two spaces or more part the words of a line of one line's length, each between a letter and a capital
    /// (`News  Sport  Business  Weather`: a menu pasted with its links apart; a sentence has one space between its words).
    package static func spacedLinks(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Int {
        guard p.count <= 200 else { return 0 }
        var count = 0, i = p.lowerBound
        while i < p.upperBound {
            let c = b[i]
            if c == 0x0A || c == 0x0D { return 0 }
            if c == 0x20, i + 1 < p.upperBound, b[i + 1] == 0x20, i > p.lowerBound, ParagraphScan.isLetter(b[i - 1]) {
                var j = i
                while j < p.upperBound, b[j] == 0x20 { j += 1 }
                // (A link may open with one small letter before its capital: `ePaper`.)
                if j < p.upperBound, b[j] >= 0x41 && b[j] <= 0x5A || j + 1 < p.upperBound && b[j] >= 0x61 && b[j] <= 0x7A && b[j + 1] >= 0x41 && b[j + 1] <= 0x5A {
                    count += 1
                }
                i = j
                continue
            }
            i += 1
        }
        return count
    }

    /// Whether a line without a full stop describes a scene with a present participle and no finite verb before it
    /// (`Residents collecting water at a borehole`, `Pupils waiting for the bus`): a picture's alt text, not a headline,
    /// which says what happened (`Residents protest water cuts`). The participle follows its subject among the first five
    /// words, not after a form of `be` (`Residents are collecting ...` tells) nor a preposition (`Fears over rising prices`).
    package static func participleScene(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        var words: [Range<Int>] = []
        var i = p.lowerBound
        while i < p.upperBound, words.count < 6 {
            while i < p.upperBound, b[i] == 0x20 { i += 1 }
            let start = i
            while i < p.upperBound, b[i] != 0x20 { i += 1 }
            if i > start { words.append(start..<i) }
        }
        guard words.count >= 3 else { return false }
        for w in 1..<min(5, words.count) {
            let r = words[w]
            guard r.count >= 6, r.allSatisfy({ b[$0] >= 0x61 && b[$0] <= 0x7A }),
                  b[r.upperBound - 3] == UInt8(ascii: "i"), b[r.upperBound - 2] == UInt8(ascii: "n"), b[r.upperBound - 1] == UInt8(ascii: "g")
            else { continue }
            let before = words[w - 1]
            // (The subject before it opens with a capital or is a plural noun: `Harbour residents`, `Pupils`.)
            guard before.allSatisfy({ ParagraphScan.isLetter(b[$0]) }) else { return false }
            for word: StaticString in ["is", "are", "was", "were", "be", "been", "being", "am", "of", "for", "by", "about", "after",
                                       "before", "from", "in", "on", "to", "with", "over", "as", "and", "or", "the", "a", "an", "not",
                                       "amid", "into", "against", "without", "while", "when", "keep", "keeps", "start", "starts",
                                       "stop", "stops", "begin", "begins"] where isExactly(b, before, word) { return false }
            return true
        }
        return false
    }

    /// How many links a line glues together: a word of two lowercase letters or more running straight into a capital
    /// (`StoreGet`, `LocalNotices`). (`McDonald`, `iPhone` have one lowercase letter before their capital.)
    package static func gluedLinks(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Int {
        var count = 0, lower = 0
        for i in p {
            let c = b[i]
            if c >= 0x61 && c <= 0x7A { lower += 1; continue }
            if c >= 0x41 && c <= 0x5A, lower >= 2 { count += 1 }
            lower = 0
        }
        return count
    }

    /// Whether a line opens with a pronoun or a conjunction (`He said he would wait...`, `But the talks...`): the text's
    /// own narrative trailing off, not a headline cut off.
    package static func opensNarrative(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        var e = p.lowerBound
        while e < p.upperBound, ParagraphScan.isLetter(b[e]) { e += 1 }
        let w = p.lowerBound..<e
        for word: StaticString in ["He", "She", "It", "They", "We", "I", "You", "This", "That", "But", "And", "So", "Then", "There"]
        where isExactly(b, w, word) { return true }
        return false
    }

    /// The text after a kicker in capitals that opens a paragraph (`HIGH WATER. Crews clear the road.`): two words or more
    /// in capitals (apostrophes and hyphens inside them), a full stop, `!` or `?`, a space, then twenty bytes or more
    /// opening with a capital.
    package static func afterCapitalKicker(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Range<Int>? {
        var i = p.lowerBound, words = 0, inWord = false
        while i < p.upperBound, i - p.lowerBound <= 60 {
            let c = b[i]
            if c >= 0x41 && c <= 0x5A || c == UInt8(ascii: "'") || c == UInt8(ascii: "-") {
                if !inWord { words += 1; inWord = true }
                i += 1
            } else if c == 0xE2, i + 2 < p.upperBound, b[i + 1] == 0x80, b[i + 2] == 0x99, inWord {
                i += 3
            } else if c == 0x20 {
                inWord = false
                i += 1
            } else if c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") {
                guard inWord, words >= 2, i + 1 < p.upperBound, b[i + 1] == 0x20 else { return nil }
                let rest = TextLayout.trim(b, (i + 1)..<p.upperBound)
                guard rest.count >= 20, b[rest.lowerBound] >= 0x41 && b[rest.lowerBound] <= 0x5A else { return nil }
                return rest
            } else {
                return nil
            }
        }
        return nil
    }

    /// A line's ASCII letters and figures, and its other letters' bytes, with everything else (spaces, quotation marks,
    /// dashes, punctuation) left out: the key by which two prints of one line are known, whatever their typography.
    package static func lettersAndFigures(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(p.count)
        var i = p.lowerBound
        while i < p.upperBound {
            let c = b[i]
            // (General punctuation, U+2000–U+206F, is three bytes opening with E2 80 or E2 81.)
            if c == 0xE2, i + 2 < p.upperBound, b[i + 1] == 0x80 || b[i + 1] == 0x81 { i += 3; continue }
            if c == 0xC2, i + 1 < p.upperBound, b[i + 1] == 0xA0 { i += 2; continue }
            if c >= 0x80 || ParagraphScan.isLetter(c) || ParagraphScan.isDigit(c) { out.append(c) }
            i += 1
        }
        return out
    }

    /// Whether a short sentence reads as a picture's caption rather than a line of the text: it opens with no pronoun or
    /// joining word (``opensNarrative(_:_:)``, and `However`, `His`, `Their` ...) and reports no speech (`said`, `says`,
    /// `told`, `added`, `according to`).
    package static func readsAsCaption(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        guard !opensNarrative(b, p) else { return false }
        var e = p.lowerBound
        while e < p.upperBound, ParagraphScan.isLetter(b[e]) { e += 1 }
        for word: StaticString in ["However", "Meanwhile", "His", "Her", "Their", "Its", "Our"] where isExactly(b, p.lowerBound..<e, word) {
            return false
        }
        let line = String(decoding: UnsafeBufferPointer(rebasing: b[p]), as: UTF8.self)
        for cue in [" said", " says", " told", " added", "according to", " asked", " explained"] where line.contains(cue) { return false }
        return true
    }

    /// Whether a line reads as a story's lead, never a picture's caption: twenty-five words or more that tell the news of the
    /// day (`today`, `yesterday`, `tonight`: `The conference opened in Port Ria today with ...`). A caption says what the
    /// picture shows, shorter, and dates it by its weekday.
    package static func readsAsLead(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>, words: Int) -> Bool {
        guard words >= 25 else { return false }
        var i = p.lowerBound
        while i + 5 < p.upperBound {
            // (A word opening after a space, `t` or `y` first: only then are the words compared.)
            if b[i] == 0x20, b[i + 1] == UInt8(ascii: "t") || b[i + 1] == UInt8(ascii: "y") {
                var e = i + 1
                while e < p.upperBound, ParagraphScan.isLetter(b[e]) { e += 1 }
                let w = (i + 1)..<e
                if isExactly(b, w, "today") || isExactly(b, w, "yesterday") || isExactly(b, w, "tonight") { return true }
                i = e
            } else {
                i += 1
            }
        }
        return false
    }

    /// Whether every quotation in a line is a few words set off in quotes (a scare quote, a name: `the "clean city"
    /// operation`), not speech: two or four marks, none opening the line, each quoted run of four words at most.
    package static func scareQuotesOnly(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        var marks: [Int] = []
        for i in p where isQuoteMark(b, i) {
            marks.append(i)
            if marks.count > 4 { return false }
        }
        guard !marks.isEmpty, marks.count % 2 == 0, marks[0] != p.lowerBound else { return false }
        for k in stride(from: 0, to: marks.count, by: 2) {
            let inner = (marks[k] + 1)..<marks[k + 1]
            guard inner.count >= 2, inner.count(where: { b[$0] == 0x20 }) <= 3 else { return false }
        }
        return true
    }

    /// Whether a line closes with a word in single quotes: `’` right after a letter, with a `‘` before it, or a straight
    /// `'` after a letter with an opening one before it.
    package static func endsWithSingleQuoted(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        let end = p.upperBound
        // Straight quotes: an opening one stands after a space or a colon, before a letter (`saying:'How ... one'`; a
        // plural's apostrophe, `the Lakers'`, opens nothing).
        if p.count >= 5, b[end - 1] == 0x27, ParagraphScan.isLetter(b[end - 2]) {
            return (p.lowerBound..<(end - 2)).contains { i in
                b[i] == 0x27 && ParagraphScan.isLetter(b[i + 1]) && (i == p.lowerBound || b[i - 1] == 0x20 || b[i - 1] == UInt8(ascii: ":"))
            }
        }
        guard p.count >= 5, b[end - 3] == 0xE2, b[end - 2] == 0x80, b[end - 1] == 0x99, ParagraphScan.isLetter(b[end - 4]) else { return false }
        var i = p.lowerBound
        while i + 2 < end - 3 {
            if b[i] == 0xE2, b[i + 1] == 0x80, b[i + 2] == 0x98 { return true }
            i += 1
        }
        return false
    }

    /// Whether a line is one sentence: no stop inside it but one after a name's initial (`Kenneth L. Govendo swears in the
    /// board.`: a capital alone after a space, its stop, a space and a capital). The scan guesses a paragraph past its
    /// twelfth word has sentences without reading it; this reads the candidate line whole.
    package static func oneSentence(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        guard p.count >= 4 else { return false }
        for i in (p.lowerBound + 1)..<(p.upperBound - 1) {
            let c = b[i]
            guard c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") else { continue }
            guard c == UInt8(ascii: "."), i >= p.lowerBound + 2, b[i - 2] == 0x20, b[i - 1] >= 0x41 && b[i - 1] <= 0x5A,
                  i + 2 < p.upperBound, b[i + 1] == 0x20, b[i + 2] >= 0x41 && b[i + 2] <= 0x5A else { return false }
        }
        return true
    }

    /// Whether a line closes with words in double quotes it opened after its first word: `”` right after a letter, with a
    /// `“` after a space before it (`Council “tried to get round the law”`); a quotation opening the line is speech.
    package static func endsWithDoubleQuoted(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        let end = p.upperBound
        guard p.count >= 8, b[end - 3] == 0xE2, b[end - 2] == 0x80, b[end - 1] == 0x9D, ParagraphScan.isLetter(b[end - 4]) else { return false }
        var i = p.lowerBound + 1
        while i + 2 < end - 3 {
            if b[i] == 0xE2, b[i + 1] == 0x80, b[i + 2] == 0x9C { return b[i - 1] == 0x20 }
            i += 1
        }
        return false
    }

    /// Whether a line closes a story on a feed page: `Continue reading <title>`, a copyright line (`... All rights
    /// reserved.`, 150 bytes at most), a syndication embargo notice (`Please note: This content carries ... embargo`);
    /// with `link`, only the first.
    package static func closesItem(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>, link: Bool = false) -> Bool {
        if startsWithFolded(b, p, "continue reading "), p.count > 20 { return true }
        if link { return false }
        if p.count <= 150, containsFolded(b, p, "all rights reserved") { return true }
        return p.count <= 300 && (startsWithFolded(b, p, "please note") || startsWithFolded(b, p, "this content"))
            && containsFolded(b, p, " embargo")
    }

    /// Whether a header line is a byline: with `name`, names alone (each two or three capitalized words, none a word of the
    /// page's lists: `Jo Lane`, `Jo Lane & Sam Reyes`, not `Local News`, `Getty Images`, `Staff Reporter`), perhaps with the
    /// outlet or the date after a comma or a bar, or a handle (`Jo Lane, Harbour Post`, `Jo Lane | May 3, 2024`, `Jo Lane
    /// @jolane`); or names holding a staff title, joined by `&` or `and` (`Jo Lane Deputy Editor & Sam Reyes`), with, after
    /// a comma, what the template adds (`Staff Correspondent, Harbour Post  Port Ria, May 3, 2024`).
    package static func headerByline(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>, model: RoleModel, name: Bool) -> RoleFeature? {
        let listed = RoleModel.Word.agency | RoleModel.Word.credit | RoleModel.Word.chrome | RoleModel.Word.title | RoleModel.Word.desk
            | RoleModel.Word.stamp | RoleModel.Word.month | RoleModel.Word.weekday | RoleModel.Word.weekdayShort | RoleModel.Word.notice
            | RoleModel.Word.plea | RoleModel.Word.photoVerb | RoleModel.Word.consent
        var words = 0, titled = false, named = true, inTail = false, tailOK = true, tailWords = 0, lastTitled = false
        var part = 0, parts: [Int] = []
        var i = p.lowerBound
        while i < p.upperBound {
            while i < p.upperBound, b[i] == 0x20 { i += 1 }
            let start = i
            while i < p.upperBound, b[i] != 0x20 { i += 1 }
            guard start < i else { break }
            var w = start..<i
            if inTail {
                // (The outlet, the place, the date: capitalized words, figures, small words; or a handle.)
                tailWords += 1
                var core = w
                while core.count > 1, b[core.upperBound - 1] == UInt8(ascii: ",") { core = core.lowerBound..<(core.upperBound - 1) }
                let c = b[core.lowerBound]
                let small = isExactly(b, core, "of") || isExactly(b, core, "the") || isExactly(b, core, "and") || isExactly(b, core, "|")
                    || ParagraphScan.isLoneMark(b, core) || ParagraphScan.token(b, core, model: model).flags & RoleModel.Word.stamp != 0
                if !(c >= 0x41 && c <= 0x5A || ParagraphScan.isDigit(c) || c == UInt8(ascii: "@") || small) { tailOK = false }
                continue
            }
            if isExactly(b, w, "|") || ParagraphScan.isLoneMark(b, w) || b[start] == UInt8(ascii: "@") {
                inTail = true
                tailWords += 1
                continue
            }
            var comma = false
            if b[i - 1] == UInt8(ascii: ",") { comma = true; w = start..<(i - 1) }
            guard !w.isEmpty else { return nil }
            if isExactly(b, w, "&") || isExactly(b, w, "and") {
                guard part > 0, !comma else { return nil }
                parts.append(part)
                part = 0
                words += 1
                continue
            }
            let t = ParagraphScan.token(b, w, model: model)
            guard t.capitalized, t.hasLetter, t.core == w || b[w.upperBound - 1] == UInt8(ascii: "."),
                  !w.contains(where: { ParagraphScan.isDigit(b[$0]) }) else { return nil }
            lastTitled = t.flags & (RoleModel.Word.title | RoleModel.Word.desk) != 0
            if lastTitled { titled = true }
            if t.flags & listed != 0 { named = false }
            words += 1
            part += 1
            if comma { inTail = true }
        }
        parts.append(part)
        // (Over the headline, `name` false, one part closes with its title: a headline holding one, `Port Staff Given Pay Rise`,
        // is no byline.)
        if titled { return (2...8).contains(words) && (name || parts.count >= 2 || lastTitled) ? .titleByline : nil }
        guard name, named, parts.count <= 3, parts.allSatisfy({ (2...3).contains($0) }), tailOK, tailWords <= 8,
              !capitalsLead(b, p) else { return nil }
        return .headerName
    }

    /// `CANCER Council` over `Tasmania is asking ...`: a first word in capitals (two letters or more) and a later word in
    /// lowercase letters: a print page's text opening with its first words in capitals, broken off its paragraph, not a
    /// name (a name in capitals is capitals throughout).
    package static func capitalsLead(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        var i = p.lowerBound, letters = 0
        while i < p.upperBound, b[i] != 0x20 {
            guard !(b[i] >= 0x61 && b[i] <= 0x7A) else { return false }
            if b[i] >= 0x41 && b[i] <= 0x5A { letters += 1 }
            i += 1
        }
        return letters >= 2 && (i..<p.upperBound).contains { b[$0] >= 0x61 && b[$0] <= 0x7A }
    }

    /// How many letters of a script other than Latin a range holds, counted by their lead bytes: Greek, Cyrillic, Hebrew,
    /// Arabic and the scripts of three bytes (Indic, Ethiopic, Chinese, Japanese, Korean); not Latin's accented letters, and
    /// not the general punctuation and symbols (`E2`) or the full-width forms (`EF`).
    package static func otherScriptLetters(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Int {
        var count = 0
        for i in p {
            let c = b[i]
            if c >= 0xCD && c <= 0xDF || c >= 0xE0 && c <= 0xED && c != 0xE2 { count += 1 }
        }
        return count
    }

    /// Whether a line is an author label alone: `Author`, `Author(s)`, `Authors`, `Written by`, `Reporter`, a colon after
    /// it or not.
    package static func isAuthorLabel(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        var p = p
        while let last = p.last, b[last] == UInt8(ascii: ":") || b[last] == 0x20 { p = p.lowerBound..<last }
        let labels: [StaticString] = ["author", "author(s)", "authors", "written by", "reporter"]
        return labels.contains { isExactlyFolded(b, p, $0) }
    }

    /// Whether a line is a press release's end marker: `ENDS`, `ENDS.`, `-ENDS-`.
    package static func isEndsMarker(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        var lo = p.lowerBound, hi = p.upperBound
        func mark(_ c: UInt8) -> Bool { c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || c == 0x20 }
        while lo < hi, mark(b[lo]) { lo += 1 }
        while hi > lo, mark(b[hi - 1]) { hi -= 1 }
        return isExactly(b, lo..<hi, "ENDS")
    }

    /// A quotation mark at `i`: `"` or a curly double quote.
    @inline(__always) package static func isQuoteMark(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        b[i] == UInt8(ascii: "\"") || (b[i] == 0xE2 && i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0x9C || b[i + 2] == 0x9D))
    }

    /// Whether a line has a word in lowercase of four letters or more (`suspend`, `presents`): a headline in
    /// sentence case, not a list of names or scores.
    package static func hasLowercaseWord(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        var run = 0
        var atStart = true
        for i in p {
            let c = b[i]
            if c >= 0x61 && c <= 0x7A, atStart || run > 0 {
                run += 1
                if run >= 4 { return true }
                atStart = false
            } else if c == 0x20 {
                run = 0
                atStart = true
            } else {
                run = 0
                atStart = false
            }
        }
        return false
    }

    /// Whether a line says how long ago an item was posted, and nothing else but its section: `53 mins ago`, `an hour ago
    /// in Sport`, `12 hours ago in Viral Videos` (60 bytes at most, a figure or `a`/`an` first).
    package static func agoLine(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Bool {
        guard p.count >= 5, p.count <= 60, ParagraphScan.isDigit(b[p.lowerBound]) || startsWith(b, p, "an ") || startsWith(b, p, "a ") else { return false }
        var i = p.lowerBound
        while i + 4 <= p.upperBound {
            if b[i] == 0x20, b[i + 1] == UInt8(ascii: "a"), b[i + 2] == UInt8(ascii: "g"), b[i + 3] == UInt8(ascii: "o"),
               i + 4 == p.upperBound || b[i + 4] == 0x20 { return true }
            i += 1
        }
        return false
    }

    /// An item of a list of related stories: a headline (a few words, no closing punctuation, one line) or a
    /// teaser cut off with `...` or `…`.
    package static func isTeaser(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>, _ s: ParagraphScan) -> Bool {
        guard p.count >= 3 else { return false }
        let end = p.upperBound
        if ellipsis(b, p) != nil { return true }
        // A listing cut off, then its link: `... the festival opens on Fri... More Info`.
        if !s.plain, s.features[.noEndPunct], let cut = lastEllipsis(b, p), cut > p.lowerBound, ParagraphScan.isLetter(b[cut - 1]),
           isReadMore(b, TextLayout.trim(b, (cut + 3)..<end)) || isExactly(b, TextLayout.trim(b, (cut + 3)..<end), "More Info") {
            return true
        }
        return !s.plain && s.features[.noEndPunct] && s.features[.headlineLength] && p.count <= 200
            && !p.contains { b[$0] == 0x0A || b[$0] == 0x0D }
    }

    /// A site's name closing the first line of a headline, with the separator before it: ` - Daily News`,
    /// ` | Valley News Media`: after the line's last ` - `, ` – `, ` — ` or ` | `, one to four capitalized words
    /// (or `of`, `the`, `&`), no figure, the last of them `News`, `Media`, `Online` or an outlet word (words:
    /// agency), with at least three words of headline before it. A dash in a headline is followed by a clause
    /// (`Storm hits coast - thousands without power`), not by a name ending so.
    package static func siteSuffix(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>, model: RoleModel) -> Range<Int>? {
        var end = p.lowerBound
        while end < p.upperBound, b[end] != 0x0A, b[end] != 0x0D { end += 1 }
        while end > p.lowerBound, TextLayout.isSpace(b[end - 1]) { end -= 1 }
        // The last separator: a space, `-` `|` (or – —), a space.
        var sep = -1, sepEnd = -1
        var i = end - 2
        while i > p.lowerBound, sep < 0 {
            if b[i - 1] == 0x20 {
                if (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "|")), i + 1 < end, b[i + 1] == 0x20 { sep = i - 1; sepEnd = i + 2 }
                if b[i] == 0xE2, i + 3 < end, b[i + 1] == 0x80, b[i + 2] == 0x93 || b[i + 2] == 0x94, b[i + 3] == 0x20 { sep = i - 1; sepEnd = i + 4 }
            }
            i -= 1
        }
        guard sep > p.lowerBound, end - sepEnd <= 40 else { return nil }
        var words = 0, before = 0, last: Range<Int>?
        var k = p.lowerBound
        while k < sep {
            while k < sep, b[k] == 0x20 { k += 1 }
            if k < sep { before += 1 }
            while k < sep, b[k] != 0x20 { k += 1 }
        }
        k = sepEnd
        while k < end {
            while k < end, b[k] == 0x20 { k += 1 }
            let start = k
            while k < end, b[k] != 0x20 { k += 1 }
            guard start < k else { break }
            let w = start..<k
            let capital = b[start] >= 0x41 && b[start] <= 0x5A
            guard capital || isExactly(b, w, "of") || isExactly(b, w, "the") || isExactly(b, w, "&"),
                  !w.contains(where: { ParagraphScan.isDigit(b[$0]) }) else { return nil }
            words += 1
            last = w
        }
        guard let last, (1...4).contains(words), before >= 3, ParagraphScan.isLetter(b[last.upperBound - 1]) else { return nil }
        let outlet = isExactly(b, last, "News") || isExactly(b, last, "Media") || isExactly(b, last, "Online")
            || model.words.flags(b, last) & RoleModel.Word.agency != 0
        return outlet ? sep..<end : nil
    }

    /// Whether a caption verdict rests on the paragraph's form alone, or on its being printed twice: no credit
    /// closes it, stands after it or ends it with an agency (a credit word inside a headline, `Court photo ban
    /// upheld`, is no credit).
    package static func formOnly(_ s: ParagraphScan) -> Bool {
        uncredited(s) || s.features[.repeated]
            || !(s.features[.creditTail] || s.features[.slashName] || s.features[.agencyEnd] || s.features[.beforeCredit])
    }

    /// Whether a paragraph reads as a caption by its form alone, with no credit in it.
    package static func uncredited(_ s: ParagraphScan) -> Bool {
        (s.features[.sceneLine] || s.features[.altLine] || s.features[.colonLead]) && !s.features[.creditTail]
            && !s.features[.creditEnd] && !s.features[.agencyEnd] && !s.features[.slashName]
    }

    /// The first line of a paragraph when it reads as a headline over the rest: no closing punctuation, shorter
    /// than the line after it, which starts with a capital. A line wrapped inside a sentence ends in a word that
    /// goes on (`the`, `of`), or is as long as the next.
    package static func headlineLine(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Range<Int>? {
        var nl = p.lowerBound
        while nl < p.upperBound, b[nl] != 0x0A, b[nl] != 0x0D { nl += 1 }
        guard nl < p.upperBound, nl - p.lowerBound <= 160 else { return nil }
        let line = TextLayout.trim(b, p.lowerBound..<nl)
        guard !line.isEmpty else { return nil }
        let last = b[line.upperBound - 1]
        if last == 0x2E || last == 0x3F || last == 0x21 || last == 0x2C || last == 0x3B || last == 0x3A || last == 0x2D || last >= 0x80 { return nil }
        var next = nl
        while next < p.upperBound, TextLayout.isSpace(b[next]) { next += 1 }
        var nextEnd = next
        while nextEnd < p.upperBound, b[nextEnd] != 0x0A, b[nextEnd] != 0x0D { nextEnd += 1 }
        guard next < p.upperBound, (b[next] >= 0x41 && b[next] <= 0x5A) || b[next] == 0x22, line.count * 10 < (nextEnd - next) * 8 else { return nil }
        var ws = line.upperBound
        while ws > line.lowerBound, !TextLayout.isSpace(b[ws - 1]) { ws -= 1 }
        if b[ws] >= 0x61 && b[ws] <= 0x7A, line.upperBound - ws <= 4 { return nil }
        return line
    }

    package static func text(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
    }

    /// A byline as a zero-length mark where it stood (it is removed), with its text and names.
    package static func byline(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> Span {
        let line = text(b, p)
        var rest = Substring(line)
        if rest.hasPrefix("By ") || rest.hasPrefix("BY ") {
            rest = rest.dropFirst(3)
        } else if let by = rest.range(of: " by ", options: .caseInsensitive), rest.distance(from: rest.startIndex, to: by.lowerBound) <= 40 {
            // (`Posted by Jo Lane on May 3`, `Published on May 3, 2024 by Jo Lane`: the name after the label's `by`.)
            rest = rest[by.upperBound...].drop(while: { $0 == ":" || $0 == " " })
        }
        if let cut = rest.firstIndex(where: { "([|,<".contains($0) }) { rest = rest[..<cut] }
        // (And before the date or the outlet the template adds: ` on May 3`, ` - 07 August 2020`.)
        for mark in [" on ", " ON ", " - ", " – ", " — "] {
            if let cut = rest.range(of: mark) { rest = rest[..<cut.lowerBound] }
        }
        let names = rest.replacingOccurrences(of: " & ", with: " and ")
            .components(separatedBy: " and ")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.contains("@") }
        return Span(start: p.lowerBound, end: p.lowerBound, label: "byline",
                    attributes: ["value": .string(line), "names": .list(names.map { .string($0) })])
    }

    /// The date (and time) a paragraph gives: from its first month name, weekday or digit to its end.
    package static func published(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>, model: RoleModel) -> Range<Int>? {
        var i = p.lowerBound
        while i < p.upperBound {
            while i < p.upperBound, TextLayout.isSpace(b[i]) { i += 1 }
            let start = i
            while i < p.upperBound, !TextLayout.isSpace(b[i]) { i += 1 }
            guard start < i else { break }
            let token = ParagraphScan.token(b, start..<i, model: model)
            if token.flags & (RoleModel.Word.month | RoleModel.Word.weekday) != 0 || ParagraphScan.isDigit(b[start]) {
                var end = p.upperBound
                while end > start, b[end - 1] == UInt8(ascii: ".") || TextLayout.isSpace(b[end - 1]) { end -= 1 }
                return start..<end
            }
        }
        return nil
    }

    /// The lines of a paragraph, each trimmed, empty ones left out.
    package static func lines(_ b: UnsafeBufferPointer<UInt8>, _ p: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = p.lowerBound
        for i in p.lowerBound...p.upperBound where i == p.upperBound || b[i] == 0x0A {
            let line = TextLayout.trim(b, start..<i)
            if !line.isEmpty { out.append(line) }
            start = i + 1
        }
        return out
    }
}
