import { feedPathOf } from '@fiveways/shared/pages';
import { describe, expect, it } from 'vitest';
import { buildFeedLinks, calendarFileUrl, followPageUrl, sessionPageUrl } from './feed-links.ts';

describe('buildFeedLinks', () => {
  it('gives the https feed, its webcal twin, and encoded Google Calendar and Outlook links', () => {
    const links = buildFeedLinks(
      'https://fiveways.example',
      feedPathOf({ kind: 'ways', key: 'be-active' }),
      'Be Active',
    );
    expect(links).toEqual({
      https: 'https://fiveways.example/feeds/ways/be-active.ics',
      webcal: 'webcal://fiveways.example/feeds/ways/be-active.ics',
      google:
        'https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Ffiveways.example%2Ffeeds%2Fways%2Fbe-active.ics',
      outlook:
        'https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Ffiveways.example%2Ffeeds%2Fways%2Fbe-active.ics&name=Be%20Active',
    });
    expect(new URL(links.outlook).searchParams.get('url')).toBe(links.https);
    expect(new URL(links.outlook).searchParams.get('name')).toBe('Be Active');
  });

  it('keeps the port of a local address and turns http into webcal', () => {
    const links = buildFeedLinks(
      'http://localhost:8787',
      feedPathOf({ kind: 'venues', key: 'tolladine-hub' }),
      'Tolladine',
    );
    expect(links.https).toBe('http://localhost:8787/feeds/venues/tolladine-hub.ics');
    expect(links.webcal).toBe('webcal://localhost:8787/feeds/venues/tolladine-hub.ics');
  });

  it('encodes a feed query string inside cid so Google does not read it as its own', () => {
    const links = buildFeedLinks(
      'https://fiveways.example',
      '/feeds/all.ics?way=give&area=warndon',
      'Give, Warndon & more',
    );
    expect(links.google).toBe(
      'https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Ffiveways.example%2Ffeeds%2Fall.ics%3Fway%3Dgive%26area%3Dwarndon',
    );
    expect(new URL(links.google).searchParams.get('cid')).toBe(links.webcal);
    expect(new URL(links.outlook).searchParams.get('name')).toBe('Give, Warndon & more');
  });
});

describe('addresses for a phone', () => {
  const PUBLIC = 'https://fiveways.example';

  it('are https pages on the public address, in the visitor’s language', () => {
    expect(followPageUrl(PUBLIC, { kind: 'all' }, 'en')).toBe(
      'https://fiveways.example/follow/all',
    );
    expect(followPageUrl(PUBLIC, { kind: 'ways', key: 'give' }, 'ur')).toBe(
      'https://fiveways.example/follow/ways/give?lang=ur',
    );
    expect(followPageUrl(PUBLIC, { kind: 'sessions', key: '12' }, 'en')).toBe(
      'https://fiveways.example/follow/sessions/12',
    );
    expect(sessionPageUrl(PUBLIC, 12, 'pl')).toBe('https://fiveways.example/sessions/12?lang=pl');
    expect(calendarFileUrl('http://127.0.0.1:8821', 12)).toBe(
      'http://127.0.0.1:8821/feeds/sessions/12.ics',
    );
  });
});
