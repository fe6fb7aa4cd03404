import ChronicleModel
import ChronicleSite
import Foundation
import Testing

/// Article text never becomes markup, and nothing a content file says escapes the output folder.
struct EscapingTests {
    func render(_ timeline: Timeline = FixtureTimeline.timeline) throws -> [String: String] {
        let files = try SiteRenderer(templates: TemplateSet.builtIn()).render(timeline)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.text) })
    }

    @Test func noScriptReachesAnyHTMLPage() throws {
        for (path, text) in try render() where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            #expect(!text.contains("<script"), "\(path) contains a raw <script>")
            #expect(!text.contains("javascript:"), "\(path) contains a javascript: URL")
            #expect(!text.contains("onclick"), "\(path) contains raw HTML from the body")
        }
    }

    @Test func timelineMarkdownEscapesMarkup() throws {
        let md = try #require(try render()["timeline.md"])
        #expect(md.contains(#"\<script\>alert(1)\</script\>"#))
        // Every "<" is backslash-escaped, so GitHub shows it as text.
        #expect(!md.replacingOccurrences(of: "\\<", with: "").contains("<"))
    }

    @Test func eventsJSONKeepsTextUnescapedButQuoted() throws {
        let json = try #require(try render()["events.json"])
        #expect(json.contains(#""title":"Leaders meet in London <script>alert(1)</script> & \"friends\"""#))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((parsed?["events"] as? [Any])?.count == 7)
    }

    // The longer ones put the byte past the first eight, where slugs are checked a word at a time.
    @Test(arguments: ["../evil", "a/b", "..", ".hidden", "", "x\u{0}y", "a-longer-slug/evil", "a-longer-slug\\evil",
                      "a-longer-\u{7F}-slug-x", "a-slug-é\u{1F}-is-long", "a-longer\tslug"])
    func unsafeSlugsAreRejected(_ slug: String) throws {
        var timeline = FixtureTimeline.timeline
        timeline.articles[0].slug = slug
        #expect(throws: SiteRenderer.RenderError.unsafeSlug(slug: slug, file: "bbc-leaders-meet.md")) {
            try SiteRenderer(templates: TemplateSet.builtIn()).render(timeline)
        }
    }

    @Test func aSlugTwiceIsRejectedNamingBothFiles() throws {
        var timeline = FixtureTimeline.timeline
        timeline.articles[1].slug = timeline.articles[0].slug
        #expect(throws: SiteRenderer.RenderError.duplicateSlug(slug: timeline.articles[0].slug,
                                                               files: [timeline.articles[0].sourcePath, timeline.articles[1].sourcePath])) {
            try SiteRenderer(templates: TemplateSet.builtIn()).render(timeline)
        }
    }

    @Test func slugsAreEncodedInLinks() throws {
        var timeline = FixtureTimeline.timeline
        timeline.articles[1].slug = "ap ceasefire?é"
        for i in timeline.events.indices {
            timeline.events[i].sources = timeline.events[i].sources.map { $0 == "ap-ceasefire" ? "ap ceasefire?é" : $0 }
        }
        let files = try render(timeline)
        #expect(files["articles/ap ceasefire?é.html"] != nil)
        #expect(files["index.html"]?.contains("href=\"articles/ap%20ceasefire%3F%C3%A9.html\"") == true)
    }
}
