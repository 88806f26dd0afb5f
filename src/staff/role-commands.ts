/**
 * `role grant|revoke <staff|expert|applicant> <@user or identity key> [country…|company]` and `role list`:
 * staff manage roles in chat (the first staff member is granted with `npm run admin`). An expert is granted
 * for one or more countries; an applicant for their company.
 */
import type { ActionHandler, Command, Turn } from './needs.ts';
import { requireRole } from '../core/authorize.ts';
import { askToConfirm } from '../core/confirmation.ts';
import { error, text, type Reply } from '../core/reply.ts';
import { roleSchema, type PersonView, type Role } from '../core/roles.ts';
import { normalizeText } from '../core/text-normalize.ts';
import { words } from './args.ts';
import { countryName, parseCountries } from './country-ref.ts';
import { parseIdentityRef } from './identity-ref.ts';
import { actionIds } from './staff-actions.ts';
import { lookupCompanyForStaff } from '../applications/company-lookup.ts';
import { unknownCompany } from './failures.ts';
import { personName } from './words.ts';

const verbs: Record<string, 'grant' | 'revoke' | 'list'> = {
  grant: 'grant',
  add: 'grant',
  付与: 'grant',
  追加: 'grant',
  revoke: 'revoke',
  remove: 'revoke',
  取消: 'revoke',
  取り消し: 'revoke',
  削除: 'revoke',
  list: 'list',
  一覧: 'list',
};

const roleWords: Record<string, Role> = {
  staff: 'staff',
  事務局: 'staff',
  スタッフ: 'staff',
  expert: 'expert',
  専門家: 'expert',
  applicant: 'applicant',
  申請者: 'applicant',
  申請企業: 'applicant',
};

const usage = 'role grant|revoke <staff|expert|applicant> <@user> [country…|company] · role list';
const usageError = (turn: Turn) => [error('usage', turn.t('staff.usage', { usage }))];
const roleName = (turn: Turn, role: Role) => turn.t(`core.role.${role}`);

function scopeText(turn: Turn, role: Role, countries: string[], company?: string): string {
  if (role === 'expert' && countries.length)
    return turn.t('staff.role.forScope', {
      scope: countries.map((c) => countryName(turn.services.program, c, turn.locale)).join(turn.t('staff.list.and')),
    });
  if (role === 'applicant' && company) return turn.t('staff.role.forScope', { scope: company });
  return '';
}

async function grantOrRevoke(turn: Turn, verb: 'grant' | 'revoke', rest: string[], rawArgs: string): Promise<Reply[]> {
  const { people, applications, program, audit, notifier } = turn.services;
  const role = roleWords[normalizeText(rest[0] ?? '')] ?? roleSchema.safeParse(rest[0]).data;
  if (!role || rest.length < 2) return usageError(turn);
  const ref = parseIdentityRef(rest[1]!, turn.inbound);
  if (!ref.ok) return [error('not_identity', turn.t('staff.error.notIdentity', { word: rest[1]! }))];
  const scopeWords = rest.slice(2);

  let countries: string[] = [];
  let company: { id: number; name: string } | null = null;
  if (role === 'expert') {
    const parsed = parseCountries(program, scopeWords);
    if (parsed.unknown.length)
      return [
        error(
          'unknown_country',
          turn.t('staff.error.countryWord', {
            word: parsed.unknown.join(' '),
            countries: program.countries.map((c) => `${c.name[turn.locale]} (${c.code})`).join(', '),
          }),
        ),
      ];
    if (verb === 'grant' && parsed.codes.length === 0) return [error('usage', turn.t('staff.role.expertNeedsCountry'))];
    countries = parsed.codes;
  } else if (role === 'applicant' && verb === 'grant') {
    // The company name is the rest of the line as typed (it may contain spaces).
    const name = rawArgs.normalize('NFKC').trim().split(/\s+/).slice(3).join(' ');
    if (name === '') return [error('usage', turn.t('staff.role.applicantNeedsCompany'))];
    // A membership is granted for the exact company: look-alikes are only offered in the refusal.
    const lookup = await lookupCompanyForStaff(applications, name, { allowLooseMatch: false });
    if (!lookup.found) return unknownCompany(turn, name, lookup.candidates);
    company = lookup.company;
  }

  if (verb === 'grant') {
    const target = await people.resolve(ref.identity);
    for (const country of role === 'expert' ? countries : ['']) {
      await people.grantRole({ personId: target.id, role, country, companyId: company?.id ?? null, grantedById: turn.person.id });
      await audit.record({
        actorId: turn.person.id,
        action: 'role.grant',
        subjectType: 'person',
        subjectId: target.id,
        details: { role, country, companyId: company?.id ?? null, identity: ref.identity.key },
      });
    }
    await notifier.notify(target.id, (t, locale) => {
      const scope =
        role === 'expert'
          ? t('staff.role.forScope', { scope: countries.map((c) => countryName(program, c, locale)).join(t('staff.list.and')) })
          : company
            ? t('staff.role.forScope', { scope: company.name })
            : '';
      return [text(t('staff.notify.roleGranted', { role: t(`core.role.${role}`), scope }))];
    });
    return [
      text(
        turn.t('staff.role.granted', {
          role: roleName(turn, role),
          scope: scopeText(turn, role, countries, company?.name),
          who: personName(turn, target),
          key: ref.identity.key,
        }),
      ),
    ];
  }

  const target = await people.findByIdentityKey(ref.identity.key);
  if (!target) return [error('unknown_person', turn.t('staff.error.unknownPerson', { key: ref.identity.key }))];
  const refusal = await revocationRefused(turn, target, role, countries);
  if (refusal) return refusal;
  // Taking a role away cannot be undone by the person: ask first, and say they will be told.
  const who = personName(turn, target);
  return askToConfirm(turn, {
    action: { h: actionIds.revokeRole, v: `${role}|${countries.join(',')}|${ref.identity.key}` },
    question: turn.t('staff.revoke.question', { role: roleName(turn, role), scope: scopeText(turn, role, countries), who }),
    yes: turn.t('staff.revoke.confirm'),
    no: turn.t('staff.revoke.keep'),
  });
}

/** Why the revocation cannot be done (nothing to revoke, the last staff member), or undefined. */
async function revocationRefused(turn: Turn, target: PersonView, role: Role, countries: string[]): Promise<Reply[] | undefined> {
  const matching = target.roles.filter(
    (g) => g.role === role && (role !== 'expert' || countries.length === 0 || countries.includes(g.country)),
  );
  if (matching.length === 0)
    return [text(turn.t('staff.role.nothingToRevoke', { role: roleName(turn, role), who: personName(turn, target) }))];
  if (role === 'staff') {
    const staff = await turn.services.people.listWithRole('staff');
    // Revoking the last staff member would leave nobody able to grant roles in chat.
    if (staff.length <= 1) return [error('last_staff', turn.t('staff.role.lastStaff'))];
  }
  return undefined;
}

/** The confirmed revocation: checked again (someone may have changed the roles meanwhile), audited, and the person told. */
async function revoke(turn: Turn, role: Role, countries: string[], identityKey: string): Promise<Reply[]> {
  const { people, audit, notifier, program } = turn.services;
  const target = await people.findByIdentityKey(identityKey);
  if (!target) return [error('unknown_person', turn.t('staff.error.unknownPerson', { key: identityKey }))];
  const refusal = await revocationRefused(turn, target, role, countries);
  if (refusal) return refusal;
  let count = 0;
  for (const country of role === 'expert' && countries.length ? countries : [undefined])
    count += await people.revokeRole({ personId: target.id, role, country });
  if (count === 0) return [text(turn.t('staff.role.nothingToRevoke', { role: roleName(turn, role), who: personName(turn, target) }))];
  await audit.record({
    actorId: turn.person.id,
    action: 'role.revoke',
    subjectType: 'person',
    subjectId: target.id,
    details: { role, countries, identity: identityKey, revoked: count },
  });
  await notifier.notify(target.id, (t, locale) => {
    const scope =
      role === 'expert' && countries.length
        ? t('staff.role.forScope', { scope: countries.map((c) => countryName(program, c, locale)).join(t('staff.list.and')) })
        : '';
    return [text(t('staff.notify.roleRevoked', { role: t(`core.role.${role}`), scope }))];
  });
  return [
    text(
      turn.t('staff.role.revoked', { role: roleName(turn, role), scope: scopeText(turn, role, countries), who: personName(turn, target) }),
    ),
  ];
}

/** The button of the revocation's confirmation: `<role>|<countries>|<identity key>`. */
export const revokeRoleAction: ActionHandler = {
  id: actionIds.revokeRole,
  async run(turn, action) {
    const denied = await requireRole(turn, ['staff'], 'role');
    if (denied) return denied;
    const m = /^(staff|expert|applicant)\|([a-z,]*)\|(\S{3,300})$/.exec(action.v);
    if (!m) return [error('bad_button', turn.t('core.error.badButton'))];
    return revoke(
      turn,
      m[1] as Role,
      m[2]!.split(',').filter((c) => c !== ''),
      m[3]!,
    );
  },
};

async function listRoles(turn: Turn): Promise<Reply[]> {
  const { people, applications, program } = turn.services;
  const lines: string[] = [turn.t('staff.role.listTitle')];
  for (const role of roleSchema.options) {
    const holders: PersonView[] = await people.listWithRole(role);
    const entries: string[] = [];
    for (const p of holders) {
      const grants = p.roles.filter((g) => g.role === role);
      const scopes: string[] = [];
      for (const g of grants) {
        if (g.country) scopes.push(countryName(program, g.country, turn.locale));
        if (g.companyId !== null) scopes.push((await applications.findCompany(g.companyId))?.name ?? `#${g.companyId}`);
      }
      entries.push(scopes.length ? `${personName(turn, p)} (${scopes.join(', ')})` : personName(turn, p));
    }
    lines.push(
      turn.t('staff.role.listLine', {
        role: roleName(turn, role),
        count: holders.length,
        people: entries.length ? entries.join(', ') : turn.t('staff.detail.none'),
      }),
    );
  }
  return [text(lines.join('\n'), true)];
}

export const roleCommand: Command = {
  name: 'role',
  aliases: ['roles', '権限', 'ロール'],
  audience: ['staff'],
  usage,
  summary: 'staff.cmd.role',
  async run(turn, args) {
    const denied = await requireRole(turn, ['staff'], 'role');
    if (denied) return denied;
    const [verbWord, ...rest] = words(args);
    const verb = verbs[normalizeText(verbWord ?? 'list')];
    if (!verb) return usageError(turn);
    if (verb === 'list') return listRoles(turn);
    return grantOrRevoke(turn, verb, rest, args);
  },
};
