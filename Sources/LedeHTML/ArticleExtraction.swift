/// Finds the article's container in a page tree and reads its paragraph-level blocks in order.
///
/// Paragraphs (and text-only divs) of at least 25 characters score their ancestors, as readability does:
/// one point, one per comma, one per 100 characters up to three; the parent gets it all, the grandparent
/// half, further ancestors less. A candidate starts from its tag and its class and id (positive and
/// negative hints, `itemprop=articleBody` and schema.org types), and its score shrinks with its link
/// density. The best candidate, with the siblings that score close to it, is the article.
struct ArticleExtraction {
    let tree: PageTree
    /// Non-space characters below each node.
    private var textLength: [Int]
    /// Non-space characters inside links below each node.
    private var linkLength: [Int]
    /// Commas below each node.
    private var commas: [Int]
    /// Whether a block-level element (other than a line break or rule) lies below each node.
    private var hasBlock: [Bool]
    /// Whether each element's class or id holds a negative hint, and a positive one.
    private var negative: [Bool]
    private var positive: [Bool]

    static let blocks: Set<String> = [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
        "dd", "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption", "hr", "address", "center",
        "header", "footer", "nav", "aside", "details", "summary", "form", "br", "tbody", "thead", "caption",
    ]
    /// Dropped with everything inside them when they sit in the article.
    static let boilerplateTags: Set<String> = ["nav", "aside", "footer", "form", "header", "label", "fieldset", "menu"]
    static let unlikelyTags: Set<String> = ["nav", "aside", "footer"]
    static let chromeRoles: Set<String> = ["navigation", "complementary", "contentinfo", "banner", "menu"]
    static let pageTags: Set<String> = ["body", "html", "article", "main"]
    static let paragraphTags: Set<String> = ["p", "pre", "td"]
    /// Scored as paragraphs when they hold no block-level element.
    static let textBoxTags: Set<String> = ["div", "section", "article", "span"]
    static let negativeWords = [
        "comment", "sidebar", "newsletter", "subscribe", "cookie", "breadcrumb", "widget", "social", "share",
        "sharing", "related", "promo", "footer", "navigation", "menu", "advert", "sponsor", "outbrain", "taboola",
        "recommend", "popular", "trending", "banner", "masthead", "popup", "modal", "signup", "paywall", "toolbar",
        "byline", "author-info", "tags", "skip",
    ]
    static let negativeTokens: Set<String> = ["nav", "ad", "ads", "header", "aside", "more", "hidden", "print", "rail"]
    static let positiveWords = ["article", "content", "story", "body", "post", "entry", "text", "main", "blog", "prose"]
    static let labels: Set<String> = [
        "advertisement", "advertisements", "ad", "sponsored", "continue reading", "read more", "story continues below advertisement",
    ]

    init(tree: PageTree) {
        self.tree = tree
        let n = tree.nodes.count
        textLength = Array(repeating: 0, count: n)
        linkLength = Array(repeating: 0, count: n)
        commas = Array(repeating: 0, count: n)
        hasBlock = Array(repeating: false, count: n)
        negative = Array(repeating: false, count: n)
        positive = Array(repeating: false, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            let node = tree.nodes[i]
            if node.isText {
                var letters = 0, commaCount = 0
                for b in node.value.utf8 where b > 0x20 {
                    // Count characters, not bytes: skip UTF-8 continuation bytes.
                    if b & 0xC0 != 0x80 { letters += 1 }
                    if b == 0x2C { commaCount += 1 }
                }
                textLength[i] = letters
                commas[i] = commaCount
                if node.inLink { linkLength[i] = letters }
            }
            let p = node.parent
            guard p >= 0 else { continue }
            textLength[p] += textLength[i]
            linkLength[p] += linkLength[i]
            commas[p] += commas[i]
            if hasBlock[i] || (!node.isText && node.name != "br" && node.name != "hr" && Self.blocks.contains(node.name)) {
                hasBlock[p] = true
            }
        }
        // Hints matter only where there is text to keep or leave out.
        for (i, node) in tree.nodes.enumerated() where !node.isText && !node.value.isEmpty && textLength[i] > 0 {
            negative[i] = Self.isNegative(node.value)
            positive[i] = Self.isPositive(node.value)
        }
    }

    /// The article's blocks and the captions and credits found in it.
    func article() -> ([String], [HTMLArticle.Caption]) {
        guard let containers = bestContainers() else { return ([], []) }
        var output = BlockWriter()
        for container in containers { emit(container, into: &output) }
        output.flush()
        return (output.paragraphs, output.captions)
    }

    // MARK: Scoring

    private func linkDensity(_ i: Int) -> Double {
        textLength[i] == 0 ? 0 : Double(linkLength[i]) / Double(textLength[i])
    }

    /// +25 for a positive hint in the class or id, -25 for a negative one, more for the article body's markers.
    func hintWeight(_ i: Int) -> Double {
        let node = tree.nodes[i]
        var weight = 0.0
        if negative[i] { weight -= 25 }
        if positive[i] { weight += 25 }
        if let itemprop = node.attribute("itemprop")?.lowercased(), itemprop.contains("articlebody") { weight += 50 }
        if let type = node.attribute("itemtype")?.lowercased(), type.contains("article") || type.contains("blogposting") { weight += 15 }
        return weight
    }

    /// The class and id split at every byte that is not an ASCII letter or digit.
    static func tokens(_ hints: String) -> [String] {
        hints.utf8.split { !(($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39)) }.map { String(decoding: $0, as: UTF8.self) }
    }

    static func isNegative(_ hints: String) -> Bool {
        guard !hints.isEmpty else { return false }
        if negativeWords.contains(where: { contains(hints, $0) }) { return true }
        return tokens(hints).contains { negativeTokens.contains($0) }
    }

    static func isPositive(_ hints: String) -> Bool {
        !hints.isEmpty && positiveWords.contains { contains(hints, $0) }
    }

    /// A plain byte search: `String.contains` goes through Foundation's locale-aware search, many times slower.
    static func contains(_ text: String, _ word: String) -> Bool {
        var text = text, word = word
        return text.withUTF8 { t in
            word.withUTF8 { w in
                guard w.count <= t.count, let first = w.first else { return false }
                var i = 0
                while i + w.count <= t.count {
                    if t[i] == first {
                        var j = 1
                        while j < w.count && t[i + j] == w[j] { j += 1 }
                        if j == w.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    private func baseScore(_ i: Int) -> Double {
        switch tree.nodes[i].name {
        case "article": return 10
        case "main", "div", "section": return 5
        case "pre", "td", "blockquote": return 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": return -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": return -5
        default: return 0
        }
    }

    /// Whether an element's class or id says it is not the article (a sidebar, comments, an ad), and it does
    /// not hold most of the text of `outer`: page-wide wrappers are often named `ad-margins`, `paywall` or
    /// `widget` and hold the whole article.
    private func negativeRegion(_ i: Int, within outer: Int) -> Bool {
        guard negative[i] && !positive[i] else { return false }
        return Double(textLength[i]) < 0.4 * Double(textLength[outer])
    }

    /// Whether a node sits in something that is plainly not the article (navigation, a sidebar, comments).
    private func unlikely() -> [Bool] {
        var flags = Array(repeating: false, count: tree.nodes.count)
        for (i, node) in tree.nodes.enumerated() {
            if node.parent >= 0, flags[node.parent] { flags[i] = true; continue }
            guard !node.isText else { continue }
            if Self.unlikelyTags.contains(node.name) { flags[i] = true; continue }
            if let role = node.attribute("role"), Self.chromeRoles.contains(role) {
                flags[i] = true
                continue
            }
            if Self.pageTags.contains(node.name) { continue }
            if negativeRegion(i, within: 0) { flags[i] = true }
        }
        return flags
    }

    /// The best candidate and the siblings that belong with it, in page order.
    private func bestContainers() -> [Int]? {
        let nodes = tree.nodes
        let skip = unlikely()
        var score = Array(repeating: 0.0, count: nodes.count)
        var isCandidate = Array(repeating: false, count: nodes.count)
        for (i, node) in nodes.enumerated() where !node.isText && !skip[i] {
            let paragraph = Self.paragraphTags.contains(node.name) || (Self.textBoxTags.contains(node.name) && !hasBlock[i])
            var length = textLength[i], commaCount = commas[i], ancestor = node.parent
            if !paragraph {
                // Text directly inside a box that also holds blocks (text between empty divs or line breaks) is
                // a paragraph of that box, as readability wraps such runs in <p>.
                guard Self.textBoxTags.contains(node.name) else { continue }
                length = 0
                commaCount = 0
                var child = i + 1
                while child < node.end {
                    if nodes[child].isText && !nodes[child].inLink {
                        length += textLength[child]
                        commaCount += commas[child]
                    }
                    child = nodes[child].end
                }
                ancestor = i
            }
            guard length >= 25 else { continue }
            let points = 1 + Double(commaCount) + Double(min(length / 100, 3))
            var level = 0
            while ancestor >= 0 && level < 5 {
                if !isCandidate[ancestor] {
                    isCandidate[ancestor] = true
                    score[ancestor] = baseScore(ancestor) + hintWeight(ancestor)
                }
                score[ancestor] += level == 0 ? points : level == 1 ? points / 2 : points / Double(level * 3)
                ancestor = nodes[ancestor].parent
                level += 1
            }
        }
        var best = -1
        var bestScore = -Double.infinity
        for i in nodes.indices where isCandidate[i] {
            score[i] *= 1 - linkDensity(i)
            if score[i] > bestScore {
                bestScore = score[i]
                best = i
            }
        }
        guard best >= 0 else { return nil }
        let parent = nodes[best].parent
        guard parent >= 0 else { return [best] }
        let threshold = max(10, bestScore * 0.2)
        var chosen: [Int] = []
        var child = parent + 1
        while child < nodes[parent].end {
            defer { child = nodes[child].end }
            guard child != best else { chosen.append(child); continue }
            let node = nodes[child]
            guard !node.isText, !skip[child] else { continue }
            if isCandidate[child] && score[child] >= threshold {
                chosen.append(child)
            } else if node.name == "p" {
                let density = linkDensity(child)
                if (textLength[child] > 80 && density < 0.25) || (textLength[child] > 0 && density == 0 && textLength[child] <= 80
                    && collapsed(child).contains(". ")) {
                    chosen.append(child)
                }
            }
        }
        return chosen
    }

    // MARK: Output

    private func collapsed(_ root: Int) -> String {
        var writer = BlockWriter()
        for j in root..<tree.nodes[root].end where tree.nodes[j].isText { writer.append(tree.nodes[j].value) }
        return writer.buffer
    }

    private static func creditLike(_ node: PageTree.Node) -> Bool {
        let hints = node.value + " " + (node.attribute("itemprop") ?? "").lowercased()
        return ["credit", "copyright", "byline", "photographer"].contains { contains(hints, $0) }
    }

    private static func captionLike(_ node: PageTree.Node) -> Bool {
        node.name == "figcaption" || contains(node.value, "caption")
    }

    /// Whether an element inside the article is left out (with what it holds).
    private func leftOut(_ i: Int, root: Int) -> Bool {
        let node = tree.nodes[i]
        if Self.boilerplateTags.contains(node.name) { return true }
        if node.attribute("hidden") != nil || node.attribute("aria-hidden") == "true" { return true }
        if let role = node.attribute("role"), Self.chromeRoles.contains(role) { return true }
        if negativeRegion(i, within: root) { return true }
        let density = linkDensity(i)
        switch node.name {
        case "ul", "ol", "div", "section", "table", "dl": return density > 0.4 && textLength[i] < 1000
        case "p", "li": return density > 0.6
        default: return false
        }
    }

    private func emit(_ root: Int, into out: inout BlockWriter) {
        let nodes = tree.nodes
        var openBlocks: [Int] = []
        var i = root
        while i < nodes[root].end {
            while let end = openBlocks.last, end <= i {
                openBlocks.removeLast()
                out.flush()
            }
            let node = nodes[i]
            if node.isText {
                out.append(node.value)
                i += 1
                continue
            }
            if i != root && (node.name == "figure" || Self.captionLike(node) || Self.contains(node.value, "credit")) {
                out.flush()
                captions(in: i, into: &out.captions)
                i = node.end
                continue
            }
            if i != root && leftOut(i, root: root) {
                out.flush()
                i = node.end
                continue
            }
            if Self.blocks.contains(node.name) {
                out.flush()
                openBlocks.append(node.end)
            }
            i += 1
        }
        out.flush()
    }

    /// The captions and credits of a figure, a figcaption, or an element whose class says caption or credit.
    private func captions(in root: Int, into captions: inout [HTMLArticle.Caption]) {
        let nodes = tree.nodes
        var caption = BlockWriter()
        var credits: [String] = []
        var inCaption: [Int] = []
        var i = root
        while i < nodes[root].end {
            while let end = inCaption.last, end <= i { inCaption.removeLast() }
            let node = nodes[i]
            if node.isText {
                if !inCaption.isEmpty { caption.append(node.value) }
                i += 1
                continue
            }
            if Self.creditLike(node) {
                let text = collapsed(i)
                if !text.isEmpty { credits.append(text) }
                i = node.end
                continue
            }
            if Self.captionLike(node) {
                if !inCaption.isEmpty { caption.append(" ") }
                inCaption.append(node.end)
            }
            i += 1
        }
        let text = caption.buffer
        if !text.isEmpty { captions.append(.init(role: .caption, text: text)) }
        captions += credits.map { .init(role: .credit, text: $0) }
    }
}

/// Collects text into blocks, collapsing whitespace.
struct BlockWriter {
    var paragraphs: [String] = []
    var captions: [HTMLArticle.Caption] = []
    var buffer = ""
    private var pendingSpace = false

    mutating func append(_ text: String) {
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 ? (scalar.value <= 0x20) : scalar.properties.isWhitespace {
                pendingSpace = !buffer.isEmpty
            } else {
                if pendingSpace { buffer.unicodeScalars.append(" ") }
                pendingSpace = false
                buffer.unicodeScalars.append(scalar)
            }
        }
    }

    mutating func flush() {
        pendingSpace = false
        guard !buffer.isEmpty else { return }
        if !ArticleExtraction.labels.contains(buffer.lowercased()) { paragraphs.append(buffer) }
        buffer = ""
    }
}
