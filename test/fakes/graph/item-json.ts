/** A stored item as Graph returns it: the listItem, and its `fields` (fieldValueSet). */
import { isoSeconds } from './errors.js';
import { itemETag, type ListData, type StoredItem } from './list-data.js';
import { applySelect, type ItemShape } from './odata-query.js';
import type { SiteState } from './state.js';

const APP_USER = { user: { displayName: 'SharePoint App' }, application: { displayName: 'Followthrough', id: '00000000-0000-0000-0000-00000000f0f0' } };
const AUTHOR_LOOKUP_ID = '1073741822';

/** A field by name as SharePoint would return it; undefined when it has no value. */
function fieldValue(list: ListData, item: StoredItem, name: string): unknown {
  switch (name) {
    case 'id': return String(item.id);
    case 'ID': return item.id;
    case 'Created': return isoSeconds(item.createdMs);
    case 'Modified': return isoSeconds(item.modifiedMs);
    default: return list.column(name) ? item.values.get(name) : undefined;
  }
}

/** Every field, in roughly the order SharePoint lists them, including its system fields. */
export function allFields(list: ListData, item: StoredItem): Record<string, unknown> {
  const fields: Record<string, unknown> = { '@odata.etag': itemETag(item) };
  for (const column of list.columns) {
    const value = column.readOnly ? undefined : item.values.get(column.name);
    if (value !== undefined) fields[column.name] = value;
  }
  const title = item.values.get('Title') ?? '';
  return {
    ...fields,
    id: String(item.id),
    ContentType: 'Item',
    Modified: isoSeconds(item.modifiedMs),
    Created: isoSeconds(item.createdMs),
    AuthorLookupId: AUTHOR_LOOKUP_ID,
    EditorLookupId: AUTHOR_LOOKUP_ID,
    _UIVersionString: `${item.version}.0`,
    Attachments: false,
    Edit: '',
    LinkTitleNoMenu: title,
    LinkTitle: title,
    ItemChildCount: '0',
    FolderChildCount: '0',
  };
}

/** `fields` for one item: all of them, or `@odata.etag` plus the selected ones that have a value. */
export function fieldsJson(list: ListData, item: StoredItem, select: string[] | null): Record<string, unknown> {
  if (select === null) return allFields(list, item);
  const fields: Record<string, unknown> = { '@odata.etag': itemETag(item) };
  for (const name of select) {
    const value = fieldValue(list, item, name);
    if (value !== undefined) fields[name] = value;
  }
  return fields;
}

export function itemJson(site: SiteState, list: ListData, item: StoredItem, shape: ItemShape): Record<string, unknown> {
  const webBase = `https://${site.site.hostname}${site.site.path}`;
  const body: Record<string, unknown> = {
    '@odata.etag': itemETag(item),
    createdDateTime: isoSeconds(item.createdMs),
    eTag: itemETag(item),
    id: String(item.id),
    lastModifiedDateTime: isoSeconds(item.modifiedMs),
    webUrl: `${webBase}/Lists/${list.name}/${item.id}_.000`,
    createdBy: APP_USER,
    lastModifiedBy: APP_USER,
    parentReference: { id: list.id, siteId: site.site.id },
    contentType: { id: '0x0100', name: 'Item' },
  };
  if (shape.fields) body.fields = fieldsJson(list, item, shape.fieldSelect);
  return applySelect(body, shape.select);
}
