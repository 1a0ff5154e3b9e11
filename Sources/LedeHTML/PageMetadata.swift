import Foundation

/// A page's metadata from its `<meta>` tags, Open Graph, JSON-LD (schema.org NewsArticle and kin, in
/// `@graph`s and arrays) and markup (`<h1>`, `<title>`, `<time datetime>`, `rel=author`, `<html lang>`).
struct PageMetadata {
    /// `headline`, `author`, `published`, `modified`, `section`, `language`, `canonical_url`, `site_name`.
    var values: [String: String] = [:]

    static let articleTypes = ["article", "blogposting", "report", "posting"]

    init(tree: PageTree) {
        var meta: [String: String] = [:]
        var title: String?, h1: String?, time: String?, lang: String?, canonical: String?, relAuthor: String?
        for (i, node) in tree.nodes.enumerated() where !node.isText {
            switch node.name {
            case "html": lang = lang ?? node.attribute("lang").flatMap(Self.nonEmpty)
            case "meta":
                guard let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop"))?.lowercased(),
                      let content = node.attribute("content").flatMap(Self.nonEmpty), meta[key] == nil else { break }
                meta[key] = content
            case "title": title = title ?? Self.nonEmpty(Self.text(tree, i))
            case "h1": h1 = h1 ?? Self.nonEmpty(Self.text(tree, i))
            case "time": time = time ?? node.attribute("datetime").flatMap(Self.nonEmpty)
            case "link" where node.attribute("rel")?.lowercased() == "canonical":
                canonical = canonical ?? node.attribute("href").flatMap(Self.nonEmpty)
            default: break
            }
            if node.attribute("rel")?.lowercased().split(separator: " ").contains("author") == true, relAuthor == nil {
                relAuthor = node.name == "a" ? Self.nonEmpty(Self.text(tree, i)) : nil
            }
            if node.attribute("itemprop") == "datePublished", meta["itemprop:datepublished"] == nil {
                meta["itemprop:datepublished"] = node.attribute("datetime") ?? node.attribute("content")
            }
        }
        let ld = Self.jsonLD(tree.jsonLD)
        func first(_ candidates: String?...) -> String? { candidates.lazy.compactMap { $0 }.first }
        let metaAuthor = [meta["author"], meta["article:author"], meta["byl"], meta["dc.creator"], meta["parsely-author"]]
            .lazy.compactMap { $0 }.first { !$0.hasPrefix("http") }
        values["headline"] = first(meta["og:title"], ld.headline, h1, title, meta["twitter:title"])
        values["author"] = first(metaAuthor, ld.author, relAuthor)
        values["published"] = first(meta["article:published_time"], ld.published, meta["itemprop:datepublished"], time,
                                    meta["pubdate"], meta["date"], meta["dc.date"], meta["parsely-pub-date"])
        values["modified"] = first(meta["article:modified_time"], ld.modified, meta["og:updated_time"], meta["dateModified"])
        values["section"] = first(meta["article:section"], ld.section)
        values["language"] = first(lang, ld.language, meta["og:locale"])
        values["canonical_url"] = first(canonical, meta["og:url"], ld.url)
        values["site_name"] = first(meta["og:site_name"], ld.publisher)
    }

    static func nonEmpty(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    static func text(_ tree: PageTree, _ i: Int) -> String {
        var writer = BlockWriter()
        for j in i..<tree.nodes[i].end where tree.nodes[j].isText { writer.append(tree.nodes[j].value) }
        return writer.buffer
    }

    /// What the first article object of the page's JSON-LD says.
    struct LinkedData {
        var headline, author, published, modified, section, language, url, publisher: String?
    }

    static func jsonLD(_ scripts: [String]) -> LinkedData {
        var found = LinkedData()
        var stack: [Any] = []
        for script in scripts {
            guard let data = script.data(using: .utf8),
                  let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            stack.append(value)
        }
        stack.reverse()
        var visited = 0
        var article: [String: Any]?
        while let value = stack.popLast(), visited < 10_000, article == nil {
            visited += 1
            if let array = value as? [Any] {
                stack += array.reversed()
            } else if let object = value as? [String: Any] {
                let types: [String] = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [Any])?.compactMap { $0 as? String } ?? []
                if types.contains(where: { t in articleTypes.contains { t.lowercased().contains($0) } }) {
                    article = object
                } else {
                    for key in ["@graph", "mainEntity", "mainEntityOfPage", "itemListElement"] {
                        if let nested = object[key] { stack.append(nested) }
                    }
                }
            }
        }
        guard let article else { return found }
        func string(_ v: Any?) -> String? { (v as? String).flatMap(nonEmpty) }
        func names(_ v: Any?) -> String? {
            if let s = string(v) { return s }
            if let o = v as? [String: Any] { return string(o["name"]) }
            if let a = v as? [Any] {
                let all = a.compactMap { names($0) }
                return all.isEmpty ? nil : all.joined(separator: ", ")
            }
            return nil
        }
        found.headline = string(article["headline"]) ?? string(article["name"])
        found.author = names(article["author"]) ?? names(article["creator"])
        found.published = string(article["datePublished"]) ?? string(article["dateCreated"])
        found.modified = string(article["dateModified"])
        found.section = names(article["articleSection"])
        found.language = names(article["inLanguage"])
        found.url = string(article["url"])
        found.publisher = names(article["publisher"])
        return found
    }
}
