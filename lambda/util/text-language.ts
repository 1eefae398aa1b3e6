/** The language the library reads a request's words in: German for a German device, else English (the default). */
export function textLanguageOf(locale: string): 'de' | undefined {
  return locale.toLowerCase().startsWith('de') ? 'de' : undefined;
}
