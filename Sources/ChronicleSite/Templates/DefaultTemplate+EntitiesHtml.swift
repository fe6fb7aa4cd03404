// Generated from templates/entities.html.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let entitiesHtml = #"""
{{% CONTENT_TYPE: HTML }}
{{> head}}
<body class="page-entities">
{{> header}}
<main>
<section class="intro">
<h1>People, organisations and places</h1>
<p class="stats">Everyone and everything the timeline's events name; each has its own timeline.</p>
</section>
{{> entity-groups}}
</main>
{{> foot}}

"""#
}
