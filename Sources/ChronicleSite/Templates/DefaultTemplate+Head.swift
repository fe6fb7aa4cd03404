// Generated from templates/head.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let head = #"""
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
<link rel="stylesheet" href="{{root}}style.css">
<link rel="alternate" type="application/atom+xml" title="{{site.title}}" href="{{root}}feed.xml">
</head>

"""#
}
