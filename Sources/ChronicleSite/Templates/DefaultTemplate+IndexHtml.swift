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
{{#hasMinor}}
<p class="toggle-note">Key events are those dated in the text or reported by several sources; the {{counts.otherEvents}} others are hidden unless you show all.</p>
<input type="checkbox" id="show-all" class="toggle">
<label for="show-all" class="toggle-label"><span class="when-off">Show all {{counts.events}} events</span><span class="when-on">Show the {{counts.keyEvents}} key events only</span></label>
{{/hasMinor}}
<div class="timeline">
{{#months}}
<section class="month{{#minor}} minor{{/minor}}" id="{{id}}">
<h2 class="month-label"><time datetime="{{datetime}}">{{label}}</time></h2>
{{> days}}
</section>
{{/months}}
{{^months}}
<p class="empty">No dated events yet: add articles to <code>content/</code>.</p>
{{/months}}
</div>
<section class="articles" id="articles">
<h2>Articles</h2>
{{> article-list}}
</section>
{{/paged}}
</main>
{{> foot}}

"""#
}
