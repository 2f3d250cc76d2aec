/** `$expand` and `$select` as Graph reads them on list items: `expand=fields(select=A,B)` and friends. */
import { badRequest } from './errors.js';
import { type FakeRequest, queryOption } from './state.js';

export interface ItemShape {
  /** Whether `fields` is expanded. */
  fields: boolean;
  /** Field names asked for inside the expand, or null for all. */
  fieldSelect: string[] | null;
  /** Top-level properties asked for with `$select`, or null for all. */
  select: string[] | null;
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) { parts.push(current); current = ''; }
    else current += ch;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

export function parseList(text: string | undefined): string[] | null {
  if (text === undefined) return null;
  return text.split(',').map((part) => part.trim()).filter((part) => part !== '');
}

function parseFieldsExpand(term: string): string[] | null {
  const match = /^fields(?:\((.*)\))?$/s.exec(term);
  if (!match) throw badRequest(`Could not find a property named '${term.replace(/\(.*$/s, '')}' on type 'microsoft.graph.listItem'.`, 'BadRequest');
  const inner = match[1]?.trim();
  if (inner === undefined || inner === '') return null;
  const select = /^\$?select=(.*)$/is.exec(inner);
  if (!select) throw badRequest(`Unsupported options inside expand=fields(...): '${inner}'.`, 'BadRequest');
  return parseList(select[1]);
}

export function itemShape(req: FakeRequest): ItemShape {
  const expand = queryOption(req, 'expand');
  let fields = false;
  let fieldSelect: string[] | null = null;
  for (const term of splitTopLevel(expand ?? '')) {
    fields = true;
    fieldSelect = parseFieldsExpand(term);
  }
  return { fields, fieldSelect, select: parseList(queryOption(req, 'select')) };
}

/** Keeps only the selected top-level properties (OData annotations always stay). */
export function applySelect(body: Record<string, unknown>, select: string[] | null): Record<string, unknown> {
  if (select === null) return body;
  const wanted = new Set(select.map((name) => name.toLowerCase()));
  return Object.fromEntries(Object.entries(body).filter(([key]) => key.startsWith('@') || key === 'fields' || wanted.has(key.toLowerCase())));
}
