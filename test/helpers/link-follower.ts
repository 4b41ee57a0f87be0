/**
 * A deliberately simple link follower for checking the demo web's reachability: it follows every href,
 * every "url" in JSON, the TRS createPageHTML pager, the Hanweb dataproxy and feed links — nothing clever,
 * so a post it cannot reach is one that no list on the site links to.
 */
export async function followLinks(
  origin: string,
  starts: string[],
  scopes: string[],
  limit = 5000,
): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue = [...starts];
  const inScope = (url: string) => scopes.some((s) => url.startsWith(s));
  while (queue.length > 0 && seen.size < limit) {
    const url = queue.shift() as string;
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await fetch(url);
    if (response.status !== 200) continue;
    const type = response.headers.get('content-type') ?? '';
    if (!/html|xml|json/.test(type)) continue;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = decode(bytes);
    for (const link of linksIn(text, url, origin)) {
      const clean = link.split('#')[0] as string;
      if (inScope(clean) && !seen.has(clean)) queue.push(clean);
    }
  }
  return seen;
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function linksIn(text: string, base: string, origin: string): string[] {
  const links: string[] = [];
  const add = (href: string) => {
    if (/^(javascript:|mailto:|#)/.test(href)) return;
    try {
      links.push(new URL(href.replaceAll('&amp;', '&'), base).href);
    } catch {
      // not a URL
    }
  };
  for (const m of text.matchAll(/href="([^"]+)"/g)) add(m[1] as string);
  for (const m of text.matchAll(/<link>([^<]+)<\/link>/g)) add(m[1] as string);
  for (const m of text.matchAll(/"(?:url|post_url)":"([^"]+)"/g)) add(m[1] as string);
  const pager = /var countPage = (\d+)/.exec(text);
  if (pager) for (let k = 1; k < Number(pager[1]); k += 1) add(`index_${k}.html`);
  const hanweb = /var totalRecord = (\d+); var dataParams = \{[^}]*columnid:(\d+)/.exec(text);
  if (hanweb) {
    const prefix = new URL(base).pathname.replace(/col\/col\d+\/index\.html$/, '');
    for (let start = 16; start <= Number(hanweb[1]); start += 45) {
      add(
        `${origin}${prefix}module/web/jpage/dataproxy.jsp?startrecord=${start}&endrecord=${start + 44}&perpage=15&columnid=${hanweb[2]}`,
      );
    }
  }
  const gkmlpt = /var TREE = (\[[^\]]*\]);\s*var SID = (\d+);/.exec(text);
  if (gkmlpt) {
    const prefix = new URL(base).pathname.replace(/gkmlpt\/index$/, '');
    for (const column of JSON.parse(gkmlpt[1] as string) as { id: number }[]) {
      for (let page = 1; page <= 30; page += 1)
        add(`${origin}${prefix}gkmlpt/api/all/${column.id}?page=${page}&sid=${gkmlpt[2]}`);
    }
  }
  return links;
}
