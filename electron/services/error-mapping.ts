import { AppFailure } from '../../shared/errors';

/** Why our own AbortController fired, when it did. */
export type AbortReason = 'timeout' | 'cancelled' | 'too-large';

export interface MapErrorContext {
  readonly host: string;
  readonly timeoutMs: number;
  readonly abortReason?: AbortReason;
  /** True once the status line arrived: a failure then means the body was cut short. */
  readonly duringBody?: boolean;
}

const TLS_MESSAGES: Record<string, string> = {
  CERT_HAS_EXPIRED: 'its certificate has expired',
  CERT_NOT_YET_VALID: 'its certificate is not valid yet',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it presented a self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate chain contains a self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate could not be verified against a trusted authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the authority that issued its certificate is not trusted here',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for a different host name',
  CERT_REVOKED: 'its certificate has been revoked',
};

// Chromium's names for the same failures, as Electron's net.fetch reports them (`net::ERR_…`).
const CHROMIUM_TLS_MESSAGES: Record<string, string> = {
  ERR_CERT_DATE_INVALID: 'its certificate has expired or is not valid yet',
  ERR_CERT_COMMON_NAME_INVALID: 'its certificate is for a different host name',
  ERR_CERT_REVOKED: 'its certificate has been revoked',
  ERR_CERT_INVALID: 'its certificate is invalid',
  ERR_SSL_PROTOCOL_ERROR: 'the secure connection could not be set up',
};
const UNKNOWN_AUTHORITY_CODES = new Set([
  'ERR_CERT_AUTHORITY_INVALID',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);
const PROXY_AUTH_CODES = new Set([
  'ERR_PROXY_AUTH_REQUESTED',
  'ERR_PROXY_AUTH_UNSUPPORTED',
  'ERR_PROXY_AUTH_REQUESTED_WITH_NO_CONNECTION',
  'ERR_UNEXPECTED_PROXY_AUTH',
]);
const PROXY_UNREACHABLE_CODES = new Set([
  'ERR_PROXY_CONNECTION_FAILED',
  'ERR_TUNNEL_CONNECTION_FAILED',
  'ERR_SOCKS_CONNECTION_FAILED',
  'ERR_SOCKS_CONNECTION_HOST_UNREACHABLE',
  'ERR_PROXY_CERTIFICATE_INVALID',
]);
const PROXY_CONFIG_CODES = new Set(['ERR_MANDATORY_PROXY_CONFIGURATION_FAILED', 'ERR_PAC_SCRIPT_FAILED', 'ERR_PAC_NOT_IN_DHCP']);

const RESET_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'ECONNABORTED',
  'ERR_CONNECTION_RESET',
  'ERR_CONNECTION_CLOSED',
  'ERR_CONNECTION_ABORTED',
  'ERR_EMPTY_RESPONSE',
]);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ERR_CONNECTION_TIMED_OUT',
  'ERR_TIMED_OUT',
]);
const UNREACHABLE_CODES = new Set([
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
  'ERR_INTERNET_DISCONNECTED',
  'ERR_ADDRESS_UNREACHABLE',
  'ERR_NETWORK_CHANGED',
]);
const REFUSED_CODES = new Set(['ECONNREFUSED', 'ERR_CONNECTION_REFUSED']);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'ERR_NAME_NOT_RESOLVED', 'ERR_NAME_RESOLUTION_FAILED']);

/**
 * undici wraps the real cause (often several levels deep, sometimes in an
 * AggregateError when a host has both IPv4 and IPv6 addresses); collect every
 * code found so the most telling one can be picked.
 */
export function collectErrorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const record = value as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof record.code === 'string') codes.push(record.code);
    // Electron's net.fetch has no code property; Chromium's error name is in the message.
    const chromium = typeof record.message === 'string' ? /net::(ERR_[A-Z0-9_]+)/.exec(record.message)?.[1] : undefined;
    if (chromium) codes.push(chromium);
    // Node reports a file-backed Blob that changed or vanished under it by name only.
    if (record.name === 'NotReadableError') codes.push('NotReadableError');
    visit(record.cause, depth + 1);
    if (Array.isArray(record.errors)) for (const inner of record.errors) visit(inner, depth + 1);
  };
  visit(error, 0);
  return codes;
}

function isTlsCode(code: string): boolean {
  return code in TLS_MESSAGES || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || code.includes('CERT');
}

/** A proxy that answered 407 or could not use the credentials it was given. */
function proxyAuthFailure(host: string): AppFailure {
  return new AppFailure(
    'proxy',
    `The proxy between this computer and ${host} asked for credentials and did not accept any (407).`,
    'Enter the proxy user name and password in Settings > Network, or ask your IT team which proxy account to use.',
  );
}

/** Turns whatever fetch or the body stream threw into a plain failure the user can act on. */
export function mapRequestError(error: unknown, context: MapErrorContext): AppFailure {
  if (error instanceof AppFailure) return error;
  const { host } = context;

  if (context.abortReason === 'cancelled') {
    return new AppFailure('cancelled', 'The request was cancelled.', 'Send it again when you are ready.');
  }
  if (context.abortReason === 'timeout') {
    const seconds = Math.round(context.timeoutMs / 100) / 10;
    return new AppFailure(
      'timeout',
      `${host} did not finish answering within ${seconds} s.`,
      'Try again; if the server is known to be slow, check its status or your network before retrying.',
    );
  }

  const codes = collectErrorCodes(error);
  if (codes.includes('NotReadableError')) {
    return new AppFailure(
      'file-missing',
      'A file attached to this request changed or disappeared while it was being sent.',
      'Pick the file again, then send.',
    );
  }
  if (codes.some((code) => PROXY_AUTH_CODES.has(code))) return proxyAuthFailure(host);
  if (codes.some((code) => PROXY_UNREACHABLE_CODES.has(code))) {
    return new AppFailure(
      'proxy',
      `The proxy used to reach ${host} could not be reached or refused the connection.`,
      'Check the proxy in Settings > Network (or your system proxy settings); choose "No proxy" if this network does not need one.',
    );
  }
  if (codes.some((code) => PROXY_CONFIG_CODES.has(code))) {
    return new AppFailure(
      'proxy',
      `The proxy configuration (a PAC script or policy) could not be used to reach ${host}.`,
      'Check the automatic proxy configuration with your IT team, or set the proxy by hand in Settings > Network.',
    );
  }
  if (codes.some((code) => UNKNOWN_AUTHORITY_CODES.has(code))) {
    return new AppFailure(
      'tls',
      `Could not connect securely to ${host}: its certificate was issued by an authority this computer does not trust.`,
      "On a network that inspects HTTPS, add your organisation's CA certificate (a PEM file from IT) in Settings > Network. Otherwise check the base URL.",
    );
  }
  const tlsCode = codes.find(isTlsCode);
  if (tlsCode) {
    const reason = TLS_MESSAGES[tlsCode] ?? CHROMIUM_TLS_MESSAGES[tlsCode] ?? `the secure connection failed (${tlsCode})`;
    return new AppFailure(
      'tls',
      `Could not connect securely to ${host}: ${reason}.`,
      'Check the base URL. A proxy or antivirus that intercepts HTTPS, or a wrong system clock, can also cause this.',
    );
  }
  if (codes.some((code) => REFUSED_CODES.has(code))) {
    return new AppFailure('connection-refused', `${host} refused the connection.`, 'Check the base URL and port; the server may be down.');
  }
  if (codes.some((code) => DNS_CODES.has(code))) {
    return new AppFailure(
      'dns',
      `The host name ${host} could not be found.`,
      'Check the base URL and your internet connection or DNS settings.',
    );
  }
  if (codes.some((code) => TIMEOUT_CODES.has(code))) {
    return new AppFailure('timeout', `The connection to ${host} timed out.`, 'Check your internet connection and try again.');
  }
  if (codes.some((code) => RESET_CODES.has(code)) || context.duringBody) {
    return context.duringBody
      ? new AppFailure(
          'connection-reset',
          `${host} closed the connection before the response was complete.`,
          'Try again; the response you saw would have been incomplete.',
        )
      : new AppFailure(
          'connection-reset',
          `${host} closed the connection unexpectedly.`,
          'Try again; if it keeps happening, check any proxy or firewall in between.',
        );
  }
  if (codes.some((code) => UNREACHABLE_CODES.has(code))) {
    return new AppFailure(
      'network',
      `${host} cannot be reached from this network.`,
      'Check your internet connection, VPN or proxy settings.',
    );
  }
  const detail = codes[0] ? ` (${codes[0]})` : '';
  return new AppFailure('network', `The request to ${host} failed${detail}.`, 'Check your internet connection and try again.');
}
