import { describe, expect, it } from 'vitest';
import { chooseVoice, speechChunks, type VoiceLike } from './speech-text.ts';

const voice = (lang: string, extra: Partial<VoiceLike> = {}): VoiceLike => ({
  lang,
  name: lang,
  localService: false,
  default: false,
  ...extra,
});

describe('chooseVoice', () => {
  it('has none for a language the device cannot speak', () => {
    expect(chooseVoice([voice('en-GB'), voice('pl-PL')], 'ur')).toBeNull();
    expect(chooseVoice([], 'en')).toBeNull();
  });

  it('takes a voice of the language, whatever its region or spelling', () => {
    expect(chooseVoice([voice('en-GB'), voice('ro_RO')], 'ro')?.lang).toBe('ro_RO');
    expect(chooseVoice([voice('UR-in')], 'ur')?.lang).toBe('UR-in');
  });

  it('prefers a voice on the device, then the UK dialect, then the default', () => {
    const us = voice('en-US', { localService: true });
    const gbOnline = voice('en-GB');
    expect(chooseVoice([gbOnline, us], 'en')).toBe(us);
    const gb = voice('en-GB', { localService: true });
    expect(chooseVoice([us, gb], 'en')).toBe(gb);
    const plDefault = voice('pl-PL', { default: true, name: 'b' });
    expect(chooseVoice([voice('pl-PL', { name: 'a' }), plDefault], 'pl')).toBe(plDefault);
  });
});

describe('speechChunks', () => {
  it('reads the title, then each line, with a pause at the end of each', () => {
    expect(
      speechChunks(
        'Time to Talk',
        'Time to Talk\nNext dates\n\nToday\n10:00 to 12:00\nToday\n  Where?  \n',
      ),
    ).toEqual(['Time to Talk. Next dates. Today. 10:00 to 12:00. Today. Where?']);
  });

  it('keeps Urdu full stops and splits long text into pieces a voice reads whole', () => {
    expect(speechChunks('آج یہاں', 'بس آ جائیں۔')).toEqual(['آج یہاں. بس آ جائیں۔']);
    const sentence = 'This is a sentence of about fifty characters long.';
    const chunks = speechChunks('Title', Array.from({ length: 12 }, () => sentence).join(' '));
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(220);
    expect(chunks.join(' ')).toContain(sentence);
  });
});
