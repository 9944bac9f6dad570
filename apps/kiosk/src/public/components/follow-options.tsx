import { feedPathOf, type FollowTarget } from '@fiveways/shared/pages';
import { buildFeedLinks } from '../../common/feed-links.ts';
import { usePublic } from '../hooks/use-public.ts';
import { CopyLinkButton } from './copy-link-button.tsx';

export type Platform = 'apple' | 'android' | 'other';

/** Which calendar a device most likely has (iPadOS calls itself "Macintosh"). */
export function detectPlatform(userAgent: string): Platform {
  if (/Android/i.test(userAgent)) return 'android';
  if (/iPhone|iPad|iPod|Macintosh/i.test(userAgent)) return 'apple';
  return 'other';
}

interface Option {
  key: string;
  action: string;
  hint: string;
  href: string;
  suggested: boolean;
}

/**
 * Every way to follow one calendar, the one suited to this device first: webcal:// for Apple
 * Calendar and the Outlook app, Google Calendar's add-by-address link (Android has no webcal
 * handler), Outlook on the web, and the https address to copy into anything else.
 */
export function FollowOptions({ target, name }: { target: FollowTarget; name: string }) {
  const { t, meta } = usePublic();
  if (meta === null) {
    return (
      <p role="status" class="pub-status">
        {t.t('loading')}
      </p>
    );
  }
  const links = buildFeedLinks(meta.publicUrl, feedPathOf(target), name);
  const platform = typeof navigator === 'undefined' ? 'other' : detectPlatform(navigator.userAgent);
  const options: Option[] = [
    {
      key: 'apple',
      action: t.t('appleAction'),
      hint: t.t('appleHint'),
      href: links.webcal,
      suggested: platform === 'apple',
    },
    {
      key: 'google',
      action: t.t('googleAction'),
      hint: `${t.t('googleHint')} ${t.t('googleSyncHint')}`,
      href: links.google,
      suggested: platform === 'android',
    },
    {
      key: 'outlook-web',
      action: t.t('outlookWebAction'),
      hint: t.t('outlookWebHint'),
      href: links.outlook,
      suggested: false,
    },
    {
      key: 'outlook-app',
      action: t.t('outlookAppAction'),
      hint: t.t('outlookAppHint'),
      href: links.webcal,
      suggested: false,
    },
  ];
  const ordered = [...options.filter((o) => o.suggested), ...options.filter((o) => !o.suggested)];
  return (
    <div class="pub-follow">
      <p class="pub-follow-question">{t.t('chooseCalendarApp')}</p>
      <ul class="pub-follow-options">
        {ordered.map((o) => (
          <li key={o.key} class={o.suggested ? 'pub-option pub-option-suggested' : 'pub-option'}>
            {o.suggested && <span class="pub-suggested">{t.t('suggestedHere')}</span>}
            <a
              class={o.suggested ? 'pub-button' : 'pub-button pub-button-secondary'}
              href={o.href}
              aria-label={`${o.action}: ${name}`}
            >
              {o.action}
            </a>
            <span class="pub-action-hint">{o.hint}</span>
          </li>
        ))}
      </ul>
      <div class="pub-address">
        <p class="pub-address-label">
          <strong>{t.t('otherAppHeading')}</strong> {t.t('otherAppHint')}
        </p>
        <a
          class="pub-url"
          href={links.https}
          dir="ltr"
          aria-label={t.t('calendarAddressOf', { name, address: links.https })}
        >
          {links.https}
        </a>
        <CopyLinkButton value={links.https} name={name} />
      </div>
    </div>
  );
}
