import ChronicleModel
import ChronicleTime

/// `months/<key>.html`: the events of one month (or of a coarser period such as a year) when the
/// timeline is too long for one page, with links to the months before and after; and the index's
/// highlights and month archive.
enum MonthPages {
    /// How many events the index highlights on a split timeline.
    static let highlightCount = 40

    static func path(_ group: TimelineGroups.Group) -> String { "months/\(group.key).html" }

    /// The most salient key events (or events, when none is key), shown in timeline order.
    static func highlights(_ events: [Event]) -> [Event] {
        let pool = events.contains(where: \.isKey) ? events.filter(\.isKey) : events
        let chosen = Set(pool.indices.sorted { pool[$0].score != pool[$1].score ? pool[$0].score > pool[$1].score : $0 < $1 }
            .prefix(highlightCount))
        return pool.indices.filter { chosen.contains($0) }.map { pool[$0] }
    }

    /// Every month with its link and counts, in the site's order.
    static func archive(_ groups: [TimelineGroups.Group], index: SiteIndex) -> [[String: Any]] {
        let ordered = index.timeline.config.order == .newestFirst ? groups.reversed() : groups
        return positioned(ordered.map { link($0) })
    }

    static func link(_ group: TimelineGroups.Group) -> [String: Any] {
        context([
            "key": group.key,
            "label": group.label,
            "datetime": group.datetime,
            "href": "months/" + Paths.encode(group.key) + ".html",
            "eventCount": group.members.count,
            "keyEventCount": group.members.filter(\.isKey).count,
        ])
    }

    static func page(_ groups: [TimelineGroups.Group], at i: Int, index: SiteIndex, cards: EventCards) -> [String: Any] {
        let group = groups[i]
        var out = CommonContext.page(index, root: "../", title: "\(group.label) · \(index.timeline.config.title)")
        out["month"] = link(group)
        out["months"] = TimelineGroups.months(index, events: group.members, cards: cards, root: "../")
        out["hasMinor"] = index.hasKeyEvents && group.members.contains { !$0.isKey }
        out["timelineCounts"] = TimelineGroups.counts(group.members)
        out["previous"] = i > 0 ? link(groups[i - 1]) : nil
        out["next"] = i + 1 < groups.count ? link(groups[i + 1]) : nil
        return out
    }
}
