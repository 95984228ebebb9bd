import { defineEndpoints, inBody, inHeader, inPath, inQuery, type ParamSpec } from '../define';
import type { GroupDef } from '../types';

const exampleSubaccount = {
  id: '646d00a1b32c35364a2ad34f',
  name: 'Example EU shop',
  created_at: 'Wed, 06 Nov 2024 19:48:29 GMT',
  updated_at: 'Wed, 28 May 2025 20:03:05 GMT',
  status: 'open',
};

export const subaccountsGroup: GroupDef = {
  id: 'subaccounts',
  title: 'Subaccounts',
  description: 'Create and manage child accounts under the primary account, including their limits, features and delegated IP pools.',
};

const subaccountIdPath: ParamSpec = inPath(
  'subaccount_id',
  { kind: 'string', format: 'id' },
  '646d00a1b32c35364a2ad34f',
  'Id of the subaccount.',
);

export const subaccountsEndpoints = defineEndpoints('subaccounts', [
  {
    id: 'subaccounts.get',
    method: 'GET',
    path: '/v5/accounts/subaccounts/{subaccount_id}',
    summary: 'Show one subaccount',
    description: 'Returns the name, status and timestamps of a subaccount.',
    params: [subaccountIdPath],
    response: { subaccount: exampleSubaccount },
  },
  {
    id: 'subaccounts.list',
    method: 'GET',
    path: '/v5/accounts/subaccounts',
    summary: 'List subaccounts of the primary account',
    description: 'Pages through subaccounts with `skip` and `limit`, optionally filtered by name or by enabled and closed state.',
    pagination: 'skip-limit',
    params: [
      inQuery('sort', { kind: 'enum', values: ['asc', 'desc'] }, 'asc', 'Order of the results.'),
      inQuery('filter', { kind: 'string' }, 'shop', 'Only subaccounts whose name matches this text.'),
      inQuery('limit', { kind: 'integer', min: 1, max: 1000 }, 10, 'Subaccounts per page, 1 to 1000.', { default: 10 }),
      inQuery('skip', { kind: 'integer', min: 0 }, 0, 'Number of subaccounts to pass over first.', { default: 0 }),
      inQuery(
        'enabled',
        { kind: 'boolean', style: 'true-false' },
        true,
        'True for enabled subaccounts only, false for disabled only; omit for both.',
      ),
      inQuery('closed', { kind: 'boolean', style: 'true-false' }, false, 'True to include closed subaccounts, false to leave them out.'),
    ],
    response: { subaccounts: [exampleSubaccount], total: 1 },
  },
  {
    id: 'subaccounts.create',
    method: 'POST',
    path: '/v5/accounts/subaccounts',
    summary: 'Add a new subaccount',
    description: 'Adds a new child account with the given name. Use its id in `X-Mailgun-On-Behalf-Of` to act as it.',
    params: [inQuery('name', { kind: 'string' }, 'Example EU shop', 'Display name of the new subaccount.', { required: true })],
    response: { subaccount: exampleSubaccount },
  },
  {
    id: 'subaccounts.delete',
    method: 'DELETE',
    path: '/v5/accounts/subaccounts',
    summary: 'Delete the subaccount named in the header',
    description:
      'Permanently removes a subaccount. The target is chosen by the `X-Mailgun-On-Behalf-Of` header, not by the path, so double-check the id.',
    params: [
      inHeader('X-Mailgun-On-Behalf-Of', { kind: 'string', format: 'id' }, '646d00a1b32c35364a2ad34f', 'Subaccount that will be deleted.', {
        required: true,
      }),
    ],
    response: { message: 'Subaccount successfully deleted' },
  },
  {
    id: 'subaccounts.disable',
    method: 'POST',
    path: '/v5/accounts/subaccounts/{subaccount_id}/disable',
    summary: 'Suspend a subaccount',
    description: 'Stops the subaccount from sending while keeping its data. You can record why it was disabled.',
    params: [
      subaccountIdPath,
      inQuery('reason', { kind: 'string', format: 'text' }, 'Unpaid invoice', 'Why the subaccount is being disabled.'),
      inQuery('note', { kind: 'string', format: 'text' }, 'Re-enable once payment clears', 'Free-form note stored with the subaccount.'),
    ],
    response: { subaccount: { ...exampleSubaccount, status: 'disabled' } },
  },
  {
    id: 'subaccounts.enable',
    method: 'POST',
    path: '/v5/accounts/subaccounts/{subaccount_id}/enable',
    summary: 'Re-activate a disabled subaccount',
    description: 'Lets a previously disabled subaccount send again.',
    params: [{ ...subaccountIdPath, example: '646d00a1b32c35364a2ad350' }],
    response: { subaccount: exampleSubaccount },
  },
  {
    id: 'subaccounts.get-monthly-limit',
    method: 'GET',
    path: '/v5/accounts/subaccounts/{subaccount_id}/limit/custom/monthly',
    summary: "Read a subaccount's monthly sending cap",
    description: 'Shows the custom monthly message limit of the subaccount and how much of it has been used.',
    params: [subaccountIdPath],
    response: { limit: 10000, current: 2350, period: '1m' },
  },
  {
    id: 'subaccounts.set-monthly-limit',
    method: 'PUT',
    path: '/v5/accounts/subaccounts/{subaccount_id}/limit/custom/monthly',
    summary: "Set a subaccount's monthly sending cap",
    description: 'Caps how many messages the subaccount may send per calendar month.',
    params: [subaccountIdPath, inQuery('limit', { kind: 'number', min: 0 }, 10000, 'Maximum messages per month.', { required: true })],
    response: { success: true },
  },
  {
    id: 'subaccounts.delete-monthly-limit',
    method: 'DELETE',
    path: '/v5/accounts/subaccounts/{subaccount_id}/limit/custom/monthly',
    summary: "Remove a subaccount's monthly sending cap",
    description: 'Clears the custom monthly limit so only plan limits apply.',
    params: [subaccountIdPath],
    response: { success: true },
  },
  {
    id: 'subaccounts.update-features',
    method: 'PUT',
    path: '/v5/accounts/subaccounts/{subaccount_id}/features',
    summary: 'Switch product features on or off for a subaccount',
    description:
      'Turns sending, validations, bulk validations, inbox placement or email preview on or off. Each field takes a small JSON object such as `{"enabled": true}`; send only the features you want to change.',
    encoding: 'urlencoded',
    params: [
      subaccountIdPath,
      inBody('email_preview', { kind: 'json' }, '{"enabled": false}', 'Email preview setting, as `{"enabled": true|false}`.'),
      inBody('inbox_placement', { kind: 'json' }, '{"enabled": true}', 'Inbox placement setting, as `{"enabled": true|false}`.'),
      inBody('sending', { kind: 'json' }, '{"enabled": true}', 'Whether the subaccount may send mail, as `{"enabled": true|false}`.'),
      inBody('validations', { kind: 'json' }, '{"enabled": true}', 'Single address validation, as `{"enabled": true|false}`.'),
      inBody('validations_bulk', { kind: 'json' }, '{"enabled": false}', 'Bulk list validation, as `{"enabled": true|false}`.'),
    ],
    response: { features: { validations: { enabled: true }, inbox_placement: { enabled: true } } },
  },
  {
    id: 'subaccounts.list-delegated-ip-pools',
    method: 'GET',
    path: '/v5/accounts/subaccounts/ip_pools/all',
    summary: 'List dedicated IP pools lent to subaccounts',
    description: 'Shows which of the primary account’s IP pools have been delegated, and to which subaccount.',
    response: {
      items: [{ pool_id: '658041ae44842b99ee2eaa1b', subaccount_id: '646d00a1b32c35364a2ad34f' }],
      total_count: 1,
    },
  },
  {
    id: 'subaccounts.delegate-ip-pool',
    method: 'PUT',
    path: '/v5/accounts/subaccounts/{subaccountId}/ip_pool',
    summary: 'Lend a dedicated IP pool to a subaccount',
    description:
      'Gives the subaccount use of a dedicated IP pool owned by the primary account, replacing any pool it was lent before. The work runs in the background and returns a reference id.',
    params: [
      inPath('subaccountId', { kind: 'string', format: 'id' }, '646d00a1b32c35364a2ad34f', 'Id of the subaccount receiving the pool.'),
      inQuery('pool_id', { kind: 'string', format: 'id' }, '658041ae44842b99ee2eaa1b', 'Id of the pool to lend.', { required: true }),
    ],
    response: { message: 'started', reference_id: '68d17866ba9d5506cbc2e27c' },
  },
  {
    id: 'subaccounts.revoke-ip-pool',
    method: 'DELETE',
    path: '/v5/accounts/subaccounts/{subaccountId}/ip_pool',
    summary: 'Take back a dedicated IP pool from a subaccount',
    description: 'Ends the delegation of one pool to the subaccount; the change is applied in the background.',
    params: [
      inPath('subaccountId', { kind: 'string', format: 'id' }, '646d00a1b32c35364a2ad34f', 'Id of the subaccount.'),
      inQuery('pool_id', { kind: 'string', format: 'id' }, '658041ae44842b99ee2eaa1b', 'Id of the pool to revoke.', { required: true }),
    ],
    response: { message: 'started', reference_id: '68d17866ba9d5506cbc2e27b' },
  },
]);
