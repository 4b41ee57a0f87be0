import { existsSync } from 'node:fs';
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { IsoDate } from '../../catalog/index.js';
import type { ComposedAttachment } from '../text/types.js';
import { normalizeZipBytes } from '../zip.js';

/** Where Debian's fonts-noto-cjk puts the CJK font the PDF attachments embed. */
export const DEFAULT_CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

async function xlsx(file: ComposedAttachment, date: IsoDate): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const stamp = new Date(`${date}T09:00:00Z`);
  workbook.creator = '';
  workbook.created = stamp;
  workbook.modified = stamp;
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow([file.name]);
  sheet.mergeCells(1, 1, 1, Math.max(1, file.rows[0]?.length ?? 1));
  for (const row of file.rows) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? 6 : 18;
  });
  return normalizeZipBytes(new Uint8Array(await workbook.xlsx.writeBuffer()), date);
}

async function docx(file: ComposedAttachment, date: IsoDate): Promise<Uint8Array> {
  const rows = file.rows.map(
    (row, r) =>
      new TableRow({
        children: row.map(
          (cell) =>
            new TableCell({
              children: [new Paragraph({ children: [new TextRun({ text: cell, bold: r === 0 })] })],
            }),
        ),
      }),
  );
  const doc = new Document({
    creator: '',
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: file.name, bold: true, size: 32 })],
          }),
          new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }),
        ],
      },
    ],
  });
  return normalizeZipBytes(new Uint8Array(await Packer.toBuffer(doc)), date);
}

function pdf(file: ComposedAttachment, date: IsoDate, fontPath: string): Promise<Uint8Array> {
  if (!existsSync(fontPath)) {
    return Promise.reject(
      new Error(`CJK font not found at ${fontPath}: install fonts-noto-cjk (apt) or pass fontPath`),
    );
  }
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 40,
      info: { CreationDate: new Date(`${date}T09:00:00Z`), Producer: 'demo', Creator: 'demo' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.font(fontPath, 'NotoSansCJKsc-Regular');
    doc.fontSize(14).text(file.name, { align: 'center' }).moveDown();
    doc.fontSize(9);
    for (const row of file.rows) doc.text(row.join('    '));
    doc.end();
  });
}

/** Renders an attachment's table as the file format it is linked as; the same input gives the same bytes. */
export async function renderAttachment(
  file: ComposedAttachment,
  date: IsoDate,
  fontPath = DEFAULT_CJK_FONT,
): Promise<Uint8Array> {
  switch (file.format) {
    case 'xlsx':
      return xlsx(file, date);
    case 'docx':
      return docx(file, date);
    case 'pdf':
      return pdf(file, date, fontPath);
  }
}

export const ATTACHMENT_TYPES: Record<ComposedAttachment['format'], string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};
