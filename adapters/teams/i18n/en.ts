import type { teamsJa } from './ja.ts';

/** English messages of the Microsoft Teams adapter. */
export const teamsEn = {
  'teams.welcome.personal':
    'Hello, this is the desk of the {program}. In this chat you can check your eligibility, log hours, book consultations and more. Type help to see what you can do.',
  'teams.welcome.channel':
    'Thank you for adding the desk of the {program} to this channel. Mention @{bot} followed by a command (for example: @{bot} help).',
  'teams.file.attached': 'The file {filename} ({size}) is attached.',
  'teams.choices.continued': '(continued, {page} of {pages})',
  'teams.private.sent': 'I sent you the answer in our personal chat: it is not for everyone in this channel.',
  'teams.private.unreachable':
    'This answer is not for everyone in this channel, and I could not reach you in a personal chat. Open a chat with me (the app in your personal apps) and ask there.',
  'teams.file.tooLarge': 'The file {filename} ({size}) is larger than Teams accepts in a message, so it could not be attached.',
} satisfies Record<keyof typeof teamsJa, string>;
