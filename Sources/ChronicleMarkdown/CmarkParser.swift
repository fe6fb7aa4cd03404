import CCmark

/// Parses Markdown with libcmark. This is the only file that imports the C library:
/// each call parses, copies the tree into Swift values and frees it.
public enum MarkdownParser {
    /// Deeper nesting than this is flattened (defends against pathological input).
    static let maxDepth = 64

    /// - Parameter firstLine: the line of the file the text starts on (blocks' `line` counts from it).
    public static func parse(_ markdown: String, firstLine: Int = 1) -> MarkdownDocument {
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
        return MarkdownDocument(blocks: blocks(of: root, depth: 0, lineOffset: firstLine - 1))
    }

    /// Appends the values of `node`'s children, in order, each at `depth + 1`.
    @inline(__always)
    private static func appendChildren<Value>(of node: OpaquePointer, depth: Int, to out: inout [Value],
                                              _ append: (OpaquePointer, Int, inout [Value]) -> Void) {
        var child = cmark_node_first_child(node)
        while let c = child {
            append(c, depth + 1, &out)
            child = cmark_node_next(c)
        }
    }

    /// Visits the nodes below `node` in document order with cmark's iterator, so the stack does not
    /// grow with the depth of the tree; `visit` returns true to skip the children of the node it was given.
    private static func walkDescendants(of node: OpaquePointer, _ visit: (OpaquePointer) -> Bool) {
        guard let iterator = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator), current != node else { continue }
            if visit(current) { cmark_iter_reset(iterator, current, CMARK_EVENT_EXIT) }
        }
    }

    private static func string(_ p: UnsafePointer<CChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    // The tree is copied by appending each node's values to its parent's array: a node that is
    // flattened (too deep, or of a kind that is not kept) adds its children in its place.

    private static func blocks(of node: OpaquePointer, depth: Int, lineOffset: Int) -> [Block] {
        var out: [Block] = []
        appendChildren(of: node, depth: depth, to: &out) { appendBlock($0, depth: $1, lineOffset: lineOffset, to: &$2) }
        return out
    }

    private static func appendBlock(_ node: OpaquePointer, depth: Int, lineOffset: Int, to out: inout [Block]) {
        let line = Int(cmark_node_get_start_line(node)) + lineOffset
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            out.append(.paragraph(inlines(of: node, depth: depth), line: line))
        case CMARK_NODE_HEADING:
            out.append(.heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node, depth: depth), line: line))
        case CMARK_NODE_BLOCK_QUOTE where depth > maxDepth, CMARK_NODE_LIST where depth > maxDepth:
            // The blocks below, in a loop: recursion would grow the stack with the nesting (30,000
            // levels of `>` overflowed it).
            walkDescendants(of: node) { descendant in
                switch cmark_node_get_type(descendant) {
                case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM: return false
                default:
                    appendBlock(descendant, depth: depth + 1, lineOffset: lineOffset, to: &out)
                    return true
                }
            }
        case CMARK_NODE_BLOCK_QUOTE:
            out.append(.blockQuote(blocks(of: node, depth: depth, lineOffset: lineOffset)))
        case CMARK_NODE_LIST:
            var items: [[Block]] = []
            appendChildren(of: node, depth: depth, to: &items) { item, itemDepth, list in list.append(blocks(of: item, depth: itemDepth, lineOffset: lineOffset)) }
            out.append(.list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                             start: Int(cmark_node_get_list_start(node)),
                             tight: cmark_node_get_list_tight(node) != 0, items: items))
        case CMARK_NODE_CODE_BLOCK:
            out.append(.codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node))))
        case CMARK_NODE_HTML_BLOCK:
            out.append(.html(string(cmark_node_get_literal(node))))
        case CMARK_NODE_THEMATIC_BREAK:
            out.append(.thematicBreak)
        default:
            appendChildren(of: node, depth: depth, to: &out) { appendBlock($0, depth: $1, lineOffset: lineOffset, to: &$2) }
        }
    }

    private static func inlines(of node: OpaquePointer, depth: Int) -> [Inline] {
        var out: [Inline] = []
        appendChildren(of: node, depth: depth, to: &out, appendInline)
        return out
    }

    /// Appends a leaf inline (text, a break, code, raw HTML); false for a node with children.
    private static func appendLeafInline(_ node: OpaquePointer, to out: inout [Inline]) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: out.append(.text(string(cmark_node_get_literal(node))))
        case CMARK_NODE_SOFTBREAK: out.append(.softBreak)
        case CMARK_NODE_LINEBREAK: out.append(.lineBreak)
        case CMARK_NODE_CODE: out.append(.code(string(cmark_node_get_literal(node))))
        case CMARK_NODE_HTML_INLINE: out.append(.html(string(cmark_node_get_literal(node))))
        default: return false
        }
        return true
    }

    private static func appendInline(_ node: OpaquePointer, depth: Int, to out: inout [Inline]) {
        if appendLeafInline(node, to: &out) { return }
        if depth > maxDepth {
            // The leaves below, in a loop: recursion would grow the stack with the nesting
            // (30,000 `*` around a word overflowed it).
            walkDescendants(of: node) { appendLeafInline($0, to: &out) }
            return
        }
        let type = cmark_node_get_type(node)
        guard type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG || type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else {
            appendChildren(of: node, depth: depth, to: &out, appendInline)
            return
        }
        let content = inlines(of: node, depth: depth)
        switch type {
        case CMARK_NODE_EMPH: out.append(.emphasis(content))
        case CMARK_NODE_STRONG: out.append(.strong(content))
        case CMARK_NODE_LINK:
            out.append(.link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)), content))
        default:
            out.append(.image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)), content))
        }
    }
}
