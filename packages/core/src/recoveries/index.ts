/** Payment references for recoveries from clients (Belgian structured communication, RF). */
export { rfCreditorReference, structuredCommunication } from "./structured-communication";
