/// An element of a parsed page; children are elements and text runs in document order.
final class HTMLElement {
    enum Child {
        case element(HTMLElement)
        case text(String)
    }

    let name: String
    let attributes: [String: String]
    var children: [Child] = []
    weak var parent: HTMLElement?

    init(name: String, attributes: [String: String] = [:]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(attribute: String) -> String? { attributes[attribute] }

    var elements: [HTMLElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// Every descendant element, depth first in document order.
    func descendants(where match: (HTMLElement) -> Bool = { _ in true }) -> [HTMLElement] {
        var found: [HTMLElement] = []
        func walk(_ e: HTMLElement) {
            for child in e.elements {
                if match(child) { found.append(child) }
                walk(child)
            }
        }
        walk(self)
        return found
    }

    /// The text inside, whitespace collapsed.
    var text: String {
        var out = ""
        appendText(to: &out)
        return out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private func appendText(to out: inout String) {
        for child in children {
            switch child {
            case .text(let t): out += t
            case .element(let e):
                if HTMLTree.blockNames.contains(e.name) || e.name == "br" { out += " " }
                e.appendText(to: &out)
            }
        }
    }

    func removeFromParent() {
        guard let parent else { return }
        parent.children.removeAll { if case .element(let e) = $0 { e === self } else { false } }
        self.parent = nil
    }

    func hasAncestor(_ ancestor: HTMLElement) -> Bool {
        var p = parent
        while let e = p {
            if e === ancestor { return true }
            p = e.parent
        }
        return false
    }

    func hasAncestor(named names: Set<String>) -> Bool {
        var p = parent
        while let e = p {
            if names.contains(e.name) { return true }
            p = e.parent
        }
        return false
    }
}

/// Builds an element tree from tokens the way a lenient browser would: void elements never
/// open, a new paragraph or list item closes the previous one, stray end tags are ignored.
enum HTMLTree {
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                            "param", "source", "track", "wbr", "keygen"]
    static let blockNames: Set<String> = ["address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt",
                                          "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
                                          "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
                                          "tbody", "td", "th", "thead", "tr", "ul", "body", "html", "caption", "summary"]
    /// Elements whose start closes an open `<p>` (HTML's "close a p element").
    static let closesParagraph: Set<String> = blockNames.subtracting(["li", "dd", "dt", "td", "th", "tr", "tbody", "thead", "caption", "summary", "body", "html"])

    /// The root `html` element.
    static func parse(_ html: String) -> HTMLElement {
        let root = HTMLElement(name: "html")
        var stack: [HTMLElement] = [root]
        func close(upTo index: Int) { stack.removeSubrange(index...) }
        func lastIndex(of name: String, stoppingAt boundaries: Set<String> = []) -> Int? {
            for k in stack.indices.reversed() where k > 0 {
                if stack[k].name == name { return k }
                if boundaries.contains(stack[k].name) { return nil }
            }
            return nil
        }
        for token in HTMLTokenizer.tokenize(html) {
            switch token {
            case .text(let t):
                stack.last!.children.append(.text(t))
            case .startTag(let name, let attributes, let selfClosing):
                if name == "html" || name == "body" || name == "head" { continue }
                if closesParagraph.contains(name), let p = lastIndex(of: "p", stoppingAt: ["div", "td", "th", "li", "blockquote", "article", "section"]) { close(upTo: p) }
                if name == "li", let li = lastIndex(of: "li", stoppingAt: ["ul", "ol"]) { close(upTo: li) }
                if name == "dt" || name == "dd", let d = lastIndex(of: "dd", stoppingAt: ["dl"]) ?? lastIndex(of: "dt", stoppingAt: ["dl"]) { close(upTo: d) }
                if name == "tr", let tr = lastIndex(of: "tr", stoppingAt: ["table"]) { close(upTo: tr) }
                if name == "td" || name == "th", let cell = lastIndex(of: "td", stoppingAt: ["tr"]) ?? lastIndex(of: "th", stoppingAt: ["tr"]) { close(upTo: cell) }
                if name == "option", let o = lastIndex(of: "option", stoppingAt: ["select"]) { close(upTo: o) }
                let element = HTMLElement(name: name, attributes: attributes)
                element.parent = stack.last
                stack.last!.children.append(.element(element))
                if !selfClosing && !voidElements.contains(name) { stack.append(element) }
            case .endTag(let name):
                if name == "html" || name == "body" || name == "head" { continue }
                if let k = lastIndex(of: name) { close(upTo: k) }
            }
        }
        return root
    }
}
