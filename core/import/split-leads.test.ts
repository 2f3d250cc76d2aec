import { describe, expect, it } from 'vitest';
import { splitLeads } from './split-leads.js';

describe('splitLeads', () => {
  it.each([
    ['Deputy Medical Director', ['Deputy Medical Director']],
    ['Divisional Director & Clinical Director', ['Divisional Director', 'Clinical Director']],
    ['Associate Director Community Services /Head of Learning and Development', ['Associate Director Community Services', 'Head of Learning and Development']],
    ['Estates Manager/Policy Sponsor/MHA Manager', ['Estates Manager', 'Policy Sponsor', 'MHA Manager']],
    ['Head Of Patient Safety and Risk /Medical Director', ['Head Of Patient Safety and Risk', 'Medical Director']],
    ['Joint Local Authority/ CCG Lead', ['Joint Local Authority/CCG Lead']],
    ['Quality Improvement Facilitator – Patient Safety and Quality Leads', ['Quality Improvement Facilitator – Patient Safety', 'Quality Leads']],
    ['Director of Nursing, Deputy Director of Nursing and Assistant Quality Manager', ['Director of Nursing', 'Deputy Director of Nursing', 'Assistant Quality Manager']],
    ['Medical Director for Community services and the Trust Director of Therapies', ['Medical Director for Community services', 'Trust Director of Therapies']],
    ['Executive Director of Performance, NHSE/I London', ['Executive Director of Performance, NHSE/I London']],
    ['CEO with CCG / County CCGs', ['CEO with CCG/County CCGs']],
    ['Set by the Local Authority', ['Set by the Local Authority']],
    [
      'Clinical Director\nNorth Mental Health Directorate\n\nService Director\nNorth Mental Health Directorate',
      ['Clinical Director, North Mental Health Directorate', 'Service Director, North Mental Health Directorate'],
    ],
    ['Lead Nurse\nLead Nurse', ['Lead Nurse']],
    ['', []],
  ])('%j', (cell, roles) => {
    expect(splitLeads(cell)).toEqual(roles);
  });
});
