// A crew or passenger list: read from a spreadsheet (file picker or drag and drop) by the API's
// import, every problem marked on its row and cell, each cell editable in place to fix it.
import {
  Alert,
  Box,
  Button,
  FileDropzone,
  FileInput,
  Header,
  Input,
  SpaceBetween,
  StatusIndicator,
  Table,
  type TableProps,
} from '@cloudscape-design/components';
import { useState } from 'react';
import type { PersonsImport } from '../../../../functions/imports/schema.ts';
import { flash } from '../../ui/flash';
import { importPersons } from '../client';
import type { FieldErrors } from '../fields';
import { useWords } from '../use-words';
import type { Word } from '../words';
import { type ImportState, type List, type Person, get, rowProblems, set } from './rows';

const FIELDS: { path: string; word: Word; lists?: List[] }[] = [
  { path: 'ref', word: 'ref' },
  { path: 'familyName', word: 'familyName' },
  { path: 'givenNames', word: 'givenNames' },
  { path: 'rank', word: 'rank', lists: ['crew'] },
  { path: 'nationality', word: 'nationality' },
  { path: 'gender', word: 'gender' },
  { path: 'dateOfBirth', word: 'dateOfBirth' },
  { path: 'document.type', word: 'documentType' },
  { path: 'document.number', word: 'documentNumber' },
  { path: 'document.issuingState', word: 'issuingState' },
  { path: 'document.expiry', word: 'documentExpiry' },
];

export function PersonsStep({
  list,
  persons,
  onChange,
  extra,
  state,
  onState,
  onImported,
}: {
  list: List;
  persons: Person[];
  onChange: (persons: Person[]) => void;
  /** Problems found beyond one row's shape (the declaration's rules, the server), by `index.field`. */
  extra: FieldErrors;
  /** Kept by the wizard, so it outlives this step while the agent is on another. */
  state: ImportState;
  onState: (state: ImportState) => void;
  onImported: (answer: PersonsImport, file: string) => void;
}) {
  const { w, lang } = useWords();
  const [file, setFile] = useState<File[]>([]);
  const [reading, setReading] = useState(false);
  const edited = new Set(state.edited);
  const problems = rowProblems(list, persons, state.problems, edited, extra, lang);
  const count = problems.reduce((n, p) => n + Object.keys(p).length, 0);
  const summary = state.file ? w('imported', { n: state.count ?? 0, file: state.file }) : undefined;
  const label = (path: string) => {
    const field = FIELDS.find((f) => f.path === path);
    return field ? w(field.word) : path || w('row');
  };

  const read = async (files: File[]) => {
    const picked = files[0];
    setFile(files);
    if (!picked) return;
    setReading(true);
    try {
      onImported(await importPersons(picked), picked.name);
    } catch (error) {
      flash('error', w('upload'), (error as Error).message);
    } finally {
      setReading(false);
    }
  };

  const fields = FIELDS.filter((f) => !f.lists || f.lists.includes(list));
  const columns: TableProps.ColumnDefinition<Person>[] = [
    {
      id: 'problems',
      header: w('problems'),
      minWidth: 220,
      cell: (p) => {
        const mine = problems[persons.indexOf(p)] ?? {};
        const entries = Object.entries(mine);
        if (!entries.length) return <StatusIndicator type="success">{w('noProblems')}</StatusIndicator>;
        return (
          <SpaceBetween size="xxxs">
            {entries.map(([path, message]) => (
              <StatusIndicator key={path} type="error">{`${label(path)}: ${message}`}</StatusIndicator>
            ))}
          </SpaceBetween>
        );
      },
    },
    ...fields.map(
      (f): TableProps.ColumnDefinition<Person> => ({
        id: f.path,
        header: w(f.word),
        minWidth: f.path === 'ref' || f.path === 'gender' ? 90 : 140,
        cell: (p) => {
          const value = String(get(p, f.path) ?? '');
          return problems[persons.indexOf(p)]?.[f.path] ? (
            <StatusIndicator type="error">{value || '—'}</StatusIndicator>
          ) : (
            value
          );
        },
        editConfig: {
          ariaLabel: w(f.word),
          errorIconAriaLabel: w('problems'),
          editIconAriaLabel: w('edit'),
          editingCell: (p, { currentValue, setValue }) => (
            <Input
              autoFocus
              ariaLabel={w(f.word)}
              value={currentValue ?? String(get(p, f.path) ?? '')}
              onChange={({ detail }) => setValue(detail.value)}
            />
          ),
        },
      }),
    ),
  ];

  return (
    <SpaceBetween size="m">
      <FileDropzone onChange={({ detail }) => void read(detail.value)}>
        <SpaceBetween size="xs" alignItems="center">
          <Box>{w('uploadHint')}</Box>
          <FileInput
            value={file}
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ariaLabel={`${w('upload')}: ${w(list === 'crew' ? 'stepCrew' : 'stepPassengers')}`}
            onChange={({ detail }) => void read(detail.value)}
          >
            {w('chooseFile')}
          </FileInput>
        </SpaceBetween>
      </FileDropzone>
      {reading && <StatusIndicator type="loading">{w('upload')}</StatusIndicator>}
      {summary && !reading && (
        <Alert type={count ? 'warning' : 'success'} header={summary}>
          {count ? w('problemsToFix', { n: count }) : w('noProblems')}
        </Alert>
      )}
      <Table
        header={
          <Header
            variant="h2"
            counter={`(${persons.length})`}
            actions={
              <Button
                onClick={() => onChange([...persons, { ref: `${list === 'crew' ? 'C' : 'P'}${persons.length + 1}` }])}
              >
                {w('addPerson')}
              </Button>
            }
          >
            {w(list === 'crew' ? 'stepCrew' : 'stepPassengers')}
          </Header>
        }
        items={persons}
        trackBy={(p) => String(persons.indexOf(p))}
        columnDefinitions={columns}
        wrapLines
        ariaLabels={{
          tableLabel: w(list === 'crew' ? 'stepCrew' : 'stepPassengers'),
          activateEditLabel: (column, p) => `${w('edit')} ${column.header} · ${p.ref ?? ''}`,
          cancelEditLabel: () => w('cancel'),
          submitEditLabel: () => w('save'),
          submittingEditText: () => w('save'),
        }}
        submitEdit={(p, column, value) => {
          const i = persons.indexOf(p);
          const next = [...persons];
          next[i] = set(p, String(column.id), String(value ?? ''));
          onState({ ...state, edited: [...state.edited, i] });
          onChange(next);
        }}
        empty={<Box textAlign="center">{w('uploadHint')}</Box>}
      />
    </SpaceBetween>
  );
}
