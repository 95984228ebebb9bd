import type { EndpointDef } from '../../../shared/catalog/types';
import type { Environment, EnvironmentInput } from '../../../shared/environments/types';
import type { Keychain } from '../keychain';
import { type BaseUrlSender, createCallRunner, type SupportSender } from './call-runner';
import { createDomainHealth } from './domain-health';
import { createMessageTracer } from './message-trace';
import { createRecipientTools } from './recipient-lookup';
import { createRegionFinder } from './region-finder';
import { createWebhookSignatureChecker } from './webhook-signature';

export { createBaseUrlSender } from './base-url-probe';
export { signingKeyAccount } from './webhook-signature';

/** Everything the support tools need; the composition root passes the app's real services. */
export interface SupportServicesDeps {
  /** The app's normal request sender. */
  readonly sender: SupportSender;
  /** The same sender with a swapped base URL, for the region finder (createBaseUrlSender). */
  readonly probe?: BaseUrlSender;
  readonly getEndpoint: (id: string) => EndpointDef | undefined;
  readonly environments: { get(id: string): Promise<Environment>; save(input: EnvironmentInput): Promise<Environment> };
  readonly keychain: Keychain;
  /** Epoch milliseconds. */
  readonly clock: () => number;
  readonly newId?: () => string;
  readonly timeoutMs?: number;
}

export function createSupportServices(deps: SupportServicesDeps) {
  const runner = createCallRunner({
    sender: deps.sender,
    getEndpoint: deps.getEndpoint,
    ...(deps.probe ? { probe: deps.probe } : {}),
    ...(deps.newId ? { newId: deps.newId } : {}),
    ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
  });
  const environments = deps.environments;
  return {
    recipients: createRecipientTools({ runner, environments, clock: deps.clock }),
    tracer: createMessageTracer({ runner, environments, clock: deps.clock }),
    domainHealth: createDomainHealth({ runner, environments, clock: deps.clock, ...(deps.newId ? { newId: deps.newId } : {}) }),
    regions: createRegionFinder({ runner, environments }),
    webhooks: createWebhookSignatureChecker({ keychain: deps.keychain, environments, clock: deps.clock }),
  };
}

export type SupportServices = ReturnType<typeof createSupportServices>;
