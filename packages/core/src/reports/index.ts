/** The general-assembly report: its figures, as HTML and CSV, and the counters transitions keep. */
export { reportCounterWrites } from "./counters";
export { reportCsv } from "./csv";
export { assemblyFigures } from "./figures";
export { reportHtml } from "./html";
