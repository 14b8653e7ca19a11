import * as React from "react";
import {
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Text,
} from "@fluentui/react-components";
import { TEXT_ENCODINGS, TextEncodingName } from "../../engine/csv/encoding";
import type { ImportTarget } from "../../engine/csv/types";
import { Strings, useLocale } from "../i18n";
import { fill, formatNumber } from "../i18n/format";
import { useSectionStyles } from "../shell/sectionStyles";
import { useImportStyles } from "./styles";
import { columnCaption, sourceName } from "./text";
import type { ImportState } from "./useImport";

/** The catalogue key of each encoding's menu label (the labels are localized). */
const ENCODING_KEYS = {
  "utf-8": "encodingUtf8",
  "windows-1252": "encodingWindows1252",
  "windows-1256": "encodingWindows1256",
  "utf-16le": "encodingUtf16le",
  "utf-16be": "encodingUtf16be",
} as const satisfies Readonly<Record<TextEncodingName, keyof Strings["import"]>>;

/**
 * How the source is read, with a way to change it: the encoding and separator of a text file,
 * or the sheet of an XLSX workbook.
 *
 * @param props the section state
 * @returns the options, or nothing for pasted text and sheets of this workbook
 * @example
 * <SourceOptions state={state} />
 */
export function SourceOptions({
  state,
}: {
  readonly state: ImportState;
}): React.ReactElement | null {
  const styles = useImportStyles();
  const s = useLocale().strings.import;
  const src = state.source.source;
  if (src?.kind === "xlsx" && src.sheets.length > 0) {
    return (
      <Field label={s.sheetLabel}>
        <Select
          value={src.sheet}
          onChange={(_, d) => void state.source.setSheet(d.value)}
          disabled={state.busy}
          data-testid="import-sheet"
        >
          {src.sheets.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
    );
  }
  if (src?.kind !== "text") return null;
  const delimiters: [string, string][] = [
    [",", s.delimiterComma],
    [";", s.delimiterSemicolon],
    ["\t", s.delimiterTab],
    ["|", s.delimiterPipe],
  ];
  const parsed = state.source.parsed;
  const delimiter = src.delimiter ?? (parsed?.ok ? parsed.csv.delimiter : ",");
  return (
    <div className={styles.row} data-testid="import-source-options">
      {src.encoding && (
        <Field label={s.encodingLabel} hint={s.encodingHint}>
          <Select
            value={src.encoding}
            onChange={(_, d) => state.source.setEncoding(d.value as TextEncodingName)}
            disabled={state.busy}
            data-testid="import-encoding"
          >
            {TEXT_ENCODINGS.map((e) => (
              <option key={e} value={e}>
                {s[ENCODING_KEYS[e]]}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={s.delimiterLabel}>
        <Select
          value={delimiter}
          onChange={(_, d) => state.source.setDelimiter(d.value)}
          disabled={state.busy}
          data-testid="import-delimiter"
        >
          {delimiters.map(([d, label]) => (
            <option key={d} value={d}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

/**
 * The mapping step: what was detected and how the source is read, the target table, errors of
 * the file, the column mapping, and the questions the rows leave open (decimal mark, day/month
 * order, cutting texts longer than a cell).
 *
 * @param props the section state
 * @returns the mapping step
 * @example
 * <MappingStep state={state} />
 */
export function MappingStep({ state }: { readonly state: ImportState }): React.ReactElement {
  const styles = useImportStyles();
  const card = useSectionStyles();
  const { language, strings } = useLocale();
  const s = strings.import;
  const n = (v: number): string => formatNumber(language, v);
  const prepared = state.prepared;
  const target = state.target;
  const src = state.source.source;
  const name =
    src?.kind === "workbook" ? fill(s.sourceWorkbook, { sheet: src.name }) : (src?.name ?? null);
  return (
    <>
      {name && <Text size={200}>{fill(s.fileChosen, { name })}</Text>}
      <SourceOptions state={state} />
      {state.detection && state.csv && (
        <div className={card.group} data-testid="import-detected">
          <Text>
            {fill(s.detected, {
              source: sourceName(s, state.detection.preset?.id ?? null),
            })}
          </Text>
          <Text size={200} className={styles.muted}>
            {fill(s.fileStats, {
              rows: n(state.csv.rows.length),
              columns: n(state.csv.headers.length),
            })}
            {state.csv.footer.length > 0
              ? ` ${fill(s.footerDropped, { count: n(state.csv.footer.length) })}`
              : ""}
          </Text>
        </div>
      )}

      {state.csv && (
        <Field label={s.target}>
          <RadioGroup
            layout="horizontal"
            value={target}
            onChange={(_, d) => state.setTarget(d.value as ImportTarget)}
            disabled={state.busy}
          >
            <Radio value="Leads" label={s.targetLeads} />
            <Radio value="Deals" label={s.targetDeals} />
          </RadioGroup>
        </Field>
      )}

      {state.fileError && (
        <MessageBar intent="error" data-testid="import-file-error">
          <MessageBarBody>
            <MessageBarTitle>{s.errorTitle}</MessageBarTitle>
            {state.fileError.message}
            {state.fileError.lines.length > 0 && (
              <ul className={card.list}>
                {state.fileError.lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      {state.csv && (
        <div className={card.group} role="group" aria-labelledby="import-mapping-title">
          <Text id="import-mapping-title" weight="semibold">
            {s.mappingTitle}
          </Text>
          <Text size={200} className={styles.muted}>
            {s.mappingHint}
          </Text>
          <div className={styles.mapping} data-testid="import-mapping">
            {state.csv.headers.map((header, i) => {
              const id = `import-map-${i}`;
              return (
                <React.Fragment key={i}>
                  <label htmlFor={id} className={styles.header}>
                    <Text size={200}>{header}</Text>
                  </label>
                  <Select
                    id={id}
                    size="small"
                    value={state.mapping[i] ?? ""}
                    disabled={state.busy}
                    onChange={(_, d) => state.setColumn(i, d.value === "" ? null : d.value)}
                  >
                    <option value="">{s.notImported}</option>
                    {state.targets.map((column) => (
                      <option key={column} value={column}>
                        {columnCaption(s, target, column, language)}
                      </option>
                    ))}
                  </Select>
                </React.Fragment>
              );
            })}
          </div>
          {prepared && prepared.unmapped.length > 0 && (
            <Text size={200} data-testid="import-unmapped">
              {fill(s.unmappedNote, {
                headers: prepared.unmapped.map((u) => u.header).join(", "),
              })}
            </Text>
          )}
          {prepared && !prepared.records.idMapped && (
            <MessageBar intent="warning">
              <MessageBarBody>{s.noIdNote}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}

      {state.numberQuestions.map((q) => (
        <Field
          key={q.column}
          label={fill(s.numberMarkTitle, {
            column: columnCaption(s, target, q.column, language),
          })}
          hint={fill(s.numberMarkHint, { example: q.example })}
          data-testid="import-number-mark"
        >
          <RadioGroup
            value={q.mark ?? ""}
            onChange={(_, d) => state.setNumberMark(q.column, d.value === "," ? "," : ".")}
            disabled={state.busy}
          >
            <Radio
              value=","
              label={fill(s.numberMarkComma, {
                example: q.example,
                value: q.comma === undefined ? "—" : formatNumber(language, q.comma),
              })}
            />
            <Radio
              value="."
              label={fill(s.numberMarkDot, {
                example: q.example,
                value: q.dot === undefined ? "—" : formatNumber(language, q.dot),
              })}
            />
          </RadioGroup>
        </Field>
      ))}

      {state.ambiguousExample && (
        <Field
          label={s.dateOrderTitle}
          hint={fill(s.dateOrderHint, { example: state.ambiguousExample })}
          data-testid="import-date-order"
        >
          <RadioGroup
            value={state.dateOrder ?? ""}
            onChange={(_, d) => state.setDateOrder(d.value === "dmy" ? "dmy" : "mdy")}
            disabled={state.busy}
          >
            <Radio value="dmy" label={s.dateOrderDmy} />
            <Radio value="mdy" label={s.dateOrderMdy} />
          </RadioGroup>
        </Field>
      )}

      {state.tooLong.length > 0 && (
        <Checkbox
          checked={state.truncate}
          onChange={(_, d) => state.setTruncate(d.checked === true)}
          disabled={state.busy}
          label={s.truncateLong}
          data-testid="import-truncate"
        />
      )}
    </>
  );
}
