import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Environment } from '../../../shared/environments/types';
import { AppFailure } from '../../../shared/errors';
import type { SignatureVerdict, WebhookCheck } from '../../../shared/support/types';
import { isHexSha256, parseWebhookPayload, timestampFreshness } from '../../../shared/support/webhook-payload';
import type { Keychain } from '../keychain';

/**
 * Checking a pasted webhook body against the environment's webhook signing
 * key: hex HMAC-SHA256 over timestamp + token. The signing key lives in the
 * keychain next to the API key, under its own account name; neither key, nor
 * any HMAC computed with them, is ever returned.
 */

export interface WebhookSignatureDeps {
  readonly keychain: Keychain;
  readonly environments: { get(id: string): Promise<Environment> };
  /** Epoch milliseconds. */
  readonly clock: () => number;
}

export function signingKeyAccount(environmentId: string): string {
  return `${environmentId}:webhook-signing-key`;
}

function hmacMatches(key: string, timestamp: string, token: string, signature: string): boolean {
  const expected = createHmac('sha256', key)
    .update(timestamp + token)
    .digest();
  const given = Buffer.from(signature.trim().toLowerCase(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function createWebhookSignatureChecker(deps: WebhookSignatureDeps) {
  const { keychain } = deps;

  async function setKey(environmentId: string, key: string): Promise<{ hasKey: true }> {
    await deps.environments.get(environmentId);
    const trimmed = key.trim();
    if (trimmed === '' || /\s/.test(trimmed)) {
      throw new AppFailure(
        'invalid-argument',
        'The signing key cannot be empty or contain spaces.',
        'Copy the HTTP webhook signing key from the Mailgun control panel again.',
        'key',
      );
    }
    await keychain.setKey(signingKeyAccount(environmentId), trimmed);
    return { hasKey: true };
  }

  async function deleteKey(environmentId: string): Promise<{ hasKey: false; deleted: boolean }> {
    return { hasKey: false, deleted: await keychain.deleteKey(signingKeyAccount(environmentId)) };
  }

  async function hasKey(environmentId: string): Promise<{ hasKey: boolean }> {
    return { hasKey: await keychain.hasKey(signingKeyAccount(environmentId)) };
  }

  async function check(arg: { environmentId: string; payload: string }): Promise<WebhookCheck> {
    const environment = await deps.environments.get(arg.environmentId);
    const parsed = parseWebhookPayload(arg.payload);
    if (!parsed.ok) throw new AppFailure('invalid-argument', parsed.message, parsed.hint, 'payload');
    const { form, timestamp, token, signature, eventData, summary } = parsed.value;
    const notes = [...parsed.value.notes];
    const freshness = timestampFreshness(timestamp, deps.clock());
    if (freshness.ageSeconds !== null && freshness.ageSeconds < -freshness.maxAgeSeconds) {
      notes.push('The timestamp lies in the future; check the clock of whatever produced this body.');
    }
    if (token.length !== 50) notes.push(`Mailgun tokens are 50 characters long; this one has ${token.length}.`);
    notes.push(
      'The signature covers only the timestamp and token. Changes to the event data cannot be detected by it, so also keep each token only once to refuse replays.',
    );

    const signingKey = await keychain.getKey(signingKeyAccount(environment.id));
    const wellFormed = isHexSha256(signature);
    const apiKey = wellFormed && environment.hasKey ? await keychain.getKey(environment.id).catch(() => null) : null;
    const matchesSigningKey = wellFormed && signingKey !== null && hmacMatches(signingKey, timestamp, token, signature);
    const matchesApiKey = !matchesSigningKey && apiKey !== null && hmacMatches(apiKey, timestamp, token, signature);

    let verdict: SignatureVerdict;
    let message: string;
    let hint: string;
    if (!wellFormed) {
      verdict = 'malformed';
      message = 'The signature is not a hex HMAC-SHA256 (64 hex characters), so it cannot be valid.';
      hint = 'Check the body was pasted whole and that nothing re-encoded the signature.';
    } else if (matchesSigningKey) {
      verdict = 'valid';
      message = freshness.fresh
        ? 'The signature is valid: it was made with this environment’s webhook signing key.'
        : 'The signature is valid, but the timestamp is not recent, so a receiver checking freshness would reject it as a possible replay.';
      hint = freshness.fresh
        ? ''
        : `Receivers usually refuse timestamps more than ${freshness.maxAgeSeconds / 60} minutes away from their clock.`;
    } else if (matchesApiKey) {
      verdict = 'api-key-used';
      message = 'This signature was made with the environment’s API key, not with the webhook signing key.';
      hint =
        'Mailgun signs webhooks with the HTTP webhook signing key (Control panel → Webhooks). Use that key to sign and verify, not the API key.';
    } else if (signingKey === null) {
      verdict = 'no-signing-key';
      message = 'No webhook signing key is stored for this environment, so the signature cannot be checked.';
      hint = 'Save the HTTP webhook signing key from the Mailgun control panel above, then check again.';
    } else {
      verdict = 'invalid';
      message = 'The signature does not match: the timestamp, token or signature was changed, or it was signed with another key.';
      hint =
        'Verify over the raw timestamp and token strings exactly as received (timestamp first), with the signing key of the account that sent it.';
    }
    return {
      form,
      verdict,
      signatureValid: verdict === 'valid',
      message,
      hint,
      timestamp: { value: timestamp, ...freshness },
      token,
      summary,
      eventDataJson: eventData === null ? '' : JSON.stringify(eventData, null, 2),
      notes,
    };
  }

  return { setKey, deleteKey, hasKey, check };
}
