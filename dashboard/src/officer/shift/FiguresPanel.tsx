// The three zeros, each with what it means and what it is counted over, and the days behind them:
// a chart of ships that berthed (worked at once or waited) and departures due (on time or late).
import { BarChart, Box, ColumnLayout, Container, Header } from '@cloudscape-design/components';
import { useT } from '../../i18n';
import { duration } from '../../time';
import type { ShiftBoard } from './types';

type Count = { share: number | null; part: number; of: number };

function Figure({ label, count, means }: { label: string; count: Count; means: string }) {
  const { t } = useT();
  return (
    <div>
      <Box variant="awsui-key-label">{label}</Box>
      <Box variant="awsui-value-large">{count.share === null ? '—' : `${Math.round(count.share * 100)} %`}</Box>
      <Box variant="small">{count.of ? `${count.part} ${t('of')} ${count.of} ${means}` : t('nothingMeasured')}</Box>
    </div>
  );
}

export function FiguresPanel({ board, period }: { board: ShiftBoard; period: string }) {
  const { t, lang } = useT();
  const f = board.figures;
  const days = board.perDay.map((d) => d.day.slice(5));
  const series = (title: string, key: keyof ShiftBoard['perDay'][number], color: string) => ({
    title,
    type: 'bar' as const,
    color,
    data: board.perDay.map((d) => ({ x: d.day.slice(5), y: d[key] as number })),
  });
  return (
    <Container
      header={
        <Header variant="h2" description={period}>
          {t('threeZeros')}
        </Header>
      }
    >
      <ColumnLayout columns={4} variant="text-grid" minColumnWidth={160}>
        <Figure label={t('zeroWaiting')} count={f.zeroWaiting} means={t('zeroWaitingMeans')} />
        <Figure label={t('zeroDelay')} count={f.zeroDelay} means={t('zeroDelayMeans')} />
        <Figure label={t('contactless')} count={f.contactless} means={t('contactlessMeans')} />
        <div>
          <Box variant="awsui-key-label">{t('medianReview')}</Box>
          <Box variant="awsui-value-large">
            {f.medianMinutesInReview === null ? '—' : duration(f.medianMinutesInReview * 60_000, lang)}
          </Box>
          <Box variant="small">{`${f.reviewsDecided} ${t('medianReviewMeans')}`}</Box>
        </div>
      </ColumnLayout>
      <Box margin={{ top: 'l' }}>
        <Box variant="h3">{t('perDayChart')}</Box>
        <Box variant="small">{t('perDayChartHint')}</Box>
        <ColumnLayout columns={2} minColumnWidth={280}>
          {[
            [
              t('arrivalKind'),
              series(t('workedAtOnce'), 'arrivalsWithoutWaiting', '#037f0c'),
              series(t('waited'), 'arrivalsThatWaited', '#d91515'),
            ] as const,
            [
              t('departureKind'),
              series(t('onTime'), 'departuresOnTime', '#037f0c'),
              series(t('late'), 'departuresLate', '#d91515'),
            ] as const,
          ].map(([title, good, bad]) => (
            <BarChart
              key={title}
              stackedBars
              series={[good, bad]}
              xDomain={days}
              xTitle={`${title} · ${t('day')}`}
              yTitle={t('ships')}
              height={160}
              hideFilter
              ariaLabel={`${t('perDayChart')} · ${title}`}
              empty={<Box color="text-status-inactive">{t('nothingMeasured')}</Box>}
            />
          ))}
        </ColumnLayout>
      </Box>
    </Container>
  );
}
