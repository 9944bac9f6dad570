import type { WaySlug } from '@fiveways/shared';
import { WAY_ICON_PATHS } from '@fiveways/shared/way-style';

export function WayIcon({ way, size = 48 }: { way: WaySlug; size?: number }) {
  return (
    <svg
      class="icon"
      width={size}
      height={size}
      viewBox="0 0 48 48"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={WAY_ICON_PATHS[way]}
        fill="none"
        stroke="currentColor"
        stroke-width="3.5"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

const NAV_PATHS = {
  home: 'M6 22L24 7l18 15M11 18v22h26V18M20 40V28h8v12',
  back: 'M28 10L14 24l14 14M14 24h26',
  again: 'M38 24a14 14 0 1 1-4-10M38 8v8h-8',
  language:
    'M24 6a18 18 0 1 0 0.01 0M6 24h36M24 6c-6 6-8 12-8 18s2 12 8 18M24 6c6 6 8 12 8 18s-2 12-8 18',
  text: 'M4 38L14 12l10 26M8 30h12M30 38l7-18 7 18M32 32h10',
  qr: 'M8 8h12v12H8zM28 8h12v12H28zM8 28h12v12H8zM28 28h4v4h-4zM36 36h4v4h-4zM28 36h4v4h-4zM36 28h4v4h-4z',
  print: 'M14 18V6h20v12M14 34H8V18h32v16h-6M14 28h20v14H14z',
  listen: 'M8 18h8l10-9v30l-10-9H8zM32 17a10 10 0 0 1 0 14M37 11a18 18 0 0 1 0 26',
  stop: 'M12 12h24v24H12z',
} as const;

export function NavIcon({ name, size = 36 }: { name: keyof typeof NAV_PATHS; size?: number }) {
  return (
    <svg
      class={`icon icon-${name}`}
      width={size}
      height={size}
      viewBox="0 0 48 48"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={NAV_PATHS[name]}
        fill="none"
        stroke="currentColor"
        stroke-width="3.5"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
