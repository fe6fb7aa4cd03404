// Generated from templates/article-list-md.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let articleListMd = #"""
{{% CONTENT_TYPE: MARKDOWN }}
{{#articles}}
- [{{title}}]({{{href}}}){{#source}} — {{.}}{{/source}}{{#publishedDisplay}}, {{.}}{{/publishedDisplay}}
{{/articles}}

"""#
}
