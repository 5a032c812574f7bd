// Customers in volume for the list's tests, written by the seed's own code (db:seed) for one partner.
import { seedBatch } from '../../src/seed/customers';
import { randomSource } from '../../src/seed/values';
import { seedRepository } from '../../src/seed/repository';
import type { TestApp } from './test-app';

/** `count` realistic customers for the partner of this user; returns their ids. */
export async function seedCustomers(
  t: TestApp,
  user: { email: string; company: string },
  count: number,
  seed = 1,
): Promise<number[]> {
  const repository = seedRepository(t.db);
  const partners = await repository.partners([{ name: user.company, email: user.email }], 'inutilisé');
  const firstId = await repository.nextClientId();
  const batch = seedBatch(randomSource(seed), partners, firstId, count, Date.now());
  await repository.bulkLoad(
    (write) => write(batch),
    () => {},
  );
  return Array.from({ length: count }, (_, i) => firstId + i);
}
