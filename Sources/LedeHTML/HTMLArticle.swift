/// The article a news page holds: its paragraphs, its metadata, and the captions and credits taken out of it.
public struct HTMLArticle: Sendable, Equatable {
    /// Where the charset used to read the page came from.
    public enum CharsetSource: String, Sendable {
        /// A byte-order mark.
        case bom
        /// `<meta charset="...">`.
        case meta
        /// `<meta http-equiv="Content-Type" content="...; charset=...">`.
        case httpEquiv = "http-equiv"
        /// Nothing declared one: UTF-8, invalid bytes replaced.
        case `default`
    }

    /// A figure's caption or credit line, kept out of the article text.
    public struct Caption: Sendable, Equatable {
        /// Caption or credit.
        public enum Role: String, Sendable {
            /// The figure's caption.
            case caption
            /// A photo credit or copyright line.
            case credit
        }

        /// Caption or credit.
        public var role: Role
        /// The text, whitespace collapsed.
        public var text: String

        /// Creates a caption.
        public init(role: Role, text: String) {
            self.role = role
            self.text = text
        }
    }

    /// The body's paragraph-level blocks in order (paragraphs, list items, block quotes, headings).
    public var paragraphs: [String]
    /// Page metadata by key: `headline`, `author`, `published`, `modified`, `section`, `language`,
    /// `canonical_url`, `site_name`; only the keys the page gives.
    public var meta: [String: String]
    /// Figure captions and credits found in the article, in page order.
    public var captions: [Caption]
    /// The charset the page was read in (`utf-8`, `windows-1252`, ...).
    public var charset: String
    /// Where that charset came from.
    public var charsetSource: CharsetSource
    /// What was repaired on the way (invalid bytes replaced, nesting flattened).
    public var warnings: [String]

    /// The article text: one paragraph per block, a blank line between blocks.
    public var text: String { paragraphs.joined(separator: "\n\n") }
}

/// Why a page gave no article.
public struct HTMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for a reject record.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}

/// Extracts the article from an HTML page with libxml2's HTML parser and a readability-style scorer.
///
/// Safe on hostile pages: pages over ``maxPageBytes`` (before or after gzip decompression) are refused,
/// and every pass over the page is a loop, so nesting depth cannot overflow the stack.
public struct HTMLExtractor: Sendable {
    /// The default size limit: 64 MB.
    public static let defaultMaxPageBytes = 64 << 20
    /// The default nesting cap: deeper elements fold into their ancestor at this depth.
    public static let defaultMaxDepth = 512

    /// Pages larger than this many bytes are refused.
    public var maxPageBytes: Int
    /// Elements nested deeper than this are not kept as elements (their text is).
    public var maxDepth: Int

    /// Creates an extractor.
    public init(maxPageBytes: Int = HTMLExtractor.defaultMaxPageBytes, maxDepth: Int = HTMLExtractor.defaultMaxDepth) {
        self.maxPageBytes = maxPageBytes
        self.maxDepth = maxDepth
    }

    /// The article of a page given as bytes (plain or gzip-compressed HTML in any charset).
    ///
    /// - Throws: ``HTMLError`` when the page is too large, cannot be parsed, or holds no article text.
    public func extract(_ bytes: [UInt8]) throws(HTMLError) -> HTMLArticle {
        guard bytes.count <= maxPageBytes else {
            throw HTMLError("the page is \(bytes.count) bytes, over the \(maxPageBytes >> 20) MB limit")
        }
        let raw = PageBytes.isGzip(bytes) ? try PageBytes.gunzip(bytes, limit: maxPageBytes) : bytes
        let decoded = PageBytes.decode(raw)
        let repaired = PageBytes.repairReferences(decoded.utf8)
        guard !repaired.isEmpty, let tree = PageTree.parse(repaired, maxDepth: maxDepth) else {
            throw HTMLError("not an HTML page: the parser found no elements")
        }
        var warnings = decoded.warnings
        if tree.flattened { warnings.append("elements nested deeper than \(maxDepth) levels were flattened") }
        let extraction = ArticleExtraction(tree: tree)
        let (paragraphs, captions) = extraction.article()
        guard !paragraphs.isEmpty else { throw HTMLError("no article text found in the page") }
        return HTMLArticle(paragraphs: paragraphs, meta: PageMetadata(tree: tree).values, captions: captions,
                           charset: decoded.charset, charsetSource: decoded.source, warnings: warnings)
    }
}
