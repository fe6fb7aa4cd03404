// Generated from templates/articles.html.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let articlesHtml = #"""
{{% CONTENT_TYPE: HTML }}
{{> head}}
<body class="page-articles">
{{> header}}
<main>
<section class="intro">
<h1>Articles</h1>
<p class="stats">{{counts.articles}} articles{{#updatedDisplay}}, the newest published {{.}}{{/updatedDisplay}}.</p>
</section>
<section class="articles" id="articles">
{{> article-list}}
</section>
</main>
{{> foot}}

"""#
}
