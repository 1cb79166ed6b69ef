// The checkout page's weight: the JavaScript and CSS files it loads, gzipped, as a browser downloads them.
import { gzipSync } from 'node:zlib';

export type PageWeight = { js_gz_kb: number; css_gz_kb: number; html_gz_kb: number; js_files: number; css_files: number };

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export async function measurePageWeight(baseUrl: string, pagePath: string): Promise<PageWeight> {
  const res = await fetch(`${baseUrl}${pagePath}`);
  if (!res.ok) throw new Error(`The checkout page answered ${res.status}`);
  const html = await res.text();
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"|<link[^>]*href="([^"]+)"[^>]*rel="stylesheet"/g)].map(
    // Only one of the two alternatives matched, so the other's group is undefined (the match's type does not say so).
    (m) => (m[1] as string | undefined) ?? m[2],
  );
  const gzSize = async (src: string) => {
    const r = await fetch(new URL(src.replaceAll('&amp;', '&'), baseUrl));
    if (!r.ok) throw new Error(`${src} answered ${r.status}`);
    return gzipSync(Buffer.from(await r.arrayBuffer()), { level: 9 }).length;
  };
  const unique = <T>(xs: T[]) => [...new Set(xs)];
  const js = await Promise.all(unique(scripts).map(gzSize));
  const css = await Promise.all(unique(styles).map(gzSize));
  return {
    js_gz_kb: kb(js.reduce((a, b) => a + b, 0)),
    css_gz_kb: kb(css.reduce((a, b) => a + b, 0)),
    html_gz_kb: kb(gzipSync(Buffer.from(html)).length),
    js_files: js.length,
    css_files: css.length,
  };
}
