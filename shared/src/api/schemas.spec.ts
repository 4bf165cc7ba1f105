import { createInvitationRequestSchema, createLabRequestSchema, joinRequestSchema, loginRequestSchema } from '../index.js';

describe('request schemas', () => {
  test('login lower-cases the e-mail and refuses unknown fields', () => {
    expect(loginRequestSchema.parse({ email: 'A@Example.org', password: 'x' }).email).toBe('a@example.org');
    expect(loginRequestSchema.safeParse({ email: 'a@example.org', password: 'x', admin: true }).success).toBe(false);
  });
  test('a lab needs a name and unique, known languages', () => {
    expect(createLabRequestSchema.safeParse({ name: 'Lab', languages: ['nl', 'nl'] }).success).toBe(false);
    expect(createLabRequestSchema.safeParse({ name: 'Lab', languages: ['de'] }).success).toBe(false);
    expect(createLabRequestSchema.safeParse({ name: ' ', languages: ['nl'] }).success).toBe(false);
    expect(createLabRequestSchema.parse({ name: 'Lab Gent', languages: ['nl', 'fr'] }).description).toBe('');
  });
  test('a participant invitation cannot carry an e-mail or a professional role', () => {
    expect(createInvitationRequestSchema.safeParse({ kind: 'participant', role: 'family', email: 'x@y.be' }).success).toBe(false);
    expect(createInvitationRequestSchema.safeParse({ kind: 'participant', role: 'judge' }).success).toBe(false);
    expect(createInvitationRequestSchema.safeParse({ kind: 'professional', role: 'family', email: 'x@y.be' }).success).toBe(false);
    expect(createInvitationRequestSchema.safeParse({ kind: 'participant', role: 'returnee' }).success).toBe(true);
  });
  test('a join needs a display name of sensible length and a supported language', () => {
    expect(joinRequestSchema.safeParse({ code: 'ABCD-EFGH', displayName: 'M', language: 'fr' }).success).toBe(false);
    expect(joinRequestSchema.safeParse({ code: 'ABCD-EFGH', displayName: 'Moeder Z.', language: 'de' }).success).toBe(false);
    expect(joinRequestSchema.safeParse({ code: 'ABCD-EFGH', displayName: 'Moeder Z.', language: 'fr' }).success).toBe(true);
  });
});
