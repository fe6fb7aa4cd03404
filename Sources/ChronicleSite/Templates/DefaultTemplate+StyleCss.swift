// Generated from templates/style.css.mustache by CHRONICLE_UPDATE_TEMPLATES=1 swift test; edit the template, not this file.
extension DefaultTemplates {
    static let styleCss = #"""
/* Chronicle default theme: system fonts, no web fonts, no JavaScript. */
:root {
  color-scheme: light dark;
  --bg: #fbfaf7;
  --fg: #1d1d1f;
  --muted: #6b6b70;
  --rule: #dedad2;
  --accent: #b3261e;
  --accent-soft: #f6e3df;
  --mark: #fff0b3;
  --band: #fff4c9;
  --card: #ffffff;
  --expected: #1f5fa8;
  --expected-soft: #e3edf9;
  --measure: 44rem;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #151517;
    --fg: #e9e7e2;
    --muted: #a09ea6;
    --rule: #34333a;
    --accent: #ff8a7a;
    --accent-soft: #3a2420;
    --mark: #5a4a12;
    --band: #332c14;
    --card: #1d1d21;
    --expected: #8ab8ff;
    --expected-soft: #1e2a3c;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--fg);
  font: 17px/1.6 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
a { color: inherit; text-decoration-color: var(--accent); text-underline-offset: 0.15em; }
a:hover { color: var(--accent); }
main, .site-header, .site-footer { max-width: var(--measure); margin: 0 auto; padding: 0 1.25rem; }

.site-header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.5rem 1.5rem; padding-top: 1rem; padding-bottom: 1rem; border-bottom: 1px solid var(--rule); }
.site-title { font-weight: 700; text-decoration: none; letter-spacing: 0.01em; }
.site-nav { display: flex; flex-wrap: wrap; gap: 1rem; font-size: 0.9rem; }
.site-nav a { color: var(--muted); text-decoration: none; }
.site-nav a:hover { color: var(--accent); }
.site-footer { margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.85rem; }

h1, h2, h3 { line-height: 1.25; }
.intro h1 { font-family: Georgia, "Times New Roman", serif; font-size: 2.3rem; margin: 2rem 0 0.5rem; }
.lede { font-size: 1.15rem; margin: 0 0 0.5rem; }
.stats { color: var(--muted); font-size: 0.9rem; margin: 0 0 1.5rem; }

.month-nav { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0 0 1.25rem; font-size: 0.85rem; }
.month-nav a { padding: 0.15rem 0.6rem; border-radius: 4px; background: var(--card); border: 1px solid var(--rule); text-decoration: none; }
.month-nav .count { color: var(--muted); font-size: 0.8em; }
.month-pager { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5rem; margin: 0 0 1.25rem; font-size: 0.9rem; }
.period .count { color: var(--muted); font-size: 0.7em; font-weight: normal; }
.highlights { list-style: none; padding: 0; margin: 0 0 1.5rem; }
.highlight { margin: 0.35rem 0; }
.highlight time { font-weight: 600; margin-right: 0.25rem; }

/* Show/hide the minor events without JavaScript: a checkbox and its label sit before the timeline. */
.toggle { position: absolute; opacity: 0; }
.toggle-note { color: var(--muted); font-size: 0.85rem; margin: 0 0 0.5rem; }
.toggle-label { display: inline-block; margin-bottom: 1rem; padding: 0.35rem 0.9rem; border: 1px solid var(--rule); border-radius: 999px; font-size: 0.85rem; cursor: pointer; background: var(--card); }
.toggle-label:hover { border-color: var(--accent); }
.toggle:focus-visible + .toggle-label { outline: 2px solid var(--accent); outline-offset: 2px; }
.toggle-label .when-on, .toggle:checked + .toggle-label .when-off { display: none; }
.toggle:checked + .toggle-label .when-on { display: inline; }
.minor { display: none; }
.toggle:checked ~ .timeline .minor, .minor:target, .minor:has(:target) { display: block; }

.timeline { border-left: 2px solid var(--rule); margin-left: 0.4rem; padding-left: 1.4rem; }
.month-label { font-family: Georgia, "Times New Roman", serif; font-size: 1.5rem; margin: 2rem 0 0.5rem; position: relative; }
.month-label::before { content: ""; position: absolute; left: -1.95rem; top: 0.45em; width: 0.9rem; height: 0.9rem; border-radius: 50%; background: var(--accent); border: 3px solid var(--bg); }
.day-label { font-size: 0.8rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 1.5rem 0 0.5rem; }

.event { position: relative; margin: 0 0 0.9rem; padding: 0.75rem 1rem; background: var(--card); border: 1px solid var(--rule); border-radius: 8px; }
.event::before { content: ""; position: absolute; left: -1.75rem; top: 1.15rem; width: 0.5rem; height: 0.5rem; border-radius: 50%; background: var(--rule); }
.event.key { border-left: 4px solid var(--accent); }
.event.key::before { background: var(--accent); }
.event.key .event-text { font-weight: 600; font-size: 1.05rem; }
.event:target { box-shadow: 0 0 0 2px var(--accent); }
.event p { margin: 0; }
.event-meta { font-size: 0.8rem; color: var(--muted); margin-bottom: 0.25rem !important; }
.event-meta:empty { display: none; }
.event-date { font-weight: 600; }
.event-text mark { background: var(--mark); color: inherit; padding: 0 0.1em; border-radius: 2px; }
.event-sources { font-size: 0.85rem; color: var(--muted); margin-top: 0.4rem !important; }
.event.expected { border-style: dashed; }
.badge { display: inline-block; margin-left: 0.35rem; padding: 0 0.45rem; border-radius: 999px; font-size: 0.72rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; vertical-align: 0.05em; }
.badge:first-child { margin-left: 0; }
.badge-expected { background: var(--expected-soft); color: var(--expected); }
.badge-sources { background: var(--accent-soft); color: var(--accent); }
.badge-disagree { background: var(--expected-soft); color: var(--expected); }
.disagree { margin: 0.3rem 0 0; font-size: 0.88rem; }
.disagree .claim { margin-right: 0.6rem; }
.event-actors { margin: 0.3rem 0 0; font-size: 0.85rem; }
.actor { text-decoration: none; border-bottom: 1px dotted currentColor; }
.actor-nav { display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; align-items: baseline; margin: 0 0 1rem; font-size: 0.9rem; }
.actor-nav .nav-label { font-weight: 600; }
.actor-nav .count, .entity-list .count { color: var(--muted); font-size: 0.8em; }
.entity-list { columns: 16rem; padding-left: 1rem; }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.75rem; }
.salience { margin: 0.3rem 0 0; font-size: 0.8rem; }
.why { margin-top: 0.4rem; font-size: 0.85rem; color: var(--muted); }
.why summary { cursor: pointer; width: max-content; }
.why ul { margin: 0.3rem 0 0; padding-left: 1.2rem; }
time[title] { cursor: help; }

.articles { margin-top: 3rem; }
.article-list { padding-left: 1.2rem; }
.article-list li { margin-bottom: 0.4rem; }
.meta { color: var(--muted); font-size: 0.9rem; }

.article-header h1 { font-family: Georgia, "Times New Roman", serif; font-size: 2rem; margin: 2rem 0 0.5rem; }
.article-body { font-family: Georgia, "Times New Roman", serif; font-size: 1.1rem; }
.article-body time { text-decoration: underline dotted var(--accent); text-underline-offset: 0.2em; }
.article-body time.anchor { text-decoration-style: solid; }
.article-body .mention.key { background: linear-gradient(transparent 58%, var(--band) 58%); }
.article-body .mention:target { background: var(--mark); }
.article-body .boilerplate { color: var(--muted); font-size: 0.9rem; opacity: 0.75; }
.article-body img { max-width: 100%; height: auto; }
.article-body pre { overflow-x: auto; }
.article-body blockquote { margin-left: 0; padding-left: 1rem; border-left: 3px solid var(--rule); }
.legend { color: var(--muted); font-size: 0.8rem; border-top: 1px solid var(--rule); padding-top: 0.5rem; }
.article-events { margin-top: 2rem; }
.article-event { margin: 0 0 0.5rem; }
.article-event time { font-weight: 600; white-space: nowrap; }
.article-event.key { font-weight: 600; }

@media (max-width: 32rem) {
  body { font-size: 16px; }
  .intro h1 { font-size: 1.8rem; }
  .timeline { padding-left: 1rem; }
  .month-label::before { left: -1.55rem; }
  .event::before { left: -1.35rem; }
}
@media print {
  :root { --bg: #fff; --fg: #000; --card: #fff; --muted: #444; }
  body { font-size: 11pt; }
  .site-nav, .month-nav, .month-pager, .toggle, .toggle-label, .toggle-note, .site-footer { display: none; }
  .minor { display: block; }
  .event { break-inside: avoid; border-color: #999; }
  .why[open] summary, .why { color: #444; }
  a { text-decoration: none; }
  .article-body a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.8em; }
}

"""#
}
