import { describe, expect, it } from 'vitest';
import { buildFeedLinks, feedPaths } from './feed-links.ts';

describe('buildFeedLinks', () => {
  it('gives the https feed, its webcal twin and an encoded Google Calendar link', () => {
    const links = buildFeedLinks('https://fiveways.example', feedPaths.way('be-active'));
    expect(links).toEqual({
      https: 'https://fiveways.example/feeds/ways/be-active.ics',
      webcal: 'webcal://fiveways.example/feeds/ways/be-active.ics',
      google:
        'https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Ffiveways.example%2Ffeeds%2Fways%2Fbe-active.ics',
    });
  });

  it('keeps the port of a local origin and turns http into webcal', () => {
    const links = buildFeedLinks('http://localhost:8787', feedPaths.venue('tolladine-hub'));
    expect(links.https).toBe('http://localhost:8787/feeds/venues/tolladine-hub.ics');
    expect(links.webcal).toBe('webcal://localhost:8787/feeds/venues/tolladine-hub.ics');
  });

  it('encodes a feed query string inside cid so Google does not read it as its own', () => {
    const links = buildFeedLinks(
      'https://fiveways.example',
      '/feeds/all.ics?way=give&area=warndon',
    );
    expect(links.google).toBe(
      'https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Ffiveways.example%2Ffeeds%2Fall.ics%3Fway%3Dgive%26area%3Dwarndon',
    );
    expect(new URL(links.google).searchParams.get('cid')).toBe(links.webcal);
  });

  it('names each kind of feed by its path', () => {
    expect(feedPaths.all()).toBe('/feeds/all.ics');
    expect(feedPaths.area('gorse-hill')).toBe('/feeds/areas/gorse-hill.ics');
    expect(feedPaths.group('time-to-talk')).toBe('/feeds/groups/time-to-talk.ics');
    expect(feedPaths.session(42)).toBe('/feeds/sessions/42.ics');
  });
});
