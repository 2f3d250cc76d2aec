import type { App } from '../../app/compose.js';
import { type Role, roleKey } from '../../core/model/index.js';
import { onePositional, parse, strings } from '../args.js';
import { CliError } from '../cli-error.js';
import type { Io } from '../io.js';
import { parsePersonArg } from '../person-arg.js';
import { addToRole, describeChanges, personLabel, removeFromRole, type RoleMembers } from '../role-edits.js';

export const ROLES_SET_USAGE = 'roles set "<role name>" --holder <objectId>[=<Display Name>] ... [--deputy <objectId>[=<name>] ...] [--replace]';
export const ROLES_REMOVE_USAGE = 'roles remove "<role name>" --person <objectId> ...';

/**
 * `roles`: who holds each role the plans name. Reminders, plan editors and reviewers all follow
 * roles, so this is how a trust's admin says who is who. Every change goes through the store
 * port, so it works the same on SQLite and on the SharePoint Roles list.
 */
export async function rolesCommand(app: App, io: Io, args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'set') return setRole(app, io, rest);
  if (sub === 'remove') return removeFromStoredRole(app, io, rest);
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length > 0) throw new CliError(`Unknown roles command "${positionals.join(' ')}". Use \`roles\`, \`roles set\` or \`roles remove\`.`, 2);
  const roles = await app.store.listRoles();
  io.out(values.json === true ? JSON.stringify(roles, null, 2) : formatRoles(roles));
  return 0;
}

async function setRole(app: App, io: Io, args: readonly string[]): Promise<number> {
  const { values, positionals } = parse(args, { holder: { type: 'string', multiple: true }, deputy: { type: 'string', multiple: true }, replace: { type: 'boolean' } });
  const name = roleName(onePositional(positionals, ROLES_SET_USAGE));
  const holders = strings(values.holder).map((value) => parsePersonArg(value, '--holder'));
  const deputies = strings(values.deputy).map((value) => parsePersonArg(value, '--deputy'));
  if (holders.length + deputies.length === 0) throw new CliError(`Name at least one person. Usage: followthrough ${ROLES_SET_USAGE}`, 2);
  const existing = await app.store.findRole(name);
  const before: RoleMembers = existing ?? { holders: [], deputies: [] };
  const after = addToRole(before, { holders, deputies }, values.replace === true);
  return save(app, io, existing, existing?.name ?? name, before, after);
}

async function removeFromStoredRole(app: App, io: Io, args: readonly string[]): Promise<number> {
  const { values, positionals } = parse(args, { person: { type: 'string', multiple: true } });
  const name = roleName(onePositional(positionals, ROLES_REMOVE_USAGE));
  const ids = strings(values.person).map((id) => id.trim());
  if (ids.length === 0) throw new CliError(`Name the person to take off. Usage: followthrough ${ROLES_REMOVE_USAGE}`, 2);
  const existing = await app.store.findRole(name);
  if (existing === null) throw new CliError(`No role matches "${name}". \`followthrough roles\` lists them.`);
  return save(app, io, existing, existing.name, existing, removeFromRole(existing, ids, existing.name));
}

/** Writes only when something changed, then says what did and who is left answering for the role. */
async function save(app: App, io: Io, existing: Role | null, name: string, before: RoleMembers, after: RoleMembers): Promise<number> {
  const changes = describeChanges(before, after);
  if (existing !== null && changes.length === 0) {
    io.out(`Role "${name}": nothing changed.\n${whoAnswers(existing)}`);
    return 0;
  }
  const saved = await app.store.saveRole({ name, holders: after.holders, deputies: after.deputies });
  io.out([existing === null ? `Created role "${saved.name}":` : `Changed role "${saved.name}":`, ...changes.map((c) => `  ${c}`), whoAnswers(saved)].join('\n'));
  return 0;
}

function roleName(value: string): string {
  const name = value.trim();
  if (roleKey(name) === '') throw new CliError(`"${value}" is not a role name: it has no letters or digits.`, 2);
  return name;
}

function whoAnswers(members: RoleMembers): string {
  if (members.holders.length > 0) return `Held by ${members.holders.map(personLabel).join(', ')}${members.deputies.length > 0 ? `; deputies ${members.deputies.map(personLabel).join(', ')}` : ''}.`;
  if (members.deputies.length > 0) return `Nobody holds it: its deputies (${members.deputies.map(personLabel).join(', ')}) get its reminders.`;
  return 'Nobody holds it and it has no deputies: actions it leads are reported to their plan\'s owner.';
}

export function formatRoles(roles: readonly Role[]): string {
  if (roles.length === 0) return `No roles yet. Add one with \`followthrough ${ROLES_SET_USAGE}\`.`;
  const lines: string[] = [];
  for (const role of roles) {
    lines.push(role.name);
    lines.push(...role.holders.map((p) => `  holder  ${personLabel(p)}`), ...role.deputies.map((p) => `  deputy  ${personLabel(p)}`));
    if (role.holders.length + role.deputies.length === 0) lines.push('  (nobody)');
  }
  lines.push(`${String(roles.length)} role${roles.length === 1 ? '' : 's'}.`);
  return lines.join('\n');
}
