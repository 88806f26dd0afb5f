/** Renders neutral replies as terminal text; choices are numbered so a typed number clicks them. */
import type { Choice, Reply } from '../../src/core/reply.ts';

export interface RenderedText {
  text: string;
  /** The choices shown, in the order of their numbers. */
  choices: Choice[];
}

export function meterBar(used: number, total: number, width = 20): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, used / total)) : 0;
  const filled = Math.round(ratio * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

export function renderText(replies: Reply[], numberFrom = 1): RenderedText {
  const lines: string[] = [];
  const shown: Choice[] = [];
  for (const r of replies) {
    switch (r.kind) {
      case 'text':
        lines.push(r.text);
        break;
      case 'error':
        lines.push(`⚠ ${r.text}`);
        break;
      case 'choices':
        lines.push(r.text);
        for (const c of r.choices) {
          shown.push(c);
          lines.push(`  [${numberFrom + shown.length - 1}] ${c.label}`);
        }
        break;
      case 'facts':
        lines.push(`■ ${r.title}`);
        for (const f of r.facts) lines.push(`  ${f.label}: ${f.value}`);
        for (const m of r.meters ?? []) lines.push(`  ${m.label} ${meterBar(m.used, m.total)} ${m.caption}`);
        break;
      case 'file':
        lines.push(`📎 ${r.title} (${r.filename})`);
        break;
    }
  }
  return { text: lines.join('\n'), choices: shown };
}
