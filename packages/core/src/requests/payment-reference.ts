import { structuredCommunication } from "../recoveries/structured-communication";

/** A number of at most ten digits that identifies the request in payment references. */
export const referenceNumberOf = (id: string) =>
  Number.parseInt(id.replace(/-/g, "").slice(0, 8), 16) % 10_000_000_000;

/** The Belgian structured communication a member or client writes on their transfer. */
export const referenceOf = (id: string) => structuredCommunication(referenceNumberOf(id));
