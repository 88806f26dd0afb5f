import type { membershipJa } from '../ja/membership.ts';

/** English messages of membership (who acts for which company) and `whoami`. */
export const membershipEn = {
  'membership.cmd.members': "your company's applicants and the requests to join it that wait for a decision",
  'membership.cmd.approve': 'approve a request to join a company',
  'membership.cmd.decline': 'decline a request to join a company',
  'membership.cmd.whoami': 'your identity, name, roles and companies',
  'membership.usage': 'Usage: {command} <request no.> (members shows the numbers)',

  'membership.request.text':
    'Request {id} to join: {person} (identity {key}) asks to become an applicant for "{company}" (company name typed: {typed}; countries: {countries}). Approve only if you know this person works for your company: once approved they see and change your company\'s applications, bookings and hours.',
  'membership.request.noCountries': 'none',
  'membership.button.approve': 'Approve ({id})',
  'membership.button.decline': 'Decline ({id})',
  'membership.notFound': 'Request {id} to join was not found (you can decide requests for your own company only).',
  'membership.approved': 'Approved request {id}: {person} is now an applicant for "{company}". {registered}They have been told.',
  'membership.approved.registered': 'Their applications for {countries} were registered too. ',
  'membership.declined': 'Declined request {id} ({person}, "{company}"). They have been told.',
  'membership.alreadyApproved': 'Request {id} ({person}) was already approved by {by}.',
  'membership.alreadyDeclined': 'Request {id} ({person}) was already declined by {by}.',
  'membership.notify.approved':
    'Your request to join "{company}" was approved (by {approver}). You can now see its applications, bookings and hours.',
  'membership.notify.registered': '• Registered the application for {country} (application no. {id}).',
  'membership.notify.existing':
    '• {country}: your company has applied already (application no. {id}, registered {date}, status: {status}).',
  'membership.notify.nothingRegistered': 'No new application could be registered right now.',
  'membership.notify.next': 'Follow the progress with status.',
  'membership.notify.declined':
    'Your request to join "{company}" (no. {id}) was declined. If this is unexpected or anything is unclear, please contact {division} ({email}, {phone}).',
  'membership.members.line': 'Applicants of {company}: {people}',
  'membership.members.noneWaiting': 'No requests to join are waiting.',
  'membership.status.waiting':
    'Your request to join "{company}" (no. {id}) is waiting for approval. Once approved, you will see its applications here.',

  'membership.whoami.title': 'Who you are to the desk',
  'membership.whoami.key': 'Identity (what staff use to grant you a role)',
  'membership.whoami.name': 'Name',
  'membership.whoami.roles': 'Roles',
  'membership.whoami.companies': 'Companies',
  'membership.whoami.waiting': 'Requests to join, waiting',
  'membership.whoami.waitingItem': '{id} ({company})',
  'membership.whoami.none': 'none',
  'membership.whoami.conversation': 'This conversation (for STAFF_CHANNELS)',
  'membership.whoami.staffChannel': '{key} (a staff channel: staff answers are shown to everyone here)',
} satisfies Record<keyof typeof membershipJa, string>;
