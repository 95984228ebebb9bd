export { convertDate, type DateConversion, type DateConversionResult, type DateForm } from './dates';
export { evaluateDns } from './dns';
export { domainHealthFileName, renderDomainHealthJson, renderDomainHealthMarkdown } from './domain-health-markdown';
export { deliveryStatus, normaliseMessageId, timelineFrom, toTimelineEvent } from './events';
export { classifyValue, type InvestigateKind, type InvestigateTarget } from './investigate-target';
export { recipientConclusion, searchedWords } from './recipient-verdict';
export { editDistance, type SimilarAddress, similarAddresses } from './similar-addresses';
export type * from './types';
export { suppressionLists } from './types';
export {
  isHexSha256,
  type ParsedWebhook,
  parseWebhookPayload,
  timestampFreshness,
  WEBHOOK_MAX_AGE_SECONDS,
  type WebhookParseResult,
} from './webhook-payload';
