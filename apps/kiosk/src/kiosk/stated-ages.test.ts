import { describe, expect, it } from 'vitest';
import { findGroupAges, findStatedAges } from './stated-ages.ts';

describe('findStatedAges', () => {
  it.each([
    ['Open youth club for ages 11 to 18. Pool, table tennis…', { min: 11, max: 18 }],
    ['Friendly football for young people aged 13 to 19.', { min: 13, max: 19 }],
    ['For young people 16 to 19 and adults.', { min: 16, max: 19 }],
    ['Fun days for children aged 5 to 16, with a free hot lunch.', { min: 5, max: 16 }],
    ['A free check-up for people aged 40 to 74.', { min: 40, max: 74 }],
    ['After-school club for ages 7–11.', { min: 7, max: 11 }],
  ])('%s', (text, ages) => {
    expect(findStatedAges(text)).toEqual(ages);
  });

  it('finds none where none is stated', () => {
    expect(findStatedAges('Knit, crochet and chat. Open 10 to 12 on Tuesdays.')).toBeNull();
    expect(findStatedAges('A calm group for parents and babies up to one year old.')).toBeNull();
  });
});

describe('findGroupAges', () => {
  const youthClub = 'Open youth club for ages 11 to 18.';

  it("takes the group's own ages over its description", () => {
    expect(findGroupAges({ minAge: 13, maxAge: 19, description: youthClub })).toEqual({
      min: 13,
      max: 19,
    });
    expect(findGroupAges({ minAge: 0, maxAge: 4, description: '' })).toEqual({ min: 0, max: 4 });
  });

  it('reads the description only when both ages are empty', () => {
    expect(findGroupAges({ minAge: null, maxAge: null, description: youthClub })).toEqual({
      min: 11,
      max: 18,
    });
    expect(findGroupAges({ description: youthClub })).toEqual({ min: 11, max: 18 });
    expect(findGroupAges({ minAge: null, maxAge: null, description: 'Knit and chat.' })).toBeNull();
  });

  it('gives no range when only one end is set', () => {
    expect(findGroupAges({ minAge: 11, maxAge: null, description: youthClub })).toBeNull();
    expect(findGroupAges({ minAge: null, maxAge: 18, description: youthClub })).toBeNull();
  });
});
