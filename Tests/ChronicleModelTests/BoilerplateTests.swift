@testable import ChronicleModel
import ChronicleMarkdown
import Testing

@Suite struct BoilerplateTests {
    func blocks(_ texts: [String]) -> [TextBlock] {
        texts.enumerated().map { TextBlock(ordinal: $0.offset, kind: .paragraph, text: $0.element, line: $0.offset + 1, quoted: false) }
    }

    @Test(arguments: [
        "( AP)", "(AP)", "(UKRAINE’S 93RD MECHANIZED BRIGADE PRESS SERVICE HANDOUT/EPA-EFE/REX/Shutterstock)",
        "Read more", "Leave a Reply", "Photo: Getty Images",
        "Your support helps us to tell the story Read more Support Now From reproductive rights to climate change",
        "Your donation allows us to keep sending journalists. Subscribe to our newsletter.",
    ])
    func boilerplate(text: String) {
        let detector = BoilerplateDetector(articles: [])
        #expect(detector.classify(text, outlet: "x") != nil)
    }

    @Test(arguments: [
        "Leaders met on Saturday (local time) to discuss the plan.",
        "(Mr Putin has said the idea is correct, but signalled he wanted conditions met before agreeing.)",
        "The Prime Minister will host a video call on Saturday with as many as 25 countries.",
        "“Your support matters,” the president told the soldiers on Friday.",
    ])
    func reporting(text: String) {
        let detector = BoilerplateDetector(articles: [])
        #expect(detector.classify(text, outlet: "x") == nil)
    }

    @Test func repetitionAcrossAnOutletsArticles() {
        let appeal = "At such a critical moment, we need reporters on the ground. Your support makes all the difference."
        let quote = "Putin is not serious about peace, Starmer said on Saturday."
        let detector = BoilerplateDetector(articles: [
            ("the paper", blocks([appeal, quote, "Article one reports."])),
            ("the paper", blocks([appeal, quote, "Article two reports."])),
            ("other", blocks(["Other outlet reporting here."])),
        ])
        #expect(detector.classify(appeal, outlet: "the paper") != nil)
        // A quote two articles share is news, not boilerplate: it has no appeal cue and only two copies.
        #expect(detector.classify(quote, outlet: "the paper") == nil)
        #expect(detector.classify("Article one reports.", outlet: "the paper") == nil)
    }

    /// An outlet's articles: each its own reporting, then the paragraphs given.
    func outlet(_ name: String, articles: Int, ending tail: (Int) -> [String]) -> [BoilerplateEvidence] {
        (0..<articles).map { i in
            BoilerplateEvidence(outlet: name, blocks: blocks(["Report \(i) of \(name): the council met on day \(i)."] + tail(i)))
        }
    }

    @Test func aParagraphAnOutletPrintsUnderMostArticlesIsFurniture() {
        let standards = "*Our Standards: The Wire Trust Principles, adopted in 1941, guide everything we publish.*"
        let background = "Background: the bridge was built in 2018, and the dispute has dragged on since."
        let wire = outlet("the wire", articles: 12) { i in
            (i < 3 ? [background] : []) + (i < 10 ? [standards] : [])
        }
        let detector = BoilerplateDetector(evidence: wire + outlet("the paper", articles: 12) { $0 == 0 ? [standards] : [] })
        let verdicts = wire.map(detector.verdicts)
        // Ten of twelve articles print it word for word: furniture, no appeal cue needed.
        #expect(verdicts[0] == [false, false, true] && verdicts[9] == [false, true] && verdicts[11] == [false])
        #expect(detector.classify(standards, outlet: "the wire")?.contains("10 of the outlet's 12") == true)
        // A running story's background paragraph, verbatim in three articles, is reporting.
        #expect(detector.classify(background, outlet: "the wire") == nil)
        // The same words once under another outlet's article are that outlet's reporting.
        #expect(detector.classify(standards, outlet: "the paper") == nil)
    }

    @Test func repetitionIsFurnitureOnlyInMostOfEnoughArticles() {
        let footer = "Thanks for reading: the newsroom has covered the valley since 1952."
        // A small site: every article ends the same way, but seven articles are too few to tell.
        let small = BoilerplateDetector(evidence: outlet("small", articles: 7) { _ in [footer] })
        #expect(small.classify(footer, outlet: "small") == nil)
        // Eight of twenty articles is not most of them; as the outlet shrinks the verdict changes with it.
        let some = outlet("big", articles: 20) { $0 < 8 ? [footer] : [] }
        #expect(BoilerplateDetector(evidence: some).verdicts(some[0]) == [false, false])
        let fewer = Array(some.prefix(16))
        #expect(BoilerplateDetector(evidence: fewer).verdicts(fewer[0]) == [false, true])
    }
}
