import type { Catalog } from '../../catalog/index.js';
import type { ReviewLabel } from '../../store/index.js';
import { number, percent } from './format.js';

/** One item's counts over the labelled posts: read by the matchers, right, and in people's decisions. */
export interface ItemAccuracy {
  item: string;
  /** Posts the matchers read as the item. */
  predicted: number;
  /** Of those, posts people say are the item. */
  correct: number;
  /** Posts people say are the item. */
  actual: number;
  precision: number | null;
  recall: number | null;
}

export interface Accuracy {
  /** Reviewed posts whose review decided the items and whose current version is matched. */
  labelled: number;
  /** Of those, posts where the matchers' items are the decided ones exactly. */
  agreed: number;
  precision: number | null;
  recall: number | null;
  items: ItemAccuracy[];
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * The matchers' accuracy measured on people's decisions: each reviewed post's latest decided items against the
 * items the current match reads (so a new matcher version is measured on the same labels).
 */
export function measureAccuracy(labels: readonly ReviewLabel[], catalog: Catalog): Accuracy {
  const counts = new Map<string, { predicted: number; correct: number; actual: number }>();
  const count = (item: string) => {
    const c = counts.get(item) ?? { predicted: 0, correct: 0, actual: 0 };
    counts.set(item, c);
    return c;
  };
  let labelled = 0;
  let agreed = 0;
  for (const label of labels) {
    const truth = label.decision.items;
    if (truth === undefined || label.matched === null) continue;
    labelled += 1;
    const read = new Set(label.matched.map((i) => i.id));
    const decided = new Set(truth);
    if (read.size === decided.size && [...read].every((i) => decided.has(i))) agreed += 1;
    for (const item of read) {
      count(item).predicted += 1;
      if (decided.has(item)) count(item).correct += 1;
    }
    for (const item of decided) count(item).actual += 1;
  }
  const order = new Map(catalog.items.map((i, n) => [i.id as string, n]));
  const items = [...counts.entries()]
    .map(([item, c]) => ({
      item,
      ...c,
      precision: share(c.correct, c.predicted),
      recall: share(c.correct, c.actual),
    }))
    .sort((a, b) => (order.get(a.item) ?? 99) - (order.get(b.item) ?? 99));
  const total = (key: 'predicted' | 'correct' | 'actual') => items.reduce((s, i) => s + i[key], 0);
  return {
    labelled,
    agreed,
    precision: share(total('correct'), total('predicted')),
    recall: share(total('correct'), total('actual')),
    items,
  };
}

/** The measured accuracy, overall and per item, with what it is measured on. */
export function AccuracySection(props: { accuracy: Accuracy; catalog: Catalog }) {
  const a = props.accuracy;
  const name = (id: string) => props.catalog.items.find((i) => i.id === id)?.name ?? id;
  return (
    <section id="accuracy" aria-labelledby="accuracy-title">
      <h2 id="accuracy-title">识别准确率（据人工复核）</h2>
      <p class="meta">
        以每条信息最近一次复核确定的事项为准，与该信息当前版本的自动识别结果比较；识别程序更新后，衡量的是新程序。
        复核对象多来自低置信度队列，数字偏向难以识别的信息，不代表全部信息的准确率。
      </p>
      {a.labelled === 0 ? (
        <p class="empty">还没有确定了事项的复核。</p>
      ) : (
        <>
          <div class="stats">
            <div>
              <strong>{number(a.labelled)}</strong>
              <span>已复核信息</span>
            </div>
            <div>
              <strong>{percent(a.agreed / a.labelled)}</strong>
              <span>自动识别的事项被确认（{number(a.agreed)} 条）</span>
            </div>
            <div>
              <strong>{percent(a.precision)}</strong>
              <span>精确率（识别出的事项中正确的）</span>
            </div>
            <div>
              <strong>{percent(a.recall)}</strong>
              <span>召回率（应识别的事项中识别出的）</span>
            </div>
          </div>
          <div class="scroll">
            <table class="compact">
              <caption>按事项</caption>
              <thead>
                <tr>
                  <th scope="col">事项</th>
                  <th scope="col">识别为该事项</th>
                  <th scope="col">其中正确</th>
                  <th scope="col">精确率</th>
                  <th scope="col">复核确定为该事项</th>
                  <th scope="col">召回率</th>
                </tr>
              </thead>
              <tbody>
                {a.items.map((i) => (
                  <tr data-item={i.item}>
                    <th scope="row">{name(i.item)}</th>
                    <td class="num">{number(i.predicted)}</td>
                    <td class="num">{number(i.correct)}</td>
                    <td class="num">{percent(i.precision)}</td>
                    <td class="num">{number(i.actual)}</td>
                    <td class="num">{percent(i.recall)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
