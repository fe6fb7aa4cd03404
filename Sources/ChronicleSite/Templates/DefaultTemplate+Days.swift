// Generated from templates/days.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let days = #"""
{{% CONTENT_TYPE: HTML }}
{{#days}}
<section class="day{{#minor}} minor{{/minor}}" id="{{id}}">
<h3 class="day-label"><time datetime="{{datetime}}">{{label}}</time></h3>
{{#events}}
{{> event}}
{{/events}}
</section>
{{/days}}

"""#
}
