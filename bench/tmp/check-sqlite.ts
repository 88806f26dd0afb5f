import { createTestBot } from '../../test/support/test-bot.ts';
const tb = await createTestBot();
console.log('sqlite connection:', tb.db.sqlite ? 'yes' : 'NO');
await tb.close();
