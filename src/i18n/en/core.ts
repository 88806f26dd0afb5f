import type { coreJa } from '../ja/core.ts';

/** English messages of the conversation core. */
export const coreEn = {
  'core.help.title': 'What you can do',
  'core.help.footer': 'Switch language: language ja / language en',
  'core.help.entry': '{usage} — {summary}',
  'core.help.noRole':
    'This account has no role yet (applicant, expert or JETRO program staff).\n• A company thinking of applying: type eligibility to check the conditions and register the application from this chat; you can then follow it and book sessions as its applicant.\n• Experts, program staff, and companies that have applied already: ask JETRO program staff ({email}) to grant a role to this account ({identity}).',
  'core.help.noRole.whoami':
    'This account has no role yet (applicant, expert or JETRO program staff).\n• A company thinking of applying: type eligibility to check the conditions and register the application from this chat; you can then follow it and book sessions as its applicant.\n• Experts, program staff, and companies that have applied already: ask JETRO program staff ({email}) to grant a role to this account ({identity}). Type whoami to see the account details to send them.',
  'core.cmd.help': 'show this help',
  'core.cmd.language': 'switch the language (ja / en)',
  'core.language.set': 'Language set to English.',
  'core.language.usage': 'Usage: language ja or language en',
  'core.unknown': 'I did not understand "{text}". Type help to see what you can do.',
  'core.error.unexpected': 'Sorry, something went wrong on our side ({ref}). Please try again in a moment.',
  'core.error.busy': 'The desk is busy right now. Please try again in a moment.',
  'core.error.badButton': 'This button can no longer be used. Please start again from the command.',
  'core.error.tooLong': 'The message is too long (at most {max} characters).',
  'core.person.unnamed': 'user #{id} (no name yet)',
  'core.forbidden': 'This needs the "{role}" role.',
  'core.role.staff': 'JETRO program staff',
  'core.role.expert': 'expert',
  'core.role.applicant': 'applicant',
  'core.flow.cancelled': 'Cancelled. Type the command again to start over.',
  'core.flow.expired': 'Your earlier session had expired and was discarded.',
  'core.flow.resumed': 'Picking up where you left off.',
  'core.flow.noBack': 'This is the first question.',
  'core.flow.stale': 'That question was already answered. Here is the current one.',
  'core.flow.invalid':
    'I could not read that answer. Please choose one of: {choices}\nYou can also type a choice\'s number (e.g. 1) or its words (e.g. "{example}").',
  'core.flow.invalidWords':
    'I could not read that answer. Please choose one of: {choices}\nYou can also type a choice\'s words (e.g. "{example}").',
  'core.flow.defaultTitle': 'Step-by-step questions',
  'core.flow.stillOpen': '"{flow}" is still open. To go on, answer the question below (or type cancel to stop).',
  'core.flow.leave.question': 'You are in the middle of "{flow}". Leave it and go on with "{what}"? Your answers so far will be lost.',
  'core.flow.leave.yes': 'Leave and go on',
  'core.flow.leave.no': 'Continue',
  'core.flow.leave.button': 'the button you pressed',
  'core.flow.tooManyMisses': 'The answers do not seem to get through. You can read the help or stop here.',
  'core.flow.keywords': 'At any step: back, restart, cancel, help',
  'core.flow.choice.help': 'Help',
  'core.flow.choice.cancel': 'Stop',
  'core.flow.choice.back': 'Back',
  'core.flow.choice.continue': 'Continue',
  'core.paging.more': 'Next ({from}–{to} of {total})',
  'core.paging.previous': 'Previous',
  'core.confirm.kept': 'Left as it was. Nothing has changed.',
  'core.confirm.notConfirmed':
    'That was not a yes, so nothing has changed. To go ahead, run the command again and answer yes or click the button. If you typed a command, please type it again.',
  'core.yes': 'Yes',
  'core.no': 'No',
} satisfies Record<keyof typeof coreJa, string>;
