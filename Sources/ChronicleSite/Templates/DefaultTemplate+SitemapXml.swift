// Generated from templates/sitemap.xml.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let sitemapXml = #"""
<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{#urls}}
<url><loc>{{loc}}</loc>{{#lastmod}}<lastmod>{{.}}</lastmod>{{/lastmod}}</url>
{{/urls}}
</urlset>

"""#
}
