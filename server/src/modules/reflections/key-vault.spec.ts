import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../config/config.js';
import { KeyVault } from './key-vault.js';

const dir = mkdtempSync(join(tmpdir(), 'relab-vault-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('KeyVault (AES-256-GCM)', () => {
  const vault = new KeyVault(loadConfig({ RELAB_DATA_DIR: dir }));

  it('round-trips, with a fresh IV each time and no plain text in the ciphertext', () => {
    const a = vault.seal('{"names":["Yasmina El Amrani"]}', 'r1');
    const b = vault.seal('{"names":["Yasmina El Amrani"]}', 'r1');
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(a.data.toString('latin1')).not.toContain('Yasmina');
    expect(vault.open(a, 'r1')).toBe('{"names":["Yasmina El Amrani"]}');
  });

  it('refuses a tampered ciphertext, a row moved to another reflection, and another key', () => {
    const sealed = vault.seal('geheim', 'r1');
    const flipped = Buffer.from(sealed.data);
    flipped[0] = flipped[0]! ^ 1;
    expect(vault.open({ ...sealed, data: flipped }, 'r1')).toBeNull();
    expect(vault.open(sealed, 'r2')).toBeNull();
    const other = new KeyVault(loadConfig({ RELAB_REFLECTION_KEY: Buffer.alloc(32, 7).toString('base64') }));
    expect(other.open(sealed, 'r1')).toBeNull();
  });

  it('the embedded default generates one key in the data folder, private, and keeps it', () => {
    const file = join(dir, 'reflection-key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = new KeyVault(loadConfig({ RELAB_DATA_DIR: dir }));
    expect(again.keyId).toBe(vault.keyId);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
  });

  it('a configured key must be 32 bytes of base64, and production with a database server needs one', () => {
    expect(() => loadConfig({ RELAB_REFLECTION_KEY: 'too-short' })).toThrow('RELAB_REFLECTION_KEY');
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/relab' })).toThrow('RELAB_REFLECTION_KEY');
  });
});
