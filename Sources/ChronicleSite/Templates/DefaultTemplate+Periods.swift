// Generated from templates/periods.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let periods = #"""
{{% CONTENT_TYPE: HTML }}
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

"""#
}
