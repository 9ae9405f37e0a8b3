// The printable permit: one A4 page in Chinese and English with a QR code of its verification URL.
// pdfkit subsets the CJK font to the glyphs used, so the file stays tens of KB where embedding
// the whole font would pass Lambda's 6 MB response limit.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { PERMIT_FONT } from './font.ts';
import type { PermitKind, PermitStatus } from './schema.ts';

const fontPath = () => createRequire(import.meta.url).resolve(PERMIT_FONT);

export interface PrintedPermit {
  kind: PermitKind;
  status: PermitStatus;
  port: string;
  vesselName: string;
  imo: string;
  flag: string;
  callSign: string;
  voyage: string;
  version: number;
  issuedBy: string;
  issuedAt: string;
  eta: string;
  etd: string;
  verificationCode: string;
  verificationUrl: string;
}

const TITLE: Record<PermitKind, [string, string]> = {
  arrival: ['入境边检许可证', 'Arrival Clearance Permit'],
  departure: ['出境边检许可证', 'Departure Clearance Permit'],
};

export const STATUS_WORDS: Record<PermitStatus, [string, string]> = {
  VALID: ['有效', 'VALID'],
  SUSPENDED: ['暂停', 'SUSPENDED'],
  SUPERSEDED: ['已被取代', 'SUPERSEDED'],
  REVOKED: ['已撤销', 'REVOKED'],
};

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function rows(p: PrintedPermit): [string, string, string][] {
  return [
    ['港口', 'Port', p.port],
    ['船名', 'Vessel', p.vesselName],
    ['IMO 编号', 'IMO number', p.imo],
    ['船旗', 'Flag', p.flag],
    ['呼号', 'Call sign', p.callSign],
    ['航次', 'Voyage', p.voyage],
    ['许可类别', 'Kind', TITLE[p.kind].join(' / ')],
    ['申报版本', 'Declaration version', String(p.version)],
    ['签发人', 'Issued by', p.issuedBy === 'system' ? '自动放行 / automatic clearance' : p.issuedBy],
    ['签发时间', 'Issued at', utc(p.issuedAt)],
    ['有效期', 'Valid', `${utc(p.eta)} — ${utc(p.etd)}`],
    ['状态', 'Status', STATUS_WORDS[p.status].join(' / ')],
    ['核验码', 'Verification code', p.verificationCode],
  ];
}

/** The PDF of one permit. */
export async function permitPdf(p: PrintedPermit): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    font: fontPath(),
    info: { Title: `${TITLE[p.kind][1]} ${p.vesselName} ${p.imo}`, CreationDate: new Date(p.issuedAt) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const [zh, en] = TITLE[p.kind];
  doc.fontSize(24).text(zh, { align: 'center' });
  doc.fontSize(16).text(en, { align: 'center' });
  doc.moveDown(0.3).fontSize(10).fillColor('#555').text('边防检查 · Border Inspection', { align: 'center' });
  doc.fillColor('#000').moveDown(1.5);

  const left = doc.page.margins.left;
  for (const [labelZh, labelEn, value] of rows(p)) {
    const y = doc.y;
    doc.fontSize(11).text(labelZh, left, y, { width: 70 });
    doc
      .fontSize(9)
      .fillColor('#555')
      .text(labelEn, left + 72, y + 1.5, { width: 110 });
    doc
      .fontSize(11)
      .fillColor('#000')
      .text(value, left + 190, y, { width: 290 });
    doc.moveDown(0.6);
  }

  // Vector modules, not a raster image: sharp at any print size and a few KB.
  const qr = QRCode.create(p.verificationUrl, { errorCorrectionLevel: 'M' });
  const cell = 4;
  const size = qr.modules.size * cell;
  const x0 = (doc.page.width - size) / 2;
  const y0 = doc.y + 20;
  for (let row = 0; row < qr.modules.size; row++) {
    for (let col = 0; col < qr.modules.size; col++) {
      if (qr.modules.get(row, col)) doc.rect(x0 + col * cell, y0 + row * cell, cell, cell);
    }
  }
  doc.fill('#000');
  doc
    .fontSize(9)
    .text('扫码核验此许可证 · Scan to verify this permit', left, y0 + size + 12, { align: 'center' })
    .text(p.verificationUrl, { align: 'center' });
  doc.end();
  return done;
}
