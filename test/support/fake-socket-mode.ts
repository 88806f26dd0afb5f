/**
 * A fake Slack Socket Mode endpoint on loopback: a WebSocket server that speaks Slack's protocol to the bot's
 * Socket Mode client. The fake Web API (fake-slack-api.ts) answers `apps.connections.open` with its ws:// URL;
 * when the client connects it gets `{type: 'hello'}`; then the test sends envelopes
 * (`{envelope_id, type, payload, accepts_response_payload}`) and reads the client's acknowledgements
 * (`{envelope_id, payload?}`).
 *
 *   const socket = await startFakeSocketMode();
 *   api.useSocketMode(socket.url);                 // apps.connections.open returns it
 *   await socket.connected();                      // the bot connected and was greeted
 *   const ack = await socket.send('slash_commands', { command: '/hours', text: '', … });
 *   ack.payload                                    // what the bot acknowledged with (a command's reply)
 *   await socket.close();
 */
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';

export type EnvelopeType = 'slash_commands' | 'events_api' | 'interactive';

/** What the client sends back for an envelope. */
export interface Acknowledgement {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export interface FakeSocketMode {
  /** The ws:// URL `apps.connections.open` hands out. */
  url: string;
  /** Resolves once a client is connected and was sent `hello`. */
  connected(): Promise<void>;
  /** How many connections were opened so far. */
  connections(): number;
  /** Sends an envelope to the connected client; resolves with its acknowledgement. */
  send(type: EnvelopeType, payload: Record<string, unknown>, opts?: { acceptsResponsePayload?: boolean }): Promise<Acknowledgement>;
  /** Every acknowledgement received, in order. */
  acknowledgements(): Acknowledgement[];
  close(): Promise<void>;
}

export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as { port: number };

  let client: WebSocket | undefined;
  let opened = 0;
  const waiting = new Map<string, (ack: Acknowledgement) => void>();
  const received: Acknowledgement[] = [];
  let greeted: () => void = () => {};
  let connected = new Promise<void>((resolve) => (greeted = resolve));

  server.on('connection', (socket) => {
    opened++;
    client = socket;
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      const ack = JSON.parse(String(data)) as Acknowledgement;
      received.push(ack);
      waiting.get(ack.envelope_id)?.(ack);
      waiting.delete(ack.envelope_id);
    });
    socket.on('close', () => {
      if (client === socket) {
        client = undefined;
        connected = new Promise<void>((resolve) => (greeted = resolve));
      }
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
    greeted();
  });

  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=fake`,
    connected: () => connected,
    connections: () => opened,
    send(type, payload, opts = {}) {
      const socket = client;
      if (!socket) return Promise.reject(new Error('no Socket Mode client is connected'));
      const envelopeId = randomUUID();
      const acked = new Promise<Acknowledgement>((resolve) => waiting.set(envelopeId, resolve));
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: opts.acceptsResponsePayload ?? type !== 'events_api',
        }),
      );
      return acked;
    },
    acknowledgements: () => [...received],
    close: () =>
      new Promise((resolve) => {
        for (const socket of server.clients) socket.terminate();
        server.close(() => resolve());
      }),
  };
}
