import ChronicleTagger
import ChronicleTime
import Testing

@Suite struct ArticleTaggerTests {
    static let published = try! PublicationTime.parse("2025-03-15", zone: nil)

    @Test func narrativeTimeCarriesAcrossSentences() {
        var article = ArticleTagger(documentTime: Self.published)
        _ = article.tag("The talks began on 3 March 2025.")
        #expect(article.narrativeReference?.description == "2025-03-03")
        let later = article.tag("Two days later they collapsed.")
        #expect(later.first?.value.description == "2025-03-05")
        #expect(later.first?.anchor == .narrative)
        #expect(later.first?.explanation.contains("Mon 3 Mar 2025") == true)
    }

    @Test func thenPointsBackToTheLastSentencesDateOnly() {
        var article = ArticleTagger(documentTime: Self.published)
        _ = article.tag("Conversion rights will terminate on Nov. 30.")
        let until = article.tag("Until then, the stock remains convertible.")
        #expect(until.map(\.text) == ["then"])
        #expect(until.first?.value.description == "2025-11-30")
        _ = article.tag("The shares were sold on 3 March 2025.")
        _ = article.tag("The buyer was a fund.")
        #expect(article.tag("By then, prices had fallen.").isEmpty)
    }

    @Test func resetStartsANewAccount() {
        var article = ArticleTagger(documentTime: Self.published)
        _ = article.tag("The talks began on 3 March 2025.")
        article.resetNarrative()
        #expect(article.narrativeReference == nil)
        #expect(article.tag("The following day they resumed.").first?.value.description == "2025-03-16")
    }

    @Test func offsetsAreUTF8OffsetsIntoTheSentence() {
        let text = "Saturday’s call — “on Friday” — was long."
        let found = Tagger().tag(text, context: AnchorContext(documentTime: Self.published))
        for t in found {
            let utf8 = Array(text.utf8)
            #expect(String(decoding: utf8[t.utf8Range], as: UTF8.self) == t.text)
        }
        #expect(found.map(\.text) == ["Saturday", "Friday"])
    }

    @Test func withoutAPublicationDateRelativeExpressionsStayUnresolved() {
        let found = Tagger().tag("He left on Friday, on 15 March 2025.", context: AnchorContext(documentTime: nil))
        #expect(found.map(\.anchor) == [.unresolved, .absolute])
        #expect(found.first?.value.description == "XXXX-WXX-5")
    }

    @Test func tenseOfASentence() {
        #expect(Tagger().tense(of: "The ministers will meet in London.") == .future)
        #expect(Tagger().tense(of: "The ministers met in London.") == .past)
    }
}

@Suite struct ReferencePointTests {
    @Test func boundsAreMarked() {
        let context = AnchorContext(documentTime: try! PublicationTime.parse("2025-03-15", zone: nil))
        let found = Tagger().tag("Prices hit the highest level since March 2008 and must be paid by 30 September, "
                                 + "the minister said on Friday.", context: context)
        #expect(found.map(\.preposition) == ["since", "by", "on"])
        #expect(found.map(\.isReferencePoint) == [true, true, false])
    }
}
