import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarActions,
  ProgressBar,
  SearchBox,
  Text,
  useId,
} from "@fluentui/react-components";
import { useGalleryStyles } from "./styles";
import { useSectionStyles } from "../shell/sectionStyles";
import { AddRegular } from "@fluentui/react-icons";
import { useLocale } from "../i18n";
import { fill, formatNumber, pluralCategory } from "../i18n/format";
import { fillNodes } from "../i18n/bidi";
import { useNavigation } from "../shell/navigation";
import { FunctionsState, GalleryFunction, InsertState, useFunctions } from "./useFunctions";
import { LoadFunctions, fetchFunctions } from "./metadata";
import { NAMESPACE } from "./examples";
import { HelpText } from "./helpText";
import { FormulaActions } from "../../workbook/insertFormula";

/** Props of the Functions section. */
export interface FunctionsSectionProps {
  /** The workbook action that writes a formula into the selected cell. */
  readonly actions: FormulaActions;
  /** Loads the function metadata (the built functions.json files by default). */
  readonly loadFunctions?: LoadFunctions;
}

/**
 * The function gallery: every SALES function with its description, parameters and a ready
 * formula, searchable, with Insert into the selected cell.
 *
 * @example
 * <FunctionsSection actions={actions} />
 */
export function FunctionsSection({
  actions,
  loadFunctions = fetchFunctions,
}: FunctionsSectionProps): React.ReactElement {
  const styles = useGalleryStyles();
  const card = useSectionStyles();
  const { language, strings } = useLocale();
  const s = strings.functions;
  const headingId = useId("functions-heading");
  const gallery = useFunctions(language, loadFunctions, actions);
  const count = gallery.visible.length;
  const countText =
    gallery.status !== "ready"
      ? gallery.status === "loading"
        ? s.loading
        : ""
      : count === 0 && gallery.query.trim()
        ? fillNodes(s.noMatches, { query: gallery.query.trim() })
        : fill(s[`count_${pluralCategory(language, count)}`], {
            count: formatNumber(language, count),
          });

  return (
    <section aria-labelledby={headingId} className={card.section} data-testid="functions-section">
      <Text as="h2" id={headingId} size={400} weight="semibold" className={styles.flat}>
        {s.title}
      </Text>
      <Text as="p" size={200} className={styles.flat}>
        {s.intro}
      </Text>
      <Field label={s.searchLabel}>
        <SearchBox
          value={gallery.query}
          onChange={(_, data) => gallery.setQuery(data.value)}
          placeholder={s.searchPlaceholder}
        />
      </Field>
      <Text size={200} className={styles.count} role="status" aria-live="polite">
        {countText}
      </Text>
      {gallery.status === "loading" && <ProgressBar aria-label={s.loading} />}
      {gallery.status === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>
            {fillNodes(s.loadError, { detail: gallery.error ?? "" })}{" "}
            <Button size="small" onClick={gallery.reload}>
              {s.retry}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {gallery.status === "ready" && (
        <Accordion multiple collapsible>
          {gallery.visible.map((fn) => (
            <FunctionItem
              key={fn.id}
              fn={fn}
              insertState={gallery.insertState?.id === fn.id ? gallery.insertState : null}
              onInsert={gallery.insert}
            />
          ))}
        </Accordion>
      )}
    </section>
  );
}

interface FunctionItemProps {
  readonly fn: GalleryFunction;
  readonly insertState: InsertState | null;
  readonly onInsert: FunctionsState["insert"];
}

/** One function: a header with name and description; parameters, example and Insert inside. */
function FunctionItem({ fn, insertState, onInsert }: FunctionItemProps): React.ReactElement {
  const styles = useGalleryStyles();
  const s = useLocale().strings.functions;
  const fullName = `${NAMESPACE}.${fn.name}`;
  const busy = insertState?.kind === "busy";
  return (
    <AccordionItem value={fn.id}>
      <AccordionHeader as="h3" expandIconPosition="end">
        <span className={styles.header}>
          <span className={styles.name} dir="ltr">
            {fullName}
          </span>
          <Text size={200} className={styles.summary}>
            <HelpText text={fn.description} />
          </Text>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <div className={styles.panel}>
          {fn.resultDimensionality === "matrix" && <Text size={200}>{s.spills}</Text>}
          <Text weight="semibold">{s.parameters}</Text>
          <ul className={styles.params}>
            {fn.parameters.map((p) => (
              <li key={p.name} className={styles.param}>
                <span className={styles.paramHead}>
                  <code className={styles.paramName} dir="ltr">
                    {p.name}
                  </code>
                  {p.optional && (
                    <Badge appearance="tint" color="informative" size="small">
                      {s.optional}
                    </Badge>
                  )}
                </span>
                <Text size={200}>
                  <HelpText text={p.description} />
                </Text>
              </li>
            ))}
          </ul>
          {fn.formula !== null && (
            <>
              <Text weight="semibold">{s.example}</Text>
              <code className={styles.formula} dir="ltr">
                {fn.formula}
              </code>
              <div className={styles.actions}>
                <Button
                  appearance="primary"
                  icon={<AddRegular />}
                  disabled={busy}
                  aria-label={fill(s.insertLabel, { name: fullName })}
                  onClick={() => void onInsert(fn)}
                >
                  {busy ? s.inserting : s.insert}
                </Button>
              </div>
            </>
          )}
          <div aria-live="polite">
            <InsertMessage state={insertState} />
          </div>
        </div>
      </AccordionPanel>
    </AccordionItem>
  );
}

/** The outcome of Insert, said in the user's language. */
function InsertMessage({
  state,
}: {
  readonly state: InsertState | null;
}): React.ReactElement | null {
  const { strings } = useLocale();
  const s = strings.functions;
  const runSetup = strings.setup.runSetup;
  const nav = useNavigation();
  if (!state || state.kind === "busy") return null;
  if (state.kind === "failed") {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{fillNodes(s.insertError, { detail: state.detail })}</MessageBarBody>
      </MessageBar>
    );
  }
  const r = state.result;
  const text =
    r.status === "inserted"
      ? fillNodes(s.inserted, { formula: state.formula, address: r.address })
      : r.status === "occupied"
        ? fillNodes(s.occupied, { address: r.address })
        : fillNodes(r.tables.length > 1 ? s.missingTablesMany : s.missingTables, {
            tables: r.tables.join(s.listSeparator),
          });
  return (
    <MessageBar intent={r.status === "inserted" ? "success" : "warning"} layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
      {r.status === "missingTables" && (
        <MessageBarActions>
          <Button size="small" onClick={() => nav.go("home", "setup")}>
            {runSetup}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
