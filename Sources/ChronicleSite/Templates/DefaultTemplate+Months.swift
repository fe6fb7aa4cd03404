// Generated from templates/months.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let months = #"""
{{% CONTENT_TYPE: HTML }}
{{#hasMinor}}
<p class="toggle-note">Key events are those dated in the text or reported by several sources; the {{timelineCounts.otherEvents}} others are hidden unless you show all.</p>
<input type="checkbox" id="show-all" class="toggle">
<label for="show-all" class="toggle-label"><span class="when-off">Show all {{timelineCounts.events}} events</span><span class="when-on">Show the {{timelineCounts.keyEvents}} key events only</span></label>
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

"""#
}
