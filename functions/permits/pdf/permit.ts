// The printable permit: one A4 page in Chinese and English with a QR code of its verification URL.
// The CJK font is embedded as a subset of the glyphs printed, so the file stays tens of KB where
// embedding the whole font would pass Lambda's 6 MB response limit.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import { PERMIT_FONT } from '../font.ts';
import type { PermitKind, PermitStatus } from '../schema.ts';
import { Page } from './document.ts';
import { type TrueTypeFont, readTrueType } from './truetype.ts';

const FONT_NAME = 'NotoSansSC-Regular';
let font: TrueTypeFont | undefined;
/** Read on the first print, then kept: parsing is only its table directory. */
const permitFont = () => {
  font ??= readTrueType(readFileSync(createRequire(import.meta.url).resolve(PERMIT_FONT)));
  return font;
};

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

const MARGIN = 56;
const GREY = 0x55 / 0xff;

/** The PDF of one permit. */
export async function permitPdf(p: PrintedPermit): Promise<Buffer> {
  const page = new Page(permitFont(), FONT_NAME);
  const left = MARGIN;
  const width = page.width - 2 * MARGIN;
  let y = MARGIN;

  const [zh, en] = TITLE[p.kind];
  y += page.text(zh, left, y, { size: 24, width, align: 'center' });
  y += page.text(en, left, y, { size: 16, width, align: 'center' });
  y += 0.3 * page.lineHeight(10);
  y += page.text('边防检查 · Border Inspection', left, y, { size: 10, grey: GREY, width, align: 'center' });
  y += 1.5 * page.lineHeight(10);

  for (const [labelZh, labelEn, value] of rows(p)) {
    const height = Math.max(
      page.text(labelZh, left, y, { size: 11, width: 70 }),
      page.text(labelEn, left + 72, y + 1.5, { size: 9, grey: GREY, width: 110 }) + 1.5,
      page.text(value, left + 190, y, { size: 11, width: 290 }),
    );
    y += height + 0.6 * page.lineHeight(11);
  }

  // Vector modules, not a raster image: sharp at any print size and a few KB.
  const qr = QRCode.create(p.verificationUrl, { errorCorrectionLevel: 'M' });
  const cell = 4;
  const size = qr.modules.size * cell;
  const x0 = (page.width - size) / 2;
  const y0 = y + 20;
  for (let row = 0; row < qr.modules.size; row++) {
    for (let col = 0; col < qr.modules.size; col++) {
      if (qr.modules.get(row, col)) page.rect(x0 + col * cell, y0 + row * cell, cell, cell);
    }
  }
  y = y0 + size + 12;
  y += page.text('扫码核验此许可证 · Scan to verify this permit', left, y, { size: 9, width, align: 'center' });
  page.text(p.verificationUrl, left, y, { size: 9, width, align: 'center' });

  return page.pdf({ title: `${TITLE[p.kind][1]} ${p.vesselName} ${p.imo}`, created: new Date(p.issuedAt) });
}
