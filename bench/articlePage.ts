/**
 * A 300 KB news-style article page, built deterministically because the bench machines have no
 * internet. Its make-up follows what real article pages carry: a head full of meta tags, a large
 * inline application state (JSON), inline CSS, SVG icons, navigation, a long body, comments, footer.
 */
export function articlePage(targetBytes = 300_000): string {
  const meta = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>Sandboxing and Workload Isolation · The Fly Blog</title>",
    '<meta name="description" content="How do you prevent a vulnerability in one component from compromising every other part?">',
    '<meta property="og:title" content="Sandboxing and Workload Isolation">',
    '<meta property="og:description" content="Chroot, privilege separation, containers, gVisor and lightweight virtualization.">',
    '<meta property="og:site_name" content="The Fly Blog">',
    '<meta property="og:type" content="article">',
    '<meta property="og:url" content="https://fly.example/blog/sandboxing/">',
    '<meta name="twitter:card" content="summary_large_image">',
    '<meta name="author" content="Thomas Ptacek">',
    '<link rel="canonical" href="https://fly.example/blog/sandboxing/">',
    ...Array.from({ length: 30 }, (_, i) => `<link rel="preload" href="/assets/chunk-${i}.js" as="script">`),
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"Sandboxing and Workload Isolation","author":{"@type":"Person","name":"Thomas Ptacek"},"publisher":{"@type":"Organization","name":"Fly"}}</script>',
  ];
  const css = `<style>${".prose p{margin:0 0 1em;line-height:1.6}.nav a{padding:4px 8px}".repeat(600)}</style>`;
  const state = `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify({
    props: {
      pageProps: {
        related: Array.from({ length: 400 }, (_, i) => ({
          id: i,
          slug: `post-${i}`,
          title: `Related post number ${i}`,
          tags: ["security", "linux"],
        })),
      },
    },
  })}</script>`;
  const icon =
    '<svg viewBox="0 0 24 24" width="16" height="16"><path d="M12 2L2 7l10 5 10-5-10-5zm0 13l-10-5v6l10 5 10-5v-6l-10 5z"/></svg>';
  const nav = `<header><nav class="nav">${Array.from({ length: 40 }, (_, i) => `<a href="/section/${i}">${icon}Section ${i}</a>`).join("")}</nav></header>`;
  const byline =
    '<p class="byline">By <a rel="author" href="/authors/tptacek">Thomas Ptacek</a> · <time datetime="2026-07-01">July 1</time></p>';
  const paragraph =
    '<p>Chroot is the original sandboxing technique, but you still have access to <code>ptrace</code>, procfs, device nodes and the network. Privilege separation, <em>à la</em> qmail, keeps the privileged parts small. <a href="/blog/containers">Containers</a> extend chroot to other kernel identifiers.</p>\n';
  const comment = (i: number) =>
    `<li class="comment"><div class="meta"><img src="/avatars/${i}.png" alt=""><b>reader${i}</b></div><p>Great write-up, thanks! Point ${i} about seccomp was new to me.</p></li>`;
  const footer = `<footer>${Array.from({ length: 60 }, (_, i) => `<a href="/legal/${i}">Link ${i}</a>`).join(" · ")}</footer>`;
  let body = `<article class="prose"><h1>Sandboxing and Workload Isolation</h1>${byline}`;
  const fixed = meta.join("\n").length + css.length + state.length + nav.length + footer.length + 2_000;
  let comments = "";
  let i = 0;
  while (fixed + body.length + comments.length < targetBytes) {
    body += paragraph;
    if (i % 3 === 0) comments += comment(i);
    i++;
  }
  return `<!doctype html>\n<html lang="en"><head>\n${meta.join("\n")}\n${css}\n</head><body>${nav}${body}</article><section class="comments"><ol>${comments}</ol></section>${state}${footer}<script src="/assets/app.js" defer></script></body></html>`;
}
