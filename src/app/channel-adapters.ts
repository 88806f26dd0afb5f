/** The platform adapters mounted on the server. Each adapter adds one line. */
import type { AdapterContext, ChannelAdapter } from './channel-adapter.ts';

export async function createChannelAdapters(ctx: AdapterContext): Promise<ChannelAdapter[]> {
  const adapters: ChannelAdapter[] = [];
  void ctx;
  return adapters;
}
