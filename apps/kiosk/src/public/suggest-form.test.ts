import { describe, expect, it } from 'vitest';
import { ApiError } from '../common/api-client.ts';
import { suggestEn } from '../i18n/suggest/en.ts';
import { suggestUr } from '../i18n/suggest/ur.ts';
import {
  checkSuggestForm,
  EMPTY_SUGGESTION,
  fillWords,
  refusalOf,
  type Say,
  withoutErrors,
} from './suggest-form.ts';

const say: Say = (key, values) => fillWords(suggestEn[key], values);
const filled = {
  ...EMPTY_SUGGESTION,
  name: 'Warndon Walkers',
  what: 'Walks',
  where: 'Library',
  when: 'Thursdays',
};

describe('checkSuggestForm', () => {
  it('passes a form with the four needed fields', () => {
    expect(checkSuggestForm(filled, say)).toEqual({});
  });

  it('asks for each empty needed field, in the page’s language', () => {
    expect(Object.keys(checkSuggestForm(EMPTY_SUGGESTION, say))).toEqual([
      'name',
      'what',
      'where',
      'when',
    ]);
    const urdu: Say = (key, values) => fillWords(suggestUr[key], values);
    expect(checkSuggestForm({ ...filled, name: ' ' }, urdu).name).toBe(suggestUr.errRequired);
  });

  it('holds the same limits as the API: length, links, email and the agreement tick', () => {
    expect(checkSuggestForm({ ...filled, name: 'x'.repeat(121) }, say).name).toBe(
      'Please keep this under 120 characters.',
    );
    expect(
      checkSuggestForm({ ...filled, what: 'http://a.example www.b.example https://c.example' }, say)
        .what,
    ).toBe('Please include no more than 2 web links.');
    expect(
      checkSuggestForm(
        {
          ...filled,
          what: 'http://a.example http://b.example',
          where: 'www.c.example',
          when: 'www.d.example',
        },
        say,
      ).when,
    ).toBe('Please include no more than 3 web links.');
    expect(checkSuggestForm({ ...filled, replyEmail: 'me at home' }, say).replyEmail).toMatch(
      /email address/,
    );
    expect(checkSuggestForm({ ...filled, groupContact: 'Pat 0770' }, say).groupAgreed).toMatch(
      /tick the box/,
    );
    expect(
      checkSuggestForm({ ...filled, groupContact: 'Pat 0770', groupAgreed: true }, say),
    ).toEqual({});
  });
});

describe('refusalOf', () => {
  it('says each of the API’s refusals kindly', () => {
    const cases: [string, RegExp][] = [
      ['too_fast', /wait a few seconds/],
      ['form_expired', /press Send again/],
      ['form_token_invalid', /press Send again/],
      ['already_received', /already have/],
      ['too_many_requests', /try again later/],
      ['too_many_today', /tomorrow/],
      ['not_accepted', /Leave this empty/],
      ['network', /connection/],
    ];
    for (const [code, words] of cases) {
      expect(refusalOf(new ApiError(400, code, 'x'), say).message, code).toMatch(words);
    }
  });

  it('puts the API’s field issues beside their fields', () => {
    const error = new ApiError(400, 'invalid_request', 'x', [
      { path: 'name', message: 'Name of the group or activity must be at most 120 characters' },
      { path: 'what', message: 'Keep to at most 2 web links here' },
      { path: 'replyEmail', message: 'Your email: give an email address' },
      { path: 'where', message: 'Where: please fill this in' },
      { path: 'ways.0', message: 'Choose a way' },
    ]);
    expect(refusalOf(error, say)).toEqual({
      message: 'Please check the form',
      fields: {
        name: 'Please keep this under 120 characters.',
        what: 'Please include no more than 2 web links.',
        replyEmail: 'Please give an email address like name@example.org, or leave it empty.',
        where: 'Please fill this in.',
      },
    });
    expect(refusalOf(new Error('boom'), say).message).toBe(
      'Something went wrong. Please try again.',
    );
  });
});

describe('withoutErrors', () => {
  it('forgets the problems of the fields just changed, and keeps the rest', () => {
    const errors = { name: 'a', groupAgreed: 'b', replyEmail: 'c' };
    expect(withoutErrors(errors, ['groupContact', 'groupAgreed'])).toEqual({
      name: 'a',
      replyEmail: 'c',
    });
    expect(withoutErrors(errors, ['ways'])).toEqual(errors);
  });
});
