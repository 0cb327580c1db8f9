/** The field keys of the status page's upload places: stable across page loads, never personal. */
import type { InnsynView } from "./view";

export const taskKey = (task: InnsynView["tasks"][number], index: number) => `oppgave-${task.dokumentreferanse ?? index}`;
export const kravKey = (referanse: string) => `krav-${referanse}`;
export const missingKey = (type: string) => `mangler-${type}`;
