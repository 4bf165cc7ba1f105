import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * For hot paths (every request, every fetch): an entity's selectable columns for raw SQL, and the entity built
 * back from such a row, without the query builder's per-query cost. Values keep the driver's types, as TypeORM's
 * own reads do (timestamptz → Date, bigint → string, arrays → arrays).
 */
export function selectColumns(m: EntityManager, target: EntityTarget<ObjectLiteral>, alias: string, prefix: string): string {
  return m.connection
    .getMetadata(target)
    .columns.filter((c) => c.isSelect !== false)
    .map((c) => `${alias}."${c.databaseName}" AS "${prefix}${c.propertyName}"`)
    .join(', ');
}

export function hydrate<T extends ObjectLiteral>(m: EntityManager, target: EntityTarget<T>, row: Record<string, unknown>, prefix: string): T {
  const entity = m.getRepository(target).create() as T;
  for (const c of m.connection.getMetadata(target).columns) {
    if (c.isSelect === false) continue;
    (entity as Record<string, unknown>)[c.propertyName] = row[`${prefix}${c.propertyName}`];
  }
  return entity;
}
