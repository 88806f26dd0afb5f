import type { teamsJa } from './ja.ts';

/** English messages of the Microsoft Teams adapter. */
export const teamsEn = {
  'teams.welcome.personal':
    'Hello, this is the desk of the {program}. In this chat you can check your eligibility, log hours, book consultations and more. Type help to see what you can do.',
  'teams.welcome.channel':
    'Thank you for adding the desk of the {program} to this channel. Mention @{bot} followed by a command (for example: @{bot} help).',
  'teams.choices.continued': '(continued, {page} of {pages})',
  'teams.private.sent': 'I sent you the answer in our personal chat: it is not for everyone in this channel.',
  'teams.private.unreachable':
    'This answer is not for everyone in this channel, and I could not reach you in a personal chat. Open a chat with me (the app in your personal apps) and ask there.',
  'teams.file.offered':
    'Here is the file {filename} ({size}). Press Allow on the card below to save it in your OneDrive (available for {days} days).',
  'teams.file.personalOnly': 'The file {filename} ({size}) is sent in your personal chat with the bot: please ask for it there.',
  'teams.file.unavailable': 'The file {filename} can no longer be sent. Please ask for it again.',
  'teams.file.sent': '✔ The file {filename} was saved in your OneDrive.',
  'teams.file.declined': 'The file {filename} was not sent (declined). Ask for it again whenever you need it.',
  'teams.file.notAvailable': 'This file is not available to you. Please ask for the file again.',
  'teams.file.expired': 'The file {filename} has expired. Please ask for it again.',
  'teams.file.alreadySent': 'The file {filename} was sent already: look in the "Microsoft Teams Chat Files" folder of your OneDrive.',
  'teams.file.inProgress': 'The file {filename} is being sent. Please wait a moment.',
  'teams.file.unreadable': 'This file request could not be read. Please ask for the file again.',
  'teams.file.uploadRefused': 'The file could not be sent: Teams named a storage location this bot does not trust. Nothing was sent.',
  'teams.file.uploadFailed': 'The file {filename} could not be saved in your OneDrive. Press Allow again, or try later.',
} satisfies Record<keyof typeof teamsJa, string>;
