import { describe, expect, it } from 'vitest';
import { splitOneLineAddress } from './venue-address.ts';

describe('splitOneLineAddress', () => {
  it('takes the part after the last comma as the town', () => {
    expect(splitOneLineAddress('Lansbury Road, Gorse Hill, Worcester', 'WR5 1PQ')).toEqual({
      address1: 'Lansbury Road, Gorse Hill',
      city: 'Worcester',
      stateProvince: 'Worcestershire',
      country: 'GB',
    });
  });

  it('puts a line with no comma in Worcester, and takes a typed postcode out', () => {
    expect(splitOneLineAddress('Shap Drive', '')).toMatchObject({
      address1: 'Shap Drive',
      city: 'Worcester',
    });
    expect(splitOneLineAddress('12 High Street, Droitwich, WR9 8ES', 'WR9 8ES')).toMatchObject({
      address1: '12 High Street',
      city: 'Droitwich',
    });
    expect(splitOneLineAddress('The Hall,', '')).toMatchObject({
      address1: 'The Hall',
      city: 'Worcester',
    });
  });
});
