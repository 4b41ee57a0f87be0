import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { extractAttachmentText } from '../../../src/crawlers/extract/index.js';

const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

async function anXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('资金分配');
  sheet.addRow(['序号', '镇（街道）', '项目名称', '资金（元）', '下达日期']);
  sheet.addRow([1, '城村镇', '西村道路硬化', 480000, new Date(Date.UTC(2020, 4, 8))]);
  sheet.addRow([2, '城村镇', { richText: [{ text: '东村' }, { text: '产业扶贫' }] }, 300000, '2020-05-08']);
  sheet.addRow(['合计', '', '', { formula: 'SUM(D2:D3)', result: 780000 }, '']);
  workbook.addWorksheet('说明').addRow(['资金来源：财政专项扶贫资金']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function aDocx(): Promise<Uint8Array> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('西村道路硬化项目验收意见')] }),
          new Paragraph('经现场验收，项目符合设计要求。'),
          new Table({
            rows: [
              new TableRow({ children: [cell('项目'), cell('金额（万元）')] }),
              new TableRow({ children: [cell('道路硬化'), cell('48')] }),
            ],
          }),
          new Paragraph('城村镇人民政府'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function aPdf(pages: string[]): Promise<Uint8Array> {
  const pdf = new PDFDocument();
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) =>
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  pdf.font(CJK_FONT, 'NotoSansCJKsc-Regular').fontSize(14);
  pages.forEach((text, i) => {
    if (i > 0) pdf.addPage();
    pdf.text(text);
  });
  pdf.end();
  return done;
}

describe('extractAttachmentText', () => {
  it('returns every sheet of an xlsx as a table, with dates, rich text and formula results', async () => {
    const result = await extractAttachmentText(await anXlsx(), { fileName: '分配表.xlsx' });
    expect(result).toEqual({
      kind: 'text',
      format: 'xlsx',
      tables: [
        [
          ['序号', '镇（街道）', '项目名称', '资金（元）', '下达日期'],
          ['1', '城村镇', '西村道路硬化', '480000', '2020-05-08'],
          ['2', '城村镇', '东村产业扶贫', '300000', '2020-05-08'],
          ['合计', '', '', '780000'],
        ],
        [['资金来源：财政专项扶贫资金']],
      ],
      text: '资金分配\n序号\t镇（街道）\t项目名称\t资金（元）\t下达日期\n1\t城村镇\t西村道路硬化\t480000\t2020-05-08\n2\t城村镇\t东村产业扶贫\t300000\t2020-05-08\n合计\t\t\t780000\n说明\n资金来源：财政专项扶贫资金',
      truncated: false,
    });
  });

  it('returns a docx as paragraphs with its table kept', async () => {
    const result = await extractAttachmentText(await aDocx(), { fileName: '验收意见.docx' });
    expect(result).toMatchObject({
      kind: 'text',
      format: 'docx',
      tables: [
        [
          ['项目', '金额（万元）'],
          ['道路硬化', '48'],
        ],
      ],
      truncated: false,
    });
    if (result.kind !== 'text') throw new Error(result.reason);
    expect(result.text.split('\n')).toEqual([
      '西村道路硬化项目验收意见',
      '经现场验收，项目符合设计要求。',
      '项目\t金额（万元）',
      '道路硬化\t48',
      '城村镇人民政府',
    ]);
  });

  it('returns the Chinese text of a PDF, page by page', async () => {
    const bytes = await aPdf(['关于下达2020年财政专项扶贫资金的通知', '城村镇人民政府 2020年5月12日']);
    expect(await extractAttachmentText(bytes, { contentType: 'application/pdf' })).toEqual({
      kind: 'text',
      format: 'pdf',
      text: '关于下达2020年财政专项扶贫资金的通知\n城村镇人民政府 2020年5月12日',
      tables: [],
      pages: 2,
      truncated: false,
    });
  });

  it('detects the format from the bytes when the name says otherwise', async () => {
    const result = await extractAttachmentText(await anXlsx(), { fileName: 'downfile.jsp' });
    expect(result).toMatchObject({ kind: 'text', format: 'xlsx' });
  });

  it('stops a PDF at the deadline and says the text is cut', async () => {
    const bytes = await aPdf(['第一页：项目公示', '第二页：资金明细', '第三页：监督电话']);
    let clock = 0;
    const now = () => {
      clock += 10_000;
      return clock;
    };
    const result = await extractAttachmentText(bytes, { fileName: 'a.pdf', timeoutMs: 15_000, now });
    expect(result).toMatchObject({ kind: 'text', text: '第一页：项目公示', pages: 3, truncated: true });
  });

  it('cuts text at maxChars', async () => {
    const result = await extractAttachmentText(await anXlsx(), { fileName: 'a.xlsx', maxChars: 10 });
    expect(result).toMatchObject({ kind: 'text', text: '资金分配\n序号\t镇（', truncated: true });
  });

  it('refuses files over the size cap', async () => {
    expect(await extractAttachmentText(await anXlsx(), { fileName: 'a.xlsx', maxBytes: 100 })).toEqual({
      kind: 'failed',
      format: 'xlsx',
      reason: expect.stringMatching(/^文件过大：\d+ 字节，上限 100 字节$/),
    });
  });

  it.each([
    ['a.xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'xls'],
    ['a.et', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'et'],
    ['a.rar', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], 'rar'],
    ['a.zip', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], 'zip'],
    ['a.txt', [0x41, 0x42], 'txt'],
    ['', [0x00, 0x01], 'unknown'],
  ])('returns unsupported for %j', async (fileName, bytes, format) => {
    expect(await extractAttachmentText(new Uint8Array(bytes), { fileName })).toMatchObject({
      kind: 'unsupported',
      format,
    });
  });

  it.each([
    ['a.xlsx', 'xlsx'],
    ['a.docx', 'docx'],
    ['a.pdf', 'pdf'],
    ['a.doc', 'doc'],
    ['a.wps', 'doc'],
  ])('returns failed, not an exception, for broken %s', async (fileName, format) => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 37) % 251);
    expect(await extractAttachmentText(garbage, { fileName })).toEqual({
      kind: 'failed',
      format,
      reason: expect.stringContaining(`无法读取 ${format} 文件`),
    });
  });

  it('returns failed for a cut-off PDF', async () => {
    const bytes = await aPdf(['项目公示']);
    const result = await extractAttachmentText(bytes.subarray(0, 400), { fileName: 'a.pdf' });
    expect(result).toMatchObject({ kind: 'failed', format: 'pdf' });
  });

  it('says when a download link returned a web page instead of the file', async () => {
    const page = new TextEncoder().encode('<!DOCTYPE html><html><body>文件不存在</body></html>');
    expect(await extractAttachmentText(page, { fileName: '分配表.xlsx' })).toEqual({
      kind: 'failed',
      format: 'xlsx',
      reason: '内容是网页而不是 xlsx 文件（下载地址可能已失效）',
    });
  });
});
