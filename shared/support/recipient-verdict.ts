import type { SimilarAddress } from './similar-addresses';
import type { RecipientBlock, RecipientMessage, ScopeSearch, SuppressionList } from './types';

/**
 * The one sentence a support agent can read out to a customer: whether mail
 * to the address is suppressed, what was sent to it in the period, and which
 * similar addresses did get mail (usually the customer's typo).
 */

export interface ConclusionInput {
  readonly address: string;
  readonly blocks: readonly RecipientBlock[];
  /** True when some list could not be read. */
  readonly unknown: boolean;
  readonly messages: readonly RecipientMessage[];
  readonly similar: readonly SimilarAddress[];
  readonly periodDays: number;
  readonly searched: readonly ScopeSearch[];
}

const listNames: Record<SuppressionList, string> = {
  bounces: 'bounce list',
  complaints: 'complaint list',
  unsubscribes: 'unsubscribe list',
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function period(days: number): string {
  return days === 1 ? 'the last day' : `the last ${days} days`;
}

function joinWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** "2 domains in US and EU, and 1 subaccount", so the reader knows how wide the search was. */
export function searchedWords(searched: readonly ScopeSearch[]): string {
  const domains = searched.reduce((sum, s) => sum + s.domains, 0);
  const regions = [...new Set(searched.map((s) => s.scope.regionLabel))];
  const subaccounts = new Set(searched.map((s) => s.scope.subaccountId).filter((id) => id !== null)).size;
  return `${plural(domains, 'domain')} in ${joinWords(regions)}${subaccounts > 0 ? `, with ${plural(subaccounts, 'subaccount')}` : ''}`;
}

function similarWords(similar: readonly SimilarAddress[]): string {
  if (similar.length === 0) return '';
  return `; similar addresses that did receive mail: ${similar.map((s) => `${s.address} (${s.delivered})`).join(', ')}`;
}

function outcomeWords(messages: readonly RecipientMessage[]): string {
  const counts = new Map<RecipientMessage['outcome'], number>();
  for (const m of messages) counts.set(m.outcome, (counts.get(m.outcome) ?? 0) + 1);
  const words: Record<RecipientMessage['outcome'], string> = {
    delivered: 'delivered',
    failed: 'failed',
    retrying: 'still being retried',
    accepted: 'accepted but not yet delivered',
  };
  return joinWords(
    (['delivered', 'failed', 'retrying', 'accepted'] as const).filter((o) => counts.has(o)).map((o) => `${counts.get(o)} ${words[o]}`),
  );
}

function blockWords(block: RecipientBlock): string {
  const where = `the ${listNames[block.list]} of ${block.domain} (${block.scope.regionLabel}${block.scope.subaccountName ? `, ${block.scope.subaccountName}` : ''})`;
  return `${where}${block.since ? ` since ${block.since}` : ''}`;
}

export function recipientConclusion(input: ConclusionInput): { verdict: 'blocked' | 'clear' | 'unknown'; message: string } {
  const effective = input.blocks.filter((b) => b.effective);
  const verdict = effective.length > 0 ? 'blocked' : input.unknown ? 'unknown' : 'clear';
  const when = period(input.periodDays);
  const sent =
    input.messages.length === 0
      ? `nothing was sent to this address in ${when} on any domain (${searchedWords(input.searched)} searched)`
      : `${plural(input.messages.length, 'message')} ${input.messages.length === 1 ? 'was' : 'were'} sent to it in ${when}: ${outcomeWords(input.messages)}; the last on ${input.messages[0]?.lastIso.slice(0, 16).replace('T', ' ')} UTC (${input.messages[0]?.lastEvent})`;
  const history = input.searched.some((s) => s.source === 'none') ? ' Part of the sending history could not be read.' : '';
  const similar = input.messages.length === 0 ? similarWords(input.similar) : '';
  let head: string;
  if (verdict === 'blocked')
    head = `Suppressed: ${input.address} is on ${effective.map(blockWords).join(' and ')}. Mailgun drops mail to it there, and `;
  else if (verdict === 'unknown') head = 'Some suppression lists could not be read, so it is not certain whether mail is suppressed; ';
  else if (input.blocks.length > 0) head = 'On a suppression list, but an allowlist entry lets mail through; ';
  else head = 'Not suppressed, and ';
  const tail = head.endsWith('and ') ? sent : `${sent.charAt(0).toLowerCase()}${sent.slice(1)}`;
  return { verdict, message: `${head}${tail}${similar}.${history}` };
}
