import { createTestBot } from '../../test/support/test-bot.ts';
import { engagement } from '../../test/hours/engagements.ts';
const tb = await createTestBot({ now: '2021-10-01T03:00:00Z' });
await engagement(tb, { company: 'Acme', country: 'th', experts: ['bob'], capHours: 100000 });
await tb.say('bob', 'help');
const N = Number(process.argv[2] ?? 2000);
const one = (i: number) => tb.handle({ platform: 'slack', identity: { key: 'console:bob', userId: 'bob', displayName: 'bob' }, conversation: { key: 'console:bob', isDirect: true }, text: `hours 15m review NDA ${i}`, isCommand: true, idempotencyKey: `k${i}` });
for (let i = 0; i < 200; i++) await one(i);
let best = Infinity; let k = 200;
for (let round = 0; round < 5; round++) {
  const t0 = process.cpuUsage();
  for (let i = 0; i < N; i++) await one(k++);
  const cu = process.cpuUsage(t0);
  best = Math.min(best, (cu.user + cu.system) / 1000 / N);
}
console.log('cpu ms/turn (best of 5)', best.toFixed(3));
await tb.close();
