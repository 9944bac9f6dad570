// The suggest-a-group routes, described for the OpenAPI document (openapi/api-routes.ts).
import {
  GroupSuggestionListSchema,
  GroupSuggestionSchema,
  PublicSuggestionInputSchema,
  StaffSuggestionInputSchema,
  StaffSuggestionPatchSchema,
  SuggestionDecisionSchema,
  SuggestionDeclineInputSchema,
  SuggestionFormTokenSchema,
  SuggestionGroupInputSchema,
  SuggestionReceivedSchema,
} from '@fiveways/shared';
import { z } from 'zod';
import { IdParamSchema } from '../http/params.ts';
import type { Named, RouteDoc } from '../openapi/api-routes.ts';
import { SuggestionQuerySchema } from './suggestions.routes.ts';

const named = (name: string, schema: z.ZodType): Named => ({ name, schema });
const SUGGESTION = named('GroupSuggestion', GroupSuggestionSchema);
const DECISION = named('SuggestionDecision', SuggestionDecisionSchema);
const GROUP_CHOICE = named('SuggestionGroupInput', SuggestionGroupInputSchema);
const NEW_COUNT = named('SuggestionNewCount', z.object({ newCount: z.number().int() }));

const SUGGESTION_EXAMPLE = {
  name: 'Warndon Walkers',
  what: 'A gentle walk round the lakes, then tea.',
  where: 'Meet outside Warndon library',
  when: 'Thursdays at 10am',
  ways: ['be-active', 'connect'],
  groupContact: 'Pat, 01632 960123',
  groupAgreed: true,
};

export const SUGGESTION_ROUTES: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/api/suggestions/form-token',
    tag: 'Suggestions',
    summary: 'A signed note of when the suggest-a-group form was shown, to send back with it',
    access: 'public',
    answer: {
      status: 200,
      description: 'OK',
      json: named('SuggestionFormToken', SuggestionFormTokenSchema),
    },
    example: {},
  },
  {
    method: 'post',
    path: '/api/suggestions',
    tag: 'Suggestions',
    summary: 'Suggest a group the directory is missing (kept for staff; nothing is published)',
    description:
      'No account. Refused with 400 when sent under 3 seconds or over 2 hours after the form token was issued, when the honeypot field `website` is filled, or when a field is wrong (each named); 409 when the same form is sent twice; 429 when one address sends too many or too many wait unread today.',
    access: 'public',
    body: named('PublicSuggestionInput', PublicSuggestionInputSchema),
    answer: {
      status: 201,
      description: 'Received',
      json: named('SuggestionReceived', SuggestionReceivedSchema),
    },
    example: {
      body: {
        ...SUGGESTION_EXAMPLE,
        language: 'en',
        replyEmail: 'resident@example.org',
        website: '',
        formToken: '1796032800000.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      },
    },
  },
  {
    method: 'get',
    path: '/api/staff/suggestions',
    tag: 'Staff',
    summary: 'The suggestions queue: new ones first (a Champion sees their own)',
    access: 'account',
    query: SuggestionQuerySchema,
    answer: {
      status: 200,
      description: 'OK',
      json: named('GroupSuggestionList', GroupSuggestionListSchema),
    },
    example: { query: { status: 'new' } },
  },
  {
    method: 'get',
    path: '/api/staff/suggestions/new-count',
    tag: 'Staff',
    summary: 'How many suggestions wait to be dealt with, for the staff menu',
    access: 'account',
    answer: { status: 200, description: 'OK', json: NEW_COUNT },
  },
  {
    method: 'get',
    path: '/api/staff/suggestions/{id}',
    tag: 'Staff',
    summary: 'One suggestion (never with the suggester’s email)',
    access: 'account',
    params: IdParamSchema,
    answer: { status: 200, description: 'OK', json: SUGGESTION },
    example: { params: { id: '1' } },
  },
  {
    method: 'post',
    path: '/api/staff/suggestions',
    tag: 'Staff',
    summary: 'Suggest a group from the staff area (a Champion’s suggestion)',
    access: 'account',
    body: named('StaffSuggestionInput', StaffSuggestionInputSchema),
    answer: { status: 201, description: 'Created', json: SUGGESTION },
    example: { body: SUGGESTION_EXAMPLE },
  },
  {
    method: 'patch',
    path: '/api/staff/suggestions/{id}',
    tag: 'Staff',
    summary: 'Change one’s own suggestion while it is still new',
    access: 'account',
    params: IdParamSchema,
    body: named('StaffSuggestionPatch', StaffSuggestionPatchSchema),
    answer: { status: 200, description: 'OK', json: SUGGESTION },
    example: { params: { id: '1' }, body: { when: 'Thursdays at 10.30am' } },
  },
  {
    method: 'post',
    path: '/api/staff/suggestions/{id}/approve',
    tag: 'Staff',
    summary: 'Approve: the suggestion became this new group (admins and venue staff)',
    access: 'staff',
    params: IdParamSchema,
    body: GROUP_CHOICE,
    answer: {
      status: 200,
      description: 'Decided; the suggester emailed if they asked',
      json: DECISION,
    },
    example: { params: { id: '1' }, body: { groupSlug: 'warndon-walkers' } },
  },
  {
    method: 'post',
    path: '/api/staff/suggestions/{id}/merge',
    tag: 'Staff',
    summary: 'Merge: the suggestion is a group already listed (admins and venue staff)',
    access: 'staff',
    params: IdParamSchema,
    body: GROUP_CHOICE,
    answer: {
      status: 200,
      description: 'Decided; the suggester emailed if they asked',
      json: DECISION,
    },
    example: { params: { id: '1' }, body: { groupSlug: 'knit-and-natter' } },
  },
  {
    method: 'post',
    path: '/api/staff/suggestions/{id}/decline',
    tag: 'Staff',
    summary: 'Decline a suggestion with a reason (admins and venue staff)',
    access: 'staff',
    params: IdParamSchema,
    body: named('SuggestionDeclineInput', SuggestionDeclineInputSchema),
    answer: {
      status: 200,
      description: 'Decided; the suggester emailed if they asked',
      json: DECISION,
    },
    example: { params: { id: '1' }, body: { reason: 'It meets outside Worcester' } },
  },
  {
    method: 'post',
    path: '/api/staff/suggestions/{id}/email',
    tag: 'Staff',
    summary: 'Try again to email the outcome, after a failed send',
    access: 'staff',
    params: IdParamSchema,
    answer: { status: 200, description: 'Sent, or why not', json: DECISION },
    example: { params: { id: '1' } },
  },
];
