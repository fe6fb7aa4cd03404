// Generated from templates/foot.mustache; keep the two identical (TemplateFilesTests checks).
extension DefaultTemplates {
    static let foot = #"""
<footer class="site-footer">
<p>{{counts.events}} events from {{counts.articles}} articles{{#updatedDisplay}}, last published {{.}}{{/updatedDisplay}}. Built with Chronicle.</p>
</footer>
</body>
</html>

"""#
}
