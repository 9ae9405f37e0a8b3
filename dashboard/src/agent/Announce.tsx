// Announce a call: the API's own schema and port-call rules check every field as the agent
// leaves it, and the server's 400/422 details land on the fields they name.
import {
  Button,
  ColumnLayout,
  Container,
  DatePicker,
  Form,
  FormField,
  Header,
  Input,
  Select,
  SpaceBetween,
  TimeInput,
} from '@cloudscape-design/components';
import { useState } from 'react';
import { announcementViolations } from '../../../functions/calls/rules.ts';
import { CallAnnouncement, VesselType } from '../../../functions/calls/schema.ts';
import { portTimeZone } from '../../../functions/port/time-zone.ts';
import { ApiError, api } from '../api';
import { zoneName } from '../time';
import { flash } from '../ui/flash';
import { type FieldErrors, detailsOf, fromPortTime, issuesOf } from './fields';
import { useWords } from './use-words';
import type { Word } from './words';

const EMPTY = {
  name: '',
  imo: '',
  mmsi: '',
  callSign: '',
  flag: '',
  type: 'CONTAINER',
  grossTonnage: '',
  voyage: '',
  port: 'CNTXG',
  berth: '',
  etaDate: '',
  etaTime: '',
  etdDate: '',
  etdTime: '',
  lastPort: '',
  nextPort: '',
};
type Fields = typeof EMPTY;

/** The announcement the fields make, as the API takes it (empty optional fields left out). */
function announcementOf(f: Fields): unknown {
  const zone = portTimeZone(f.port);
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    vessel: {
      name: f.name,
      imo: f.imo.trim(),
      mmsi: f.mmsi.trim(),
      callSign: f.callSign.trim(),
      flag: f.flag.trim(),
      type: f.type,
      ...(opt(f.grossTonnage) && { grossTonnage: Number(f.grossTonnage) }),
    },
    voyage: f.voyage.trim(),
    port: f.port.trim(),
    ...(opt(f.berth) && { berth: f.berth }),
    eta: fromPortTime(f.etaDate, f.etaTime, zone) ?? '',
    etd: fromPortTime(f.etdDate, f.etdTime, zone) ?? '',
    ...(opt(f.lastPort) && { lastPort: f.lastPort.trim() }),
    ...(opt(f.nextPort) && { nextPort: f.nextPort.trim() }),
  };
}

/** Every problem the API would answer with, found here first: the schema and the port-call rules. */
export function announcementProblems(f: Fields, lang: 'en' | 'zh', now = new Date()): FieldErrors {
  const value = announcementOf(f);
  const out = issuesOf(CallAnnouncement, value, lang);
  // The rules read one field or two each: run on what there is, so a wrong check digit shows while
  // other fields are still empty (a field's schema message comes first).
  const parsed = CallAnnouncement.safeParse(value);
  for (const v of announcementViolations(parsed.success ? parsed.data : (value as CallAnnouncement), now))
    out[v.path] ??= v[lang];
  return out;
}

/** Which form field shows the error of an API path. */
const FIELD_OF: Record<string, keyof Fields> = {
  'vessel.name': 'name',
  'vessel.imo': 'imo',
  'vessel.mmsi': 'mmsi',
  'vessel.callSign': 'callSign',
  'vessel.flag': 'flag',
  'vessel.type': 'type',
  'vessel.grossTonnage': 'grossTonnage',
  voyage: 'voyage',
  port: 'port',
  berth: 'berth',
  eta: 'etaDate',
  etd: 'etdDate',
  lastPort: 'lastPort',
  nextPort: 'nextPort',
};

export function Announce() {
  const { w, lang } = useWords();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [touched, setTouched] = useState<Set<keyof Fields>>(new Set());
  const [server, setServer] = useState<FieldErrors>({});
  const [tried, setTried] = useState(false);
  const [sending, setSending] = useState(false);

  const local = announcementProblems(fields, lang);
  const errorOf = (field: keyof Fields): string | undefined => {
    const paths = Object.keys(FIELD_OF).filter((p) => FIELD_OF[p] === field);
    for (const p of paths) {
      if (server[p]) return server[p];
      if ((tried || touched.has(field) || (field === 'etaDate' && touched.has('etaTime'))) && local[p]) return local[p];
    }
    return undefined;
  };
  const set = (field: keyof Fields) => (value: string) => {
    setFields((f) => ({ ...f, [field]: value }));
    // A server's word on a field stands until the agent changes that field (a time is part of its date's).
    const owner = field === 'etaTime' ? 'etaDate' : field === 'etdTime' ? 'etdDate' : field;
    setServer((s) => Object.fromEntries(Object.entries(s).filter(([p]) => FIELD_OF[p] !== owner)));
  };
  const blur = (field: keyof Fields) => () => setTouched((t) => new Set(t).add(field));

  const text = (field: keyof Fields, label: Word, props: { optional?: boolean; upper?: boolean } = {}) => (
    <FormField
      label={props.optional ? w('optionalField', { label: w(label) }) : w(label)}
      errorText={errorOf(field)}
      i18nStrings={{ errorIconAriaLabel: w('fixFields') }}
    >
      <Input
        value={fields[field]}
        onChange={({ detail }) => set(field)(props.upper ? detail.value.toUpperCase() : detail.value)}
        onBlur={blur(field)}
        ariaRequired={!props.optional}
      />
    </FormField>
  );
  // Two fields, each with its own name: the day and the time, both on the port's clock.
  const when = (date: 'etaDate' | 'etdDate', time: 'etaTime' | 'etdTime', label: Word) => (
    <SpaceBetween direction="horizontal" size="xs">
      <FormField
        label={w('dateOf', { what: w(label) })}
        description={zoneName(lang, portTimeZone(fields.port))}
        errorText={errorOf(date)}
        i18nStrings={{ errorIconAriaLabel: w('fixFields') }}
      >
        <DatePicker
          value={fields[date]}
          onChange={({ detail }) => set(date)(detail.value)}
          onBlur={blur(date)}
          placeholder={w('dateHint')}
          openCalendarAriaLabel={(selected) => `${w(label)} ${selected ?? ''}`}
        />
      </FormField>
      <FormField label={w('timeOf', { what: w(label) })} description={w('timeHint')}>
        <TimeInput
          value={fields[time]}
          onChange={({ detail }) => set(time)(detail.value)}
          onBlur={blur(time)}
          format="hh:mm"
          placeholder={w('timeHint')}
        />
      </FormField>
    </SpaceBetween>
  );

  const send = async () => {
    setTried(true);
    if (Object.keys(local).length) return;
    setSending(true);
    try {
      const created = await api<{ callId: string }>('POST', '/v1/calls', announcementOf(fields));
      flash('success', w('announced'), `${fields.name} · ${fields.voyage}`);
      location.hash = `#/my-calls/${created.callId}`;
    } catch (error) {
      if (error instanceof ApiError && error.details.length) setServer(detailsOf(error.details));
      else flash('error', w('announce'), (error as Error).message);
    } finally {
      setSending(false);
    }
  };

  const typeOption = (t: string) => ({ value: t, label: t.replaceAll('_', ' ').toLowerCase() });
  const anyError = tried && (Object.keys(local).length > 0 || Object.keys(server).length > 0);
  return (
    <form onSubmit={(e) => (e.preventDefault(), void send())}>
      <Form
        header={<Header variant="h1">{w('announce')}</Header>}
        errorText={anyError ? w('fixFields') : undefined}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" href="#/my-calls">
              {w('cancel')}
            </Button>
            <Button variant="primary" loading={sending}>
              {w('send')}
            </Button>
          </SpaceBetween>
        }
      >
        <SpaceBetween size="l">
          <Container header={<Header variant="h2">{w('vessel')}</Header>}>
            <ColumnLayout columns={2}>
              {text('name', 'vesselName')}
              {text('imo', 'imo')}
              {text('mmsi', 'mmsi')}
              {text('callSign', 'callSign', { upper: true })}
              {text('flag', 'flag', { upper: true })}
              <FormField label={w('vesselType')} errorText={errorOf('type')}>
                <Select
                  selectedOption={typeOption(fields.type)}
                  onChange={({ detail }) => set('type')(detail.selectedOption.value!)}
                  options={VesselType.options.map(typeOption)}
                />
              </FormField>
              {text('grossTonnage', 'grossTonnage', { optional: true })}
            </ColumnLayout>
          </Container>
          <Container header={<Header variant="h2">{w('schedule')}</Header>}>
            <ColumnLayout columns={2}>
              {text('voyage', 'voyage')}
              {text('port', 'portCode', { upper: true })}
              {when('etaDate', 'etaTime', 'eta')}
              {when('etdDate', 'etdTime', 'etd')}
              {text('berth', 'berth', { optional: true })}
              {text('lastPort', 'lastPort', { optional: true, upper: true })}
              {text('nextPort', 'nextPort', { optional: true, upper: true })}
            </ColumnLayout>
          </Container>
        </SpaceBetween>
      </Form>
    </form>
  );
}
