// What the server says about an address the front end draws: 200 for one of the app's pages
// (shared/pages.ts), 404 for any other, and for a session's page its title and Event JSON-LD, so
// a crawler that runs no script still reads the event.

import {
  contentIn,
  isContentLanguage,
  matchAppPage,
  WAYS,
  type ContentLanguage,
  type FollowTarget,
} from '@fiveways/shared';
import { getArea } from '../areas/areas.queries.ts';
import type { SessionStore } from '../cache/session-store.ts';
import type { Db } from '../db/open-db.ts';
import { getGroup } from '../groups/groups.queries.ts';
import type { DescribePage, PageAnswer } from '../http/static.ts';
import { getSession } from '../sessions/sessions.queries.ts';
import { buildSessionEvent, jsonLdScript } from './session-event.ts';

export interface PageAnswersDeps {
  db: Db;
  sessionStore: SessionStore;
  publicUrl: string;
  clock: () => Date;
}

/** Languages written right to left. */
const RTL: ReadonlySet<ContentLanguage> = new Set<ContentLanguage>(['ur']);

/** The site's name, after a page's own in its title. */
const SITE_NAME = 'Five Ways Worcester';

export function createPageAnswers({
  db,
  sessionStore,
  publicUrl,
  clock,
}: PageAnswersDeps): DescribePage {
  function sessionPage(id: number, language: ContentLanguage | null): PageAnswer {
    // Archived sessions keep their page, which says they no longer run.
    const session = sessionStore.activeSession(id) ?? getSession(db, id);
    if (session === null) return { status: 404 };
    const group = session.group === null ? null : getGroup(db, session.group);
    const event = buildSessionEvent({
      session,
      venue: sessionStore.venue,
      group,
      publicUrl,
      now: clock(),
    });
    // A link shared from a page in Polish previews with the Polish title, where there is one.
    const title =
      language === null
        ? session.title
        : contentIn({ ...session, summary: session.description }, language).title;
    const answer: PageAnswer = { status: 200, title: `${title} · ${SITE_NAME}` };
    if (event !== null) answer.head = jsonLdScript(event);
    return answer;
  }

  /** The name of what a follow page's calendar holds, or null when it names nothing. */
  function followedName(target: FollowTarget): string | null {
    switch (target.kind) {
      case 'all':
        return 'All sessions';
      case 'ways':
        return WAYS.find((w) => w.slug === target.key)?.name ?? null;
      case 'venues':
        return sessionStore.venue(target.key)?.name ?? null;
      case 'areas':
        return getArea(db, target.key)?.name ?? null;
      case 'groups':
        return getGroup(db, target.key)?.name ?? null;
      case 'sessions': {
        const id = Number(target.key);
        return (sessionStore.activeSession(id) ?? getSession(db, id))?.title ?? null;
      }
    }
  }

  return function describePage(path: string, query?: URLSearchParams): PageAnswer {
    const page = matchAppPage(path);
    if (page === null) return { status: 404 };
    // A phone page asked for in another language says so before any script runs.
    const asked = query?.get('lang') ?? '';
    const language = isContentLanguage(asked) ? asked : null;
    const lang =
      language === null
        ? {}
        : ({ lang: { tag: language, dir: RTL.has(language) ? 'rtl' : 'ltr' } } as const);
    if (page.name === 'session') {
      const answer = sessionPage(Number(page.id), language);
      return answer.status === 200 ? { ...answer, ...lang } : answer;
    }
    if (page.name === 'follow') {
      const name = followedName(page.target);
      return name === null
        ? { status: 404 }
        : { status: 200, title: `Follow ${name} · ${SITE_NAME}`, ...lang };
    }
    if (page.name === 'subscribe' || page.name === 'privacy' || page.name === 'suggest') {
      return { status: 200, ...lang };
    }
    return { status: 200 };
  };
}
