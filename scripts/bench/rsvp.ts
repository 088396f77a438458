/**
 * `npm run bench:rsvp`: RSVP throughput and latency at rising concurrency on this machine, against
 * its own embedded PostgreSQL. Each round opens a fresh event whose capacity is half the round's
 * RSVPs, fires them all at once through the domain use case (the same call the server action
 * makes), and prints RSVPs/s, p50/p99 latency, and whether the event was overbooked (it must
 * never be: seatsTaken ≤ capacity and equal to the seats of the confirmed RSVPs). Asserts nothing.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { startEmbeddedPostgres } from '../lib/embedded-postgres';
import { applyMigrationsAndPendingSchema } from '../lib/migration-engine';
import { newMasterKey } from '../../lib/security/keyring';

const ROOT = path.resolve(__dirname, '../..');
const DATA_DIR = path.join(ROOT, '.data/bench-rsvp');
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54376);
const LEVELS = (process.env.BENCH_LEVELS ?? '10,50,100,200,400').split(',').map(Number);
const PER_LEVEL = Number(process.env.BENCH_RSVPS ?? 1000);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  await rm(DATA_DIR, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, 'postgres'), port: PG_PORT, ephemeral: true });
  try {
    await applyMigrationsAndPendingSchema(server.url);
    process.env.DATABASE_URL = server.url;
    process.env.AUTH_SECRET ??= 'bench-secret-that-is-long-enough-for-hmac';
    // A fresh database: the RSVPs are sealed under a key of this run (lib/security/keyring.ts).
    process.env.DAUYS_MASTER_KEY ??= newMasterKey();
    process.env.WORKER_IN_PROCESS = 'false';
    const { db } = await import('@/lib/db');
    const { rsvpToEvent } = await import('@/lib/events/rsvp-to-event');
    const { stopWorkers } = await import('@/lib/queue');
    const campaign = await db.eventCampaign.create({
      data: {
        slug: 'bench',
        name: { kk: 'b', ru: 'b', en: 'b' },
        startsOn: new Date('2030-01-01T00:00:00Z'),
        endsOn: new Date('2030-01-16T00:00:00Z'),
      },
    });
    console.log(
      `RSVP bench: ${PER_LEVEL} RSVPs per round, capacity = half, parties of 1–3, Prisma pool 20, PostgreSQL ${server.url.split('@')[1]}`,
    );
    console.log('concurrency | RSVPs/s | p50 ms | p99 ms | confirmed seats / capacity | waitlisted | overbooked');
    for (const level of LEVELS) {
      const capacity = Math.floor(PER_LEVEL / 2);
      const event = await db.event.create({
        data: {
          campaignId: campaign.id,
          slug: `bench-${level}`,
          title: { en: 'Bench' },
          description: { en: 'Bench' },
          type: 'LECTURE',
          startsAt: new Date('2030-01-02T10:00:00Z'),
          endsAt: new Date('2030-01-02T12:00:00Z'),
          region: 'ALMATY',
          city: { en: 'Almaty' },
          cityKey: 'almaty',
          venue: { en: 'Hall' },
          languages: ['ru'],
          organiserName: { en: 'Bench' },
          status: 'PUBLISHED',
          capacity,
          maxGuestsPerRsvp: 2,
        },
      });
      const latencies: number[] = [];
      let next = 0;
      const started = performance.now();
      const worker = async () => {
        for (;;) {
          const index = next++;
          if (index >= PER_LEVEL) return;
          const begin = performance.now();
          await rsvpToEvent(event.slug, {
            name: 'Bench Person',
            email: `p${index}.c${level}@bench.example`,
            guests: index % 3,
            consent: true,
            locale: 'ru',
            website: undefined,
          });
          latencies.push(performance.now() - begin);
        }
      };
      await Promise.all(Array.from({ length: level }, worker));
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const after = await db.event.findUniqueOrThrow({ where: { id: event.id }, select: { seatsTaken: true } });
      const confirmed = await db.rsvp.findMany({ where: { eventId: event.id, status: 'CONFIRMED' }, select: { guests: true } });
      const trueSeats = confirmed.reduce((sum, row) => sum + 1 + row.guests, 0);
      const waitlisted = await db.rsvp.count({ where: { eventId: event.id, status: 'WAITLISTED' } });
      const overbooked = after.seatsTaken > capacity || trueSeats !== after.seatsTaken;
      console.log(
        `${String(level).padStart(11)} | ${(PER_LEVEL / seconds).toFixed(0).padStart(7)} | ${percentile(latencies, 50).toFixed(1).padStart(6)} | ${percentile(latencies, 99).toFixed(1).padStart(6)} | ${`${trueSeats} / ${capacity}`.padStart(26)} | ${String(waitlisted).padStart(10)} | ${overbooked ? 'YES' : 'no'}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the debounced mail nudge fire
    await stopWorkers({ graceful: false });
    await db.$disconnect();
  } finally {
    await server.stop();
    await rm(DATA_DIR, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
