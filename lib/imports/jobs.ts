import { z } from 'zod';
import { db } from '@/lib/db';
import { defineJob } from '@/lib/jobs/define-job';
import { runImport } from '@/lib/imports/run-import';

export const ImportJobSchema = z.object({ importId: z.string().min(1) });

/** One import's run; one at a time per import (its id is the singleton key). */
export const importsRunJob = defineJob({
  name: 'imports.run',
  payload: ImportJobSchema,
  queue: { policy: 'exclusive', retryLimit: 3, retryDelay: 10, expireInSeconds: 3600, deleteAfterSeconds: 7 * 24 * 3600 },
  handler: async (job) => {
    try {
      const done = await runImport(job.data.importId);
      return done ? { imported: done.importedRows, merged: done.mergedRows, refused: done.refusedRows } : { skipped: true };
    } catch (error) {
      // The page says the run stopped; pg-boss retries it from the rows already written.
      const last = job.retryCount >= 3;
      await db.import.update({
        where: { id: job.data.importId },
        data: { failure: error instanceof Error ? error.message.slice(0, 500) : 'failed', ...(last ? { status: 'FAILED' } : {}) },
      });
      throw error;
    }
  },
});
