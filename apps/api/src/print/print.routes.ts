// GET /api/print/{kind}/{key}.pdf|.json?size=a4|a3|a5: posters (A4, A3), flyers (A5) and "this week
// at this hub" sheets for each way, venue, area and group. Public, like the feeds and occurrences
// they are made from: a partner or a hub can print one without an account. Each PDF is made once
// per content and kept in the read cache, so asking again costs a lookup, not a render.
import {
  PrintKindSchema,
  PrintQuerySchema,
  WAYS,
  type PrintKind,
  type PrintSheet,
} from '@fiveways/shared';
import { getArea } from '../areas/areas.queries.ts';
import type { ReadCache } from '../cache/read-cache.ts';
import type { SessionStore } from '../cache/session-store.ts';
import type { Db } from '../db/open-db.ts';
import { getGroup } from '../groups/groups.queries.ts';
import { hashOf } from '../http/compressed-body.ts';
import { notFound } from '../http/errors.ts';
import { matchingEtag } from '../http/negotiate.ts';
import { createRouter, validQuery } from '../http/router.ts';
import { readMeta } from '../meta/meta.queries.ts';
import { buildPrintSheet, type PrintSubject } from './build-print-sheet.ts';
import { renderPrintPdf } from './render-print-pdf.ts';

export interface PrintRoutesDeps {
  db: Db;
  cache: ReadCache;
  sessionStore: SessionStore;
  clock: () => Date;
  publicUrl: string;
}

/** A print's file name: a slug, then .pdf or .json. */
const FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(pdf|json)$/;

/** The first sentence or so of a description: a poster has room for a line or two. */
export function shortDescription(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[.!?])(\s|$)/.exec(flat)?.[1] ?? flat;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

const WHAT: Record<PrintKind, string> = {
  ways: 'way to wellbeing with that name',
  venues: 'venue with that name',
  areas: 'area with that name',
  groups: 'group with that name',
  week: 'venue with that name',
};

export function printRoutes({ db, cache, sessionStore, clock, publicUrl }: PrintRoutesDeps) {
  /** What the print is about, or null when the key names nothing. */
  function subjectOf(kind: PrintKind, key: string): PrintSubject | null {
    switch (kind) {
      case 'ways': {
        const way = WAYS.find((w) => w.slug === key);
        return way ? { title: way.name, subtitle: way.meaning, ways: [way.slug] } : null;
      }
      case 'venues':
      case 'week': {
        const venue = sessionStore.venue(key);
        if (venue === null) return null;
        const address = [venue.address, venue.postcode].filter((s) => s !== '').join(', ');
        return kind === 'week'
          ? { title: `This week at ${venue.name}`, subtitle: '', ways: [] }
          : { title: venue.name, subtitle: address, ways: [] };
      }
      case 'areas': {
        const area = getArea(db, key);
        if (area === null) return null;
        const subtitle =
          area.description === ''
            ? `Groups and sessions in ${area.name}`
            : shortDescription(area.description);
        return { title: area.name, subtitle, ways: [] };
      }
      case 'groups': {
        const group = getGroup(db, key);
        if (group === null) return null;
        return {
          title: group.name,
          subtitle: shortDescription(group.description),
          ways: group.ways,
        };
      }
    }
  }

  return createRouter().get('/print/:kind/:file', validQuery(PrintQuerySchema), async (c) => {
    const kind = PrintKindSchema.safeParse(c.req.param('kind'));
    if (!kind.success)
      throw notFound('print of that kind: choose ways, venues, areas, groups or week');
    const file = FILE.exec(c.req.param('file'));
    const key = file?.[1];
    const type = file?.[2];
    const subject = key === undefined ? null : subjectOf(kind.data, key);
    if (key === undefined || subject === null) throw notFound(WHAT[kind.data]);
    const now = clock();
    const sheet: PrintSheet = buildPrintSheet({
      kind: kind.data,
      key,
      size: c.req.valid('query').size,
      subject,
      sessions: sessionStore.sessions(),
      venues: sessionStore.venues(),
      now,
      publicUrl,
      sampleData: readMeta(db, 'sample_data') === '1',
    });
    const etag = `"${hashOf(`${type ?? ''}${JSON.stringify(sheet)}`)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'no-cache');
    const ifNoneMatch = c.req.header('if-none-match');
    if (ifNoneMatch !== undefined && matchingEtag(ifNoneMatch, [etag]) !== null) {
      return c.body(null, 304);
    }
    if (type === 'json') return c.json(sheet);
    // The same content gives the same bytes: made once, kept until the next write.
    const kept = cache.memo(
      `print:${etag}`,
      () => {
        const entry = { bytes: 0, pdf: renderPrintPdf(sheet, { now }) };
        void entry.pdf.then(
          (pdf) => {
            entry.bytes = pdf.byteLength;
            cache.remeasure(`print:${etag}`);
          },
          () => undefined,
        );
        return entry;
      },
      (entry) => entry.bytes,
    );
    const pdf = await kept.pdf;
    const name = `${key}-${sheet.format}-${sheet.size}.pdf`;
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${name}"`,
    });
  });
}
