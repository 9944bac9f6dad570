// "Listen": reads the screen's title and main part aloud with the device's voices (Web Speech API),
// in the visitor's language, and never goes on reading a screen the resident has left.
import type { RefObject } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Language } from '../../i18n/index.ts';
import { chooseVoice, speechChunks } from './speech-text.ts';

export interface Listen {
  speaking: boolean;
  toggle: () => void;
}

const synth = (): SpeechSynthesis | null =>
  typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;

/** The device's voices, again when they change (Chromium lists them only after a moment). */
function useVoices(): readonly SpeechSynthesisVoice[] {
  const [voices, setVoices] = useState<readonly SpeechSynthesisVoice[]>(
    () => synth()?.getVoices() ?? [],
  );
  useEffect(() => {
    const s = synth();
    if (!s) return;
    const update = () => setVoices(s.getVoices());
    update();
    s.addEventListener('voiceschanged', update);
    return () => s.removeEventListener('voiceschanged', update);
  }, []);
  return voices;
}

/**
 * Listen for this visit, or null when the device has no voice for the language (then there is no
 * button). Speech stops whenever `screenKey` changes, the language changes or the visit ends.
 */
export function useListen(
  language: Language,
  screenKey: unknown,
  root: RefObject<HTMLElement | null>,
): Listen | null {
  const voices = useVoices();
  const voice = chooseVoice(voices, language);
  const [speaking, setSpeaking] = useState(false);
  // Each reading has its own number, so the end of one that was stopped never ends the next.
  const reading = useRef(0);

  const stop = useCallback(() => {
    reading.current += 1;
    setSpeaking(false);
    synth()?.cancel();
  }, []);

  useEffect(() => stop, [screenKey, language, stop]);

  const speak = useCallback(() => {
    const s = synth();
    const el = root.current;
    if (!s || !el || !voice) return;
    s.cancel();
    const title = el.querySelector('.top-bar h1')?.textContent ?? '';
    const main = el.querySelector<HTMLElement>('main');
    const chunks = speechChunks(title, main?.innerText ?? '');
    if (chunks.length === 0) return;
    const mine = ++reading.current;
    chunks.forEach((text, i) => {
      const u = new SpeechSynthesisUtterance(text);
      // The chosen voice is one of the device's own, so this names it exactly.
      const deviceVoice = s.getVoices().find((v) => v.name === voice.name && v.lang === voice.lang);
      if (deviceVoice) u.voice = deviceVoice;
      u.lang = voice.lang;
      u.rate = 0.9;
      if (i === chunks.length - 1) {
        const done = () => {
          if (reading.current === mine) setSpeaking(false);
        };
        u.addEventListener('end', done);
        u.addEventListener('error', done);
      }
      s.speak(u);
    });
    setSpeaking(true);
  }, [root, voice]);

  if (!voice) return null;
  return { speaking, toggle: speaking ? stop : speak };
}
