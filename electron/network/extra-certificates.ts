import { X509Certificate } from 'node:crypto';
import { AppFailure } from '../../shared/errors';

/** One certificate the user added, as the settings file keeps it (certificates are public, so plain JSON is fine). */
export interface StoredCertificate {
  readonly pem: string;
  readonly subject: string;
  readonly issuer: string;
  readonly validTo: string;
  readonly fingerprint256: string;
  readonly fileName: string;
}

const pemBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Every certificate in a PEM file (a bundle may hold several); a file with none is refused with a reason. */
export function parseCertificateFile(text: string, fileName: string): StoredCertificate[] {
  const blocks = text.match(pemBlock) ?? [];
  const parsed = blocks.flatMap((pem) => {
    try {
      const certificate = new X509Certificate(pem);
      return [
        {
          pem: certificate.toString(),
          subject: certificate.subject.replaceAll('\n', ', '),
          issuer: certificate.issuer.replaceAll('\n', ', '),
          validTo: new Date(certificate.validTo).toISOString(),
          fingerprint256: certificate.fingerprint256,
          fileName,
        },
      ];
    } catch {
      return [];
    }
  });
  if (parsed.length === 0) {
    throw new AppFailure(
      'invalid-argument',
      `${fileName} holds no certificate in PEM form.`,
      'Pick the CA certificate your IT team gave you: a text file that starts with -----BEGIN CERTIFICATE-----.',
    );
  }
  return parsed;
}

/** What Electron's setCertificateVerifyProc hands over, reduced to what the decision needs. */
export interface PresentedCertificate {
  readonly data: string;
  readonly issuerCert?: PresentedCertificate | null;
}

export interface VerifyRequest {
  readonly hostname: string;
  readonly certificate: PresentedCertificate;
  /** Chromium's own verdict: 0 when it trusts the chain. */
  readonly errorCode: number;
}

/** Chromium's code for "issued by an unknown authority"; the only verdict the user's certificates may overturn. */
export const certAuthorityInvalid = -202;
/** setCertificateVerifyProc answers: accept, or keep Chromium's verdict. */
export const verifyAccept = 0;
export const verifyUseChromium = -3;

function chainOf(certificate: PresentedCertificate): X509Certificate[] {
  const chain: X509Certificate[] = [];
  let current: PresentedCertificate | null | undefined = certificate;
  // A self-signed root may point at itself; a real chain is never this long.
  while (current && chain.length < 10) {
    const parsed = new X509Certificate(current.data);
    if (chain.some((seen) => seen.fingerprint256 === parsed.fingerprint256)) break;
    chain.push(parsed);
    current = current.issuerCert;
  }
  return chain;
}

const issuedBy = (child: X509Certificate, parent: X509Certificate) => child.checkIssued(parent) && child.verify(parent.publicKey);

function inDate(certificate: X509Certificate, now: number): boolean {
  return Date.parse(certificate.validFrom) <= now && now <= Date.parse(certificate.validTo);
}

/**
 * Trusts a server whose chain leads to one of the user's extra CA
 * certificates (for HTTPS-inspecting proxies), and only in the case Chromium
 * rejected for an unknown authority: an expired certificate or a wrong host
 * name stays rejected whatever the user added.
 */
export function verifyWithExtraCertificates(request: VerifyRequest, trusted: readonly string[], now: number = Date.now()): number {
  if (request.errorCode !== certAuthorityInvalid || trusted.length === 0) return verifyUseChromium;
  try {
    const chain = chainOf(request.certificate);
    const leaf = chain[0];
    if (!leaf || leaf.checkHost(request.hostname) === undefined) return verifyUseChromium;
    const authorities = trusted.map((pem) => new X509Certificate(pem)).filter((ca) => inDate(ca, now));
    for (let index = 0; index < chain.length; index += 1) {
      const link = chain[index] as X509Certificate;
      if (!inDate(link, now)) return verifyUseChromium;
      const anchored = authorities.some((ca) => ca.fingerprint256 === link.fingerprint256 || issuedBy(link, ca));
      if (anchored) return verifyAccept;
      const parent = chain[index + 1];
      if (!parent || !issuedBy(link, parent)) return verifyUseChromium;
    }
  } catch {
    // An unparsable chain is no reason to trust it.
  }
  return verifyUseChromium;
}
