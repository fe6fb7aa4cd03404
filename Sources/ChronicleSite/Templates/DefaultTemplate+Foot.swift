// Generated from templates/foot.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let foot = #"""
<footer class="site-footer">
<p>{{counts.events}} events from {{counts.articles}} articles{{#updatedDisplay}}, last published {{.}}{{/updatedDisplay}}. Built with Chronicle.</p>
</footer>
</body>
</html>

"""#
}
