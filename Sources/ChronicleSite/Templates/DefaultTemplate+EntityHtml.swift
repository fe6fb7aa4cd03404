// Generated from templates/entity.html.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let entityHtml = #"""
{{% CONTENT_TYPE: HTML }}
{{> head}}
<body class="page-entity">
{{> header}}
<main>
<section class="intro">
<p class="kicker">{{entity.kindLabel}}</p>
<h1>{{entity.name}}</h1>
<p class="stats">{{entity.eventCount}} events name {{entity.name}}; {{entity.mentionCount}} sentences in all.</p>
</section>
{{#hasRelated}}
<nav class="actor-nav" aria-label="Named with">
<span class="nav-label">Named with:</span>
{{#related}}
<a class="actor actor-{{kind}}" href="{{root}}{{href}}">{{name}}</a>
{{/related}}
</nav>
{{/hasRelated}}
{{#paged}}
{{> periods}}
{{/paged}}
{{^paged}}
{{> months}}
{{/paged}}
</main>
{{> foot}}

"""#
}
