// Generated from templates/month.html.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let monthHtml = #"""
{{> head}}
<body class="page-month">
{{> header}}
<main>
<section class="intro">
<p class="kicker"><a href="{{root}}index.html">{{site.title}}</a></p>
<h1><time datetime="{{month.datetime}}">{{month.label}}</time></h1>
<p class="stats">{{month.eventCount}} events ({{month.keyEventCount}} key).</p>
</section>
<nav class="month-pager" aria-label="Months">
{{#previous}}<a rel="prev" href="{{root}}{{href}}">← {{label}}</a>{{/previous}}
<a href="{{root}}index.html#months">All months</a>
{{#next}}<a rel="next" href="{{root}}{{href}}">{{label}} →</a>{{/next}}
</nav>
{{> months}}
</main>
{{> foot}}

"""#
}
