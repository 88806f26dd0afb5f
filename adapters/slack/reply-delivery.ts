/**
 * Sends rendered replies back to Slack: through a `response_url` for slash commands and clicks (works in
 * any channel, ephemeral when the reply says so), through the Web API for direct messages, mentions and
 * notifications. Files always go to the person's DM with the bot: exports are personal.
 */
import type { webApi } from '@slack/bolt';
import type { RenderedReplies, SlackFile, Block } from './render-blocks.ts';
import type { PostToResponseUrl } from './response-url.ts';

export class ReplyDelivery {
  constructor(private readonly deps: { web: webApi.WebClient; postResponse: PostToResponseUrl }) {}

  /** Replies to a slash command or a click. Returns the DM channel files went to, if any. */
  async viaResponseUrl(responseUrl: string, rendered: RenderedReplies, user: string): Promise<string | undefined> {
    for (const m of rendered.messages) {
      await this.deps.postResponse(responseUrl, {
        response_type: m.ephemeral ? 'ephemeral' : 'in_channel',
        replace_original: false,
        text: m.text,
        blocks: m.blocks,
      });
    }
    if (rendered.files.length === 0) return undefined;
    const dm = await this.openDm(user);
    await this.uploadAll(dm, rendered.files);
    return dm;
  }

  /** Rewrites the message a button was clicked in (see mark-chosen.ts). */
  async replaceOriginal(responseUrl: string, blocks: Block[], text: string): Promise<void> {
    await this.deps.postResponse(responseUrl, { replace_original: true, text, blocks });
  }

  /** Replies in a channel the bot is in: a DM (everything is private there) or a channel it was mentioned in. */
  async inChannel(channel: string, rendered: RenderedReplies, opts: { user: string; direct: boolean; threadTs?: string }): Promise<void> {
    const { web } = this.deps;
    const thread = opts.threadTs ? { thread_ts: opts.threadTs } : {};
    for (const m of rendered.messages) {
      if (m.ephemeral && !opts.direct)
        await web.chat.postEphemeral({ channel, user: opts.user, text: m.text, blocks: m.blocks, ...thread });
      else await web.chat.postMessage({ channel, text: m.text, blocks: m.blocks, ...thread });
    }
    if (rendered.files.length > 0) await this.uploadAll(opts.direct ? channel : await this.openDm(opts.user), rendered.files);
  }

  /** Shows `view` on the person's App Home tab. */
  async publishHome(user: string, view: Parameters<webApi.WebClient['views']['publish']>[0]['view']): Promise<void> {
    await this.deps.web.views.publish({ user_id: user, view });
  }

  /** The person's DM channel with the bot (opened if needed). */
  async openDm(user: string): Promise<string> {
    const opened = await this.deps.web.conversations.open({ users: user });
    const id = opened.channel?.id;
    if (!id) throw new Error('conversations.open returned no channel');
    return id;
  }

  private async uploadAll(channel: string, files: SlackFile[]): Promise<void> {
    for (const f of files) {
      await this.deps.web.filesUploadV2({ channel_id: channel, filename: f.filename, title: f.title, content: f.content });
    }
  }
}
