// Danger marked three ways at once — colour, icon and words — so it reads for colour-blind
// officers too; and a count of it that stays apart from the persons declared on board.
import { StatusIndicator } from '@cloudscape-design/components';
import { DANGER, SEVERITY, say } from '../catalogue';
import { useT } from '../i18n';

export function DangerMark({ danger, count }: { danger: string; count?: number }) {
  const { lang } = useT();
  const words = say(DANGER, danger, lang);
  return (
    <StatusIndicator type={danger === 'UNDECLARED' || danger === 'MISSING' ? 'error' : 'warning'}>
      {count === undefined ? words : `${words}: ${count}`}
    </StatusIndicator>
  );
}

export function SeverityMark({ severity, children }: { severity: string; children?: string }) {
  const { lang } = useT();
  const level = say(SEVERITY, severity, lang);
  const type = severity === 'HIGH' || severity === 'MAJOR' ? 'error' : severity === 'LOW' ? 'info' : 'warning';
  return <StatusIndicator type={type}>{children ? `${level} · ${children}` : level}</StatusIndicator>;
}
