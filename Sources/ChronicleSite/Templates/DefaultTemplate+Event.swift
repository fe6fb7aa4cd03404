// Generated from templates/event.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let event = #"""
{{% CONTENT_TYPE: HTML }}
<article class="event{{#key}} key{{/key}}{{#minor}} minor{{/minor}}{{#expected}} expected{{/expected}}" id="{{anchor}}">
{{^noMeta}}
<p class="event-meta">{{^dateInHeading}}<time class="event-date" datetime="{{datetime}}">{{label}}</time>{{/dateInHeading}}{{#expected}} <span class="badge badge-expected">expected</span>{{/expected}}{{#multipleSources}} <span class="badge badge-sources">{{sourceCount}} sources</span>{{/multipleSources}}</p>
{{/noMeta}}
<p class="event-text">{{{textHTML}}}</p>
<p class="event-sources">{{#sources}}{{^isFirst}} · {{/isFirst}}<a href="{{root}}{{href}}" title="{{title}}">{{name}}</a>{{/sources}}{{#moreSources}} · and {{.}} more{{/moreSources}}</p>
{{#hasEntities}}
<p class="event-actors">{{#entities}}{{^isFirst}} · {{/isFirst}}<a class="actor actor-{{kind}}" href="{{root}}{{href}}">{{name}}</a>{{/entities}}</p>
{{/hasEntities}}
{{#sourcesDisagree}}
<p class="disagree"><span class="badge badge-disagree">sources disagree</span> {{#disagreement}}<span class="claim"><time datetime="{{datetime}}">{{label}}</time>: {{#sources}}{{^isFirst}}, {{/isFirst}}<a href="{{root}}{{href}}" title="{{title}}">{{name}}</a>{{/sources}}</span> {{/disagreement}}</p>
{{/sourcesDisagree}}
{{#why}}
<details class="why">
<summary>Why this date?</summary>
<ul>
{{#mentions}}
<li><a href="{{root}}{{href}}">{{source}}</a>: {{resolution}}</li>
{{/mentions}}
{{#moreMentions}}
<li>and {{.}} more sentences (all are in events.json)</li>
{{/moreMentions}}
</ul>
<p class="salience">{{salience}}</p>
</details>
{{/why}}
</article>

"""#
}
