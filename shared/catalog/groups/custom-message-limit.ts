import { defineEndpoints, inQuery } from '../define';
import type { GroupDef } from '../types';

export const customMessageLimitGroup: GroupDef = {
  id: 'custom-message-limit',
  title: 'Custom Message Limit',
  description: 'Put your own monthly cap on how many messages the account sends, below the plan limit.',
};

export const customMessageLimitEndpoints = defineEndpoints('custom-message-limit', [
  {
    id: 'custom-message-limit.get',
    method: 'GET',
    path: '/v5/accounts/limit/custom/monthly',
    summary: 'Read the account’s monthly message cap',
    description:
      'Shows the custom limit, how many messages count against it so far and the period it covers. Answers 404 when no cap is set.',
    response: { limit: 50000, current: 12875, period: '1m' },
  },
  {
    id: 'custom-message-limit.set',
    method: 'PUT',
    path: '/v5/accounts/limit/custom/monthly',
    summary: 'Set the account’s monthly message cap',
    description:
      'Creates or changes the custom cap. When it is reached, sending stops until the next month or until you re-enable the account.',
    params: [inQuery('limit', { kind: 'number', min: 0 }, 50000, 'Maximum messages per month.', { required: true })],
    response: { success: true },
  },
  {
    id: 'custom-message-limit.delete',
    method: 'DELETE',
    path: '/v5/accounts/limit/custom/monthly',
    summary: 'Remove the account’s monthly message cap',
    description: 'Deletes the custom cap so only the plan limits apply.',
    response: { success: true },
  },
  {
    id: 'custom-message-limit.enable',
    method: 'PUT',
    path: '/v5/accounts/limit/custom/enable',
    summary: 'Resume sending after the cap was hit',
    description:
      'Lifts the block placed on the account when it reached its custom monthly limit. Raise or remove the cap too, or it will trip again.',
    response: { success: true },
  },
]);
