import ar from '@/messages/ar.json';
import bg from '@/messages/bg.json';
import cs from '@/messages/cs.json';
import da from '@/messages/da.json';
import de from '@/messages/de.json';
import el from '@/messages/el.json';
import en from '@/messages/en.json';
import enGB from '@/messages/en-GB.json';
import es from '@/messages/es.json';
import esLatam from '@/messages/es-419.json';
import et from '@/messages/et.json';
import fi from '@/messages/fi.json';
import fil from '@/messages/fil.json';
import fr from '@/messages/fr.json';
import frCA from '@/messages/fr-CA.json';
import he from '@/messages/he.json';
import hi from '@/messages/hi.json';
import hr from '@/messages/hr.json';
import hu from '@/messages/hu.json';
import id from '@/messages/id.json';
import it from '@/messages/it.json';
import ja from '@/messages/ja.json';
import ko from '@/messages/ko.json';
import lt from '@/messages/lt.json';
import lv from '@/messages/lv.json';
import ms from '@/messages/ms.json';
import mt from '@/messages/mt.json';
import nb from '@/messages/nb.json';
import nl from '@/messages/nl.json';
import pl from '@/messages/pl.json';
import pt from '@/messages/pt.json';
import ptBR from '@/messages/pt-BR.json';
import ro from '@/messages/ro.json';
import ru from '@/messages/ru.json';
import sk from '@/messages/sk.json';
import sl from '@/messages/sl.json';
import sv from '@/messages/sv.json';
import th from '@/messages/th.json';
import tr from '@/messages/tr.json';
import vi from '@/messages/vi.json';
import zh from '@/messages/zh.json';
import zhHK from '@/messages/zh-HK.json';
import zhTW from '@/messages/zh-TW.json';
import type { MessageLocale } from './locales';

/** The customer-facing messages of one locale, shaped as messages/en.json. */
export type MessageCatalogue = typeof en;

/**
 * Every locale's messages, imported statically: receipts, invoices and their emails and PDFs are rendered
 * outside any request (inside the payment's transaction, in the billing worker), and the bundler must see every file.
 */
export const CATALOGUES: Record<MessageLocale, MessageCatalogue> = {
  en,
  'en-GB': enGB,
  ar,
  bg,
  cs,
  da,
  de,
  el,
  es,
  'es-419': esLatam,
  et,
  fi,
  fil,
  fr,
  'fr-CA': frCA,
  he,
  hi,
  hr,
  hu,
  id,
  it,
  ja,
  ko,
  lt,
  lv,
  ms,
  mt,
  nb,
  nl,
  pl,
  pt,
  'pt-BR': ptBR,
  ro,
  ru,
  sk,
  sl,
  sv,
  th,
  tr,
  vi,
  zh,
  'zh-HK': zhHK,
  'zh-TW': zhTW,
};
