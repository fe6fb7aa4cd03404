import Foundation

/// Bytes of a page or text file as a string: UTF-8 when valid, else the charset the page or
/// the server names, else Windows-1252 (what browsers assume for old pages).
enum PageDecoder {
    static func decode(_ bytes: [UInt8], contentType: String? = nil) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        let declared = charset(in: contentType?.lowercased() ?? "") ?? charset(in: head)
        let encoding: String.Encoding = switch declared {
        case "iso-8859-1", "latin1", "iso8859-1": .isoLatin1
        case "utf-16", "utf-16le": .utf16LittleEndian
        case "utf-16be": .utf16BigEndian
        default: .windowsCP1252
        }
        return String(data: Data(bytes), encoding: encoding) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// The value after `charset=` in a Content-Type header or a `<meta>` tag.
    static func charset(in text: String) -> String? {
        guard let range = text.range(of: "charset=") else { return nil }
        let value = text[range.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " })
        let name = value.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        return name.isEmpty ? nil : String(name)
    }
}
