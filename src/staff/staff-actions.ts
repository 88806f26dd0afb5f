/** The staff feature's buttons: what they carry and how their (untrusted) values are read back. */
import { z } from 'zod';
import { encodeAction } from '../core/action-value.ts';
import type { Choice } from '../core/reply.ts';

export const actionIds = {
  /** A pipeline step on an application, at the version the staff member saw. */
  step: 'staff.step',
  /** Adopt although the adoption target is reached (the explicit confirmation). */
  adoptPastTarget: 'staff.adopt-past-target',
  /** The applicant confirms their withdrawal (the confirmation's button). */
  withdraw: 'staff.withdraw',
  /** The applicant picked one of several applications to withdraw: the confirmation comes next. */
  withdrawAsk: 'staff.withdraw-ask',
  /** Open an application's detail. */
  open: 'staff.open',
  /** A page of the applications list. */
  page: 'staff.page',
  /** "No, leave it": nothing changes. */
  dismiss: 'staff.dismiss',
  /** A confirmed close or reject (`close:<id>:<version>`, `reject:<id>:<version>:<reason>`): the confirmation's button. */
  confirmedStep: 'staff.confirmed-step',
  /** Forms 1 and 2 received, from the buttons after adoption. */
  forms: 'staff.forms',
  /** Shows the experts who may be assigned to the engagement, each a button. */
  assignPick: 'staff.assign-pick',
  /** Assigns one expert (`<id>:<personId>`). */
  assign: 'staff.assign',
  /** A confirmed role revocation (see role-commands.ts). */
  revokeRole: 'staff.revoke-role',
} as const;

const stepEvents = ['receive', 'screen', 'adopt', 'reject', 'close'] as const;
export type StepEvent = (typeof stepEvents)[number];

const stepValue = z
  .string()
  .regex(/^[a-z]+:\d{1,9}:\d{1,9}$/)
  .transform((v) => v.split(':'));
export function parseStep(v: string): { event: StepEvent; id: number; version: number } | undefined {
  const parsed = stepValue.safeParse(v);
  if (!parsed.success) return undefined;
  const [event, id, version] = parsed.data as [string, string, string];
  const known = z.enum(stepEvents).safeParse(event);
  return known.success ? { event: known.data, id: Number(id), version: Number(version) } : undefined;
}

const idVersion = z.string().regex(/^\d{1,9}:\d{1,9}$/);
export function parseIdVersion(v: string): { id: number; version: number } | undefined {
  if (!idVersion.safeParse(v).success) return undefined;
  const [id, version] = v.split(':').map(Number) as [number, number];
  return { id, version };
}

/** `close:12:3` or `reject:12:3:<reason>`: what a confirmation button carries. */
const confirmedValue = /^(close|reject):(\d{1,9}):(\d{1,9})(?::([\s\S]{1,400}))?$/;
export function parseConfirmedStep(v: string): { event: 'close' | 'reject'; id: number; version: number; reason?: string } | undefined {
  const m = confirmedValue.exec(v);
  if (!m) return undefined;
  const event = m[1] as 'close' | 'reject';
  if (event === 'reject' && !m[4]?.trim()) return undefined;
  return { event, id: Number(m[2]), version: Number(m[3]), ...(event === 'reject' ? { reason: m[4]!.trim() } : {}) };
}

export function parseId(v: string): number | undefined {
  return /^\d{1,9}$/.test(v) ? Number(v) : undefined;
}

/** The list filter: '' (all), 'waiting', or a status. */
const pageValue = z.string().regex(/^[a-z]*\|\d{1,5}$/);
export function parsePage(v: string): { filter: string; page: number } | undefined {
  if (!pageValue.safeParse(v).success) return undefined;
  const [filter, page] = v.split('|') as [string, string];
  return { filter, page: Number(page) };
}

export const button = (h: string, v: string, label: string, style?: Choice['style']): Choice => ({
  label,
  value: encodeAction({ h, v }),
  style,
});
