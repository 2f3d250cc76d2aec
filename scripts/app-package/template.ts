import { AppPackageError } from './app-package-error.js';

/** `${{NAME}}`, as Microsoft 365 Agents Toolkit writes placeholders in `appPackage/manifest.json`. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The names a template asks for, each once, in order of first use. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))];
}

/**
 * A name ending in `_SUFFIX` may be set to nothing (production has no " (dev)" after its name);
 * any other empty value is as good as missing — an empty app id only fails later, less clearly.
 */
export function mayBeEmpty(name: string): boolean {
  return name.endsWith('_SUFFIX');
}

/**
 * Fills every placeholder from `values`. The template is JSON and placeholders sit inside its
 * strings, so each value is escaped as JSON string content. Every missing name (the template's,
 * and `alsoRequired`: values the checks need that the manifest does not show) is reported at
 * once, with the file it should be in.
 */
export function fillTemplate(template: string, values: ReadonlyMap<string, string>, source: string, alsoRequired: readonly string[] = []): string {
  const names = [...new Set([...placeholdersIn(template), ...alsoRequired])];
  const missing = names.filter((name) => {
    const value = values.get(name);
    return value === undefined || (value === '' && !mayBeEmpty(name));
  });
  if (missing.length > 0) throw new AppPackageError(missing.map((name) => `${name} has no value in ${source}`));
  return template.replace(PLACEHOLDER, (_whole, name: string) => JSON.stringify(values.get(name) ?? '').slice(1, -1));
}
