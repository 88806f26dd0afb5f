/** The three kinds of people the bot serves and what a grant scopes them to. */
import { z } from 'zod';

export const roleSchema = z.enum(['staff', 'expert', 'applicant']);
export type Role = z.infer<typeof roleSchema>;

export interface RoleGrantView {
  id: number;
  role: Role;
  /** For experts: the country the grant covers; '' when it is not scoped to one. */
  country: string;
  /** For applicants: their company. */
  companyId: number | null;
}

export interface PersonView {
  id: number;
  displayName: string;
  /** The language the person chose, if any. */
  locale: string | null;
  /** The locale their platform last gave (`en-US`): their language until they choose one, notifications included. */
  platformLocale: string | null;
  roles: RoleGrantView[];
}

export function hasRole(person: PersonView, role: Role): boolean {
  return person.roles.some((g) => g.role === role);
}
