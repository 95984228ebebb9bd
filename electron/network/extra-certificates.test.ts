import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  certAuthorityInvalid,
  parseCertificateFile,
  verifyAccept,
  verifyUseChromium,
  verifyWithExtraCertificates,
} from './extra-certificates';

// A test CA, a server certificate it issued for api.corp-test.example, and a CA that issued nothing here.
const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const ca = fixture('ca.pem');
const otherCa = fixture('other-ca.pem');
const leaf = fixture('leaf.pem');

const presented = { data: leaf, issuerCert: { data: ca } };
const request = { hostname: 'api.corp-test.example', certificate: presented, errorCode: certAuthorityInvalid };

describe('extra CA certificates', () => {
  it('reads the certificates of a PEM file and describes them', () => {
    const [parsed, ...rest] = parseCertificateFile(`${ca}\n${otherCa}`, 'corp-bundle.pem');
    expect(rest).toHaveLength(1);
    expect(parsed).toMatchObject({ subject: 'CN=Corp Inspection Test CA', fileName: 'corp-bundle.pem' });
    expect(parsed?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('refuses a file without a certificate, saying what to pick', () => {
    expect(() => parseCertificateFile(fixture('not-a-cert.pem'), 'notes.pem')).toThrow(/holds no certificate/);
  });

  it('trusts a server issued by the added CA when Chromium did not know the authority', () => {
    expect(verifyWithExtraCertificates(request, [ca])).toBe(verifyAccept);
    // The server sent only its own certificate: the added CA still anchors it.
    expect(verifyWithExtraCertificates({ ...request, certificate: { data: leaf } }, [ca])).toBe(verifyAccept);
  });

  it('keeps Chromium’s verdict in every other case', () => {
    expect(verifyWithExtraCertificates(request, [])).toBe(verifyUseChromium);
    expect(verifyWithExtraCertificates(request, [otherCa])).toBe(verifyUseChromium);
    expect(verifyWithExtraCertificates({ ...request, hostname: 'api.mailgun.net' }, [ca])).toBe(verifyUseChromium);
    // Chromium accepted it: nothing to overturn. A date or name error is never overturned.
    expect(verifyWithExtraCertificates({ ...request, errorCode: 0 }, [ca])).toBe(verifyUseChromium);
    expect(verifyWithExtraCertificates({ ...request, errorCode: -201 }, [ca])).toBe(verifyUseChromium);
    // Past the certificates' end of validity.
    expect(verifyWithExtraCertificates(request, [ca], Date.parse('2200-01-01'))).toBe(verifyUseChromium);
    expect(verifyWithExtraCertificates({ ...request, certificate: { data: 'garbage' } }, [ca])).toBe(verifyUseChromium);
  });
});
