import { describe, expect, it } from 'vitest';
import { classifySmtpError } from '@/lib/campaigns/sender/classify-smtp-error';
import { classifySmtpFailure } from '@/lib/mailer/classify-smtp-failure';

// The errors as nodemailer shapes them (code, command, responseCode, response).
const error = (fields: { code: string; command?: string; responseCode?: number; response?: string; message?: string }) =>
  Object.assign(new Error(fields.message ?? 'failed'), fields);

describe('what an SMTP failure means for a mail', () => {
  it.each([
    [
      '550 to RCPT TO: the address is refused',
      { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, response: '550 5.1.1 no such user' },
      'permanent',
      true,
    ],
    [
      '554 to the message: refused, the address is not to blame',
      { code: 'EMESSAGE', command: 'DATA', responseCode: 554, response: '554 5.7.1 spam' },
      'permanent',
      false,
    ],
    [
      '550 5.1.1 after the message: the mailbox does not exist',
      { code: 'EMESSAGE', command: 'DATA', responseCode: 550, response: '550 5.1.1 unknown user' },
      'permanent',
      true,
    ],
    [
      '451 to RCPT TO: greylisting',
      { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 451, response: '451 4.7.1 try later' },
      'temporary',
      undefined,
    ],
    [
      '452 to the message: mailbox full',
      { code: 'EMESSAGE', command: 'DATA', responseCode: 452, response: '452 4.2.2 full' },
      'temporary',
      undefined,
    ],
    [
      '550 to MAIL FROM: the relay refuses our sender',
      { code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 550, response: '550 sender not allowed' },
      'relay',
      undefined,
    ],
    [
      '535 to AUTH: our credentials',
      { code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, response: '535 5.7.8 bad credentials' },
      'relay',
      undefined,
    ],
    [
      '421 greeting: the relay is busy',
      { code: 'EPROTOCOL', command: 'CONN', responseCode: 421, response: '421 too busy' },
      'relay',
      undefined,
    ],
    ['connection refused', { code: 'ESOCKET', command: 'CONN', message: 'connect ECONNREFUSED 127.0.0.1:25' }, 'relay', undefined],
    ['no greeting in time', { code: 'ETIMEDOUT', command: 'CONN', message: 'Greeting never received' }, 'relay', undefined],
    ['a malformed address', { code: 'EENVELOPE', command: 'API', message: 'Invalid recipient "x"' }, 'permanent', false],
    [
      'our side could not record the handover',
      { code: 'ESTREAM', command: 'API', message: 'connection terminated' },
      'temporary',
      undefined,
    ],
  ])('%s', (_name, fields, kind, bounce) => {
    const failure = classifySmtpFailure(error(fields));
    expect(failure.kind).toBe(kind);
    if (failure.kind === 'permanent') expect(failure.bounce).toBe(bounce);
    expect(failure.reason.length).toBeGreaterThan(0);
  });

  it('keeps the server reply as the reason, or the code and message when there is no reply', () => {
    expect(
      classifySmtpFailure(error({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 451, response: '451  4.7.1\r\n try later' })).reason,
    ).toBe('451 4.7.1 try later');
    expect(classifySmtpFailure(error({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25' })).reason).toBe(
      'ESOCKET: connect ECONNREFUSED 127.0.0.1:25',
    );
  });

  it('keeps no address the reply or error quotes (the address columns are sealed, the reason is not)', () => {
    const refused = classifySmtpFailure(
      error({
        code: 'EENVELOPE',
        command: 'RCPT TO',
        responseCode: 550,
        response: '550 5.1.1 <Aigerim.N+petition@mail.example.kz>: Recipient address rejected',
      }),
    );
    expect(refused.reason).toBe('550 5.1.1 <address>: Recipient address rejected');
    expect(classifySmtpFailure(error({ code: 'EENVELOPE', command: 'API', message: 'Invalid recipient "dana@example"' })).reason).toBe(
      'EENVELOPE: Invalid recipient "<address>"',
    );
    expect(
      classifySmtpError(Object.assign(new Error('x'), { responseCode: 552, response: '552 mailbox of bob@example.org full' })).reason,
    ).toBe('552 mailbox of <address> full');
  });
});
