// The portal's words in the language the shell chose.
import { useT } from '../i18n';
import { type Word, say } from './words';

export function useWords() {
  const { lang } = useT();
  return { lang, w: (key: Word, values: Record<string, string | number> = {}) => say(key, lang, values) };
}
