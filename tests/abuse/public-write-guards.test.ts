import { emailIndexOf } from '@/tests/support/personal-data';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { RSVP_LIMIT_PER_WINDOW, SUBMIT_LIMIT_PER_HOUR } from '@/lib/events/constants';
import { rsvpToEvent } from '@/lib/events/rsvp-to-event';
import { submitEvent } from '@/lib/events/submit-event';
import { stopWorkers } from '@/lib/queue';
import { SUBSCRIBE_LIMIT_PER_IP } from '@/lib/reforms/constants';
import { requestReformAlerts } from '@/lib/reforms/subscribe';
import { attendee, createCampaign, createEvent, partnerSubmission } from '../events/fixtures';

/*
 * The guards of a public write live in its domain function (docs/conventions.md): whatever calls
 * it (a form, a route, a script) meets the honeypot and the per-network limit.
 */
afterAll(async () => {
  await stopWorkers({ graceful: false });
});

const rateLimited = (error: unknown) => isAppError(error, 'RATE_LIMITED');

describe('public writes guard themselves', () => {
  it('RSVP: a filled honeypot stores nothing; one network is refused past its limit, another is not', async () => {
    const campaign = await createCampaign();
    const event = await createEvent(campaign.id, { capacity: 100 });
    expect(await rsvpToEvent(event.slug, attendee('bot@example.org', { website: 'http://spam.example' }))).toEqual({ answer: 'ignored' });
    expect(await db.rsvp.count({ where: { eventId: event.id } })).toBe(0);

    const crowd = { clientAddress: '203.0.113.7' };
    for (let i = 0; i < RSVP_LIMIT_PER_WINDOW; i += 1) await rsvpToEvent(event.slug, attendee(`guest${i}@example.org`), crowd);
    await expect(rsvpToEvent(event.slug, attendee('one-too-many@example.org'), crowd)).rejects.toSatisfy(rateLimited);
    expect(await db.rsvp.count({ where: { eventId: event.id, emailIndex: await emailIndexOf('one-too-many@example.org') } })).toBe(0);
    expect(await rsvpToEvent(event.slug, attendee('elsewhere@example.org'), { clientAddress: '198.51.100.2' })).toMatchObject({
      answer: 'new',
    });
  });

  it('reform alerts: a filled honeypot stores nothing; one network is refused past its limit', async () => {
    const request = (email: string, website = '') => ({
      email,
      locale: 'ru' as const,
      scope: 'all',
      frequency: 'EACH' as const,
      consent: 'on' as const,
      website,
    });
    await requestReformAlerts(request('alerts-bot@example.org', 'x'), { clientAddress: '203.0.113.8' });
    expect(await db.supporter.count({ where: { emailIndex: await emailIndexOf('alerts-bot@example.org') } })).toBe(0);

    const network = { clientAddress: '203.0.113.9' };
    for (let i = 0; i < SUBSCRIBE_LIMIT_PER_IP; i += 1) await requestReformAlerts(request(`reader${i}@example.org`), network);
    await expect(requestReformAlerts(request('reader-too-many@example.org'), network)).rejects.toSatisfy(rateLimited);
    expect(await db.supporter.count({ where: { emailIndex: await emailIndexOf('reader-too-many@example.org') } })).toBe(0);
  });

  it('event submissions: one network is refused past its hourly limit', async () => {
    await createCampaign();
    const submission = (n: number) => partnerSubmission(`partner${n}@example.org`, { title: `Candle vigil ${n}` });
    const network = { clientAddress: '203.0.113.10' };
    for (let n = 0; n < SUBMIT_LIMIT_PER_HOUR; n += 1) await submitEvent(submission(n), network);
    await expect(submitEvent(submission(99), network)).rejects.toSatisfy(rateLimited);
    expect(await db.event.count({ where: { submitterEmail: 'partner99@example.org' } })).toBe(0);
  });
});
