import fc from 'fast-check';
import { ATTEMPT_LEASE_MS } from '../payment-state';
import { CARDS, type CardName } from './checkout-world';
import { Answer, Challenge, ConcurrentPays, Crash, Pay } from './pay-commands';
import { AdvanceClock, ApplyCode, ChangeQuantity, CreateSession, ExpireByApi, OpenPage, RemoveCode, Sweep } from './session-commands';

const index = fc.nat({ max: 3 });
const card = fc.constantFrom<CardName>('ok', 'ok', 'declined', 'challenge', 'challengeThenDeclined');

const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => Array.from({ length: weight }, () => arbitrary);

/** Every command, weighted so that payments, their answers and what races them dominate the sequences. */
export const commandArbitraries = [
  fc.integer({ min: 1800, max: 7200 }).map((s) => new CreateSession(s)),
  ...weighted(
    4,
    fc.tuple(index, card).map(([i, c]) => new Pay(i, c)),
  ),
  ...weighted(
    4,
    index.map((i) => new Answer(i, false)),
  ),
  index.map((i) => new Answer(i, true)),
  ...weighted(
    2,
    fc.tuple(index, fc.constantFrom<'complete' | 'fail'>('complete', 'complete', 'fail')).map(([i, r]) => new Challenge(i, r)),
  ),
  index.map((i) => new ExpireByApi(i)),
  index.map((i) => new OpenPage(i)),
  fc.tuple(index, fc.integer({ min: 0, max: 12 })).map(([i, q]) => new ChangeQuantity(i, q)),
  ...weighted(
    2,
    fc.tuple(index, fc.constantFrom<'singleUse' | 'twoUses'>('singleUse', 'twoUses')).map(([i, w]) => new ApplyCode(i, w)),
  ),
  index.map((i) => new RemoveCode(i)),
  ...weighted(
    2,
    index.map((i) => new Crash(i)),
  ),
  fc.constant(new Sweep()),
  ...weighted(
    2,
    fc
      .tuple(fc.constantFrom(1_000, 60_000, ATTEMPT_LEASE_MS + 1_000, 31 * 60_000, 2 * 3600_000), fc.boolean())
      .map(([ms, sweep]) => new AdvanceClock(ms, sweep)),
  ),
  ...weighted(
    2,
    fc.tuple(fc.array(index, { minLength: 2, maxLength: 3 }), card, fc.scheduler()).map(([is, c, s]) => new ConcurrentPays(is, c, s)),
  ),
];

export { CARDS };
