// What the kiosk may turn into a QR code for a contact's website: an http(s) address, never a
// `javascript:` link or a `WIFI:` join code someone typed in, whatever is stored.
import { isWebAddress } from '@fiveways/shared/web-address';

/** The address to encode, or null when there is none fit to offer a passer-by's phone. */
export function websiteQrValue(website: string): string | null {
  const address = website.trim();
  return isWebAddress(address) ? address : null;
}
