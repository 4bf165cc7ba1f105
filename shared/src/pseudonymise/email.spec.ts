import { describe, expect, it } from '@jest/globals';
import { detectEmails } from './email.js';

describe('detectEmails', () => {
  it('finds addresses and keys them lowercase', () => {
    const text = 'Mail naar Yasmina.El-Amrani+relab@Example.be of k.benali@caw-oost.vlaanderen.';
    const found = detectEmails(text);
    expect(found.map((d) => d.text)).toEqual(['Yasmina.El-Amrani+relab@Example.be', 'k.benali@caw-oost.vlaanderen']);
    expect(found[0]).toMatchObject({ kind: 'email', confidence: 'certain', key: 'email:yasmina.el-amrani+relab@example.be' });
  });
  it('finds addresses with accents and folds them in the key', () => {
    const found = detectEmails('écrire à hélène@exemple.fr');
    expect(found.map((d) => d.key)).toEqual(['email:helene@exemple.fr']);
  });
  it('ignores things that only look a bit like e-mail addresses', () => {
    expect(detectEmails('@karim op Twitter, prijs 5@10, a@b, naam@domein, .x@y.be')).toEqual([]);
  });
});
