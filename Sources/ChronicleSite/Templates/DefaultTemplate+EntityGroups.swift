// Generated from templates/entity-groups.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let entityGroups = #"""
{{% CONTENT_TYPE: HTML }}
{{#groups}}
<section class="entity-group" id="{{kind}}">
<h2>{{label}}</h2>
<ul class="entity-list">
{{#entities}}
<li><a class="actor actor-{{kind}}" href="{{root}}{{href}}">{{name}}</a> <span class="count">{{eventCount}} events</span></li>
{{/entities}}
</ul>
</section>
{{/groups}}

"""#
}
