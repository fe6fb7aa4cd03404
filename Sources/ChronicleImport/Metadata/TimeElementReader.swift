import ChronicleTime
import Foundation

/// The publication date from `<time datetime>` elements: one marked as the publication time, else the first.
enum TimeElementReader {
    static func published(in root: HTMLElement) -> String? {
        let times = root.descendants { $0.name == "time" && $0["datetime"] != nil }
            .filter { (try? PublicationTime.parse($0["datetime"]!, zone: nil)) != nil }
        let marked = times.first { time in
            let hints = [time["itemprop"], time["class"], time["id"], time["pubdate"] != nil ? "pubdate" : nil]
                .compactMap { $0?.lowercased() }.joined(separator: " ")
            return ["datepublished", "publish", "pubdate", "posted"].contains { hints.contains($0) }
        }
        return (marked ?? times.first)?["datetime"]?.trimmingCharacters(in: .whitespaces)
    }
}
