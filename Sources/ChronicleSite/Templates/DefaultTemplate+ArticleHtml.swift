// Generated from templates/article.html.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let articleHtml = #"""
{{% CONTENT_TYPE: HTML }}
{{> head}}
<body class="page-article">
{{> header}}
<main>
<article class="article">
<header class="article-header">
<h1>{{article.title}}</h1>
<p class="meta">{{#article.source}}<span class="outlet">{{.}}</span>{{/article.source}}{{#article.author}} · <span class="author">{{.}}</span>{{/article.author}}{{#article.publishedDisplay}} · <time datetime="{{article.published}}">{{.}}</time>{{/article.publishedDisplay}}</p>
{{#article.url}}
<p class="original"><a href="{{.}}" rel="noopener noreferrer">Original article</a></p>
{{/article.url}}
</header>
<div class="article-body">
{{{bodyHTML}}}
</div>
<p class="legend">Underlined: dates Chronicle recognised (hover for how each was resolved). Highlighted: sentences behind key events. Faded: outlet boilerplate, left off the timeline.</p>
</article>
<aside class="article-events">
<h2>On the timeline</h2>
{{> article-events}}
</aside>
</main>
{{> foot}}

"""#
}
