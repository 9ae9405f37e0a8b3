// The officer's home: what needs me now, at a glance. One read of the shift board route: reviews
// by deadline, ships coming and going in the chosen window, ships in port with their dangers, open
// alerts by severity, and the three zeros over the chosen period.
import {
  Box,
  ColumnLayout,
  Container,
  Grid,
  Header,
  Link,
  SegmentedControl,
  SpaceBetween,
  StatusIndicator,
} from '@cloudscape-design/components';
import { useEffect, useState } from 'react';
import { api, loadSession } from '../api';
import { type Label, useT } from '../i18n';
import { useLoad } from '../live';
import { zoneName } from '../time';
import { LoadError } from '../ui/LoadError';
import { AlertsPanel } from './shift/AlertsPanel';
import { FiguresPanel } from './shift/FiguresPanel';
import { InPortPanel } from './shift/InPortPanel';
import { MovementsPanel } from './shift/MovementsPanel';
import { ReviewsPanel } from './shift/ReviewsPanel';
import type { ShiftBoard as Board } from './shift/types';

const PERIODS: [string, Label][] = [
  ['1', 'today'],
  ['7', 'days7'],
  ['30', 'days30'],
];

/** The choice of window and period survives a reload: an officer sets it once per shift. */
function useStored(key: string, initial: string) {
  const [value, setValue] = useState(() => localStorage.getItem(key) ?? initial);
  useEffect(() => localStorage.setItem(key, value), [key, value]);
  return [value, setValue] as const;
}

/** Re-renders every half minute so countdowns and "in 2 h" stay true between loads. */
function useNow() {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function ShiftBoard() {
  const { t, lang } = useT();
  const port = loadSession()?.port ?? '';
  const [hours, setHours] = useStored('three-zeros-shift-hours', '12');
  const [days, setDays] = useStored('three-zeros-shift-days', '7');
  const now = useNow();
  const board = useLoad<Board>(
    () => api('GET', `/v1/ports/${port}/shift-board?hours=${hours}&days=${days}`),
    [port, hours, days],
  );
  const b = board.data;
  const period = t(PERIODS.find(([id]) => id === days)?.[1] ?? 'days7');
  const dangerCount = (b?.inPort ?? []).reduce(
    (n, s) => n + s.counts.undeclared + s.counts.overdue + s.counts.missing,
    0,
  );
  const summary: [Label, number, string, boolean][] = b
    ? [
        ['reviewsWaiting', b.reviews.length, '#shift-reviews', false],
        ['openAlerts', b.alerts.items.length, '#shift-alerts', b.alerts.counts.HIGH > 0],
        ['comingAndGoing', b.movements.length, '#shift-movements', false],
        ['shipsInPort', b.inPort.length, '#shift-in-port', false],
        ['persons', dangerCount, '#shift-in-port', dangerCount > 0],
      ]
    : [];
  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header
            variant="h1"
            description={`${t('timeZone')} ${zoneName(lang)}`}
            actions={
              <SpaceBetween direction="horizontal" size="s" alignItems="center">
                <SegmentedControl
                  label={t('window')}
                  selectedId={hours}
                  onChange={({ detail }) => setHours(detail.selectedId)}
                  options={['6', '12', '24', '72'].map((h) => ({
                    id: h,
                    text: `${h} ${t('hoursShort')}`,
                    iconAlt: `${t('window')} ${h} ${t('hoursShort')}`,
                  }))}
                />
                <SegmentedControl
                  label={t('period')}
                  selectedId={days}
                  onChange={({ detail }) => setDays(detail.selectedId)}
                  options={PERIODS.map(([id, label]) => ({ id, text: t(label) }))}
                />
              </SpaceBetween>
            }
          >
            {`${t('shiftBoard')} · ${port}`}
          </Header>
        }
      >
        {board.loading && !b ? (
          <StatusIndicator type="loading">{t('loading')}</StatusIndicator>
        ) : (
          <ColumnLayout columns={5} variant="text-grid" minColumnWidth={120}>
            {summary.map(([label, count, href, danger]) => (
              <div key={label}>
                <Box variant="awsui-key-label">
                  <Link href={href} onFollow={(e) => (e.preventDefault(), focusPanel(href))}>
                    {label === 'persons' ? `${t('overdue')} · ${t('missing')} · ${t('undeclared')}` : t(label)}
                  </Link>
                </Box>
                {danger ? (
                  <StatusIndicator type="error">
                    <Box variant="awsui-value-large" tagOverride="span" color="text-status-error">
                      {count}
                    </Box>
                  </StatusIndicator>
                ) : (
                  <Box variant="awsui-value-large">{count}</Box>
                )}
              </div>
            ))}
          </ColumnLayout>
        )}
      </Container>
      <LoadError what={t('shiftBoard')} loaded={board} />
      {b && (
        <Grid
          gridDefinition={[
            { colspan: { default: 12, l: 6 } },
            { colspan: { default: 12, l: 6 } },
            { colspan: { default: 12, l: 6 } },
            { colspan: { default: 12, l: 6 } },
            { colspan: 12 },
          ]}
        >
          <section id="shift-reviews" tabIndex={-1} aria-label={t('reviewsWaiting')}>
            <ReviewsPanel reviews={b.reviews} now={now} onDone={board.reload} />
          </section>
          <section id="shift-alerts" tabIndex={-1} aria-label={t('openAlerts')}>
            <AlertsPanel alerts={b.alerts} now={now} onDone={board.reload} />
          </section>
          <section id="shift-movements" tabIndex={-1} aria-label={t('comingAndGoing')}>
            <MovementsPanel movements={b.movements} now={now} hours={b.hours} />
          </section>
          <section id="shift-in-port" tabIndex={-1} aria-label={t('shipsInPort')}>
            <InPortPanel ships={b.inPort} now={now} />
          </section>
          <FiguresPanel board={b} period={period} />
        </Grid>
      )}
    </SpaceBetween>
  );
}

// The hash routes pages, so in-page jumps move focus instead of changing the address.
function focusPanel(href: string) {
  const target = document.getElementById(href.slice(1));
  target?.scrollIntoView({ block: 'start' });
  target?.focus();
}
