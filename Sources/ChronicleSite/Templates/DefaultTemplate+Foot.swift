// Generated from templates/foot.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let foot = #"""
{{% CONTENT_TYPE: HTML }}
<footer class="site-footer">
<p>{{site.title}} · built with Chronicle.</p>
</footer>
</body>
</html>

"""#
}
