import type { FollowTarget } from '@fiveways/shared/pages';
import { QrCode } from '../../components/qr-code.tsx';
import { followPageUrl } from '../../common/feed-links.ts';
import { usePublic } from '../hooks/use-public.ts';

/**
 * A QR code for following a calendar from a phone: it leads to the https follow page (never to a
 * bare webcal:// address, which Android cannot open), on the service's public address.
 */
export function FollowCode({ target, name }: { target: FollowTarget; name: string }) {
  const { t, meta } = usePublic();
  if (meta === null) return null;
  return (
    <figure class="pub-qr">
      <QrCode
        value={followPageUrl(meta.publicUrl, target, t.language)}
        label={t.t('qrToFollow', { name })}
        size={168}
      />
      <figcaption>{t.t('scanToFollow', { name })}</figcaption>
    </figure>
  );
}
