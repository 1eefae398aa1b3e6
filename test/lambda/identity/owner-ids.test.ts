import assert from 'node:assert/strict';
import { ownerIdSchema } from '../../../common/contracts';
import { accountOwnerId, personOwnerId } from '../../../lambda/identity/owner-ids';

describe('owner ids from Alexa identities', () => {
  it('an LWA user id becomes lwa_<user_id>, a valid owner id', () => {
    assert.equal(accountOwnerId('amzn1.account.K2LI23KL2LK2'), 'lwa_amzn1.account.K2LI23KL2LK2');
    assert.equal(ownerIdSchema.safeParse(accountOwnerId('amzn1.account.K2LI23KL2LK2')).success, true);
  });

  it('a user id outside the owner id alphabet is hashed, stably', () => {
    const odd = accountOwnerId('amzn1.account/with spaces+slashes');
    assert.match(odd, /^lwa_[0-9a-f]{32}$/);
    assert.equal(accountOwnerId('amzn1.account/with spaces+slashes'), odd);
    assert.match(accountOwnerId('x'.repeat(400)), /^lwa_[0-9a-f]{32}$/);
  });

  it('a person gets <account owner>.person_<16 hex>, distinct per person and within 255 characters', () => {
    const account = accountOwnerId('amzn1.account.K2LI23KL2LK2');
    const grandma = personOwnerId(account, `amzn1.ask.person.${'G'.repeat(230)}`);
    const alex = personOwnerId(account, 'amzn1.ask.person.ALEX');
    assert.match(grandma, /^lwa_amzn1\.account\.K2LI23KL2LK2\.person_[0-9a-f]{16}$/);
    assert.notEqual(grandma, alex);
    for (const owner of [grandma, alex, personOwnerId(accountOwnerId('y'.repeat(200)), 'p')]) {
      assert.equal(ownerIdSchema.safeParse(owner).success, true, owner);
    }
  });
});
