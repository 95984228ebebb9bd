import type { EndpointDef } from '../../../shared/catalog/types';
import type { Environment, EnvironmentInput } from '../../../shared/environments/types';
import type { MessageTrace, RecipientLookup } from '../../../shared/support/types';
import type { Keychain } from '../keychain';
import type { Redactor } from '../redaction';
import { type BaseUrlSender, createCallRunner, type SupportSender } from './call-runner';
import { createDomainHealth } from './domain-health';
import { createInvestigationReports } from './investigation-reports';
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
  /** Main's one redactor, which every exported investigation passes through. */
  readonly redactor: Pick<Redactor, 'text'>;
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
  const reports = createInvestigationReports({ redactor: deps.redactor, clock: deps.clock, ...(deps.newId ? { newId: deps.newId } : {}) });
  const recipientTools = createRecipientTools({ runner, environments, clock: deps.clock });
  const tracer = createMessageTracer({ runner, environments, clock: deps.clock });
  return {
    recipients: {
      lookup: async (arg: Parameters<typeof recipientTools.lookup>[0]) =>
        reports.remember<RecipientLookup>('recipient', arg.environmentId, await recipientTools.lookup(arg)),
      release: recipientTools.release,
    },
    tracer: {
      trace: async (arg: Parameters<typeof tracer.trace>[0]) =>
        reports.remember<MessageTrace>('trace', arg.environmentId, await tracer.trace(arg)),
    },
    reports,
    domainHealth: createDomainHealth({ runner, environments, clock: deps.clock, ...(deps.newId ? { newId: deps.newId } : {}) }),
    regions: createRegionFinder({ runner, environments }),
    webhooks: createWebhookSignatureChecker({ keychain: deps.keychain, environments, clock: deps.clock }),
  };
}

export type SupportServices = ReturnType<typeof createSupportServices>;
