/**
 * Moving applications through the pipeline: `receive`, `screen`, `adopt`, `reject`, `close` for staff (typed
 * or from the buttons of `application <id>`), `withdraw` for applicants. Adopting past the adoption target
 * asks for an explicit confirmation.
 */
import { applyPipelineEvent, type TransitionInput } from '../applications/transitions.ts';
import { waitingStatuses, type PipelineEvent } from '../applications/pipeline.ts';
import type { ApplicationView } from '../applications/application.ts';
import { deny, requireRole } from '../core/authorize.ts';
import type { ActionHandler, Command } from '../core/feature.ts';
import { choices, error, text, type Reply } from '../core/reply.ts';
import type { Turn } from '../core/turn.ts';
import { isoDateIn } from '../i18n/format.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import { parseApplicationId, words } from './args.ts';
import { stepChoices } from './application-views.ts';
import { countryCodeOf, countryName } from './country-ref.ts';
import { failureReply } from './failures.ts';
import { notifyExpertsClosed, notifyStaffWithdrawn, notifyStatusChange } from './notifications.ts';
import { actionIds, button, parseIdVersion, parseStep } from './staff-actions.ts';
import { applicationName, day, hours } from './words.ts';

type StaffEvent = Exclude<PipelineEvent, 'withdraw'>;

/** Runs one pipeline step for staff and words the outcome. */
async function runStep(turn: Turn, input: Omit<TransitionInput, 'actorId' | 'at'>): Promise<Reply[]> {
  const { t, services } = turn;
  const outcome = await applyPipelineEvent(services, { ...input, actorId: turn.person.id, at: turn.now });
  if (!outcome.ok) {
    if (outcome.code === 'target_reached') return pastTargetQuestion(turn, outcome.application, outcome.adopted);
    return failureReply(turn, outcome, { id: input.id, event: input.event });
  }
  const a = outcome.application;
  const notified = await notifyStatusChange(services, a, input.event, input.reason);
  if (input.event === 'close') await notifyExpertsClosed(services, a, await services.applications.expertsOf(a.id));
  const name = applicationName(turn, a);
  let done: string;
  if (input.event === 'adopt') {
    const adopted = await services.applications.countAdopted();
    const target = services.program.adoptionTarget;
    done = t('staff.done.adopt', {
      name,
      from: day(turn, isoDateIn(a.adoptedAt ?? turn.now, services.program.homeTimeZone)),
      to: day(turn, services.program.dates.supportEnds),
      cap: hours(turn, a.capMinutes),
      adopted,
      target,
    });
    if (adopted > target) done += `\n${t('staff.done.pastTarget', { over: adopted - target })}`;
  } else {
    const key: MessageKey = `staff.done.${input.event as StaffEvent}`;
    done = t(key, { name, reason: input.reason ?? '' });
  }
  done += `\n${notified ? t('staff.done.notified') : t('staff.done.noApplicant')}`;
  const steps = stepChoices(turn, a);
  return [steps.length ? choices(done, steps) : text(done)];
}

/** The target is reached: adopting needs an explicit yes. */
async function pastTargetQuestion(turn: Turn, a: ApplicationView, adopted: number): Promise<Reply[]> {
  const target = turn.services.program.adoptionTarget;
  return [
    choices(turn.t('staff.adopt.pastTarget', { name: applicationName(turn, a), adopted, target, next: adopted + 1 }), [
      button(actionIds.adoptPastTarget, `${a.id}:${a.version}`, turn.t('staff.adopt.confirm', { next: adopted + 1 }), 'danger'),
      button(actionIds.dismiss, 'adopt', turn.t('staff.adopt.cancel')),
    ]),
  ];
}

function stepCommand(event: StaffEvent, aliases: string[], usage: string): Command {
  return {
    name: event,
    aliases,
    audience: ['staff'],
    usage,
    summary: `staff.cmd.${event}`,
    async run(turn, args) {
      const denied = await requireRole(turn, ['staff'], event);
      if (denied) return denied;
      const [first, ...rest] = words(args);
      const id = parseApplicationId(first);
      if (id === undefined) return [error('usage', turn.t('staff.usage', { usage }))];
      if (event !== 'reject') return runStep(turn, { id, event });
      // The reason is kept verbatim (it is told to the applicant).
      const reason = args.normalize('NFKC').trim().slice(first!.length).trim();
      if (rest.length === 0 || reason === '') return [error('usage', turn.t('staff.reject.needReason', { id }))];
      return runStep(turn, { id, event, reason });
    },
  };
}

export const pipelineCommands: Command[] = [
  stepCommand('receive', ['受領', '受付'], 'receive <id>'),
  stepCommand('screen', ['審査', '審査開始'], 'screen <id>'),
  stepCommand('adopt', ['採択'], 'adopt <id>'),
  stepCommand('reject', ['不採択'], 'reject <id> <reason>'),
  stepCommand('close', ['支援終了', '終了'], 'close <id>'),
];

/** Applicants: their applications still waiting for a decision, optionally for one country. */
async function withdrawable(turn: Turn, countryCode: string | undefined): Promise<ApplicationView[]> {
  const { applications } = turn.services;
  const companyIds = [...new Set(turn.person.roles.filter((g) => g.role === 'applicant' && g.companyId !== null).map((g) => g.companyId!))];
  const mine = (await Promise.all(companyIds.map((id) => applications.listForCompany(id)))).flat();
  return mine.filter((a) => waitingStatuses.includes(a.status) && (countryCode === undefined || a.country === countryCode));
}

export const withdrawCommand: Command = {
  name: 'withdraw',
  aliases: ['取り下げ', '取下げ', '辞退'],
  audience: ['applicant'],
  usage: 'withdraw <country>',
  summary: 'staff.cmd.withdraw',
  async run(turn, args) {
    const denied = await requireRole(turn, ['applicant'], 'withdraw');
    if (denied) return denied;
    const word = args.normalize('NFKC').trim();
    const code = word === '' ? undefined : countryCodeOf(turn.services.program, word);
    if (word !== '' && !code) return [error('unknown_country', turn.t('staff.error.countryWord', { word, countries: countryList(turn) }))];
    const found = await withdrawable(turn, code);
    if (found.length === 0) return [error('nothing_to_withdraw', turn.t('staff.withdraw.none'))];
    if (found.length > 1) return [error('usage', turn.t('staff.withdraw.which', { countries: found.map((a) => countryName(turn.services.program, a.country, turn.locale)).join(' / ') }))];
    const a = found[0]!;
    return [
      choices(turn.t('staff.withdraw.question', { name: applicationName(turn, a) }), [
        button(actionIds.withdraw, `${a.id}:${a.version}`, turn.t('staff.withdraw.confirm'), 'danger'),
        button(actionIds.dismiss, 'withdraw', turn.t('staff.withdraw.keep')),
      ]),
    ];
  },
};

const countryList = (turn: Turn) => turn.services.program.countries.map((c) => `${c.name[turn.locale]} (${c.code})`).join(', ');

export const pipelineActions: ActionHandler[] = [
  {
    id: actionIds.step,
    async run(turn, action) {
      const denied = await requireRole(turn, ['staff'], 'step');
      if (denied) return denied;
      const step = parseStep(action.v);
      if (!step) return [error('bad_button', turn.t('core.error.badButton'))];
      // The reason is typed: the button says how.
      if (step.event === 'reject') return [text(turn.t('staff.reject.howTo', { id: step.id }), true)];
      return runStep(turn, { id: step.id, event: step.event, expectedVersion: step.version });
    },
  },
  {
    id: actionIds.adoptPastTarget,
    async run(turn, action) {
      const denied = await requireRole(turn, ['staff'], 'adopt');
      if (denied) return denied;
      const v = parseIdVersion(action.v);
      if (!v) return [error('bad_button', turn.t('core.error.badButton'))];
      return runStep(turn, { id: v.id, event: 'adopt', expectedVersion: v.version, pastTarget: true });
    },
  },
  {
    id: actionIds.withdraw,
    async run(turn, action) {
      const denied = await requireRole(turn, ['applicant'], 'withdraw');
      if (denied) return denied;
      const v = parseIdVersion(action.v);
      if (!v) return [error('bad_button', turn.t('core.error.badButton'))];
      const current = await turn.services.applications.get(v.id);
      if (!current) return [error('not_found', turn.t('staff.withdraw.none'))];
      // Scope: an applicant withdraws only their own company's application.
      if (current.applicantId !== turn.person.id && !turn.person.roles.some((g) => g.role === 'applicant' && g.companyId === current.companyId))
        return deny(turn, ['applicant'], 'withdraw', { applicationId: v.id });
      const outcome = await applyPipelineEvent(turn.services, { id: v.id, event: 'withdraw', expectedVersion: v.version, actorId: turn.person.id, at: turn.now });
      if (!outcome.ok) {
        if (outcome.code === 'not_found' || outcome.code === 'target_reached') return [error('not_found', turn.t('staff.withdraw.none'))];
        return [error(outcome.code, turn.t('staff.withdraw.notPossible', { name: applicationName(turn, outcome.application), status: turn.t(`staff.status.${outcome.application.status}`) }))];
      }
      const a = outcome.application;
      await notifyStaffWithdrawn(turn.services, a);
      // Someone else from the company applied: they are told too.
      if (a.applicantId !== null && a.applicantId !== turn.person.id) await notifyStatusChange(turn.services, a, 'withdraw');
      return [text(turn.t('staff.withdraw.done', { name: applicationName(turn, a) }))];
    },
  },
  {
    id: actionIds.dismiss,
    async run(turn) {
      return [text(turn.t('staff.dismissed'), true)];
    },
  },
];
