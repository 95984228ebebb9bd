import { defineEndpoints, inBody, inPath, type ParamSpec } from '../define';
import type { GroupDef } from '../types';

export const alertsGroup: GroupDef = {
  id: 'alerts',
  title: 'Alerts',
  description: 'Get notified by email, Slack or webhook when a sending metric such as bounce or complaint rate crosses a threshold.',
};

const exampleAlert = {
  id: '915ff385-0a9a-4087-86d5-6727ea7d9b49',
  parent_account_id: '12345',
  subaccount_id: '67890',
  name: 'hard bounce rate',
  created_at: '2025-11-07T20:54:42.18627Z',
  updated_at: '2025-11-07T20:54:42.18627Z',
  last_checked: '2025-11-07T21:54:42.18627Z',
  alert_channels: ['email', 'slack'],
  metric: 'hard_bounce_rate',
  comparator: '>',
  limit: '0.05',
  dimension: 'domain',
  period: '1h',
};

const alertNameInPath: ParamSpec = inPath('name', { kind: 'string' }, 'complaint rate', 'Name the alert was created with.');

/** Create and update take the same JSON body. */
const alertBody: readonly ParamSpec[] = [
  inBody('name', { kind: 'string' }, 'hard bounce rate', 'Readable name; also identifies the alert in later calls.', { required: true }),
  inBody(
    'metric',
    { kind: 'enum', values: ['hard_bounce_rate', 'temporary_fail_rate', 'delivered_rate', 'complained_rate'] },
    'hard_bounce_rate',
    'Rate to watch.',
    { required: true },
  ),
  inBody('comparator', { kind: 'enum', values: ['=', '!=', '<', '<=', '>', '>='] }, '>', 'How the metric is compared with `limit`.', {
    required: true,
  }),
  inBody('limit', { kind: 'string' }, '0.05', 'Threshold as a decimal string; rates are fractions, so 5% is `0.05`.', { required: true }),
  inBody(
    'dimension',
    { kind: 'enum', values: ['domain', 'ip', 'ip_pool', 'recipient_provider', 'subaccount'] },
    'domain',
    'What the metric is measured per.',
    { required: true },
  ),
  inBody('alert_channels', { kind: 'json' }, ['email', 'slack'], 'Array of channels to notify: `email`, `slack`, `webhook`.'),
  inBody(
    'filters',
    { kind: 'json' },
    [{ dimension: 'domain', comparator: '=', values: ['mg.example.com'] }],
    'Array of `{dimension, comparator, values[]}` objects narrowing what is watched; comparators include `contains` and `not contains`.',
  ),
  inBody('period', { kind: 'string' }, '1h', 'Aggregation window such as `1h` or `1d`.'),
  inBody('description', { kind: 'string', format: 'text' }, 'Warn when more than 5% of mail hard-bounces', 'Note explaining the alert.'),
];

export const alertsEndpoints = defineEndpoints('alerts', [
  {
    id: 'alerts.list',
    method: 'GET',
    path: '/v1/thresholds/alerts/send',
    summary: 'List the configured send alerts',
    description: 'Returns every threshold alert configured on the account with its metric, threshold and channels.',
    response: {
      items: [
        exampleAlert,
        { ...exampleAlert, id: '734ff385-0a9a-4087-86d5-6727ea7d9c34', name: 'complaint rate', metric: 'complained_rate', limit: '0.001' },
      ],
      total: 2,
    },
  },
  {
    id: 'alerts.create',
    method: 'POST',
    path: '/v1/thresholds/alerts/send',
    summary: 'Create a send alert',
    description: 'Sets up a new threshold alert. The name must be unique because it is used to read, change and delete the alert.',
    encoding: 'json',
    params: alertBody,
    response: exampleAlert,
  },
  {
    id: 'alerts.get',
    method: 'GET',
    path: '/v1/thresholds/alerts/send/{name}',
    summary: 'Show one send alert',
    description: 'Returns a single alert by name, including when it was last checked.',
    params: [alertNameInPath],
    response: exampleAlert,
  },
  {
    id: 'alerts.update',
    method: 'PUT',
    path: '/v1/thresholds/alerts/send/{name}',
    summary: 'Replace the settings of a send alert',
    description:
      'Overwrites the alert named in the path with the body; send every required field, not just the changes. A different body `name` renames it.',
    encoding: 'json',
    params: [alertNameInPath, ...alertBody],
    response: { message: 'threshold updated' },
  },
  {
    id: 'alerts.delete',
    method: 'DELETE',
    path: '/v1/thresholds/alerts/send/{name}',
    summary: 'Remove a send alert',
    description: 'Removes the alert; no further notifications are sent for it.',
    params: [alertNameInPath],
    response: { message: 'threshold deleted' },
  },
  {
    id: 'alerts.list-hits',
    method: 'GET',
    path: '/v1/thresholds/hits',
    summary: 'List alerts that have fired',
    description: 'Shows the alerts currently triggered, with the value that tripped each one and when the state expires.',
    response: {
      items: [
        {
          id: '915ff385-0a9a-4087-86d5-6727ea7d9b49',
          name: 'hard bounce rate',
          created_at: '2025-11-07T20:54:42.186307Z',
          updated_at: '2025-11-08T09:10:00.000000Z',
          triggered: true,
          expires_at: '2025-11-08T10:10:00Z',
          latest_value: '0.071',
          metric: 'hard_bounce_rate',
          comparator: '>',
          limit: '0.05',
          parent_account_id: '12345',
          subaccount_id: '67890',
          dimension: 'domain',
        },
      ],
      total: 1,
    },
  },
]);
