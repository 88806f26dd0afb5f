/** Where the Teams adapter may send: loopback only without authentication; the allow-list with it. */
import { describe, expect, it } from 'vitest';
import { allowList, defaultServiceUrlAllowList, loopbackOnly } from '../../adapters/teams/service-url-policy.ts';

describe('service URL policies', () => {
  it('unauthenticated: loopback only', () => {
    for (const url of ['http://127.0.0.1:3978/', 'http://localhost:3978', 'https://127.0.0.5/x', 'http://[::1]:9/'])
      expect(loopbackOnly.allows(url), url).toBe(true);
    for (const url of [
      'https://smba.trafficmanager.net/jp/',
      'http://127.0.0.1.evil.example/',
      'http://10.0.0.1/',
      'file:///etc/passwd',
      'not a url',
      'http://localhost.evil.example/',
    ])
      expect(loopbackOnly.allows(url), url).toBe(false);
  });

  it('authenticated: the Bot Framework and Teams hosts by default, by scheme, host and port', () => {
    const policy = allowList(defaultServiceUrlAllowList);
    for (const url of [
      'https://smba.trafficmanager.net/jp/',
      'https://smba.trafficmanager.net/amer/',
      'https://webchat.botframework.com/',
      'https://smba.infra.gcc.teams.microsoft.com/x',
    ])
      expect(policy.allows(url), url).toBe(true);
    for (const url of [
      'http://smba.trafficmanager.net/jp/',
      'https://smba.trafficmanager.net:8443/jp/',
      'https://smba.trafficmanager.net.evil.example/',
      'https://evilbotframework.com/',
      'https://botframework.com.evil.example/',
      'https://user@evil.example/',
      'https://smba.trafficmanager.net@evil.example/',
      'http://127.0.0.1:3978/',
    ])
      expect(policy.allows(url), url).toBe(false);
  });

  it('takes the operator’s list (the tests put their loopback fake there)', () => {
    const policy = allowList(['http://127.0.0.1:4000/']);
    expect(policy.allows('http://127.0.0.1:4000/')).toBe(true);
    expect(policy.allows('http://127.0.0.1:4001/')).toBe(false);
  });
});
