// The print kit: choose a way, hub, area or group (or a hub's week) and a paper size, see the
// poster, download it as a PDF made on the server, or print this page's copy from the browser.
import {
  PRINT_KINDS,
  PRINT_SIZES,
  WAY_ICON_PATHS,
  type PrintKind,
  type PrintSheet,
  type PrintSize,
  type WaySlug,
} from '@fiveways/shared';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { getParsed } from '../../common/api-client.ts';
import { useLoad } from '../../common/use-load.ts';
import { QrCode } from '../../components/qr-code.tsx';
import { SelectField } from '../components/form-fields.tsx';
import { LoadState, Page } from '../components/page.tsx';
import '../print.css';

const KIND_LABELS: Record<PrintKind, string> = {
  ways: 'A way to wellbeing',
  venues: 'A hub or venue',
  areas: 'An area',
  groups: 'A group',
  week: 'This week at a hub (sheet)',
};

const KEY_LABELS: Record<PrintKind, string> = {
  ways: 'Way',
  venues: 'Hub or venue',
  areas: 'Area',
  groups: 'Group',
  week: 'Hub or venue',
};

const SIZE_LABELS: Record<PrintSize, string> = {
  a4: 'A4 poster',
  a3: 'A3 poster',
  a5: 'A5 flyer',
};

/** Paper in millimetres, for @page and the preview. */
const PAPER_MM: Record<PrintSize, { width: number; height: number }> = {
  a3: { width: 297, height: 420 },
  a4: { width: 210, height: 297 },
  a5: { width: 148, height: 210 },
};

interface Choices {
  ways: { value: string; label: string }[];
  venues: { value: string; label: string }[];
  areas: { value: string; label: string }[];
  groups: { value: string; label: string }[];
}

function WayMark({ way, size }: { way: WaySlug; size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <path
        d={WAY_ICON_PATHS[way]}
        fill="none"
        stroke="currentColor"
        stroke-width="3.5"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

/** The address in two pieces that each stay whole: "example.org/w/" and "be-active/p". */
function splitAddress(written: string): [string, string] {
  const cut = written.lastIndexOf('/', written.lastIndexOf('/') - 1) + 1;
  return cut > 0 ? [written.slice(0, cut), written.slice(cut)] : [written, ''];
}

/**
 * The poster as HTML, at its paper size: what the browser prints. Lines that do not fit above the
 * QR code are hidden after drawing, and counted in "And N more", as the PDF does.
 */
function PrintSheetView({ sheet }: { sheet: PrintSheet }) {
  const body = useRef<HTMLDivElement>(null);
  const moreLine = useRef<HTMLParagraphElement>(null);
  const [hidden, setHidden] = useState(0);
  useLayoutEffect(() => {
    const box = body.current;
    const line = moreLine.current;
    if (box === null || line === null) return;
    const items = [...box.querySelectorAll<HTMLElement>('li')];
    for (const item of items) item.hidden = false;
    // Measured with the "and more" line showing, so it always has room.
    line.hidden = false;
    let count = 0;
    while (box.scrollHeight > box.clientHeight + 1 && count < items.length) {
      const last = items[items.length - 1 - count];
      if (last !== undefined) last.hidden = true;
      count += 1;
    }
    line.hidden = sheet.more + count === 0 || sheet.empty !== null;
    setHidden(count);
  }, [sheet]);
  const more = sheet.more + hidden;
  const [host, rest] = splitAddress(sheet.writtenUrl);
  return (
    <article
      class={`print-sheet print-sheet--${sheet.size} print-sheet--${sheet.format}`}
      style={{ '--sheet-colour': sheet.colour }}
      aria-label={`${sheet.title}: ${SIZE_LABELS[sheet.size]}`}
      data-short-url={sheet.shortUrl}
    >
      <header class="print-sheet__band">
        <div>
          <p class="print-sheet__service">{sheet.serviceName}</p>
          <p class="print-sheet__tagline">Five ways to wellbeing, near you</p>
        </div>
        <div class="print-sheet__icons">
          {sheet.ways.map((w) => (
            <WayMark key={w} way={w} size={44} />
          ))}
        </div>
      </header>
      <div class="print-sheet__body" ref={body}>
        {sheet.sampleData ? <p class="print-sheet__sample">{sheet.sampleDataText}</p> : null}
        <h2 class="print-sheet__title">{sheet.title}</h2>
        {sheet.subtitle ? <p class="print-sheet__subtitle">{sheet.subtitle}</p> : null}
        {sheet.empty !== null ? <p class="print-sheet__empty">{sheet.empty}</p> : null}
        {sheet.sections.map((section) => (
          <section key={section.heading} class="print-sheet__section">
            <h3>{section.heading}</h3>
            <ul>
              {section.items.map((item, i) => (
                <li key={`${item.title}-${i}`}>
                  {sheet.format === 'sheet' ? (
                    <>
                      <strong class="print-sheet__time">{item.when}</strong> {item.title}
                      {item.place ? ` (at ${item.place})` : ''}
                    </>
                  ) : (
                    <>
                      <strong>{item.title}</strong>
                      <span>{item.place ? `${item.when} · ${item.place}` : item.when}</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
        <p class="print-sheet__more" ref={moreLine} hidden={more === 0 || sheet.empty !== null}>
          And {more} more: scan the code to see them all.
        </p>
      </div>
      <footer class="print-sheet__foot">
        <QrCode value={sheet.shortUrl} label={`QR code for ${sheet.writtenUrl}`} size={180} />
        <p>
          {sheet.callToAction}
          <strong class="print-sheet__address">
            <span>{host}</span>
            <wbr />
            <span>{rest}</span>
          </strong>
        </p>
      </footer>
    </article>
  );
}

export function PrintPage() {
  const [kind, setKind] = useState<PrintKind>('ways');
  const [keys, setKeys] = useState<Partial<Record<PrintKind, string>>>({});
  const [size, setSize] = useState<PrintSize>('a4');

  const [choices] = useLoad(async (signal): Promise<Choices> => {
    const [ways, venues, areas, groups] = await Promise.all([
      getParsed('/api/ways', (s) => s.WayListSchema, signal),
      getParsed('/api/venues', (s) => s.VenueListSchema, signal),
      getParsed('/api/areas', (s) => s.AreaListSchema, signal),
      getParsed('/api/groups', (s) => s.GroupListSchema, signal),
    ]);
    return {
      ways: ways.map((w) => ({ value: w.slug, label: w.name })),
      venues: [...venues]
        .sort((a, b) => Number(b.isHub) - Number(a.isHub) || a.name.localeCompare(b.name))
        .map((v) => ({ value: v.slug, label: v.isHub ? `${v.name} (hub)` : v.name })),
      areas: areas.map((a) => ({ value: a.slug, label: a.name })),
      groups: groups.items.map((g) => ({ value: g.slug, label: g.name })),
    };
  }, 'print');

  const options = choices.status === 'ready' ? choices.data[kind === 'week' ? 'venues' : kind] : [];
  const key = keys[kind] ?? options[0]?.value ?? '';
  const base = `/api/print/${kind}/${key}`;
  const [sheet] = useLoad(
    (signal) =>
      key === ''
        ? Promise.reject(new Error('Nothing to print yet'))
        : getParsed(`${base}.json?size=${size}`, (s) => s.PrintSheetSchema, signal),
    `${base}|${size}`,
  );

  // The browser prints on the chosen paper, edge to edge: the sheet draws its own margins. A
  // constructed style sheet, because the content security policy refuses inline <style>.
  useEffect(() => {
    const page = new CSSStyleSheet();
    const paper = PAPER_MM[size];
    page.replaceSync(`@page { size: ${paper.width}mm ${paper.height}mm; margin: 0; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== page);
    };
  }, [size]);

  return (
    <Page
      title="Posters and flyers"
      lead={
        <p>
          Print a poster, flyer or this week’s sheet. Its QR code and short address count how many
          people it brings (only a count per day, nothing about them). Posters are in English.
        </p>
      }
    >
      {choices.status !== 'ready' ? (
        <LoadState loaded={choices} />
      ) : (
        <div class="print-kit">
          <form class="print-kit__choices no-print" onSubmit={(e) => e.preventDefault()}>
            <SelectField
              path="kind"
              label="What it is about"
              value={kind}
              options={PRINT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
              onChange={(v) => setKind(PRINT_KINDS.find((k) => k === v) ?? 'ways')}
            />
            <SelectField
              path="key"
              label={KEY_LABELS[kind]}
              value={key}
              options={options}
              onChange={(v) => setKeys({ ...keys, [kind]: v })}
            />
            <SelectField
              path="size"
              label="Paper"
              value={size}
              options={PRINT_SIZES.map((s) => ({ value: s, label: SIZE_LABELS[s] }))}
              onChange={(v) => setSize(PRINT_SIZES.find((s) => s === v) ?? 'a4')}
            />
            <div class="print-kit__actions">
              <a class="button" href={`${base}.pdf?size=${size}`} download>
                Download PDF
              </a>
              <button type="button" class="button button--secondary" onClick={() => window.print()}>
                Print from the browser
              </button>
            </div>
          </form>
          <div class={`print-kit__preview print-kit__preview--${size}`}>
            {sheet.status === 'ready' ? (
              <PrintSheetView sheet={sheet.data} />
            ) : (
              <LoadState loaded={sheet} />
            )}
          </div>
        </div>
      )}
    </Page>
  );
}
