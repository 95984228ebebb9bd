import { defineEndpoints, inBody, type ParamSpec } from '../define';
import type { GroupDef } from '../types';

export const tagsNewGroup: GroupDef = {
  id: 'tags-new',
  title: 'Tags',
  description: 'Account-wide view of the tags set with o:tag: search them, describe them, delete them and check the tag quota.',
};

const tagBody: ParamSpec = inBody('tag', { kind: 'string' }, 'newsletter', 'The tag, exactly as set with o:tag.');

export const tagsNewEndpoints = defineEndpoints('tags-new', [
  {
    id: 'tags-new.update',
    method: 'PUT',
    path: '/v1/analytics/tags',
    summary: 'Describe a tag',
    description: 'Sets the description shown for a tag across the account.',
    encoding: 'json',
    params: [tagBody, inBody('description', { kind: 'string' }, 'Weekly newsletter for subscribers', 'The new description.')],
    response: { message: 'Tag updated' },
  },
  {
    id: 'tags-new.query',
    method: 'POST',
    path: '/v1/analytics/tags',
    summary: 'Search tags',
    description:
      'Lists the tags of the account, or those starting with a given text, optionally with their counters and subaccount tags. A read-only query despite the POST; page with pagination.skip and pagination.limit.',
    mutates: false,
    encoding: 'json',
    pagination: 'json-body',
    params: [
      inBody(
        'pagination',
        { kind: 'json' },
        { sort: 'lastseen:desc', skip: 0, limit: 10, include_total: true },
        'Object with sort (column:asc|desc, e.g. lastseen:desc), skip, limit (default 10, at most 1,000) and include_total (adds the match count).',
      ),
      inBody(
        'include_subaccounts',
        { kind: 'boolean', style: 'true-false' },
        false,
        'Also return tags used by your subaccounts. Default false.',
        { default: false },
      ),
      inBody(
        'include_metrics',
        { kind: 'boolean', style: 'true-false' },
        true,
        'Add delivery and engagement counters to each tag; limit may then be at most 20. Default false.',
        { default: false },
      ),
      { ...tagBody, description: 'A tag name or the beginning of one.' },
    ],
    response: {
      items: [
        {
          account_id: '5f1c0a2b3d4e5f6a7b8c9d0e',
          parent_account_id: '',
          tag: 'shipping',
          description: 'Dispatch notices from the shop',
          first_seen: '2024-01-08T09:14:27Z',
          last_seen: '2024-06-11T10:15:30Z',
          metrics: { accepted_count: 1250, delivered_count: 1238, opened_count: 702, clicked_count: 96 },
          account_name: 'Example Shop',
        },
      ],
      pagination: { sort: 'lastseen:desc', skip: 0, limit: 10, total: 1 },
    },
  },
  {
    id: 'tags-new.delete',
    method: 'DELETE',
    path: '/v1/analytics/tags',
    summary: 'Remove a tag',
    description: 'Removes a tag from the account; it comes back if a later message uses it. The tag goes in a JSON body.',
    encoding: 'json',
    params: [{ ...tagBody, description: 'The tag to remove.' }],
    response: { message: 'Tag deleted' },
  },
  {
    id: 'tags-new.limits',
    method: 'GET',
    path: '/v1/analytics/tags/limits',
    summary: 'Tag quota of the account',
    description: 'Shows how many distinct tags the account may hold, how many it has so far and whether the cap is reached.',
    response: { limit: 5000, count: 212, limit_reached: false },
  },
]);
