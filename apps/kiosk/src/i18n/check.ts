// Run by the build (vite.config.ts) and by a unit test: a missing or extra key stops both, in the
// kiosk's words and in the phone pages' own.
import { en } from './en.ts';
import { pl } from './pl.ts';
import { publicEn } from './public/en.ts';
import { publicPl } from './public/pl.ts';
import { publicRo } from './public/ro.ts';
import { publicUr } from './public/ur.ts';
import { ro } from './ro.ts';
import { ur } from './ur.ts';
import { suggestEn } from './suggest/en.ts';
import { suggestPl } from './suggest/pl.ts';
import { suggestRo } from './suggest/ro.ts';
import { suggestUr } from './suggest/ur.ts';

type Catalogue = Readonly<Record<string, string>>;

/** Problems with the translation files, one plain sentence each; empty when complete. */
export function findTranslationProblems(): string[] {
  return [
    ...problemsOf(en, { pl, ro, ur }, ''),
    ...problemsOf(publicEn, { pl: publicPl, ro: publicRo, ur: publicUr }, 'public/'),
    ...problemsOf(suggestEn, { pl: suggestPl, ro: suggestRo, ur: suggestUr }, 'suggest/'),
  ];
}

function problemsOf(
  reference: Catalogue,
  files: Record<string, Catalogue>,
  folder: string,
): string[] {
  const keys = Object.keys(reference);
  const problems: string[] = [];
  for (const [language, messages] of Object.entries(files)) {
    const name = `${folder}${language}`;
    const has = new Set(Object.keys(messages));
    for (const key of keys) {
      if (!has.has(key)) problems.push(`${name}: missing "${key}"`);
      else if ((messages[key] ?? '').trim() === '') problems.push(`${name}: "${key}" is empty`);
    }
    for (const key of has) if (!(key in reference)) problems.push(`${name}: unknown key "${key}"`);
    for (const key of keys) {
      const want = placeholders(reference[key] ?? '');
      const got = placeholders(messages[key] ?? '');
      if (has.has(key) && want !== got) problems.push(`${name}: "${key}" needs ${want || 'none'}`);
    }
  }
  return problems;
}

function placeholders(text: string): string {
  return [...text.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');
}
