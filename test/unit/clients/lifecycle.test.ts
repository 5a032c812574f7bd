// The lifecycle rules: who may deactivate, reactivate or delete which customer, in which état, and
// what happens when someone was quicker.
import type { User } from '../../../src/auth/users-repository';
import { lifecycleService, type LifecycleAction } from '../../../src/clients/customer/lifecycle';
import type { ClientRecord, ClientsRepository, ClientState } from '../../../src/clients/repository';

const partner = { id: 1, companyId: 10, role: 'partner' } as User;
const otherPartner = { id: 2, companyId: 20, role: 'partner' } as User;
const staff = { id: 3, companyId: 99, role: 'staff' } as User;

const client = (state: ClientState, version = 3): ClientRecord =>
  ({ id: 5, companyId: 10, state, version }) as ClientRecord;

/** A repository that answers as the database would: the write happens, or someone was quicker. */
function fakeClients(opts: { writes: boolean; current?: ClientRecord }) {
  const calls: string[] = [];
  const repository = {
    changeState: async (_id: number, change: { to: ClientState; action: string }) => {
      calls.push(`${change.action} → ${change.to}`);
      return opts.writes;
    },
    deleteDraft: async () => {
      calls.push('delete');
      return opts.writes;
    },
    find: async () => opts.current,
  } as unknown as ClientsRepository;
  return { repository, calls };
}

describe('allowed', () => {
  const { repository } = fakeClients({ writes: true });
  const lifecycle = lifecycleService(repository);
  it.each<[string, User, LifecycleAction, boolean]>([
    ['the partner deactivates its own customer', partner, 'deactivate', true],
    ['another partner may not', otherPartner, 'deactivate', false],
    ['staff deactivates any partner’s', staff, 'deactivate', true],
    ['staff reactivates any partner’s', staff, 'reactivate', true],
    ['the partner deletes its own draft', partner, 'delete', true],
    ['staff may not delete a partner’s draft', staff, 'delete', false],
  ])('%s', (_rule, user, action, allowed) => {
    expect(lifecycle.allowed(user, client('active'), action)).toBe(allowed);
  });
});

describe('status', () => {
  const lifecycle = lifecycleService(fakeClients({ writes: true }).repository);
  it.each<[LifecycleAction, ClientState, string]>([
    ['deactivate', 'active', 'applies'],
    ['deactivate', 'inactive', 'already'],
    ['deactivate', 'draft', 'refused'],
    ['reactivate', 'inactive', 'applies'],
    ['reactivate', 'active', 'already'],
    ['delete', 'draft', 'applies'],
    ['delete', 'active', 'refused'],
  ])('%s a customer « %s »: %s', (action, state, expected) => {
    expect(lifecycle.status(client(state), action)).toBe(expected);
  });
});

describe('apply', () => {
  it('writes over the version the confirmation showed, with its history event', async () => {
    const { repository, calls } = fakeClients({ writes: true });
    const outcome = await lifecycleService(repository).apply(partner, client('active'), 'deactivate', 3);
    expect(outcome).toEqual({ kind: 'done' });
    expect(calls).toEqual(['deactivated → inactive']);
  });

  it('writes nothing over a newer version', async () => {
    const { repository, calls } = fakeClients({ writes: true });
    const outcome = await lifecycleService(repository).apply(partner, client('active', 4), 'deactivate', 3);
    expect(outcome).toEqual({ kind: 'stale', current: client('active', 4) });
    expect(calls).toEqual([]);
  });

  it('says « already » when someone else did the same in between, « stale » for anything else', async () => {
    const same = fakeClients({ writes: false, current: client('inactive', 4) });
    expect(await lifecycleService(same.repository).apply(staff, client('active'), 'deactivate', 3)).toEqual({
      kind: 'already',
    });
    const other = fakeClients({ writes: false, current: client('active', 4) });
    expect(await lifecycleService(other.repository).apply(staff, client('active'), 'deactivate', 3)).toEqual({
      kind: 'stale',
      current: client('active', 4),
    });
  });

  it('refuses to delete what is no longer a draft, and treats a draft deleted meanwhile as done', async () => {
    const { repository, calls } = fakeClients({ writes: false });
    const lifecycle = lifecycleService(repository);
    expect(await lifecycle.apply(partner, client('active'), 'delete', 3)).toEqual({ kind: 'refused' });
    expect(calls).toEqual([]);
    expect(await lifecycle.apply(partner, client('draft'), 'delete', 3)).toEqual({ kind: 'done' });
  });
});
