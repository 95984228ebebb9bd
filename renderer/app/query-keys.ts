import type { RegionBoundResource } from '../../shared/status';

/**
 * Every react-query key in the app, from one place, so an invalidation in one
 * feature always names the same key another feature reads. Keys nest: invalidating
 * `environments()` also refreshes each environment's key status.
 */
export const queryKeys = {
  catalog: () => ['catalog'] as const,
  appInfo: () => ['app-info'] as const,
  environments: () => ['environments'] as const,
  keyStatus: (environmentId: string) => ['environments', 'key-status', environmentId] as const,
  variablePreview: (environmentId: string) => ['environments', 'variables', environmentId] as const,
  history: () => ['history'] as const,
  historyList: (query: string) => ['history', query] as const,
  historyEntries: () => ['history-entry'] as const,
  historyEntry: (id: string | null) => ['history-entry', id] as const,
  savedRequests: () => ['saved-requests'] as const,
  snippets: (environmentId: string, endpointId: string, valuesJson: string) => ['snippets', environmentId, endpointId, valuesJson] as const,
  sandboxStatus: () => ['sandbox-status'] as const,
  resourceRegion: (environmentId: string, region: string, resource: RegionBoundResource) =>
    ['support', 'resource-region', environmentId, region, resource] as const,
  webhookSigningKey: (environmentId: string) => ['support', 'webhook-signing-key', environmentId] as const,
  webhookInbox: (environmentId: string | null) => ['webhook-inbox', environmentId] as const,
  webhookInboxDelivery: (id: string, environmentId: string | null) => ['webhook-inbox', environmentId, id] as const,
  sandboxMessages: () => ['sandbox-messages'] as const,
  sandboxMessage: (region: string, domain: string, key: string) => ['sandbox-messages', region, domain, key] as const,
};
