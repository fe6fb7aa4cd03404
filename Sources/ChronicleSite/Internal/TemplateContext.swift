/// Builds a template context, leaving out nil and empty values: the Mustache library treats an
/// empty string as true, so `{{#author}}by {{.}}{{/author}}` only works if a missing author is absent.
func context(_ pairs: KeyValuePairs<String, Any?>) -> [String: Any] {
    var out: [String: Any] = [:]
    for (key, value) in pairs {
        switch value {
        case .none: continue
        case .some(let s as String) where s.isEmpty: continue
        case .some(let v): out[key] = v
        }
    }
    return out
}

/// Marks the first and last item of a list (`isFirst`, `isLast`) for separators in templates.
func positioned(_ items: [[String: Any]]) -> [[String: Any]] {
    items.enumerated().map { i, item in
        var item = item
        item["isFirst"] = i == 0
        item["isLast"] = i == items.count - 1
        return item
    }
}
