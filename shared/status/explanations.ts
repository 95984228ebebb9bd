/** What a status code means when Mailgun returns it, and what to do about it. */
export interface StatusExplanation {
  readonly code: number;
  readonly title: string;
  readonly meaning: string;
  readonly causes: readonly string[];
  readonly actions: readonly string[];
}

export const US_BASE_URL = 'https://api.mailgun.net';
export const EU_BASE_URL = 'https://api.eu.mailgun.net';
export { MAX_MESSAGE_BYTES, MAX_REQUEST_BYTES } from '../limits';

const explanations: readonly StatusExplanation[] = [
  {
    code: 200,
    title: 'OK',
    meaning: 'Mailgun accepted the call. For a send this means the message is queued, not yet delivered.',
    causes: [
      'The request was valid and the key had the rights it needed.',
      'A body reading just "Mailgun Magnificent API" instead of JSON means the URL hit the API root rather than an endpoint.',
    ],
    actions: [
      'For sends, follow delivery through the Logs or Events endpoints using the returned message id.',
      'If the body is "Mailgun Magnificent API", check the path: a missing /messages or domain segment is the usual slip.',
    ],
  },
  {
    code: 400,
    title: 'Bad request',
    meaning: 'Mailgun understood the call but rejected the values; the "message" field in the body names the problem.',
    causes: [
      'A required field is missing; a send needs from, to and subject plus a body (text, html, amp-html or a stored template).',
      'An address in from, to, cc or bcc is not a valid address.',
      'More than 1,000 recipients in one call, or o:/h:/v:/t: fields over 16 KB in total.',
      'A date not in RFC 2822 form, such as o:deliverytime written as ISO 8601.',
      'The domain may not send yet: a sandbox domain to an unauthorised recipient, a free account, or an unverified domain.',
      'A body encoded differently from what the endpoint expects (JSON where it wants a form, or the reverse).',
    ],
    actions: [
      'Read the "message" text in the response; it usually names the field.',
      'Check dates are RFC 2822, e.g. "Thu, 13 Oct 2011 18:02:00 +0000".',
      'For sandbox domains, add the recipient as an authorised recipient or send from your own verified domain.',
    ],
  },
  {
    code: 401,
    title: 'Unauthorised',
    meaning:
      'Mailgun did not accept the credentials for this call. Sends answer with a bare "Forbidden"; other endpoints say "Invalid private key".',
    causes: [
      'The API key is wrong, revoked, expired, or has stray spaces.',
      'The domain lives in the other region: an EU domain called through api.mailgun.net (or a US one through api.eu.mailgun.net).',
      'A domain sending key used for anything other than sending on its own domain.',
      'A public validation key (pubkey-...) used where the private key is needed.',
      'The account restricts API keys to an IP allowlist and this machine is not on it.',
      'The username is not "api" (Basic auth must be api:<key>).',
    ],
    actions: [
      "Try the other region's base URL: https://api.eu.mailgun.net for EU domains, https://api.mailgun.net for US ones.",
      'Use the primary account key or an admin/developer key for anything but sending.',
      'Compare the key with the one shown in your Mailgun account, then save it again.',
      "If IP allowlisting is on, add this machine's public address.",
    ],
  },
  {
    code: 402,
    title: 'Payment or plan upgrade needed',
    meaning: 'The call needs a feature your Mailgun plan does not include, or the account has a billing problem.',
    causes: [
      'The endpoint belongs to a paid feature (dedicated IPs, IP pools, some analytics, certificates, inbox placement).',
      'The account is suspended or over its plan limits for billing reasons.',
    ],
    actions: ['Check the plan and billing page in the Mailgun control panel, or contact Mailgun to enable the feature.'],
  },
  {
    code: 403,
    title: 'Forbidden',
    meaning: 'The credentials were accepted but this account, key or domain is not allowed to do this.',
    causes: [
      'A key role (basic, sending) without the rights for this endpoint ("Incompatible key for this endpoint").',
      'A sandbox domain sending to someone who is not an authorised recipient.',
      'The account is not yet allowed to send large batches, or a chosen sending IP is not usable by this domain.',
      'The account or domain is disabled.',
    ],
    actions: [
      'Use a key with a broader role, such as the primary account key.',
      'For sandbox domains, add the recipient to the authorised recipients (at most five) or use your own domain.',
      'Ask Mailgun support to lift sending restrictions if the body mentions batch limits.',
    ],
  },
  {
    code: 404,
    title: 'Not found',
    meaning: 'Mailgun has nothing at this URL for this account: the resource or domain does not exist here.',
    causes: [
      '"Domain not found": the domain is not in this account, is misspelt, or lives in the other region.',
      'The item (bounce, list member, template, webhook...) does not exist or was already deleted.',
      'A stored message expired, or its storage URL was called on the wrong host.',
      'The path is wrong: a doubled base URL, a missing version segment, or an old API version.',
    ],
    actions: [
      "Check the domain name and try the other region's base URL.",
      'List the collection first to confirm the item exists.',
      'Fetch stored messages from the exact URL given in the event, before it expires.',
    ],
  },
  {
    code: 409,
    title: 'Conflict',
    meaning: 'The request clashes with the current state of the resource.',
    causes: [
      'Creating something that already exists, such as a certificate request for a domain that already has one in progress.',
      'Changing a resource while another change to it is still being processed.',
    ],
    actions: ['Fetch the resource to see its current state, then retry or update it instead of creating it.'],
  },
  {
    code: 413,
    title: 'Request too large',
    meaning:
      'The upload was bigger than Mailgun accepts. Messages are limited to 25 MB in total, and the HTTP request itself to about 52.4 MiB.',
    causes: [
      'Large attachments or inline images; encoding makes a message roughly a third larger than its files.',
      'A CSV import file over the 25 MB limit.',
    ],
    actions: [
      'Send large files as download links instead of attachments.',
      'Compress attachments or split the import into several smaller files.',
    ],
  },
  {
    code: 420,
    title: 'Sending limit reached',
    meaning: 'An older form of "too many requests": the domain hit a sending limit and must wait before sending more.',
    causes: ['The domain went over its request, recipient or byte allowance for the current period.'],
    actions: [
      'Wait until the time given in the body ("try again after ..."), then resend.',
      'Ask Mailgun to raise the limits if you hit them regularly.',
    ],
  },
  {
    code: 429,
    title: 'Too many requests',
    meaning: 'Mailgun is rate limiting this account, key or domain. Nothing was done; the same request can be retried later.',
    causes: [
      'Too many calls in a short time (for example the metrics API allows 500 requests per 10 seconds, webhooks 300 per minute).',
      'A per-domain sending allowance ran out; the message names which one (requests, recipients or bytes).',
      'New accounts and domains start with low sending limits that grow with reputation.',
    ],
    actions: [
      'Wait until the reset time (X-RateLimit-Reset header, or the date after "try again after" in the body), then retry.',
      'Retry with exponential backoff and spread bulk work over time.',
      'Batch recipients (up to 1,000 per send with recipient-variables) instead of one call per recipient.',
    ],
  },
  {
    code: 500,
    title: 'Server error',
    meaning: 'Something failed inside Mailgun. The request may or may not have taken effect.',
    causes: ["A fault or outage on Mailgun's side.", 'Occasionally an unexpected input that Mailgun fails to reject cleanly.'],
    actions: [
      'Retry after a short wait, backing off exponentially.',
      'Before retrying a send, check Logs or Events so the message is not sent twice.',
      'Check status.mailgun.com if errors persist.',
    ],
  },
  {
    code: 502,
    title: 'Bad gateway',
    meaning: "Mailgun's front end could not get an answer from the service behind it.",
    causes: ["A brief outage or deployment on Mailgun's side.", 'A proxy between you and Mailgun failing.'],
    actions: ['Retry with exponential backoff.', 'Check status.mailgun.com if it keeps happening.'],
  },
  {
    code: 503,
    title: 'Service unavailable',
    meaning: 'The service is temporarily unable to take requests, usually because of maintenance or overload.',
    causes: ['Maintenance or overload at Mailgun.'],
    actions: ['Retry with exponential backoff; honour a Retry-After header if present.', 'Check status.mailgun.com.'],
  },
  {
    code: 504,
    title: 'Gateway timeout',
    meaning: 'Mailgun did not finish in time. The work may still complete in the background.',
    causes: ['A slow query, such as a wide date range on analytics or logs.', 'A brief problem at Mailgun.'],
    actions: [
      'Narrow the query (shorter time range, smaller page) and retry.',
      'For writes, check whether the change happened before repeating it.',
    ],
  },
];

/** Explanations keyed by status code. */
export const statusExplanations: Readonly<Record<number, StatusExplanation>> = Object.fromEntries(explanations.map((e) => [e.code, e]));

const classFallbacks: Readonly<Record<string, Omit<StatusExplanation, 'code'>>> = {
  '1': {
    title: 'Informational',
    meaning: 'An interim answer; Mailgun does not normally send these to API clients.',
    causes: [],
    actions: [],
  },
  '2': {
    title: 'Success',
    meaning: 'The call worked.',
    causes: [],
    actions: [],
  },
  '3': {
    title: 'Redirect',
    meaning: "The URL points elsewhere. Mailgun's API does not redirect, so a proxy or a wrong base URL is likely involved.",
    causes: ['A base URL with http:// instead of https://, or a proxy in between.'],
    actions: ['Use https://api.mailgun.net or https://api.eu.mailgun.net as the base URL.'],
  },
  '4': {
    title: 'Client error',
    meaning: 'Mailgun refused the request because of something in it; sending it again unchanged will fail again.',
    causes: ['An invalid value, a missing permission, or a resource that does not exist.'],
    actions: ['Read the message in the response body and fix the request.'],
  },
  '5': {
    title: 'Server error',
    meaning: 'Mailgun or a proxy in front of it failed. It is usually temporary.',
    causes: ["A fault, overload or maintenance on Mailgun's side."],
    actions: ['Retry with exponential backoff.', 'Check status.mailgun.com if it persists.'],
  },
};

/** The explanation for a code, or a general one for its class (4xx, 5xx...) when Mailgun has no specific meaning for it. */
export function explainStatus(code: number): StatusExplanation {
  const known = statusExplanations[code];
  if (known) return known;
  const fallback = classFallbacks[String(Math.floor(code / 100))] ?? {
    title: 'Unknown status',
    meaning: 'This is not a standard HTTP status code.',
    causes: [],
    actions: [],
  };
  return { code, ...fallback };
}
