import { spawn } from 'node:child_process';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listUnsubscribeHeaders, unsubscribeMailbox } from '@/lib/unsubscribe/tokens';
import { startUnsubscribeMailbox } from '@/lib/unsubscribe/unsubscribe-mailbox';
import { freePort } from '@/scripts/lib/free-port';
import { sealedSupporter } from '@/tests/support/personal-data';

const mailbox = await startUnsubscribeMailbox({ port: 0, host: '127.0.0.1' });
const client = nodemailer.createTransport({ host: '127.0.0.1', port: mailbox.port, secure: false, ignoreTLS: true });

afterAll(async () => {
  client.close();
  await mailbox.stop();
});

async function topicsOf(supporterId: string) {
  const rows = await db.unsubscribe.findMany({ where: { supporterId }, select: { topic: true } });
  return rows.map((row) => row.topic);
}

/** The mailto a mail program finds in the List-Unsubscribe header of a campaign mail. */
function mailtoOf(supporterId: string): { to: string; subject: string } {
  const header = listUnsubscribeHeaders({ supporterId, topic: 'campaigns' })['List-Unsubscribe']!;
  const mailto = new URL(/<(mailto:[^>]+)>/.exec(header)![1]!);
  return { to: decodeURIComponent(mailto.pathname), subject: mailto.searchParams.get('subject')! };
}

describe('the unsubscribe mailbox (List-Unsubscribe mailto)', () => {
  it('unsubscribes when a mail program sends the mailto message, as the one-click URL does', async () => {
    const supporter = await db.supporter.create({ data: { ...(await sealedSupporter('by-mail@example.org')), locale: 'kk' } });
    const { to, subject } = mailtoOf(supporter.id);
    expect(to).toBe(unsubscribeMailbox());

    await client.sendMail({ from: 'by-mail@example.org', to, subject, text: '' });
    expect(await topicsOf(supporter.id)).toEqual(['campaigns']);
    // A second message changes nothing.
    await client.sendMail({ from: 'by-mail@example.org', to, subject, text: '' });
    expect(await topicsOf(supporter.id)).toEqual(['campaigns']);
  });

  it('finds the token in the text when the mail program dropped the subject', async () => {
    const supporter = await db.supporter.create({ data: { ...(await sealedSupporter('body@example.org')), locale: 'ru' } });
    const { to, subject } = mailtoOf(supporter.id);
    await client.sendMail({ from: 'someone@example.org', to, subject: 'Re: please', text: `${subject}\n\nthanks` });
    expect(await topicsOf(supporter.id)).toEqual(['campaigns']);
  });

  it('accepts and ignores a message without a valid token, and refuses every other mailbox', async () => {
    const supporter = await db.supporter.create({ data: { ...(await sealedSupporter('tampered-mail@example.org')), locale: 'en' } });
    const { to, subject } = mailtoOf(supporter.id);
    await client.sendMail({ from: 'x@example.org', to, subject: `${subject.slice(0, -3)}AAA`, text: '' });
    await client.sendMail({ from: 'x@example.org', to, subject: 'unsubscribe', text: 'unsubscribe me' });
    expect(await topicsOf(supporter.id)).toEqual([]);

    await expect(client.sendMail({ from: 'x@example.org', to: 'someone-else@example.org', subject, text: '' })).rejects.toMatchObject({
      responseCode: 550,
    });
    expect(await topicsOf(supporter.id)).toEqual([]);
  });
});

describe('the worker process', () => {
  it('runs the unsubscribe mailbox when UNSUBSCRIBE_MAILBOX_PORT is set', async () => {
    const port = await freePort();
    const worker = spawn(process.execPath, ['--import', 'tsx', path.resolve('scripts/worker.ts')], {
      env: { ...process.env, UNSUBSCRIBE_MAILBOX_PORT: String(port), UNSUBSCRIBE_MAILBOX_HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        let output = '';
        worker.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('receiving unsubscribe mail')) resolve();
        });
        worker.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${output}`)));
      });
      const supporter = await db.supporter.create({ data: { ...(await sealedSupporter('via-worker@example.org')), locale: 'kk' } });
      const toWorker = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
      await toWorker.sendMail({ from: 'via-worker@example.org', ...mailtoOf(supporter.id), text: '' });
      toWorker.close();
      expect(await topicsOf(supporter.id)).toEqual(['campaigns']);
    } finally {
      worker.kill('SIGTERM');
      await exited;
    }
  });
});
