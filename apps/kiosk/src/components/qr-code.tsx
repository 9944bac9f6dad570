import { encode } from 'uqr';

export interface QrCodeProps {
  /** The text the code carries (a URL). */
  value: string;
  /** What a person gets by scanning; read out by screen readers and shown to sighted users nearby. */
  label: string;
  size?: number;
}

/** A QR code drawn on the device as SVG, so it works offline; one path keeps the DOM small. */
export function QrCode({ value, label, size = 200 }: QrCodeProps) {
  const { data, size: modules } = encode(value, { ecc: 'M', border: 2 });
  let path = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    });
  });
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${modules} ${modules}`}
      shape-rendering="crispEdges"
      data-qr-value={value}
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
