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

    /// A day group and its events, ready for a template or the compiled `days` partial.
    struct Day {
        var id: String
        var label: String
        var datetime: String
        var minor: Bool
        var events: [EventView]

        var context: [String: Any] {
            ChronicleSite.context(["id": id, "label": label, "datetime": datetime, "events": events.map(\.context),
                     "eventCount": events.count, "minor": minor])
        }
    }

    /// What a page needs of a period's events: the `days[]` variables, the compiled partial's HTML, or both.
    struct Needs {
        var days = true
        var daysHTML = false
        /// `{{root}}` on the page (the compiled partial writes links with it).
        var root = ""
    }

    /// One period as the index and actor pages of a paged site list it: its link, counts and highlights.
    struct PeriodLink {
        var id: String
        var label: String
        var datetime: String
        var href: String
        var eventCount: Int
        var keyCount: Int
        var minor: Bool
        var highlights: [Highlight]

        struct Highlight {
            var id: String
            var anchor: String
            var href: String
            var label: String
            var datetime: String
            var text: String
            var isKey: Bool
            var expected: Bool
            var sourceCount: Int
        }

        init(_ digest: PeriodDigest, index: SiteIndex) {
            id = "m-\(digest.period)"
            label = digest.period.label
            datetime = digest.period.description
            href = index.paged ? Paths.period(digest.period) : "index.html#m-\(digest.period)"
            eventCount = digest.eventCount
            keyCount = digest.keyCount
            minor = index.hasKeyEvents && digest.keyCount == 0
            highlights = digest.highlights.map { h in
                Highlight(id: h.id, anchor: Paths.eventAnchor(h.id),
                          href: (index.paged ? Paths.period(digest.period) : "index.html") + "#" + Paths.eventAnchor(h.id),
                          label: DisplayFormat.value(h.value), datetime: EventView.htmlDatetime(h.value), text: h.text,
                          isKey: h.isKey, expected: h.status == .expected, sourceCount: h.sourceCount)
            }
        }
    }

    /// The variables of one period's section: `id`, `label`, `datetime`, `href`, `eventCount`,
    /// `keyCount`, `minor`, `highlights[]`, and `days[]` (with their events) when its events are given.
    static func period(_ digest: PeriodDigest, events: [Event]?, index: SiteIndex, needs: Needs = Needs()) -> [String: Any] {
        let link = PeriodLink(digest, index: index)
        var out = context([
            "id": link.id,
            "label": link.label,
            "datetime": link.datetime,
            "href": link.href,
            "eventCount": link.eventCount,
            "keyCount": link.keyCount,
            "minor": link.minor,
        ])
        if let events {
            let groups = dayGroups(events, index: index)
            if needs.days { out["days"] = groups.map { day($0, index: index).context } }
            if needs.daysHTML { out["daysHTML"] = CompiledPartials.days(groups, index: index, root: needs.root) }
        }
        out["highlights"] = link.highlights.map { h in
            context([
                "id": h.id,
                "anchor": h.anchor,
                "href": h.href,
                "label": h.label,
                "datetime": h.datetime,
                "text": h.text,
                "key": h.isKey,
                "expected": h.expected,
                "sourceCount": h.sourceCount,
                "multipleSources": h.sourceCount > 1,
            ])
        }
        return out
    }

    /// A period's events by day, in the site's order.
    static func dayGroups(_ events: [Event], index: SiteIndex) -> [Group] {
        let days = grouped(events)
        return index.config.order == .newestFirst ? days.reversed() : days
    }

    static func day(_ day: Group, index: SiteIndex) -> Day {
        let events = day.members.map { event in
            var e = EventView(event, index: index)
            e.dateInHeading = showsDate(of: event, group: day)
            e.noMeta = e.dateInHeading && event.status != .expected && event.sources.count < 2
            return e
        }
        return Day(id: "d-\(day.key)", label: day.label, datetime: day.datetime,
                   minor: index.hasKeyEvents && !day.members.contains(where: \.isKey), events: events)
    }

    /// Groups in order of first appearance, so an already sorted list stays sorted: an event with
    /// a day is in its day's group, any other in the group of its value's key. (A day's key is
    /// its `YYYY-MM-DD`, which no other value's key is.) A group's label is made once.
    private static func grouped(_ events: [Event]) -> [Group] {
        grouped(indices: events).map { group in
            Group(key: group.key, label: group.label, datetime: group.datetime, members: group.members.map { events[$0] })
        }
    }

    /// A day group whose events are given by their positions in the period's list (a period page
    /// has thousands of events: grouping them so copies none, a retain and a release of each field).
    struct IndexGroup {
        var key: String
        var label: String
        var datetime: String
        var members: [Int] = []
    }

    /// `dayGroups` by position in `events`.
    static func dayGroupIndices(_ events: [Event], index: SiteIndex) -> [IndexGroup] {
        let days = grouped(indices: events)
        return index.config.order == .newestFirst ? days.reversed() : days
    }

    /// `grouped`, each event by its position; the events read where they lie.
    private static func grouped(indices events: [Event]) -> [IndexGroup] {
        var groups: [IndexGroup] = []
        var days: [Int: Int] = [:]
        var others: [String: Int] = [:]
        // Events mostly come by day: one of the day of the event before joins its group at once.
        var last: (day: Int, group: Int)?
        for e in events.indices {
            let v = events[e].value
            if let day = v.day {
                let number = day.dayNumber
                if let last, last.day == number {
                    groups[last.group].members.append(e)
                } else if let i = days[number] {
                    groups[i].members.append(e)
                    last = (number, i)
                } else {
                    last = (number, groups.count)
                    days[number] = groups.count
                    groups.append(IndexGroup(key: day.description, label: DisplayFormat.value(.day(day)), datetime: day.description, members: [e]))
                }
                continue
            }
            let key = safeKey(v.description)
            if let i = others[key] {
                groups[i].members.append(e)
            } else {
                others[key] = groups.count
                // Under its month heading, a month-grain group needs words, not the same label again.
                let label = v.grain >= .month && v.grain != .none ? "Sometime in \(DisplayFormat.value(v))" : DisplayFormat.value(v)
                groups.append(IndexGroup(key: key, label: label, datetime: EventView.htmlDatetime(v), members: [e]))
            }
        }
        return groups
    }

    /// Whether the heading of the event's day group already says its date (then the event repeats
    /// only a finer date, "…, evening"): the group's key is the key of the event's value.
    static func showsDate(of event: Event, group: Group) -> Bool { showsDate(of: event.value, key: group.key) }

    /// The same, for a value and its group's key.
    static func showsDate(of value: TimexValue, key: String) -> Bool {
        // A day, month or year is digits and `-`, which `safe` keeps: compared as bytes.
        var (same, key) = (false, key)
        if ValueBytes.withText(value, { text in same = key.withUTF8 { UnsafeRawBufferPointer($0).elementsEqual(text) } }) { return same }
        // Compared character by character as `safeKey` maps them: no key is made per event.
        var scalars = key.unicodeScalars.makeIterator()
        for scalar in value.description.unicodeScalars {
            guard let k = scalars.next(), k == safe(scalar) else { return false }
        }
        return scalars.next() == nil
    }

    /// Group keys become HTML ids.
    private static func safeKey(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map(safe)))
    }

    private static func safe(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || v == 0x2D ? scalar : "_"
        }
        return scalar.properties.isAlphabetic ? scalar : "_"
    }
}
