/**
 * The bridge's method names and channels, without their schemas: this is all
 * preload needs, so the sandboxed preload script stays small. contract.ts
 * checks at compile time that this list and the contract name the same methods.
 */
export const methodNames = [
  'getAppInfo',
  'openExternal',
  'listEnvironments',
  'saveEnvironment',
  'duplicateEnvironment',
  'deleteEnvironment',
  'reorderEnvironments',
  'setActiveEnvironment',
  'setApiKey',
  'deleteApiKey',
  'hasApiKey',
  'retryKeyDeletion',
  'acknowledgeRecovery',
  'exportEnvironments',
  'exportEnvironmentsToFile',
  'importEnvironments',
  'importEnvironmentsFromFile',
  'testConnection',
  'sendRequest',
  'cancelRequest',
  'setRequestLimits',
  'pickFiles',
  'releaseFiles',
  'saveResponseBody',
  'listHistory',
  'getHistoryEntry',
  'clearHistory',
  'deleteHistoryEntry',
  'getSandboxStatus',
  'resetSandbox',
  'generateSnippets',
  'copySnippetWithKey',
  'listSavedRequests',
  'createCollection',
  'renameCollection',
  'deleteCollection',
  'saveRequest',
  'renameSavedRequest',
  'deleteSavedRequest',
  'moveSavedRequest',
  'importPostmanCollectionFromFile',
  'importPostmanCollection',
  'exportCollectionToFile',
  'sendSavedRequest',
  'sendCustomRequest',
  'lookupRecipient',
  'releaseRecipient',
  'traceMessage',
  'domainHealth',
  'exportDomainHealth',
  'exportInvestigation',
  'findRegion',
  'findResourceRegion',
  'applyRegion',
  'setWebhookSigningKey',
  'deleteWebhookSigningKey',
  'hasWebhookSigningKey',
  'checkWebhookSignature',
  'convertDate',
  'reportRendererError',
  'getDesktopSettings',
  'saveDesktopSettings',
  'setProxyPassword',
  'deleteProxyPassword',
  'addCaCertificateFromFile',
  'removeCaCertificate',
  'resolveProxy',
  'getWorkspace',
  'saveWorkspace',
  'getWebhookInbox',
  'getWebhookInboxDelivery',
  'clearWebhookInbox',
  'replayWebhookDelivery',
  'listSandboxMessages',
  'getSandboxMessage',
  'saveSandboxAttachment',
  'simulateInboundMessage',
  'storeKeyFromCurl',
  'saveVariables',
  'previewVariables',
  'startLiveTail',
  'readLiveTail',
  'pauseLiveTail',
  'setLiveTailVisibility',
  'clearLiveTail',
  'stopLiveTail',
  'exportLiveTail',
  'parseBulkAddresses',
  'importBulkAddresses',
  'startBulkCheck',
  'bulkCheckStatus',
  'bulkCheckResults',
  'cancelBulkCheck',
  'retryBulkCheck',
  'releaseBulkCheck',
  'exportBulkCheck',
] as const;

export type ListedMethodName = (typeof methodNames)[number];

const listed: ReadonlySet<string> = new Set(methodNames);

export function isListedMethodName(value: unknown): value is ListedMethodName {
  return typeof value === 'string' && listed.has(value);
}

/** The prefix keeps our IPC channels apart from Electron's own. */
const channelPrefix = 'mailgun:';

export function channelFor(name: ListedMethodName): string {
  return `${channelPrefix}${name}`;
}

export function methodForChannel(channel: string): ListedMethodName | undefined {
  if (!channel.startsWith(channelPrefix)) return undefined;
  const name = channel.slice(channelPrefix.length);
  return isListedMethodName(name) ? name : undefined;
}

/** The name under which preload (or the test harness) installs the bridge on `window`. */
export const bridgeGlobalName = 'mailgun';
