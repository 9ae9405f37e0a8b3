// The arrival wizard's form steps: general declaration (FAL 1), health (Maritime Declaration of
// Health) and security (ISPS); each field shows the API's message for its path.
import {
  Box,
  Button,
  Checkbox,
  ColumnLayout,
  Container,
  DatePicker,
  FormField,
  Header,
  Input,
  KeyValuePairs,
  Select,
  SpaceBetween,
  TimeInput,
} from '@cloudscape-design/components';
import { useState } from 'react';
import { fromPortTime, toPortTime } from '../fields';
import type { FieldErrors } from '../fields';
import { useWords } from '../use-words';
import type { Word } from '../words';
import type { ArrivalDraft } from './draft';

type Props = { draft: ArrivalDraft; onChange: (d: ArrivalDraft) => void; errors: FieldErrors };
const LEVELS = [1, 2, 3] as const;

function useField(errors: FieldErrors) {
  const { w } = useWords();
  return (path: string, word: Word, control: React.ReactNode) => (
    <FormField label={w(word)} errorText={errors[path]} i18nStrings={{ errorIconAriaLabel: w('problems') }}>
      {control}
    </FormField>
  );
}

function Level({ value, onChange, label }: { value: number; onChange: (n: 1 | 2 | 3) => void; label: string }) {
  const option = (n: number) => ({ value: String(n), label: String(n) });
  return (
    <Select
      ariaLabel={label}
      selectedOption={option(value)}
      onChange={({ detail }) => onChange(Number(detail.selectedOption.value) as 1 | 2 | 3)}
      options={LEVELS.map(option)}
    />
  );
}

export function GeneralStep({ draft, onChange, errors }: Props) {
  const { w } = useWords();
  const field = useField(errors);
  const g = draft.general;
  const setG = (patch: Partial<ArrivalDraft['general']>) => onChange({ ...draft, general: { ...g, ...patch } });
  const ports = g.lastPortsOfCall;
  const setPort = (i: number, patch: Partial<(typeof ports)[number]>) =>
    setG({ lastPortsOfCall: ports.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">{w('stepGeneral')}</Header>}>
        <SpaceBetween size="m">
          <ColumnLayout columns={2}>
            {field(
              'general.masterName',
              'masterName',
              <Input value={g.masterName} onChange={({ detail }) => setG({ masterName: detail.value })} />,
            )}
            {field(
              'general.cargoSummary',
              'cargoSummary',
              <Input
                value={g.cargoSummary ?? ''}
                onChange={({ detail }) => setG({ cargoSummary: detail.value || undefined })}
              />,
            )}
          </ColumnLayout>
          <Box variant="small" color="text-body-secondary">
            {w('countsFromLists')}
          </Box>
          <KeyValuePairs
            columns={3}
            items={[
              { label: w('crewCount'), value: String(draft.crew.length) },
              { label: w('passengerCount'), value: String(draft.passengers.length) },
              { label: w('personsOnBoard'), value: String(draft.crew.length + draft.passengers.length) },
            ]}
          />
        </SpaceBetween>
      </Container>
      <Container
        header={
          <Header
            variant="h2"
            actions={
              <Button
                disabled={ports.length >= 10}
                onClick={() => setG({ lastPortsOfCall: [...ports, { port: '', departed: '', securityLevel: 1 }] })}
              >
                {w('addPort')}
              </Button>
            }
          >
            {w('lastPorts')}
          </Header>
        }
      >
        <SpaceBetween size="s">
          {ports.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
            <ColumnLayout key={i} columns={4}>
              {field(
                `general.lastPortsOfCall.${i}.port`,
                'portCode',
                <Input value={p.port} onChange={({ detail }) => setPort(i, { port: detail.value.toUpperCase() })} />,
              )}
              {field(
                `general.lastPortsOfCall.${i}.departed`,
                'departedAt',
                <UtcInstant value={p.departed} onChange={(departed) => setPort(i, { departed })} />,
              )}
              {field(
                `general.lastPortsOfCall.${i}.securityLevel`,
                'securityLevel',
                <Level
                  label={w('securityLevel')}
                  value={p.securityLevel}
                  onChange={(n) => setPort(i, { securityLevel: n })}
                />,
              )}
              <Button onClick={() => setG({ lastPortsOfCall: ports.filter((_, j) => j !== i) })}>{w('remove')}</Button>
            </ColumnLayout>
          ))}
        </SpaceBetween>
      </Container>
    </SpaceBetween>
  );
}

/** A day and a time in UTC (ports called at are in every zone); the instant once both are whole. */
function UtcInstant({ value, onChange }: { value: string; onChange: (iso: string) => void }) {
  const { w } = useWords();
  const [parts, setParts] = useState(() => (value ? toPortTime(value, 'UTC') : { date: '', time: '' }));
  const set = (patch: Partial<typeof parts>) => {
    const next = { ...parts, ...patch };
    setParts(next);
    onChange(fromPortTime(next.date, next.time, 'UTC') ?? '');
  };
  return (
    <SpaceBetween direction="horizontal" size="xxs">
      <DatePicker
        value={parts.date}
        onChange={({ detail }) => set({ date: detail.value })}
        placeholder={w('dateHint')}
        ariaLabel={`${w('departedAt')}: ${w('dateHint')}`}
        openCalendarAriaLabel={(selected) => `${w('departedAt')} ${selected ?? ''}`}
      />
      <TimeInput
        value={parts.time}
        onChange={({ detail }) => set({ time: detail.value })}
        format="hh:mm"
        placeholder={w('timeHint')}
        ariaLabel={`${w('departedAt')}: ${w('timeHint')}`}
      />
    </SpaceBetween>
  );
}

function DateField({ value, onChange, label }: { value: string; onChange: (v: string) => void; label: string }) {
  const { w } = useWords();
  return (
    <DatePicker
      value={value}
      onChange={({ detail }) => onChange(detail.value)}
      placeholder={w('dateHint')}
      ariaLabel={label}
      openCalendarAriaLabel={(selected) => `${label} ${selected ?? ''}`}
    />
  );
}

export function HealthStep({ draft, onChange, errors }: Props) {
  const { w } = useWords();
  const field = useField(errors);
  const h = draft.health;
  const setH = (patch: Partial<ArrivalDraft['health']>) => onChange({ ...draft, health: { ...h, ...patch } });
  const flags = ['deathsOnBoard', 'illnessSuspectedInfectious', 'stowaways', 'sickAnimals', 'visitedAffectedAreas'];
  const words: Record<string, Word> = {
    deathsOnBoard: 'deaths',
    illnessSuspectedInfectious: 'infectious',
    stowaways: 'stowaways',
    sickAnimals: 'sickAnimals',
    visitedAffectedAreas: 'affectedAreas',
  };
  return (
    <Container header={<Header variant="h2">{w('stepHealth')}</Header>}>
      <SpaceBetween size="m">
        {field(
          'health.sanitationCertificateValidUntil',
          'sanitationUntil',
          <DateField
            label={w('sanitationUntil')}
            value={h.sanitationCertificateValidUntil}
            onChange={(v) => setH({ sanitationCertificateValidUntil: v })}
          />,
        )}
        {flags.map((f) => (
          <Checkbox
            key={f}
            checked={h[f as keyof typeof h] === true}
            onChange={({ detail }) => setH({ [f]: detail.checked })}
          >
            {w(words[f]!)}
          </Checkbox>
        ))}
        {field(
          'health.illPersonsCount',
          'illCount',
          <Input
            type="number"
            inputMode="numeric"
            value={String(h.illPersonsCount)}
            onChange={({ detail }) => setH({ illPersonsCount: Number(detail.value) })}
          />,
        )}
      </SpaceBetween>
    </Container>
  );
}

export function SecurityStep({ draft, onChange, errors }: Props) {
  const { w } = useWords();
  const field = useField(errors);
  const s = draft.security;
  const setS = (patch: Partial<ArrivalDraft['security']>) => onChange({ ...draft, security: { ...s, ...patch } });
  const cso = s.companySecurityOfficer;
  return (
    <Container header={<Header variant="h2">{w('stepSecurity')}</Header>}>
      <SpaceBetween size="m">
        <ColumnLayout columns={2}>
          {field(
            'security.isscValidUntil',
            'isscUntil',
            <DateField label={w('isscUntil')} value={s.isscValidUntil} onChange={(v) => setS({ isscValidUntil: v })} />,
          )}
          {field(
            'security.securityLevel',
            'securityLevel',
            <Level label={w('securityLevel')} value={s.securityLevel} onChange={(n) => setS({ securityLevel: n })} />,
          )}
          {field(
            'security.companySecurityOfficer.name',
            'csoName',
            <Input
              value={cso.name}
              onChange={({ detail }) => setS({ companySecurityOfficer: { ...cso, name: detail.value } })}
            />,
          )}
          {field(
            'security.companySecurityOfficer.phone',
            'csoPhone',
            <Input
              type="text"
              inputMode="tel"
              value={cso.phone}
              onChange={({ detail }) => setS({ companySecurityOfficer: { ...cso, phone: detail.value } })}
            />,
          )}
        </ColumnLayout>
        <Checkbox
          checked={s.shipSecurityPlanOnBoard}
          onChange={({ detail }) => setS({ shipSecurityPlanOnBoard: detail.checked })}
        >
          {w('sspOnBoard')}
        </Checkbox>
      </SpaceBetween>
    </Container>
  );
}
