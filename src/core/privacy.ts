/**
 * Who may see an answer given in a shared conversation (a channel, a group chat). Decided here, once, for
 * every command, button and flow: what only some people may do (a command whose `audience` is roles, a
 * feature's button, a flow that is not public) answers the person alone, so that staff answers, company data
 * and lists of people never show in a channel. Public information (the eligibility check, help) stays where
 * it was asked. Conversations listed in STAFF_CHANNELS (a staff team's own channel) see every answer.
 */
import type { ActionHandler, Command } from './feature.ts';
import type { FlowDefinition } from './flow.ts';
import type { Inbound } from './inbound.ts';
import type { Reply } from './reply.ts';

/** A command answers privately when only some roles may run it, unless it says otherwise (`whoami` is about you). */
export function isRestrictedCommand(command: Pick<Command, 'audience' | 'private'>): boolean {
  return command.private ?? command.audience !== 'everyone';
}

/** Buttons act on someone's data (an application, a booking, a request to join): private unless declared public. */
export function isRestrictedAction(handler: Pick<ActionHandler, 'public'>): boolean {
  return handler.public !== true;
}

/** Flows are private unless declared public (the eligibility check). */
export function isRestrictedFlow(flow: Pick<FlowDefinition<unknown>, 'public'>): boolean {
  return flow.public !== true;
}

/** What a turn ran that decides who may see its answer; any restricted part makes the whole answer private. */
export class TurnAudience {
  private restrictedPart = false;

  /** Something restricted ran (or answered) in this turn. */
  restrict(restricted = true): void {
    if (restricted) this.restrictedPart = true;
  }

  get restricted(): boolean {
    return this.restrictedPart;
  }
}

/** The key STAFF_CHANNELS names a conversation by: its channel's (a Teams thread's channel), else its own. */
export function channelKeyOf(inbound: Pick<Inbound, 'conversation'>): string {
  return inbound.conversation.channelKey ?? inbound.conversation.key;
}

/** Whether the conversation is shared with people other than the asker and not a staff channel. */
export function isSharedConversation(inbound: Pick<Inbound, 'conversation'>, staffChannels: readonly string[]): boolean {
  const { conversation } = inbound;
  return !conversation.isDirect && !staffChannels.includes(conversation.key) && !staffChannels.includes(channelKeyOf(inbound));
}

/**
 * The turn's replies as they are recorded and sent: in a shared conversation, all of them private when the
 * turn ran something restricted, and files always (exports and calendar files are the asker's: platforms
 * deliver files in the personal chat).
 */
export function withVisibility(
  replies: Reply[],
  inbound: Pick<Inbound, 'conversation'>,
  staffChannels: readonly string[],
  audience: TurnAudience,
): Reply[] {
  if (inbound.conversation.isDirect) return replies;
  const shared = isSharedConversation(inbound, staffChannels);
  return replies.map((r) => ((shared && audience.restricted) || r.kind === 'file' ? { ...r, private: true } : r));
}
