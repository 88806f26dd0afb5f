/** The choices last shown to each terminal user, so a number typed in a later session picks one (see ShownChoicesRepository). */
import { z } from 'zod';
import type { ShownChoicesRepository } from '../core/ports.ts';
import type { Db } from './prisma-client.ts';

const storedChoices = z.array(z.object({ label: z.string(), value: z.string() }));

export function createPrismaShownChoices(db: Db): ShownChoicesRepository {
  return {
    async save(identityKey, choices, expiresAt) {
      const stored = JSON.stringify(choices.map((c) => ({ label: c.label, value: c.value })));
      await db.shownChoices.upsert({
        where: { identityKey },
        create: { identityKey, choices: stored, expiresAt },
        update: { choices: stored, expiresAt },
      });
    },
    async latest(identityKey, now) {
      const row = await db.shownChoices.findUnique({ where: { identityKey } });
      if (!row || row.expiresAt <= now) return [];
      const parsed = storedChoices.safeParse(JSON.parse(row.choices));
      return parsed.success ? parsed.data : [];
    },
  };
}
