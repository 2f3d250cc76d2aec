import { describe, expect, it } from 'vitest';
import { pickTheme, type ThemeInputs } from './theme.js';

const inputs = (overrides: Partial<ThemeInputs>): ThemeInputs => ({ query: null, teams: null, prefersDark: false, forcedColors: false, ...overrides });

describe('pickTheme', () => {
  it.each<[string, Partial<ThemeInputs>, string]>([
    ['light by default', {}, 'light'],
    ['the browser’s dark preference outside Teams', { prefersDark: true }, 'dark'],
    ['forced colours as high contrast', { forcedColors: true, prefersDark: true }, 'contrast'],
    ['Teams’ default theme over the browser', { teams: 'default', prefersDark: true }, 'light'],
    ['Teams’ dark theme', { teams: 'dark' }, 'dark'],
    ['Teams’ contrast theme', { teams: 'contrast' }, 'contrast'],
    ['an unknown Teams theme as light', { teams: 'sepia', prefersDark: true }, 'light'],
    ['?theme= over everything', { query: 'Dark', teams: 'default' }, 'dark'],
    ['?theme=contrast', { query: 'contrast' }, 'contrast'],
    ['a bad ?theme= ignored', { query: 'neon', prefersDark: true }, 'dark'],
  ])('%s', (_name, given, expected) => {
    expect(pickTheme(inputs(given))).toBe(expected);
  });
});
