import { useFormatter, useTranslations } from 'next-intl';
import { methodText } from '@/components/dashboard/payments/method-text';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import type { CustomerDetail } from '@/lib/dashboard/customer-detail';

type Method = CustomerDetail['paymentMethods'][number];

/** The payment methods saved for a customer, newest first: the card (brand, last four digits, expiry) or the debited account. */
export function PaymentMethodsCard({ methods }: { methods: Method[] }) {
  const t = useTranslations('Dashboard.customers.detail');
  const tPayments = useTranslations('Dashboard.payments');
  const format = useFormatter();
  const name = (m: Method) =>
    methodText(
      (key, values) => tPayments(`method.${key}`, values),
      m.card
        ? { type: 'card', brand: m.card.brand, last4: m.card.last4 }
        : m.sepaDebit
          ? { type: 'sepa_debit', last4: m.sepaDebit.last4, country: m.sepaDebit.country }
          : null,
    ) ?? m.type;
  return (
    <Card title={t('payment_methods')} className="mb-4">
      <DataTable
        caption={t('payment_methods_caption')}
        rows={methods}
        rowKey={(m) => m.id}
        empty={t('no_payment_methods')}
        columns={[
          { key: 'method', header: t('method'), className: 'whitespace-nowrap', cell: name },
          {
            key: 'expires',
            header: t('expires'),
            className: 'whitespace-nowrap',
            cell: (m) => (m.card ? t('expiry', { month: String(m.card.expMonth).padStart(2, '0'), year: String(m.card.expYear) }) : '—'),
          },
          {
            key: 'added',
            header: t('added'),
            className: 'whitespace-nowrap',
            cell: (m) => format.dateTime(m.created, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
          },
          { key: 'id', header: t('id'), cell: (m) => <code className="break-all text-xs">{m.id}</code> },
        ]}
      />
    </Card>
  );
}
