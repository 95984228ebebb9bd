import { describe, expect, it } from 'vitest';
import { explainSmtp } from './smtp-codes';

describe('SMTP answers in words', () => {
  it('prefers the enhanced status code in the message over the reply code', () => {
    expect(explainSmtp(550, '5.1.1 The email account that you tried to reach does not exist')).toMatchObject({
      code: '5.1.1',
      permanent: true,
      text: expect.stringContaining('does not exist'),
    });
    expect(explainSmtp(550, '550 5.7.26 Unauthenticated email is not accepted')?.text).toContain('DMARC');
    expect(explainSmtp(421, '4.7.0 Try again later')).toMatchObject({ code: '4.7.0', permanent: false });
  });

  it('falls back to the reply code, Mailgun’s own codes, then the class of the code', () => {
    expect(explainSmtp(552, 'Mailbox is full')?.code).toBe('552');
    expect(explainSmtp(605, '')?.text).toContain('bounce list');
    expect(explainSmtp(599, '')).toEqual({ code: '599', text: 'A permanent failure; Mailgun does not retry.', permanent: true });
    expect(explainSmtp(null, 'no code here')).toBeNull();
  });
});
