import { Role } from '../../core/model/index.js';
import { parseRow, readJson, type Row } from './validate.js';
import { rowMemo } from './parsed-rows.js';

export interface RoleColumns {
  id: string;
  key: string;
  name: string;
  holders_json: string;
  deputies_json: string;
}

export function roleColumns(role: Role): RoleColumns {
  return {
    id: role.id,
    key: role.key,
    name: role.name,
    holders_json: JSON.stringify(role.holders),
    deputies_json: JSON.stringify(role.deputies),
  };
}

/** The row checked against the model once per distinct content (see parsed-rows.ts). */
export const rowToRole = (row: Row): Role => memo.parse(row);

function checkRoleRow(row: Row): Role {
  const where = `role ${String(row.id)}`;
  return parseRow(
    Role,
    {
      id: row.id,
      key: row.key,
      name: row.name,
      holders: readJson(row.holders_json, 'holders_json', where),
      deputies: readJson(row.deputies_json, 'deputies_json', where),
    },
    where,
  );
}

const memo = rowMemo(checkRoleRow);
