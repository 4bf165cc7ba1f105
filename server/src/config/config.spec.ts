import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  test('defaults give a local, embedded, non-secure setup on port 3000', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.secureCookies).toBe(false);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe('./.relab');
  });
  test('an https public URL switches cookies to Secure', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://relab.example/' }).secureCookies).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'https://relab.example/' }).publicUrl).toBe('https://relab.example');
  });
  test('bad values are refused with a message naming each variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url' });
    } catch (e) {
      expect(String(e)).toMatch(/PORT/);
      expect(String(e)).toMatch(/DATABASE_URL/);
    }
  });
});
