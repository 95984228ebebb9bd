import type { ConnectionTestResult } from '../../shared/bridge/environments';
import { baseUrlFor, isOfficialRegion, otherRegion, regionBaseUrlFor, regionLabels } from '../../shared/environments/regions';
import type { Environment, OfficialRegion } from '../../shared/environments/types';
import { AppFailure } from '../../shared/errors';
import { describeProxyRoute } from '../network/proxy-settings';
import type { RequestPipeline } from './request-pipeline';

/** The answer is one domain record; anything much bigger is not Mailgun, and is not read further. */
const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * "Test connection": one cheap read that proves the key, region and domain
 * fit together. When the answer suggests the wrong region (401 or 404), the
 * other official region is asked with the same key, since that is the most
 * common set-up mistake. The key is only ever sent to the environment's own
 * host or the other official region's host, and redirects to any other
 * origin are not followed.
 */

export interface ConnectionTesterDeps {
  /** Main's one request pipeline: origin check before the key is read, the user's size cap, cancelling, redaction. */
  readonly pipeline: Pick<RequestPipeline, 'probe' | 'operation'>;
  /** Chromium's proxy answer for a URL (`session.resolveProxy` in the app, always `DIRECT` on Node's fetch). */
  readonly resolveProxy: (url: string) => Promise<string>;
  readonly timeoutMs?: number;
}

export interface ConnectionTester {
  /** `requestId` lets `cancelRequest` stop the test. */
  test(environment: Environment, requestId?: string): Promise<ConnectionTestResult>;
}

type Attempt = { readonly status: number; readonly body: string } | { readonly status: null; readonly failure: AppFailure };

function hostOf(url: string): string {
  return new URL(url).host;
}

function domainState(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { domain?: { state?: unknown } };
    return typeof parsed.domain?.state === 'string' ? parsed.domain.state : null;
  } catch {
    return null;
  }
}

export function createConnectionTester(deps: ConnectionTesterDeps): ConnectionTester {
  async function attempt(baseUrl: string, allowedHosts: ReadonlySet<string>, environment: Environment): Promise<Attempt> {
    const url = `${baseUrl}/v4/domains/${encodeURIComponent(environment.domain)}`;
    if (!allowedHosts.has(hostOf(url)))
      throw new AppFailure('forbidden-host', 'Refused to send the key to an unexpected host.', 'Check the base URL of this environment.');
    const headers: [string, string][] = [['Accept', 'application/json']];
    if (environment.subaccountId !== undefined) headers.push(['X-Mailgun-On-Behalf-Of', environment.subaccountId]);
    try {
      const raw = await deps.pipeline.probe({
        environmentId: environment.id,
        baseUrl,
        prepared: { method: 'GET', url, headers },
        limits: { ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}), maxBytes: MAX_ANSWER_BYTES },
      });
      return { status: raw.status, body: new TextDecoder().decode(raw.bytes) };
    } catch (error) {
      if (error instanceof AppFailure && (error.code === 'key-missing' || error.code === 'cancelled')) throw error;
      return {
        status: null,
        failure: error instanceof AppFailure ? error : new AppFailure('internal', 'The test failed unexpectedly.', 'Try again.'),
      };
    }
  }

  async function compareWithOther(
    other: OfficialRegion,
    problem: string,
    refused: boolean,
    allowed: ReadonlySet<string>,
    environment: Environment,
  ): Promise<Pick<ConnectionTestResult, 'otherRegion' | 'message' | 'hint'>> {
    const second = await attempt(regionBaseUrlFor(environment, other), allowed, environment);
    const there = `the ${regionLabels[other]} region`;
    const otherRegionResult = { region: other, status: second.status, found: second.status === 200 };
    if (second.status === 200) {
      return {
        otherRegion: otherRegionResult,
        message: `${problem}, but ${environment.domain} was found in ${there} with the same key.`,
        hint: `Switch this environment to ${there}.`,
      };
    }
    if (second.status === null) {
      return {
        otherRegion: otherRegionResult,
        message: `${problem}; ${there} could not be reached to compare.`,
        hint: refused ? 'Check the API key and try again.' : 'Check the domain name and try again.',
      };
    }
    if (refused && second.status === 401) {
      return {
        otherRegion: otherRegionResult,
        message: 'The key was refused in both regions.',
        hint: 'Check that this is the primary account API key, copied in full, and that it has not been revoked or limited to other IP addresses.',
      };
    }
    return {
      otherRegion: otherRegionResult,
      message: `${problem}, and ${environment.domain} was not found in ${there} either (HTTP ${second.status}).`,
      hint: 'Check the spelling of the domain and that it has been added to this Mailgun account (or subaccount).',
    };
  }

  return {
    test: (environment, requestId) => deps.pipeline.operation(requestId, () => run(environment)),
  };

  /** The route is extra information: not knowing it must not fail the test itself. */
  async function routeTo(baseUrl: string): Promise<{ route?: string }> {
    try {
      return { route: describeProxyRoute(await deps.resolveProxy(baseUrl)) };
    } catch {
      return {};
    }
  }

  async function run(environment: Environment): Promise<ConnectionTestResult> {
    const baseUrl = baseUrlFor(environment);
    const region = environment.region;
    const here = isOfficialRegion(region) ? `the ${regionLabels[region]} region` : hostOf(baseUrl);
    const base = { region, baseUrl, ...(await routeTo(baseUrl)) };
    const domain = environment.domain;

    if (environment.keyKind === 'sending') {
      return {
        ...base,
        ok: false,
        checked: false,
        status: null,
        message: 'Nothing was sent: a domain sending key can only send mail, so there is no harmless request to check it with.',
        hint: `To check it, send a message through ${domain} with the o:testmode option set to yes; Mailgun accepts it without delivering it.`,
      };
    }

    const other = otherRegion(region);
    const allowed = new Set([hostOf(baseUrl), ...(other === null ? [] : [hostOf(regionBaseUrlFor(environment, other))])]);
    const first = await attempt(baseUrl, allowed, environment);

    if (first.status === null) {
      return {
        ...base,
        ok: false,
        checked: true,
        status: null,
        errorCode: first.failure.code,
        message: first.failure.message,
        hint: first.failure.hint,
      };
    }
    const status = first.status;
    if (status === 200) {
      const state = domainState(first.body);
      return {
        ...base,
        ok: true,
        checked: true,
        status,
        message: `Connected: the key works and ${domain} was found in ${here}${state === null ? '' : ` (state: ${state})`}.`,
        hint:
          state !== null && state !== 'active'
            ? 'The domain is not active yet; verify its DNS records in Mailgun before sending real mail.'
            : '',
      };
    }
    if (status === 401 || status === 404) {
      const refused = status === 401;
      const problem = refused ? `The key was refused in ${here}` : `${domain} was not found in ${here}`;
      if (other === null) {
        return {
          ...base,
          ok: false,
          checked: true,
          status,
          message: `${problem}.`,
          hint: refused
            ? 'Check the API key; custom URLs are not compared with the official regions.'
            : 'Check the domain name and what your custom URL forwards to.',
        };
      }
      return {
        ...base,
        ...(await compareWithOther(other, problem, refused, allowed, environment)),
        ok: false,
        checked: true,
        status,
      };
    }
    return { ...base, ok: false, checked: true, status, ...explainOther(status) };
  }
}

function explainOther(status: number): { message: string; hint: string } {
  if (status >= 300 && status < 400) {
    return {
      message: `The server answered with a redirect (HTTP ${status}), which is not followed so the key is not sent elsewhere.`,
      hint: 'Check the base URL.',
    };
  }
  if (status === 403) {
    return {
      message: 'The key was accepted but may not read domain details (HTTP 403).',
      hint: "A key with a restricted role or an IP allowlist can cause this; check the key's role and the allowlist in the Mailgun control panel.",
    };
  }
  if (status === 429) return { message: 'Mailgun is limiting the request rate (HTTP 429).', hint: 'Wait a minute, then test again.' };
  if (status >= 500) return { message: `Mailgun answered with a server error (HTTP ${status}).`, hint: 'Try again in a few minutes.' };
  return { message: `Unexpected answer: HTTP ${status}.`, hint: 'Check the base URL and the domain name.' };
}
