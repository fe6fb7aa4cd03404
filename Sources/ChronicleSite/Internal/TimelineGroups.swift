import ChronicleModel
import ChronicleTime

/// Groups a period's events by day, in the site's order. An event coarser than a day (a week, a
/// month, a year) gets its own "day" group labelled at its grain.
enum TimelineGroups {
    struct Group {
        var key: String
        var label: String
        var datetime: String
        var members: [Event] = []
    }

    /// The variables of one period's section: `id`, `label`, `datetime`, `href`, `eventCount`,
    /// `keyCount`, `minor`, and `days[]` (with their events) when its events are given.
    static func period(_ digest: PeriodDigest, events: [Event]?, index: SiteIndex) -> [String: Any] {
        var out = context([
            "id": "m-\(digest.period)",
            "label": digest.period.label,
            "datetime": digest.period.description,
            "href": index.paged ? Paths.period(digest.period) : "index.html#m-\(digest.period)",
            "eventCount": digest.eventCount,
            "keyCount": digest.keyCount,
            "minor": index.hasKeyEvents && digest.keyCount == 0,
        ])
        if let events { out["days"] = days(events, index: index) }
        out["highlights"] = digest.highlights.map { h in
            context([
                "id": h.id,
                "anchor": Paths.eventAnchor(h.id),
                "href": (index.paged ? Paths.period(digest.period) : "index.html") + "#" + Paths.eventAnchor(h.id),
                "label": DisplayFormat.value(h.value),
                "datetime": EventContext.htmlDatetime(h.value),
                "text": h.text,
                "key": h.isKey,
                "expected": h.status == .expected,
                "sourceCount": h.sourceCount,
                "multipleSources": h.sourceCount > 1,
            ])
        }
        return out
    }

    static func days(_ events: [Event], index: SiteIndex) -> [[String: Any]] {
        var days = grouped(events, by: dayKey)
        if index.config.order == .newestFirst { days.reverse() }
        return days.map { day in
            let events = day.members.map { event in
                var e = EventContext.make(event, index: index)
                // The day heading already says it; the event repeats only a finer date ("…, evening").
                let dateInHeading = day.key == safeKey(event.value.description)
                e["dateInHeading"] = dateInHeading
                e["noMeta"] = dateInHeading && event.status != .expected && event.sources.count < 2
                return e
            }
            return context([
                "id": "d-\(day.key)",
                "label": day.label,
                "datetime": day.datetime,
                "events": events,
                "eventCount": events.count,
                "minor": index.hasKeyEvents && !day.members.contains(where: \.isKey),
            ])
        }
    }

    /// Groups in order of first appearance, so an already sorted list stays sorted.
    private static func grouped(_ events: [Event], by key: (TimexValue) -> Group) -> [Group] {
        var groups: [Group] = []
        var position: [String: Int] = [:]
        for event in events {
            let group = key(event.value)
            if let i = position[group.key] {
                groups[i].members.append(event)
            } else {
                position[group.key] = groups.count
                groups.append(group)
                groups[groups.count - 1].members.append(event)
            }
        }
        return groups
    }

    private static func dayKey(_ v: TimexValue) -> Group {
        if let day = v.day {
            return Group(key: day.description, label: DisplayFormat.value(.day(day)), datetime: day.description)
        }
        // Under its month heading, a month-grain group needs words, not the same label again.
        let label = v.grain >= .month && v.grain != .none ? "Sometime in \(DisplayFormat.value(v))" : DisplayFormat.value(v)
        return Group(key: safeKey(v.description), label: label, datetime: EventContext.htmlDatetime(v))
    }

    /// Group keys become HTML ids.
    private static func safeKey(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" ? $0 : "_" }))
    }
}
