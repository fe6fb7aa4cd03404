// Generated from templates/head.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let head = #"""
{{% CONTENT_TYPE: HTML }}
<!DOCTYPE html>
<html lang="{{site.language}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{pageTitle}}</title>
{{#site.description}}
<meta name="description" content="{{site.description}}">
{{/site.description}}
<meta name="generator" content="{{generator}}">
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ccircle cx='8' cy='8' r='6' fill='%23b3261e'/%3E%3C/svg%3E">
<link rel="stylesheet" href="{{root}}style.css">
<link rel="alternate" type="application/atom+xml" title="{{site.title}}" href="{{root}}feed.xml">
</head>

"""#
}
