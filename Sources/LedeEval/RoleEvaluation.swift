import Foundation
import LedeCore
import LedeText

/// An article whose paragraphs carry a gold role (headline, byline, dateline, body, caption, credit, notice,
/// chrome, signature), for scoring what cleaning removes.
public struct RoleArticle: Sendable {
    /// The file name (or GUM id).
    public var id: String
    /// The text as pasted.
    public var text: String
    /// The gold role of each paragraph (`TextLayout.paragraphs(mode: .auto)`), in order.
    public var roles: [String]
    /// `outlet`, `country`, `url`, from the roles file's `#` lines.
    public var info: [String: String]
}

/// Loading annotated articles: `NAME.txt` beside `NAME.roles` (`# key: value` lines, then one role per
/// paragraph), and GUM's Wikinews documents with `gum-roles.tsv` (`id`, paragraph index, role; every other
/// paragraph is body).
public enum RoleCorpus {
    /// The roles that are removed; the others must stay.
    public static let removable: Set<String> = ["caption", "credit", "byline", "notice", "chrome", "signature"]
    /// Every role.
    public static let roles = ["headline", "byline", "dateline", "body", "caption", "credit", "notice", "chrome", "signature"]

    /// The articles of a folder, sorted by name.
    public static func load(folder: String) throws -> [RoleArticle] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            let base = String(name.dropLast(4))
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let rolesText = try String(contentsOfFile: folder + "/" + base + ".roles", encoding: .utf8)
            var info: [String: String] = [:]
            var roles: [String] = []
            for line in rolesText.split(separator: "\n", omittingEmptySubsequences: true) {
                if line.hasPrefix("#") {
                    let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
                    if let colon = body.firstIndex(of: ":") {
                        info[String(body[..<colon])] = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    }
                    continue
                }
                let role = line.trimmingCharacters(in: .whitespaces)
                guard Self.roles.contains(role) else { throw GoldError("\(base).roles: unknown role '\(role)'") }
                roles.append(role)
            }
            let paragraphs = TextLayout.paragraphs(of: text, mode: .auto).count
            guard paragraphs == roles.count else {
                throw GoldError("\(base).roles: \(roles.count) roles for \(paragraphs) paragraphs")
            }
            return RoleArticle(id: base, text: text, roles: roles, info: info)
        }
    }

    /// GUM's documents with the roles of `gum-roles.tsv`.
    public static func loadGUM(_ path: String, roles: String) throws -> [RoleArticle] {
        var marked: [String: [Int: String]] = [:]
        for line in try String(contentsOfFile: roles, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count >= 3, let index = Int(fields[1]), Self.roles.contains(fields[2]) else {
                throw GoldError("\(roles): bad line '\(line)'")
            }
            marked[fields[0], default: [:]][index] = fields[2]
        }
        return try GUM.load(path).map { doc in
            let count = TextLayout.paragraphs(of: doc.text, mode: .auto).count
            let roles = (0..<count).map { marked[doc.id]?[$0] ?? "body" }
            return RoleArticle(id: doc.id, text: doc.text, roles: roles, info: ["outlet": "Wikinews"])
        }
    }
}

/// Characters (code points) behind one role's precision and recall.
public struct RoleCount: Sendable {
    /// Text of gold paragraphs with the role.
    public var gold = 0
    /// Of that, the text removed (for any reason).
    public var found = 0
    /// Text removed with the role as its reason.
    public var predicted = 0
    /// Of that, the text inside gold paragraphs of the role (a caption's credit counts with the caption).
    public var correct = 0
    /// `correct / predicted`, 1 when nothing was removed.
    public var precision: Double { predicted == 0 ? 1 : Double(correct) / Double(predicted) }
    /// `found / gold`, 1 when there is no such text.
    public var recall: Double { gold == 0 ? 1 : Double(found) / Double(gold) }
}

/// What cleaning removed, scored per role against gold roles, in characters (code points, spaces not counted).
public struct RoleScores: Sendable {
    /// Per role: recall counts text of gold paragraphs of the role that was removed (for any reason);
    /// precision counts removals given that reason that fall in gold paragraphs of that role (a caption's
    /// credit counts with the caption).
    public var byRole: [String: RoleCount] = [:]
    /// All removable roles together: removed text inside removable paragraphs, whatever the reason given.
    public var overall = RoleCount()
    /// Removals that touched a paragraph that must stay (body, headline, dateline): `id: role: text`.
    public var keptTextLost: [String] = []
    /// Removals of body text alone.
    public var bodyLost = 0
    /// Each mistake: missed removable text and wrongly removed text.
    public var errors: [String] = []

    /// Runs `stages` over the articles and scores the removals.
    public static func run(_ articles: [RoleArticle], stages: [StageInstance]) throws -> RoleScores {
        var scores = RoleScores()
        for article in articles {
            let document = try Evaluation.annotate(id: article.id, text: article.text, stages: stages)
            scores.add(article, removed: document.removed)
        }
        return scores
    }

    /// The role a removal's reason stands for.
    static func role(ofReason reason: String) -> String { reason == "boilerplate" ? "notice" : reason }

    mutating func add(_ article: RoleArticle, removed: [Removal]) {
        var text = article.text
        text.withUTF8 { b in
            func chars(_ r: Range<Int>) -> Int { r.reduce(0) { $0 + (b[$1] & 0xC0 != 0x80 && !TextLayout.isSpace(b[$1]) ? 1 : 0) } }
            func string(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }
            let paragraphs = TextLayout.paragraphs(b, mode: .auto)
            // Recall: each gold paragraph's removed share.
            for (p, role) in zip(paragraphs, article.roles) {
                let total = chars(p)
                let found = removed.reduce(0) { sum, r in
                    let lo = max(p.lowerBound, r.start), hi = min(p.upperBound, r.end)
                    return lo < hi ? sum + chars(lo..<hi) : sum
                }
                if RoleCorpus.removable.contains(role) {
                    byRole[role, default: RoleCount()].gold += total
                    byRole[role, default: RoleCount()].found += found
                    overall.gold += total
                    overall.found += found
                    if found < total { errors.append("\(article.id): missed \(role): \(string(p))") }
                }
            }
            // Precision: each removal's text by the gold role of the paragraph it lies in.
            for r in removed {
                let predicted = Self.role(ofReason: r.reason)
                for (p, gold) in zip(paragraphs, article.roles) {
                    let lo = max(p.lowerBound, r.start), hi = min(p.upperBound, r.end)
                    guard lo < hi else { continue }
                    let o = lo..<hi
                    let n = chars(o)
                    let same = gold == predicted || (Set([gold, predicted]) == Set(["caption", "credit"]))
                    byRole[predicted, default: RoleCount()].predicted += n
                    overall.predicted += n
                    if same { byRole[predicted, default: RoleCount()].correct += n }
                    if RoleCorpus.removable.contains(gold) { overall.correct += n }
                    if !RoleCorpus.removable.contains(gold) {
                        keptTextLost.append("\(article.id): \(gold) lost as \(predicted) [\(r.rule)]: \(string(o))")
                        if gold == "body" { bodyLost += 1 }
                    } else if !same {
                        errors.append("\(article.id): \(gold) removed as \(predicted) [\(r.rule)]: \(string(o))")
                    }
                }
            }
        }
    }

    /// A table: per role, precision, recall and the characters behind them, then the total.
    public func render(title: String) -> String {
        func row(_ name: String, _ s: RoleCount) -> String {
            let p = s.predicted == 0 ? "    -" : String(format: "%.3f", s.precision)
            let r = s.gold == 0 ? "    -" : String(format: "%.3f", s.recall)
            return name.padding(toLength: 10, withPad: " ", startingAt: 0) + "  " + p + "  " + r
                + String(format: "  %7d %7d %9d %7d", s.gold, s.found, s.predicted, s.correct)
        }
        var lines = [title, "role        prec   recall     gold   found  predicted correct   (characters)"]
        for role in RoleCorpus.roles where byRole[role] != nil { lines.append(row(role, byRole[role]!)) }
        lines.append(row("removed", overall))
        lines.append("kept text (body, headline, dateline) removed: \(keptTextLost.count) pieces, body: \(bodyLost)")
        return lines.joined(separator: "\n")
    }
}

/// The `lede-eval --roles` report.
public enum RoleReport {
    /// Scores the folder's articles, and GUM when `gum` is given, with every mistake when `errors` is set.
    public static func render(folder: String, gum: String?, stages: [StageInstance], errors: Bool) throws -> String {
        let articles = try RoleCorpus.load(folder: folder)
        let outlets = Set(articles.compactMap { $0.info["outlet"] }).count
        let countries = Set(articles.compactMap { $0.info["country"] }).count
        var out: [String] = []
        func section(_ scores: RoleScores, _ title: String) {
            out.append(scores.render(title: title))
            if errors {
                out.append("mistakes:")
                out += (scores.keptTextLost + scores.errors).map { "  " + $0 }
            }
            out.append("")
        }
        section(try RoleScores.run(articles, stages: stages),
                "\(folder): \(articles.count) articles, \(outlets) outlets, \(countries) countries")
        if let gum {
            let documents = try RoleCorpus.loadGUM(gum, roles: folder + "/gum-roles.tsv")
            section(try RoleScores.run(documents, stages: stages), "GUM Wikinews: \(documents.count) documents")
        }
        return out.joined(separator: "\n")
    }
}
