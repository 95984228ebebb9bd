import { accountEndpoints, accountGroup } from './groups/account';
import { alertsEndpoints, alertsGroup } from './groups/alerts';
import { allowlistEndpoints, allowlistGroup } from './groups/allowlist';
import { bounceClassificationEndpoints, bounceClassificationGroup } from './groups/bounce-classification';
import { bouncesEndpoints, bouncesGroup } from './groups/bounces';
import { complaintsEndpoints, complaintsGroup } from './groups/complaints';
import { credentialsEndpoints, credentialsGroup } from './groups/credentials';
import { customMessageLimitEndpoints, customMessageLimitGroup } from './groups/custom-message-limit';
import { dkimSecurityEndpoints, dkimSecurityGroup } from './groups/dkim-security';
import { domainKeysEndpoints, domainKeysGroup } from './groups/domain-keys';
import { domainTrackingEndpoints, domainTrackingGroup } from './groups/domain-tracking';
import { domainsEndpoints, domainsGroup } from './groups/domains';
import { dynamicIpPoolsEndpoints, dynamicIpPoolsGroup } from './groups/dynamic-ip-pools';
import { emailPreviewEndpoints, emailPreviewGroup } from './groups/email-preview';
import { eventsEndpoints, eventsGroup } from './groups/events';
import { inboxPlacementEndpoints, inboxPlacementGroup } from './groups/inbox-placement';
import { ipAllowlistEndpoints, ipAllowlistGroup } from './groups/ip-allowlist';
import { ipPoolsEndpoints, ipPoolsGroup } from './groups/ip-pools';
import { ipWarmupEndpoints, ipWarmupGroup } from './groups/ip-warmup';
import { ipsEndpoints, ipsGroup } from './groups/ips';
import { keysEndpoints, keysGroup } from './groups/keys';
import { logsEndpoints, logsGroup } from './groups/logs';
import { mailingListsEndpoints, mailingListsGroup } from './groups/mailing-lists';
import { messagesEndpoints, messagesGroup } from './groups/messages';
import { metricsEndpoints, metricsGroup } from './groups/metrics';
import { routesEndpoints, routesGroup } from './groups/routes';
import { sandboxRecipientsEndpoints, sandboxRecipientsGroup } from './groups/sandbox-recipients';
import { statsEndpoints, statsGroup } from './groups/stats';
import { subaccountsEndpoints, subaccountsGroup } from './groups/subaccounts';
import { tagsEndpoints, tagsGroup } from './groups/tags';
import { tagsNewEndpoints, tagsNewGroup } from './groups/tags-new';
import { templatesEndpoints, templatesGroup } from './groups/templates';
import { unsubscribesEndpoints, unsubscribesGroup } from './groups/unsubscribes';
import { usersEndpoints, usersGroup } from './groups/users';
import { validationsEndpoints, validationsGroup } from './groups/validations';
import { webhooksEndpoints, webhooksGroup } from './groups/webhooks';
import type { EndpointDef, GroupDef, GroupId } from './types';

interface GroupModule {
  readonly group: GroupDef;
  readonly endpoints: readonly EndpointDef[];
}

const modules: readonly GroupModule[] = [
  { group: accountGroup, endpoints: accountEndpoints },
  { group: alertsGroup, endpoints: alertsEndpoints },
  { group: allowlistGroup, endpoints: allowlistEndpoints },
  { group: bounceClassificationGroup, endpoints: bounceClassificationEndpoints },
  { group: bouncesGroup, endpoints: bouncesEndpoints },
  { group: complaintsGroup, endpoints: complaintsEndpoints },
  { group: credentialsGroup, endpoints: credentialsEndpoints },
  { group: customMessageLimitGroup, endpoints: customMessageLimitEndpoints },
  { group: dkimSecurityGroup, endpoints: dkimSecurityEndpoints },
  { group: domainKeysGroup, endpoints: domainKeysEndpoints },
  { group: domainTrackingGroup, endpoints: domainTrackingEndpoints },
  { group: domainsGroup, endpoints: domainsEndpoints },
  { group: dynamicIpPoolsGroup, endpoints: dynamicIpPoolsEndpoints },
  { group: emailPreviewGroup, endpoints: emailPreviewEndpoints },
  { group: eventsGroup, endpoints: eventsEndpoints },
  { group: inboxPlacementGroup, endpoints: inboxPlacementEndpoints },
  { group: ipAllowlistGroup, endpoints: ipAllowlistEndpoints },
  { group: ipPoolsGroup, endpoints: ipPoolsEndpoints },
  { group: ipWarmupGroup, endpoints: ipWarmupEndpoints },
  { group: ipsGroup, endpoints: ipsEndpoints },
  { group: keysGroup, endpoints: keysEndpoints },
  { group: logsGroup, endpoints: logsEndpoints },
  { group: mailingListsGroup, endpoints: mailingListsEndpoints },
  { group: messagesGroup, endpoints: messagesEndpoints },
  { group: metricsGroup, endpoints: metricsEndpoints },
  { group: routesGroup, endpoints: routesEndpoints },
  { group: sandboxRecipientsGroup, endpoints: sandboxRecipientsEndpoints },
  { group: statsGroup, endpoints: statsEndpoints },
  { group: subaccountsGroup, endpoints: subaccountsEndpoints },
  { group: tagsGroup, endpoints: tagsEndpoints },
  { group: tagsNewGroup, endpoints: tagsNewEndpoints },
  { group: templatesGroup, endpoints: templatesEndpoints },
  { group: unsubscribesGroup, endpoints: unsubscribesEndpoints },
  { group: usersGroup, endpoints: usersEndpoints },
  { group: validationsGroup, endpoints: validationsEndpoints },
  { group: webhooksGroup, endpoints: webhooksEndpoints },
];

/**
 * Sidebar order: what people do most (sending, domains, suppressions) first,
 * account administration later. Deprecated groups always sink below the rest.
 * A Record, so adding a GroupId without placing it here fails to compile.
 */
const SIDEBAR_RANK: Readonly<Record<GroupId, number>> = {
  messages: 0,
  domains: 1,
  'domain-keys': 2,
  'domain-tracking': 3,
  'dkim-security': 4,
  credentials: 5,
  'sandbox-recipients': 6,
  bounces: 7,
  unsubscribes: 8,
  complaints: 9,
  allowlist: 10,
  webhooks: 11,
  routes: 12,
  templates: 13,
  'mailing-lists': 14,
  logs: 15,
  metrics: 16,
  'tags-new': 17,
  'bounce-classification': 18,
  alerts: 19,
  ips: 20,
  'ip-pools': 21,
  'dynamic-ip-pools': 22,
  'ip-warmup': 23,
  'ip-allowlist': 24,
  subaccounts: 25,
  account: 26,
  users: 27,
  keys: 28,
  'custom-message-limit': 29,
  validations: 30,
  'inbox-placement': 31,
  'email-preview': 32,
  events: 33,
  tags: 34,
  stats: 35,
};

const sidebarRank = (group: GroupDef): number => (group.deprecated ? 1000 : 0) + SIDEBAR_RANK[group.id];

/** Every group, in sidebar order. */
export const groups: readonly GroupDef[] = modules.map((m) => m.group).sort((a, b) => sidebarRank(a) - sidebarRank(b));

const endpointsOf = new Map<GroupId, EndpointDef[]>(groups.map((g) => [g.id, []]));
for (const source of modules) {
  for (const endpoint of source.endpoints) endpointsOf.get(endpoint.group)?.push(endpoint);
}

/** Every endpoint, grouped and in sidebar order. */
export const catalog: readonly EndpointDef[] = groups.flatMap((g) => endpointsOf.get(g.id) ?? []);

export interface CatalogSection {
  readonly group: GroupDef;
  readonly endpoints: readonly EndpointDef[];
}

/** Groups with their endpoints, ready for a sidebar. */
export const catalogTree: readonly CatalogSection[] = groups.map((group) => ({ group, endpoints: endpointsOf.get(group.id) ?? [] }));

const byId = new Map(catalog.map((e) => [e.id, e]));
const groupById = new Map(groups.map((g) => [g.id, g]));

export function getEndpoint(id: string): EndpointDef | undefined {
  return byId.get(id);
}

export function getGroup(id: GroupId): GroupDef | undefined {
  return groupById.get(id);
}

export function endpointsByGroup(id: GroupId): readonly EndpointDef[] {
  return endpointsOf.get(id) ?? [];
}
