import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';

describe('accounts in the store', () => {
  it('keeps users, sessions until they expire, token hashes, and the audit log newest first', () => {
    let now = new Date('2021-01-05T02:00:00Z');
    const store = openStore(':memory:', { create: true, clock: () => now });
    store.bodies.upsert({
      id: 't-a',
      name: '甲镇',
      level: 'township',
      parentId: null,
      role: null,
      aliases: [],
      extra: {},
    });
    const user = store.accounts.addUser({
      name: 'a',
      role: 'township',
      bodyId: 't-a',
      passwordHash: 'scrypt$x',
    });
    expect(store.accounts.userByName('a')).toMatchObject({
      id: user.id,
      bodyId: 't-a',
      passwordHash: 'scrypt$x',
    });
    expect(() =>
      store.accounts.addUser({ name: 'b', role: 'township', bodyId: null, passwordHash: 'x' }),
    ).toThrow();
    store.accounts.addSession({
      tokenSha256: 's1',
      userId: user.id,
      csrf: 'c',
      expiresAt: '2021-01-05T14:00:00Z',
    });
    expect(store.accounts.session('s1', now.toISOString())?.user.name).toBe('a');
    expect(store.accounts.session('s1', '2021-01-05T14:00:01Z')).toBeUndefined();
    store.accounts.setActive(user.id, false);
    expect(store.accounts.session('s1', now.toISOString())).toBeUndefined();
    expect(store.accounts.pruneSessions('2021-01-06T00:00:00Z')).toBe(1);
    const token = store.accounts.addToken({
      tokenSha256: 't1',
      name: 'api',
      role: 'evaluator',
      bodyId: null,
    });
    expect(store.accounts.token('t1')?.id).toBe(token.id);
    store.accounts.revokeToken(token.id);
    expect(store.accounts.token('t1')).toBeUndefined();
    store.accounts.audit({ actor: 'a', action: 'review.add', target: '12', detail: { items: [] } });
    now = new Date('2021-01-05T03:00:00Z');
    store.accounts.audit({ actor: 'b', action: 'claim.confirm' });
    expect(store.accounts.auditLog().map((e) => e.action)).toEqual(['claim.confirm', 'review.add']);
    expect(store.accounts.auditLog({ actor: 'a' })).toMatchObject([{ target: '12', detail: { items: [] } }]);
    expect(store.accounts.auditLog({ limit: 1 })).toHaveLength(1);
    store.close();
  });
});
