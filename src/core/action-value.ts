/**
 * Button values. A button carries which handler it is for (`h`: a flow or an action id), the flow step it
 * answers (`s`), and its value (`v`). Values come back from the platform untrusted, so they are parsed with zod.
 */
import { z } from 'zod';

export const actionValueSchema = z.object({
  h: z.string().min(1).max(60),
  s: z.string().max(60).optional(),
  // Room for a confirmation button, whose value is the encoded action it confirms (see confirmation.ts).
  v: z.string().max(1000),
});

export type ActionValue = z.infer<typeof actionValueSchema>;

export function encodeAction(value: ActionValue): string {
  return JSON.stringify(value);
}

/** Returns the value, or undefined when it is not one of ours. */
export function decodeAction(raw: string): ActionValue | undefined {
  try {
    const parsed = actionValueSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
