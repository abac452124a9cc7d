/**
 * The pages' only style, sent inline so a page is one self-contained response that a CSP allowing no
 * external resource (`default-src 'none'; style-src 'unsafe-inline'`) still shows as designed.
 * Colours keep at least 7:1 contrast for text and 4.5:1 for links in both schemes, and links stay
 * underlined so they are told apart by more than colour.
 */
export const PAGE_STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1b;--muted:#4a4a4a;--link:#0645ad;--visited:#5a2d91;--rule:#d0d0d0}
@media (prefers-color-scheme:dark){:root{--bg:#121212;--fg:#ececec;--muted:#b8b8b8;--link:#8ab4f8;--visited:#c9a7f5;--rule:#3a3a3a}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow-wrap:anywhere}
.page{max-width:42rem;margin:0 auto;padding:1rem}
a{color:var(--link);text-decoration:underline;text-underline-offset:.15em}
a:visited{color:var(--visited)}
a:focus-visible{outline:2px solid currentColor;outline-offset:2px}
header.site{border-bottom:1px solid var(--rule);padding-bottom:.5rem;font-weight:600}
h1{font-size:1.75rem;line-height:1.25;margin:1rem 0}
h2{font-size:1.3rem;line-height:1.3;margin:2rem 0 .5rem;border-bottom:1px solid var(--rule)}
h3{font-size:1.05rem;line-height:1.4;margin:0}
.intro{font-size:1.1rem}
ul.entries,ul.months{list-style:none;padding:0;margin:0}
.entries>li,.months>li{margin:0 0 1.25rem}
.entries p,.months p{margin:.25rem 0}
.titles{margin:.25rem 0;padding-left:1.25rem}
.by,.shared,.count,.url{color:var(--muted)}
.shared,.count{font-size:.95rem}
.url{font-family:ui-monospace,monospace;font-size:.9rem}
.votes{white-space:nowrap}
nav.months-nav ul,footer ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
footer{border-top:1px solid var(--rule);margin-top:2rem;padding-top:.5rem;color:var(--muted);font-size:.95rem}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#333;--link:#000;--visited:#000}
nav,footer{display:none}
.page{max-width:none;padding:0}
h2{break-after:avoid}
.entries>li{break-inside:avoid}
a.link::after{content:" <" attr(href) ">";font-size:.85em;color:var(--muted)}
}
`
  .trim()
  .replace(/\n/g, "");
