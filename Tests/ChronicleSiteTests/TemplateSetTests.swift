@testable import ChronicleSite
import ChronicleTestSupport
import Foundation
import Testing

/// Loading templates: built-in defaults, user overrides, partials and errors that name the file.
struct TemplateSetTests {
    let repoTemplates = DefaultTemplateSources.templates

    @Test func repositoryTemplatesEqualTheCompiledDefaults() throws {
        if DefaultTemplateSources.requested {
            try DefaultTemplateSources.regenerate()
            return
        }
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: repoTemplates.path).filter { $0.hasSuffix(".mustache") }.sorted()
        #expect(onDisk == TemplateSet.defaultFiles.map(\.name).sorted())
        for file in TemplateSet.defaultFiles {
            let data = try Data(contentsOf: repoTemplates.appendingPathComponent(file.name))
            #expect(Array(data) == Array(file.contents.utf8),
                    "templates/\(file.name) differs from the compiled default: run CHRONICLE_UPDATE_TEMPLATES=1 swift test --filter TemplateSetTests")
        }
    }

    @Test func missingFolderUsesDefaults() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let set = try TemplateSet.load(overridesIn: dir.url.appendingPathComponent("templates"))
        #expect(set.origins["index.html"]?.hasPrefix("built-in") == true)
    }

    @Test func userTemplateOverridesDefaultAndPartialsWork() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("index.html.mustache", "<h1>{{site.title}}</h1>{{#months}}{{> month}}{{/months}}\n")
        try dir.write("month.mustache", "[{{label}}: {{#days}}{{#events}}{{> event-line}}{{/events}}{{/days}}]")
        try dir.write("event-line.mustache", "({{date}}{{#expected}}!{{/expected}})")
        let set = try TemplateSet.load(overridesIn: dir.url)
        #expect(set.origins["index.html"] == dir.url.appendingPathComponent("index.html.mustache").path)
        let files = try SiteRenderer(templates: set).render(FixtureTimeline.timeline)
        let index = try #require(files.first { $0.path == "index.html" })
        #expect(index.text == "<h1>Test &lt;Chronicle&gt; &amp; Co</h1>[2022: (2022)][March 2025: (2025-03)(2025-W11)(2025-03-14TEV)(2025-03-15)(2025-03-16)(2025-03-20!)]\n")
        // The other pages still use the defaults.
        #expect(files.first { $0.path == "feed.xml" }?.text.hasPrefix("<?xml") == true)
    }

    /// A page that lists the actors itself gets them (the built-in one has a compiled partial instead).
    @Test func anActorListOfItsOwnGetsTheGroups() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("entities.html.mustache", "{{#groups}}{{label}}:{{#entities}} {{name}} ({{eventCount}}){{/entities}};{{/groups}}\n")
        let files = try SiteRenderer(templates: TemplateSet.load(overridesIn: dir.url)).render(FixtureTimeline.timeline)
        let page = try #require(files.first { $0.path == "entities/index.html" }).text
        let builtIn = try #require(try SiteRenderer(templates: TemplateSet.builtIn()).render(FixtureTimeline.timeline)
            .first { $0.path == "entities/index.html" }).text
        #expect(page.contains("Places: ") && page.contains("London ("))
        #expect(builtIn.contains("<section class=\"entity-group\" id=\"place\">") && builtIn.contains(">London</a>"))
    }

    @Test func brokenTemplateReportsFileAndLine() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("article.html.mustache", "<p>\n{{#events}}\n{{text}}\n{{/event}}\n")
        let error = try #require(throws: TemplateError.self) { try TemplateSet.load(overridesIn: dir.url) }
        #expect(error.file.hasSuffix("article.html.mustache"))
        #expect(error.line == 4)
        #expect(error.description.contains("article.html.mustache:4"))
    }

    /// A partial that includes itself crashed the build (the rendering overflowed the stack).
    @Test(arguments: [
        ["index.html.mustache": "<main>\n{{> a}}\n", "a.mustache": "{{> b}}", "b.mustache": "<p>{{> a}}</p>"],
        ["event.mustache": "<p>{{text}}</p>{{#events}}{{> event}}{{/events}}"],
    ])
    func aPartialThatIncludesItselfIsAnError(_ files: [String: String]) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for (name, text) in files { try dir.write(name, text) }
        let error = try #require(throws: TemplateError.self) { try TemplateSet.load(overridesIn: dir.url) }
        if files["a.mustache"] != nil {
            #expect(error.file.hasSuffix("/a.mustache") && error.line == 1 && error.column == 1)
            #expect(error.message.hasPrefix("partial 'a' includes itself (a → b → a)"), "\(error)")
        } else {
            #expect(error.file.hasSuffix("/event.mustache") && error.line == 1 && error.column == 27, "\(error)")
            #expect(error.message.hasPrefix("partial 'event' includes itself (event → event)"), "\(error)")
        }
    }

    @Test func aPartialIncludedTwiceWithoutACycleIsFine() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("index.html.mustache", "{{> head}}{{> a}}{{> a}}")
        try dir.write("a.mustache", "{{> head}}")
        _ = try TemplateSet.load(overridesIn: dir.url)
    }

    @Test func unknownPartialIsAnError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("index.html.mustache", "{{> head}}\n<p>{{> nosuch }}</p>\n")
        let error = try #require(throws: TemplateError.self) { try TemplateSet.load(overridesIn: dir.url) }
        #expect(error.file.hasSuffix("index.html.mustache"))
        #expect(error.line == 2)
        #expect(error.message.contains("nosuch"))
    }

    /// Loading the built-in templates as a site's own checks every partial they name against the
    /// built-in names alone (a site's files add none here): the check a build skips for them.
    @Test func builtInTemplatesNameOnlyBuiltInPartials() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for template in DefaultTemplates.all { try dir.write("\(template.name).mustache", template.contents) }
        let set = try TemplateSet.load(overridesIn: dir.url)
        #expect(set.origins.values.allSatisfy { !$0.hasPrefix("built-in") })
    }

    @Test func invalidUTF8IsAnError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Data([0x7B, 0x7B, 0xFF, 0x7D, 0x7D]).write(to: dir.url.appendingPathComponent("feed.xml.mustache"))
        let error = try #require(throws: TemplateError.self) { try TemplateSet.load(overridesIn: dir.url) }
        #expect(error.file.hasSuffix("feed.xml.mustache"))
    }
}

/// Which names a template (and the partials it includes) refers to: what decides whether a page
/// shows site-wide values or a list that has to be built.
@Suite struct TemplateNamesTests {
    @Test func namesFollowPartialsAndEveryKindOfTag() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try dir.write("templates/page.mustache", """
            {{! a comment {{ignored}} }}{{% CONTENT_TYPE: HTML }}{{#counts.events}}{{ plain }}{{/counts.events}}{{^ empty}}x{{/ empty}}
            {{{triple}}} {{& ampersand}} {{> part }} {{title}}
            """)
        _ = try dir.write("templates/part.mustache", "{{#inner.deep}}{{.}}{{/inner.deep}}")
        _ = try dir.write("templates/dynamic.mustache", "{{>*which}}")
        let set = try TemplateSet.load(overridesIn: dir.url.appendingPathComponent("templates"))
        let names = set.names(usedBy: "page")
        #expect(names.isSuperset(of: ["counts", "plain", "empty", "triple", "ampersand", "title", "inner", ""]))
        #expect(!names.contains("ignored") && !names.contains("part") && !names.contains("CONTENT_TYPE"))
        // A dynamic partial could be any template.
        #expect(set.names(usedBy: "dynamic").isSuperset(of: names))
        #expect(set.names(usedBy: "entity.html").isSuperset(of: ["entity", "related", "periodsHTML", "months", "site", "root"]))
        #expect(!set.anyUses("nothing-uses-this") && set.anyUses("triple"))
    }
}
