// The licence the directory's open data is offered under: staff choose it in configuration
// (OPEN_DATA_LICENCE); the Open Government Licence is the UK public-sector norm and the default.
// Every open-data answer names it in a Link header (rel="license"), which leaves the bodies as
// the official schemas define them.

export interface OpenDataLicence {
  name: string;
  url: string;
}

export const OPEN_DATA_LICENCES = {
  'ogl-3.0': {
    name: 'Open Government Licence v3.0',
    url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  },
  'cc-by-4.0': {
    name: 'Creative Commons Attribution 4.0 International',
    url: 'https://creativecommons.org/licenses/by/4.0/',
  },
  'cc0-1.0': {
    name: 'CC0 1.0 Universal (public domain dedication)',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
  },
  'odc-by-1.0': {
    name: 'Open Data Commons Attribution License v1.0',
    url: 'https://opendatacommons.org/licenses/by/1-0/',
  },
} as const satisfies Record<string, OpenDataLicence>;

export type OpenDataLicenceKey = keyof typeof OPEN_DATA_LICENCES;
export const OPEN_DATA_LICENCE_KEYS = Object.keys(OPEN_DATA_LICENCES) as [
  OpenDataLicenceKey,
  ...OpenDataLicenceKey[],
];
export const DEFAULT_OPEN_DATA_LICENCE: OpenDataLicence = OPEN_DATA_LICENCES['ogl-3.0'];

/** The Link header value naming the licence. */
export function licenceLink(licence: OpenDataLicence): string {
  return `<${licence.url}>; rel="license"; title="${licence.name}"`;
}
