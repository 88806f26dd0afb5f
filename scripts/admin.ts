/**
 * `npm run admin -- <command>`: operator tasks from the command line, chiefly granting the first staff member
 * (after that, staff grant roles in chat).
 *
 *   npm run admin -- grant staff console:alice
 *   npm run admin -- grant expert slack:T012:U345 --country th --country vn
 *   npm run admin -- revoke expert console:bob [--country th]
 *   npm run admin -- roles console:alice
 */
import { parseArgs } from 'node:util';
import { exitWithFailure, UsageError } from '../src/app/cli-failure.ts';
import { loadConfig } from '../src/config.ts';
import { systemClock } from '../src/core/clock.ts';
import { platformSchema } from '../src/core/inbound.ts';
import { roleSchema } from '../src/core/roles.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { createAppUnitOfWork } from '../src/app/create-services.ts';
import { createLogger } from '../src/app/logger.ts';
import { loadProgram } from '../src/program/load-program.ts';

const usage = `usage:
  npm run admin -- grant <staff|expert|applicant> <identity> [--country <code>]... [--name <display name>]
  npm run admin -- revoke <staff|expert|applicant> <identity> [--country <code>]
  npm run admin -- roles <identity>
identity: slack:<team>:<user> | teams:<tenant>:<aadObjectId> | console:<name>`;
const help = 'npm run admin -- --help';

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { country: { type: 'string', multiple: true }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const [verb, ...rest] = positionals;
  if (!verb) throw new UsageError('which command? grant, revoke or roles');
  if (verb !== 'grant' && verb !== 'revoke' && verb !== 'roles')
    throw new UsageError(`unknown command ${verb}; use grant, revoke or roles`);
  const identityKey = verb === 'roles' ? rest[0] : rest[1];
  if (verb !== 'roles' && !rest[0]) throw new UsageError(`${verb} needs a role (staff, expert or applicant) and an identity`);
  if (!identityKey) throw new UsageError(`${verb} needs an identity, e.g. console:alice or slack:T012:U345`);

  const parts = identityKey.split(':');
  const platform = platformSchema.safeParse(parts[0]);
  if (!platform.success || parts.length < 2 || parts.some((p) => p === '')) {
    throw new UsageError(`not an identity: ${identityKey}; use slack:<team>:<user>, teams:<tenant>:<aadObjectId> or console:<name>`);
  }
  const role = verb === 'roles' ? undefined : roleSchema.safeParse(rest[0]);
  if (role && !role.success) throw new UsageError(`unknown role ${rest[0]}; use staff, expert or applicant`);
  const config = loadConfig();
  const program = loadProgram(config.PROGRAM);
  const countries = values.country ?? [];
  for (const c of countries) {
    if (!program.countries.some((pc) => pc.code === c))
      throw new UsageError(`unknown country ${c}; use one of ${program.countries.map((pc) => pc.code).join(', ')}`);
  }
  if (role?.data === 'expert' && verb === 'grant' && countries.length === 0)
    throw new UsageError('an expert is granted for one or more countries: add --country');

  const db = await openDatabase(config.DATABASE_URL);
  const uow = createAppUnitOfWork(db.prisma, {
    program,
    clock: systemClock,
    log: createLogger('warn'),
    flowTtlHours: config.FLOW_TTL_HOURS,
    provider: db.provider,
    sqlite: db.sqlite,
  });
  try {
    // One transaction: the person, the grants and their audit rows are written together or not at all.
    const line = await uow.run(async ({ people, audit }) => {
      const person = await people.resolve({
        key: identityKey,
        platform: platform.data,
        tenant: parts.length > 2 ? parts[1]! : '',
        userId: parts.at(-1)!,
        displayName: values.name,
      });
      if (role?.success) {
        for (const country of role.data === 'expert' ? countries : ['']) {
          if (verb === 'grant') await people.grantRole({ personId: person.id, role: role.data, country });
          else await people.revokeRole({ personId: person.id, role: role.data, country: country || undefined });
          await audit.record({
            actorId: null,
            action: `role.${verb}`,
            subjectType: 'person',
            subjectId: person.id,
            details: { role: role.data, country, via: 'admin-cli' },
          });
        }
      }
      const after = await people.findById(person.id);
      const roles = after!.roles.map((g) => (g.country ? `${g.role}(${g.country})` : g.role));
      return `${identityKey} (person ${person.id}): ${roles.length ? roles.join(', ') : 'no roles'}\n`;
    });
    process.stdout.write(line);
  } finally {
    await db.close();
  }
}

await main().catch((error: unknown) => exitWithFailure(error, 'admin', help));
