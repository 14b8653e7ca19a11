import * as React from "react";
import { Button, Field, Select, Text, Textarea } from "@fluentui/react-components";
import {
  ClipboardPaste20Regular,
  DocumentArrowUp20Regular,
  Table20Regular,
} from "@fluentui/react-icons";
import { useLocale } from "../i18n";
import { fill } from "../i18n/format";
import { useSectionStyles } from "../shell/sectionStyles";
import { useImportStyles } from "./styles";
import type { ImportState } from "./useImport";

/**
 * Where the rows come from: a CSV, text or XLSX file, pasted text, or a sheet (or the selection)
 * of this workbook.
 *
 * @param props the section state
 * @returns the source step
 * @example
 * <SourceStep state={state} />
 */
export function SourceStep({ state }: { readonly state: ImportState }): React.ReactElement {
  const styles = useImportStyles();
  const card = useSectionStyles();
  const s = useLocale().strings.import;
  const fileId = "import-file";
  const fileInput = React.useRef<HTMLInputElement>(null);
  const source = state.source;
  const [choice, setChoice] = React.useState("");
  const sheets = source.workbookSheets;
  const options = sheets ? [...(sheets.selection ? [sheets.selection] : []), ...sheets.sheets] : [];
  const chosen = choice !== "" && options.includes(choice) ? choice : (options[0] ?? "");

  return (
    <>
      <div className={card.group}>
        <Text weight="semibold" id={`${fileId}-label`}>
          {s.chooseFile}
        </Text>
        {/* The browser's own file input speaks the browser's language; a Fluent button with our
            label opens it instead, so the Arabic pane stays Arabic. */}
        <input
          id={fileId}
          ref={fileInput}
          type="file"
          accept=".csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={styles.file}
          data-testid="import-file"
          tabIndex={-1}
          aria-hidden="true"
          disabled={state.busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void source.loadFile(file);
          }}
        />
        <Button
          className={styles.browse}
          icon={<DocumentArrowUp20Regular />}
          aria-labelledby={`${fileId}-label ${fileId}-button`}
          id={`${fileId}-button`}
          disabled={state.busy}
          onClick={() => fileInput.current?.click()}
        >
          {s.browseFile}
        </Button>
        <Text size={200} className={styles.muted}>
          {s.fileHint}
        </Text>
      </div>

      <div className={card.group} data-testid="import-workbook">
        <Text weight="semibold">{s.fromWorkbook}</Text>
        {sheets === null ? (
          <Button
            className={styles.browse}
            icon={<Table20Regular />}
            disabled={state.busy}
            onClick={() => void source.listWorkbookSheets()}
            data-testid="import-workbook-list"
          >
            {s.fromWorkbookButton}
          </Button>
        ) : (
          <div className={styles.row}>
            <Field label={s.workbookSheetLabel}>
              <Select
                value={chosen}
                onChange={(_, d) => setChoice(d.value)}
                disabled={state.busy}
                data-testid="import-workbook-sheet"
              >
                {options.map((o) => (
                  <option key={o} value={o}>
                    {o === sheets.selection ? fill(s.workbookSelection, { address: o }) : o}
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              disabled={state.busy || chosen === ""}
              onClick={() => void source.loadWorkbookSheet(chosen)}
              data-testid="import-workbook-read"
            >
              {s.readSheetButton}
            </Button>
          </div>
        )}
      </div>

      <Field label={s.pasteLabel} hint={s.pasteHint}>
        <Textarea
          value={state.pasted}
          onChange={(_, d) => state.setPasted(d.value)}
          resize="vertical"
          disabled={state.busy}
          data-testid="import-paste"
        />
      </Field>
      <div className={styles.row}>
        <Button
          icon={<ClipboardPaste20Regular />}
          onClick={state.usePasted}
          disabled={state.busy || state.pasted.trim() === ""}
        >
          {s.usePasted}
        </Button>
      </div>
    </>
  );
}
