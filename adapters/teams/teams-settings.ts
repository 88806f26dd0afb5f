/**
 * How the Teams endpoint authenticates, checked at start without loading botbuilder: Bot Framework JWTs
 * against the app registration (multi-tenant, single-tenant or a user-assigned managed identity), or no
 * authentication at all for local use with the Bot Framework Emulator, which production refuses.
 */
import { ConfigError, type Config } from '../../src/config.ts';

export interface TeamsSettings {
  /** The bot's Microsoft app id; undefined when requests are not authenticated (local use). */
  appId?: string;
  password?: string;
  appType?: Config['MICROSOFT_APP_TYPE'];
  tenantId?: string;
  /** Where the channel's signing keys are published; undefined for the Bot Framework's own. */
  openIdMetadataUrl?: string;
}

const invalid = (variable: string, fix: string) => new ConfigError(`Invalid configuration:\n  ${variable}: ${fix}`);

export function teamsSettings(config: Config): TeamsSettings {
  const production = config.NODE_ENV === 'production';
  const settings: TeamsSettings = {
    appId: config.MICROSOFT_APP_ID,
    password: config.MICROSOFT_APP_PASSWORD,
    appType: config.MICROSOFT_APP_TYPE,
    tenantId: config.MICROSOFT_APP_TENANT_ID,
    openIdMetadataUrl: config.MICROSOFT_OPENID_METADATA_URL,
  };
  // config.ts already refuses production without credentials; a managed identity still needs its app id.
  if (production && !settings.appId)
    throw invalid('MICROSOFT_APP_ID', 'production refuses unauthenticated Teams requests: set it from the Azure bot registration');
  if (production && settings.openIdMetadataUrl)
    throw invalid('MICROSOFT_OPENID_METADATA_URL', 'a local token issuer is for tests only: unset it in production');
  // The combinations botbuilder asserts when it builds the credentials, named by our variables.
  if (settings.appType === 'SingleTenant' || settings.appType === 'UserAssignedMSI') {
    if (!settings.appId) throw invalid('MICROSOFT_APP_ID', `a ${settings.appType} bot needs its Microsoft app id`);
    if (!settings.tenantId)
      throw invalid('MICROSOFT_APP_TENANT_ID', `a ${settings.appType} bot needs the id of its Microsoft Entra tenant`);
  }
  if (settings.appType === 'SingleTenant' && !settings.password)
    throw invalid('MICROSOFT_APP_PASSWORD', 'a SingleTenant bot needs its client secret');
  if (settings.appType === 'UserAssignedMSI' && settings.password)
    throw invalid('MICROSOFT_APP_PASSWORD', 'a managed identity has no password: unset it');
  return settings;
}
