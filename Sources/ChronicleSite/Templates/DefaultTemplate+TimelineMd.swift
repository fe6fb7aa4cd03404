// Generated from templates/timeline.md.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let timelineMd = #"""
{{% CONTENT_TYPE: MARKDOWN }}
# {{site.title}}
{{#site.description}}

{{.}}
{{/site.description}}

{{counts.events}} events from {{counts.articles}} articles{{#span}}, {{.}}{{/span}}. Key events are in bold; *expected* marks what was still to come when reported.
{{#months}}

## {{label}}
{{#days}}

**{{label}}**

{{#events}}
- {{^dateInHeading}}{{label}}: {{/dateInHeading}}{{#key}}**{{text}}**{{/key}}{{^key}}{{text}}{{/key}}{{#expected}} *expected*{{/expected}} — {{#sources}}{{^isFirst}}, {{/isFirst}}[{{name}}]({{{href}}}){{/sources}}
{{/events}}
{{/days}}
{{/months}}

## Articles

{{#articles}}
- [{{title}}]({{{href}}}){{#source}} — {{.}}{{/source}}{{#publishedDisplay}}, {{.}}{{/publishedDisplay}}
{{/articles}}

"""#
}
