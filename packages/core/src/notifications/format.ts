/** The formats emails use: the product's one set, under the names the templates know. */
export {
  formatDate as day,
  formatEuros as euros,
  formatList as list,
  formatMoment as moment,
  localeOf,
} from "../i18n";
