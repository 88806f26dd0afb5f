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
import { loadConfig } from '../src/config.ts';
import { systemClock } from '../src/core/clock.ts';
import { platformSchema } from '../src/core/inbound.ts';
import { roleSchema } from '../src/core/roles.ts';
import { createAppUnitOfWork } from '../src/app/create-services.ts';
import { createLogger } from '../src/app/logger.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { loadProgram } from '../src/program/load-program.ts';

const usage = `usage:
  npm run admin -- grant <staff|expert|applicant> <identity> [--country <code>]... [--name <display name>]
  npm run admin -- revoke <staff|expert|applicant> <identity> [--country <code>]
  npm run admin -- roles <identity>
identity: slack:<team>:<user> | teams:<tenant>:<aadObjectId> | console:<name>`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(2);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { country: { type: 'string', multiple: true }, name: { type: 'string' } },
});
const [verb, ...rest] = positionals;
const identityKey = verb === 'roles' ? rest[0] : rest[1];
if (!verb || !identityKey) fail('missing arguments');

const parts = identityKey.split(':');
const platform = platformSchema.safeParse(parts[0]);
if (!platform.success || parts.length < 2 || parts.some((p) => p === '')) fail(`not an identity: ${identityKey}`);
const config = loadConfig();
const program = loadProgram(config.PROGRAM);
const countries = values.country ?? [];
for (const c of countries) if (!program.countries.some((pc) => pc.code === c)) fail(`unknown country ${c}; use one of ${program.countries.map((pc) => pc.code).join(', ')}`);

const db = await openDatabase(config.DATABASE_URL);
const uow = createAppUnitOfWork(db.prisma, { program, clock: systemClock, log: createLogger('warn'), flowTtlHours: config.FLOW_TTL_HOURS, provider: db.provider, sqlite: db.sqlite });
try {
  // One transaction: the person, the grants and their audit rows are written together or not at all.
  await uow.run(async ({ people, audit }) => {
    const person = await people.resolve({
      key: identityKey,
      platform: platform.data,
      tenant: parts.length > 2 ? parts[1]! : '',
      userId: parts.at(-1)!,
      displayName: values.name,
    });
    if (verb === 'grant' || verb === 'revoke') {
      const role = roleSchema.safeParse(rest[0]);
      if (!role.success) fail(`unknown role ${rest[0]}`);
      if (role.data === 'expert' && verb === 'grant' && countries.length === 0) fail('an expert is granted for one or more countries: add --country');
      for (const country of role.data === 'expert' ? countries : ['']) {
        if (verb === 'grant') await people.grantRole({ personId: person.id, role: role.data, country });
        else await people.revokeRole({ personId: person.id, role: role.data, country: country || undefined });
        await audit.record({ actorId: null, action: `role.${verb}`, subjectType: 'person', subjectId: person.id, details: { role: role.data, country, via: 'admin-cli' } });
      }
    } else if (verb !== 'roles') {
      fail(`unknown command ${verb}`);
    }
    const after = await people.findById(person.id);
    const roles = after!.roles.map((g) => (g.country ? `${g.role}(${g.country})` : g.role));
    process.stdout.write(`${identityKey} (person ${person.id}): ${roles.length ? roles.join(', ') : 'no roles'}\n`);
  });
} finally {
  await db.close();
}
