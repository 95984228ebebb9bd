import { domainOf, param, type RequestContext, type RouteDef, requiredField } from '../context';
import { badRequest, json, notFound, type Reply } from '../errors';
import type { SandboxEvent } from '../state';

/**
 * Opens, clicks and unsubscribes split by the recipient's country, device
 * and mailbox provider, counted from the domain's events: country and device
 * come from the event's geolocation and client info, the provider from the
 * recipient's domain (so only it counts accepted messages).
 */

type Split = 'countries' | 'devices' | 'providers';

const keyOf: Readonly<Record<Split, (e: SandboxEvent) => string | undefined>> = {
  countries: (e) => (e.geolocation as { country?: string } | undefined)?.country?.toLowerCase(),
  devices: (e) => (e['client-info'] as { 'device-type'?: string } | undefined)?.['device-type'],
  providers: (e) => e['recipient-domain'],
};

function counted(events: readonly SandboxEvent[], split: Split, withAccepted: boolean) {
  const out: Record<string, Record<string, number>> = Object.create(null);
  const uniqueClicks = new Map<string, Set<string>>();
  for (const e of events) {
    const key = e.event === 'accepted' ? (split === 'providers' ? keyOf.providers(e) : undefined) : keyOf[split](e);
    if (key === undefined) continue;
    out[key] ??= withAccepted ? { accepted: 0, opened: 0, clicked: 0, unique_clicked: 0, unsubscribed: 0 } : { opened: 0, clicked: 0 };
    const row = out[key];
    if (e.event in row) row[e.event] = (row[e.event] ?? 0) + 1;
    if (e.event === 'clicked' && withAccepted) {
      const seen = uniqueClicks.get(key) ?? new Set<string>();
      seen.add(`${e.recipient}|${e.message.headers['message-id']}`);
      uniqueClicks.set(key, seen);
      row.unique_clicked = seen.size;
    }
  }
  return out;
}

function tagged(ctx: RequestContext, tag: string): SandboxEvent[] {
  const d = domainOf(ctx);
  if (!d.tags.some((t) => t.tag === tag)) return notFound('Tag not found');
  return d.events.filter((e) => e.tags.includes(tag));
}

function distinct(ctx: RequestContext, split: Split): Reply {
  const d = domainOf(ctx);
  const keys = new Set(
    d.events
      .filter((e) => e.tags.length > 0)
      .map(keyOf[split])
      .filter((k): k is string => k !== undefined),
  );
  return json(200, { items: [...keys].sort() });
}

const TYPES: Readonly<Record<string, Split>> = { country: 'countries', device: 'devices', provider: 'providers' };
const SINGULAR: Readonly<Record<Split, string>> = { countries: 'country', devices: 'device', providers: 'provider' };

export const aggregateRoutes: readonly RouteDef[] = [
  ...(['countries', 'devices', 'providers'] as const).flatMap((split): RouteDef[] => [
    {
      method: 'GET',
      path: `/v3/{domain}/aggregates/${split}`,
      domainParam: 'domain',
      handler: (ctx) => json(200, { [split]: counted(domainOf(ctx).events, split, true) }),
    },
    {
      method: 'GET',
      path: `/v3/{domain}/tags/{tag}/stats/aggregates/${split}`,
      domainParam: 'domain',
      handler: (ctx) => json(200, { tag: param(ctx, 'tag'), [split]: counted(tagged(ctx, param(ctx, 'tag')), split, false) }),
    },
    { method: 'GET', path: `/v3/domains/{domain}/tag/${split}`, domainParam: 'domain', handler: (ctx) => distinct(ctx, split) },
  ]),
  {
    method: 'GET',
    path: '/v3/{domain}/tag/stats/aggregates',
    domainParam: 'domain',
    handler: (ctx) => {
      const tag = requiredField(ctx, 'tag');
      const rawType = requiredField(ctx, 'type');
      const split = TYPES[rawType] ?? badRequest("'type' must be country, device or provider");
      return json(200, { tag, [SINGULAR[split]]: counted(tagged(ctx, tag), split, true) });
    },
  },
];
