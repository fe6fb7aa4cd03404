import ChronicleTime
import Foundation

/// Publication dates pages write in other forms than ISO 8601, rewritten as ISO:
/// `Sat, 15 Mar 2025 09:30:00 GMT`, `15 March 2025 09:30 +0100`, `March 15, 2025`, `2025/03/15`.
enum LooseDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func iso(_ raw: String) -> String? {
        let words = raw.replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: "/", with: " ")
            .split(separator: " ").map(String.init)
        var year: Int?, month: Int?, day: Int?, time: String?, offset: String?
        for word in words {
            let lower = word.lowercased()
            if (word.hasPrefix("+") || word.hasPrefix("-")), word.count == 5, word.dropFirst().allSatisfy(\.isNumber) {
                offset = word.prefix(3) + ":" + word.suffix(2)
            } else if let m = months.firstIndex(where: { lower.hasPrefix($0) }), lower.count >= 3, lower.allSatisfy(\.isLetter) {
                month = m + 1
            } else if let n = Int(word) {
                if word.count == 4 && year == nil { year = n }
                else if year != nil && month == nil && n <= 12 && words.first.flatMap({ Int($0) }) != nil { month = n }
                else if day == nil && (1...31).contains(n) { day = n }
            } else if word.contains(":"), word.split(separator: ":").allSatisfy({ Int($0) != nil }) {
                time = word.split(separator: ":").count == 2 ? word + ":00" : word
            } else if lower == "gmt" || lower == "utc" || lower == "z" {
                offset = "Z"
            }
        }
        guard let year, let month, let day, CivilDate(year: year, month: month, day: day) != nil else { return nil }
        var iso = "\(year)-\(TimexFormat.two(month))-\(TimexFormat.two(day))"
        if let time {
            let parts = time.split(separator: ":").map { TimexFormat.two(Int($0) ?? 0) }
            iso += "T" + parts.joined(separator: ":") + (offset ?? "")
        }
        return (try? PublicationTime.parse(iso, zone: nil)) != nil ? iso : nil
    }
}
