// Generated from templates/article-list.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let articleList = #"""
{{% CONTENT_TYPE: HTML }}
<ul class="article-list">
{{#articles}}
<li><a href="{{root}}{{href}}">{{title}}</a><span class="meta">{{#source}} · {{.}}{{/source}}{{#publishedDisplay}} · <time datetime="{{published}}">{{.}}</time>{{/publishedDisplay}} · {{eventCount}} events</span></li>
{{/articles}}
</ul>

"""#
}
