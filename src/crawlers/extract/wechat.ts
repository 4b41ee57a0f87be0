import { isoFromEpochSeconds } from './dates.js';
import { cleanText, type HtmlDoc, queryAll, scriptTexts, textOf } from './dom.js';

/** What a WeChat article page states about itself; the time comes only from the script variable `ct`. */
export interface WechatFacts {
  title?: string;
  titleFrom?: 'og:title' | 'activity-name' | 'msg_title';
  publishedAt?: string;
  account?: string;
}

/** `var ct = "1589251200";`, `ct = '1589251200'*1`, `ct:"1589251200"` — unix seconds. */
const CT = /(?:^|[^\w$.])ct\s*[=:]\s*["']?(\d{9,11})(?!\d)/;
const MSG_TITLE = /\bmsg_title\s*=\s*(?:htmlDecode\()?\s*(['"])((?:\\.|(?!\1)[^\\\n]){1,500})\1/;
const NICKNAME = /\bnickname\s*=\s*(?:htmlDecode\()?\s*(['"])((?:\\.|(?!\1)[^\\\n]){1,200})\1/;

/** Undoes the JS string escapes and HTML entities WeChat writes into its script variables. */
function decodeScriptString(raw: string): string {
  return cleanText(
    raw
      .replace(/\\x([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
      .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
      .replace(/\\(.)/g, '$1')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&'),
  );
}

function firstScriptMatch(scripts: string[], pattern: RegExp): RegExpExecArray | undefined {
  for (const script of scripts) {
    const m = pattern.exec(script);
    if (m) return m;
  }
  return undefined;
}

/** Reads title, publish time (`ct`) and account name from a WeChat article page. */
export function wechatFactsOf(doc: HtmlDoc, metaTags: Map<string, string>): WechatFacts {
  const facts: WechatFacts = {};
  const scripts = scriptTexts(doc);
  const activity = queryAll(doc, '#activity-name')[0];
  const msgTitle = firstScriptMatch(scripts, MSG_TITLE)?.[2];
  const og = metaTags.get('og:title');
  if (og) Object.assign(facts, { title: og, titleFrom: 'og:title' });
  else if (activity && textOf(activity))
    Object.assign(facts, { title: textOf(activity), titleFrom: 'activity-name' });
  else if (msgTitle) Object.assign(facts, { title: decodeScriptString(msgTitle), titleFrom: 'msg_title' });
  const ct = firstScriptMatch(scripts, CT)?.[1];
  const publishedAt = ct === undefined ? undefined : isoFromEpochSeconds(Number(ct));
  if (publishedAt) facts.publishedAt = publishedAt;
  const name = queryAll(doc, '#js_name')[0];
  const nickname = firstScriptMatch(scripts, NICKNAME)?.[2];
  const account = (name && textOf(name)) || (nickname && decodeScriptString(nickname));
  if (account) facts.account = account;
  return facts;
}
