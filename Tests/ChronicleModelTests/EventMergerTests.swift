@testable import ChronicleModel
import ChronicleTime
import Testing

@Suite struct EventMergerTests {
    func candidate(_ article: String, _ sentence: String, _ value: String, index: Int = 0,
                   source: DateSource = .expression) -> EventMerger.Candidate {
        let mention = Mention(article: article, blockOrdinal: 0, sentenceIndex: index, sentence: sentence,
                              expression: source == .expression ? "x" : nil, expressionRange: nil,
                              value: TimexValue(timex3: value)!, resolution: "")
        return .init(mention: mention, status: .happened, dateSource: source, position: index)
    }

    /// The count of characters taken from scalars where each is a cluster of its own is `String.count`,
    /// and texts with scalars that join their neighbours are counted as `String.count` counts them.
    @Test(arguments: [
        "", "plain ASCII words", "twelve bytes", "the \u{2018}quoted\u{2019} \u{201C}words\u{201D} \u{2014} and more\u{2026}",
        "caf\u{E9} na\u{EF}ve \u{C5}ngstr\u{F6}m \u{A0}\u{AD}", "cafe\u{301} with a combining accent", "line\r\nbreak and\rreturn",
        "joined \u{1F468}\u{200D}\u{1F469} family", "flags \u{1F1EB}\u{1F1F7}", "\u{203C}\u{FE0F} emphasis", "\u{2027}\u{2030}\u{205E}",
        "\u{2028}separator", "Hangul \u{1100}\u{1161}\u{11A8}", "Greek \u{3B1}\u{3B2} and \u{5D0} Hebrew",
    ])
    func characterCountIsStringCount(_ text: String) {
        #expect(EventMerger.characterCount(text) == text.count)
        let long = String(repeating: text + " ", count: 3)
        #expect(EventMerger.characterCount(long) == long.count)
    }

    @Test func compatibleValues() {
        func v(_ s: String) -> TimexValue { TimexValue(timex3: s)! }
        #expect(EventMerger.compatible(v("2025-03-15"), v("2025-W11")))
        #expect(EventMerger.compatible(v("2025-03"), v("2025-03-15")))
        #expect(!EventMerger.compatible(v("2025-03-15"), v("2025-03-14")))
        #expect(!EventMerger.compatible(v("2025-W12"), v("2025-03-15")))
    }

    @Test func sameHappeningAcrossOutletsMerges() {
        let events = EventMerger().merge([
            candidate("a", "The Prime Minister will host a video call on Saturday with as many as 25 countries.", "2025-03-15"),
            candidate("b", "Some 25 countries will join a call led by the Prime Minister on Saturday.", "2025-03-15"),
            candidate("c", "Sir Keir convened a virtual summit with 25 countries on Saturday.", "2025-03-15"),
            candidate("d", "Oil prices fell sharply on Saturday in Asian trading.", "2025-03-15"),
        ])
        #expect(events.count == 2)
        let summit = events.first { $0.sources.count == 3 }
        #expect(summit?.sources == ["a", "b", "c"])
        #expect(summit?.isKey == true)
    }

    @Test func sourcesGivingCloseDaysForOneHappeningDisagree() {
        let events = EventMerger().merge([
            candidate("a", "Leaders of 25 countries held a video call on Saturday.", "2025-03-15"),
            candidate("b", "Leaders of 25 countries held a video call on Friday.", "2025-03-14"),
            candidate("c", "Leaders of 25 countries held a video call on Saturday.", "2025-03-15"),
        ])
        #expect(events.count == 1)
        #expect(events.first?.value.description == "2025-03-15")  // the better-supported day
        #expect(events.first?.disagreement.map(\.value.description) == ["2025-03-14", "2025-03-15"])
        #expect(events.first?.disagreement.map(\.articles) == [["b"], ["a", "c"]])
    }

    @Test func differentDaysInOneArticleOrFarApartNeverMerge() {
        let sameArticle = EventMerger().merge([
            candidate("a", "Leaders of 25 countries held a video call on Saturday.", "2025-03-15"),
            candidate("a", "Leaders of 25 countries held a video call on Friday.", "2025-03-14", index: 1),
        ])
        #expect(sameArticle.count == 2)
        let farApart = EventMerger().merge([
            candidate("a", "Leaders of 25 countries held a video call on Saturday.", "2025-03-15"),
            candidate("b", "Leaders of 25 countries held a video call on 8 March.", "2025-03-08"),
        ])
        #expect(farApart.count == 2)
        #expect(farApart.allSatisfy { $0.disagreement.isEmpty })
    }

    @Test func numbersAreComparedWhole() {
        // "10.4%" is one number: it shares nothing with "a 10-year" or "4 banks".
        let apart = EventMerger().merge([
            candidate("a", "Inflation in Norrholm fell to 10.4% on Friday.", "2023-06-30"),
            candidate("b", "It comes amid the 10-year borrowing cost that has reshaped politics in Norrholm.", "2023-06-30",
                      source: .publication),
        ])
        #expect(apart.count == 2)
        // Different figures for the same measure share no number ("3.9%" is not "3.6%").
        func numbers(_ text: String) -> ArraySlice<UInt64> { EventSignature(text).numbers[...] }
        #expect(EventSignature.numbersDiffer(numbers("Inflation fell to 3.9%."), numbers("Inflation fell to 3.6%.")))
        #expect(!EventSignature.numbersDiffer(numbers("Inflation fell to 3.9%."), numbers("Inflation eased to 3.9% in June.")))
        #expect(EventSignature("Exports rose by 14,000 tonnes.").numbers.count == 1)
    }

    @Test func theMostPreciseExplicitDateWins() {
        let events = EventMerger().merge([
            candidate("a", "Leaders of 25 countries held a video call last week.", "2025-W11"),
            candidate("b", "Leaders of 25 countries held a video call on Saturday.", "2025-03-15"),
        ])
        #expect(events.count == 1)
        #expect(events.first?.value.description == "2025-03-15")
    }

    @Test func identifiersAreStable() {
        let input = [candidate("a", "Leaders met on Saturday in London.", "2025-03-15")]
        #expect(EventMerger().merge(input).first?.id == EventMerger().merge(input).first?.id)
        #expect(EventMerger().merge(input).first?.id.count == 17)
    }

    @Test func aWeekBelongsToTheMonthOfItsThursdayAndLongSpansToTheirYear() {
        func v(_ s: String) -> TimexValue { TimexValue(timex3: s)! }
        // 2025-W14 is Mon 31 March … Sun 6 April: most of it is April.
        #expect(Period(of: v("2025-W14")) == Period(year: 2025, month: 4))
        #expect(Period(of: v("2025-03-31")) == Period(of: v("2025-03")))
        #expect(Period(of: v("2025-02")) == Period(year: 2025, month: 2))
        #expect(Period(of: v("2025-Q1")) == Period(year: 2025, month: nil))
        #expect(Period(of: v("2025")) == Period(year: 2025, month: nil))
        #expect(Period(year: 2025, month: 1) < Period(year: 2025, month: nil))
        #expect(Period(year: 2025, month: nil) < Period(year: 2025, month: 2))
    }

    /// "at the company's 2010 Worldwide Developers Conference" in an article of June 2010 is merged
    /// in June, where it meets the day another outlet gives; a year that does not hold the article's
    /// day stays in its year.
    @Test func aYearHoldingThePublicationDayIsMergedInThatMonth() throws {
        let published = try PublicationTime.parse("2010-06-19", zone: nil)
        let year = TimexValue(timex3: "2010")!
        #expect(TimelineBuilder.publicationMonth(of: year, published: published) == Period(year: 2010, month: 6))
        #expect(TimelineBuilder.publicationMonth(of: TimexValue(timex3: "2009")!, published: published) == nil)
        #expect(TimelineBuilder.publicationMonth(of: TimexValue(timex3: "2010-06-07")!, published: published) == nil)
        var coarse = candidate("b", "Steve Jobs introduced the iPhone 4 at the 2010 Worldwide Developers Conference.", "2010")
        coarse.filedIn = Period(year: 2010, month: 6)
        let events = EventMerger().merge([
            candidate("a", "At the Worldwide Developers Conference yesterday, Steve Jobs introduced the iPhone 4.", "2010-06-07"),
            coarse,
        ])
        #expect(events.count == 1)
        #expect(events.first?.value.description == "2010-06-07")
        #expect(events.first?.filedPeriod == Period(year: 2010, month: 6))
        // Without the filing the year is merged on its own.
        coarse.filedIn = nil
        #expect(EventMerger().merge([candidate("a", "At the Worldwide Developers Conference yesterday, Steve Jobs introduced the iPhone 4.", "2010-06-07"),
                                     coarse]).count == 2)
    }

    @Test func monthsAreMergedIndependently() {
        let march = [
            candidate("a", "Leaders of 25 countries held a video call on Saturday.", "2025-03-15"),
            candidate("b", "Some 25 countries joined the leaders' video call on Saturday.", "2025-03-15"),
            candidate("c", "Oil prices fell sharply in Asian trading.", "2025-03-15"),
        ]
        let april = [
            candidate("d", "Leaders of 25 countries held another video call.", "2025-04-02"),
            candidate("e", "The 25 countries held a second video call.", "2025-04-02"),
        ]
        func summary(_ events: [Event]) -> [[String]] {
            events.filter { $0.value.description.hasPrefix("2025-03") }.map { $0.mentions.map(\.article) }.sorted { $0[0] < $1[0] }
        }
        // What happens in April changes nothing in March: a rebuild can regroup one month alone.
        #expect(summary(EventMerger().merge(march)) == summary(EventMerger().merge(april + march)))
        #expect(summary(EventMerger().merge(march)) == [["a", "b"], ["c"]])
    }

    /// A mention of the Ruritanian budget story: `names` are its sentence's, the story's are what
    /// its article keeps naming; `published` is its article's day.
    func story(_ article: String, _ sentence: String, _ value: String, published: String, status: EventStatus,
               names: [String], storyNames: [String] = ["Ruritania", "Anna Berg"]) -> EventMerger.Candidate {
        var c = candidate(article, sentence, value)
        c.mention = Mention(article: article, blockOrdinal: 0, sentenceIndex: 0, sentence: sentence, expression: "x", expressionRange: nil,
                            value: TimexValue(timex3: value)!, resolution: "", entities: names)
        c.status = status
        c.published = CivilDate(iso: published)!
        c.storyNames = storyNames
        return c
    }

    var announcement: EventMerger.Candidate {
        story("a", "Lawmakers in Ruritania are due to vote on the budget on Tuesday.", "2025-03-18", published: "2025-03-14",
              status: .expected, names: ["Ruritania"])
    }

    var reports: [EventMerger.Candidate] {
        [story("b", "Ruritania's parliament approved the spending plan on Tuesday.", "2025-03-18", published: "2025-03-19",
               status: .happened, names: ["Ruritania"]),
         story("c", "Ruritania's parliament approved the spending plan on 18 March.", "2025-03-18", published: "2025-03-20",
               status: .happened, names: ["Ruritania"])]
    }

    /// Scheduled, then reported: told in other words, the announcement of a day is the happening
    /// that reports of that day describe when they share its story's actors and no other report of
    /// the day fits as well.
    @Test func anAnnouncementJoinsTheOneReportOfItsDay() throws {
        let events = EventMerger().merge([announcement] + reports)
        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event.sources == ["a", "b", "c"])
        #expect(event.value.description == "2025-03-18")
        #expect(event.status == .happened)
        // However often it was announced, once reported it happened.
        let announced = ["x", "y", "z"].map { article -> EventMerger.Candidate in
            var c = announcement
            c.mention.article = article
            return c
        }
        #expect(EventMerger().merge(announced + [reports[0]]).map(\.status) == [.happened])
    }

    /// Two different happenings of the story reported that day fit the announcement equally well:
    /// it stays on its own.
    @Test func anAnnouncementWithTwoEquallyGoodReportsStaysApart() {
        let bank = story("d", "Ruritania's central bank cut its main interest rate by half a point on Tuesday.", "2025-03-18",
                         published: "2025-03-19", status: .happened, names: ["Ruritania"])
        let events = EventMerger().merge([announcement] + reports + [bank])
        #expect(events.count == 3)
        #expect(events.contains { $0.sources == ["a"] })
        // Without the guard it would join one of them.
        var eager = EventMerger()
        eager.clearChoice = 2
        #expect(eager.merge([announcement] + reports + [bank]).count == 2)
    }

    /// An announcement that shares no actor with the day's reports (another story), and a
    /// forward-looking sentence written after the day (not an announcement), join nothing.
    @Test func noSharedActorOrWrittenAfterTheDayStaysApart() {
        let elsewhere = story("e", "Voters in Freedonia go to the polls on Tuesday.", "2025-03-18", published: "2025-03-14",
                              status: .expected, names: ["Freedonia"], storyNames: ["Freedonia"])
        #expect(EventMerger().merge([elsewhere] + reports).count == 2)
        var late = announcement
        late.published = CivilDate(iso: "2025-03-19")!
        #expect(!late.isAnnouncement)
        #expect(EventMerger().merge([late] + reports).count == 2)
    }

    /// "Earlier this month" merges with the one day inside the month it fits; when the same words
    /// fit two days equally well it is told of neither and stays on its own.
    @Test func aMonthMentionJoinsItsDayUnlessTwoDaysFitEqually() {
        func report(_ article: String, _ day: String) -> EventMerger.Candidate {
            candidate(article, "Ruritania's parliament approved the spending plan on \(day) March.", "2025-03-\(day)")
        }
        let month = candidate("m", "Ruritania's parliament approved the spending plan earlier this month.", "2025-03")
        let one = EventMerger().merge([month, report("b", "18"), report("c", "18")])
        #expect(one.count == 1)
        #expect(one.first?.value.description == "2025-03-18")
        let two = EventMerger().merge([month, report("b", "18"), report("c", "18"), report("d", "04"), report("e", "04")])
        #expect(two.count == 3)
        #expect(two.contains { $0.sources == ["m"] })
        var eager = EventMerger()
        eager.equallyGood = 2
        #expect(eager.merge([month, report("b", "18"), report("c", "18"), report("d", "04"), report("e", "04")]).count == 2)
    }
}
