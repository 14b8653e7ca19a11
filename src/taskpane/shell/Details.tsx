import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
} from "@fluentui/react-components";

/** Props of {@link Details}. */
export interface DetailsProps {
  /** The disclosure's label ("Details"). */
  readonly label: string;
  readonly children: React.ReactNode;
}

/**
 * A closed "Details" disclosure for the technical side of a report (named items, settings,
 * schema version, row numbers), so the report itself stays in the user's words.
 *
 * @example
 * <Details label={s.details}><ul>…</ul></Details>
 */
export function Details({ label, children }: DetailsProps): React.ReactElement {
  return (
    <Accordion collapsible data-testid="details">
      <AccordionItem value="details">
        <AccordionHeader size="small" as="h3">
          {label}
        </AccordionHeader>
        <AccordionPanel>{children}</AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
