import CLibXML2

/// A parsed page as a flat array of nodes in document order, so that every later pass is a loop over an
/// array (no recursion, however deep the page nests) and no libxml2 pointer outlives ``parse(_:maxDepth:)``.
struct PageTree {
    /// An element or a run of text.
    struct Node {
        /// The element's lowercase name; empty for text.
        var name: String
        /// The element's class and id, lowercased, space separated; the text of a text node.
        var value: String
        /// The attributes later passes read (itemprop, rel, href, content, ...), lowercase names.
        var attributes: [(String, String)]
        /// The parent's index (-1 for the root).
        var parent: Int
        /// One past the last node of this node's subtree.
        var end: Int
        /// For text: inside an `<a>`.
        var inLink: Bool

        var isText: Bool { name.isEmpty }

        func attribute(_ key: String) -> String? { attributes.first { $0.0 == key }?.1 }
    }

    var nodes: [Node] = []
    /// The text of every `<script type="application/ld+json">`.
    var jsonLD: [String] = []
    /// Whether elements nested deeper than the cap were folded into their ancestor.
    var flattened = false

    /// Elements dropped with everything inside them, at parse time.
    static let dropped: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "svg", "math", "object", "embed", "canvas",
        "button", "select", "textarea", "input", "video", "audio", "map", "dialog",
    ]
    /// Attributes kept on elements.
    static let kept: Set<String> = [
        "itemprop", "itemtype", "rel", "href", "content", "property", "name", "http-equiv", "lang", "datetime",
        "role", "type", "hidden", "aria-hidden",
    ]

    /// Parses UTF-8 HTML with libxml2's forgiving HTML parser (no network, no error output) and copies it out.
    /// Elements deeper than `maxDepth` are not kept as nodes; their text joins the deepest kept ancestor.
    static func parse(_ utf8: [UInt8], maxDepth: Int) -> PageTree? {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let doc = utf8.withUnsafeBufferPointer { b in
            b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) {
                htmlReadMemory($0, Int32(b.count), "page.html", "UTF-8", options)
            }
        }
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return nil }
        var tree = PageTree()
        tree.copy(from: root, maxDepth: maxDepth)
        return tree
    }

    private mutating func copy(from root: xmlNodePtr, maxDepth: Int) {
        // Kept ancestors (node indexes) and, for every libxml2 level walked, whether that level was kept.
        var openKept: [Int] = []
        var levelKept: [Bool] = []
        var linkDepth = 0
        var node: xmlNodePtr? = root
        while let current = node {
            var descend = false
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                // libxml2's HTML parser lowercases element and attribute names.
                let name = String(cString: current.pointee.name)
                if name == "script" {
                    if let type = Self.property(current, "type"), type.lowercased().contains("ld+json"),
                       let content = xmlNodeGetContent(current) {
                        jsonLD.append(String(cString: content))
                        lede_xml_free(content)
                    }
                } else if !Self.dropped.contains(name) {
                    descend = true
                    let keep = openKept.count < maxDepth
                    if keep {
                        var hints = ""
                        var attributes: [(String, String)] = []
                        var attr = current.pointee.properties
                        while let a = attr {
                            let key = String(cString: a.pointee.name)
                            if key == "class" || key == "id" || Self.kept.contains(key) {
                                let value: String
                                if let v = lede_attr_value(a) {
                                    value = String(cString: v)
                                    lede_xml_free(v)
                                } else {
                                    value = ""
                                }
                                if key == "class" || key == "id" { hints += (hints.isEmpty ? "" : " ") + value.lowercased() }
                                else { attributes.append((key, value)) }
                            }
                            attr = a.pointee.next
                        }
                        nodes.append(Node(name: name, value: hints, attributes: attributes, parent: openKept.last ?? -1,
                                          end: 0, inLink: false))
                        openKept.append(nodes.count - 1)
                    } else {
                        flattened = true
                    }
                    levelKept.append(keep)
                    if name == "a" { linkDepth += 1 }
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    nodes.append(Node(name: "", value: String(cString: content), attributes: [], parent: openKept.last ?? -1,
                                      end: nodes.count + 1, inLink: linkDepth > 0))
                }
            default:
                break
            }
            if descend, let child = current.pointee.children {
                node = child
                continue
            }
            if descend { close(current, &openKept, &levelKept, &linkDepth) }
            // Next sibling, or climb until an ancestor has one.
            var climb: xmlNodePtr? = current
            node = nil
            while let c = climb {
                if c == root { break }
                if let next = c.pointee.next {
                    node = next
                    break
                }
                climb = c.pointee.parent
                if let p = climb { close(p, &openKept, &levelKept, &linkDepth) }
                if climb == root { break }
            }
        }
        while let index = openKept.popLast() { nodes[index].end = nodes.count }
    }

    private mutating func close(_ element: xmlNodePtr, _ openKept: inout [Int], _ levelKept: inout [Bool], _ linkDepth: inout Int) {
        guard let kept = levelKept.popLast() else { return }
        if kept, let index = openKept.popLast() { nodes[index].end = nodes.count }
        if xmlStrcasecmp(element.pointee.name, "a") == 0 { linkDepth -= 1 }
    }

    private static func property(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { lede_xml_free(value) }
        return String(cString: value)
    }
}
