// Success and failure messages after an action, shown at the top of the page until dismissed
// (successes fade after a while): an officer always learns how an action ended.
import { Flashbar, type FlashbarProps } from '@cloudscape-design/components';
import { useSyncExternalStore } from 'react';
import { useT } from '../i18n';

let items: FlashbarProps.MessageDefinition[] = [];
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
let next = 0;

export function flash(type: 'success' | 'error', header: string, content?: string) {
  const id = `flash-${(next += 1)}`;
  const dismiss = () => {
    items = items.filter((i) => i.id !== id);
    emit();
  };
  items = [{ id, type, header, content, dismissible: true, onDismiss: dismiss }, ...items].slice(0, 3);
  emit();
  if (type === 'success') setTimeout(dismiss, 10_000);
}

export function Flashes() {
  const { t } = useT();
  const current = useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => items,
  );
  return (
    <Flashbar
      items={current.map((i) => ({ ...i, dismissLabel: t('cancel') }))}
      i18nStrings={{
        ariaLabel: t('alerts'),
        successIconAriaLabel: t('decided'),
        errorIconAriaLabel: t('actionFailed'),
      }}
    />
  );
}
