import { AuditService } from '../src/modules/audit/audit.service.js';
import { TestApp } from './support/test-app.js';

describe('audit log', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    const { labId, facilitator } = await app.lab('Auditlab');
    await app.member(labId, facilitator, 'family');
    await app.member(labId, facilitator, 'practitioner');
    await facilitator.patch(`/api/labs/${labId}`, { description: 'Geheime inhoud die niet in de audit mag' });
    await app.anonymous().post('/api/auth/login').send({ email: 'onbekend@test.relab.example', password: 'fout wachtwoord' });
  });
  afterAll(() => app.stop());

  test('records who did what to which resource, including failures', async () => {
    const actions = (await app.auditActions()).map((a) => `${a.action}:${a.outcome}`);
    expect(actions).toEqual(expect.arrayContaining([
      'auth.login:success', 'lab.created:success', 'invitation.created:success', 'member.joined:success',
      'lab.updated:success', 'auth.login_failed:denied',
    ]));
  });

  test('never holds content, e-mail addresses or display names', async () => {
    const dump = JSON.stringify(await app.db.query(`SELECT * FROM audit_log`));
    expect(dump).not.toContain('Geheime inhoud');
    expect(dump).not.toContain('@test.relab.example');
    expect(dump).not.toContain('Pseudo');
    expect(dump).not.toContain('Auditlab');
  });

  test('the database refuses to update, delete or truncate audit rows', async () => {
    await expect(app.db.query(`UPDATE audit_log SET action = 'nothing' WHERE id = (SELECT min(id) FROM audit_log)`)).rejects.toThrow(/append-only/);
    await expect(app.db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(app.db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  test('the database sets the hash chain itself: forged hashes in an insert are overwritten', async () => {
    await app.db.query(`INSERT INTO audit_log (id, at, action, outcome, prev_hash, hash) VALUES (1, now(), 'forged', 'success', 'x', 'y')`);
    const [row] = await app.db.query(`SELECT prev_hash, hash FROM audit_log WHERE action = 'forged'`);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.prev_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await app.app.get(AuditService).verifyChain()).ok).toBe(true);
  });

  test('concurrent writes keep one unbroken chain', async () => {
    const audit = app.app.get(AuditService);
    await Promise.all(Array.from({ length: 20 }, (_, i) => audit.record({ actorId: null, labId: null, action: `burst ${i}`, resourceType: null, resourceId: null, outcome: 'success' })));
    const check = await audit.verifyChain();
    expect(check.ok).toBe(true);
    expect(check.rows).toBeGreaterThan(20);
  });

  test('tampering by someone who bypasses the triggers is detected at the row it happened', async () => {
    const audit = app.app.get(AuditService);
    const [victim] = await app.db.query(`SELECT id::text AS id FROM audit_log WHERE action = 'lab.updated'`);
    // only a database owner can do this; the chain still shows it
    await app.db.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await app.db.query(`UPDATE audit_log SET actor_id = NULL WHERE id = $1`, [victim.id]);
    await app.db.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    const check = await audit.verifyChain();
    expect(check.ok).toBe(false);
    expect(check.brokenAt).toBe(victim.id);
  });
});
