// What "Listen" reads and with which voice: plain functions, so they can be tested without a
// browser. use-listen.ts does the speaking.
import type { Language } from '../../i18n/index.ts';

/** What the kiosk needs to know of a device voice (SpeechSynthesisVoice has more). */
export interface VoiceLike {
  lang: string;
  name: string;
  localService: boolean;
  default: boolean;
}

/** The dialect to prefer when a device has several: UK English, Pakistani Urdu. */
const PREFERRED_REGION: Partial<Record<Language, string>> = { en: 'gb', ur: 'pk' };

/**
 * The device voice for a language, or null when it has none (then Listen is not offered: an
 * English voice reading Urdu text helps no one). A voice on the device beats one that needs the
 * network; the preferred dialect beats the others.
 */
export function chooseVoice(voices: readonly VoiceLike[], language: Language): VoiceLike | null {
  const fitting = voices.filter(
    (v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === language,
  );
  const region = PREFERRED_REGION[language];
  const score = (v: VoiceLike) =>
    (v.localService ? 4 : 0) +
    (region !== undefined && v.lang.toLowerCase().replace('_', '-').endsWith(`-${region}`)
      ? 2
      : 0) +
    (v.default ? 1 : 0);
  let best: VoiceLike | null = null;
  for (const v of fitting) if (best === null || score(v) > score(best)) best = v;
  return best;
}

/** Longer pieces are split at sentence ends: some engines stop reading a long utterance part-way. */
const MAX_CHUNK = 220;

/**
 * The screen's text (its title and its main part's `innerText`, one line per block) as pieces to
 * speak: blank lines and lines said twice in a row dropped, each line ended with a full stop so voices pause.
 */
export function speechChunks(title: string, mainText: string): string[] {
  const lines: string[] = [];
  let previous = '';
  for (const raw of [title, ...mainText.split('\n')]) {
    const line = raw.replace(/\s+/g, ' ').trim();
    // A label said twice in a row (a heading and its button) is read once.
    if (line === '' || line === previous) continue;
    previous = line;
    lines.push(/[.!?؟۔:]$/.test(line) ? line : `${line}.`);
  }
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    for (const piece of splitLong(line)) {
      if (current !== '' && current.length + piece.length + 1 > MAX_CHUNK) {
        chunks.push(current);
        current = '';
      }
      current = current === '' ? piece : `${current} ${piece}`;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

function splitLong(line: string): string[] {
  if (line.length <= MAX_CHUNK) return [line];
  return line.split(/(?<=[.!?؟۔])\s+/).filter((s) => s !== '');
}
