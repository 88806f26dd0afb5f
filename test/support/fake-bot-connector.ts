/**
 * A fake Bot Framework service on loopback, for Teams tests. It plays two parts:
 * - the Bot Connector the bot sends its replies to (the activity's `serviceUrl`): it records
 *   `POST /v3/conversations/{id}/activities[/{replyToId}]`, `PUT /v3/conversations/{id}/activities/{id}`
 *   and `POST /v3/conversations` (opening a personal chat), and answers each with a new id;
 * - a local token issuer: OpenID metadata and a JWKS with one RSA key, and `signToken` to make the
 *   JWTs the Bot Framework puts on requests to the bot (point MICROSOFT_OPENID_METADATA_URL at
 *   `openIdMetadataUrl`);
 * - the OneDrive upload sessions Teams opens when a person allows a file (`uploadUrl`): it records each
 *   `PUT /upload/{session}` with its headers and bytes in `uploads`. `redirectingUploadUrl` answers a
 *   redirect to such a session instead.
 * Nothing goes to the network.
 */
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** An activity as the bot sent it (JSON). */
export type SentActivity = Record<string, unknown> & {
  type?: string;
  id?: string;
  attachments?: { contentType: string; content?: unknown; contentUrl?: string; name?: string }[];
};

export interface ConnectorCall {
  kind: 'send' | 'reply' | 'update' | 'createConversation';
  conversationId: string;
  /** For `reply`: the activity replied to; for `update`: the activity replaced. */
  activityId?: string;
  /** The id the connector gave the new activity (or the updated one), as Teams would. */
  assignedId: string;
  body: SentActivity;
  authorization: string | undefined;
}

/** A file the bot uploaded to an upload session. */
export interface Upload {
  method: string;
  session: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface TokenOptions {
  /** The bot's Microsoft app id: the token's audience. */
  appId: string;
  /** Must equal the activity's serviceUrl. */
  serviceUrl: string;
  issuer?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  /** Sign with a key the issuer never published (a forged token). */
  signer?: 'issuer' | 'unknownKey' | 'wrongKeySameKid';
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export class FakeBotConnector {
  readonly calls: ConnectorCall[] = [];
  /** Every request to an upload session, in order. */
  readonly uploads: Upload[] = [];
  private failures: number[] = [];
  private uploadFailures: number[] = [];
  private seq = 0;
  private readonly keyId = 'local-test-key';
  private readonly issuerKey: KeyObject;
  private readonly strangerKey: KeyObject;
  private readonly jwk: Record<string, unknown>;

  private constructor(
    private readonly server: Server,
    /** The service URL to put in activities, with a trailing slash as the Bot Framework sends it. */
    readonly url: string,
  ) {
    const issuer = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.issuerKey = issuer.privateKey;
    this.strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    // Endorsements as the real Bot Framework publishes them: this key signs tokens for the msteams channel.
    this.jwk = { ...issuer.publicKey.export({ format: 'jwk' }), kid: this.keyId, use: 'sig', alg: 'RS256', endorsements: ['msteams'] };
  }

  static async start(): Promise<FakeBotConnector> {
    let connector: FakeBotConnector | undefined;
    const server = createServer((req, res) => void connector!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    connector = new FakeBotConnector(server, `http://127.0.0.1:${port}/`);
    return connector;
  }

  /** Set MICROSOFT_OPENID_METADATA_URL to this to make the bot trust the local issuer. */
  get openIdMetadataUrl(): string {
    return `${this.url}v1/.well-known/openidconfiguration`;
  }

  /** A Bot Framework channel token (RS256) for a request to the bot. */
  signToken(options: TokenOptions): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: options.signer === 'unknownKey' ? 'some-other-key' : this.keyId };
    const payload = {
      iss: options.issuer ?? 'https://api.botframework.com',
      aud: options.appId,
      serviceurl: options.serviceUrl,
      nbf: now - 60,
      iat: now - 60,
      exp: now + (options.expiresIn ?? 3600),
    };
    const signed = `${b64url(header)}.${b64url(payload)}`;
    const key = options.signer === undefined || options.signer === 'issuer' ? this.issuerKey : this.strangerKey;
    return `${signed}.${sign('RSA-SHA256', Buffer.from(signed), key).toString('base64url')}`;
  }

  /** The next `count` connector calls fail with `status` (as when Teams is down or the chat is gone). */
  failNext(status: number, count = 1): void {
    for (let i = 0; i < count; i++) this.failures.push(status);
  }

  /** A new upload session's URL, as Teams puts it in a file consent answer (loopback here). */
  uploadUrl(session: string = randomUUID()): string {
    return `${this.url}upload/${session}`;
  }

  /** A URL that redirects to an upload session: a bot that follows it uploads where nobody checked. */
  redirectingUploadUrl(): string {
    return `${this.url}redirect/${randomUUID()}`;
  }

  /** The next `count` uploads fail with `status` (as when OneDrive is unavailable). */
  failNextUploads(status: number, count = 1): void {
    for (let i = 0; i < count; i++) this.uploadFailures.push(status);
  }

  /** Calls recorded after the first `from` (take `calls.length` before a request, pass it after). */
  since(from: number): ConnectorCall[] {
    return this.calls.slice(from);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = decodeURI((req.url ?? '/').split('?')[0]!);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const text = raw.toString('utf8');

    if (req.method === 'GET' && path === '/v1/.well-known/openidconfiguration') {
      return send(res, 200, {
        issuer: 'https://api.botframework.com',
        jwks_uri: `${this.url}v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (req.method === 'GET' && path === '/v1/.well-known/keys') return send(res, 200, { keys: [this.jwk] });

    const segments = (req.url ?? '/').split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
    if (segments[0] === 'redirect') {
      res.writeHead(307, { location: this.uploadUrl() });
      return void res.end();
    }
    if (segments[0] === 'upload' && segments[1]) {
      this.uploads.push({ method: req.method ?? '', session: segments[1], headers: req.headers, body: raw });
      const failure = this.uploadFailures.shift();
      if (failure !== undefined) return send(res, failure, { error: { code: 'serviceNotAvailable', message: 'simulated' } });
      // What OneDrive answers when the last range of an upload session arrived: the new drive item.
      return send(res, 201, { id: `item-${segments[1]}`, name: 'uploaded', size: raw.length });
    }
    if (segments[0] !== 'v3' || segments[1] !== 'conversations') return send(res, 404, { error: { code: 'NotFound', message: path } });
    const failure = this.failures.shift();
    if (failure !== undefined) return send(res, failure, { error: { code: 'Simulated', message: `simulated failure ${failure}` } });

    const body = (text ? JSON.parse(text) : {}) as SentActivity;
    const authorization = req.headers.authorization;
    const [, , conversationId, activities, activityId] = segments;
    if (req.method === 'POST' && conversationId === undefined) {
      const created = `a:created-${++this.seq}`;
      this.calls.push({ kind: 'createConversation', conversationId: created, assignedId: created, body, authorization });
      return send(res, 200, { id: created, activityId: `act-${this.seq}` });
    }
    if (activities !== 'activities' || conversationId === undefined) return send(res, 404, { error: { code: 'NotFound', message: path } });
    if (req.method === 'PUT' && activityId) {
      this.calls.push({ kind: 'update', conversationId, activityId, assignedId: activityId, body, authorization });
      return send(res, 200, { id: activityId });
    }
    if (req.method === 'POST') {
      const assignedId = `bot-activity-${++this.seq}`;
      this.calls.push({
        kind: activityId ? 'reply' : 'send',
        conversationId,
        activityId,
        assignedId,
        body: { ...body, id: assignedId },
        authorization,
      });
      return send(res, 200, { id: assignedId });
    }
    return send(res, 405, { error: { code: 'MethodNotAllowed', message: req.method ?? '' } });
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}
