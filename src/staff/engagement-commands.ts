/**
 * What staff record on an adopted engagement: `forms <id> 1|2|both`, `assign`/`unassign <id> <expert>`,
 * `bind <id>` (this channel), `followup <id> [date]`. The applicant is told of each; an assigned expert too.
 */
import type { Command, Turn } from './needs.ts';
import { bindChannel, recordFollowUp, recordFormsReceived, setAssignment, type FormNumber } from '../applications/engagement-updates.ts';
import { requireRole } from '../core/authorize.ts';
import { choices, error, text, type Reply } from '../core/reply.ts';
import type { PersonView } from '../core/roles.ts';
import { isoDateIn } from '../i18n/format.ts';
import { parseApplicationId, parseIsoDate, words } from './args.ts';
import { failureReply } from './failures.ts';
import { parseIdentityRef } from './identity-ref.ts';
import { notifyAssignment, notifyFollowUp, notifyFormsReceived } from './notifications.ts';
import { engagementChoices } from './engagement-choices.ts';
import { applicationName, day, personName } from './words.ts';

const notifiedNote = (turn: Turn, notified: boolean) => (notified ? turn.t('staff.done.notified') : turn.t('staff.done.noApplicant'));

function staffCommand(
  name: string,
  aliases: string[],
  usage: string,
  summary: Command['summary'],
  body: (turn: Turn, id: number, rest: string[], args: string) => Promise<Reply[]>,
): Command {
  return {
    name,
    aliases,
    audience: ['staff'],
    usage,
    summary,
    async run(turn, args) {
      const denied = await requireRole(turn, ['staff'], name);
      if (denied) return denied;
      const [first, ...rest] = words(args);
      const id = parseApplicationId(first);
      if (id === undefined) return [error('usage', turn.t('staff.usage', { usage }))];
      return body(turn, id, rest, args);
    },
  };
}

function parseForms(rest: string[]): FormNumber[] | undefined {
  const w = rest.join(' ').toLowerCase();
  if (['both', '両方', '1 2', '12', '1 and 2', '1と2', '全部'].includes(w)) return [1, 2];
  if (w === '1' || w === '様式1') return [1];
  if (w === '2' || w === '様式2') return [2];
  return undefined;
}

/** Records Forms 1 and/or 2 received and words it (the command and the button after adoption). */
export async function recordForms(turn: Turn, id: number, forms: FormNumber[]): Promise<Reply[]> {
  const outcome = await recordFormsReceived(turn.services, { id, forms, actorId: turn.person.id, at: turn.now });
  if (!outcome.ok) return failureReply(turn, outcome, { id });
  const name = applicationName(turn, outcome.application);
  const label = (list: FormNumber[]) => list.map((f) => turn.t(`staff.form.${f}`)).join(turn.t('staff.list.and'));
  const lines: string[] = [];
  if (outcome.recorded.length) {
    const notified = await notifyFormsReceived(turn.services, outcome.application, outcome.recorded);
    lines.push(turn.t('staff.forms.recorded', { name, forms: label(outcome.recorded) }), notifiedNote(turn, notified));
  }
  if (outcome.already.length) lines.push(turn.t('staff.forms.already', { forms: label(outcome.already) }));
  const next = engagementChoices(turn, outcome.application, 'after');
  return [next.length ? choices(lines.join('\n'), next) : text(lines.join('\n'))];
}

const formsCommand = staffCommand('forms', ['様式', '様式受領'], 'forms <id> 1|2|both', 'staff.cmd.forms', async (turn, id, rest) => {
  const forms = parseForms(rest);
  if (!forms) return [error('usage', turn.t('staff.usage', { usage: 'forms <id> 1|2|both' }))];
  return recordForms(turn, id, forms);
});

/** Assigns (or removes) an expert and words it; the expert and the applicant are told. */
export async function assignExpert(turn: Turn, id: number, expert: PersonView, assign: boolean): Promise<Reply[]> {
  const expertName = personName(turn, expert);
  const outcome = await setAssignment(turn.services, { id, expertId: expert.id, assign, actorId: turn.person.id, at: turn.now });
  if (!outcome.ok) return failureReply(turn, outcome.code === 'not_expert_for_country' ? { ...outcome, expertName } : outcome, { id });
  const a = outcome.application;
  const params = { name: applicationName(turn, a), expert: expertName };
  switch (outcome.result) {
    case 'already':
      return [text(turn.t('staff.assign.already', params))];
    case 'not_assigned':
      return [text(turn.t('staff.unassign.notAssigned', params))];
    case 'assigned': {
      await notifyAssignment(turn.services, a, expert, true);
      const done = `${turn.t('staff.assign.done', params)}\n${turn.t('staff.assign.notified')}`;
      const next = engagementChoices(turn, a, 'after');
      return [next.length ? choices(done, next) : text(done)];
    }
    case 'removed':
      await notifyAssignment(turn.services, a, expert, false);
      return [text(turn.t('staff.unassign.done', params))];
  }
}

function assignmentCommand(assign: boolean): Command {
  const name = assign ? 'assign' : 'unassign';
  const usage = `${name} <id> <@expert>`;
  return staffCommand(
    name,
    assign ? ['担当', '専門家割当'] : ['担当解除'],
    usage,
    assign ? 'staff.cmd.assign' : 'staff.cmd.unassign',
    async (turn, id, rest) => {
      if (rest.length !== 1) return [error('usage', turn.t('staff.usage', { usage }))];
      const ref = parseIdentityRef(rest[0]!, turn.inbound);
      if (!ref.ok) return [error('not_identity', turn.t('staff.error.notIdentity', { word: rest[0]! }))];
      const expert = await turn.services.people.findByIdentityKey(ref.identity.key);
      if (!expert) return [error('unknown_person', turn.t('staff.error.unknownPerson', { key: ref.identity.key }))];
      return assignExpert(turn, id, expert, assign);
    },
  );
}

const bindCommand = staffCommand('bind', ['紐付け', 'チャンネル紐付け'], 'bind <id>', 'staff.cmd.bind', async (turn, id) => {
  // A direct message is nobody else's channel: binding it would send the company's hours to the staff member's DM.
  if (turn.inbound.conversation.isDirect) return [error('direct_conversation', turn.t('staff.bind.notInDirect'))];
  const outcome = await bindChannel(turn.services, { id, channelKey: turn.inbound.conversation.key, actorId: turn.person.id });
  if (!outcome.ok) return failureReply(turn, outcome, { id });
  const name = applicationName(turn, outcome.application);
  return [text(outcome.already ? turn.t('staff.bind.already', { name }) : turn.t('staff.bind.done', { name }))];
});

const followUpCommand = staffCommand(
  'followup',
  ['フォローアップ', 'follow-up'],
  'followup <id> [YYYY-MM-DD]',
  'staff.cmd.followup',
  async (turn, id, rest) => {
    const date =
      rest.length === 0 ? isoDateIn(turn.now, turn.services.program.homeTimeZone) : rest.length === 1 ? parseIsoDate(rest[0]!) : undefined;
    if (!date) return [error('usage', turn.t('staff.followup.badDate', { word: rest.join(' ') }))];
    const outcome = await recordFollowUp(turn.services, { id, date, actorId: turn.person.id });
    if (!outcome.ok) return failureReply(turn, outcome, { id });
    const notified = await notifyFollowUp(turn.services, outcome.application, date);
    return [
      text(
        `${turn.t('staff.followup.done', { name: applicationName(turn, outcome.application), date: day(turn, date) })}\n${notifiedNote(turn, notified)}`,
      ),
    ];
  },
);

export const engagementCommands: Command[] = [
  formsCommand,
  assignmentCommand(true),
  assignmentCommand(false),
  bindCommand,
  followUpCommand,
];
