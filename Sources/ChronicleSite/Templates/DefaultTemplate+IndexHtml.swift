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
<div class="periods">
{{#months}}
<section class="period" id="{{id}}">
<h2 class="month-label"><a href="{{root}}{{href}}"><time datetime="{{datetime}}">{{label}}</time></a> <span class="count">{{eventCount}} events, {{keyCount}} key</span></h2>
<ul class="highlights">
{{#highlights}}
<li class="highlight{{#key}} key{{/key}}"><a href="{{root}}{{href}}"><time datetime="{{datetime}}">{{label}}</time></a>{{#expected}} <span class="badge badge-expected">expected</span>{{/expected}} {{text}}{{#multipleSources}} <span class="badge badge-sources">{{sourceCount}} sources</span>{{/multipleSources}}</li>
{{/highlights}}
</ul>
</section>
{{/months}}
</div>
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
