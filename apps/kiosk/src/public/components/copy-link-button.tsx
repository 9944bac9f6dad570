import { useState } from 'preact/hooks';
import { usePublic } from '../hooks/use-public.ts';

/** Copies a link for pasting into a calendar app; hidden where the browser cannot copy. */
export function CopyLinkButton({ value, name }: { value: string; name: string }) {
  const { t } = usePublic();
  const [status, setStatus] = useState('');
  if (typeof navigator === 'undefined' || navigator.clipboard === undefined) return null;
  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => setStatus(t.t('copied')),
      () => setStatus(t.t('copyFailed')),
    );
  };
  return (
    <div class="pub-copy">
      <button
        type="button"
        class="pub-button pub-button-secondary"
        onClick={copy}
        aria-label={t.t('copyAddressOf', { name })}
      >
        {t.t('copyAddress')}
      </button>
      <span class="pub-copy-status" role="status">
        {status}
      </span>
    </div>
  );
}
