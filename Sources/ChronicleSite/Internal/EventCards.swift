import ChronicleModel

/// Each event's `event` partial, rendered once per render and page depth: an event appears on its
/// month page (or the index) and again on the page of every actor it names.
final class EventCards {
    private let templates: TemplateSet
    private var rendered: [String: String] = [:]

    init(templates: TemplateSet) {
        self.templates = templates
    }

    /// The partial with `root` set for the page it goes on; the same for every page of that depth.
    func html(_ event: Event, context: [String: Any], root: String) -> String {
        let key = root + "\u{0}" + event.id
        if let cached = rendered[key] { return cached }
        var c = context
        c["root"] = root
        var html = templates.render("event", c)
        // The template line `{{{eventHTML}}}` ends the line itself, as `{{> event}}` did.
        if html.hasSuffix("\n") { html.removeLast() }
        rendered[key] = html
        return html
    }
}
