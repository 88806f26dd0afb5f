/** An application of one company for one country; once adopted, the engagement hours and bookings belong to. */
import { z } from 'zod';

export const applicationStatusSchema = z.enum(['applied', 'received', 'screening', 'adopted', 'rejected', 'withdrawn', 'closed']);
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>;

export interface ApplicationView {
  id: number;
  companyId: number;
  companyName: string;
  country: string;
  status: ApplicationStatus;
  applicantId: number | null;
  answers: Record<string, unknown>;
  priorUseMinutes: number;
  appliedAt: Date;
  receivedAt: Date | null;
  screeningAt: Date | null;
  decidedAt: Date | null;
  adoptedAt: Date | null;
  capMinutes: number;
  usedMinutes: number;
  reservedMinutes: number;
  form1ReceivedAt: Date | null;
  form2ReceivedAt: Date | null;
  followUpAt: Date | null;
  closedAt: Date | null;
  channelKey: string | null;
  version: number;
}
