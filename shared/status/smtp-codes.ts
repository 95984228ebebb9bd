/**
 * What a receiving server's SMTP answer means, in words a support agent can
 * pass on: the enhanced status code (RFC 3463, e.g. 5.1.1) when the answer
 * carries one, since it is the more precise, else the basic reply code
 * (RFC 5321), plus the codes Mailgun itself uses when it does not try to
 * deliver (6xx).
 */

export interface SmtpExplanation {
  /** The code the explanation is for: "5.1.1" or "550". */
  readonly code: string;
  readonly text: string;
  /** Temporary failures are retried by Mailgun; permanent ones are not. */
  readonly permanent: boolean;
}

const enhanced: Readonly<Record<string, string>> = {
  '2.0.0': 'Accepted by the receiving server.',
  '4.2.2': 'The mailbox is full for now; Mailgun retries.',
  '4.4.1': 'The receiving server did not answer; Mailgun retries.',
  '4.4.2': 'The connection to the receiving server broke off; Mailgun retries.',
  '4.7.0': 'Deferred by the receiving server (often greylisting or a sending-rate limit); Mailgun retries.',
  '4.7.1': 'Deferred for policy reasons (reputation or rate); Mailgun retries.',
  '5.1.0': 'The address was refused: it does not exist at the receiving server.',
  '5.1.1': 'The mailbox does not exist: the address is mistyped or was closed.',
  '5.1.2': 'The recipient’s domain does not exist or accepts no mail: check the spelling after the @.',
  '5.1.3': 'The address is not valid in form.',
  '5.1.10': 'The recipient’s domain publishes a null MX: it accepts no mail at all.',
  '5.2.1': 'The mailbox is disabled and takes no mail.',
  '5.2.2': 'The mailbox is full.',
  '5.2.3': 'The message is larger than the recipient’s server accepts.',
  '5.3.4': 'The message is larger than the recipient’s server accepts.',
  '5.4.1': 'The receiving server refused the recipient (it relays for no such address).',
  '5.4.4': 'No route to the recipient’s domain: it has no usable MX or A record.',
  '5.5.0': 'The receiving server rejected the command (often a relay or syntax problem).',
  '5.7.0': 'Refused for a security or policy reason.',
  '5.7.1': 'Refused by the recipient’s policy: the sender, the sending IP or the content is blocked, or the message looks like spam.',
  '5.7.23': 'SPF check failed: the sending IP is not allowed by the domain’s SPF record.',
  '5.7.25': 'The sending IP has no reverse DNS name.',
  '5.7.26': 'Authentication failed (DMARC, SPF or DKIM): check the domain’s DNS records.',
  '5.7.27': 'The sender’s domain accepts no mail (null MX), so the recipient will not take mail from it.',
};

const basic: Readonly<Record<string, string>> = {
  '250': 'Accepted by the receiving server.',
  '421': 'The receiving server is unavailable or limiting connections; Mailgun retries.',
  '450': 'The mailbox is unavailable for now (busy, greylisted or rate-limited); Mailgun retries.',
  '451': 'The receiving server had a local error; Mailgun retries.',
  '452': 'The receiving server is short of storage or the mailbox is over quota; Mailgun retries.',
  '454': 'A temporary TLS or authentication problem at the receiving server; Mailgun retries.',
  '498': 'Mailgun could not deliver (no MX, or the recipient’s servers kept failing), and stopped trying.',
  '500': 'The receiving server did not understand the command.',
  '501': 'The receiving server refused the address as malformed.',
  '502': 'The receiving server does not support the command.',
  '503': 'The receiving server expected commands in another order.',
  '504': 'The receiving server does not support a parameter used.',
  '521': 'The recipient’s domain accepts no mail.',
  '530': 'The receiving server requires authentication or TLS first.',
  '535': 'Authentication with the receiving server failed.',
  '541': 'Refused by the recipient’s spam filter.',
  '550': 'The mailbox is unavailable: it does not exist, or the receiving server refuses mail from this sender.',
  '551': 'The recipient is not local to the server and it does not forward.',
  '552': 'The mailbox is full, or the message is too large.',
  '553': 'The address is not allowed (malformed or not accepted by the server).',
  '554': 'The transaction failed: usually a block of the sending IP or the content as spam.',
  '556': 'The recipient’s domain accepts no mail.',
  '605': 'Mailgun did not try: the address bounced before and is on the bounce list.',
  '606': 'Mailgun did not try: the address unsubscribed and is on the unsubscribe list.',
  '607': 'Mailgun did not try: the recipient marked earlier mail as spam and is on the complaint list.',
  '625': 'Mailgun did not try: the address is suppressed on this domain.',
};

const ENHANCED = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;

/** The meaning of a reply code and its message text; null when neither says anything known. */
export function explainSmtp(code: number | null, message = ''): SmtpExplanation | null {
  const match = ENHANCED.exec(message);
  if (match) {
    const key = `${match[1]}.${Number(match[2])}.${Number(match[3])}`;
    const text = enhanced[key];
    if (text !== undefined) return { code: key, text, permanent: match[1] === '5' };
  }
  if (code === null) return null;
  const text = basic[String(code)];
  if (text === undefined) {
    if (code >= 400 && code < 500) return { code: String(code), text: 'A temporary failure; Mailgun retries.', permanent: false };
    if (code >= 500 && code < 600) return { code: String(code), text: 'A permanent failure; Mailgun does not retry.', permanent: true };
    return null;
  }
  return { code: String(code), text, permanent: code >= 500 };
}
