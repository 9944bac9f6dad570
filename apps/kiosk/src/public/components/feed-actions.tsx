import { QrCode } from '../../components/qr-code.tsx';
import { buildFeedLinks } from '../feed-links.ts';
import { CopyLinkButton } from './copy-link-button.tsx';

export interface FeedActionsProps {
  /** What the feed holds, e.g. "Be Active" or "Everything". */
  name: string;
  /** The feed path, e.g. /feeds/ways/be-active.ics. */
  path: string;
}

/** Every way to subscribe to one feed: webcal, Google Calendar, the https address, a QR code. */
export function FeedActions({ name, path }: FeedActionsProps) {
  const links = buildFeedLinks(location.origin, path);
  return (
    <div class="pub-feed-actions">
      <div class="pub-feed-links">
        <p class="pub-action">
          <a
            class="pub-button"
            href={links.webcal}
            aria-label={`Subscribe in my calendar app: ${name}`}
          >
            Subscribe in my calendar app
          </a>
          <span class="pub-action-hint">iPhone, iPad, Mac and Outlook</span>
        </p>
        <p class="pub-action">
          <a
            class="pub-button pub-button-secondary"
            href={links.google}
            aria-label={`Add to Google Calendar: ${name}`}
          >
            Add to Google Calendar
          </a>
          <span class="pub-action-hint">Android phones and Gmail</span>
        </p>
        <div class="pub-address">
          <p class="pub-address-label">Calendar address, to paste into Outlook or another app:</p>
          <a
            class="pub-url"
            href={links.https}
            aria-label={`Calendar address of ${name}: ${links.https}`}
          >
            {links.https}
          </a>
          <CopyLinkButton value={links.https} name={name} />
        </div>
      </div>
      <figure class="pub-qr">
        <QrCode value={links.webcal} label={`QR code to subscribe to ${name}`} size={168} />
        <figcaption>Scan with your phone camera to subscribe to {name}</figcaption>
      </figure>
    </div>
  );
}
