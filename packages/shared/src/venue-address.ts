// A venue's address in parts, as open data needs it (first line, town, county, postcode, country),
// from the one line staff have always typed. Free of zod; migration 0010 does the same in SQL.

export interface AddressParts {
  address1: string;
  city: string;
  stateProvince: string;
  country: string;
}

/** Where the directory is: the town and county an address with no town of its own is in. */
export const HOME_TOWN = 'Worcester';
export const HOME_COUNTY = 'Worcestershire';

/**
 * "Lansbury Road, Gorse Hill, Worcester" → first line "Lansbury Road, Gorse Hill", town
 * "Worcester": the part after the last comma is the town. With no comma the whole line is the
 * first line and the town is Worcester. A postcode typed into the line is taken out.
 */
export function splitOneLineAddress(address: string, postcode: string): AddressParts {
  const line = trimCommas(postcode === '' ? address : address.replaceAll(postcode, ''));
  const comma = line.lastIndexOf(',');
  const address1 = comma < 0 ? line : line.slice(0, comma).trim();
  const city = comma < 0 ? '' : line.slice(comma + 1).trim();
  return {
    address1: address1 === '' ? address : address1,
    city: city === '' ? HOME_TOWN : city,
    stateProvince: HOME_COUNTY,
    country: 'GB',
  };
}

function trimCommas(s: string): string {
  return s.replace(/^[\s,]+|[\s,]+$/g, '');
}
