import type { eligibilityJa } from '../ja/eligibility.ts';

/** English messages of the eligibility check and applying. */
export const eligibilityEn = {
  'eligibility.cmd.eligibility': 'check your eligibility and register an application',
  'eligibility.cmd.status': 'see the status of your applications',
  'eligibility.welcome':
    'Hello, this is the desk of JETRO\'s "{title}". First, let us check whether your company is eligible. Please answer a few questions.',
  'eligibility.welcome.closed':
    'Hello, this is the desk of JETRO\'s "{title}". {closed} You can still check whether your company meets the conditions: please answer the questions below.',
  'eligibility.closed.checkOnly': '{closed} You can still check whether your company meets the conditions.',
  'eligibility.flow.title': 'Eligibility check',
  'eligibility.home.invite': 'To find out whether your company can take part, type eligibility.',

  'eligibility.q.entity': 'Which of these best describes your company?',
  'eligibility.entity.japan_corporation': 'Corporation in Japan (with a local corporation, factory or office abroad)',
  'eligibility.entity.local_corporation': 'Local corporation abroad',
  'eligibility.entity.representative_office': 'Representative office of a Japanese company',
  'eligibility.entity.other': 'None of these',

  'eligibility.q.countries.japan_corporation':
    'In which countries do you have a local corporation, factory or representative office? (several allowed)',
  'eligibility.q.countries.local_corporation': 'In which country is the local corporation? (several allowed)',
  'eligibility.q.countries.representative_office': 'In which country is the representative office? (several allowed)',
  'eligibility.q.countries.other': 'In which countries are your sites? (several allowed)',
  'eligibility.q.countries.hint':
    'The program covers {countries} ({excluded} are not covered). Pick the countries, then press "Done". You can also type them, e.g. "Thailand, Vietnam".',
  'eligibility.q.countries.selected': 'Selected: {countries}',
  'eligibility.q.countries.noneYet': 'Nothing selected yet.',
  'eligibility.q.countries.done': 'Done',
  'eligibility.countries.noneSelected': 'Please pick at least one country, then press "Done".',
  'eligibility.countries.excluded': '{region} is not covered by the program ({note}).',
  'eligibility.countries.unknown': 'I could not read "{names}" as a covered country. Please choose from {choices}.',
  'eligibility.countries.partial':
    'I could not read "{names}" as a covered country (the program covers {choices}). The countries I could read are selected: press "Done" if that is right, or pick the countries again.',
  'eligibility.countries.chooseAmong': 'Please choose from {choices}.',

  'eligibility.q.investment': 'Does the local corporation receive investment from a Japanese company?',
  'eligibility.q.intent': 'Does your company intend to actively work on building its trade-secret management system?',
  'eligibility.q.consent':
    "Do you agree to cooperate with JETRO's publicity of the program after it ends (e.g. a case introduction on JETRO's website)?",
  'eligibility.q.priorUse':
    'Since {since}, has your company used this program in {country} for {hours} hours or more in total? You can also type the hours (e.g. 19.5).',
  'eligibility.priorUse.yes': 'Yes, {hours} h or more',
  'eligibility.priorUse.no': 'No (less than {hours} h, or never)',
  'eligibility.priorUse.noted': 'Noted: {hours}.',
  'eligibility.amount.hours': '{hours} h',
  'eligibility.amount.minutes': '{minutes} min',
  'eligibility.amount.hoursMinutes': '{hours} h {minutes} min',

  'eligibility.summary.title': 'Your answers',
  'eligibility.summary.question': 'Shall I show the result for these answers? To change one, choose it.',
  'eligibility.summary.confirm': 'Show the result',
  'eligibility.summary.change': 'Change "{item}"',
  'eligibility.summary.label.entity': 'Kind of entity',
  'eligibility.summary.label.countries': 'Countries',
  'eligibility.summary.label.investment': 'Japanese investment',
  'eligibility.summary.label.intent': 'Intent to build trade-secret management',
  'eligibility.summary.label.consent': 'Consent to publicity',
  'eligibility.summary.label.priorUse': 'Prior use in {country}',
  'eligibility.summary.priorUseHours': '{answer} ({hours})',
  'eligibility.summary.label.excluded': 'Not covered',

  'eligibility.result.intro': 'Here is the result.',
  'eligibility.result.title.eligible': '{country}: eligible',
  'eligibility.result.title.eligible_from': '{country}: eligible (note the date applications are accepted from)',
  'eligibility.result.title.meetsConditions': '{country}: meets the conditions',
  'eligibility.result.title.not_eligible': '{country}: not eligible',
  'eligibility.result.label.reason': 'Why',
  'eligibility.result.label.cap': 'Support hours, at most',
  'eligibility.result.label.period': 'Support period',
  'eligibility.result.label.contacts': 'JETRO contacts',
  'eligibility.result.why.eligible': 'All the conditions are met.',
  'eligibility.result.why.priorUseDate':
    'The conditions are met, but as your company has used the program in this country for {hours} hours or more since {since}, your application is accepted only from {date}.',
  'eligibility.result.capValue': '{hours} (per company and country)',
  'eligibility.result.periodValue': 'from adoption until {date}',
  'eligibility.result.nextSteps':
    'To apply: fill in and seal the prescribed application form and send it as a PDF by e-mail to {email}. {original} Applications are screened and adopted in the order they arrive. After adoption you submit Form 1 (list of information held) and Form 2 (information management self-check sheet / expert comment sheet).',
  'eligibility.result.again': 'To check again, type eligibility.',

  'eligibility.reason.entity_not_covered':
    'The program is for corporations in Japan with a site in a covered country, local corporations with investment from a Japanese company, and representative offices of Japanese companies.',
  'eligibility.reason.no_japanese_investment': 'A local corporation must receive investment from a Japanese company.',
  'eligibility.reason.no_intent': 'The company must intend to actively work on building its trade-secret management system.',
  'eligibility.reason.no_consent': 'The company must agree to cooperate with the publicity (case introduction etc.) after the program.',
  'eligibility.reason.country_not_covered': 'This country is not covered by the program.',
  'eligibility.reason.missing_answer': 'Some questions have not been answered yet.',

  'eligibility.availability.not_open': 'Applications to the program open on {date}. Please apply from then on.',
  'eligibility.availability.ended': 'The support period of the program ended on {date}. Applications are no longer accepted.',
  'eligibility.availability.full': 'The program has reached its planned number of adoptions (about {target}), so applications are closed.',

  'eligibility.contact.title': 'Contact and applications',
  'eligibility.contact.division': 'Division',
  'eligibility.contact.email': 'E-mail',
  'eligibility.contact.phone': 'Phone',
  'eligibility.contact.address': 'Address',

  'eligibility.apply.offer':
    'You can register your application for {countries} here in the chat. JETRO staff are notified, and you can follow it with status (the prescribed application form as a PDF is still needed). Register now?',
  'eligibility.apply.yes': 'Register the application',
  'eligibility.apply.later': 'Not now',
  'eligibility.apply.declined': 'All right. When you want to apply, type eligibility again.',
  'eligibility.apply.nothing': 'There is nothing that can be applied for right now.',
  'eligibility.apply.registered': 'Registered the application of {company} for {country} (application no. {id}).',
  'eligibility.apply.duplicate':
    '{company} already has an application for {country} (application no. {id}, registered {date}, status: {status}). A company can apply once per country.',
  'eligibility.apply.afterwards':
    'Please fill in and seal the prescribed application form and send it as a PDF by e-mail to {email}. {original} JETRO will confirm receipt, then ask about your plans by phone and screen the application. Follow its progress with status.',
  'eligibility.q.company': 'Please type the name of the company applying (e.g. Sample Co., Ltd.).',
  'eligibility.q.company.known': 'You can also pick a company you registered before.',
  'eligibility.company.tooLong': 'The company name is too long (at most {max} characters).',
  'eligibility.company.invalid': "I could not read that as a company name. Please type the company's full name.",
  'eligibility.apply.alreadyRegistered':
    '"{company}" is already registered. To protect the company\'s information, nothing about its registration can be shown. To become an applicant for it you need the approval of one of its registered applicants or of JETRO: your request to join (no. {request}) has been sent, and you will be told here when it is decided. If anything is unclear, please contact JETRO.',
  'eligibility.apply.alreadyRequested':
    '"{company}" is already registered. Your request to join it (no. {request}) was sent before and is waiting for approval; you will be told here when it is decided. If anything is unclear, please contact JETRO.',
  'eligibility.staff.possibleDuplicate':
    "The newly registered company #{id} {company} may be the same as {others} (the names are the same without the legal form). It was registered as a separate company and neither sees the other's data. If they are one company, please check with the applicant.",
  'eligibility.staff.newApplication': 'New application registered: {company} ({country}, application no. {id}, by {applicant}).',

  'eligibility.help.entity':
    "Corporation in Japan: a Japanese company with a local corporation, factory or representative office in a covered country. Local corporation abroad: a corporation in a covered country with investment from a Japanese company. Representative office: a Japanese company's representative office in a covered country.",
  'eligibility.help.countries':
    'The program covers {countries}. {excluded} are not covered. Pick the countries with the buttons (press again to unpick), then press "Done". You can also type them, e.g. "Thailand, Vietnam" or 「タイとベトナム」.',
  'eligibility.help.investment': 'A local corporation qualifies only with investment from a Japanese company.',
  'eligibility.help.intent': 'The company must intend to actively work on building its trade-secret management system.',
  'eligibility.help.consent': '{publicity} Agreeing to cooperate with this publicity is a condition of the program.',
  'eligibility.help.priorUse':
    'Companies that have used the program in the same country for {hours} hours or more since {since} can apply too, but only from {date}. If you know the hours, type them (e.g. 19.5, 20 hours).',
  'eligibility.help.summary': 'If the answers are right, press "Show the result"; to correct one, press its button.',
  'eligibility.help.apply':
    'Registering notifies JETRO staff and lets you follow the application with status. The formal application still needs the prescribed form as a PDF by e-mail to {email}.',
  'eligibility.help.company': 'Type the full name of the company applying. A company can have one application per country.',

  'eligibility.status.intro': 'The status of your applications:',
  'eligibility.status.notYours':
    '"{company}" is not one of the companies you are registered for. Type your company\'s name, or status alone.',
  'eligibility.status.none':
    'No application has been registered from this account yet. Type eligibility to check your eligibility and register one.',
  'eligibility.status.title': '{company} ({country}) application no. {id}',
  'eligibility.status.applied': 'registered (waiting for JETRO to confirm receipt)',
  'eligibility.status.received': 'received',
  'eligibility.status.screening': 'in screening',
  'eligibility.status.adopted': 'adopted',
  'eligibility.status.rejected': 'not adopted',
  'eligibility.status.withdrawn': 'withdrawn',
  'eligibility.status.closed': 'support finished',
  'eligibility.status.label.status': 'Status',
  'eligibility.status.label.applied': 'Applied',
  'eligibility.status.label.received': 'Received',
  'eligibility.status.label.screening': 'Screening from',
  'eligibility.status.label.adopted': 'Adopted',
  'eligibility.status.label.decided': 'Decided',
  'eligibility.status.label.closed': 'Closed',
  'eligibility.status.label.period': 'Support period',
  'eligibility.status.label.forms': 'Forms 1 and 2',
  'eligibility.status.form1': 'Form 1 (list of information held)',
  'eligibility.status.form2': 'Form 2 (self-check sheet / expert comment sheet)',
  'eligibility.status.formsMissing': 'not yet submitted: {forms}',
  'eligibility.status.formsDone': 'submitted',
} satisfies Record<keyof typeof eligibilityJa, string>;
