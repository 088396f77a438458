import { afterAll, describe, expect, it } from 'vitest';
import { deliverSignInLink } from '@/lib/auth/deliver-sign-in-link';
import { db } from '@/lib/db';
import { rsvpToEvent } from '@/lib/events/rsvp-to-event';
import { sendRsvpMails } from '@/lib/events/send-rsvp-mails';
import { submitEvent } from '@/lib/events/submit-event';
import { confirmSignature } from '@/lib/petitions/confirm-signature';
import { sendSignatureMails } from '@/lib/petitions/send-signature-mails';
import { signPetition } from '@/lib/petitions/sign-petition';
import { stopWorkers } from '@/lib/queue';
import { requestReformAlerts } from '@/lib/reforms/subscribe';
import { attendee, createCampaign, createEvent, outbox, partnerSubmission } from '../events/fixtures';
import { emailIndexOf } from '../support/personal-data';

/*
 * Every mail a stranger can make the app send to an address (by typing it into a public form)
 * draws on one budget per mailbox: five an hour. What was asked for is still stored; only the mail
 * is not sent, and the public answer does not change.
 */

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

const HERE = { clientAddress: '203.0.113.7' };
let sequence = 0;

async function createOpenPetition() {
  sequence += 1;
  const text = (value: string) => ({ kk: `${value} kk`, ru: `${value} ru`, en: value });
  return db.petition.create({
    data: {
      slug: `budget-petition-${sequence}-${Date.now()}`,
      title: text('Budget petition'),
      summary: text('Summary'),
      body: text('Body'),
      addressee: text('Parliament'),
      goal: 1000,
      milestones: [10],
      status: 'OPEN',
    },
  });
}

const signature = (email: string) => ({
  fullName: 'Aigerim Karimova',
  email,
  region: 'ALMATY' as const,
  city: undefined,
  comment: undefined,
  isPublic: false,
  consent: true as const,
  wantsUpdates: false,
  locale: 'en' as const,
  website: undefined,
});

const signInRequest = (email: string) => ({
  identifier: email,
  url: `http://localhost:3000/api/auth/callback/email?token=t${Date.now()}&email=${encodeURIComponent(email)}&callbackUrl=${encodeURIComponent('http://localhost:3000/en/console')}`,
  expires: new Date(Date.now() + 15 * 60_000),
});

const mailsTo = async (email: string) => (await outbox({ to: email })).length;

describe('one mail budget per address', () => {
  it('answering an RSVP ten times with one address queues five mails in the hour; the answer is stored once', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 100 });
    for (let index = 0; index < 10; index += 1) {
      await rsvpToEvent(event.slug, attendee('rsvp-flood@example.org', { guests: index % 2 }));
      await sendRsvpMails();
    }
    expect(await mailsTo('rsvp-flood@example.org')).toBe(5);
    expect(await db.rsvp.count({ where: { emailIndex: await emailIndexOf('rsvp-flood@example.org') } })).toBe(1);
  });

  it('ten event submissions for one address queue five mails; all ten wait as drafts', async () => {
    await createCampaign();
    for (let index = 0; index < 10; index += 1) await submitEvent(partnerSubmission('submit-flood@example.org'));
    expect(await mailsTo('submit-flood@example.org')).toBe(5);
    expect(await db.event.count({ where: { submitterEmail: 'submit-flood@example.org', status: 'DRAFT' } })).toBe(10);
  });

  it('addresses that reach one mailbox (letter case, +tags, Gmail’s dots) share one budget', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 100 });
    const variants = [
      'dana.flood@gmail.com',
      'danaflood+1@gmail.com',
      'd.a.n.a.flood@gmail.com',
      'danaflood@googlemail.com',
      'dana.flood+x@googlemail.com',
      'danaflood+2@gmail.com',
      'danaflood+3@gmail.com',
      'danaflood+4@gmail.com',
    ];
    for (const email of variants) await rsvpToEvent(event.slug, attendee(email));
    await sendRsvpMails();
    expect(await outbox({ to: (address) => address.endsWith('mail.com') })).toHaveLength(5);
    // They are one person too (lib/security/canonical-email.ts): one RSVP; the later answers mailed change links.
    expect(await db.rsvp.count({ where: { eventId: event.id } })).toBe(1);
  });

  it('is shared by every kind a stranger can trigger: signatures, RSVPs, submissions, reform alerts, sign-in links', async () => {
    const email = 'everything@example.org';
    await db.user.create({ data: { email, role: 'ORGANIZER' } });
    const campaign = await createCampaign();
    const [first, second] = [await createEvent(campaign.id), await createEvent(campaign.id)];
    const [petitionA, petitionB] = [await createOpenPetition(), await createOpenPetition()];
    const reform = await db.reform.create({
      data: { slug: `budget-reform-${Date.now()}`, title: { en: 'Law' }, summary: { en: 'In short' } },
    });

    const everyKind = async (petitionSlug: string, eventSlug: string, scope: string) => {
      expect(await signPetition(petitionSlug, signature(email), HERE)).toBe('accepted');
      await sendSignatureMails();
      await rsvpToEvent(eventSlug, attendee(email));
      await sendRsvpMails();
      await submitEvent(partnerSubmission(email));
      await requestReformAlerts({ email, locale: 'en', scope, frequency: 'EACH', consent: true });
      await deliverSignInLink(signInRequest(email));
    };
    await everyKind(petitionA.slug, first.slug, 'all');
    expect(await mailsTo(email)).toBe(5);
    await everyKind(petitionB.slug, second.slug, reform.id);
    expect(await mailsTo(email)).toBe(5);

    // Nothing that was asked for is lost.
    const emailIndex = await emailIndexOf(email);
    expect(await db.signature.count({ where: { emailIndex } })).toBe(2);
    expect(await db.rsvp.count({ where: { emailIndex } })).toBe(2);
    expect(await db.event.count({ where: { submitterEmail: email } })).toBe(2);
    expect(await db.reformSubscription.count({ where: { supporter: { emailIndex } } })).toBe(2);
  });

  it('over the budget, a re-send does not replace the link mailed last: it still confirms the signature', async () => {
    const email = 'resend@example.org';
    const petition = await createOpenPetition();
    await signPetition(petition.slug, signature(email), HERE);
    await sendSignatureMails();
    const [mailed] = await outbox({ to: email });
    const token = new URL(String(mailed!.props.confirmUrl)).searchParams.get('token')!;

    const campaign = await createCampaign();
    for (let index = 0; index < 4; index += 1) await rsvpToEvent((await createEvent(campaign.id)).slug, attendee(email));
    await sendRsvpMails();
    expect(await mailsTo(email)).toBe(5);

    // Signing again a few minutes later would normally mail a fresh link.
    await signPetition(petition.slug, signature(email), { ...HERE, now: new Date(Date.now() + 3 * 60_000) });
    await sendSignatureMails();
    expect(await mailsTo(email)).toBe(5);
    expect(await db.signature.findFirstOrThrow({ where: { emailIndex: await emailIndexOf(email) } })).toMatchObject({
      mailPending: false,
      status: 'PENDING',
    });
    expect(await confirmSignature(token)).toMatchObject({ status: 'confirmed' });
  });
});
