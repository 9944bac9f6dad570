import { describe, expect, it } from 'vitest';
import { parseCsv } from '../test-support.ts';
import { csvCell, toCsv } from './csv.ts';

describe('csvCell', () => {
  it('quotes every cell, doubling quotes, line breaks kept inside', () => {
    expect(csvCell('Chair yoga')).toBe('"Chair yoga"');
    expect(csvCell('')).toBe('""');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(12)).toBe('"12"');
    expect(csvCell('Tea, "talk" and cake')).toBe('"Tea, ""talk"" and cake"');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
  });

  it('defuses anything a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}cmd|' /C calc'!A0`)).toMatch(/^"'/);
    }
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    // Only the start counts: an equals sign inside is harmless.
    expect(csvCell('2 + 2 = 4')).toBe('"2 + 2 = 4"');
  });
});

describe('toCsv', () => {
  it('reads back cell for cell, hostile titles included, with nothing left to run', () => {
    const header = ['Title', 'Reason'];
    const hostile = [
      ['Tea, cake and "chat"', 'Line one\nline two'],
      ["=cmd|' /C calc'!A0", '+44 1905 000000'],
      ['@SUM(A1:A2)', '-2'],
      ['Crlf\r\ninside', 'end'],
    ];
    const text = toCsv(header, hostile);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const back = parseCsv(text.slice(1));
    expect(back).toHaveLength(hostile.length + 1);
    expect(back[0]).toEqual(header);
    expect(back[1]).toEqual(['Tea, cake and "chat"', 'Line one\nline two']);
    expect(back[2]).toEqual(["'=cmd|' /C calc'!A0", "'+44 1905 000000"]);
    expect(back[3]).toEqual(["'@SUM(A1:A2)", "'-2"]);
    expect(back[4]).toEqual(['Crlf\r\ninside', 'end']);
    for (const row of back) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
