import { describe, expect, it } from 'vitest';
import { ContactSchema, isLocalDate, LocalTimeSchema, pageOf, SlugSchema, text } from './common.ts';

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
    expect(text('Notes', 100).parse('line one\nline two')).toBe('line one\nline two');
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
