import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ContactSchema,
  findTextProblem,
  isLocalDate,
  LocalTimeSchema,
  normaliseText,
  pageOf,
  SlugSchema,
  text,
} from './common.ts';

describe('isLocalDate', () => {
  it('accepts real dates and leap days', () => {
    expect(isLocalDate('2027-03-30')).toBe(true);
    expect(isLocalDate('2028-02-29')).toBe(true);
  });

  it('rejects impossible or badly written dates', () => {
    for (const bad of [
      '2027-02-30',
      '2027-02-29',
      '2027-13-01',
      '2027-00-10',
      '2027-3-30',
      '30/03/2027',
      '',
    ]) {
      expect(isLocalDate(bad), bad).toBe(false);
    }
  });
});

describe('LocalTimeSchema', () => {
  it('accepts 00:00 to 23:59 and rejects 24:00 and loose forms', () => {
    expect(LocalTimeSchema.safeParse('00:00').success).toBe(true);
    expect(LocalTimeSchema.safeParse('23:59').success).toBe(true);
    for (const bad of ['24:00', '9:30', '10:60', '10:00:00', '10.30']) {
      expect(LocalTimeSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('SlugSchema and text', () => {
  it('accepts lower-case dashed slugs only', () => {
    expect(SlugSchema.safeParse('gorse-hill-hub').success).toBe(true);
    for (const bad of ['Gorse-Hill', 'gorse--hill', '-hub', 'hub-', 'gorse hill', '']) {
      expect(SlugSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('trims text and rejects control characters and overlong text', () => {
    const title = text('Title', 10);
    expect(title.parse('  Café  ')).toBe('Café');
    expect(title.safeParse('bad\u0007bell').success).toBe(false);
    expect(title.safeParse('far too long a title').success).toBe(false);
    expect(text('Notes', 100, 'paragraphs').parse('line one\nline two')).toBe('line one\nline two');
  });
});

/** Every way a line can end, as calendars, browsers and JSON readers see it. */
const LINE_BREAKS = ['\n', '\r', '\r\n', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029'];
const CONTROLS = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0080', '\u009b', '\ud800', '\udfff'];

describe('text on one line', () => {
  const title = text('Title', 120);

  it('refuses every kind of line break inside it, saying so and naming the field', () => {
    for (const br of LINE_BREAKS) {
      const result = title.safeParse(`Chair${br}yoga`);
      expect(result.success, JSON.stringify(br)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(
        'Title must be on one line: take out the line break',
      );
    }
  });

  it('refuses tabs, control characters and lone surrogates', () => {
    for (const bad of ['\t', ...CONTROLS]) {
      const result = title.safeParse(`Chair${bad}yoga`);
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/^Title contains/);
    }
  });

  it('trims line breaks and spaces at either end, and keeps every script, emoji and bidi mark', () => {
    expect(title.parse('\r\n  Chair yoga \u2028')).toBe('Chair yoga');
    for (const good of [
      'Café, chat; and \\ more',
      'Spotkanie przy kawie — zażółć',
      'کافی اور گپ شپ',
      '👩🏽‍🤝‍👩🏻 🫖',
      '\u202eevil',
      'a\u00a0b',
    ]) {
      expect(title.parse(good)).toBe(good);
    }
  });

  it('never lets a line break or control character through, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc
            .array(fc.constantFrom(...LINE_BREAKS, ...CONTROLS, 'a', ' ', '\t'))
            .map((a) => a.join('')),
        ),
        (input) => {
          const result = title.safeParse(input);
          if (!result.success) return;
          // eslint-disable-next-line no-control-regex
          expect(result.data).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
          expect(result.data).not.toMatch(/[\ud800-\udfff]/u);
        },
      ),
    );
  });
});

describe('text in paragraphs', () => {
  const description = text('Description', 2000, 'paragraphs');

  it('keeps paragraphs, writing every kind of line break as \\n', () => {
    expect(description.parse('One.\r\n\r\nTwo.\rThree.\u2028Four.\u2029Five.\u0085Six.')).toBe(
      'One.\n\nTwo.\nThree.\nFour.\nFive.\nSix.',
    );
    expect(description.parse('Tabs\tstay.')).toBe('Tabs\tstay.');
  });

  it('refuses other control characters, naming the field', () => {
    for (const bad of [...CONTROLS, '\u000b', '\u000c']) {
      const result = description.safeParse(`One.${bad}Two.`);
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(
        'Description contains characters that cannot be shown',
      );
    }
  });

  it('never keeps a carriage return or a Unicode line separator, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        const result = description.safeParse(input);
        if (result.success) expect(result.data).not.toMatch(/[\r\u0085\u2028\u2029]/);
      }),
    );
  });
});

describe('normaliseText and findTextProblem', () => {
  it('are the rules the schemas use, for callers without zod', () => {
    expect(normaliseText(' a\r\nb ', 'paragraphs')).toBe('a\nb');
    expect(normaliseText(' a\r\nb ', 'line')).toBe('a\r\nb');
    expect(findTextProblem('a\nb', 'line')).toBe('must be on one line: take out the line break');
    expect(findTextProblem('a\nb', 'paragraphs')).toBeNull();
    expect(findTextProblem('plain', 'line')).toBeNull();
  });
});

describe('pageOf', () => {
  const items = [1, 2, 3, 4, 5];
  it('gives the whole list without a limit, and limit items from offset with one', () => {
    expect(pageOf(items, {})).toEqual(items);
    expect(pageOf(items, { limit: 2 })).toEqual([1, 2]);
    expect(pageOf(items, { limit: 2, offset: 2 })).toEqual([3, 4]);
    expect(pageOf(items, { limit: 10, offset: 4 })).toEqual([5]);
    expect(pageOf(items, { offset: 3 })).toEqual([4, 5]);
    expect(pageOf(items, { limit: 1, offset: 9 })).toEqual([]);
  });
});

describe('ContactSchema', () => {
  it('takes an empty website or an http(s) one, trimmed', () => {
    expect(ContactSchema.parse({}).website).toBe('');
    expect(ContactSchema.parse({ website: ' https://example.org/cafe ' }).website).toBe(
      'https://example.org/cafe',
    );
  });

  it('refuses any other website, naming the field in plain English', () => {
    for (const website of ['javascript:alert(1)', 'WIFI:T:WPA;S:x;P:y;;', 'www.example.org']) {
      const result = ContactSchema.safeParse({ website });
      expect(result.success, website).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({
        path: ['website'],
        message:
          'Website must be a web address starting with https:// or http://, for example https://example.org',
      });
    }
  });
});
