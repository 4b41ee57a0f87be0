import {
  attachment,
  closing,
  enumerate,
  finish,
  heading,
  para,
  pickStable,
  signatureOf,
  table,
  wan,
} from './common.js';
import { showNumber } from './format.js';
import type { Block, ComposedAttachment, ComposedPost, ComposeInput, Composer } from './types.js';

type Loans = Extract<ComposeInput['event']['payload'], { kind: 'loans' }>;
type Borrower = Loans['borrowers'][number];
type Enterprise = Loans['enterprises'][number];

const NAME_KEY = '享受扶贫贴息贷款的企业、专业合作社等经营主体的名称';
const ENTERPRISE_KEYS = [NAME_KEY, '贷款额度', '贴息规模', '带贫减贫机制'];

interface Ctx {
  input: ComposeInput;
  l: Loans;
  place: string;
  has: (key: string) => boolean;
  firms: boolean;
}

type Title = { needs?: (c: Ctx) => boolean; make: (c: Ctx) => string };

const TITLES: Title[] = [
  { needs: (c) => c.firms, make: (c) => `${c.place}${c.l.year}年度扶贫小额信贷及贴息贷款情况公示` },
  { make: (c) => `${c.l.year}年${c.place}扶贫小额信贷发放情况公告` },
  { make: (c) => `关于${c.l.year}年度精准扶贫贷款情况的公示` },
  { needs: (c) => c.has('贷款对象'), make: (c) => `${c.place}${c.l.year}年扶贫小额信贷户贷款名单公示` },
  { make: (c) => `${c.place}关于公布${c.l.year}年扶贫贷款发放情况的公告` },
  { make: (c) => `${c.l.year}年度金融扶贫（小额信贷）情况公开` },
  { make: (c) => `${c.place}${c.l.year}年精准扶贫贷款公告公示` },
];

// Borrower columns; amounts of households are 贷款金额, of enterprises 贷款额度, so the two keys stay apart.
function borrowerRows(c: Ctx): string[][] {
  const { input, has } = c;
  const { rng } = input;
  const cols: [string, (b: Borrower) => string][] = [['贷款对象', (b) => b.household.name]];
  cols.push(['所在村', (b) => b.household.village]);
  if (input.idNumbers !== 'omitted')
    cols.push(['身份证号', (b) => showNumber(b.household.idNumber, input.idNumbers, rng.derive('mask-id'))]);
  if (has('额度')) cols.push([rng.pick(['贷款金额（元）', '借款金额（元）']), (b) => String(b.amount)]);
  if (has('期限')) cols.push([rng.pick(['期限（月）', '贷款期限（月）']), (b) => String(b.months)]);
  if (has('利率')) cols.push([rng.pick(['利率', '年利率']), (b) => b.rate]);
  if (has('用途')) cols.push([rng.pick(['用途', '贷款用途']), (b) => b.purpose]);
  cols.push(['放款银行', (b) => b.bank]);
  if (input.phones !== 'omitted')
    cols.push(['联系电话', (b) => showNumber(b.household.phone, input.phones, rng.derive('mask-phone'))]);
  if (input.bankCards !== 'omitted')
    cols.push([
      '还款账号',
      (b) => showNumber(b.household.bankCard, input.bankCards, rng.derive('mask-card')),
    ]);
  return [
    ['序号', ...cols.map(([h]) => h)],
    ...c.l.borrowers.map((b, i) => [String(i + 1), ...cols.map(([, f]) => f(b))]),
  ];
}

function enterpriseRows(c: Ctx): string[][] {
  const { has } = c;
  const cols: [string, (e: Enterprise) => string][] = [];
  if (has(NAME_KEY)) cols.push(['经营主体名称', (e) => e.name]);
  if (has('贷款额度')) cols.push(['贷款额度（万元）', (e) => wan(e.amount)]);
  if (has('期限')) cols.push(['期限（月）', (e) => String(e.months)]);
  if (has('贴息规模')) cols.push(['贴息金额（元）', (e) => String(e.subsidy)]);
  if (has('带贫减贫机制')) cols.push(['带贫减贫机制', (e) => e.mechanism]);
  return [
    ['序号', ...cols.map(([h]) => h)],
    ...c.l.enterprises.map((e, i) => [String(i + 1), ...cols.map(([, f]) => f(e))]),
  ];
}

// The programme's terms, stated once for all borrowers.
function terms(c: Ctx): string[] {
  const out: string[] = [];
  if (c.has('贷款对象')) out.push(`贷款对象为建档立卡贫困户，本年度共${c.l.borrowers.length}户获贷`);
  if (c.has('用途')) out.push('贷款用途限于发展种养殖业等生产经营，不得用于建房、婚丧嫁娶等非生产性支出');
  if (c.has('额度')) out.push('额度为每户5万元以下');
  if (c.has('期限')) out.push('期限3年以内');
  if (c.has('利率')) out.push('执行同期贷款市场报价利率，财政全额贴息');
  return out;
}

function firmsSummary(c: Ctx): string {
  const n = c.l.enterprises.length;
  const parts = [`享受扶贫贴息贷款的经营主体${n}家`];
  if (c.has('贷款额度'))
    parts.push(`贷款额度合计${wan(c.l.enterprises.reduce((s, e) => s + e.amount, 0))}万元`);
  if (c.has('贴息规模')) parts.push(`贴息资金${c.l.enterprises.reduce((s, e) => s + e.subsidy, 0)}元`);
  // Without the names the mechanism can only be told for all of them together.
  if (c.has('带贫减贫机制') && !c.has(NAME_KEY)) parts.push('均通过吸纳务工、入股分红等方式建立带贫减贫机制');
  return `${parts.join('，')}。`;
}

/** Tables of the post: borrowers when they are named, enterprises when theirs are. */
function tablesOf(c: Ctx): { name: string; rows: string[][] }[] {
  const out: { name: string; rows: string[][] }[] = [];
  if (c.has('贷款对象')) out.push({ name: `${c.l.year}年扶贫小额信贷明细表`, rows: borrowerRows(c) });
  if (c.firms && c.has(NAME_KEY))
    out.push({ name: `${c.l.year}年扶贫贴息贷款经营主体明细表`, rows: enterpriseRows(c) });
  return out;
}

function intro(c: Ctx): string {
  const basis = c.input.rng.pick([
    '根据扶贫资金项目公告公示制度要求',
    '按照精准扶贫贷款年度公开要求',
    `为进一步做好${c.l.year}年度金融扶贫工作`,
  ]);
  return `${basis}，现将${c.place}${c.l.year}年扶贫小额信贷${c.firms ? '和扶贫贴息贷款' : ''}情况公示如下：`;
}

function sections(c: Ctx, tables: 'inline' | 'attached'): Block[] {
  const out: Block[] = [para(intro(c))];
  const t = terms(c);
  const note = (listed: boolean) => (!listed ? '' : tables === 'inline' ? '明细如下：' : '明细见附件。');
  const lines = [`扶贫小额信贷情况。${t.length > 0 ? `${t.join('；')}。` : ''}${note(c.has('贷款对象'))}`];
  if (c.firms) lines.push(`扶贫贴息贷款情况。${firmsSummary(c)}${note(c.has(NAME_KEY))}`);
  const numbered = enumerate(lines);
  out.push(numbered[0] as Block);
  if (tables === 'inline' && c.has('贷款对象')) out.push(table(borrowerRows(c)));
  if (c.firms) {
    out.push(numbered[1] as Block);
    if (tables === 'inline' && c.has(NAME_KEY)) out.push(table(enterpriseRows(c)));
  }
  return out;
}

/** funds.loans: 扶贫小额信贷 borrowers and 贴息贷款 enterprises of the year. */
export const composeLoans: Composer = (input): ComposedPost => {
  const { rng, body, district } = input;
  const l = input.event.payload as Loans;
  const has = (key: string) => input.include.has(key);
  const firms = l.enterprises.length > 0 && ENTERPRISE_KEYS.some(has);
  const place = body.level === 'county' || body.level === 'department' ? district.shortName : body.shortName;
  const c: Ctx = { input, l, place, has, firms };
  const title = pickStable(rng.derive('title'), TITLES, (t) => !t.needs || t.needs(c)).make(c);
  const attachments: ComposedAttachment[] = [];
  let blocks: Block[];
  switch (rng.derive('layout').pick(['sections', 'attached', 'narrative'] as const)) {
    case 'sections':
      blocks = sections(c, 'inline');
      break;
    case 'attached':
      blocks = sections(c, 'attached');
      attachments.push(...tablesOf(c).map((t) => attachment(t.name, t.rows, rng, ['xlsx', 'pdf'])));
      break;
    case 'narrative': {
      const t = terms(c);
      blocks = [
        para(
          `${l.year}年，${place}${t.length > 0 ? `扶贫小额信贷${t.join('，')}` : '扶贫小额信贷工作有序开展'}。具体如下：`,
        ),
      ];
      if (has('贷款对象')) blocks.push(table(borrowerRows(c)));
      if (firms) blocks.push(heading('扶贫贴息贷款'), para(firmsSummary(c)));
      if (firms && has(NAME_KEY)) blocks.push(table(enterpriseRows(c)));
      break;
    }
  }
  // A village lends only to households; when asked for the enterprise part it says there is none.
  if (l.enterprises.length === 0 && ENTERPRISE_KEYS.some(has)) {
    blocks.push(para(`${l.year}年${place}无享受扶贫贴息贷款的企业、专业合作社等经营主体。`));
  }
  blocks.push(...closing(input));
  return finish(input, { title, blocks, signature: signatureOf(input), attachments });
};
