// Web addresses people store and pages link to or put in a QR code: http and https only. Free of
// zod, so the kiosk can check an address before it draws it.

/**
 * True when `value` is a plain absolute http:// or https:// address with a host: not
 * `javascript:`, `data:`, `WIFI:` or any other scheme, no spaces or control characters (which a
 * URL parser would quietly drop), and no `user@` part (which can make an address look like
 * another site's).
 */
export function isWebAddress(value: string): boolean {
  if (!/^https?:\/\/[^/\\\s][^\s]*$/i.test(value)) return false;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === ''
  );
}
