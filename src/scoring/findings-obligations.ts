import { pushTo } from './context.js';
import type { Evidence, Finding, Obligation } from './types.js';

/** A finding before the scheme prices it. */
export type Draft = Omit<Finding, 'severity' | 'points' | 'veto'> & { units: number };

export const recordLabel = (o: Obligation): string | null => o.record?.refNo ?? o.record?.title ?? null;

// What the body said about it: a claim waiting for an evaluator, or one an evaluator turned down.
function claimNote(o: Obligation): string {
  const last = o.claims.at(-1);
  if (!last || last.status === 'confirmed') return '';
  return last.status === 'pending' ? '；该主体已申诉并提交链接，待核实' : '；该主体的申诉经核实未予采纳';
}

// The evidence of an absence: the latest successful crawl of the source that should have carried it.
function crawlEvidence(o: Obligation): Evidence | null {
  if (!o.checked) return null;
  return {
    kind: 'crawl',
    id: o.checked.runId ?? 0,
    title: `${o.checked.day} 抓取 ${o.checked.sourceId}，未见该信息`,
    published: o.checked.day,
    statedPublished: null,
    sourceId: o.checked.sourceId,
  };
}

// An absence from a website or account the registry has none of for the body: nothing to show but that.
function noSourceNote(o: Obligation, evidence: Evidence | null): string {
  const online = o.channel === '政府网站' || o.channel === '两微一端';
  return o.status === 'missing' && online && !evidence ? `（登记清单中没有该主体的${o.channel}来源）` : '';
}

function draft(o: Obligation, fields: Partial<Draft> & Pick<Draft, 'kind' | 'detail'>): Draft {
  const first = o.evidence[0] ?? (o.status === 'missing' ? crawlEvidence(o) : null);
  return {
    bodyId: o.bodyId,
    item: o.item,
    record: recordLabel(o),
    due: o.due,
    published: o.published,
    workdaysLate: o.workdaysLate,
    days: null,
    url: first?.url ?? null,
    rule: `${o.ruleText}（${o.rule}）`,
    obligationKey: o.key,
    evidence: first,
    units: 1,
    ...fields,
    detail: fields.detail + noSourceNote(o, first) + claimNote(o),
  };
}

// A record missing on one required channel but shown on another (required or not).
function publishedElsewhere(o: Obligation, shown: ReadonlyMap<number, Obligation[]>): string | undefined {
  const sibling = o.record ? shown.get(o.record.id)?.find((x) => x !== o) : undefined;
  return sibling?.channel ?? o.elsewhere[0];
}

/** Findings from the obligations: late, missing, published on another channel only, unverifiable. */
export function obligationFindings(obligations: readonly Obligation[]): Draft[] {
  const out: Draft[] = [];
  // Obligations with evidence, by record: the channels each record was shown on.
  const shown = new Map<number, Obligation[]>();
  for (const o of obligations) if (o.record && o.evidence.length > 0) pushTo(shown, o.record.id, o);
  for (const o of obligations) {
    if (o.status === 'late') {
      out.push(
        draft(o, {
          kind: 'late',
          units: o.workdaysLate ?? 1,
          detail: `截止 ${o.due}，${o.published} 公开，逾期 ${o.workdaysLate} 个工作日（${o.channel}）`,
        }),
      );
    } else if (o.status === 'missing') {
      const other = publishedElsewhere(o, shown);
      out.push(
        other
          ? draft(o, {
              kind: 'channel_missing',
              detail: `已在${other}公开，但未在要求的${o.channel}公开（截止 ${o.due}）`,
            })
          : draft(o, {
              kind: 'missing',
              detail: `截止 ${o.due} 未在${o.channel}公开，已逾期 ${o.workdaysLate} 个工作日`,
            }),
      );
    } else if (o.status === 'unverifiable') {
      out.push(
        draft(o, {
          kind: 'unverifiable',
          detail: `截止 ${o.due} 后该主体的${o.channel}来源一直无法访问，无法核实是否公开（不计为未公开）`,
        }),
      );
    }
  }
  return out;
}
