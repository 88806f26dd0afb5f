/**
 * Where the Teams adapter may send anything: the `serviceUrl` of an activity (replies) and of a stored
 * address (notifications) is checked before any outbound call. Without authentication (an explicit local
 * opt-in) only loopback URLs pass, so a forged activity cannot make the bot call a host of the sender's
 * choosing; with authentication, only the hosts of the allow-list (Bot Framework and Teams by default,
 * TEAMS_SERVICE_URL_ALLOWLIST to change it). The same origin lists say where files a person allowed may be
 * uploaded (TEAMS_FILE_UPLOAD_ALLOWLIST, default OneDrive/SharePoint).
 */

export interface ServiceUrlPolicy {
  allows(serviceUrl: string): boolean;
  /** For logs: what is allowed. */
  describe(): string;
}

/** The Bot Framework's own service hosts: Teams (public cloud, GCC, GCC High, DoD) and the Bot Framework channels. */
export const defaultServiceUrlAllowList: readonly string[] = [
  'https://smba.trafficmanager.net',
  'https://*.botframework.com',
  'https://smba.infra.gcc.teams.microsoft.com',
  'https://smba.infra.gov.teams.microsoft.us',
  'https://smba.infra.dod.teams.microsoft.us',
];

/** Where Teams opens upload sessions for files a person allowed: OneDrive for Business (SharePoint), public and sovereign clouds. */
export const defaultFileUploadAllowList: readonly string[] = [
  'https://*.sharepoint.com',
  'https://*.sharepoint.us',
  'https://*.sharepoint-mil.us',
  'https://*.sharepoint.cn',
];

function parse(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

const defaultPort = (protocol: string) => (protocol === 'https:' ? '443' : '80');
const portOf = (u: URL) => u.port || defaultPort(u.protocol);

function isLoopback(url: URL): boolean {
  const host = url.hostname;
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Unauthenticated (local) use: loopback service URLs only. */
export const loopbackOnly: ServiceUrlPolicy = {
  allows(serviceUrl) {
    const u = parse(serviceUrl);
    return u !== undefined && isLoopback(u);
  },
  describe: () => 'loopback only (unauthenticated local use)',
};

/** Origins `https://host[:port]` or `https://*.domain` (any subdomain); paths are ignored (config.ts checks the form). */
export function allowList(entries: readonly string[]): ServiceUrlPolicy {
  const rules = entries.map((entry) => {
    const trimmed = entry.trim().replace(/\/$/, '');
    const wildcard = trimmed.includes('://*.');
    const u = new URL(trimmed.replace('://*.', '://'));
    return { protocol: u.protocol, host: u.hostname, port: portOf(u), wildcard };
  });
  return {
    allows(serviceUrl) {
      const u = parse(serviceUrl);
      if (!u || u.username || u.password) return false;
      return rules.some(
        (r) =>
          r.protocol === u.protocol && r.port === portOf(u) && (r.wildcard ? u.hostname.endsWith(`.${r.host}`) : u.hostname === r.host),
      );
    },
    describe: () => entries.join(', '),
  };
}
