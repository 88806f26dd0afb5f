/**
 * The botbuilder side of the adapter: the Bot Framework authentication and the CloudAdapter. Loaded on
 * demand (botbuilder is large), so a process that never serves Teams starts without it.
 */
import {
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
// A dependency of botbuilder (same release); only its public-cloud constants are used.
import { AuthenticationConstants } from 'botframework-connector';
import { DeskCloudAdapter } from './cloud-adapter.ts';
import type { TeamsSettings } from './teams-settings.ts';

export interface TeamsRuntime {
  auth: ConfigurationBotFrameworkAuthentication;
  adapter: DeskCloudAdapter;
  /** The audience of tokens the bot asks for when it calls the Bot Connector. */
  connectorScope: string;
}

export function createTeamsRuntime(settings: TeamsSettings): TeamsRuntime {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: settings.appId,
    MicrosoftAppPassword: settings.password,
    MicrosoftAppType: settings.appType,
    MicrosoftAppTenantId: settings.tenantId,
    // Pointing the channel's OpenID metadata elsewhere switches botbuilder to "parameterized" mode, where
    // every endpoint must be given: the public-cloud values, with only the metadata (the signing keys) moved.
    ...(settings.openIdMetadataUrl
      ? {
          ToBotFromChannelOpenIdMetadataUrl: settings.openIdMetadataUrl,
          ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
          ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
          ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
          ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
          OAuthUrl: AuthenticationConstants.OAuthUrl,
          ValidateAuthority: true,
          CallerId: CallerIdConstants.PublicAzureChannel,
        }
      : {}),
  };
  const auth = new ConfigurationBotFrameworkAuthentication(options);
  return { auth, adapter: new DeskCloudAdapter(auth), connectorScope: AuthenticationConstants.ToChannelFromBotOAuthScope };
}
