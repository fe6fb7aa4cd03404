import CCmark

/// Parses Markdown with libcmark. This is the only file that imports the C library:
/// each call parses, copies the tree into Swift values and frees it.
public enum MarkdownParser {
    /// Deeper nesting than this is flattened (defends against pathological input).
    static let maxDepth = 64

    public static func parse(_ markdown: String) -> MarkdownDocument {
        // A Swift string is valid UTF-8 already, so cmark need not check it (`CMARK_OPT_VALIDATE_UTF8`
        // changes only invalid sequences; cmark replaces NUL bytes either way). Parsed in place, not copied.
        let options = CMARK_OPT_DEFAULT
        var text = markdown
        let root: OpaquePointer? = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress else { return "".withCString { cmark_parse_document($0, 0, options) } }
                return cmark_parse_document(base, chars.count, options)
            }
        }
        guard let root else { return MarkdownDocument(blocks: []) }
        defer { cmark_node_free(root) }
        return MarkdownDocument(blocks: blocks(of: root, depth: 0))
    }

    private static func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            out.append(c)
            child = cmark_node_next(c)
        }
        return out
    }

    private static func string(_ p: UnsafePointer<CChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    private static func blocks(of node: OpaquePointer, depth: Int) -> [Block] {
        children(node).flatMap { block($0, depth: depth + 1) }
    }

    private static func block(_ node: OpaquePointer, depth: Int) -> [Block] {
        let line = Int(cmark_node_get_start_line(node))
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return [.paragraph(inlines(of: node, depth: depth), line: line)]
        case CMARK_NODE_HEADING:
            return [.heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node, depth: depth), line: line)]
        case CMARK_NODE_BLOCK_QUOTE:
            let inner = blocks(of: node, depth: depth)
            return depth > maxDepth ? inner : [.blockQuote(inner)]
        case CMARK_NODE_LIST:
            let items = children(node).map { blocks(of: $0, depth: depth + 1) }
            if depth > maxDepth { return items.flatMap { $0 } }
            return [.list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                          start: Int(cmark_node_get_list_start(node)),
                          tight: cmark_node_get_list_tight(node) != 0, items: items)]
        case CMARK_NODE_CODE_BLOCK:
            return [.codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))]
        case CMARK_NODE_HTML_BLOCK:
            return [.html(string(cmark_node_get_literal(node)))]
        case CMARK_NODE_THEMATIC_BREAK:
            return [.thematicBreak]
        default:
            return blocks(of: node, depth: depth)
        }
    }

    private static func inlines(of node: OpaquePointer, depth: Int) -> [Inline] {
        children(node).flatMap { inline($0, depth: depth + 1) }
    }

    private static func inline(_ node: OpaquePointer, depth: Int) -> [Inline] {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return [.text(string(cmark_node_get_literal(node)))]
        case CMARK_NODE_SOFTBREAK: return [.softBreak]
        case CMARK_NODE_LINEBREAK: return [.lineBreak]
        case CMARK_NODE_CODE: return [.code(string(cmark_node_get_literal(node)))]
        case CMARK_NODE_HTML_INLINE: return [.html(string(cmark_node_get_literal(node)))]
        default: break
        }
        let content = inlines(of: node, depth: depth)
        if depth > maxDepth { return content }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_EMPH: return [.emphasis(content)]
        case CMARK_NODE_STRONG: return [.strong(content)]
        case CMARK_NODE_LINK:
            return [.link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)), content)]
        case CMARK_NODE_IMAGE:
            return [.image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)), content)]
        default: return content
        }
    }
}
