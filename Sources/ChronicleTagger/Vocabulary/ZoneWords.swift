/// Time-zone abbreviations, lower-case. After a clock time they belong to the time expression
/// ("6am AEST", "0900 GMT"); anywhere they are never a name ("AEST" is no organisation).
/// Words that are also English words or abbreviations ("west", "eat", "Mt", "Sgt") are left out.
public enum ZoneWords {
    public static let abbreviations: Set<String> = [
        "gmt", "utc", "z", "bst", "ist", "cet", "cest", "eet", "eest", "msk", "wat", "sast",
        "et", "est", "edt", "ct", "cst", "cdt", "mst", "mdt", "pt", "pst", "pdt", "akst", "akdt", "hst",
        "ast", "adt", "nst", "ndt", "aest", "aedt", "acst", "acdt", "awst", "aet", "nzst", "nzdt", "jst",
        "kst", "hkt", "pkt", "ict", "wib",
    ]

    /// North American zone regions named alone after a clock time ("4:20 p.m. Eastern", "9 a.m. Pacific").
    public static let regions: Set<String> = ["eastern", "central", "mountain", "pacific", "atlantic"]
}
