// Generated from templates/index.html.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let indexHtml = #"""
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
{{#hasManyMonths}}
<nav class="month-nav" aria-label="Months">
{{#months}}
<a href="#{{id}}">{{label}} <span class="count">{{eventCount}}</span></a>
{{/months}}
</nav>
{{/hasManyMonths}}
{{#hasTopEntities}}
<nav class="actor-nav" aria-label="Actors">
<span class="nav-label">Follow:</span>
{{#topEntities}}
<a class="actor actor-{{kind}}" href="{{root}}{{href}}">{{name}} <span class="count">{{eventCount}}</span></a>
{{/topEntities}}
<a class="all-actors" href="{{root}}entities/index.html">all people, organisations and places</a>
</nav>
{{/hasTopEntities}}
{{#isSplit}}
<nav class="month-archive" id="months" aria-label="Months">
<h2>Every month</h2>
<ul>
{{#monthPages}}
<li><a href="{{root}}{{href}}"><time datetime="{{datetime}}">{{label}}</time></a> <span class="count">{{eventCount}} events, {{keyEventCount}} key</span></li>
{{/monthPages}}
</ul>
</nav>
<h2 class="highlights-label">Highlights</h2>
{{/isSplit}}
{{> months}}
<section class="articles" id="articles">
<h2>Articles</h2>
<ul class="article-list">
{{#articles}}
<li><a href="{{root}}{{href}}">{{title}}</a><span class="meta">{{#source}} · {{.}}{{/source}}{{#publishedDisplay}} · <time datetime="{{published}}">{{.}}</time>{{/publishedDisplay}} · {{eventCount}} events</span></li>
{{/articles}}
</ul>
</section>
</main>
{{> foot}}

"""#
}
