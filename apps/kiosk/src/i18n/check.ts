// Run by the build (vite.config.ts) and by a unit test: a missing or extra key stops both.
import { en } from './en.ts';
import { pl } from './pl.ts';
import { ro } from './ro.ts';
import { ur } from './ur.ts';

/** Problems with the translation files, one plain sentence each; empty when complete. */
export function findTranslationProblems(): string[] {
  const reference = Object.keys(en);
  const problems: string[] = [];
  const files: Record<string, Record<string, string>> = { pl, ro, ur };
  for (const [name, messages] of Object.entries(files)) {
    const keys = new Set(Object.keys(messages));
    for (const key of reference) {
      if (!keys.has(key)) problems.push(`${name}: missing "${key}"`);
      else if ((messages[key] ?? '').trim() === '') problems.push(`${name}: "${key}" is empty`);
    }
    for (const key of keys) if (!(key in en)) problems.push(`${name}: unknown key "${key}"`);
    for (const key of reference) {
      const want = placeholders(en[key as keyof typeof en]);
      const got = placeholders(messages[key] ?? '');
      if (keys.has(key) && want !== got) problems.push(`${name}: "${key}" needs ${want || 'none'}`);
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
