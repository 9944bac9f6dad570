// Text staff wrote (titles, descriptions, names, notes) shown inside a page in another language:
// marked with its own language and direction, so an English sentence on an Urdu page keeps its
// full stop at its end and is read by an English voice, and a translation replaces it when given.
import type { Session } from '@fiveways/shared';
import { contentIn, type ContentIn } from '@fiveways/shared/content-language';
import '../styles/content-note.css';

/** `lang` and `dir="auto"` for a piece of staff text in `lang` ("en" unless translated). */
export function contentAttrs(lang: string): { lang: string; dir: 'auto' } {
  return { lang, dir: 'auto' };
}

/** Staff text that has no translation: English, in its own direction. */
export const ENGLISH_CONTENT = contentAttrs('en');

/** A session's title and description in the visitor's language, where staff translated them. */
export function sessionContent(
  session: Pick<Session, 'title' | 'description' | 'translations'>,
  language: string,
): ContentIn {
  return contentIn(
    { title: session.title, summary: session.description, translations: session.translations },
    language,
  );
}

/** A group's name and description in the visitor's language, where staff translated them. */
export function groupContent(
  group: { name: string; description: string; translations?: Session['translations'] },
  language: string,
): ContentIn {
  return contentIn(
    { title: group.name, summary: group.description, translations: group.translations },
    language,
  );
}

const byId = new WeakMap<readonly Session[], Map<number, Session>>();

/** The session with this id, found once per list (cards look theirs up on every render). */
export function sessionById(sessions: readonly Session[], id: number): Session | undefined {
  let index = byId.get(sessions);
  if (index === undefined) {
    index = new Map(sessions.map((s) => [s.id, s]));
    byId.set(sessions, index);
  }
  return index.get(id);
}
