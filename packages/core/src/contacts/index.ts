/** The language each person who receives mail reads. */
export { languageOf, parseAddress, setLanguages } from "./language";
