import { useState } from 'preact/hooks';

/** Copies a link for pasting into a calendar app; hidden where the browser cannot copy. */
export function CopyLinkButton({ value, name }: { value: string; name: string }) {
  const [status, setStatus] = useState('');
  if (typeof navigator === 'undefined' || navigator.clipboard === undefined) return null;
  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => setStatus('Copied. Now paste it into your calendar app.'),
      () => setStatus('Could not copy. Press and hold the address above to copy it.'),
    );
  };
  return (
    <div class="pub-copy">
      <button
        type="button"
        class="pub-button pub-button-secondary"
        onClick={copy}
        aria-label={`Copy address of ${name}`}
      >
        Copy address
      </button>
      <span class="pub-copy-status" role="status">
        {status}
      </span>
    </div>
  );
}
