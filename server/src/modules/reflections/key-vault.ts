import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';

export interface Sealed {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  data: Buffer;
}

const KEY_FILE = 'reflection-key';

/**
 * AES-256-GCM for the authors' keys of reflections. The key comes from RELAB_REFLECTION_KEY, or (embedded default)
 * is generated once and kept in the data folder (mode 600). Each ciphertext is bound to its reflection id (AAD), so
 * a row copied onto another reflection does not open.
 */
@Injectable()
export class KeyVault {
  private readonly logger = new Logger('KeyVault');
  private readonly key: Buffer;
  readonly keyId: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = config.reflectionKey ? Buffer.from(config.reflectionKey, 'base64') : loadOrCreate(config.dataDir, this.logger);
    this.keyId = createHash('sha256').update(this.key).digest('hex').slice(0, 16);
  }

  seal(plain: string, boundTo: string): Sealed {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(boundTo, 'utf8'));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return { keyId: this.keyId, iv, tag: cipher.getAuthTag(), data };
  }

  /** The plain text, or null when the row was sealed with another key or was tampered with. */
  open(sealed: Sealed, boundTo: string): string | null {
    if (sealed.keyId !== this.keyId) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.iv);
      decipher.setAAD(Buffer.from(boundTo, 'utf8'));
      decipher.setAuthTag(sealed.tag);
      return Buffer.concat([decipher.update(sealed.data), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}

function loadOrCreate(dataDir: string, logger: Logger): Buffer {
  const file = join(dataDir, KEY_FILE);
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
    return key;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    // another process on the same data folder was first: use its key
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreate(dataDir, logger);
    throw e;
  }
  chmodSync(file, 0o600);
  logger.log('generated the reflection key in the data folder (set RELAB_REFLECTION_KEY to provide one)');
  return key;
}
