import { QrCode } from '../../components/qr-code.tsx';
import { buildFeedLinks } from '../feed-links.ts';
import { CopyLinkButton } from './copy-link-button.tsx';

export interface FeedActionsProps {
  /** What the feed holds, e.g. "Be Active" or "Everything at Tolladine Hub". */
  name: string;
  /** The feed path, e.g. /feeds/ways/be-active.ics. */
  path: string;
  /** Just the two subscribe links: for a phone page, where a QR code or address adds little. */
  compact?: boolean;
}

/** Every way to subscribe to one feed: webcal, Google Calendar, the https address, a QR code. */
export function FeedActions({ name, path, compact = false }: FeedActionsProps) {
  const links = buildFeedLinks(location.origin, path);
  return (
    <div class="pub-feed-actions">
      <div class="pub-feed-links">
        <p class="pub-action">
          <a class="pub-button" href={links.webcal}>
            Subscribe in my calendar app<span class="pub-visually-hidden">: {name}</span>
          </a>
          <span class="pub-action-hint">iPhone, iPad, Mac and Outlook</span>
        </p>
        <p class="pub-action">
          <a class="pub-button pub-button-secondary" href={links.google}>
            Add to Google Calendar<span class="pub-visually-hidden">: {name}</span>
          </a>
          <span class="pub-action-hint">Android phones and Gmail</span>
        </p>
        {!compact && (
          <div class="pub-address">
            <p class="pub-address-label">Calendar address, to paste into Outlook or another app:</p>
            <a class="pub-url" href={links.https}>
              <span class="pub-visually-hidden">Calendar address of {name}: </span>
              {links.https}
            </a>
            <CopyLinkButton value={links.https} name={name} />
          </div>
        )}
      </div>
      {!compact && (
        <figure class="pub-qr">
          <QrCode value={links.webcal} label={`QR code to subscribe to ${name}`} size={168} />
          <figcaption>Scan with your phone camera to subscribe to {name}</figcaption>
        </figure>
      )}
    </div>
  );
}
