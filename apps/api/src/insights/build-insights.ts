// The insights for a range: every table and the monthly summary, from the facts read out of the
// counting tables. Pure: no database, no clock.
import {
  SMALL_COUNT_BELOW,
  WAYS,
  describeCount,
  highestOf,
  isExactCount,
  lowestOf,
  type Count,
  type InsightPeriod,
  type InsightSummary,
  type InsightTable,
  type Insights,
} from '@fiveways/shared';
import {
  gatherCells,
  layOutTable,
  type Axis,
  type Cell,
  type Fact,
  type TableLayout,
} from './build-table.ts';
import {
  SOURCE_LABELS,
  SOURCE_ORDER,
  describeFilter,
  describeSearch,
  describeTarget,
  venueName,
  wayName,
  wayOf,
  type Names,
} from './insight-labels.ts';
import type {
  Conversation,
  FeedReach,
  KioskEvent,
  LinkVisit,
  SuggestionOutcome,
} from './insights.queries.ts';
import {
  bucketOf,
  bucketsOf,
  daysOfMonthIn,
  describeBucket,
  describeMonth,
  monthOf,
} from './periods.ts';
import { publishTotal } from './small-numbers.ts';

export interface InsightFacts {
  links: readonly Fact<LinkVisit>[];
  feeds: readonly Fact<FeedReach>[];
  kiosk: readonly Fact<KioskEvent>[];
  conversations: readonly Conversation[];
  suggestions: readonly SuggestionOutcome[];
}

export interface InsightRange {
  /** Already widened to whole pieces (periods.ts#widenToPieces). */
  from: string;
  to: string;
  per: InsightPeriod;
}

/** The most zero-result searches listed. */
export const TOP_SEARCHES = 25;

const WAY_AXES: Axis[] = WAYS.map((w) => ({ key: w.slug, label: w.name, way: w.slug }));

const KIOSK_MEASURES: Axis[] = [
  { key: 'visit', label: 'Visits' },
  { key: 'way', label: 'Ways tapped' },
  { key: 'filter', label: 'Filters chosen' },
  { key: 'session-opened', label: 'Sessions opened' },
  { key: 'take-home-shown', label: 'Take-home codes shown' },
  { key: 'zero-results', label: 'Searches that found nothing' },
];

const STATUS_AXES: Axis[] = [
  { key: 'new', label: 'Waiting for a decision' },
  { key: 'approved', label: 'Approved as a new group' },
  { key: 'merged', label: 'Merged into a group already listed' },
  { key: 'declined', label: 'Declined' },
];

const INTEREST_AXES: Axis[] = [
  { key: 'conversations', label: 'Conversations' },
  { key: 'took-home', label: 'Services or groups taken home' },
  { key: 'volunteering', label: 'Interested in volunteering' },
  { key: 'champion', label: 'Interested in becoming a Community Champion' },
  { key: 'panel', label: "Interested in the residents' panel" },
];

/** Distinct values in first-seen order, sorted by a preferred order and then by label. */
function axesOf(
  keys: Iterable<string>,
  labelOf: (key: string) => string,
  order: readonly string[] = [],
): Axis[] {
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  return [...new Set(keys)]
    .map((key) => ({ key, label: labelOf(key), way: wayOf(key) }))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.label.localeCompare(b.label, 'en-GB'));
}

function describePlace(key: string, names: Names): string {
  const [kind = '', venue = ''] = key.split('|');
  const at = venue === '' ? '' : venueName(venue, names);
  if (kind === 'clinic') return at === '' ? 'Clinics (no venue given)' : `Clinic at ${at}`;
  if (kind === 'hub') return at === '' ? 'Hubs (no venue given)' : at;
  return at === '' ? 'Elsewhere' : `Elsewhere: ${at}`;
}

function describePromoted(key: string, names: Names): string {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const id = key.slice(colon + 1);
  if (kind === 'group') return names.groups.get(id) ?? id;
  if (kind === 'session') return names.sessions.get(id) ?? `Session ${id}`;
  return key;
}

type Table = Omit<InsightTable, 'columns' | 'rows' | 'totals'>;

function table<D>(head: Table, cells: readonly Cell<D>[], layout: TableLayout<D>): InsightTable {
  return { ...head, ...layOutTable(cells, layout) };
}

/** The most of some counts, when it is certainly the most (a hidden count could not beat it). */
function certainTop<T>(items: readonly { item: T; count: Count }[]): T | null {
  const sorted = [...items].sort((a, b) => lowestOf(b.count) - lowestOf(a.count));
  const [top, ...rest] = sorted;
  if (!top || lowestOf(top.count) < SMALL_COUNT_BELOW) return null;
  return rest.every((r) => highestOf(r.count) < lowestOf(top.count)) ? top.item : null;
}

export function buildInsights(range: InsightRange, facts: InsightFacts, names: Names): Insights {
  const { from, to, per } = range;
  const buckets: Axis[] = bucketsOf(from, to, per).map((b) => ({
    key: b,
    label: describeBucket(b, per),
  }));
  const months: Axis[] = bucketsOf(from, to, 'month').map((m) => ({
    key: m,
    label: describeMonth(m),
  }));
  const rowHeading = per === 'week' ? 'Week' : 'Month';
  const overTime = { rowHeading, chart: 'over-time' as const };

  const links = gatherCells(facts.links, (d) => `${d.target}\u0000${d.source}`);
  const feeds = gatherCells(facts.feeds, (d) => d.feed);
  const kiosk = gatherCells(facts.kiosk, (d) => `${d.venue}\u0000${d.event}\u0000${d.detail}`);

  const conversationFacts: Fact<{ place: string; measure: string }>[] = [];
  const wayFacts: Fact<{ place: string; way: string }>[] = [];
  const promotedFacts: Fact<{ place: string; item: string }>[] = [];
  for (const c of facts.conversations) {
    const place = `${c.placeKind}|${c.venue}`;
    const measure = (m: string, value: number) =>
      conversationFacts.push({ day: c.day, dims: { place, measure: m }, value });
    measure('conversations', 1);
    measure('took-home', c.tookHome);
    measure('volunteering', c.volunteering ? 1 : 0);
    measure('champion', c.champion ? 1 : 0);
    measure('panel', c.panel ? 1 : 0);
    for (const way of new Set(c.ways))
      wayFacts.push({ day: c.day, dims: { place, way }, value: 1 });
    for (const p of c.promoted) {
      promotedFacts.push({ day: c.day, dims: { place, item: `${p.kind}:${p.key}` }, value: 1 });
    }
  }
  const talks = gatherCells(conversationFacts, (d) => `${d.place}\u0000${d.measure}`);
  const talkWays = gatherCells(wayFacts, (d) => `${d.place}\u0000${d.way}`);
  const promoted = gatherCells(promotedFacts, (d) => `${d.place}\u0000${d.item}`);
  const suggestions = gatherCells(
    facts.suggestions.map((s) => ({
      day: s.day,
      dims: { source: s.source, status: s.status },
      value: 1,
    })),
    (d) => `${d.source}\u0000${d.status}`,
  );

  const sources = axesOf(
    links.map((c) => c.dims.source),
    (s) => SOURCE_LABELS[s] ?? s,
    SOURCE_ORDER,
  );
  const targets = axesOf(
    links.map((c) => c.dims.target),
    (t) => describeTarget(t, names),
    ['all', ...WAYS.map((w) => `way:${w.slug}`)],
  );
  const feedWays: Axis[] = [
    { key: 'all', label: 'Everything' },
    ...WAY_AXES.map((w) => ({ ...w, key: `way:${w.key}` })),
  ];
  const feedAxes = axesOf(
    feeds.map((c) => c.dims.feed),
    (f) => describeTarget(f, names),
    feedWays.map((f) => f.key),
  );
  const kioskVenues = axesOf(
    kiosk.map((c) => c.dims.venue),
    (v) => venueName(v, names),
  );
  const filters = axesOf(
    kiosk.filter((c) => c.dims.event === 'filter').map((c) => c.dims.detail),
    (d) => describeFilter(d, names),
  );
  const places = axesOf(
    talks.map((c) => c.dims.place),
    (p) => describePlace(p, names),
  );
  const promotedItems = axesOf(
    promoted.map((c) => c.dims.item),
    (i) => describePromoted(i, names),
  );

  const tables: InsightTable[] = [
    table(
      {
        id: 'visits-by-source',
        section: 'reach',
        title: 'Short-address visits by where they came from',
        description:
          'Visits through the short addresses and QR codes, by the poster, flyer, sheet or link that carried them.',
        ...overTime,
      },
      links,
      {
        rows: buckets,
        columns: sources,
        place: (c) => ({ row: bucketOf(c.piece, per), column: c.dims.source }),
        rowTotals: true,
        columnTotals: true,
      },
    ),
    table(
      {
        id: 'visits-by-way',
        section: 'reach',
        title: 'Short-address visits by way',
        description: 'Visits through the short addresses of each way (/w/…), from any source.',
        ...overTime,
      },
      links,
      {
        rows: buckets,
        columns: WAY_AXES,
        place: (c) =>
          c.dims.target.startsWith('way:')
            ? { row: bucketOf(c.piece, per), column: c.dims.target.slice(4) }
            : null,
        rowTotals: true,
        columnTotals: true,
      },
    ),
    table(
      {
        id: 'visits-by-place',
        section: 'reach',
        title: 'Short-address visits by what they led to',
        description:
          'Every short address visited in the range (ways, hubs, areas, groups, sessions), by source.',
        rowHeading: 'Led to',
        chart: null,
      },
      links,
      {
        rows: targets,
        columns: sources,
        place: (c) => ({ row: c.dims.target, column: c.dims.source }),
        rowTotals: true,
        columnTotals: true,
      },
    ),
    table(
      {
        id: 'feeds-by-way',
        section: 'reach',
        title: 'Calendar apps following the feeds, by way',
        description:
          'Estimated calendar apps that checked each feed, counted once for each day they checked (app-days): divide by the days for a daily average.',
        ...overTime,
      },
      feeds,
      {
        rows: buckets,
        columns: feedWays,
        place: (c) => ({ row: bucketOf(c.piece, per), column: c.dims.feed }),
        rowTotals: true,
        columnTotals: true,
      },
    ),
    table(
      {
        id: 'feeds-by-feed',
        section: 'reach',
        title: 'Calendar apps following each feed',
        description:
          'App-days for every feed that was followed: everything, each way, hub, area, group and session.',
        rowHeading: 'Feed',
        chart: null,
      },
      feeds,
      {
        rows: feedAxes,
        columns: months,
        place: (c) => ({ row: c.dims.feed, column: monthOf(c.piece) }),
        rowTotals: true,
        columnTotals: true,
      },
    ),
    table(
      {
        id: 'kiosk-visits-by-hub',
        section: 'kiosk',
        title: 'Kiosk visits by home venue',
        description: 'Times a resident started using a kiosk, by the venue the kiosk belongs to.',
        ...overTime,
      },
      kiosk,
      {
        rows: buckets,
        columns: kioskVenues,
        place: (c) =>
          c.dims.event === 'visit' ? { row: bucketOf(c.piece, per), column: c.dims.venue } : null,
        rowTotals: true,
        columnTotals: true,
      },
    ),
    table(
      {
        id: 'kiosk-ways',
        section: 'kiosk',
        title: 'Kiosk taps per way',
        description: 'Times residents tapped each way at the kiosks.',
        ...overTime,
      },
      kiosk,
      {
        rows: buckets,
        columns: WAY_AXES,
        place: (c) =>
          c.dims.event === 'way' ? { row: bucketOf(c.piece, per), column: c.dims.detail } : null,
        rowTotals: true,
        columnTotals: true,
      },
    ),
    table(
      {
        id: 'kiosk-ways-by-hub',
        section: 'kiosk',
        title: 'Kiosk taps per way at each venue',
        description: 'Which ways residents tapped at each kiosk over the whole range.',
        rowHeading: 'Kiosk at',
        chart: null,
      },
      kiosk,
      {
        rows: kioskVenues,
        columns: WAY_AXES,
        place: (c) =>
          c.dims.event === 'way' ? { row: c.dims.venue, column: c.dims.detail } : null,
        rowTotals: true,
        columnTotals: true,
      },
    ),
    table(
      {
        id: 'kiosk-activity',
        section: 'kiosk',
        title: 'What residents did at each kiosk',
        description:
          'Visits, taps, filters, sessions opened, take-home codes shown and searches that found nothing, over the whole range.',
        rowHeading: 'Kiosk at',
        chart: null,
      },
      kiosk,
      {
        rows: kioskVenues,
        columns: KIOSK_MEASURES,
        place: (c) => ({ row: c.dims.venue, column: c.dims.event }),
        rowTotals: false,
        columnTotals: true,
      },
    ),
    table(
      {
        id: 'kiosk-filters',
        section: 'kiosk',
        title: 'Filters chosen at the kiosks',
        description: 'Which day, area and who-for choices residents made.',
        rowHeading: 'Filter',
        chart: null,
      },
      kiosk,
      {
        rows: filters,
        columns: [{ key: 'times', label: 'Times chosen' }],
        place: (c) => (c.dims.event === 'filter' ? { row: c.dims.detail, column: 'times' } : null),
        rowTotals: false,
        columnTotals: true,
      },
    ),
    topSearches(kiosk, names),
    table(
      {
        id: 'conversations',
        section: 'findings',
        title: "Community Champion's conversations by place",
        description: 'Conversations logged at clinics, hubs and elsewhere, by month.',
        rowHeading: 'Where',
        chart: null,
      },
      talks,
      {
        rows: places,
        columns: months,
        place: (c) =>
          c.dims.measure === 'conversations'
            ? { row: c.dims.place, column: monthOf(c.piece) }
            : null,
        rowTotals: true,
        columnTotals: true,
      },
    ),
    table(
      {
        id: 'conversation-ways',
        section: 'findings',
        title: 'Ways that came up in conversations',
        description:
          'Conversations in which each way came up (one conversation can raise several).',
        rowHeading: 'Way',
        chart: null,
      },
      talkWays,
      {
        rows: WAY_AXES,
        columns: months,
        place: (c) => ({ row: c.dims.way, column: monthOf(c.piece) }),
        rowTotals: true,
        columnTotals: false,
      },
    ),
    table(
      {
        id: 'services-promoted',
        section: 'findings',
        title: 'Services and groups promoted',
        description: 'Conversations in which the Champion promoted each group or session.',
        rowHeading: 'Service or group',
        chart: null,
      },
      promoted,
      {
        rows: promotedItems,
        columns: months,
        place: (c) => ({ row: c.dims.item, column: monthOf(c.piece) }),
        rowTotals: true,
        columnTotals: false,
      },
    ),
    table(
      {
        id: 'interest',
        section: 'findings',
        title: 'Taken home, and interest in getting involved',
        description: 'Counts only: who was interested is never shown here.',
        rowHeading: 'What',
        chart: null,
      },
      talks,
      {
        rows: INTEREST_AXES,
        columns: months,
        place: (c) => ({ row: c.dims.measure, column: monthOf(c.piece) }),
        rowTotals: true,
        columnTotals: false,
      },
    ),
    table(
      {
        id: 'suggestions',
        section: 'findings',
        title: 'Groups suggested, and what became of them',
        description:
          'Suggestions from residents and Champions by the month they arrived, and where each stands now.',
        rowHeading: 'Outcome',
        chart: null,
      },
      suggestions,
      {
        rows: STATUS_AXES,
        columns: months,
        place: (c) => ({ row: c.dims.status, column: monthOf(c.piece) }),
        rowTotals: true,
        columnTotals: true,
      },
    ),
  ];

  const summary = months.map((m) =>
    summariseMonth(m.key, range, { links, feeds, kiosk, talks, talkWays, suggestions }, names),
  );
  return { from, to, per, smallCountBelow: SMALL_COUNT_BELOW, summary, tables };
}

/** The searches that found nothing, most often first. */
function topSearches(kiosk: readonly Cell<KioskEvent>[], names: Names): InsightTable {
  const misses = kiosk.filter((c) => c.dims.event === 'zero-results');
  const byDetail = new Map<string, number[]>();
  for (const c of misses)
    byDetail.set(c.dims.detail, [...(byDetail.get(c.dims.detail) ?? []), c.value]);
  const ranked = [...byDetail.entries()]
    .map(([detail, values]) => ({
      detail,
      label: describeSearch(detail, names),
      count: publishTotal(values),
    }))
    .sort(
      (a, b) =>
        lowestOf(b.count) - lowestOf(a.count) ||
        highestOf(b.count) - highestOf(a.count) ||
        a.label.localeCompare(b.label, 'en-GB'),
    )
    .slice(0, TOP_SEARCHES);
  return {
    id: 'zero-results',
    section: 'kiosk',
    title: 'Searches that found nothing',
    description:
      'What residents looked for at the kiosks and found nothing: the gaps to fill. Most often first.',
    rowHeading: 'Looked for',
    chart: null,
    columns: [{ key: 'times', label: 'Times', way: null }],
    rows: ranked.map((r) => ({
      key: r.detail,
      label: r.label,
      way: wayOf(/(?:^|;)way=([^;]*)/.exec(r.detail)?.[1] ?? ''),
      values: [r.count],
      total: null,
    })),
    totals: { values: [publishTotal(misses.map((c) => c.value))], total: null },
  };
}

interface MonthCells {
  links: readonly Cell<LinkVisit>[];
  feeds: readonly Cell<FeedReach>[];
  kiosk: readonly Cell<KioskEvent>[];
  talks: readonly Cell<{ place: string; measure: string }>[];
  talkWays: readonly Cell<{ place: string; way: string }>[];
  suggestions: readonly Cell<{ source: string; status: string }>[];
}

function totalOf<D>(
  cells: readonly Cell<D>[],
  month: string,
  keep: (d: D) => boolean = () => true,
): Count {
  return publishTotal(
    cells.filter((c) => monthOf(c.piece) === month && keep(c.dims)).map((c) => c.value),
  );
}

function hasAny<D>(cells: readonly Cell<D>[], month: string): boolean {
  return cells.some((c) => monthOf(c.piece) === month);
}

/** "143 times", "fewer than 5 times". */
function times(count: Count): string {
  return `${describeCount(count)} times`;
}

function summariseMonth(
  month: string,
  range: InsightRange,
  cells: MonthCells,
  names: Names,
): InsightSummary {
  const { days, partial } = daysOfMonthIn(month, range.from, range.to);
  const label = describeMonth(month);
  const sentences: string[] = [];
  const when = partial ? `In ${label} (so far)` : `In ${label}`;

  if (hasAny(cells.feeds, month)) {
    const appDays = totalOf(cells.feeds, month);
    // Rounded when exact; rounded down when a hidden count means only a lower bound is known.
    const daily = isExactCount(appDays)
      ? Math.round(appDays / days)
      : Math.floor(lowestOf(appDays) / days);
    const perDay = isExactCount(appDays)
      ? `about ${daily.toLocaleString('en-GB')}`
      : `at least ${daily.toLocaleString('en-GB')}`;
    sentences.push(
      daily >= SMALL_COUNT_BELOW
        ? `${when}, ${perDay} calendar apps a day followed a Five Ways feed (${describeCount(appDays)} app-days in all).`
        : `${when}, calendar apps followed a Five Ways feed on ${describeCount(appDays)} app-days.`,
    );
  } else {
    sentences.push(`${when}, no calendar app was counted following a feed.`);
  }

  if (hasAny(cells.links, month)) {
    const visits = totalOf(cells.links, month);
    const bySource = SOURCE_ORDER.map((s) => ({
      item: s,
      count: totalOf(cells.links, month, (d) => d.source === s),
    }));
    const top = certainTop(bySource);
    const from =
      top === null ? '' : `, most of them from ${(SOURCE_LABELS[top] ?? top).toLowerCase()}`;
    sentences.push(
      `The short addresses on posters, flyers and sheets were visited ${times(visits)}${from}.`,
    );
  }

  if (hasAny(cells.kiosk, month)) {
    const visits = totalOf(cells.kiosk, month, (d) => d.event === 'visit');
    sentences.push(`Residents used the kiosks ${times(visits)}.`);
    const venues = [...new Set(cells.kiosk.map((c) => c.dims.venue))].sort();
    for (const venue of venues) {
      const taps = WAYS.map((w) => ({
        item: w.slug,
        count: totalOf(
          cells.kiosk,
          month,
          (d) => d.venue === venue && d.event === 'way' && d.detail === w.slug,
        ),
      }));
      const top = certainTop(taps);
      if (top !== null) {
        const where =
          venue === ''
            ? 'at kiosks with no home venue'
            : `at the kiosk at ${venueName(venue, names)}`;
        sentences.push(`The most-tapped way ${where} was ${wayName(top)}.`);
      }
    }
    const misses = new Map<string, number[]>();
    for (const c of cells.kiosk) {
      if (monthOf(c.piece) !== month || c.dims.event !== 'zero-results') continue;
      misses.set(c.dims.detail, [...(misses.get(c.dims.detail) ?? []), c.value]);
    }
    const shown = [...misses.entries()]
      .map(([detail, values]) => ({ detail, count: publishTotal(values) }))
      .filter((m) => lowestOf(m.count) >= SMALL_COUNT_BELOW)
      .sort((a, b) => lowestOf(b.count) - lowestOf(a.count))
      .slice(0, 3);
    if (shown.length > 0) {
      const parts = shown.map((m) => `${describeSearch(m.detail, names)} ${times(m.count)}`);
      sentences.push(`Residents looked for ${joinWords(parts)} and found nothing.`);
    }
  }

  if (hasAny(cells.talks, month)) {
    const talks = totalOf(cells.talks, month, (d) => d.measure === 'conversations');
    const ways = WAYS.map((w) => ({
      item: w.slug,
      count: totalOf(cells.talkWays, month, (d) => d.way === w.slug),
    }));
    const topWay = certainTop(ways);
    const most = topWay === null ? '' : `; the way that came up most was ${wayName(topWay)}`;
    sentences.push(`The Community Champion logged ${describeCount(talks)} conversations${most}.`);
    const interest = (m: string) =>
      describeCount(totalOf(cells.talks, month, (d) => d.measure === m));
    sentences.push(
      `Residents interested in volunteering: ${interest('volunteering')}; in becoming a Champion: ${interest('champion')}; in the residents' panel: ${interest('panel')}.`,
    );
  }

  if (hasAny(cells.suggestions, month)) {
    const all = totalOf(cells.suggestions, month);
    const of = (s: string) =>
      describeCount(totalOf(cells.suggestions, month, (d) => d.status === s));
    sentences.push(
      `${describeCount(all)} groups were suggested (approved: ${of('approved')}, merged: ${of('merged')}, declined: ${of('declined')}, waiting: ${of('new')}).`.replace(
        /^./,
        (first) => first.toUpperCase(),
      ),
    );
  }

  return { month, label, partial, text: sentences.join(' ') };
}

function joinWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join('; ')} and ${parts.at(-1) ?? ''}`;
}
