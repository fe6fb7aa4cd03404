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
}
