// A request that failed says so — what could not be loaded, why, and a way to try again — instead
// of looking like an empty list.
import { Alert, Button } from '@cloudscape-design/components';
import { useT } from '../i18n';
import type { Loaded } from '../live';

const WHY = {
  0: { en: 'The server could not be reached.', zh: '无法连接服务器。' },
  401: { en: 'Your sign-in has expired.', zh: '登录已过期。' },
  403: { en: 'Your account may not see this.', zh: '您的账号无权查看。' },
  404: { en: 'It does not exist (or not at your port).', zh: '记录不存在（或不属于本口岸）。' },
} as const;

export function LoadError({
  what,
  loaded,
}: {
  what: string;
  loaded: Pick<Loaded<unknown>, 'error' | 'errorStatus' | 'reload'>;
}) {
  const { t, lang } = useT();
  if (!loaded.error) return null;
  const why = WHY[loaded.errorStatus as keyof typeof WHY];
  return (
    <Alert
      type="error"
      header={`${t('failedToLoad')}: ${what}`}
      action={<Button onClick={loaded.reload}>{t('retry')}</Button>}
    >
      {why ? `${why[lang]} ` : ''}
      {loaded.error}
    </Alert>
  );
}
