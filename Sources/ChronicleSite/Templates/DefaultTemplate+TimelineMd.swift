// Generated from templates/timeline.md.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let timelineMd = #"""
{{% CONTENT_TYPE: MARKDOWN }}
# {{site.title}}
{{#site.description}}

{{.}}
{{/site.description}}

{{counts.events}} events from {{counts.articles}} articles{{#span}}, {{.}}{{/span}}. Key events are in bold; *expected* marks what was still to come when reported.
{{#paged}}
Each month has its own page; the most important events of each are listed here.
{{/paged}}
{{#months}}

{{#paged}}
## [{{label}}]({{{href}}}) ({{eventCount}} events)

{{#highlights}}
- {{label}}: {{#key}}**{{text}}**{{/key}}{{^key}}{{text}}{{/key}}{{#expected}} *expected*{{/expected}}
{{/highlights}}
{{/paged}}
{{^paged}}
## {{label}}
{{#days}}

**{{label}}**

{{#events}}
- {{^dateInHeading}}{{label}}: {{/dateInHeading}}{{#key}}**{{text}}**{{/key}}{{^key}}{{text}}{{/key}}{{#expected}} *expected*{{/expected}} — {{#sources}}{{^isFirst}}, {{/isFirst}}[{{name}}]({{{href}}}){{/sources}}{{#moreSources}} and {{.}} more{{/moreSources}}
{{/events}}
{{/days}}
{{/paged}}
{{/months}}

## Articles

{{> article-list-md}}

"""#
}
