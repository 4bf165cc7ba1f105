import type { DocAccess } from '@relab/shared';
import { DocAccessRegistry } from '../../src/collab/doc-access.registry.js';
import type { TestApp } from './test-app.js';

/** A document type for tests: access per user id set by the test (default write); roots text, map, array. */
export function registerTestDocType(app: TestApp, type = 'test-doc'): Map<string, DocAccess> {
  const access = new Map<string, DocAccess>();
  app.app.get(DocAccessRegistry).register({
    type,
    roots: { content: 'text', meta: 'map', items: 'array' },
    access: async (user) => access.get(user.id) ?? 'write',
  });
  return access;
}
