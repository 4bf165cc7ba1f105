import { SECTORS, SECTOR_IDS, STAKEHOLDER_GROUPS, stakeholderOf } from '../index.js';

describe('sectors', () => {
  test('every sector has a known stakeholder group and a tier from 1 to 3', () => {
    for (const id of SECTOR_IDS) {
      expect(STAKEHOLDER_GROUPS).toContain(SECTORS[id].group);
      expect([1, 2, 3]).toContain(SECTORS[id].tier);
    }
  });
  test('families and returnees are community tier whatever sector is sent', () => {
    expect(stakeholderOf({ role: 'family', sector: 'judge' })).toEqual({ group: 'family', tier: 1 });
    expect(stakeholderOf({ role: 'returnee' })).toEqual({ group: 'returnee', tier: 1 });
  });
  test('a judge is an authority, a social worker a frontline professional', () => {
    expect(stakeholderOf({ role: 'practitioner', sector: 'judge' })?.tier).toBe(3);
    expect(stakeholderOf({ role: 'practitioner', sector: 'social_worker' })?.tier).toBe(2);
    expect(stakeholderOf({ role: 'observer', sector: null })).toBeNull();
  });
});
