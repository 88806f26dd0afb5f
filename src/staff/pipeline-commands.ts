/**
 * Moving applications through the pipeline: `receive`, `screen`, `adopt`, `reject`, `close` for staff (typed
 * or from the buttons of `application <id>`), `withdraw` for applicants. The irreversible steps (close,
 * reject, withdraw) and adopting past the adoption target ask for a confirmation that says what will happen
 * and who will be told; its button carries the application and the version seen.
 */
import type { ActionHandler, Command, Turn } from './needs.ts';
import { applyPipelineEvent, type TransitionInput } from '../applications/transitions.ts';
import { waitingStatuses, type PipelineEvent } from '../applications/pipeline.ts';
import type { ApplicationView } from '../applications/application.ts';
import { deny, requireRole } from '../core/authorize.ts';
import { askToConfirm } from '../core/confirmation.ts';
import { choices, error, text, type Reply } from '../core/reply.ts';
import { nextEvents } from '../applications/pipeline.ts';
import { isoDateIn } from '../i18n/format.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import { parseApplicationId, words } from './args.ts';
import { detailExtras, stepChoices } from './application-views.ts';
import { countryCodeOf } from './country-ref.ts';
import { failureReply } from './failures.ts';
import { notifyExpertsClosed, notifyStaffWithdrawn, notifyStatusChange } from './notifications.ts';
import { actionIds, button, parseConfirmedStep, parseIdVersion, parseStep } from './staff-actions.ts';
import { applicationName, day, hours } from './words.ts';
import { memberCompanyIds } from '../membership/membership-words.ts';

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
  const steps = stepChoices(turn, a, 'after');
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

/** The longest rejection reason: it travels in the confirmation's button. */
const maxReasonLength = 300;

/**
 * Close and reject cannot be taken back: ask first, naming what happens and who is told. `seen` is the
 * version on the button that led here (a stale one is refused now rather than after the confirmation).
 */
async function confirmStep(turn: Turn, event: 'close' | 'reject', id: number, seen?: number, reason?: string): Promise<Reply[]> {
  const a = await turn.services.applications.get(id);
  if (!a) return failureReply(turn, { code: 'not_found' }, { id, event });
  if (seen !== undefined && seen !== a.version) return failureReply(turn, { code: 'stale', application: a }, { id, event });
  if (!nextEvents(a.status, 'staff').includes(event))
    return failureReply(turn, { code: 'invalid_transition', application: a }, { id, event });
  const extras = await detailExtras(turn, a, false);
  const none = turn.t('staff.detail.none');
  const name = applicationName(turn, a);
  const applicant = extras.applicantName ?? none;
  if (event === 'close') {
    return askToConfirm(turn, {
      action: { h: actionIds.confirmedStep, v: `close:${a.id}:${a.version}` },
      question: turn.t('staff.close.question', {
        name,
        applicant,
        experts: extras.experts.length ? extras.experts.join(turn.t('staff.list.and')) : none,
      }),
      yes: turn.t('staff.close.confirm'),
      no: turn.t('staff.close.keep'),
    });
  }
  return askToConfirm(turn, {
    action: { h: actionIds.confirmedStep, v: `reject:${a.id}:${a.version}:${reason ?? ''}` },
    question: turn.t('staff.reject.question', { name, applicant, reason: reason ?? '' }),
    yes: turn.t('staff.reject.confirm'),
    no: turn.t('staff.reject.keep'),
  });
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
      if (event === 'close') return confirmStep(turn, 'close', id);
      if (event !== 'reject') return runStep(turn, { id, event });
      // The reason is kept verbatim (it is told to the applicant).
      const reason = args.normalize('NFKC').trim().slice(first!.length).trim();
      if (rest.length === 0 || reason === '') return [error('usage', turn.t('staff.reject.needReason', { id }))];
      if (reason.length > maxReasonLength) return [error('too_long', turn.t('staff.reject.tooLong', { max: maxReasonLength }))];
      return confirmStep(turn, 'reject', id, undefined, reason);
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

/** Applicants: their companies' applications still waiting for a decision, optionally of one company and one country. */
async function withdrawable(turn: Turn, companyId: number | undefined, countryCode: string | undefined): Promise<ApplicationView[]> {
  const { applications } = turn.services;
  const companyIds = memberCompanyIds(turn.person).filter((id) => companyId === undefined || id === companyId);
  const mine = (await Promise.all(companyIds.map((id) => applications.listForCompany(id)))).flat();
  return mine.filter((a) => waitingStatuses.includes(a.status) && (countryCode === undefined || a.country === countryCode));
}

/** `withdraw タイ`, `withdraw Acme`, `withdraw Acme タイ`: a country, one of the person's companies, or both. */
async function readWithdrawArgs(turn: Turn, args: string): Promise<{ companyId?: number; country?: string } | { refusal: Reply[] }> {
  const { program, applications } = turn.services;
  const typed = args.normalize('NFKC').trim();
  if (typed === '') return {};
  const whole = countryCodeOf(program, typed);
  if (whole) return { country: whole };
  const parts = typed.split(/\s+/);
  const last = parts.length > 1 ? countryCodeOf(program, parts.at(-1)!) : undefined;
  const companyName = last ? parts.slice(0, -1).join(' ') : typed;
  const company = await applications.findCompany(companyName);
  // Only one's own companies can be named; any other name (existing or not) gets the same answer.
  if (company && memberCompanyIds(turn.person).includes(company.id)) return { companyId: company.id, country: last };
  if (parts.length === 1)
    return { refusal: [error('unknown_country', turn.t('staff.error.countryWord', { word: typed, countries: countryList(turn) }))] };
  return { refusal: [error('not_yours', turn.t('staff.withdraw.notYours', { company: companyName }))] };
}

/** The confirmation of a withdrawal: it cannot be undone, and staff (and a co-applicant) are told. */
async function confirmWithdraw(turn: Turn, a: ApplicationView): Promise<Reply[]> {
  return askToConfirm(turn, {
    action: { h: actionIds.withdraw, v: `${a.id}:${a.version}` },
    question: turn.t('staff.withdraw.question', { name: applicationName(turn, a) }),
    yes: turn.t('staff.withdraw.confirm'),
    no: turn.t('staff.withdraw.keep'),
  });
}

export const withdrawCommand: Command = {
  name: 'withdraw',
  aliases: ['取り下げ', '取下げ', '辞退'],
  audience: ['applicant'],
  usage: 'withdraw [company] <country>',
  summary: 'staff.cmd.withdraw',
  async run(turn, args) {
    const denied = await requireRole(turn, ['applicant'], 'withdraw');
    if (denied) return denied;
    const target = await readWithdrawArgs(turn, args);
    if ('refusal' in target) return target.refusal;
    const found = await withdrawable(turn, target.companyId, target.country);
    if (found.length === 0) return [error('nothing_to_withdraw', turn.t('staff.withdraw.none'))];
    if (found.length > 1) {
      // Several (countries, or companies): the person picks one; each button leads to the confirmation.
      return [
        choices(
          turn.t('staff.withdraw.which'),
          found.map((a) => button(actionIds.withdrawAsk, `${a.id}:${a.version}`, applicationName(turn, a))),
        ),
      ];
    }
    return confirmWithdraw(turn, found[0]!);
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
      if (step.event === 'close') return confirmStep(turn, 'close', step.id, step.version);
      return runStep(turn, { id: step.id, event: step.event, expectedVersion: step.version });
    },
  },
  {
    // The confirmation's button (or a typed yes): close or reject at the version the staff member saw.
    id: actionIds.confirmedStep,
    async run(turn, action) {
      const denied = await requireRole(turn, ['staff'], 'step');
      if (denied) return denied;
      const step = parseConfirmedStep(action.v);
      if (!step) return [error('bad_button', turn.t('core.error.badButton'))];
      return runStep(turn, { id: step.id, event: step.event, expectedVersion: step.version, reason: step.reason });
    },
  },
  {
    // One of several withdrawable applications was picked: ask to confirm that one.
    id: actionIds.withdrawAsk,
    async run(turn, action) {
      const denied = await requireRole(turn, ['applicant'], 'withdraw');
      if (denied) return denied;
      const v = parseIdVersion(action.v);
      const a = v ? await turn.services.applications.get(v.id) : null;
      if (!v || !a || !memberCompanyIds(turn.person).includes(a.companyId))
        return deny(turn, ['applicant'], 'withdraw', { applicationId: v?.id });
      if (a.version !== v.version || !waitingStatuses.includes(a.status))
        return [
          error(
            'not_possible',
            turn.t('staff.withdraw.notPossible', { name: applicationName(turn, a), status: turn.t(`staff.status.${a.status}`) }),
          ),
        ];
      return confirmWithdraw(turn, a);
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
      // Scope: an applicant withdraws only an application of a company they belong to (having registered it is
      // not enough once their membership is revoked).
      if (!memberCompanyIds(turn.person).includes(current.companyId)) return deny(turn, ['applicant'], 'withdraw', { applicationId: v.id });
      const outcome = await applyPipelineEvent(turn.services, {
        id: v.id,
        event: 'withdraw',
        expectedVersion: v.version,
        actorId: turn.person.id,
        at: turn.now,
      });
      if (!outcome.ok) {
        if (outcome.code === 'not_found' || outcome.code === 'target_reached') return [error('not_found', turn.t('staff.withdraw.none'))];
        return [
          error(
            outcome.code,
            turn.t('staff.withdraw.notPossible', {
              name: applicationName(turn, outcome.application),
              status: turn.t(`staff.status.${outcome.application.status}`),
            }),
          ),
        ];
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
