import { useEffect, useState } from 'preact/hooks';

/** Shown only when something takes longer than a second, so quick answers never flash. */
export function PleaseWait({ label }: { label: string }) {
  const [show, setShow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShow(true), 1000);
    return () => clearTimeout(timer);
  }, []);
  if (!show) return null;
  return (
    <div class="please-wait" role="status">
      <span class="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}
