import type { Catalog, WorkingCalendar } from '../catalog/index.js';
import type { ExtractedArticle } from '../crawlers/index.js';
import {
  type Analysis,
  createAnalyzer,
  findAmounts,
  findDocNumbers,
  linkRecords,
  MATCHER_VERSION,
  type RecordShape,
} from '../matchers/index.js';
import type { Body, PostVersion, Store, StoredRecord } from '../store/index.js';
import { type AttachmentContent, toPostDocument } from './post-document.js';

/** What `gongkai match` did. */
export interface MatchStageResult {
  matched: number;
  linked: number;
  matcherVersion: string;
}

interface Listed {
  listed?: { listDate?: string };
}

// The stored page bytes, decoded as they were when fetched, for the matchers' look at the raw info line.
function rawHtml(store: Store, version: PostVersion): string | undefined {
  const fetch = store.fetches.get(version.fetchId);
  const bytes = store.blobs.get(version.bodySha256);
  if (!bytes) return undefined;
  const charset = fetch?.charset && fetch.charset !== 'rendered' ? fetch.charset : 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** The body a post speaks for: its publisher when that is the source's body or one of its villages. */
function postBody(
  analysis: Analysis,
  sourceBody: Body | undefined,
  bodies: Map<string, Body>,
): string | undefined {
  const publisher = analysis.publisher?.body?.id;
  const body = publisher ? bodies.get(publisher) : undefined;
  if (body && sourceBody && (body.id === sourceBody.id || body.parentId === sourceBody.id)) return body.id;
  return sourceBody?.id;
}

/** The records as the linker sees them, by body and item, so that each post meets only its own body's. */
function recordsByBodyAndItem(records: readonly StoredRecord[]): Map<string, RecordShape[]> {
  const index = new Map<string, RecordShape[]>();
  for (const r of records) {
    const key = `${r.bodyId}|${r.item}`;
    const shape: RecordShape = {
      id: String(r.id),
      item: r.item,
      title: r.title,
      formed: r.formed,
      ...(r.refNo ? { refNo: r.refNo } : {}),
      ...(r.amount !== null ? { amount: r.amount } : {}),
    };
    const list = index.get(key);
    if (list) list.push(shape);
    else index.set(key, [shape]);
  }
  return index;
}

/**
 * Reads every post version not yet read by this matcher version and catalog (or all, with `all`), stores what
 * the matchers found and the records each post discloses. A person's review is kept apart and wins later.
 */
export function runMatchStage(
  store: Store,
  options: { catalog: Catalog; calendar: WorkingCalendar; all?: boolean },
): MatchStageResult {
  const bodyList = store.bodies.list({ includeRetired: true });
  const bodies = new Map(bodyList.map((b) => [b.id, b]));
  const analyze = createAnalyzer({
    catalog: options.catalog,
    calendar: options.calendar,
    bodies: bodyList.map((b) => ({
      id: b.id,
      name: b.name,
      level: b.level,
      aliases: b.aliases,
      ...(b.role ? { role: b.role } : {}),
    })),
  });
  const sources = new Map(store.sources.list({ includeRetired: true }).map((s) => [s.id, s]));
  const records = recordsByBodyAndItem(store.records.list());
  const ids = options.all
    ? store.db
        .prepare<[], { id: number }>('SELECT id FROM post_versions ORDER BY id')
        .all()
        .map((r) => r.id)
    : store.matches.stale(MATCHER_VERSION, options.catalog.id);
  let linked = 0;
  for (const id of ids) {
    const version = store.posts.version(id);
    const post = version ? store.posts.get(version.postId) : undefined;
    if (!version || !post) continue;
    const article = version.extracted as ExtractedArticle & Listed;
    const attachments: AttachmentContent[] = store.attachments
      .forVersion(version.id)
      .filter((a) => a.text !== null)
      .map((a) => ({ url: a.url, text: a.text ?? '' }));
    const html = rawHtml(store, version);
    const sourceBody = bodies.get(sources.get(post.sourceId)?.bodyId ?? '');
    const doc = toPostDocument(article, {
      attachments,
      ...(article.listed?.listDate ? { listDate: article.listed.listDate } : {}),
      ...(html ? { html } : {}),
      ...(sourceBody ? { sourceBody: sourceBody.id } : {}),
    });
    const analysis = analyze(doc);
    const bodyId = postBody(analysis, sourceBody, bodies);
    const items = analysis.items.map((i) => i.id);
    const text = [doc.title, doc.text, ...doc.attachments.map((a) => a.text ?? '')].join('\n');
    const candidates = items.flatMap((item) => records.get(`${bodyId}|${item}`) ?? []);
    const links = linkRecords(
      [
        {
          id: String(version.id),
          items,
          title: doc.title,
          text,
          docNumbers: findDocNumbers(text).map((d) => d.text),
          amounts: findAmounts(text).map((a) => a.yuan),
          formed: analysis.formedAt?.date ?? null,
          published: analysis.publishedAt?.date ?? null,
        },
      ],
      candidates,
    );
    linked += links.length;
    store.matches.save(
      {
        versionId: version.id,
        matcherVersion: MATCHER_VERSION,
        catalog: options.catalog.id,
        items: analysis.items.map((i) => ({ id: i.id, confidence: i.confidence })),
        publishedAt: analysis.publishedAt?.date ?? null,
        formedAt: analysis.formedAt?.date ?? null,
        notice: analysis.notice
          ? {
              start: analysis.notice.start,
              end: analysis.notice.end,
              days: analysis.notice.days,
              unit: analysis.notice.unit,
            }
          : null,
        publisherBody: bodyId ?? null,
        publisherName: analysis.publisher?.name ?? null,
        elements: {
          present: analysis.elements.present.map((e) => e.key),
          missing: analysis.elements.missing,
        },
        privacy: analysis.privacy.map((p) => ({ kind: p.kind, count: p.count })),
        interpretationOf: analysis.interpretationOf,
        docNo: analysis.docNo?.text ?? null,
        analysis,
      },
      links.map((l) => ({ recordId: Number(l.record), score: l.score, reasons: l.reasons })),
    );
  }
  return { matched: ids.length, linked, matcherVersion: MATCHER_VERSION };
}
