import type { VocabularyLanguage } from '../../common/vocabulary';

/** The language a request's words are in: German for a German device, else English. */
export function languageOf(locale: string): VocabularyLanguage {
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}
