/** `whoami`: who the bot takes you for: your identity key (what staff name you by), name, roles and companies. */
import type { Command, Turn } from './needs.ts';
import { facts, type Fact } from '../core/reply.ts';
import { channelKeyOf, isSharedConversation } from '../core/privacy.ts';
import { countryNames, memberCompanyIds } from './membership-words.ts';
import { personName } from '../core/person-name.ts';

async function whoami(turn: Turn) {
  const { services, t, locale, person } = turn;
  const list: Fact[] = [
    { label: t('membership.whoami.key'), value: turn.inbound.identity.key },
    { label: t('membership.whoami.name'), value: personName(t, person) },
  ];
  const roles: string[] = [];
  if (person.roles.some((g) => g.role === 'staff')) roles.push(t('core.role.staff'));
  const expertCountries = [
    ...new Set(
      person.roles
        .filter((g) => g.role === 'expert')
        .map((g) => g.country)
        .filter((c) => c !== ''),
    ),
  ];
  if (person.roles.some((g) => g.role === 'expert'))
    roles.push(
      expertCountries.length
        ? `${t('core.role.expert')} (${countryNames(services.program, expertCountries, locale)})`
        : t('core.role.expert'),
    );
  if (person.roles.some((g) => g.role === 'applicant')) roles.push(t('core.role.applicant'));
  list.push({ label: t('membership.whoami.roles'), value: roles.length ? roles.join(', ') : t('membership.whoami.none') });
  const companies = await Promise.all(memberCompanyIds(person).map((id) => services.applications.findCompany(id)));
  const names = companies.flatMap((c) => (c ? [c.name] : []));
  list.push({ label: t('membership.whoami.companies'), value: names.length ? names.join(', ') : t('membership.whoami.none') });
  const waiting = await services.memberships.pendingOf(person.id);
  if (waiting.length)
    list.push({
      label: t('membership.whoami.waiting'),
      value: waiting.map((r) => t('membership.whoami.waitingItem', { id: r.id, company: r.requestedName })).join(', '),
    });
  // In a channel, its key: what staff put in STAFF_CHANNELS to show staff answers to everyone there.
  if (!turn.inbound.conversation.isDirect) {
    const key = channelKeyOf(turn.inbound);
    list.push({
      label: t('membership.whoami.conversation'),
      value: isSharedConversation(turn.inbound, services.settings.staffChannels) ? key : t('membership.whoami.staffChannel', { key }),
    });
  }
  return [facts(t('membership.whoami.title'), list)];
}

export const whoamiCommand: Command = {
  name: 'whoami',
  aliases: ['me', '自分', 'わたし', '私'],
  audience: 'everyone',
  // Your roles and companies are yours: in a channel the answer goes to you alone.
  private: true,
  usage: 'whoami',
  summary: 'membership.cmd.whoami',
  run: (turn) => whoami(turn),
};
