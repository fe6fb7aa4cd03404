// Generated from templates/index.html.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let indexHtml = #"""
{{% CONTENT_TYPE: HTML }}
{{> head}}
<body class="page-index">
{{> header}}
<main>
<section class="intro">
<h1>{{site.title}}</h1>
{{#site.description}}
<p class="lede">{{.}}</p>
{{/site.description}}
<p class="stats">{{counts.events}} events ({{counts.keyEvents}} key) from {{counts.articles}} articles{{#span}}, {{.}}{{/span}}.</p>
</section>
{{#hasTopEntities}}
<nav class="actor-nav" aria-label="Actors">
<span class="nav-label">Follow:</span>
{{#topEntities}}
<a class="actor actor-{{kind}}" href="{{root}}{{href}}">{{name}} <span class="count">{{eventCount}}</span></a>
{{/topEntities}}
<a class="all-actors" href="{{root}}entities/index.html">all people, organisations and places</a>
</nav>
{{/hasTopEntities}}
{{#paged}}
{{> periods}}
{{/paged}}
{{^paged}}
{{#hasManyMonths}}
<nav class="month-nav" aria-label="Months">
{{#months}}
<a href="#{{id}}">{{label}} <span class="count">{{eventCount}}</span></a>
{{/months}}
</nav>
{{/hasManyMonths}}
{{> months}}
<section class="articles" id="articles">
<h2>Articles</h2>
{{> article-list}}
</section>
{{/paged}}
</main>
{{> foot}}

"""#
}
