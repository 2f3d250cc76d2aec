import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { NewRole, roleKey, type Role } from '../../core/model/index.js';
import { StoreError } from '../store-error.js';
import type { Db } from './open-database.js';
import { roleColumns, rowToRole } from './role-rows.js';
import { inWriteTransaction, sql } from './statements.js';
import { parseInput } from './validate.js';

/** Creates the role, or replaces the holders and deputies of the role with the same key (its id stays). */
export function saveRole(db: Db, input: unknown): Role {
  const parsed = parseInput(NewRole, input, 'role');
  const key = roleKey(parsed.name);
  if (key === '') throw new StoreError('invalid', `invalid role: the name "${parsed.name}" has no letters or digits to match on`);
  const role: Role = { id: randomUUID(), key, name: parsed.name, holders: parsed.holders, deputies: parsed.deputies };
  return inWriteTransaction(db, () => {
    sql(
      db,
      `INSERT INTO roles (id, key, name, holders_json, deputies_json) VALUES (@id, @key, @name, @holders_json, @deputies_json)
       ON CONFLICT (key) DO UPDATE SET name = excluded.name, holders_json = excluded.holders_json, deputies_json = excluded.deputies_json`,
    ).run(roleColumns(role));
    const saved = findRoleByKey(db, key);
    if (!saved) throw new StoreError('not-found', `role ${key} was not found after it was written`);
    return saved;
  });
}

export function listRoles(db: Db): Role[] {
  return sql(db, 'SELECT * FROM roles ORDER BY key').all().map(rowToRole);
}

export function findRole(db: Db, nameInput: unknown): Role | null {
  const key = roleKey(parseInput(z.string(), nameInput, 'role name'));
  return key === '' ? null : findRoleByKey(db, key);
}

function findRoleByKey(db: Db, key: string): Role | null {
  const row = sql(db, 'SELECT * FROM roles WHERE key = ?').get(key);
  return row ? rowToRole(row) : null;
}
