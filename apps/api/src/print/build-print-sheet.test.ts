import { describe, expect, it } from 'vitest';
import { describeDates, longDayMonth } from './build-print-sheet.ts';
import { shortDescription } from './print.routes.ts';
import { fitAddress, toPdfText } from './render-print-pdf.ts';

describe("a poster's dates", () => {
  it('name the weekday once when they share it, and each month once', () => {
    expect(describeDates(['2026-11-24', '2026-12-01', '2026-12-08'])).toBe(
      'Tuesdays 24 Nov, 1, 8 Dec',
    );
    expect(describeDates(['2026-11-24'])).toBe('Tuesday 24 Nov');
    expect(
      describeDates(['2026-11-24', '2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22']),
    ).toBe('Tuesdays 24 Nov, 1, 8, 15 Dec and more');
  });

  it('say the weekdays of a session that meets on several', () => {
    expect(describeDates(['2026-11-23', '2026-11-26', '2026-11-30', '2026-12-03'])).toBe(
      'Mondays and Thursdays from 23 Nov',
    );
  });

  it('list one-offs on different days with their weekdays', () => {
    expect(describeDates(['2026-11-23', '2026-11-25'])).toBe('Mon 23 Nov, Wed 25 Nov');
    expect(describeDates([])).toBe('');
  });

  it('head a day of the week sheet without the year', () => {
    expect(longDayMonth('2026-12-02')).toBe('Wednesday 2 December');
  });
});

describe('text for the PDF standard fonts', () => {
  it('keeps English, Western European letters and typographic punctuation', () => {
    expect(toPdfText('Café “Knit & Natter” – 10:00–11:00 · £2, it’s free')).toBe(
      'Café “Knit & Natter” – 10:00–11:00 · £2, it’s free',
    );
  });

  it('keeps Latin-1 accents, writes other Latin letters plainly and anything else as ?', () => {
    expect(toPdfText('Łódź Spółdzielnia, Brașov')).toBe('Lódz Spóldzielnia, Brasov');
    expect(toPdfText('اردو')).toBe('????');
    expect(toPdfText('  two\n lines\t')).toBe('two lines');
  });
});

describe('the short address beside the code', () => {
  const widthAt = (text: string, size: number) => text.length * size * 0.55;

  it('stays on one line while it fits at a large size', () => {
    expect(fitAddress(widthAt, 'example.org/w/give/p', 300, 28, 20)).toEqual({
      lines: ['example.org/w/give/p'],
      size: 27,
    });
  });

  it('breaks after the kind, never inside a name, when one line would be too small', () => {
    const fitted = fitAddress(
      widthAt,
      'fiveways.example.org/h/gorse-hill-community-centre/s',
      300,
      28,
      20,
    );
    expect(fitted.lines).toEqual(['fiveways.example.org/h/', 'gorse-hill-community-centre/s']);
    expect(fitted.size).toBeGreaterThanOrEqual(18);
  });
});

describe("a poster's line about a group or an area", () => {
  it('is the first sentence, cut at a word when long', () => {
    expect(shortDescription('Walks for all. Meet at the hub.')).toBe('Walks for all.');
    const long = shortDescription('word '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(160);
    expect(long.endsWith('word…')).toBe(true);
  });
});
