/** The buttons of an adopted engagement (engagement-choices.ts): Forms 1 and 2 received, and assigning an expert. */
import type { ActionHandler, Turn } from './needs.ts';
import { requireRole } from '../core/authorize.ts';
import { choices, error, text, type Reply } from '../core/reply.ts';
import { countryName } from './country-ref.ts';
import { assignExpert, recordForms } from './engagement-commands.ts';
import { failureReply } from './failures.ts';
import { actionIds, button, parseId, parseIdVersion } from './staff-actions.ts';
import { applicationName, personName } from './words.ts';

const badButton = (turn: Turn): Reply[] => [error('bad_button', turn.t('core.error.badButton'))];

/** The experts granted for the engagement's country and not yet on it, one button each. */
async function expertPicker(turn: Turn, id: number): Promise<Reply[]> {
  const { applications, people, program } = turn.services;
  const a = await applications.get(id);
  if (!a) return failureReply(turn, { code: 'not_found' }, { id });
  if (a.status !== 'adopted') return failureReply(turn, { code: 'not_adopted', application: a }, { id });
  const assigned = await applications.expertsOf(a.id);
  const experts = (await people.listWithRole('expert')).filter(
    (p) => !assigned.includes(p.id) && p.roles.some((g) => g.role === 'expert' && g.country === a.country),
  );
  const country = countryName(program, a.country, turn.locale);
  if (experts.length === 0) return [text(turn.t('staff.next.noExperts', { name: applicationName(turn, a), country, code: a.country }))];
  return [
    choices(
      turn.t('staff.next.pickExpert', { name: applicationName(turn, a), country }),
      experts.map((p) => button(actionIds.assign, `${a.id}:${p.id}`, personName(turn, p))),
    ),
  ];
}

export const engagementActions: ActionHandler[] = [
  {
    id: actionIds.forms,
    async run(turn, action) {
      const denied = await requireRole(turn, ['staff'], 'forms');
      if (denied) return denied;
      const id = parseId(action.v);
      return id === undefined ? badButton(turn) : recordForms(turn, id, [1, 2]);
    },
  },
  {
    id: actionIds.assignPick,
    async run(turn, action) {
      const denied = await requireRole(turn, ['staff'], 'assign');
      if (denied) return denied;
      const id = parseId(action.v);
      return id === undefined ? badButton(turn) : expertPicker(turn, id);
    },
  },
  {
    id: actionIds.assign,
    async run(turn, action) {
      const denied = await requireRole(turn, ['staff'], 'assign');
      if (denied) return denied;
      // `<application id>:<person id>`: the same shape as id:version.
      const v = parseIdVersion(action.v);
      const expert = v ? await turn.services.people.findById(v.version) : null;
      if (!v || !expert) return badButton(turn);
      return assignExpert(turn, v.id, expert, true);
    },
  },
];
