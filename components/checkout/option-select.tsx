'use client';

import type { SelectHTMLAttributes } from 'react';
import { SelectField } from '@/components/ui/select-field';

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: string;
  options: readonly { code: string; name: string }[];
  placeholder: string;
  error?: string | null;
};

/** A labelled select of coded options (countries, a country's subdivisions), named and sorted by the server, with a first empty choice. */
export function OptionSelect({ options, placeholder, ...select }: Props) {
  return (
    <SelectField {...select}>
      <option value="">{placeholder}</option>
      {options.map((o) => (
        <option key={o.code} value={o.code}>
          {o.name}
        </option>
      ))}
    </SelectField>
  );
}
