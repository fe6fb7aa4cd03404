// Generated from templates/month.html.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let monthHtml = #"""
{{% CONTENT_TYPE: HTML }}
{{> head}}
<body class="page-month">
{{> header}}
<main>
{{#month}}
<section class="intro">
<h1><time datetime="{{datetime}}">{{label}}</time></h1>
<p class="stats">{{eventCount}} events ({{keyCount}} key).</p>
</section>
{{/month}}
<nav class="month-pager" aria-label="Months">
{{#previous}}
<a rel="prev" href="{{root}}{{href}}">← {{label}}</a>
{{/previous}}
<a href="{{root}}index.html">All months</a>
{{#next}}
<a rel="next" href="{{root}}{{href}}">{{label}} →</a>
{{/next}}
</nav>
{{#hasMinor}}
{{#month}}
<p class="toggle-note">Key events are those dated in the text or reported by several sources; the {{otherCount}} others are hidden unless you show all.</p>
<input type="checkbox" id="show-all" class="toggle">
<label for="show-all" class="toggle-label"><span class="when-off">Show all {{eventCount}} events</span><span class="when-on">Show the {{keyCount}} key events only</span></label>
{{/month}}
{{/hasMinor}}
<div class="timeline">
{{#month}}
<section class="month" id="{{id}}">
{{> days}}
</section>
{{/month}}
</div>
</main>
{{> foot}}

"""#
}
