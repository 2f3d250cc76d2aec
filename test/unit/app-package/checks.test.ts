import { describe, expect, it } from 'vitest';
import { checkPackage, type PackageInput, RULES } from '../../../scripts/app-package/checks.js';
import { encodePng } from '../../../scripts/app-package/png.js';

/** A square image: every pixel `rgba`, or `mark` in its centre pixel over that. */
function square(size: number, rgba: [number, number, number, number], mark?: [number, number, number, number]): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i += 1) pixels.set(rgba, i * 4);
  if (mark !== undefined) pixels.set(mark, (Math.floor(size / 2) * size + Math.floor(size / 2)) * 4);
  return encodePng({ width: size, height: size, pixels });
}

const WHITE_ON_CLEAR = square(32, [255, 255, 255, 0], [255, 255, 255, 255]);
const BLUE = square(192, [0, 94, 184, 255]);

const APP = '11111111-2222-4333-8444-555555555555';
const BOT = '22222222-3333-4444-8555-666666666666';
const SSO = '33333333-4444-4555-8666-777777777777';

function manifest(): Record<string, unknown> {
  return {
    manifestVersion: '1.30',
    version: '1.0.0',
    id: APP,
    developer: { name: 'Example Trust', websiteUrl: 'https://example.org', privacyUrl: 'https://example.org/p', termsOfUseUrl: 'https://example.org/t' },
    name: { short: 'Followthrough', full: 'Followthrough: NHS action plans' },
    description: { short: 'Action plans.', full: 'Action plans, in Teams.' },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: '#005EB8',
    bots: [{ botId: BOT, scopes: ['personal'], commandLists: [{ scopes: ['personal'], commands: [{ title: 'help', description: 'What I do' }] }] }],
    staticTabs: [
      { entityId: 'myActions', name: 'My actions', contentUrl: 'https://tab.example.org/tab/my-actions', scopes: ['personal'] },
      { entityId: 'conversations', scopes: ['personal'] },
    ],
    configurableTabs: [{ configurationUrl: 'https://tab.example.org/tab/config', scopes: ['team'] }],
    validDomains: ['tab.example.org', '*.bots.example.org'],
    webApplicationInfo: { id: SSO, resource: `api://tab.example.org/${SSO}` },
  };
}

function input(change: (m: Record<string, unknown>) => void = () => undefined, files: Record<string, Uint8Array> = {}, endpoints = ['https://eu.bots.example.org/api/messages']): PackageInput {
  const m = manifest();
  change(m);
  return { manifest: m, files: new Map(Object.entries({ 'color.png': BLUE, 'outline.png': WHITE_ON_CLEAR, ...files })), endpoints };
}

const set = (path: string, value: unknown) => (m: Record<string, unknown>): void => {
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  const target = keys.reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, m);
  target[last] = value;
};

describe('checkPackage', () => {
  it('passes a good manifest and its icons', () => {
    expect(checkPackage(input())).toEqual([]);
  });

  it.each<[string, keyof typeof RULES, PackageInput, RegExp]>([
    ['a placeholder left unfilled', 'placeholders', input(set('name.full', 'Followthrough ${{SUFFIX}}')), /name\.full still holds/],
    ['an app id that is not a GUID', 'ids', input(set('id', 'followthrough')), /^id must be a GUID/],
    ['a bot id that is not a GUID', 'ids', input((m) => { (m.bots as Record<string, unknown>[])[0] = { botId: 'bot-1', scopes: ['personal'] }; }), /bots\[0\]\.botId must be a GUID/],
    ['the all-zero GUID', 'ids', input(set('id', '00000000-0000-0000-0000-000000000000')), /^id is the all-zero GUID/],
    ['a short name over 30', 'lengths', input(set('name.short', 'Followthrough for the Quality Team')), /name\.short is 34 characters; Teams allows 30/],
    ['a short description over 80', 'lengths', input(set('description.short', 'x'.repeat(81))), /description\.short is 81/],
    ['a command title over 32', 'lengths', input((m) => { (m.bots as { commandLists: { commands: unknown[] }[] }[])[0]?.commandLists[0]?.commands.push({ title: 'show me every action I lead today' }); }), /commands\[1\]\.title is 33/],
    ['a version Teams will not take', 'version', input(set('version', '1.0')), /three numbers/],
    ['a tab over plain http', 'https', input((m) => { (m.staticTabs as Record<string, unknown>[])[0] = { entityId: 'x', contentUrl: 'http://tab.example.org/tab/', scopes: ['personal'] }; }), /staticTabs\[0\]\.contentUrl must be an https/],
    ['validDomains missing the bot endpoint', 'validDomains', input(set('validDomains', ['tab.example.org'])), /does not cover eu\.bots\.example\.org \(the bot endpoint\)/],
    ['validDomains missing the tab', 'validDomains', input(set('validDomains', ['*.bots.example.org'])), /does not cover tab\.example\.org \(staticTabs\[0\]\.contentUrl\)/],
    ['a scheme in validDomains', 'validDomains', input(set('validDomains', ['https://tab.example.org', '*.bots.example.org'])), /host name only/],
    ['an SSO resource for another app', 'sso', input(set('webApplicationInfo.resource', `api://tab.example.org/${APP}`)), /name the same Entra app/],
    ['an SSO resource of the wrong shape', 'sso', input(set('webApplicationInfo.resource', 'https://tab.example.org')), /api:\/\/<host>\/<client id>/],
    ['two static tabs with one entity id', 'entityIds', input((m) => { (m.staticTabs as unknown[]).push({ entityId: 'myActions', scopes: ['personal'] }); }), /used twice/],
    ['a colour icon of the wrong size', 'colorIcon', input(undefined, { 'color.png': square(96, [0, 94, 184, 255]) }), /color\.png is 96×96; it must be 192×192/],
    ['an outline icon of the wrong size', 'outlineIcon', input(undefined, { 'outline.png': square(48, [255, 255, 255, 0], [255, 255, 255, 255]) }), /outline\.png is 48×48; it must be 32×32/],
    ['an opaque outline icon', 'outlineIcon', input(undefined, { 'outline.png': square(32, [255, 255, 255, 255]) }), /no transparent pixel/],
    ['a coloured outline icon', 'outlineIcon', input(undefined, { 'outline.png': square(32, [255, 255, 255, 0], [0, 94, 184, 255]) }), /1 visible pixels that are not white/],
    ['an icon missing from the package', 'colorIcon', input(set('icons.color', 'colour.png')), /"colour\.png" is not in the package/],
    ['an icon that is not a PNG', 'colorIcon', input(undefined, { 'color.png': Buffer.from('<svg/>') }), /not a readable PNG/],
  ])('catches %s', (_what, rule, broken, message) => {
    const problems = RULES[rule]?.(broken) ?? [];
    expect(problems.join('\n')).toMatch(message);
    // The same input passes every other rule: each rule tests one thing.
    const others = Object.entries(RULES).filter(([name]) => name !== rule).flatMap(([, check]) => check(broken));
    expect(others).toEqual([]);
  });

  it('lets a wildcard cover hosts below it but not the bare domain', () => {
    const bare = input(undefined, {}, ['https://bots.example.org/api/messages']);
    expect(checkPackage(bare)).toEqual(['validDomains does not cover bots.example.org (the bot endpoint)']);
  });
});
