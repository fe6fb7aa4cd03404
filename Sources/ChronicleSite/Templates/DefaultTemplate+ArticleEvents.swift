// Generated from templates/article-events.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let articleEvents = #"""
{{% CONTENT_TYPE: HTML }}
{{#events}}
<p class="article-event{{#key}} key{{/key}}"><a href="{{root}}{{href}}"><time datetime="{{datetime}}">{{label}}</time></a>{{#expected}} <span class="badge badge-expected">expected</span>{{/expected}} {{text}}</p>
{{/events}}
{{^events}}
<p>Nothing from this article is on the timeline.</p>
{{/events}}

"""#
}
