import { describe, expect, it } from 'vitest';
import { getTranslator } from '@/lib/i18n/translator';
import { renderMail, renderMailsSharingLinks, type RenderMailInput } from '@/lib/mailer/render-mail';

const confirmation = (locale: 'kk' | 'ru' | 'en', token: string, petitionTitle = 'Criminalise domestic violence'): RenderMailInput => ({
  template: 'petition-confirm',
  locale,
  discreet: false,
  props: {
    petitionTitle,
    confirmUrl: `https://dauys.test/${locale}/petitions/p/confirm?token=${token}`,
    // A query string with `&`: HTML writes it `&amp;`, plain text as is.
    withdrawUrl: `https://dauys.test/${locale}/petitions/p/withdraw?token=${token}&from=mail`,
  },
});

describe('rendering mails that share a layout', () => {
  it('gives each mail exactly what rendering it on its own gives, links included', async () => {
    const inputs = [
      confirmation('kk', 'token-one'),
      confirmation('kk', 'token-two'),
      confirmation('ru', 'token-three'),
      confirmation('en', 'token-four', 'Liability for <sexual harassment> & stalking'),
    ];
    const shared = await renderMailsSharingLinks(inputs, ['confirmUrl', 'withdrawUrl']);
    const alone = await Promise.all(inputs.map((input) => renderMail(input)));

    expect(shared).toEqual(alone);
    expect(shared[0]!.html).toContain('confirm?token=token-one');
    expect(shared[0]!.html).toContain('withdraw?token=token-one&amp;from=mail');
    expect(shared[0]!.text).toContain('withdraw?token=token-one&from=mail');
    expect(shared[1]!.html).toContain('confirm?token=token-two');
    expect(shared[1]!.html).not.toContain('token-one');
    expect(shared.map((mail) => mail.html).join('')).not.toContain('dauys.invalid');
  });

  it('refuses topic mail, whose unsubscribe link is its own', async () => {
    const topicMail = { ...confirmation('en', 't'), template: 'petition-update' as const, topic: { name: 'updates', supporterId: 's' } };
    await expect(renderMailsSharingLinks([topicMail], ['petitionUrl'])).rejects.toThrow(/Topic mail/);
  });
});

describe('organizer mails', () => {
  it('carry the shared layout like every other mail: the helpline and the signature, in the language of the mail', async () => {
    for (const locale of ['kk', 'ru', 'en'] as const) {
      const footer = getTranslator(locale, 'mail');
      const mails = await Promise.all([
        renderMail({
          template: 'sign-in-link',
          locale,
          discreet: false,
          props: { url: 'https://dauys.test/login/confirm?token=t', expiresInMinutes: 15 },
        }),
        renderMail({
          template: 'organizer-invitation',
          locale,
          discreet: false,
          props: { loginUrl: 'https://dauys.test/login', inviterEmail: 'admin@dauys.test', role: 'ORGANIZER' },
        }),
      ]);
      for (const mail of mails) {
        expect(mail.text).toContain(footer('layout.hotline'));
        expect(mail.text).toContain(footer('layout.signature'));
        expect(mail.html).toContain(`lang="${locale}"`);
      }
    }
  });
});
