// Generated from templates/feed.xml.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let feedXml = #"""
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{{site.language}}">
<title>{{site.title}}</title>
{{#site.description}}
<subtitle>{{.}}</subtitle>
{{/site.description}}
<id>{{feedID}}</id>
<link rel="alternate" type="text/html" href="{{link}}"/>
<link rel="self" type="application/atom+xml" href="{{selfLink}}"/>
<updated>{{feedUpdated}}</updated>
<author><name>{{site.title}}</name></author>
<generator>{{generator}}</generator>
{{#entries}}
<entry>
<id>{{entryID}}</id>
<title>{{title}}</title>
<link rel="alternate" type="text/html" href="{{link}}"/>
<published>{{entryPublished}}</published>
<updated>{{entryUpdated}}</updated>
<summary>{{label}}{{#expected}} (expected){{/expected}}: {{text}} Sources: {{#sources}}{{^isFirst}}, {{/isFirst}}{{name}}{{/sources}}.</summary>
</entry>
{{/entries}}
</feed>

"""#
}
