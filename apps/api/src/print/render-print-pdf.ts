// Draws a print sheet (build-print-sheet.ts) as a one-page PDF with pdfkit: the way's colour band
// and icons, the title, "what's on", and a large QR code with the short address beside it. The
// PDF standard fonts (Helvetica) need no font files but write only Western European text, so the
// posters are in English and any other letter is written as its nearest plain one.
import {
  WAY_ICON_GRID,
  WAY_ICON_PATHS,
  WAY_ICON_STROKE,
  type PrintSheet,
  type PrintSize,
} from '@fiveways/shared';
import PDFDocument from 'pdfkit';
import { encode } from 'uqr';

/** Paper sizes in PDF points (1/72 inch), portrait. */
export const PAPER: Record<PrintSize, { width: number; height: number; name: string }> = {
  a3: { width: 841.89, height: 1190.55, name: 'A3' },
  a4: { width: 595.28, height: 841.89, name: 'A4' },
  a5: { width: 419.53, height: 595.28, name: 'A5' },
};

const INK = '#1a1a1a';
const MUTED = '#3d3d3d';
const SAMPLE_RED = '#a4001d';
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';

/** Characters the standard fonts' WinAnsi encoding has beyond Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function isWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch);
}

/** Text the standard fonts can write: accents kept where Latin-1 has them, else dropped ('ł' → 'l'). */
export function toPdfText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').replace(/\s+/g, ' ')) {
    if (isWinAnsi(ch)) {
      out += ch;
      continue;
    }
    const plain = ch
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(
        /[łŁđĐøØħĦ]/g,
        (c) => ({ ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', ħ: 'h', Ħ: 'H' })[c] ?? '',
      );
    out += [...plain].every(isWinAnsi) && plain !== '' ? plain : '?';
  }
  return out.trim();
}

type Doc = PDFKit.PDFDocument;

/** The largest size from `start` down to `min` at which `text` takes at most `lines` lines. */
function fitSize(
  doc: Doc,
  text: string,
  font: string,
  width: number,
  lines: number,
  start: number,
  min: number,
): number {
  doc.font(font);
  for (let size = start; size > min; size -= 1) {
    doc.fontSize(size);
    const oneLine = doc.currentLineHeight(true);
    const longestWord = Math.max(...text.split(' ').map((w) => doc.widthOfString(w)));
    if (longestWord <= width && doc.heightOfString(text, { width }) <= oneLine * lines + 0.5)
      return size;
  }
  return min;
}

function drawWayIcon(
  doc: Doc,
  way: PrintSheet['ways'][number],
  x: number,
  y: number,
  size: number,
  colour: string,
) {
  doc.save();
  doc.translate(x, y);
  doc.scale(size / WAY_ICON_GRID);
  doc
    .path(WAY_ICON_PATHS[way])
    .lineWidth(WAY_ICON_STROKE)
    .lineCap('round')
    .lineJoin('round')
    .stroke(colour);
  doc.restore();
}

/** A QR code of `text`, `size` points square including its 4-module quiet zone, dark runs merged. */
function drawQrCode(doc: Doc, text: string, x: number, y: number, size: number) {
  const { data, size: modules } = encode(text, { ecc: 'M', border: 4 });
  const unit = size / modules;
  doc.rect(x, y, size, size).fill('#ffffff');
  data.forEach((row, r) => {
    let start = -1;
    for (let c = 0; c <= row.length; c++) {
      const dark = row[c] === true;
      if (dark && start < 0) start = c;
      if (!dark && start >= 0) {
        doc.rect(x + start * unit, y + r * unit, (c - start) * unit, unit);
        start = -1;
      }
    }
  });
  doc.fill('#000000');
}

export interface RenderOptions {
  /** When the PDF was made: its creation date (so the same content gives the same bytes). */
  now: Date;
}

/** The sheet as a one-page PDF. */
export function renderPrintPdf(sheet: PrintSheet, { now }: RenderOptions): Promise<Buffer> {
  const paper = PAPER[sheet.size];
  const doc = new PDFDocument({
    size: [paper.width, paper.height],
    margin: 0,
    autoFirstPage: true,
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: toPdfText(`${sheet.title} · ${sheet.serviceName}`),
      Author: sheet.serviceName,
      Subject: toPdfText(`${sheet.title}: what’s on, ${sheet.writtenUrl}`),
      Creator: sheet.serviceName,
      Producer: sheet.serviceName,
      CreationDate: now,
      ModDate: now,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  drawSheet(doc, sheet, paper);
  doc.end();
  return done;
}

/** The page's measures: `k` scales layout from A4, `t` scales type, `m` is the margin. */
interface Scale {
  k: number;
  t: number;
  m: number;
  width: number;
  paper: { width: number; height: number };
}

type Item = PrintSheet['sections'][number]['items'][number];

function drawSheet(doc: Doc, sheet: PrintSheet, paper: { width: number; height: number }) {
  // Everything is laid out on A4 and scaled: A3 is √2 larger, A5 √2 smaller.
  const k = paper.width / PAPER.a4.width;
  // Type on an A5 flyer shrinks less than the page, so it stays readable at arm's length.
  const t = Math.max(k, 0.86);
  const m = 40 * k;
  const width = paper.width - 2 * m;
  const at: Scale = { k, t, m, width, paper };
  const colour = sheet.colour;

  // The band: the service's name, and the ways' icons in white.
  const band = 92 * k;
  doc.rect(0, 0, paper.width, band).fill(colour);
  doc
    .font(BOLD)
    .fontSize(20 * t)
    .fillColor('#ffffff')
    .text(sheet.serviceName, m, 24 * k, { lineBreak: false });
  doc
    .font(REGULAR)
    .fontSize(12 * t)
    .text('Five ways to wellbeing, near you', m, 24 * k + 28 * t, { lineBreak: false });
  // The icons take what the name leaves, smaller when all five must fit on a flyer.
  const gap = 10 * k;
  const free =
    width -
    doc
      .font(BOLD)
      .fontSize(20 * t)
      .widthOfString(sheet.serviceName) -
    24 * k;
  const count = Math.max(1, sheet.ways.length);
  const icon = Math.min(52 * k, (free + gap) / count - gap);
  sheet.ways.forEach((way, i) => {
    const x = paper.width - m - icon - i * (icon + gap);
    drawWayIcon(doc, way, x, (band - icon) / 2, icon, '#ffffff');
  });
  let y = band + 22 * k;

  if (sheet.sampleData) {
    const text = toPdfText(sheet.sampleDataText);
    doc.font(BOLD).fontSize(12 * t);
    const h = doc.heightOfString(text, { width: width - 20 * k }) + 16 * k;
    doc
      .lineWidth(2 * k)
      .rect(m, y, width, h)
      .stroke(SAMPLE_RED);
    doc.fillColor(SAMPLE_RED).text(text, m + 10 * k, y + 8 * k, { width: width - 20 * k });
    y += h + 18 * k;
  }

  // The title, as large as fits in two lines (three for a long name on a flyer).
  const title = toPdfText(sheet.title);
  const lines = sheet.format === 'flyer' ? 3 : 2;
  const titleSize = fitSize(doc, title, BOLD, width, lines, 46 * k, 20 * t);
  doc.font(BOLD).fontSize(titleSize).fillColor(colour);
  doc.text(title, m, y, { width, height: doc.currentLineHeight(true) * lines, ellipsis: true });
  y = doc.y + 6 * k;
  if (sheet.subtitle !== '') {
    doc
      .font(REGULAR)
      .fontSize(15 * t)
      .fillColor(INK);
    doc.text(toPdfText(sheet.subtitle), m, y, {
      width,
      height: doc.currentLineHeight(true) * 3,
      ellipsis: true,
    });
    y = doc.y + 14 * k;
  }

  // The QR code and the address take the foot of the page; "what's on" fills what is between.
  const qr = (sheet.format === 'flyer' ? 180 : 190) * k;
  const qrTop = paper.height - m - 16 * k - qr;
  drawFoot(doc, sheet, at, qr, qrTop);

  const listBottom = qrTop - 16 * k;
  if (sheet.empty !== null) {
    doc.font(REGULAR).fontSize(16 * t);
    const text = toPdfText(sheet.empty);
    const h = doc.heightOfString(text, { width: width - 28 * k }) + 28 * k;
    doc.rect(m, y, width, h).fill('#f2f2f2');
    doc.rect(m, y, 6 * k, h).fill(colour);
    doc.fillColor(INK).text(text, m + 18 * k, y + 14 * k, { width: width - 28 * k });
    return;
  }
  const week = sheet.format === 'sheet';
  const drawItem = week ? drawWeekItem : drawPosterItem;
  // Room is kept for the "and more" line below the last one drawn.
  doc.font(BOLD).fontSize(12 * t);
  const moreLine = doc.currentLineHeight(true) + 4 * k;
  const total = sheet.sections.reduce((n, section) => n + section.items.length, 0);
  let shown = 0;
  for (const section of sheet.sections) {
    doc.font(BOLD).fontSize((week ? 14 : 17) * t);
    const headingHeight = doc.currentLineHeight(true) + 11 * k;
    const first = section.items[0];
    const firstHeight = first === undefined ? 0 : drawItem(doc, first, at, y, true);
    if (y + headingHeight + firstHeight + moreLine > listBottom) break;
    doc
      .font(BOLD)
      .fontSize((week ? 14 : 17) * t)
      .fillColor(colour)
      .text(toPdfText(section.heading), m, y, { width, lineBreak: false });
    y = doc.y + 3 * k;
    doc
      .moveTo(m, y)
      .lineTo(m + width, y)
      .lineWidth(1.2 * k)
      .stroke(colour);
    y += 8 * k;
    for (const item of section.items) {
      const h = drawItem(doc, item, at, y, true);
      const last = shown + 1 === total && sheet.more === 0;
      if (y + h + (last ? 0 : moreLine) > listBottom) break;
      y += drawItem(doc, item, at, y, false);
      shown += 1;
    }
    if (shown < section.items.length) break;
    y += 6 * k;
  }
  const more = sheet.more + (total - shown);
  if (more > 0) {
    doc
      .font(BOLD)
      .fontSize(12 * t)
      .fillColor(MUTED)
      .text(`And ${more} more: scan the code to see them all.`, m, y, { width, lineBreak: false });
  }
}

/** A poster line: the title in bold, then when and where. Returns its height; draws unless `measure`. */
function drawPosterItem(doc: Doc, item: Item, at: Scale, y: number, measure: boolean): number {
  const { m, k, t, width } = at;
  const title = toPdfText(item.title);
  const detail = toPdfText(item.place === '' ? item.when : `${item.when} · ${item.place}`);
  doc.font(BOLD).fontSize(14 * t);
  const titleOptions = { width, height: doc.currentLineHeight(true) * 2, ellipsis: true };
  const titleHeight = Math.min(doc.heightOfString(title, { width }), titleOptions.height);
  doc.font(REGULAR).fontSize(12 * t);
  const detailOptions = { width, height: doc.currentLineHeight(true) * 2, ellipsis: true };
  const detailHeight = Math.min(doc.heightOfString(detail, { width }), detailOptions.height);
  const height = titleHeight + detailHeight + 10 * k;
  if (measure) return height;
  doc
    .font(BOLD)
    .fontSize(14 * t)
    .fillColor(INK)
    .text(title, m, y, titleOptions);
  doc
    .font(REGULAR)
    .fontSize(12 * t)
    .fillColor(MUTED)
    .text(detail, m, y + titleHeight + 1 * k, detailOptions);
  return height;
}

/** A week-sheet line: the times in bold, then the title (and where, if it moved). */
function drawWeekItem(doc: Doc, item: Item, at: Scale, y: number, measure: boolean): number {
  const { m, k, t, width } = at;
  const timeWidth = 96 * t;
  const text = toPdfText(item.place === '' ? item.title : `${item.title} (at ${item.place})`);
  doc.font(REGULAR).fontSize(12.5 * t);
  const room = width - timeWidth;
  const options = { width: room, height: doc.currentLineHeight(true) * 2, ellipsis: true };
  const height = Math.min(doc.heightOfString(text, { width: room }), options.height) + 5 * k;
  if (measure) return height;
  doc
    .font(BOLD)
    .fontSize(12.5 * t)
    .fillColor(INK)
    .text(toPdfText(item.when), m, y, { width: timeWidth, lineBreak: false });
  doc
    .font(REGULAR)
    .fontSize(12.5 * t)
    .fillColor(INK)
    .text(text, m + timeWidth, y, options);
  return height;
}

/**
 * The address in lines that fit `room` at the largest size from `start` down: on one line if it
 * fits at `oneLineMin` or more, else broken after the host and kind ("example.org/h/" and
 * "gorse-hill-hub/s"), never inside a word.
 */
export function fitAddress(
  widthAt: (text: string, size: number) => number,
  address: string,
  room: number,
  start: number,
  oneLineMin: number,
): { lines: string[]; size: number } {
  for (let size = start; size >= oneLineMin; size -= 0.5) {
    if (widthAt(address, size) <= room) return { lines: [address], size };
  }
  const cut = address.lastIndexOf('/', address.lastIndexOf('/') - 1) + 1;
  const lines = cut > 0 ? [address.slice(0, cut), address.slice(cut)] : [address];
  let size = start;
  while (size > 6 && lines.some((line) => widthAt(line, size) > room)) size -= 0.5;
  return { lines, size };
}

/** The QR code with the short address beside it in big type, and a line of small print. */
function drawFoot(doc: Doc, sheet: PrintSheet, at: Scale, qr: number, qrTop: number) {
  const { m, k, t, width, paper } = at;
  drawQrCode(doc, sheet.shortUrl, m, qrTop, qr);
  doc
    .lineWidth(1.5 * k)
    .rect(m, qrTop, qr, qr)
    .stroke(sheet.colour);
  const x = m + qr + 18 * k;
  const room = width - qr - 18 * k;
  doc
    .font(REGULAR)
    .fontSize(13 * t)
    .fillColor(INK)
    .text(toPdfText(sheet.callToAction), x, qrTop + 8 * k, { width: room });
  doc.font(BOLD);
  const fitted = fitAddress(
    (text, size) => doc.fontSize(size).widthOfString(text),
    sheet.writtenUrl,
    room,
    28 * t,
    20 * t,
  );
  doc.fontSize(fitted.size).fillColor(sheet.colour);
  let y = doc.y + 12 * k;
  for (const line of fitted.lines) {
    doc.text(line, x, y, { width: room, lineBreak: false });
    y = doc.y;
  }
  doc
    .font(REGULAR)
    .fontSize(9 * t)
    .fillColor(MUTED)
    .text(toPdfText(`${sheet.serviceName} · ${sheet.title}`), m, paper.height - m - 10 * k, {
      width,
      lineBreak: false,
      ellipsis: true,
      height: 12 * t,
    });
}
