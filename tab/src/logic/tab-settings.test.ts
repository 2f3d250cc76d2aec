import { describe, expect, it } from 'vitest';
import { settingsFor, TAB_NAME_MAX } from './tab-settings.js';

describe('settingsFor', () => {
  it('points the channel tab at the plan view', () => {
    expect(settingsFor({ id: 'p 1', title: 'Homicide review' }, 'https://ft.example.nhs.uk')).toEqual({
      contentUrl: 'https://ft.example.nhs.uk/tab/plans/p%201',
      websiteUrl: 'https://ft.example.nhs.uk/tab/plans/p%201',
      entityId: 'p 1',
      suggestedDisplayName: 'Homicide review',
    });
  });

  it('shortens a long title to fit Teams', () => {
    const name = settingsFor({ id: 'p', title: 'Action plan following the independent investigation into the care of Mr X' }, 'https://x').suggestedDisplayName;
    expect(name.length).toBeLessThanOrEqual(TAB_NAME_MAX);
    expect(name.endsWith('…')).toBe(true);
  });
});
