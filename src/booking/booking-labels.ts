/** How booking facts read for people: kinds, menu items, topics, languages, times, in one language. */
import type { ApplicationView } from '../applications/application.ts';
import type { Locale } from '../i18n/catalog.ts';
import { formatHours } from '../i18n/format.ts';
import type { Translate } from '../i18n/translate.ts';
import type { Country, Program } from '../program/program-schema.ts';
import { menuToTopics } from './booking.ts';
import { slotTimes } from './local-time.ts';
import type { SlotKind } from './slot.ts';

export function countryOf(program: Program, code: string): Country {
  const country = program.countries.find((c) => c.code === code);
  // Slots and engagements only ever carry codes the program validated when they were made.
  if (!country) throw new Error(`country ${code} is not in program ${program.id}`);
  return country;
}

export function kindName(kind: SlotKind, t: Translate): string {
  return t(kind === 'consultation' ? 'booking.kind.consultation' : 'booking.kind.training');
}

/** `A1 営業秘密情報の特定…` or `研修テーマ 1. 営業秘密の概要、4. 営業秘密流出リスクと…`: topics always with their titles. */
export function menuLabel(kind: SlotKind, menu: string, program: Program, t: Translate, locale: Locale): string {
  if (kind === 'consultation') {
    const item = program.consultationMenu.find((m) => m.code === menu);
    return item ? `${item.code} ${item.title[locale]}` : menu;
  }
  return t('booking.topicsList', { topics: topicLines(menu, program, locale).join(t('booking.topicsSeparator')) });
}

/** The topics with their titles (the announcement's words), one per entry: `4. 営業秘密流出リスクと従業員にかかる責任`. */
export function topicLines(menu: string, program: Program, locale: Locale): string[] {
  return menuToTopics(menu).map((n) => {
    const title = program.trainingTopics.find((tp) => tp.number === n)?.title[locale];
    return title ? `${n}. ${title}` : String(n);
  });
}

/** The consultation menu as the announcement lists it: each item, its points and their details. */
export function menuText(program: Program, locale: Locale): string {
  return program.consultationMenu
    .map((m) =>
      [
        `${m.code} ${m.title[locale]}`,
        ...m.items.flatMap((i) => [`  • ${i.title[locale]}`, ...i.details.map((d) => `    – ${d[locale]}`)]),
      ].join('\n'),
    )
    .join('\n\n');
}

export function audienceLabel(audiences: readonly ('managers' | 'employees')[], t: Translate): string {
  return audiences
    .map((a) => t(a === 'managers' ? 'booking.audience.managers' : 'booking.audience.employees'))
    .join(t('booking.audience.separator'));
}

/** `日本語` or the country's language (`タイ語`). */
export function languageName(code: string, country: Country, t: Translate, locale: Locale): string {
  return code === country.localLanguage.code ? country.localLanguage.name[locale] : t('booking.language.japanese');
}

/** A slot's time in Japan time and local time, on one line. */
export function whenLabel(startsAt: Date, minutes: number, countryCode: string, program: Program, t: Translate, locale: Locale): string {
  const times = slotTimes(startsAt, minutes, countryOf(program, countryCode), program, locale);
  return t('booking.when', { home: times.home, local: times.local, offset: times.offset });
}

/** A shorter form for buttons. */
export function whenShort(startsAt: Date, minutes: number, countryCode: string, program: Program, t: Translate, locale: Locale): string {
  const times = slotTimes(startsAt, minutes, countryOf(program, countryCode), program, locale);
  return t('booking.whenShort', { home: times.home, local: times.local });
}

export function engagementName(
  app: Pick<ApplicationView, 'companyName' | 'country'>,
  program: Program,
  t: Translate,
  locale: Locale,
): string {
  return t('booking.engagement', { company: app.companyName, country: countryOf(program, app.country).name[locale] });
}

export function hoursLabel(minutes: number, locale: Locale): string {
  return formatHours(minutes, locale);
}
