// The email that tells a suggester what became of their suggestion, in the language they used.
import type { SuggestionLanguage } from '@fiveways/shared';
import type { OutgoingMail } from './mailer.ts';

export type Outcome =
  | { status: 'approved' | 'merged'; groupSlug: string; groupName: string }
  | { status: 'declined'; reason: string };

interface Words {
  subject: string;
  greeting: string;
  approved: string;
  merged: string;
  declined: string;
  see: string;
  deleted: string;
  signOff: string;
}

const WORDS: Record<SuggestionLanguage, Words> = {
  en: {
    subject: 'Your suggestion: {name}',
    greeting: 'Thank you for suggesting “{name}” to Five Ways Worcester.',
    approved: 'Good news: it is now in the directory as “{group}”.',
    merged:
      'We already list it, or something very like it, as “{group}”, and have used what you told us.',
    declined: 'We have decided not to add it to the directory. The reason: {reason}',
    see: 'See it and follow its dates here: {link}',
    deleted:
      'You asked for a reply, so we kept your email address until now. It has now been deleted.',
    signOff: 'Five Ways Worcester',
  },
  pl: {
    subject: 'Twoja propozycja: {name}',
    greeting: 'Dziękujemy za zaproponowanie „{name}” w Five Ways Worcester.',
    approved: 'Dobra wiadomość: jest już w katalogu jako „{group}”.',
    merged:
      'Mamy już to, lub coś bardzo podobnego, jako „{group}” i wykorzystaliśmy Twoje informacje.',
    declined: 'Postanowiliśmy nie dodawać tego do katalogu. Powód: {reason}',
    see: 'Zobacz i obserwuj terminy tutaj: {link}',
    deleted:
      'Poprosiłeś(-aś) o odpowiedź, więc przechowywaliśmy Twój adres e-mail do teraz. Został już usunięty.',
    signOff: 'Five Ways Worcester',
  },
  ro: {
    subject: 'Sugestia dumneavoastră: {name}',
    greeting: 'Vă mulțumim că ați sugerat „{name}” pentru Five Ways Worcester.',
    approved: 'Vești bune: este acum în director ca „{group}”.',
    merged: 'Îl avem deja, sau ceva foarte asemănător, ca „{group}” și am folosit ce ne-ați spus.',
    declined: 'Am decis să nu îl adăugăm în director. Motivul: {reason}',
    see: 'Vedeți-l și urmăriți datele aici: {link}',
    deleted:
      'Ați cerut un răspuns, așa că am păstrat adresa de e-mail până acum. Acum a fost ștearsă.',
    signOff: 'Five Ways Worcester',
  },
  ur: {
    subject: 'آپ کی تجویز: {name}',
    greeting: 'Five Ways Worcester کو “{name}” تجویز کرنے کا شکریہ۔',
    approved: 'خوشخبری: یہ اب ڈائریکٹری میں “{group}” کے نام سے شامل ہے۔',
    merged:
      'یہ، یا اس سے بہت ملتا جلتا، ہمارے پاس پہلے سے “{group}” کے نام سے ہے، اور ہم نے آپ کی دی ہوئی معلومات استعمال کی ہیں۔',
    declined: 'ہم نے اسے ڈائریکٹری میں شامل نہ کرنے کا فیصلہ کیا ہے۔ وجہ: {reason}',
    see: 'اسے دیکھیں اور اس کی تاریخیں یہاں فالو کریں: {link}',
    deleted:
      'آپ نے جواب مانگا تھا، اس لیے ہم نے آپ کا ای میل پتہ اب تک رکھا۔ اب اسے حذف کر دیا گیا ہے۔',
    signOff: 'Five Ways Worcester',
  },
};

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The message for one decision, addressed to `to`. */
export function composeOutcomeEmail(
  to: string,
  suggestion: { name: string; language: SuggestionLanguage },
  outcome: Outcome,
  publicUrl: string,
): OutgoingMail {
  const w = WORDS[suggestion.language];
  const lang = suggestion.language === 'en' ? '' : `?lang=${suggestion.language}`;
  const values: Record<string, string> =
    outcome.status === 'declined'
      ? { name: suggestion.name, reason: outcome.reason }
      : {
          name: suggestion.name,
          group: outcome.groupName,
          link: new URL(`/follow/groups/${outcome.groupSlug}${lang}`, publicUrl).href,
        };
  const lines =
    outcome.status === 'declined'
      ? [w.greeting, w.declined]
      : [w.greeting, outcome.status === 'approved' ? w.approved : w.merged, w.see];
  return {
    to,
    subject: fill(w.subject, values),
    text: `${[...lines, w.deleted, w.signOff].map((l) => fill(l, values)).join('\n\n')}\n`,
    language: suggestion.language,
  };
}
