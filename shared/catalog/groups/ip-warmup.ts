import { defineEndpoints, inPath, inQuery, type ParamSpec } from '../define';
import type { GroupDef } from '../types';

export const ipWarmupGroup: GroupDef = {
  id: 'ip-warmup',
  title: 'IP Address Warmup',
  description: 'Ramp up volume on new dedicated IPs in stages so mailbox providers build trust in them.',
};

const warmupAddr: ParamSpec = inPath('addr', { kind: 'string', format: 'ip' }, '192.0.2.40', 'Dedicated IP address.');

export const ipWarmupEndpoints = defineEndpoints('ip-warmup', [
  {
    id: 'ip-warmup.list',
    method: 'GET',
    path: '/v3/ip_warmups',
    summary: 'List IPs that are warming up',
    description: 'Shows each IP with a warm-up in progress: its stage, throttle and how much of the stage volume has been used.',
    params: [
      inQuery('page', { kind: 'string' }, 'eyJwYWdlIjoyfQ', 'Page token from the `paging` object; omit for the first page.'),
      inQuery('limit', { kind: 'string' }, '10', 'Items per page (10 when omitted).'),
    ],
    response: {
      items: [
        {
          ip: '192.0.2.40',
          sent_within_stage: '35%',
          throttle: 78,
          stage_number: 3,
          stage_start_volume: 14000,
          stage_start_time: '2025-06-03T00:00:00Z',
          stage_volume_limit: 4000,
        },
        {
          ip: '192.0.2.41',
          sent_within_stage: '10%',
          throttle: 90,
          stage_number: 1,
          stage_start_volume: 1000,
          stage_start_time: '2025-06-05T00:00:00Z',
          stage_volume_limit: 1000,
        },
      ],
      paging: { first: 'eyJwYWdlIjoxfQ', next: 'eyJwYWdlIjoyfQ' },
    },
  },
  {
    id: 'ip-warmup.get',
    method: 'GET',
    path: '/v3/ip_warmups/{addr}',
    summary: 'Show the warm-up plan of one IP',
    description: 'Returns the current stage, hourly and stage limits, and the history of completed stages for one IP.',
    params: [warmupAddr],
    response: {
      details: {
        sent_within_stage: '20%',
        throttle: 78,
        start_volume: 10000,
        stage: 2,
        stage_limit: 4000,
        hourly_limit: 100,
        stage_started_at: '2025-06-04T18:11:20Z',
        hour_started_at: '2025-06-05T09:00:00Z',
        plan_started_at: '2025-06-03T00:00:00Z',
        plan_last_updated_at: '2025-06-04T18:11:20Z',
        total_stages: 15,
        stage_history: [{ first_updated_at: '2025-06-03T00:00:00Z', completed_at: '2025-06-04T18:11:20Z', limit: 1000 }],
      },
    },
  },
  {
    id: 'ip-warmup.create',
    method: 'POST',
    path: '/v3/ip_warmups/{addr}',
    summary: 'Start a warm-up plan for an IP',
    description: 'Puts a dedicated IP on Mailgun’s staged warm-up schedule; its sending volume is throttled until the plan completes.',
    params: [warmupAddr],
    response: { message: 'success' },
  },
  {
    id: 'ip-warmup.cancel',
    method: 'DELETE',
    path: '/v3/ip_warmups/{addr}',
    summary: 'Stop warming up an IP',
    description: 'Cancels the plan and lifts the warm-up throttle. Sending at full volume from a cold IP can hurt deliverability.',
    params: [warmupAddr],
    response: { message: 'success' },
  },
]);
