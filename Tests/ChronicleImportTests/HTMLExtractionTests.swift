@testable import ChronicleImport
import Testing

/// Saved news pages: metadata in order of trust, and the article body without the page's furniture.
struct HTMLExtractionTests {
    func extract(_ fixture: String, pageURL: String? = nil) throws -> HTMLArticle {
        HTMLArticleExtractor.extract(html: try Fixtures.text(fixture), pageURL: pageURL)
    }

    func paragraphs(_ body: String) -> [String] { body.components(separatedBy: "\n\n") }

    func expectNone(of furniture: [String], in body: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for phrase in furniture {
            #expect(!body.contains(phrase), "furniture left in the body: \(phrase)", sourceLocation: sourceLocation)
        }
    }

    @Test func jsonLDNewsPage() throws {
        let page = try extract("news-jsonld.html")
        #expect(page.metadata == PageMetadata(title: "Leaders back peacekeeping plan at London summit",
                                              published: "2025-03-02T18:45:00+00:00", source: "The Daily Ledger",
                                              url: "https://ledger.example/world/leaders-back-plan", author: "Ana Ruiz, Tom Baker"))
        #expect(paragraphs(page.body) == [
            "Leaders gathered at Lancaster House on Sunday (Photo: J. Smith/Reuters)",
            "European leaders agreed on Sunday to draw up a plan to end the fighting in Ukraine, with Britain and France offering to lead a “coalition of the willing” to guarantee any ceasefire.",
            "The prime minister said the talks at Lancaster House had been *frank* and **productive**, and that the group would meet again within days. \"We are at a crossroads in history,\" he told reporters.",
            "Officials said the plan would be presented to Washington, after a tense meeting at the White House on Friday. Canada’s prime minister and the NATO secretary general also took part, according to a statement published by [the government](https://ledger.example/world/statement) and an aide.",
            "## What was agreed",
            "- More military aid for Ukraine, including air defence\n- Economic pressure on Russia to continue",
            "> Europe must do the heavy lifting, but this effort must have strong US backing.",
            "Ministers will meet in Paris on Tuesday to discuss the details, the statement said, adding that the costs would be shared & reviewed by March 2025 — a timetable some diplomats called ambitious.",
        ])
        expectNone(of: ["Skip to content", "World", "cookies", "Share on", "Copy link", "newsletter", "morning briefing",
                        "Related", "More on this story", "Zelensky arrives", "reader comment", "Comments", "All rights reserved",
                        "By Ana Ruiz", "2 March 2025", "not text", "javascript"], in: page.body)
    }

    @Test func openGraphOnlyPage() throws {
        let page = try extract("og-only.html")
        #expect(page.metadata == PageMetadata(title: "Ceasefire talks resume in Jeddah", published: "2025-03-11T09:30:00+03:00",
                                              source: "Gulf Courier", url: "https://courier.example/news/jeddah-talks",
                                              author: "Layla Hassan"))
        #expect(paragraphs(page.body).count == 4)
        #expect(page.body.hasPrefix("Delegations from the United States and Ukraine met in Jeddah on Tuesday"))
        #expect(page.body.hasSuffix("diplomats in the region said on Wednesday."))
        expectNone(of: ["Home", "Most read", "Oil prices", "Facebook", "Subscribe", "Advertise"], in: page.body)
    }

    @Test func timeAndTitleOnlyPage() throws {
        let page = try extract("time-title.html", pageURL: "https://post.example/uk/chiefs")
        #expect(page.metadata == PageMetadata(title: "Military chiefs meet in London to plan peacekeeping force",
                                              published: "2025-03-20T14:05:00Z", source: "Northern Post",
                                              url: "https://post.example/uk/chiefs"))
        // Paragraphs separated by <br><br>; the headline is not repeated; the dateline and tags are gone.
        #expect(paragraphs(page.body).count == 3)
        #expect(page.body.hasPrefix("Military chiefs from more than 30 countries met at a base near London on Thursday"))
        expectNone(of: ["Published", "updated", "Defence", "Home", "Northern Post 2025"], in: page.body)
    }

    @Test func graphJSONLDPage() throws {
        let page = try extract("graph-jsonld.html")
        #expect(page.metadata == PageMetadata(title: "Alaska summit ends without a deal", published: "2025-08-15T23:40:00-08:00",
                                              source: "Wire Example", url: "https://wire.example/2025/08/alaska-summit",
                                              author: "Sam Okafor"))
        #expect(paragraphs(page.body).count == 3)
        #expect(page.body.hasPrefix("The two presidents met for nearly three hours"))
        expectNone(of: ["daily briefing", "inbox", "World"], in: page.body)
    }

    @Test func pageURLIsOnlyAFallback() throws {
        let page = try extract("news-jsonld.html", pageURL: "https://ledger.example/amp/123")
        #expect(page.metadata.url == "https://ledger.example/world/leaders-back-plan")
    }

    @Test func onePageDivPerParagraph() throws {
        let page = try extract("div-per-paragraph.html")
        #expect(page.metadata == PageMetadata(title: "Talks in Riyadh end", published: "2025-02-18T16:00:00Z", source: "BBC-ish News"))
        #expect(paragraphs(page.body) == [
            "Rubio and Lavrov met in Riyadh. Image: Reuters",
            "**US and Russian officials have agreed to work towards ending the war in Ukraine, after talks in Saudi Arabia.**",
            "The meeting in Riyadh, which lasted four and a half hours, was the first such meeting since the full-scale invasion, officials said.",
            "Ukraine was not invited, and President Zelensky said Kyiv would not accept any outcome of talks it was not part of. Read more in our live page.",
            "European leaders met in Paris on Monday for emergency talks, worried they were being sidelined, diplomats said.",
        ])
        expectNone(of: ["Jo Bloggs", "Related", "What we know", "Read more:", "Advertisement", "Russia\n", "Share this", "disqus", "Copyright"],
                   in: page.body)
    }

    @Test func tableLayoutWithLineBreaks() throws {
        let page = try extract("table-layout.html")
        #expect(page.metadata == PageMetadata(title: "Old-style page", published: "Mon, 17 Feb 2025 10:00:00 +0100"))
        #expect(paragraphs(page.body) == [
            "Ministers met in Brussels on Monday, the statement said, and agreed to raise spending.",
            "The plan, which still needs approval, would be put to parliaments in March, officials said, and could take years.\nIt was welcomed by allies.",
            "*Reporting by A. Person; editing by B. Person*",
        ])
    }
}
