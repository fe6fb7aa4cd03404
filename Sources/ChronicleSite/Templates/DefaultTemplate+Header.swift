// Generated from templates/header.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let header = #"""
{{% CONTENT_TYPE: HTML }}
<header class="site-header">
<a class="site-title" href="{{root}}index.html">{{site.title}}</a>
<nav class="site-nav" aria-label="Site">
<a href="{{root}}index.html">Timeline</a>
<a href="{{root}}{{articlesHref}}">Articles</a>
<a href="{{root}}entities/index.html">People &amp; places</a>
<a href="{{root}}timeline.md">Markdown</a>
<a href="{{root}}events.json">JSON</a>
<a href="{{root}}feed.xml">Feed</a>
</nav>
</header>

"""#
}
