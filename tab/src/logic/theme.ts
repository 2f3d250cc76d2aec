export type ThemeName = 'light' | 'dark' | 'contrast';

export interface ThemeInputs {
  /** `?theme=` in the page's address: wins everywhere (the browser tests screenshot both). */
  query: string | null;
  /** Teams' theme (`default`, `dark`, `contrast`), or null outside Teams. */
  teams: string | null;
  prefersDark: boolean;
  /** Windows high contrast / forced colours. */
  forcedColors: boolean;
}

/** Which Fluent theme to use: the address, then Teams, then the browser's preference. */
export function pickTheme(inputs: ThemeInputs): ThemeName {
  const asked = themeFromWord(inputs.query);
  if (asked !== null) return asked;
  if (inputs.teams !== null) return themeFromWord(inputs.teams) ?? 'light';
  if (inputs.forcedColors) return 'contrast';
  return inputs.prefersDark ? 'dark' : 'light';
}

function themeFromWord(word: string | null): ThemeName | null {
  switch (word?.trim().toLowerCase()) {
    case 'light':
    case 'default':
      return 'light';
    case 'dark':
      return 'dark';
    case 'contrast':
    case 'high-contrast':
      return 'contrast';
    default:
      return null;
  }
}
