import Foundation

/// The few lines of JavaScript the preview adds to every HTML page it serves (never to the files
/// in the output folder): they long-poll the server, reload the page after a good build, and show
/// the errors of a failed one over the page, which stays as the last good build left it.
public enum ReloadScript {
    /// The long-poll endpoint: `GET /_chronicle/reload?after=GENERATION` answers with a `BuildStatus` as JSON.
    public static let endpoint = "/_chronicle/reload"

    /// `html` with the script before its last `</body>`, or at the end when it has none.
    public static func inject(into html: Data, status: BuildStatus) -> Data {
        let tag = Data(script(status: status).utf8)
        if let range = lastBodyClose(in: html) {
            var out = html
            out.insert(contentsOf: tag, at: range)
            return out
        }
        return html + tag
    }

    /// The offset of the last `</body` (any case) in `html`.
    static func lastBodyClose(in html: Data) -> Int? {
        let needle = Array("</body".utf8)
        let bytes = [UInt8](html)
        guard bytes.count >= needle.count else { return nil }
        var i = bytes.count - needle.count
        while i >= 0 {
            if bytes[i] == 0x3C, zip(bytes[i..<(i + needle.count)], needle).allSatisfy({ lower($0) == $1 }) {
                return html.startIndex + i
            }
            i -= 1
        }
        return nil
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    /// The status as a JSON literal that is safe inside `<script>` (no `</` can end the element).
    static func json(_ status: BuildStatus) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: (try? encoder.encode(status)) ?? Data("{}".utf8), as: UTF8.self)
        return text.replacingOccurrences(of: "</", with: "<\\/")
    }

    static func script(status: BuildStatus) -> String {
        """
        <script id="chronicle-live-reload">
        (function () {
          var state = \(json(status));
          function overlay(errors) {
            var box = document.getElementById("chronicle-build-errors");
            if (!box) {
              box = document.createElement("div");
              box.id = "chronicle-build-errors";
              box.setAttribute("role", "alert");
              box.title = "Click to hide";
              box.onclick = function () { box.remove(); };
              box.style.cssText = "position:fixed;left:0;right:0;top:0;max-height:60vh;overflow:auto;z-index:2147483647;" +
                "margin:0;padding:1em 1.5em;background:#3b0a0a;color:#fff;border-bottom:4px solid #e5484d;" +
                "font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;box-shadow:0 4px 16px rgba(0,0,0,.4)";
              document.body.appendChild(box);
            }
            box.textContent = "Build failed: the page below is the last good build.\\n\\n" + errors.join("\\n");
          }
          function poll() {
            fetch("\(endpoint)?after=" + state.generation, { cache: "no-store" })
              .then(function (r) { return r.json(); })
              .then(function (next) {
                if (next.generation !== state.generation) {
                  if (next.errors.length === 0) { location.reload(); return; }
                  state = next;
                  overlay(next.errors);
                }
                poll();
              })
              .catch(function () { setTimeout(poll, 1000); });
          }
          if (state.errors.length > 0) { overlay(state.errors); }
          poll();
        })();
        </script>

        """
    }
}
