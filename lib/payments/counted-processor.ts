import { metrics } from '@/lib/metrics/metrics';
import type { ChargeOutcome, PaymentProcessor } from './processor';

/**
 * A processor whose charges are counted by outcome (`caisse_payments_total`): the first charge of a card, a saved
 * method's charge and the end of a 3-D Secure challenge, whichever business action asked for them.
 */
export function countedProcessor(processor: PaymentProcessor): PaymentProcessor {
  const counted = async (answer: Promise<ChargeOutcome>) => {
    const outcome = await answer;
    metrics().payments.inc({ outcome: outcome.status, processor: processor.name });
    return outcome;
  };
  return {
    ...processor,
    charge: (req) => counted(processor.charge(req)),
    chargeSaved: (req) => counted(processor.chargeSaved(req)),
    completeAuthentication: (p) => counted(processor.completeAuthentication(p)),
  };
}
