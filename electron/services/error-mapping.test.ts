import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../shared/errors';
import { collectErrorCodes, mapRequestError } from './error-mapping';

const context = { host: 'api.mailgun.net', timeoutMs: 60_000 };

function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

function coded(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe('mapRequestError', () => {
  it.each([
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['ECONNREFUSED', 'connection-refused'],
    ['ECONNRESET', 'connection-reset'],
    ['UND_ERR_SOCKET', 'connection-reset'],
    ['ETIMEDOUT', 'timeout'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout'],
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls'],
    ['EHOSTUNREACH', 'network'],
    ['SOMETHING_NEW', 'network'],
  ])('maps %s to %s with a message and a hint', (code, expected) => {
    const failure = mapRequestError(fetchFailed(coded(code)), context);
    expect(failure.code).toBe(expected);
    expect(failure.message).toContain('api.mailgun.net');
    expect(failure.hint.length).toBeGreaterThan(10);
  });

  it('names the TLS problem in plain words', () => {
    expect(mapRequestError(fetchFailed(coded('CERT_HAS_EXPIRED')), context).message).toContain('expired');
    expect(mapRequestError(fetchFailed(coded('ERR_TLS_CERT_ALTNAME_INVALID')), context).message).toContain('different host name');
  });

  it('looks inside AggregateError (IPv4 and IPv6 both refused)', () => {
    const aggregate = Object.assign(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]), { code: 'ECONNREFUSED' });
    expect(mapRequestError(fetchFailed(aggregate), context).code).toBe('connection-refused');
    expect(collectErrorCodes(fetchFailed(new AggregateError([coded('EHOSTUNREACH')])))).toEqual(['EHOSTUNREACH']);
  });

  it('tells a cancel from a timeout by our own abort reason, not by the AbortError', () => {
    const abort = new DOMException('This operation was aborted', 'AbortError');
    expect(mapRequestError(abort, { ...context, abortReason: 'cancelled' }).code).toBe('cancelled');
    const timeout = mapRequestError(abort, { ...context, abortReason: 'timeout' });
    expect(timeout.code).toBe('timeout');
    expect(timeout.message).toContain('60 s');
  });

  it('treats a failure after the headers as an incomplete response', () => {
    const failure = mapRequestError(new TypeError('terminated'), { ...context, duringBody: true });
    expect(failure.code).toBe('connection-reset');
    expect(failure.message).toContain('before the response was complete');
  });

  it('reports a file that vanished while being uploaded', () => {
    const failure = mapRequestError(fetchFailed(new DOMException('The blob could not be read', 'NotReadableError')), context);
    expect(failure.code).toBe('file-missing');
  });

  it('passes AppFailures through unchanged', () => {
    const original = new AppFailure('too-large', 'Too big.', 'Ask for less.');
    expect(mapRequestError(original, context)).toBe(original);
  });

  it('survives values that are not errors at all', () => {
    expect(mapRequestError(undefined, context).code).toBe('network');
    expect(mapRequestError('boom', context).code).toBe('network');
    const loop: { cause?: unknown; code: string } = { code: 'ECONNRESET' };
    loop.cause = loop;
    expect(mapRequestError(loop, context).code).toBe('connection-reset');
  });
});

describe('mapRequestError with Chromium errors (Electron net.fetch)', () => {
  const chromium = (name: string) => new Error(`net::${name}`);

  it.each([
    ['ERR_PROXY_CONNECTION_FAILED', 'proxy', 'could not be reached'],
    ['ERR_TUNNEL_CONNECTION_FAILED', 'proxy', 'could not be reached'],
    ['ERR_PROXY_AUTH_REQUESTED', 'proxy', '407'],
    ['ERR_PROXY_AUTH_UNSUPPORTED', 'proxy', '407'],
    ['ERR_PAC_SCRIPT_FAILED', 'proxy', 'PAC script'],
    ['ERR_CERT_AUTHORITY_INVALID', 'tls', 'authority this computer does not trust'],
    ['ERR_CERT_COMMON_NAME_INVALID', 'tls', 'different host name'],
    ['ERR_CERT_DATE_INVALID', 'tls', 'expired'],
    ['ERR_CONNECTION_REFUSED', 'connection-refused', 'refused'],
    ['ERR_NAME_NOT_RESOLVED', 'dns', 'could not be found'],
    ['ERR_CONNECTION_TIMED_OUT', 'timeout', 'timed out'],
    ['ERR_CONNECTION_RESET', 'connection-reset', 'closed the connection'],
    ['ERR_INTERNET_DISCONNECTED', 'network', 'cannot be reached'],
  ])('maps net::%s to %s in plain words', (name, code, words) => {
    const failure = mapRequestError(chromium(name), context);
    expect(failure.code).toBe(code);
    expect(failure.message).toContain('api.mailgun.net');
    expect(failure.message).toContain(words);
  });

  it('points proxy and unknown-CA failures at the network settings', () => {
    expect(mapRequestError(chromium('ERR_PROXY_AUTH_REQUESTED'), context).hint).toContain('Settings > Network');
    expect(mapRequestError(chromium('ERR_PROXY_CONNECTION_FAILED'), context).hint).toContain('Settings > Network');
    expect(mapRequestError(chromium('ERR_CERT_AUTHORITY_INVALID'), context).hint).toContain('CA certificate');
    expect(mapRequestError(fetchFailed(coded('UNABLE_TO_GET_ISSUER_CERT_LOCALLY')), context).hint).toContain('CA certificate');
  });

  it('finds the Chromium name inside a wrapped error', () => {
    expect(collectErrorCodes(new TypeError('fetch failed', { cause: chromium('ERR_PROXY_CONNECTION_FAILED') }))).toContain(
      'ERR_PROXY_CONNECTION_FAILED',
    );
  });
});
