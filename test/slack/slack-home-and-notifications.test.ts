/** App Home (views.publish) and notifications from the outbox to Slack users, with retries. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text } from '../../src/core/reply.ts';
import { startSlackHarness, type SlackHarness } from '../support/slack-harness.ts';
import { sampleFeature } from '../support/sample-feature.ts';
import { slackTestFeatures } from './support/slack-test-feature.ts';
import { directServices } from '../support/direct-services.ts';

describe('App Home', () => {
  let slack: SlackHarness;
  beforeAll(async () => {
    slack = await startSlackHarness({ features: slackTestFeatures });
  });
  afterAll(async () => {
    await slack?.close();
  });

  it("opening the Home tab publishes the person's dashboard", async () => {
    const res = await slack.openHome('UH1');
    expect(res.status).toBe(200);
    const publish = slack.api.delivered('views.publish').at(-1)!;
    expect(publish.args.user_id).toBe('UH1');
    expect((publish.args.view as { type: string }).type).toBe('home');
    const home = slack.homeOf('UH1')!;
    expect(home.text).toContain('Dashboard of UH1');
    expect(home.buttons.map((b) => b.label)).toEqual(['Say hello']);
  });

  it('a button in the Home tab answers in the DM and refreshes the tab', async () => {
    await slack.openHome('UH2');
    await slack.clickInHome('UH2', 'Say hello');
    expect(slack.api.delivered('conversations.open').at(-1)!.args.users).toBe('UH2');
    expect(slack.lastMessage()).toMatchObject({ via: 'chat.postMessage', channel: 'DUH2', text: 'Hello from home (home)' });
    expect(slack.api.delivered('views.publish').filter((c) => c.args.user_id === 'UH2')).toHaveLength(2);
  });

  it('the Messages tab opening publishes nothing; the Home tab opening, the same event otherwise, publishes', async () => {
    const opened = (eventId: string, tab: string) =>
      slack.post(
        JSON.stringify({
          team_id: slack.team,
          type: 'event_callback',
          event_id: eventId,
          event: { type: 'app_home_opened', user: 'UH3', channel: 'DUH3', tab },
        }),
        { contentType: 'application/json' },
      );
    const publishedFor = () => slack.api.calls('views.publish').filter((c) => c.args.user_id === 'UH3').length;
    await opened('EvMsgTab', 'messages');
    expect(publishedFor()).toBe(0);
    await opened('EvHomeTab', 'home');
    expect(publishedFor()).toBe(1);
  });
});

describe('App Home without feature sections', () => {
  let slack: SlackHarness;
  beforeAll(async () => {
    slack = await startSlackHarness({ features: [sampleFeature] });
  });
  afterAll(async () => {
    await slack?.close();
  });

  it('shows a welcome and the commands the person may use', async () => {
    await slack.openHome('UW1');
    const home = slack.homeOf('UW1')!;
    expect(home.text).toContain('ようこそ。「2021年度 日系企業における営業秘密漏えい対策支援事業」の窓口ボットです。');
    expect(home.text).toContain('使えるコマンド');
    expect(home.text).toContain('order — ');
  });
});

describe('notifications', () => {
  let slack: SlackHarness;
  beforeAll(async () => {
    slack = await startSlackHarness({ features: slackTestFeatures });
  });
  afterAll(async () => {
    await slack?.close();
  });

  const outboxRow = () => slack.running.db.prisma.outbox.findFirstOrThrow({ orderBy: { id: 'desc' } });

  async function notify(user: string, message: string): Promise<void> {
    const person = await directServices(slack.running).people.findByIdentityKey(`slack:${slack.team}:${user}`);
    if (!person) throw new Error(`${user} has not talked to the bot`);
    await directServices(slack.running).notifier.notify(person.id, () => [text(message)]);
    await slack.settle();
  }

  async function retryLater(): Promise<void> {
    slack.clock.advanceMinutes(1);
    slack.running.dispatcher.kick();
    await slack.settle();
  }

  it('the first message stores how to reach the person', async () => {
    await slack.dm('UN1', 'echo hi');
    const identity = await slack.running.db.prisma.identity.findUniqueOrThrow({ where: { key: `slack:${slack.team}:UN1` } });
    expect(JSON.parse(identity.address!)).toEqual({ team: slack.team, user: 'UN1' });
  });

  it("a notification is posted in the person's DM", async () => {
    await notify('UN1', 'Your slot is confirmed');
    expect(slack.lastMessage()).toMatchObject({ via: 'chat.postMessage', channel: 'DUN1', text: 'Your slot is confirmed' });
    expect((await outboxRow()).sentAt).not.toBeNull();
  });

  it('a 500 from chat.postMessage leaves it in the outbox; it is delivered on the retry', async () => {
    slack.api.failNext('chat.postMessage', { status: 500 });
    await notify('UN1', 'Reminder: consultation tomorrow');
    const failed = slack.api.calls('chat.postMessage').at(-1)!;
    expect(failed.ok).toBe(false);
    expect(failed.args.text).toBe('Reminder: consultation tomorrow');
    const pending = await outboxRow();
    expect(pending).toMatchObject({ sentAt: null, attempts: 1 });
    expect(pending.lastError).toBeTruthy();

    await retryLater();
    expect(slack.lastMessage()).toMatchObject({ via: 'chat.postMessage', channel: 'DUN1', text: 'Reminder: consultation tomorrow' });
    expect((await outboxRow()).sentAt).not.toBeNull();
    expect(slack.api.delivered('chat.postMessage').filter((c) => c.args.text === 'Reminder: consultation tomorrow')).toHaveLength(1);
  });

  it('a 429 (rate limited) is retried the same way', async () => {
    slack.api.failNext('chat.postMessage', { status: 429 });
    await notify('UN1', 'Budget alert');
    expect(await outboxRow()).toMatchObject({ sentAt: null, attempts: 1 });
    await retryLater();
    expect(slack.lastMessage().text).toBe('Budget alert');
    expect((await outboxRow()).sentAt).not.toBeNull();
  });
});
