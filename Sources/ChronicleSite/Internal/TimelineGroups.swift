import ChronicleModel
import ChronicleTime

/// Groups events by month, then by day, in the site's order. An event coarser than a day (a week,
/// a month) gets its own "day" group labelled at its grain; one coarser than a month (a year, a
/// quarter) its own "month" group.
enum TimelineGroups {
    struct Group {
        var key: String
        var label: String
        var datetime: String
        var members: [Event] = []
    }

    /// The events of each month (or of each coarser period: a year, a quarter), in timeline order.
    static func monthGroups(_ events: [Event]) -> [Group] {
        grouped(events, by: monthKey)
    }

    /// - Parameter cards: when given, each event also gets `eventHTML`, its `event` partial
    ///   rendered once per event and page depth (actor and month pages repeat events).
    static func months(_ index: SiteIndex, events: [Event]? = nil, cards: EventCards? = nil, root: String = "") -> [[String: Any]] {
        var months = grouped(events ?? index.timeline.events, by: monthKey)
        if index.timeline.config.order == .newestFirst { months.reverse() }
        return months.map { month in
            var days = grouped(month.members, by: dayKey)
            if index.timeline.config.order == .newestFirst { days.reverse() }
            let dayContexts: [[String: Any]] = days.map { day in
                let events = day.members.map { event in
                    var e = EventContext.make(event, index: index)
                    // The day heading already says it; the event repeats only a finer date ("…, evening").
                    let dateInHeading = day.key == safeKey(event.value.description)
                    e["dateInHeading"] = dateInHeading
                    e["noMeta"] = dateInHeading && event.status != .expected && event.sources.count < 2
                    if let cards { e["eventHTML"] = cards.html(event, context: e, root: root) }
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
            return context([
                "id": "m-\(month.key)",
                "label": month.label,
                "datetime": month.datetime,
                "days": dayContexts,
                "eventCount": month.members.count,
                "minor": index.hasKeyEvents && !month.members.contains(where: \.isKey),
            ])
        }
    }

    /// What the show-all toggle says: all events, key events, the others.
    static func counts(_ events: [Event]) -> [String: Any] {
        let key = events.filter(\.isKey).count
        return ["events": events.count, "keyEvents": key, "otherEvents": events.count - key]
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

    private static func monthKey(_ v: TimexValue) -> Group {
        guard let interval = v.interval, v.grain <= .month else {
            return Group(key: safeKey(v.description), label: DisplayFormat.value(v), datetime: EventContext.htmlDatetime(v))
        }
        let start = interval.start
        let value = TimexValue.month(year: start.year, month: start.month)
        return Group(key: value.description, label: DisplayFormat.value(value), datetime: value.description)
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
